// The deterministic demo school: see demo_school.h.
//
// Index (grep for "[SECTION]"):
//   [SECTION] Random numbers       own PRNG and shuffle, identical on every platform
//   [SECTION] Names                first names, patronymics, surnames and their female forms
//   [SECTION] Text                 transliteration, Russian alphabetical order
//   [SECTION] Dates                ISO dates and day arithmetic
//   [SECTION] The school's shape   classes per grade, subjects and curriculum, staff positions
//   [SECTION] The generator        people, families, classes, accounts (in memory)
//   [SECTION] Thematic plans and control works   КТП per group, the first half-year's ВСОКО
//   [SECTION] Writing              one transaction of inserts
//   [SECTION] CreateDemoSchool
#include "demo_school.h"

#include "demo_journal.h"
#include "demo_rng.h"

#include <algorithm>
#include <array>
#include <map>
#include <cstdlib>
#include <set>
#include <tuple>
#include <utility>

#include "control_work_load.h"
#include "control_works.h"
#include "names.h"
#include "planning_store.h"
#include "thematic_plan.h"
#include "roles.h"
#include "school_rules.h"
#include "calendar.h"
#include "structure.h"
#include "structure_store.h"
#include "timetable.h"
#include "timetable_store.h"
#include "date.h"
#include "text.h"

namespace ej::server {
namespace {

// -----------------------------------------------------------------------------------------
// [SECTION] Random numbers
// -----------------------------------------------------------------------------------------

// The Rng lives in demo_rng.h (the demo journal uses it too).

// -----------------------------------------------------------------------------------------
// [SECTION] Names
// -----------------------------------------------------------------------------------------

// Which generations a first name is common in.
enum Generation : uint8_t {
  kChildren = 1,  // born 2008–2020: today's students
  kParents = 2,   // born 1970–2000: parents and most staff
  kElders = 4,    // born 1935–1975: grandparents, older staff, the fathers who give patronymics
};

struct MaleName {
  std::string_view name;
  std::string_view patronymic_m;  // Сергеевич
  std::string_view patronymic_f;  // Сергеевна
  uint8_t generations;
};

constexpr MaleName kMaleNames[] = {
    {"Александр", "Александрович", "Александровна", kChildren | kParents | kElders},
    {"Алексей", "Алексеевич", "Алексеевна", kChildren | kParents | kElders},
    {"Анатолий", "Анатольевич", "Анатольевна", kElders},
    {"Андрей", "Андреевич", "Андреевна", kChildren | kParents | kElders},
    {"Антон", "Антонович", "Антоновна", kParents},
    {"Арсений", "Арсеньевич", "Арсеньевна", kChildren},
    {"Артём", "Артёмович", "Артёмовна", kChildren | kParents},
    {"Богдан", "Богданович", "Богдановна", kChildren},
    {"Борис", "Борисович", "Борисовна", kElders},
    {"Вадим", "Вадимович", "Вадимовна", kParents | kElders},
    {"Валерий", "Валерьевич", "Валерьевна", kElders},
    {"Василий", "Васильевич", "Васильевна", kParents | kElders},
    {"Виктор", "Викторович", "Викторовна", kParents | kElders},
    {"Виталий", "Витальевич", "Витальевна", kParents | kElders},
    {"Владимир", "Владимирович", "Владимировна", kParents | kElders},
    {"Владислав", "Владиславович", "Владиславовна", kChildren | kParents},
    {"Геннадий", "Геннадьевич", "Геннадьевна", kElders},
    {"Георгий", "Георгиевич", "Георгиевна", kChildren | kElders},
    {"Глеб", "Глебович", "Глебовна", kChildren},
    {"Григорий", "Григорьевич", "Григорьевна", kElders},
    {"Даниил", "Даниилович", "Данииловна", kChildren},
    {"Денис", "Денисович", "Денисовна", kParents},
    {"Дмитрий", "Дмитриевич", "Дмитриевна", kChildren | kParents | kElders},
    {"Евгений", "Евгеньевич", "Евгеньевна", kParents | kElders},
    {"Егор", "Егорович", "Егоровна", kChildren | kParents},
    {"Иван", "Иванович", "Ивановна", kChildren | kParents | kElders},
    {"Игорь", "Игоревич", "Игоревна", kParents | kElders},
    {"Илья", "Ильич", "Ильинична", kChildren | kParents},
    {"Кирилл", "Кириллович", "Кирилловна", kChildren | kParents},
    {"Константин", "Константинович", "Константиновна", kParents | kElders},
    {"Лев", "Львович", "Львовна", kChildren},
    {"Леонид", "Леонидович", "Леонидовна", kElders},
    {"Максим", "Максимович", "Максимовна", kChildren | kParents},
    {"Марк", "Маркович", "Марковна", kChildren},
    {"Матвей", "Матвеевич", "Матвеевна", kChildren},
    {"Михаил", "Михайлович", "Михайловна", kChildren | kParents | kElders},
    {"Никита", "Никитич", "Никитична", kChildren | kParents},
    {"Николай", "Николаевич", "Николаевна", kParents | kElders},
    {"Олег", "Олегович", "Олеговна", kParents | kElders},
    {"Павел", "Павлович", "Павловна", kParents | kElders},
    {"Пётр", "Петрович", "Петровна", kElders},
    {"Роман", "Романович", "Романовна", kChildren | kParents},
    {"Сергей", "Сергеевич", "Сергеевна", kParents | kElders},
    {"Станислав", "Станиславович", "Станиславовна", kParents},
    {"Степан", "Степанович", "Степановна", kChildren},
    {"Тимофей", "Тимофеевич", "Тимофеевна", kChildren},
    {"Тимур", "Тимурович", "Тимуровна", kChildren},
    {"Фёдор", "Фёдорович", "Фёдоровна", kChildren | kElders},
    {"Юрий", "Юрьевич", "Юрьевна", kParents | kElders},
    {"Ярослав", "Ярославович", "Ярославовна", kChildren},
};

struct FemaleName {
  std::string_view name;
  uint8_t generations;
};

constexpr FemaleName kFemaleNames[] = {
    {"Алёна", kParents},
    {"Александра", kChildren | kParents},
    {"Алина", kChildren | kParents},
    {"Алиса", kChildren},
    {"Анастасия", kChildren | kParents},
    {"Анна", kChildren | kParents | kElders},
    {"Антонина", kElders},
    {"Валентина", kElders},
    {"Валерия", kChildren},
    {"Варвара", kChildren},
    {"Василиса", kChildren},
    {"Вера", kChildren | kElders},
    {"Вероника", kChildren},
    {"Виктория", kChildren | kParents},
    {"Галина", kElders},
    {"Дарья", kChildren | kParents},
    {"Ева", kChildren},
    {"Евгения", kParents},
    {"Екатерина", kChildren | kParents},
    {"Елена", kParents | kElders},
    {"Елизавета", kChildren},
    {"Жанна", kParents},
    {"Злата", kChildren},
    {"Ирина", kParents | kElders},
    {"Кира", kChildren},
    {"Ксения", kChildren | kParents},
    {"Лариса", kElders},
    {"Любовь", kElders},
    {"Людмила", kElders},
    {"Маргарита", kChildren},
    {"Марина", kParents | kElders},
    {"Мария", kChildren | kParents},
    {"Милана", kChildren},
    {"Надежда", kParents | kElders},
    {"Наталья", kParents | kElders},
    {"Нина", kElders},
    {"Оксана", kParents},
    {"Ольга", kParents | kElders},
    {"Полина", kChildren},
    {"Светлана", kParents | kElders},
    {"София", kChildren},
    {"Таисия", kChildren},
    {"Тамара", kElders},
    {"Татьяна", kParents | kElders},
    {"Ульяна", kChildren},
    {"Юлия", kParents},
};

// Male forms; the female form is derived (FemaleSurname).
constexpr std::string_view kSurnames[] = {
    "Иванов",     "Смирнов",    "Кузнецов",   "Попов",      "Васильев",   "Петров",
    "Соколов",    "Михайлов",   "Новиков",    "Фёдоров",    "Морозов",    "Волков",
    "Алексеев",   "Лебедев",    "Семёнов",    "Егоров",     "Павлов",     "Козлов",
    "Степанов",   "Николаев",   "Орлов",      "Андреев",    "Макаров",    "Никитин",
    "Захаров",    "Зайцев",     "Соловьёв",   "Борисов",    "Яковлев",    "Григорьев",
    "Романов",    "Воробьёв",   "Сергеев",    "Кузьмин",    "Фролов",     "Александров",
    "Дмитриев",   "Королёв",    "Гусев",      "Киселёв",    "Ильин",      "Максимов",
    "Поляков",    "Сорокин",    "Виноградов", "Ковалёв",    "Белов",      "Медведев",
    "Антонов",    "Тарасов",    "Жуков",      "Баранов",    "Филиппов",   "Комаров",
    "Давыдов",    "Беляев",     "Герасимов",  "Богданов",   "Осипов",     "Сидоров",
    "Матвеев",    "Титов",      "Марков",     "Миронов",    "Крылов",     "Куликов",
    "Карпов",     "Власов",     "Мельников",  "Денисов",    "Гаврилов",   "Тихонов",
    "Казаков",    "Афанасьев",  "Данилов",    "Савельев",   "Тимофеев",   "Фомин",
    "Чернов",     "Абрамов",    "Мартынов",   "Ефимов",     "Федотов",    "Щербаков",
    "Назаров",    "Калинин",    "Исаев",      "Чернышёв",   "Быков",      "Маслов",
    "Родионов",   "Коновалов",  "Лазарев",    "Воронин",    "Климов",     "Филатов",
    "Пономарёв",  "Голубев",    "Кудрявцев",  "Прохоров",   "Наумов",     "Потапов",
    "Журавлёв",   "Овчинников", "Трофимов",   "Леонов",     "Соболев",    "Ермаков",
    "Колесников", "Гончаров",   "Емельянов",  "Никифоров",  "Грачёв",     "Котов",
    "Гришин",     "Ефремов",    "Архипов",    "Громов",     "Кириллов",   "Малышев",
    "Панов",      "Моисеев",    "Румянцев",   "Акимов",     "Кондратьев", "Бирюков",
    "Горбунов",   "Анисимов",   "Ерёмин",     "Тихомиров",  "Галкин",     "Лукьянов",
    "Михеев",     "Скворцов",   "Юдин",       "Белоусов",   "Нестеров",   "Симонов",
    "Харитонов",  "Князев",     "Цветков",    "Левин",      "Воронцов",   "Аксёнов",
    "Мальцев",    "Логинов",    "Горшков",    "Савин",      "Краснов",    "Майоров",
    "Демидов",    "Елисеев",    "Рыбаков",    "Сафонов",    "Плотников",  "Дёмин",
    "Хохлов",     "Жданов",     "Носов",      "Рябов",      "Лыткин",     "Голицын",
    "Вишневский", "Островский", "Садовский",  "Покровский", "Успенский",  "Троицкий",
    "Высоцкий",   "Донской",    "Шевченко",   "Бондаренко", "Коваленко",  "Кравченко",
    "Черных",     "Седых",      "Долгих",
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Иванов → Иванова, Вишневский → Вишневская, Донской → Донская; Шевченко and Черных do
// not change.
std::string FemaleSurname(std::string_view male) {
  std::string s(male);
  if (EndsWith(s, "ский") || EndsWith(s, "цкий") || EndsWith(s, "ской")) {
    s.resize(s.size() - std::string_view("ий").size());
    return s + "ая";
  }
  for (std::string_view suffix : {"ов", "ев", "ёв", "ин", "ын"}) {
    if (EndsWith(s, suffix)) return s + "а";
  }
  return s;
}

std::string SurnameFor(int surname, char sex) {
  return sex == 'f' ? FemaleSurname(kSurnames[surname]) : std::string(kSurnames[surname]);
}

// -----------------------------------------------------------------------------------------
// [SECTION] Text
// -----------------------------------------------------------------------------------------

// Decodes the next code point of UTF-8 text; the input here is our own tables, well formed.
std::string Pad(int value, int width) {
  std::string s = std::to_string(value);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<size_t>(width) - s.size(), '0');
  return s;
}

// -----------------------------------------------------------------------------------------
// [SECTION] Dates
// -----------------------------------------------------------------------------------------

Date Ymd(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// The year of an ISO date we wrote ourselves.
int YearOf(std::string_view iso) { return Date::ParseIso(iso)->year(); }

// A uniformly random day in [from, to].
std::string RandomDate(Rng& rng, Date from, Date to) {
  int64_t a = from.Days(), b = to.Days();
  return Date::FromDays(a + rng.Below(static_cast<int>(b - a + 1))).Iso();
}

std::string RandomDateInYear(Rng& rng, int year) {
  return RandomDate(rng, Ymd(year, 1, 1), Ymd(year, 12, 31));
}

// -----------------------------------------------------------------------------------------
// [SECTION] The school's shape
// -----------------------------------------------------------------------------------------

// 26 classes; fewer parallel classes after grade 4 and in the senior school, as usual.
constexpr int kClassesPerGrade[11] = {3, 3, 3, 2, 3, 2, 2, 2, 2, 2, 2};
constexpr std::string_view kLetters[3] = {"А", "Б", "В"};
constexpr int kMinClassSize = 25, kMaxClassSize = 30;
constexpr int kPrimaryClasses =
    kClassesPerGrade[0] + kClassesPerGrade[1] + kClassesPerGrade[2] + kClassesPerGrade[3];

// The demo class teacher leads 7А; the demo parent's children are in 7А and 3Б.
constexpr int kDemoClassGrade = 7;
constexpr int kDemoSiblingGrade = 3;
constexpr int kDemoSiblingLetter = 1;  // Б

enum SubjectId : int {
  kRussian,
  kLiteraryReading,
  kLiterature,
  kEnglish,
  kMathematics,
  kAlgebra,
  kGeometry,
  kProbability,
  kInformatics,
  kWorldAround,
  kHistory,
  kSocialStudies,
  kGeography,
  kBiology,
  kPhysics,
  kChemistry,
  kMusic,
  kArt,
  kTechnology,
  kPhysicalEducation,
  kObzr,
  kOrkse,
  kOdnknr,
  kSubjectCount
};

struct SubjectInfo {
  SubjectId id;
  std::string_view name;
  std::string_view short_name;
  // Hours a week in grades 1…11 (five-day week), after the federal curriculum (ФБУП of
  // ФООП НОО/ООО/СОО, 2023 edition with the 2024 changes; universal profile in 10–11).
  std::array<int, 11> hours;
};

constexpr SubjectInfo kSubjects[] = {
    {kRussian, "Русский язык", "Рус. яз.", {5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2}},
    {kLiteraryReading, "Литературное чтение", "Лит. чт.", {4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0}},
    {kLiterature, "Литература", "Лит-ра", {0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3}},
    {kEnglish, "Иностранный язык (английский)", "Англ. яз.", {0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3}},
    {kMathematics, "Математика", "Матем.", {4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0}},
    {kAlgebra, "Алгебра", "Алгебра", {0, 0, 0, 0, 0, 0, 3, 3, 3, 2, 2}},
    {kGeometry, "Геометрия", "Геом.", {0, 0, 0, 0, 0, 0, 2, 2, 2, 1, 1}},
    {kProbability, "Вероятность и статистика", "Вер. и стат.", {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}},
    {kInformatics, "Информатика", "Информ.", {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}},
    {kWorldAround, "Окружающий мир", "Окр. мир", {2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0}},
    {kHistory, "История", "История", {0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2}},
    {kSocialStudies, "Обществознание", "Общ.", {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2}},
    {kGeography, "География", "Геогр.", {0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1}},
    {kBiology, "Биология", "Биол.", {0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1}},
    {kPhysics, "Физика", "Физика", {0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 2}},
    {kChemistry, "Химия", "Химия", {0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1}},
    {kMusic, "Музыка", "Музыка", {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0}},
    {kArt, "Изобразительное искусство", "ИЗО", {1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0}},
    {kTechnology, "Труд (технология)", "Труд", {1, 1, 1, 1, 2, 2, 2, 1, 1, 0, 0}},
    {kPhysicalEducation, "Физическая культура", "Физ-ра", {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}},
    {kObzr, "Основы безопасности и защиты Родины", "ОБЗР", {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1}},
    {kOrkse,
     "Основы религиозных культур и светской этики",
     "ОРКСЭ",
     {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}},
    {kOdnknr,
     "Основы духовно-нравственной культуры народов России",
     "ОДНКНР",
     {0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0}},
};
static_assert(std::size(kSubjects) == kSubjectCount, "one row per subject");

constexpr uint32_t Bit(SubjectId id) { return 1u << id; }

enum class StaffKind {
  kHead,
  kDeputyAcademic,
  kDeputy,
  kSubjectTeacher,
  kPrimaryTeacher,
  kTechAdmin,
  kOther
};

struct StaffSpec {
  StaffKind kind;
  std::string_view position;
  int count;
  int female_percent;
  int born_from, born_to;
  uint32_t subjects;  // qualifications (staff_subjects), a bit per SubjectId
};

constexpr uint32_t kMathSubjects =
    Bit(kMathematics) | Bit(kAlgebra) | Bit(kGeometry) | Bit(kProbability);
constexpr uint32_t kPrimarySubjects = Bit(kRussian) | Bit(kLiteraryReading) | Bit(kMathematics) |
                                      Bit(kWorldAround) | Bit(kArt) | Bit(kTechnology) |
                                      Bit(kOrkse);

// In insertion order. The first subject teacher (mathematics) is the demo teacher who leads
// no class.
constexpr StaffSpec kStaff[] = {
    {StaffKind::kHead, "директор", 1, 60, 1966, 1980, 0},
    {StaffKind::kDeputyAcademic, "заместитель директора по УВР", 1, 85, 1970, 1988, 0},
    {StaffKind::kDeputy, "заместитель директора по ВР", 1, 85, 1972, 1990, 0},
    {StaffKind::kDeputy, "заместитель директора по УВР в начальной школе", 1, 95, 1968, 1988, 0},
    {StaffKind::kSubjectTeacher, "учитель математики", 5, 80, 1962, 2000, kMathSubjects},
    {StaffKind::kSubjectTeacher, "учитель математики и информатики", 1, 50, 1975, 2000,
     kMathSubjects | Bit(kInformatics)},
    {StaffKind::kSubjectTeacher, "учитель информатики", 1, 35, 1985, 2001, Bit(kInformatics)},
    {StaffKind::kSubjectTeacher, "учитель русского языка и литературы", 6, 95, 1962, 2000,
     Bit(kRussian) | Bit(kLiterature)},
    {StaffKind::kSubjectTeacher, "учитель английского языка", 6, 95, 1968, 2001, Bit(kEnglish)},
    {StaffKind::kSubjectTeacher, "учитель истории и обществознания", 3, 70, 1965, 2000,
     Bit(kHistory) | Bit(kSocialStudies) | Bit(kOdnknr)},
    {StaffKind::kSubjectTeacher, "учитель географии", 1, 80, 1962, 1995, Bit(kGeography)},
    {StaffKind::kSubjectTeacher, "учитель биологии", 1, 85, 1965, 1998, Bit(kBiology)},
    {StaffKind::kSubjectTeacher, "учитель химии и биологии", 1, 85, 1965, 1998,
     Bit(kChemistry) | Bit(kBiology)},
    {StaffKind::kSubjectTeacher, "учитель физики", 1, 40, 1962, 1995, Bit(kPhysics)},
    {StaffKind::kSubjectTeacher, "учитель физики и информатики", 1, 40, 1975, 2000,
     Bit(kPhysics) | Bit(kInformatics)},
    {StaffKind::kSubjectTeacher, "учитель музыки", 1, 80, 1965, 2000, Bit(kMusic)},
    {StaffKind::kSubjectTeacher, "учитель изобразительного искусства", 1, 85, 1965, 2000,
     Bit(kArt)},
    {StaffKind::kSubjectTeacher, "учитель труда (технологии)", 2, 50, 1962, 1995, Bit(kTechnology)},
    {StaffKind::kSubjectTeacher, "учитель физической культуры", 4, 45, 1965, 2001,
     Bit(kPhysicalEducation)},
    {StaffKind::kSubjectTeacher, "преподаватель-организатор ОБЗР", 1, 10, 1962, 1985, Bit(kObzr)},
    {StaffKind::kPrimaryTeacher, "учитель начальных классов", kPrimaryClasses, 97, 1962, 2001,
     kPrimarySubjects},
    {StaffKind::kTechAdmin, "системный администратор", 1, 15, 1985, 2000, 0},
    {StaffKind::kOther, "педагог-психолог", 1, 90, 1975, 2000, 0},
    {StaffKind::kOther, "педагог-библиотекарь", 1, 95, 1962, 1990, 0},
    {StaffKind::kOther, "социальный педагог", 1, 90, 1970, 1998, 0},
};

// -----------------------------------------------------------------------------------------
// [SECTION] The generator
// -----------------------------------------------------------------------------------------

struct Person {
  PersonName name;
  char sex = 'm';
  std::string birth_date;  // empty: NULL
  std::string email;       // empty: NULL
  std::string phone;       // empty: NULL
  std::vector<Role> roles;
  std::string position;   // staff only
  uint32_t subjects = 0;  // staff qualifications
  std::string login;
  bool demo = false;  // gets the demo password
};

struct ClassDraft {
  int grade = 0;
  int letter = 0;
  int teacher = -1;           // person index
  std::vector<int> students;  // person indices, alphabetical
};

struct Guardianship {
  int parent;
  int student;
  std::string_view kind;  // mother, father, guardian
};

// The demo logins, in the order DemoSummary lists them.
enum DemoSlot { kDirektor, kZavuch, kUchitel, kKlruk, kAdmin, kRoditel, kUchenik, kDemoCount };
constexpr std::string_view kDemoLogins[kDemoCount] = {"direktor", "zavuch",  "uchitel", "klruk",
                                                      "admin",    "roditel", "uchenik"};

struct School {
  std::vector<Person> persons;  // staff, then students class by class, then parents
  std::vector<ClassDraft> classes;
  std::vector<Guardianship> guardianships;
  int staff = 0, students = 0, parents = 0;
  std::array<int, kDemoCount> demo{};
};

class Generator {
 public:
  Generator(uint64_t seed, Date year_start) : rng_(seed), start_(year_start) {
    for (int i = 0; i < static_cast<int>(std::size(kMaleNames)); ++i) {
      for (uint8_t g : {kChildren, kParents, kElders}) {
        if (kMaleNames[i].generations & g) male_by_gen_[GenIndex(g)].push_back(i);
      }
    }
    for (int i = 0; i < static_cast<int>(std::size(kFemaleNames)); ++i) {
      for (uint8_t g : {kChildren, kParents, kElders}) {
        if (kFemaleNames[i].generations & g) female_by_gen_[GenIndex(g)].push_back(i);
      }
    }
  }

  School Run() {
    MakeClasses();
    MakeStaff();
    MakeStudentsAndFamilies();
    AssignLogins();
    return std::move(school_);
  }

 private:
  struct Family {
    enum Kind { kBoth, kMotherOnly, kFatherOnly, kGuardianOnly } kind = kBoth;
    int surname = 0;            // the children's surname (the father's)
    int father_name = 0;        // kMaleNames index; gives the children's patronymic
    std::vector<int> children;  // indices into drafts_
  };
  struct StudentDraft {
    int class_index = 0;
    char sex = 'm';
    int first = 0;  // kMaleNames or kFemaleNames index by sex
    std::string birth_date;
    int family = 0;
  };

  static int GenIndex(uint8_t g) { return g == kChildren ? 0 : g == kParents ? 1 : 2; }

  int RandomSurname() { return rng_.Below(static_cast<int>(std::size(kSurnames))); }
  int RandomMale(uint8_t g) { return rng_.Pick(male_by_gen_[GenIndex(g)]); }
  int RandomFemale(uint8_t g) { return rng_.Pick(female_by_gen_[GenIndex(g)]); }
  std::string_view FirstName(char sex, int index) const {
    return sex == 'f' ? kFemaleNames[index].name : kMaleNames[index].name;
  }
  std::string Patronymic(char sex, int father) const {
    return std::string(sex == 'f' ? kMaleNames[father].patronymic_f
                                  : kMaleNames[father].patronymic_m);
  }

  // An adult with a name not yet used by another adult.
  Person MakeAdult(char sex, int surname, uint8_t generation, int birth_year) {
    Person p;
    p.sex = sex;
    for (int attempt = 0;; ++attempt) {
      p.name.last = SurnameFor(surname, sex);
      p.name.first = std::string(
          FirstName(sex, sex == 'f' ? RandomFemale(generation) : RandomMale(generation)));
      p.name.middle = Patronymic(sex, RandomMale(kElders));
      if (adult_names_.insert(FullName(p.name)).second || attempt >= 20) break;
      surname = RandomSurname();
    }
    p.birth_date = RandomDateInYear(rng_, birth_year);
    p.phone = UniquePhone();
    return p;
  }

  std::string UniquePhone() {
    for (;;) {
      std::string phone = "+7 9" + Pad(rng_.Below(100), 2) + " " + Pad(rng_.Below(1000), 3) + "-" +
                          Pad(rng_.Below(100), 2) + "-" + Pad(rng_.Below(100), 2);
      if (phones_.insert(phone).second) return phone;
    }
  }

  // anna.sokolova@example.ru, sokolova.anna@…, asokolova@…, sokolova85@… (example domain only).
  std::string UniqueEmail(const Person& p) {
    std::string first = Transliterate(p.name.first);
    std::string last = Transliterate(p.name.last);
    std::string base;
    switch (rng_.Below(4)) {
      case 0:
        base = first + "." + last;
        break;
      case 1:
        base = last + "." + first;
        break;
      case 2:
        base = first.substr(0, 1) + last;
        break;
      default:
        base = last + p.birth_date.substr(2, 2);
        break;
    }
    std::string email = base + "@example.ru";
    for (int n = 2; !emails_.insert(email).second; ++n) {
      email = base + std::to_string(n) + "@example.ru";
    }
    return email;
  }

  int Add(Person p) {
    school_.persons.push_back(std::move(p));
    return static_cast<int>(school_.persons.size()) - 1;
  }

  void MakeClasses() {
    for (int grade = 1; grade <= 11; ++grade) {
      for (int letter = 0; letter < kClassesPerGrade[grade - 1]; ++letter) {
        school_.classes.push_back({grade, letter, -1, {}});
      }
    }
  }

  int ClassIndex(int grade, int letter) const {
    for (size_t i = 0; i < school_.classes.size(); ++i) {
      if (school_.classes[i].grade == grade && school_.classes[i].letter == letter) {
        return static_cast<int>(i);
      }
    }
    return -1;
  }

  void MakeStaff() {
    std::vector<int> subject_teachers;
    std::vector<int> primary_teachers;
    for (const StaffSpec& spec : kStaff) {
      for (int n = 0; n < spec.count; ++n) {
        char sex = rng_.Percent(spec.female_percent) ? 'f' : 'm';
        int birth_year = rng_.Between(spec.born_from, spec.born_to);
        Person p =
            MakeAdult(sex, RandomSurname(), birth_year < 1973 ? kElders : kParents, birth_year);
        p.email = UniqueEmail(p);
        p.position = std::string(spec.position);
        p.subjects = spec.subjects;
        switch (spec.kind) {
          case StaffKind::kHead:
            p.roles = {Role::kHead};
            break;
          case StaffKind::kDeputyAcademic:
          case StaffKind::kDeputy:
            p.roles = {Role::kDeputy};
            break;
          case StaffKind::kSubjectTeacher:
          case StaffKind::kPrimaryTeacher:
            p.roles = {Role::kTeacher};
            break;
          case StaffKind::kTechAdmin:
            p.roles = {Role::kTechAdmin};
            break;
          case StaffKind::kOther:
            p.roles = {Role::kOther};
            break;
        }
        int index = Add(std::move(p));
        switch (spec.kind) {
          case StaffKind::kHead:
            school_.demo[kDirektor] = index;
            break;
          case StaffKind::kDeputyAcademic:
            school_.demo[kZavuch] = index;
            break;
          case StaffKind::kTechAdmin:
            school_.demo[kAdmin] = index;
            break;
          case StaffKind::kSubjectTeacher:
            subject_teachers.push_back(index);
            break;
          case StaffKind::kPrimaryTeacher:
            primary_teachers.push_back(index);
            break;
          default:
            break;
        }
      }
    }
    school_.staff = static_cast<int>(school_.persons.size());

    // The demo teacher: the first mathematics teacher, who leads no class.
    school_.demo[kUchitel] = subject_teachers.front();
    std::vector<int> candidates(subject_teachers.begin() + 1, subject_teachers.end());
    rng_.Shuffle(candidates);
    size_t next_primary = 0, next_candidate = 0;
    for (ClassDraft& c : school_.classes) {
      c.teacher = c.grade <= 4 ? primary_teachers[next_primary++] : candidates[next_candidate++];
      school_.persons[static_cast<size_t>(c.teacher)].roles.push_back(Role::kClassTeacher);
      if (c.grade == kDemoClassGrade && c.letter == 0) school_.demo[kKlruk] = c.teacher;
    }
  }

  // A student's birth date for a grade: most were born in the calendar year that makes them
  // 7 during their first school year; some started a year later (born September–December of
  // the year before).
  std::string StudentBirthDate(int grade) {
    int year = start_.year() - 6 - grade;
    if (rng_.Percent(15)) return RandomDate(rng_, Ymd(year - 1, 9, 1), Ymd(year - 1, 12, 31));
    return RandomDateInYear(rng_, year);
  }

  // Adds a child to a family in a class: a first name unused in the class and by siblings.
  void AddChild(int family_index, int class_index) {
    Family& family = families_[static_cast<size_t>(family_index)];
    StudentDraft s;
    s.class_index = class_index;
    s.family = family_index;
    s.sex = rng_.Percent(50) ? 'f' : 'm';
    std::string last = SurnameFor(family.surname, s.sex);
    for (int attempt = 0;; ++attempt) {
      s.first = s.sex == 'f' ? RandomFemale(kChildren) : RandomMale(kChildren);
      std::string first(FirstName(s.sex, s.first));
      bool sibling_has_it = false;
      for (int sibling : family.children) {
        const StudentDraft& other = drafts_[static_cast<size_t>(sibling)];
        if (other.sex == s.sex && other.first == s.first) sibling_has_it = true;
      }
      if (attempt >= 40) break;  // never reached in practice; keeps the loop finite
      if (!sibling_has_it &&
          (class_names_.insert({class_index, last, first}).second || attempt >= 20)) {
        break;
      }
    }
    s.birth_date = StudentBirthDate(school_.classes[static_cast<size_t>(class_index)].grade);
    family.children.push_back(static_cast<int>(drafts_.size()));
    drafts_.push_back(std::move(s));
  }

  int NewFamily(bool demo) {
    Family f;
    int kind = rng_.Below(100);
    f.kind = demo || kind < 74 ? Family::kBoth
             : kind < 93       ? Family::kMotherOnly
             : kind < 96       ? Family::kFatherOnly
                               : Family::kGuardianOnly;
    f.surname = RandomSurname();
    f.father_name = RandomMale(kParents);
    families_.push_back(std::move(f));
    return static_cast<int>(families_.size()) - 1;
  }

  void MakeStudentsAndFamilies() {
    // Every seat of every class, in a random order.
    std::vector<int> seats;
    for (size_t c = 0; c < school_.classes.size(); ++c) {
      int size = rng_.Between(kMinClassSize, kMaxClassSize);
      for (int k = 0; k < size; ++k) seats.push_back(static_cast<int>(c));
    }
    rng_.Shuffle(seats);

    // The demo family first: two parents, a child in 7А (the demo student) and one in 3Б.
    const int demo_class = ClassIndex(kDemoClassGrade, 0);
    const int demo_sibling_class = ClassIndex(kDemoSiblingGrade, kDemoSiblingLetter);
    for (int wanted : {demo_class, demo_sibling_class}) {
      auto it = std::find(seats.begin(), seats.end(), wanted);
      seats.erase(it);
    }
    const int demo_family = NewFamily(true);
    AddChild(demo_family, demo_class);
    AddChild(demo_family, demo_sibling_class);

    // The other seats: about one child in seven joins a family already in the school
    // (a brother or sister at least two grades apart), the rest start a new family.
    std::vector<int> single_child_families;
    for (int seat : seats) {
      int grade = school_.classes[static_cast<size_t>(seat)].grade;
      int family = -1;
      if (!single_child_families.empty() && rng_.Percent(15)) {
        for (int attempt = 0; attempt < 6 && family < 0; ++attempt) {
          int pick = rng_.Below(static_cast<int>(single_child_families.size()));
          int candidate = single_child_families[static_cast<size_t>(pick)];
          const StudentDraft& sibling =
              drafts_[static_cast<size_t>(families_[static_cast<size_t>(candidate)].children[0])];
          int sibling_grade = school_.classes[static_cast<size_t>(sibling.class_index)].grade;
          if (std::abs(sibling_grade - grade) >= 2) {
            family = candidate;
            single_child_families[static_cast<size_t>(pick)] = single_child_families.back();
            single_child_families.pop_back();
          }
        }
      }
      if (family < 0) {
        family = NewFamily(false);
        single_child_families.push_back(family);
      }
      AddChild(family, seat);
    }

    // Students, class by class, in alphabetical order as in a class register.
    std::vector<int> person_of_draft(drafts_.size(), -1);
    for (size_t c = 0; c < school_.classes.size(); ++c) {
      std::vector<std::tuple<std::vector<int>, std::vector<int>, std::vector<int>, size_t>> order;
      for (size_t d = 0; d < drafts_.size(); ++d) {
        const StudentDraft& s = drafts_[d];
        if (s.class_index != static_cast<int>(c)) continue;
        const Family& f = families_[static_cast<size_t>(s.family)];
        order.emplace_back(CollationKey(SurnameFor(f.surname, s.sex)),
                           CollationKey(FirstName(s.sex, s.first)),
                           CollationKey(Patronymic(s.sex, f.father_name)), d);
      }
      std::sort(order.begin(), order.end());  // keys end with a unique index: a total order
      for (const auto& entry : order) {
        size_t d = std::get<3>(entry);
        const StudentDraft& s = drafts_[d];
        const Family& f = families_[static_cast<size_t>(s.family)];
        Person p;
        p.sex = s.sex;
        p.name = {SurnameFor(f.surname, s.sex), std::string(FirstName(s.sex, s.first)),
                  Patronymic(s.sex, f.father_name)};
        p.birth_date = s.birth_date;
        p.roles = {Role::kStudent};
        int index = Add(std::move(p));
        person_of_draft[d] = index;
        school_.classes[c].students.push_back(index);
      }
    }
    school_.students = static_cast<int>(drafts_.size());
    school_.demo[kUchenik] = person_of_draft[static_cast<size_t>(families_[0].children[0])];

    // Parents, family by family.
    for (size_t fi = 0; fi < families_.size(); ++fi) {
      const Family& f = families_[fi];
      int oldest_year = 9999;
      for (int d : f.children) {
        oldest_year = std::min(oldest_year, YearOf(drafts_[static_cast<size_t>(d)].birth_date));
      }
      auto link = [&](int parent, std::string_view kind) {
        for (int d : f.children) {
          school_.guardianships.push_back({parent, person_of_draft[static_cast<size_t>(d)], kind});
        }
      };
      auto add_parent = [&](Person p) {
        if (rng_.Percent(85)) p.email = UniqueEmail(p);
        p.roles = {Role::kParent};
        ++school_.parents;
        return Add(std::move(p));
      };
      int mother_year = oldest_year - rng_.Between(21, 37);
      if (f.kind == Family::kGuardianOnly) {
        // Usually a grandmother; often the father's mother, with the children's surname.
        int surname = rng_.Percent(60) ? f.surname : RandomSurname();
        Person g = MakeAdult('f', surname, kElders, oldest_year - rng_.Between(45, 60));
        link(add_parent(std::move(g)), "guardian");
        continue;
      }
      if (f.kind == Family::kBoth || f.kind == Family::kMotherOnly) {
        // Most mothers took the husband's surname; some kept their own.
        int surname = rng_.Percent(85) ? f.surname : RandomSurname();
        Person m = MakeAdult('f', surname, kParents, mother_year);
        int mother = add_parent(std::move(m));
        link(mother, "mother");
        if (fi == 0) school_.demo[kRoditel] = mother;
      }
      if (f.kind == Family::kBoth || f.kind == Family::kFatherOnly) {
        Person father;
        father.sex = 'm';
        father.name = {SurnameFor(f.surname, 'm'), std::string(kMaleNames[f.father_name].name),
                       Patronymic('m', RandomMale(kElders))};
        adult_names_.insert(FullName(father.name));
        father.birth_date = RandomDateInYear(rng_, mother_year - rng_.Between(-2, 6));
        father.phone = UniquePhone();
        link(add_parent(std::move(father)), "father");
      }
    }
  }

  void AssignLogins() {
    std::set<std::string> used;
    for (int slot = 0; slot < kDemoCount; ++slot) {
      Person& p = school_.persons[static_cast<size_t>(school_.demo[static_cast<size_t>(slot)])];
      p.login = std::string(kDemoLogins[slot]);
      p.demo = true;
      used.insert(p.login);
    }
    // ivanova.mp; a second Иванова М. П. becomes ivanova.mp2.
    for (Person& p : school_.persons) {
      if (p.demo) continue;
      std::string base = LoginBase(p.name);
      std::string login = base;
      for (int n = 2; !used.insert(login).second; ++n) login = base + std::to_string(n);
      p.login = login;
    }
  }

  Rng rng_;
  Date start_;
  School school_;
  std::vector<int> male_by_gen_[3];
  std::vector<int> female_by_gen_[3];
  std::vector<Family> families_;
  std::vector<StudentDraft> drafts_;
  std::set<std::tuple<int, std::string, std::string>> class_names_;
  std::set<std::string> adult_names_;
  std::set<std::string> phones_;
  std::set<std::string> emails_;
};

// -----------------------------------------------------------------------------------------
// [SECTION] Thematic plans and control works
// -----------------------------------------------------------------------------------------

// The sections of a subject's year, in order, by grade: our own short lists after the
// federal programmes' usual order of themes (not any publisher's plan). The generator splits
// each section into topics of up to 4 hours and adds the control works.
std::vector<std::string_view> Sections(SubjectId subject, int grade) {
  using V = std::vector<std::string_view>;
  switch (subject) {
    case kRussian:
      switch (grade) {
        case 1: return V{"Добукварный период", "Звуки и буквы", "Послебукварный период", "Слово и предложение",
                         "Слог. Ударение. Перенос слов", "Сочетания жи–ши, ча–ща, чу–щу", "Заглавная буква в словах"};
        case 2: return V{"Наша речь", "Текст", "Предложение", "Слово и его значение", "Звуки и буквы",
                         "Правописание парных согласных", "Части речи"};
        case 3: return V{"Язык и речь", "Текст. Предложение. Словосочетание", "Состав слова",
                         "Правописание частей слова", "Имя существительное", "Имя прилагательное", "Глагол"};
        case 4: return V{"Повторение", "Однородные члены предложения", "Склонение имён существительных",
                         "Склонение имён прилагательных", "Личные местоимения", "Спряжение глагола"};
        case 5: return V{"Повторение изученного в начальной школе", "Синтаксис и пунктуация", "Фонетика. Графика. Орфоэпия",
                         "Лексикология", "Морфемика. Орфография", "Имя существительное", "Имя прилагательное", "Глагол"};
        case 6: return V{"Язык и речь", "Лексикология. Фразеология", "Словообразование", "Имя существительное",
                         "Имя прилагательное", "Имя числительное", "Местоимение", "Глагол"};
        case 7: return V{"Повторение", "Причастие", "Деепричастие", "Наречие", "Предлог", "Союз", "Частица и междометие"};
        case 8: return V{"Синтаксис и пунктуация", "Словосочетание", "Двусоставные предложения", "Односоставные предложения",
                         "Однородные члены предложения", "Обособленные члены предложения", "Обращения и вводные слова"};
        case 9: return V{"Сложное предложение", "Сложносочинённые предложения", "Сложноподчинённые предложения",
                         "Бессоюзные сложные предложения", "Предложения с разными видами связи", "Повторение"};
        default: return V{"Язык как система", "Лексикология и фразеология", "Орфоэпия и орфография", "Морфология",
                          "Синтаксис и пунктуация", "Текст. Стили речи"};
      }
    case kLiteraryReading:
      return V{"Устное народное творчество", "Сказки русских писателей", "Стихи о природе", "Басни",
               "Рассказы о детях", "Произведения о животных", "Литературные сказки", "Зарубежная литература"};
    case kLiterature:
      switch (grade) {
        case 5: return V{"Мифология", "Фольклор", "Басни И. А. Крылова", "Поэзия А. С. Пушкина",
                         "М. Ю. Лермонтов «Бородино»", "Н. В. Гоголь «Ночь перед Рождеством»", "И. С. Тургенев «Муму»",
                         "Л. Н. Толстой «Кавказский пленник»", "Литература XX века"};
        case 6: return V{"Гомер", "Былины", "Древнерусская литература", "А. С. Пушкин «Дубровский»",
                         "Лирика М. Ю. Лермонтова", "И. С. Тургенев «Бежин луг»", "Н. С. Лесков «Левша»", "Рассказы А. П. Чехова"};
        case 7: return V{"Древнерусские повести", "А. С. Пушкин «Станционный смотритель»", "Н. В. Гоголь «Тарас Бульба»",
                         "И. С. Тургенев «Записки охотника»", "Поэзия Н. А. Некрасова", "Сказки М. Е. Салтыкова-Щедрина",
                         "М. Горький «Детство»"};
        case 8: return V{"Житийная литература", "Д. И. Фонвизин «Недоросль»", "А. С. Пушкин «Капитанская дочка»",
                         "М. Ю. Лермонтов «Мцыри»", "Н. В. Гоголь «Ревизор»", "И. С. Тургенев «Ася»", "Литература XX века"};
        case 9: return V{"«Слово о полку Игореве»", "Литература XVIII века", "А. С. Грибоедов «Горе от ума»",
                         "А. С. Пушкин «Евгений Онегин»", "М. Ю. Лермонтов «Герой нашего времени»",
                         "Н. В. Гоголь «Мёртвые души»", "Литература XX века"};
        case 10: return V{"А. Н. Островский «Гроза»", "И. А. Гончаров «Обломов»", "И. С. Тургенев «Отцы и дети»",
                          "Лирика Ф. И. Тютчева и А. А. Фета", "Н. А. Некрасов «Кому на Руси жить хорошо»",
                          "Ф. М. Достоевский «Преступление и наказание»", "Л. Н. Толстой «Война и мир»", "Пьесы А. П. Чехова"};
        default: return V{"Проза И. А. Бунина и А. И. Куприна", "Поэзия Серебряного века", "Лирика С. А. Есенина",
                          "М. А. Булгаков «Мастер и Маргарита»", "М. А. Шолохов «Тихий Дон»",
                          "Литература о Великой Отечественной войне", "Современная литература"};
      }
    case kEnglish:
      if (grade <= 4) {
        return V{"Знакомство", "Моя семья", "Мои друзья", "Мой дом", "Животные", "Еда", "Времена года и погода", "Моя школа"};
      }
      if (grade <= 9) {
        return V{"Моя семья и друзья", "Свободное время", "Здоровый образ жизни", "Покупки", "Школьная жизнь",
                 "Путешествия", "Природа и экология", "Страны изучаемого языка"};
      }
      return V{"Повседневная жизнь", "Молодёжь в современном обществе", "Наука и технологии", "Выбор профессии",
               "Окружающая среда", "Культура и искусство"};
    case kMathematics:
      switch (grade) {
        case 1: return V{"Подготовка к изучению чисел", "Числа от 1 до 10", "Сложение и вычитание в пределах 10",
                         "Числа от 11 до 20", "Сложение и вычитание с переходом через десяток"};
        case 2: return V{"Числа от 1 до 100", "Сложение и вычитание в пределах 100", "Умножение и деление",
                         "Геометрические фигуры", "Величины"};
        case 3: return V{"Табличное умножение и деление", "Внетабличное умножение и деление", "Деление с остатком",
                         "Числа от 1 до 1000", "Письменные вычисления"};
        case 4: return V{"Числа, которые больше 1000", "Величины", "Сложение и вычитание многозначных чисел",
                         "Умножение и деление на однозначное число", "Умножение и деление на двузначное число"};
        case 5: return V{"Натуральные числа и нуль", "Действия с натуральными числами", "Линии и углы",
                         "Обыкновенные дроби", "Многоугольники", "Десятичные дроби", "Тела и фигуры в пространстве"};
        default: return V{"Натуральные числа", "Прямые на плоскости", "Дроби", "Отношения и пропорции",
                          "Положительные и отрицательные числа", "Буквенные выражения", "Координатная плоскость"};
      }
    case kAlgebra:
      switch (grade) {
        case 7: return V{"Числа и вычисления", "Алгебраические выражения", "Уравнения", "Координаты и графики",
                         "Функции", "Многочлены"};
        case 8: return V{"Квадратные корни", "Степень с целым показателем", "Алгебраические дроби",
                         "Квадратные уравнения", "Системы уравнений", "Неравенства"};
        case 9: return V{"Действительные числа", "Уравнения с одной переменной", "Системы уравнений", "Неравенства",
                         "Квадратичная функция", "Числовые последовательности"};
        case 10: return V{"Множества и логика", "Степени и корни", "Тригонометрические выражения",
                          "Тригонометрические уравнения", "Производная"};
        default: return V{"Применение производной", "Первообразная и интеграл", "Показательная функция", "Логарифмы",
                          "Уравнения и неравенства"};
      }
    case kGeometry:
      switch (grade) {
        case 7: return V{"Начальные геометрические сведения", "Треугольники", "Параллельные прямые",
                         "Соотношения между сторонами и углами треугольника", "Окружность"};
        case 8: return V{"Четырёхугольники", "Теорема Фалеса", "Подобные треугольники", "Теорема Пифагора", "Площадь"};
        case 9: return V{"Тригонометрия треугольника", "Векторы", "Метод координат", "Правильные многоугольники", "Движения"};
        case 10: return V{"Аксиомы стереометрии", "Параллельность прямых и плоскостей", "Перпендикулярность", "Многогранники"};
        default: return V{"Координаты и векторы в пространстве", "Тела вращения", "Объёмы тел"};
      }
    case kProbability:
      switch (grade) {
        case 7: return V{"Представление данных", "Описательная статистика", "Случайная изменчивость", "Графы"};
        case 8: return V{"Множества", "Вероятность случайного события", "Графы и деревья", "Случайные события"};
        case 9: return V{"Элементы комбинаторики", "Геометрическая вероятность", "Испытания Бернулли", "Случайная величина"};
        case 10: return V{"Случайные события", "Условная вероятность", "Комбинаторика", "Серии испытаний"};
        default: return V{"Случайные величины", "Закон больших чисел", "Нормальное распределение"};
      }
    case kInformatics:
      switch (grade) {
        case 7: return V{"Цифровая грамотность", "Устройство компьютера", "Информация и информационные процессы",
                         "Текстовые документы", "Компьютерная графика"};
        case 8: return V{"Системы счисления", "Элементы математической логики", "Исполнители и алгоритмы",
                         "Язык программирования"};
        case 9: return V{"Глобальная сеть Интернет", "Моделирование", "Разработка алгоритмов и программ", "Электронные таблицы"};
        case 10: return V{"Информация и её кодирование", "Устройство компьютера", "Алгоритмы и программирование"};
        default: return V{"Компьютерные сети", "Информационное моделирование", "Базы данных"};
      }
    case kWorldAround:
      return V{"Мы и наш мир", "Природа", "Растения и животные", "Человек и общество", "Наша Родина — Россия",
               "Здоровье человека", "Правила безопасной жизни"};
    case kHistory:
      switch (grade) {
        case 5: return V{"Первобытность", "Древний Восток", "Древняя Греция", "Древний Рим"};
        case 6: return V{"Раннее Средневековье", "Зрелое Средневековье", "Русь в IX — начале XII века",
                         "Русские земли в XII–XIV веках", "Единое Русское государство"};
        case 7: return V{"Эпоха Великих географических открытий", "Реформация", "Россия в XVI веке", "Смута в России",
                         "Россия в XVII веке"};
        case 8: return V{"Эпоха Просвещения", "Россия в эпоху Петра I", "Эпоха дворцовых переворотов",
                         "Россия при Екатерине II"};
        case 9: return V{"Европа в XIX веке", "Россия при Александре I", "Николаевская эпоха", "Великие реформы",
                         "Россия на пороге XX века"};
        case 10: return V{"Первая мировая война", "Российская революция", "СССР в 1920–1930-е годы",
                          "Великая Отечественная война 1941–1945 годов"};
        default: return V{"СССР в 1945–1991 годах", "Мир во второй половине XX века", "Становление новой России",
                          "Россия в XXI веке"};
      }
    case kSocialStudies:
      switch (grade) {
        case 6: return V{"Человек и его социальное окружение", "Общество, в котором мы живём"};
        case 7: return V{"Социальные ценности и нормы", "Человек как участник правовых отношений", "Основы российского права"};
        case 8: return V{"Человек в экономических отношениях", "Человек в мире культуры"};
        case 9: return V{"Человек в политическом измерении", "Гражданин и государство", "Социальные отношения"};
        default: return V{"Человек и общество", "Духовная культура", "Экономика", "Социальная сфера", "Политика", "Право"};
      }
    case kGeography:
      switch (grade) {
        case 5: return V{"Географическое изучение Земли", "Изображения земной поверхности", "Земля — планета Солнечной системы",
                         "Литосфера"};
        case 6: return V{"Гидросфера", "Атмосфера", "Биосфера"};
        case 7: return V{"Главные закономерности природы Земли", "Человечество на Земле", "Материки и страны"};
        case 8: return V{"Географическое пространство России", "Природа России", "Природно-хозяйственные зоны"};
        case 9: return V{"Хозяйство России", "Регионы России", "Россия в современном мире"};
        default: return V{"География мирового хозяйства", "Регионы и страны мира", "Глобальные проблемы человечества"};
      }
    case kBiology:
      switch (grade) {
        case 5: return V{"Биология — наука о живой природе", "Организмы — тела живой природы", "Организмы и среда обитания",
                         "Природные сообщества"};
        case 6: return V{"Растительный организм", "Строение и жизнедеятельность растений"};
        case 7: return V{"Систематические группы растений", "Развитие растительного мира", "Грибы. Лишайники. Бактерии"};
        case 8: return V{"Животный организм", "Систематические группы животных", "Развитие животного мира"};
        case 9: return V{"Человек — биосоциальный вид", "Нервная система", "Кровообращение и дыхание",
                         "Питание и пищеварение"};
        case 10: return V{"Клетка — единица живого", "Обмен веществ", "Размножение и развитие организмов", "Генетика"};
        default: return V{"Эволюция", "Происхождение жизни и человека", "Экология"};
      }
    case kPhysics:
      switch (grade) {
        case 7: return V{"Физика и её роль в познании", "Строение вещества", "Движение и взаимодействие тел",
                         "Давление твёрдых тел, жидкостей и газов", "Работа и мощность. Энергия"};
        case 8: return V{"Тепловые явления", "Электрические явления", "Магнитные явления", "Световые явления"};
        case 9: return V{"Механические явления", "Механические колебания и волны", "Электромагнитное поле",
                         "Квантовые явления"};
        case 10: return V{"Кинематика", "Динамика", "Законы сохранения", "Молекулярная физика", "Электростатика"};
        default: return V{"Постоянный ток", "Магнитное поле", "Электромагнитная индукция", "Колебания и волны", "Оптика"};
      }
    case kChemistry:
      switch (grade) {
        case 8: return V{"Первоначальные химические понятия", "Кислород. Водород. Вода",
                         "Основные классы неорганических соединений", "Периодический закон", "Химическая связь"};
        case 9: return V{"Химические реакции", "Неметаллы и их соединения", "Металлы и их соединения"};
        case 10: return V{"Теория строения органических соединений", "Углеводороды", "Кислородсодержащие соединения"};
        default: return V{"Строение вещества", "Химические реакции", "Неорганическая химия"};
      }
    case kMusic:
      return V{"Музыка моего края", "Народная музыка России", "Классическая музыка", "Музыка театра и кино",
               "Духовная музыка", "Современная музыкальная культура"};
    case kArt:
      return V{"Ты изображаешь, украшаешь и строишь", "Живопись", "Графика", "Декоративно-прикладное искусство",
               "Архитектура и дизайн"};
    case kTechnology:
      return V{"Технологии и мир профессий", "Работа с бумагой и картоном", "Конструирование и моделирование",
               "Технологии обработки материалов", "Робототехника"};
    case kPhysicalEducation:
      return V{"Знания о физической культуре", "Лёгкая атлетика", "Спортивные игры: баскетбол",
               "Гимнастика с элементами акробатики", "Лыжная подготовка", "Спортивные игры: волейбол",
               "Подготовка к выполнению норм ГТО"};
    case kObzr:
      return V{"Безопасное и устойчивое развитие", "Основы военной подготовки", "Безопасность в быту и на транспорте",
               "Безопасность в общественных местах", "Первая помощь"};
    case kOrkse:
      return V{"Россия — наша Родина", "Основы светской этики", "Нравственные ценности",
               "Духовные традиции народов России"};
    case kOdnknr:
      return V{"Россия — наш общий дом", "Семья и духовно-нравственные ценности", "Культурное единство России"};
    case kSubjectCount:
      break;
  }
  return {};
}

// The control work that closes a section (none for subjects without marked control works and
// in the first grade): the form and the topic's title.
struct ControlSpec {
  std::string_view form;
  std::string title;
};
std::optional<ControlSpec> SectionControl(SubjectId subject, int grade, int number, std::string_view section) {
  if (grade == 1) return std::nullopt;
  // «по теме «…»» but not quotes in quotes: a section naming a work reads «: А. С. Пушкин «…»».
  const bool has_quotes = section.find("«") != std::string_view::npos;
  std::string quoted = has_quotes ? ": " + std::string(section) : " по теме «" + std::string(section) + "»";
  std::string n = std::to_string(number);
  switch (subject) {
    case kRussian:
      if (grade >= 5 && number % 3 == 0) return ControlSpec{"изложение", "Изложение № " + n};
      return ControlSpec{"диктант", "Контрольный диктант № " + n + quoted};
    case kLiterature:
      if (number % 2 == 1) return std::nullopt;
      return ControlSpec{"сочинение", "Сочинение № " + std::to_string(number / 2) + quoted};
    case kMathematics:
    case kAlgebra:
    case kGeometry:
    case kPhysics:
    case kChemistry:
    case kEnglish:
      return ControlSpec{"контрольная работа", "Контрольная работа № " + n + quoted};
    case kLiteraryReading:
    case kWorldAround:
      return ControlSpec{"проверочная работа", "Проверочная работа № " + n + quoted};
    case kProbability:
    case kInformatics:
    case kHistory:
    case kGeography:
    case kBiology:
    case kSocialStudies:
      if (number % 2 == 1) return std::nullopt;
      return ControlSpec{"тест", "Тест" + quoted};
    default:
      return std::nullopt;
  }
}

// A year's plan: sections split into topics of 1–4 hours, a control work after a section
// where the subject has one, the whole adding up to the weekly hours times the weeks.
std::vector<PlanTopic> DemoPlan(SubjectId subject, int grade, int weekly_hours) {
  std::vector<PlanTopic> out;
  const int total = weekly_hours * (grade == 1 ? 33 : 34);
  std::vector<std::string_view> sections = Sections(subject, grade);
  if (sections.empty() || total <= 0) return out;
  std::vector<std::optional<ControlSpec>> controls;
  int control_hours = 0;
  for (size_t i = 0; i < sections.size(); ++i) {
    controls.push_back(SectionControl(subject, grade, static_cast<int>(i) + 1, sections[i]));
    control_hours += controls.back() ? 1 : 0;
  }
  if (control_hours * 3 > total) {  // one hour a week: keep the content first
    for (auto& c : controls) c.reset();
    control_hours = 0;
  }
  const bool exact = subject == kMathematics || subject == kAlgebra || subject == kGeometry || subject == kPhysics ||
                     subject == kChemistry || subject == kInformatics || subject == kProbability;
  // The lessons of a section after its first: practice of the subject's kind, then a review.
  static constexpr std::array<std::string_view, 4> kExact = {"решение задач", "практикум", "самостоятельная работа",
                                                            "задачи повышенной сложности"};
  static constexpr std::array<std::string_view, 4> kRussianParts = {"упражнения", "работа с текстом", "развитие речи",
                                                                    "орфографический практикум"};
  static constexpr std::array<std::string_view, 4> kEnglishParts = {"лексика", "грамматика", "чтение и аудирование",
                                                                    "говорение и письмо"};
  static constexpr std::array<std::string_view, 4> kOther = {"углубление", "практическое занятие",
                                                             "работа с источниками", "проектная работа"};
  const auto& parts = exact ? kExact : subject == kRussian ? kRussianParts : subject == kEnglish ? kEnglishParts : kOther;
  int content = total - control_hours;
  int n = static_cast<int>(sections.size());
  for (int i = 0; i < n; ++i) {
    int hours = content / n + (i < content % n ? 1 : 0);
    const int chunks = (hours + 3) / 4;
    for (int part = 0; part < chunks; ++part) {
      int h = hours / chunks + (part < hours % chunks ? 1 : 0);
      std::string title(sections[static_cast<size_t>(i)]);
      if (part > 0 && part == chunks - 1) {
        title += title.rfind("Повторение", 0) == 0 ? ": систематизация знаний" : ": повторение и обобщение";
      } else if (part > 0) {
        size_t k = static_cast<size_t>(part - 1);
        title += ": " + std::string(parts[k % parts.size()]);
        if (k >= parts.size()) title += ", часть " + std::to_string(k / parts.size() + 1);
      }
      out.push_back(PlanTopic{title, h, false, ""});
    }
    if (const auto& c = controls[static_cast<size_t>(i)]) out.push_back(PlanTopic{c->title, 1, true, std::string(c->form)});
  }
  return out;
}

// КТП for every group with a teacher, through plan.set as its teacher would push it; then the
// control works of the first and second quarters (up to the winter holidays) from the plans:
// the control topic of hour k falls on the group's k-th lesson by the timetable, moved to the
// nearest lesson of the group that keeps the class within the load rules (one a day, the weekly
// limit of its grade, one subject's works ≥ 18 days apart, not the class's first or last lesson
// of the day); works beyond 10 % of a group's hours in a period are dropped, so that the
// schedule keeps every rule the core checks (FindAllControlWorkViolations). Subgroups of one
// subject write on the same day.
Status MakePlansAndControlWorks(Connection& c, int64_t school_id, int64_t now) {
  auto loaded = LoadStructure(c, school_id);
  if (!loaded.ok()) return loaded.status();
  const Structure& st = *loaded;
  auto timetable = LoadTimetable(c, school_id);
  if (!timetable.ok()) return timetable.status();
  auto plans = LoadPlans(c, school_id);
  if (!plans.ok()) return plans.status();
  auto works = LoadControlWorks(c, school_id);
  if (!works.ok()) return works.status();
  Actor head;
  head.school_id = school_id;
  head.roles = {Role::kHead};
  const AcademicYear& year = st.years.front();
  std::map<std::string, SubjectId, std::less<>> subject_of_name;
  for (const SubjectInfo& info : kSubjects) subject_of_name.emplace(std::string(info.name), info.id);

  int op_number = 0;
  auto op = [&](std::string_view kind, protocol::Json payload) {
    Operation o;
    o.op_id = "demo-plan-" + std::to_string(++op_number);
    o.kind = std::string(kind);
    o.payload = std::move(payload);
    return o;
  };
  std::set<int64_t> planned;
  // Classes of a grade share their plans: one payload per subject, grade and hours.
  std::map<std::tuple<int, int, int>, protocol::Json> payloads;
  for (const WorkloadLine& w : st.workload) {
    if (w.year_id != year.id || !planned.insert(w.group_id).second) continue;
    const Group* g = st.FindGroup(w.group_id);
    const Subject* subject = g ? st.FindSubject(g->subject_id) : nullptr;
    const SchoolClass* cls = g && !g->class_ids.empty() ? st.FindClass(g->class_ids[0]) : nullptr;
    if (!subject || !cls) continue;
    auto id = subject_of_name.find(subject->name);
    if (id == subject_of_name.end()) continue;
    const int hours = static_cast<int>(st.GroupWorkloadHours(g->id) + 0.5);
    auto [slot, fresh] = payloads.try_emplace({id->second, cls->grade, hours});
    if (fresh) slot->second = PlanSetPayload(0, g->subject_id, DemoPlan(id->second, cls->grade, hours));
    if (slot->second["topics"].empty()) continue;
    protocol::Json payload = slot->second;
    payload["group_id"] = g->id;
    auto applied = ApplyPlanOp(*plans, st, op(op_kind::kPlanSet, std::move(payload)), head);
    if (!applied.ok()) return applied.status();
    if (Status p = PersistPlan(c, school_id, *plans, g->id, now); !p.ok()) return p;
  }

  // The lessons of each group up to the winter holidays, in order.
  const Date last_day = *Date::FromYmd(year.range.first.year(), 12, 28);
  // (As GenerateLessons does for the year, but only up to the holidays: the demo week has
  // every entry on every week and five days.)
  std::map<int, std::vector<Date>> study_days;  // grade → days
  for (int grade = 1; grade <= 11; ++grade) {
    for (Date d = year.range.first; d <= last_day; d = d.AddDays(1)) {
      if (IsStudyDay(st, year.id, grade, d, false)) study_days[grade].push_back(d);
    }
  }
  std::map<int64_t, std::vector<Lesson>> lessons_of;
  for (const TimetableEntry& e : timetable->entries) {
    const Group* g = st.FindGroup(e.group_id);
    const SchoolClass* cls = g && !g->class_ids.empty() ? st.FindClass(g->class_ids[0]) : nullptr;
    if (!cls || e.year_id != year.id) continue;
    for (Date d : study_days[cls->grade]) {
      if (d.Weekday() != e.weekday) continue;
      Lesson l;
      l.group_id = e.group_id;
      l.date = d;
      l.number = e.number;
      l.teacher_id = e.teacher_id;
      l.entry_id = e.id;
      lessons_of[e.group_id].push_back(l);
    }
  }
  for (auto& [group, lessons] : lessons_of) {
    std::sort(lessons.begin(), lessons.end(),
              [](const Lesson& a, const Lesson& b) { return std::tie(a.date, a.number) < std::tie(b.date, b.number); });
  }
  auto lesson_on = [&](int64_t group, Date d) -> const Lesson* {
    for (const Lesson& l : lessons_of[group]) {
      if (l.date == d) return &l;
    }
    return nullptr;
  };
  const ControlWorkRules& rules = works->rules;
  // The school's other ВСОКО rules (a new school has the default ones).
  const ControlLoadRules load = DefaultSchoolRules().control_load;
  for (const SchoolClass* cls : st.ClassesOf(year.id)) {
    // Units: the groups of one subject in the class (a whole class, or its subgroups).
    std::map<int64_t, std::vector<const Group*>> by_subject;
    for (const Group& g : st.groups) {
      if (g.class_ids.size() == 1 && g.class_ids[0] == cls->id && planned.count(g.id)) by_subject[g.subject_id].push_back(&g);
    }
    // The class's first and last lesson numbers per weekday (every demo week is the same).
    std::map<int, std::pair<int, int>> day_span;
    for (const TimetableEntry& e : timetable->entries) {
      const Group* g = st.FindGroup(e.group_id);
      if (e.year_id != year.id || e.kind != TimetableKind::kMain || !g ||
          std::find(g->class_ids.begin(), g->class_ids.end(), cls->id) == g->class_ids.end()) {
        continue;
      }
      auto [it, fresh] = day_span.try_emplace(e.weekday, e.number, e.number);
      if (!fresh) it->second = {std::min(it->second.first, e.number), std::max(it->second.second, e.number)};
    }
    std::map<int64_t, std::vector<Date>> subject_days;  // the works chosen so far per subject
    struct Wanted {
      Date ideal;
      size_t lesson_index;
      const std::vector<const Group*>* groups;
      const PlanTopic* topic;
    };
    std::vector<Wanted> wanted;
    for (const auto& [subject, groups] : by_subject) {
      const ThematicPlan* plan = plans->Find(groups[0]->id);
      const std::vector<Lesson>& lessons = lessons_of[groups[0]->id];
      if (!plan) continue;
      int hour = 0;
      for (const PlanTopic& t : plan->topics) {
        hour += t.hours;
        if (!t.control || hour > static_cast<int>(lessons.size())) continue;
        if (lessons[static_cast<size_t>(hour - 1)].date > last_day) continue;
        wanted.push_back({lessons[static_cast<size_t>(hour - 1)].date, static_cast<size_t>(hour - 1), &groups, &t});
      }
    }
    std::stable_sort(wanted.begin(), wanted.end(), [](const Wanted& a, const Wanted& b) { return a.ideal < b.ideal; });
    std::set<Date> busy_days;
    std::map<Date, int> per_week;  // Monday → works
    for (const Wanted& want : wanted) {
      const std::vector<Lesson>& lessons = lessons_of[(*want.groups)[0]->id];
      // The planned lesson, then later ones, then earlier ones, within the first half-year.
      std::optional<size_t> chosen;
      for (size_t step = 0; step < 12 && !chosen; ++step) {
        for (int sign : {1, -1}) {
          if (step == 0 && sign < 0) continue;
          long index = static_cast<long>(want.lesson_index) + sign * static_cast<long>(step);
          if (index < 0 || index >= static_cast<long>(lessons.size())) continue;
          Date d = lessons[static_cast<size_t>(index)].date;
          Date monday = d.AddDays(1 - d.Weekday());
          if (d > last_day || busy_days.count(d) >= static_cast<size_t>(rules.max_per_day) ||
              per_week[monday] >= rules.WeeklyLimit(cls->grade)) {
            continue;
          }
          // One subject's works far enough apart; not on the class's first or last lesson.
          const int64_t subject = (*want.groups)[0]->subject_id;
          const auto& chosen_days = subject_days[subject];
          if (std::any_of(chosen_days.begin(), chosen_days.end(),
                          [&](Date x) { return std::abs(x.Days() - d.Days()) < load.subject_gap_days; })) {
            continue;
          }
          const auto span = day_span[d.Weekday()];
          if (load.not_first_or_last_lesson && std::any_of(want.groups->begin(), want.groups->end(), [&](const Group* g) {
                const Lesson* l = lesson_on(g->id, d);
                return l && (l->number == span.first || l->number == span.second);
              })) {
            continue;
          }
          chosen = static_cast<size_t>(index);
          break;
        }
      }
      if (!chosen) continue;
      Date d = lessons[*chosen].date;
      busy_days.insert(d);
      ++per_week[d.AddDays(1 - d.Weekday())];
      subject_days[(*want.groups)[0]->subject_id].push_back(d);
      for (const Group* g : *want.groups) {
        const Lesson* l = lesson_on(g->id, d);
        if (!l) continue;
        std::string title = want.topic->title;
        ControlWork work{0, year.id, g->id, d, l->number, want.topic->control_form, title};
        auto applied = ApplyControlWorkOp(*works, st, timetable->six_day_classes,
                                          op(op_kind::kControlWorkSet, ControlWorkSetPayload(work)), head);
        if (!applied.ok()) return applied.status();
      }
    }
  }
  // The share of hours (≤ 10 % of a group's hours in a study period) is the core's to count:
  // while it reports violations, the latest work of each is dropped, with the works of the
  // subject's other subgroups in the class that day.
  for (int round = 0; round < 100; ++round) {
    auto violations = FindAllControlWorkViolations(st, *works, load, *timetable, year.id);
    if (violations.empty()) break;
    std::set<int64_t> drop;
    for (const ControlWorkViolation& v : violations) {
      const ControlWork* latest = nullptr;
      for (int64_t id : v.work_ids) {
        const ControlWork* w = works->Find(id);
        if (w && (!latest || std::tie(latest->date, latest->id) < std::tie(w->date, w->id))) latest = w;
      }
      if (!latest) continue;
      const Group* lg = st.FindGroup(latest->group_id);
      for (const ControlWork& w : works->works) {
        const Group* g = st.FindGroup(w.group_id);
        if (w.date == latest->date && g && lg && g->subject_id == lg->subject_id && g->class_ids == lg->class_ids) {
          drop.insert(w.id);
        }
      }
    }
    for (int64_t id : drop) {
      auto removed = ApplyControlWorkOp(*works, st, timetable->six_day_classes,
                                        op(op_kind::kControlWorkRemove, ControlWorkRemovePayload(id)), head);
      if (!removed.ok()) return removed.status();
    }
  }
  auto violations = FindAllControlWorkViolations(st, *works, load, *timetable, year.id);
  if (!violations.empty()) {
    return Status(ErrorCode::kInternal, "Демонстрационный график контрольных работ нарушает нормы: " + violations[0].message);
  }
  ControlWorkApplied all;
  for (const ControlWork& w : works->works) all.works_changed.push_back(w.id);
  return PersistControlWorks(c, school_id, *works, all);
}

// -----------------------------------------------------------------------------------------
// [SECTION] Writing
// -----------------------------------------------------------------------------------------

SqlValue TextOrNull(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

// Groups and teachers' workload, made through the core's operations so that the demo obeys
// the same rules as a school that types them in: a whole-class group for every subject of
// the grade's curriculum, foreign language split into two subgroups from grade 2, and each
// group given to a qualified teacher (the class's own teacher in grades 1–4 where qualified,
// otherwise the qualified teacher with the fewest hours so far). Two students get an ИУП.
Status AssignWorkload(Connection& c, int64_t school_id, int64_t now) {
  auto loaded = LoadStructure(c, school_id);
  if (!loaded.ok()) return loaded.status();
  Structure& st = *loaded;
  std::map<int64_t, std::set<int64_t>> qualified;  // subject -> teachers
  Status s = c.Query(
      "SELECT ss.person_id, ss.subject_id FROM staff_subjects ss JOIN persons p ON p.id = ss.person_id "
      "WHERE p.school_id = ? ORDER BY ss.person_id",
      {school_id}, [&](const Row& r) { qualified[r.Int(1)].insert(r.Int(0)); });
  if (!s.ok()) return s;
  std::map<int64_t, double> load;  // teacher -> hours so far
  Actor head;
  head.school_id = school_id;
  head.roles = {Role::kHead};
  int op_number = 0;
  auto apply = [&](std::string_view kind, protocol::Json payload) -> Result<int64_t> {
    Operation op;
    op.op_id = "demo-" + std::to_string(++op_number);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    auto applied = ApplyStructureOp(st, op, head);
    if (!applied.ok()) return applied.status();
    if (Status p = PersistChanges(c, school_id, st, applied->changes, now); !p.ok()) return p;
    return applied->created_id;
  };
  auto pick = [&](int64_t subject_id, int64_t prefer, int64_t avoid) -> int64_t {
    const auto& pool = qualified[subject_id];
    if (prefer && pool.count(prefer)) return prefer;
    int64_t best = 0;
    for (int64_t t : pool) {
      if (t == avoid && pool.size() > 1) continue;
      if (best == 0 || load[t] < load[best]) best = t;
    }
    return best;
  };
  const AcademicYear& year = st.years.front();
  std::vector<const SchoolClass*> classes = st.ClassesOf(year.id);
  std::vector<CurriculumLine> lines = st.curriculum;
  for (const SchoolClass* cls : classes) {
    const int64_t class_id = cls->id;
    const int grade = cls->grade;
    const int64_t class_teacher = grade <= 4 ? cls->teacher_id : 0;
    for (const CurriculumLine& line : lines) {
      if (line.year_id != year.id || line.grade != grade || !line.profile.empty()) continue;
      const Subject* subject = st.FindSubject(line.subject_id);
      bool split = grade >= 2 && subject->name.rfind("Иностранный язык", 0) == 0;
      if (!split) {
        auto group = apply(op_kind::kGroupCreate,
                           GroupCreatePayload(year.id, GroupKind::kWholeClass, "", line.subject_id, {class_id}));
        if (!group.ok()) return group.status();
        int64_t teacher = pick(line.subject_id, class_teacher, 0);
        if (teacher == 0) continue;  // nobody qualified: the checklist will say so
        auto w = apply(op_kind::kWorkloadSet, WorkloadSetPayload(teacher, *group, line.hours));
        if (!w.ok()) return w.status();
        load[teacher] += line.hours;
        continue;
      }
      std::vector<int64_t> students = st.StudentsOf(class_id, year.range.first);
      size_t half = (students.size() + 1) / 2;
      int64_t first_teacher = 0;
      for (int part = 1; part <= 2; ++part) {
        std::string name = st.FindClass(class_id)->Name() + " — " + subject->short_name + ", " + std::to_string(part) + " гр.";
        auto group = apply(op_kind::kGroupCreate,
                           GroupCreatePayload(year.id, GroupKind::kSubgroup, name, line.subject_id, {class_id}));
        if (!group.ok()) return group.status();
        std::vector<int64_t> members(part == 1 ? students.begin() : students.begin() + static_cast<long>(half),
                                     part == 1 ? students.begin() + static_cast<long>(half) : students.end());
        auto m = apply(op_kind::kGroupSetMembers, GroupSetMembersPayload(*group, members));
        if (!m.ok()) return m.status();
        int64_t teacher = pick(line.subject_id, 0, first_teacher);
        if (teacher == 0) continue;
        auto w = apply(op_kind::kWorkloadSet, WorkloadSetPayload(teacher, *group, line.hours));
        if (!w.ok()) return w.status();
        load[teacher] += line.hours;
        first_teacher = teacher;
      }
    }
  }
  // Two individual study plans (ИУП): the first student of the first 9th class takes an extra
  // hour of informatics, the first of the first 3rd class is exempt from physical education.
  auto first_student = [&](int grade) -> int64_t {
    for (const SchoolClass* cls : classes) {
      if (cls->grade != grade) continue;
      auto students = st.StudentsOf(cls->id, year.range.first);
      return students.empty() ? 0 : students.front();
    }
    return 0;
  };
  auto subject_named = [&](std::string_view name) -> int64_t {
    for (const Subject& x : st.subjects) {
      if (x.name == name) return x.id;
    }
    return 0;
  };
  const struct {
    int grade;
    std::string_view subject;
    std::string_view mode;
    double hours;
  } kPlans[] = {{9, "Информатика", "add", 1}, {3, "Физическая культура", "replace", 0}};
  for (const auto& plan : kPlans) {
    const int64_t student = first_student(plan.grade), subject = subject_named(plan.subject);
    if (student == 0 || subject == 0) continue;
    auto r = apply(op_kind::kIupSet, IupSetPayload(year.id, student, subject, plan.mode, plan.hours));
    if (!r.ok()) return r.status();
  }
  return Status::Ok();
}

// The bell schedule and a weekly timetable for every group, through the core's timetable
// operations. A greedy placement: each class spreads its hours over Monday–Friday, the fewest
// lessons a day first, at the earliest lesson number where the class and the teacher (both
// teachers of a pair of subgroups, who meet at the same time) are free; each teacher keeps
// one room. Daily limits by grade follow СанПиН (1st grade 4, 2–4 — 5, 5–6 — 6, 7–11 — 7).
Status MakeTimetable(Connection& c, int64_t school_id) {
  auto loaded = LoadStructure(c, school_id);
  if (!loaded.ok()) return loaded.status();
  const Structure& st = *loaded;
  auto timetable = LoadTimetable(c, school_id);
  if (!timetable.ok()) return timetable.status();
  Timetable& t = *timetable;
  Actor head;
  head.school_id = school_id;
  head.roles = {Role::kHead};
  int op_number = 0;
  auto apply = [&](std::string_view kind, protocol::Json payload) -> Status {
    Operation op;
    op.op_id = "demo-tt-" + std::to_string(++op_number);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    auto applied = ApplyTimetableOp(t, st, op, head);
    if (!applied.ok()) return applied.status();
    return PersistTimetable(c, school_id, t, *applied);
  };
  const char* kBells[][2] = {{"08:30", "09:15"}, {"09:25", "10:10"}, {"10:30", "11:15"}, {"11:35", "12:20"},
                             {"12:30", "13:15"}, {"13:25", "14:10"}, {"14:20", "15:05"}};
  BellSchedule bells{0, "1 смена", {}};
  for (int i = 0; i < 7; ++i) bells.slots.push_back({i + 1, *ClockTime::Parse(kBells[i][0]), *ClockTime::Parse(kBells[i][1])});
  if (Status b = apply(op_kind::kBellsSet, BellsSetPayload(bells)); !b.ok()) return b;

  const AcademicYear& year = st.years.front();
  std::map<int64_t, std::string> room_of;
  int next_room = 101;
  std::set<std::tuple<int64_t, int, int>> teacher_busy;  // teacher, weekday, number
  for (const SchoolClass* cls : st.ClassesOf(year.id)) {
    const int max_per_day = cls->grade == 1 ? 4 : cls->grade <= 4 ? 5 : cls->grade <= 6 ? 6 : 7;
    std::array<std::array<bool, 8>, 6> class_busy{};
    std::array<int, 6> per_day{};
    // Units to place: a whole-class group, or the pair of subgroups of one subject together.
    struct Unit {
      std::vector<const WorkloadLine*> lines;
      double hours = 0;
    };
    std::map<int64_t, Unit> by_subject;
    for (const auto& g : st.groups) {
      if (g.class_ids.empty() || g.class_ids[0] != cls->id) continue;
      for (const auto& w : st.workload) {
        if (w.group_id != g.id) continue;
        Unit& u = by_subject[g.subject_id];
        u.lines.push_back(&w);
        u.hours = w.hours;
      }
    }
    // Placement in memory first: (day, number) -> the unit's lines.
    std::map<std::pair<int, int>, std::vector<const WorkloadLine*>> placed;
    auto teachers_free = [&](const std::vector<const WorkloadLine*>& lines, int day, int number) {
      for (const WorkloadLine* w : lines) {
        if (teacher_busy.count({w->teacher_id, day, number})) return false;
      }
      return true;
    };
    auto occupy = [&](const std::vector<const WorkloadLine*>& lines, int day, int number, bool on) {
      class_busy[day - 1][number] = on;
      per_day[day - 1] += on ? 1 : -1;
      for (const WorkloadLine* w : lines) {
        if (on) {
          teacher_busy.insert({w->teacher_id, day, number});
        } else {
          teacher_busy.erase({w->teacher_id, day, number});
        }
      }
      if (on) {
        placed[{day, number}] = lines;
      } else {
        placed.erase({day, number});
      }
    };
    for (const auto& [subject, unit] : by_subject) {
      for (int hour = 0; hour < static_cast<int>(unit.hours + 0.5); ++hour) {
        int best_day = 0, best_number = 0;
        for (int pass = 0; pass < 2 && best_day == 0; ++pass) {
          std::array<int, 5> order{1, 2, 3, 4, 5};
          std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return per_day[a - 1] < per_day[b - 1]; });
          for (int day : order) {
            if (per_day[day - 1] >= max_per_day + pass) continue;  // second pass: one over the limit
            for (int number = 1; number <= 7 && best_day == 0; ++number) {
              if (!class_busy[day - 1][number] && teachers_free(unit.lines, day, number)) {
                best_day = day;
                best_number = number;
              }
            }
            if (best_day) break;
          }
        }
        if (best_day == 0) {
          // Repair: move a placed lesson of this class from a slot where this unit's teachers
          // are free to a free slot where that lesson's teachers are free.
          for (auto it = placed.begin(); it != placed.end() && best_day == 0; ++it) {
            auto [day, number] = it->first;
            if (!teachers_free(unit.lines, day, number)) continue;
            std::vector<const WorkloadLine*> other = it->second;
            for (int d2 = 1; d2 <= 5 && best_day == 0; ++d2) {
              for (int n2 = 1; n2 <= 7 && best_day == 0; ++n2) {
                if (class_busy[d2 - 1][n2] || per_day[d2 - 1] > max_per_day || !teachers_free(other, d2, n2)) continue;
                occupy(other, day, number, false);
                occupy(other, d2, n2, true);
                best_day = day;
                best_number = number;
              }
            }
          }
        }
        if (best_day == 0) continue;  // unplaced: the timetable's checks report the missing hour
        occupy(unit.lines, best_day, best_number, true);
      }
    }
    for (const auto& [slot, lines] : placed) {
      for (const WorkloadLine* w : lines) {
        if (!room_of.count(w->teacher_id)) room_of[w->teacher_id] = std::to_string(next_room++);
        TimetableEntry e{0, year.id, w->group_id, w->teacher_id, slot.first, slot.second, room_of[w->teacher_id],
                         WeekParity::kEvery, TimetableKind::kMain};
        if (Status a = apply(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(e)); !a.ok()) return a;
      }
    }
  }
  return Status::Ok();
}

Status WriteSchool(Connection& c, const School& school, const DemoOptions& options,
                   const std::string& demo_hash) {
  auto count = c.QueryInt("SELECT COUNT(*) FROM schools", {});
  if (!count.ok()) return count.status();
  if (*count > 0) {
    return Status(ErrorCode::kValidation,
                  "В базе данных уже есть школа. Демонстрационную школу можно создать только в "
                  "пустой базе.");
  }
  const int64_t now = options.now;
  Status s = c.Query("INSERT INTO schools (name, short_name, created_at) VALUES (?, ?, ?)",
                     {std::string(kDemoSchoolName), std::string(kDemoSchoolShortName), now});
  if (!s.ok()) return s;
  const int64_t school_id = c.LastInsertId();

  s = c.Query(
      "INSERT INTO academic_years (school_id, name, starts_on, ends_on) VALUES (?, ?, ?, ?)",
      {school_id, options.year_name, options.year_start, options.year_end});
  if (!s.ok()) return s;
  const int64_t year_id = c.LastInsertId();

  // The study calendar: the core's default (quarters for 1–9, half-years for 10–11, holidays).
  AcademicYear year{year_id, options.year_name,
                    {*Date::ParseIso(options.year_start), *Date::ParseIso(options.year_end)}};
  CalendarDraft calendar = DefaultCalendar(year);
  for (const StudyPeriod& p : calendar.periods) {
    s = c.Query(
        "INSERT INTO study_periods (year_id, name, first_day, last_day, grade_from, grade_to) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {year_id, p.name, p.range.first.Iso(), p.range.last.Iso(), int64_t{p.grade_from}, int64_t{p.grade_to}});
    if (!s.ok()) return s;
  }
  for (const Holiday& h : calendar.holidays) {
    s = c.Query("INSERT INTO holidays (year_id, name, first_day, last_day) VALUES (?, ?, ?, ?)",
                {year_id, h.name, h.range.first.Iso(), h.range.last.Iso()});
    if (!s.ok()) return s;
  }

  std::array<int64_t, kSubjectCount> subject_ids{};
  for (const SubjectInfo& subject : kSubjects) {
    s = c.Query("INSERT INTO subjects (school_id, name, short_name) VALUES (?, ?, ?)",
                {school_id, std::string(subject.name), std::string(subject.short_name)});
    if (!s.ok()) return s;
    subject_ids[subject.id] = c.LastInsertId();
    for (int grade = 1; grade <= 11; ++grade) {
      int hours = subject.hours[static_cast<size_t>(grade - 1)];
      if (hours == 0) continue;
      s = c.Query("INSERT INTO curriculum (year_id, grade, subject_id, hours) VALUES (?, ?, ?, ?)",
                  {year_id, int64_t{grade}, subject_ids[subject.id], static_cast<double>(hours)});
      if (!s.ok()) return s;
    }
  }

  std::vector<int64_t> person_ids;
  person_ids.reserve(school.persons.size());
  for (const Person& p : school.persons) {
    s = c.Query(
        "INSERT INTO persons (school_id, last_name, first_name, middle_name, birth_date, sex, "
        "email, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {school_id, p.name.last, p.name.first, p.name.middle, TextOrNull(p.birth_date),
         std::string(1, p.sex), TextOrNull(p.email), TextOrNull(p.phone)});
    if (!s.ok()) return s;
    const int64_t id = c.LastInsertId();
    person_ids.push_back(id);
    for (Role role : p.roles) {
      s = c.Query("INSERT INTO person_roles (person_id, role) VALUES (?, ?)",
                  {id, std::string(RoleCode(role))});
      if (!s.ok()) return s;
    }
    if (!p.position.empty()) {
      s = c.Query("INSERT INTO staff (person_id, position) VALUES (?, ?)", {id, p.position});
      if (!s.ok()) return s;
    }
    for (const SubjectInfo& subject : kSubjects) {
      if ((p.subjects & Bit(subject.id)) == 0) continue;
      s = c.Query("INSERT INTO staff_subjects (person_id, subject_id) VALUES (?, ?)",
                  {id, subject_ids[subject.id]});
      if (!s.ok()) return s;
    }
    SqlValue hash = nullptr, changed_at = nullptr;
    if (p.demo) {
      hash = demo_hash;
      changed_at = now;
    }
    s = c.Query(
        "INSERT INTO accounts (school_id, person_id, login, password_hash, created_at, "
        "password_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
        {school_id, id, p.login, hash, now, changed_at});
    if (!s.ok()) return s;
  }
  auto person_id = [&](int index) { return person_ids[static_cast<size_t>(index)]; };

  for (const ClassDraft& cls : school.classes) {
    s = c.Query(
        "INSERT INTO classes (school_id, year_id, grade, letter, class_teacher_id) "
        "VALUES (?, ?, ?, ?, ?)",
        {school_id, year_id, int64_t{cls.grade}, std::string(kLetters[cls.letter]),
         person_id(cls.teacher)});
    if (!s.ok()) return s;
    const int64_t class_id = c.LastInsertId();
    for (int student : cls.students) {
      s = c.Query("INSERT INTO enrollments (student_id, class_id, from_date) VALUES (?, ?, ?)",
                  {person_id(student), class_id, options.year_start});
      if (!s.ok()) return s;
    }
  }

  for (const Guardianship& g : school.guardianships) {
    s = c.Query("INSERT INTO guardianships (parent_id, student_id, kind) VALUES (?, ?, ?)",
                {person_id(g.parent), person_id(g.student), std::string(g.kind)});
    if (!s.ok()) return s;
  }
  s = AssignWorkload(c, school_id, options.now);
  if (!s.ok()) return s;
  s = MakeTimetable(c, school_id);
  if (!s.ok()) return s;
  return MakePlansAndControlWorks(c, school_id, options.now);
}

}  // namespace

// -----------------------------------------------------------------------------------------
// [SECTION] CreateDemoSchool
// -----------------------------------------------------------------------------------------

Status CreateDemoSchool(Database& db, const DemoOptions& options,
                        const std::function<std::string(std::string_view)>& hash_password,
                        DemoSummary* summary) {
  auto start = Date::ParseIso(options.year_start);
  auto end = Date::ParseIso(options.year_end);
  if (!start) {
    return Status(
        ErrorCode::kValidation,
        "Дата начала учебного года должна быть в виде ГГГГ-ММ-ДД: «" + options.year_start + "».",
        "year_start");
  }
  if (!end || *end <= *start) {
    return Status(ErrorCode::kValidation,
                  "Дата окончания учебного года должна быть в виде ГГГГ-ММ-ДД и позже даты "
                  "начала: «" +
                      options.year_end + "».",
                  "year_end");
  }
  if (options.year_name.empty()) {
    return Status(ErrorCode::kValidation, "Не указано название учебного года.", "year_name");
  }
  // Refuse early, before the (slow, in production) password hashing; WriteSchool checks
  // again inside the transaction.
  auto existing = Result<int64_t>(int64_t{0});
  Status s = db.Read([&](Connection& c) {
    existing = c.QueryInt("SELECT COUNT(*) FROM schools", {});
    return existing.ok() ? Status::Ok() : existing.status();
  });
  if (!s.ok()) return s;
  if (*existing > 0) {
    return Status(ErrorCode::kValidation,
                  "В базе данных уже есть школа. Демонстрационную школу можно создать только в "
                  "пустой базе.");
  }

  School school = Generator(options.seed, *start).Run();
  const std::string demo_hash = hash_password(kDemoPassword);
  if (demo_hash.empty()) {
    return Status(ErrorCode::kInternal, "Не удалось вычислить хеш пароля демонстрационных входов.");
  }
  s = db.Write([&](Connection& c) { return WriteSchool(c, school, options, demo_hash); });
  if (!s.ok()) return s;
  DemoJournalSummary journal;
  s = db.Write([&](Connection& c) { return WriteDemoJournal(c, options.seed, options.now, &journal); });
  if (!s.ok()) return s;

  if (summary != nullptr) {
    *summary = {};
    summary->students = school.students;
    summary->parents = school.parents;
    summary->staff = school.staff;
    summary->classes = static_cast<int>(school.classes.size());
    summary->accounts = static_cast<int>(school.persons.size());
    summary->lessons = journal.lessons;
    summary->marks = journal.marks;
    summary->finals = journal.finals;
    for (int slot = 0; slot < kDemoCount; ++slot) {
      const Person& p = school.persons[static_cast<size_t>(school.demo[static_cast<size_t>(slot)])];
      summary->logins.push_back(
          {p.login, std::string(kDemoPassword), RoleTitles(p.roles), FullName(p.name)});
    }
  }
  return Status::Ok();
}

}  // namespace ej::server

namespace ej::server {

Result<std::vector<DemoLogin>> FindDemoLogins(Database& db) {
  std::vector<DemoLogin> out;
  Status s = db.Read([&](Connection& c) -> Status {
    for (std::string_view login : kDemoLogins) {
      std::optional<int64_t> account;
      DemoLogin d;
      Status q = c.Query(
          "SELECT a.id, p.last_name, p.first_name, p.middle_name FROM accounts a JOIN persons p ON p.id = a.person_id "
          "WHERE a.login = ? AND a.password_hash IS NOT NULL AND a.disabled = 0",
          {std::string(login)}, [&](const Row& r) {
            account = r.Int(0);
            d.full_name = FullName({r.Text(1), r.Text(2), r.Text(3)});
          });
      if (!q.ok()) return q;
      if (!account) continue;
      std::vector<Role> roles;
      q = c.Query("SELECT pr.role FROM person_roles pr JOIN accounts a ON a.person_id = pr.person_id WHERE a.id = ?",
                  {*account}, [&](const Row& r) {
                    if (auto role = RoleFromCode(r.Text(0))) roles.push_back(*role);
                  });
      if (!q.ok()) return q;
      std::vector<Role> ordered;
      for (Role role : kAllRoles) {
        if (std::find(roles.begin(), roles.end(), role) != roles.end()) ordered.push_back(role);
      }
      d.login = std::string(login);
      d.password = std::string(kDemoPassword);
      d.role_title = RoleTitles(ordered);
      out.push_back(std::move(d));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace ej::server
