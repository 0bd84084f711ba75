#include "school_rules.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <set>

namespace ej {
namespace {

Actor WithRole(Role role) {
  Actor a;
  a.account_id = 1;
  a.person_id = 1;
  a.roles = {role};
  return a;
}

Operation UpdateOp(const SchoolRules& next, int64_t base_version) {
  Operation op;
  op.op_id = "00000000-0000-4000-8000-000000000001";
  op.kind = std::string(op_kind::kRulesUpdate);
  op.payload = RulesUpdatePayload(next);
  op.base_version = base_version;
  return op;
}

const InUsePredicate kNothingInUse = [](std::string_view, std::string_view) { return false; };

// The status of the default rules after one change.
Status Broken(const std::function<void(SchoolRules&)>& change) {
  SchoolRules r = DefaultSchoolRules();
  change(r);
  return ValidateSchoolRules(r);
}

void CheckInvalid(const Status& st, const char* needle, const char* field) {
  REQUIRE_FALSE(st.ok());
  CHECK(st.code() == ErrorCode::kValidation);
  CHECK_MESSAGE(st.message().find(needle) != std::string::npos, st.message());
  CHECK(st.field() == field);
}

void CheckOk(const Status& st) { CHECK_MESSAGE(st.ok(), st.message()); }

GradingSystem& System(SchoolRules& r, std::string_view id) {
  auto it = std::find_if(r.systems.begin(), r.systems.end(), [&](const GradingSystem& s) { return s.id == id; });
  REQUIRE(it != r.systems.end());
  return *it;
}

MarkType& Type(SchoolRules& r, std::string_view code) {
  auto it = std::find_if(r.mark_types.begin(), r.mark_types.end(), [&](const MarkType& t) { return t.code == code; });
  REQUIRE(it != r.mark_types.end());
  return *it;
}

template <typename T>
void EraseCode(std::vector<T>& items, std::string_view code) {
  auto before = items.size();
  std::erase_if(items, [&](const T& item) { return item.code == code; });
  REQUIRE(items.size() + 1 == before);
}

bool Contains(const std::vector<std::string>& lines, std::string_view needle) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

std::string AllLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

Date D(const char* iso) { return *Date::ParseIso(iso); }

}  // namespace

// ---- defaults ----

TEST_CASE("the default mark types carry the weights a Russian school expects") {
  SchoolRules r = DefaultSchoolRules();
  REQUIRE(r.mark_types.size() == 10);
  struct Expected {
    const char* name;
    int weight;
  };
  for (const Expected& e : {Expected{"Ответ на уроке", 1}, Expected{"Самостоятельная работа", 2},
                            Expected{"Проверочная работа", 2}, Expected{"Контрольная работа", 3},
                            Expected{"Домашняя работа", 1}, Expected{"Диктант", 2}, Expected{"Практическая работа", 2},
                            Expected{"Лабораторная работа", 2}, Expected{"Проект", 2}, Expected{"Зачёт", 3}}) {
    auto it =
        std::find_if(r.mark_types.begin(), r.mark_types.end(), [&](const MarkType& t) { return t.name == e.name; });
    REQUIRE_MESSAGE(it != r.mark_types.end(), e.name);
    CHECK_MESSAGE(it->weight == e.weight, e.name);
    CHECK(WeightOf(r, it->code) == e.weight);
  }
  CHECK(r.mark_types.front().name == "Ответ на уроке");
  CHECK(WeightOf(r, "control") == 3);
}

TEST_CASE("the default attendance codes are н, б, у and оп, and only оп is not an absence") {
  SchoolRules r = DefaultSchoolRules();
  REQUIRE(r.attendance.size() == 4);
  CHECK(IsAbsence(r, "н"));
  CHECK(IsAbsence(r, "б"));
  CHECK(IsAbsence(r, "у"));
  CHECK_FALSE(IsAbsence(r, "оп"));
  CHECK_FALSE(IsAbsence(r, "x"));
  CHECK_FALSE(IsExcusedAbsence(r, "н"));
  CHECK(IsExcusedAbsence(r, "б"));
  CHECK(IsExcusedAbsence(r, "у"));
  CHECK_FALSE(IsExcusedAbsence(r, "оп"));
  CHECK(FindAttendanceCode(r, "оп")->name == "опоздал");
  CHECK(FindAttendanceCode(r, "н")->name == "отсутствовал");
}

TEST_CASE("the default homework limits follow СанПиН 1.2.3685-21, table 6.6") {
  SchoolRules r = DefaultSchoolRules();
  CHECK(HomeworkLimitMinutes(r, 1) == 60);
  CHECK(HomeworkLimitMinutes(r, 2) == 90);
  CHECK(HomeworkLimitMinutes(r, 3) == 90);
  CHECK(HomeworkLimitMinutes(r, 4) == 120);
  CHECK(HomeworkLimitMinutes(r, 5) == 120);
  CHECK(HomeworkLimitMinutes(r, 6) == 150);
  CHECK(HomeworkLimitMinutes(r, 8) == 150);
  CHECK(HomeworkLimitMinutes(r, 9) == 210);
  CHECK(HomeworkLimitMinutes(r, 11) == 210);
  CHECK(HomeworkLimitMinutes(r, 0) == 0);
  CHECK(HomeworkLimitMinutes(r, 12) == 0);
}

TEST_CASE("by default marks are five-point, grade 1 has none, and corrections follow the usual local act") {
  SchoolRules r = DefaultSchoolRules();
  CheckOk(ValidateSchoolRules(r));
  CHECK(r.version == 0);
  CHECK(r.default_system == "five");
  CHECK(GradingSystemIdForGrade(r, 1) == kNoMarksSystem);
  CHECK(GradingSystemForGrade(r, 1) == nullptr);
  REQUIRE(GradingSystemForGrade(r, 5) != nullptr);
  CHECK(GradingSystemForGrade(r, 5)->name == "Пятибалльная");
  CHECK(GradingSystemForGrade(r, 11)->id == "five");
  CHECK_FALSE(r.allow_plus_minus);
  for (const char* id : {"five", "pass_fail", "ten", "hundred"}) CHECK_MESSAGE(FindGradingSystem(r, id), id);
  CHECK(FindGradingSystem(r, "pass_fail")->name == "Зачёт/незачёт");
  CHECK(FindGradingSystem(r, "ten")->name == "Десятибалльная");
  CHECK(FindGradingSystem(r, "hundred")->name == "Стобалльная");
  CHECK(FindGradingSystem(r, "hundred")->values.size() == 101);
  CHECK(r.corrections.correction_window_days == 3);
  CHECK(r.corrections.require_reason_after_window);
  CHECK(r.corrections.locked_periods_need_approval);
  CHECK(r.corrections.mark_deadline_days == 7);
}

TEST_CASE("in the five-point system 2 and 1 fail, 3 to 5 pass, and a sign does not change the number") {
  SchoolRules r = DefaultSchoolRules();
  const GradingSystem& five = *FindGradingSystem(r, "five");
  for (const char* code : {"5", "4", "3", "3-", "4+"}) CHECK_MESSAGE(FindMarkValue(five, code)->passing, code);
  for (const char* code : {"2", "1", "2+"}) CHECK_MESSAGE(!FindMarkValue(five, code)->passing, code);
  CHECK(*FindMarkValue(five, "4+")->numeric == doctest::Approx(4.0));
  CHECK(*FindMarkValue(five, "4-")->numeric == doctest::Approx(4.0));
  CHECK(*FindMarkValue(five, "5")->numeric == doctest::Approx(5.0));
  CHECK(FindMarkValue(five, "4-")->text == "4−");
  CHECK(FindMarkValue(five, "4+")->five_point == 4);
  CHECK(FindMarkValue(five, "6") == nullptr);
}

TEST_CASE("a failing mark is the grading system's word: 2, 1, 2+ and незачёт, and a school's own system") {
  SchoolRules r = DefaultSchoolRules();
  for (const char* code : {"2", "1", "2+"}) CHECK_MESSAGE(IsFailingMark(r, "five", code), code);
  for (const char* code : {"3", "3-", "5"}) CHECK_MESSAGE(!IsFailingMark(r, "five", code), code);
  CHECK(IsFailingMark(r, "pass_fail", "незач"));
  CHECK_FALSE(IsFailingMark(r, "pass_fail", "зач"));
  CHECK_FALSE(IsFailingMark(r, "none", "2"));
  CHECK_FALSE(IsFailingMark(r, "five", "незач"));  // not a value of that system
  // In the ten-point system 3 fails (it is a 2 on the five-point scale), 4 passes.
  CHECK(IsFailingMark(r, "ten", "3"));
  CHECK_FALSE(IsFailingMark(r, "ten", "4"));
}

TEST_CASE("pass/fail values do not count in averages but do count for success") {
  SchoolRules r = DefaultSchoolRules();
  const GradingSystem& pf = *FindGradingSystem(r, "pass_fail");
  const MarkValue* pass = FindMarkValue(pf, "зач");
  const MarkValue* fail = FindMarkValue(pf, "незач");
  REQUIRE(pass);
  REQUIRE(fail);
  CHECK_FALSE(pass->numeric.has_value());
  CHECK_FALSE(fail->numeric.has_value());
  CHECK(pass->text == "зач.");
  CHECK(fail->text == "незач.");
  CHECK(pass->passing);
  CHECK_FALSE(fail->passing);
  CHECK(pass->five_point == 0);
  CheckOk(IsValidFinalMark(r, "pass_fail", "зач"));
  CheckOk(IsValidFinalMark(r, "pass_fail", "незач"));
}

// ---- marks ----

TEST_CASE("+ and − are allowed on current marks only when the school allows them, and never on finals") {
  SchoolRules r = DefaultSchoolRules();
  CheckOk(IsValidCurrentMark(r, "five", "4"));
  Status refused = IsValidCurrentMark(r, "five", "4+");
  CheckInvalid(refused, "Отметки с «+» и «−» в школе не ставятся", "");
  CheckInvalid(IsValidFinalMark(r, "five", "4-"), "Итоговая отметка ставится целой", "");

  r.allow_plus_minus = true;
  CheckOk(IsValidCurrentMark(r, "five", "4+"));
  CheckOk(IsValidCurrentMark(r, "five", "5-"));
  CheckInvalid(IsValidFinalMark(r, "five", "4+"), "Итоговая отметка ставится целой, без «+» и «−»: «4+»", "");
  CheckOk(IsValidFinalMark(r, "five", "4"));
  CheckOk(IsValidFinalMark(r, "five", "2"));
}

TEST_CASE("a mark outside its system is refused with a message that names the system") {
  SchoolRules r = DefaultSchoolRules();
  Status st = IsValidCurrentMark(r, "five", "6");
  REQUIRE_FALSE(st.ok());
  CHECK(st.code() == ErrorCode::kValidation);
  CHECK(st.message() == "Отметка «6» не входит в пятибалльную систему.");
  CHECK(IsValidCurrentMark(r, "ten", "11").message() == "Отметка «11» не входит в десятибалльную систему.");
  CHECK(IsValidFinalMark(r, "hundred", "101").message() == "Отметка «101» не входит в стобалльную систему.");
  CHECK(IsValidCurrentMark(r, "pass_fail", "5").message() ==
        "Отметка «5» не входит в систему оценивания «Зачёт/незачёт».");
  CheckInvalid(IsValidCurrentMark(r, "twelve", "5"), "Система оценивания «twelve» не найдена", "");
  CheckInvalid(IsValidCurrentMark(r, "none", "5"), "безотметочное обучение", "");
  CheckInvalid(IsValidFinalMark(r, std::string(GradingSystemIdForGrade(r, 1)), "5"), "безотметочное обучение", "");
}

TEST_CASE("a value the school did not allow as a final cannot be a final mark") {
  SchoolRules r = DefaultSchoolRules();
  GradingSystem& ten = System(r, "ten");
  ten.values.push_back(MarkValue{"н/а", "н/а", std::nullopt, false, false, false, 0});
  CheckOk(ValidateSchoolRules(r));
  CheckOk(IsValidCurrentMark(r, "ten", "н/а"));
  CheckInvalid(IsValidFinalMark(r, "ten", "н/а"), "Отметка «н/а» не может быть итоговой.", "");
}

// ---- validation ----

TEST_CASE("grading systems need a well-formed, unique, unreserved id and a unique name") {
  CheckInvalid(Broken([](SchoolRules& r) { r.systems.clear(); }), "хотя бы одна система", "systems");
  CheckInvalid(Broken([](SchoolRules& r) { r.systems[1].id = "none"; }), "зарезервирован", "systems[1].id");
  CheckInvalid(Broken([](SchoolRules& r) { r.systems[1].id = "Pass fail"; }), "строчные латинские буквы",
               "systems[1].id");
  CheckInvalid(Broken([](SchoolRules& r) { r.systems[1].id = ""; }), "строчные латинские буквы", "systems[1].id");
  CheckInvalid(Broken([](SchoolRules& r) { r.systems[2].id = "five"; }), "Код системы оценивания «five» повторяется",
               "systems[2].id");
  CheckInvalid(Broken([](SchoolRules& r) { r.systems[2].name = " "; }), "Не указано название системы оценивания «ten»",
               "systems[2].name");
  CheckInvalid(Broken([](SchoolRules& r) { r.systems[2].name = "Пятибалльная"; }),
               "Система оценивания «Пятибалльная» уже есть", "systems[2].name");
  CheckOk(Broken([](SchoolRules& r) { r.systems[2].id = "ten_2"; }));
}

TEST_CASE("a grading system needs two unique values, a passing one, a failing one and a possible final") {
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "pass_fail").values.pop_back(); }), "не меньше двух отметок",
               "systems[1].values");
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "five").values[1].code = "5"; }),
               "Отметка «5» в системе «Пятибалльная» повторяется", "systems[0].values[1].code");
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "pass_fail").values[1].passing = true; }),
               "хотя бы одна положительная и хотя бы одна неудовлетворительная", "systems[1].values");
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "pass_fail").values[0].passing = false; }),
               "хотя бы одна положительная и хотя бы одна неудовлетворительная", "systems[1].values");
  CheckInvalid(Broken([](SchoolRules& r) {
                 for (auto& v : System(r, "pass_fail").values) v.final_allowed = false;
               }),
               "нет ни одной отметки, которую можно поставить итоговой", "systems[1].values");
}

TEST_CASE("a mark value needs a short code without spaces and a text to show") {
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "five").values[0].code = ""; }), "от 1 до 8 знаков без пробелов",
               "systems[0].values[0].code");
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "five").values[0].code = "5 "; }), "от 1 до 8 знаков без пробелов",
               "systems[0].values[0].code");
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "five").values[0].code = "отличнооо"; }),
               "от 1 до 8 знаков без пробелов", "systems[0].values[0].code");
  CheckOk(Broken([](SchoolRules& r) { System(r, "five").values[0].code = "отлично"; }));
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "five").values[0].text = ""; }),
               "Не указано, как показывать отметку «5»", "systems[0].values[0].text");
}

TEST_CASE("a numeric value lies within 0..100") {
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "five").values[0].numeric = -1; }), "должно быть от 0 до 100",
               "systems[0].values[0].value");
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "five").values[0].numeric = 100.5; }), "должно быть от 0 до 100",
               "systems[0].values[0].value");
  CheckOk(Broken([](SchoolRules& r) { System(r, "five").values[0].numeric = 100; }));
  CheckOk(Broken([](SchoolRules& r) { System(r, "five").values[10].numeric = 0; }));
  CheckOk(Broken([](SchoolRules& r) { System(r, "five").values[2].numeric = 4.25; }));  // "4+" as 4.25
  CheckOk(Broken([](SchoolRules& r) { System(r, "five").values[0].numeric.reset(); }));
}

TEST_CASE("a value with + or − cannot be a final, and its five-point equivalent agrees with passing") {
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "five").values[2].final_allowed = true; }),
               "Отметка «4+» с «+» или «−» не может быть итоговой", "systems[0].values[2].final");
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "ten").values[0].five_point = 6; }), "пятибалльной шкале",
               "systems[2].values[0].five_point");
  CheckInvalid(Broken([](SchoolRules& r) { System(r, "ten").values[9].passing = true; }),
               "Отметка «1» (система «Десятибалльная») положительная, а по пятибалльной шкале соответствует «2»",
               "systems[2].values[9].passing");
  CheckOk(Broken([](SchoolRules& r) {
    System(r, "ten").values[9].passing = true;
    System(r, "ten").values[9].five_point = 0;
  }));
}

TEST_CASE("the default system and the per-grade overrides name existing systems") {
  CheckInvalid(Broken([](SchoolRules& r) { r.default_system = "twelve"; }), "по умолчанию «twelve» не найдена",
               "default_system");
  CheckInvalid(Broken([](SchoolRules& r) { r.default_system = "none"; }), "по умолчанию «none» не найдена",
               "default_system");
  CheckInvalid(Broken([](SchoolRules& r) { r.grade_systems[12] = "five"; }), "Параллель 12 указана неверно",
               "grade_systems");
  CheckInvalid(Broken([](SchoolRules& r) { r.grade_systems[0] = "five"; }), "Параллель 0 указана неверно",
               "grade_systems");
  CheckInvalid(Broken([](SchoolRules& r) { r.grade_systems[10] = "twelve"; }),
               "Для 10 класса выбрана несуществующая система оценивания «twelve»", "grade_systems");
  CheckOk(Broken([](SchoolRules& r) { r.grade_systems[2] = "none"; }));
  CheckOk(Broken([](SchoolRules& r) { r.grade_systems[10] = "hundred"; }));
  CheckOk(Broken([](SchoolRules& r) { r.grade_systems.clear(); }));
}

TEST_CASE("mark types need a unique code and name and a weight from 1 to 10") {
  CheckInvalid(Broken([](SchoolRules& r) { Type(r, "control").weight = 11; }),
               "Вес вида работы «Контрольная работа» должен быть от 1 до 10.", "mark_types[3].weight");
  CheckInvalid(Broken([](SchoolRules& r) { Type(r, "control").weight = 0; }),
               "Вес вида работы «Контрольная работа» должен быть от 1 до 10.", "mark_types[3].weight");
  CheckOk(Broken([](SchoolRules& r) { Type(r, "control").weight = 10; }));
  CheckOk(Broken([](SchoolRules& r) { Type(r, "control").weight = 1; }));
  CheckInvalid(Broken([](SchoolRules& r) { r.mark_types.clear(); }), "хотя бы один вид работы", "mark_types");
  CheckInvalid(Broken([](SchoolRules& r) { Type(r, "lab").code = "control"; }), "Код вида работы «control» повторяется",
               "mark_types[7].code");
  CheckInvalid(Broken([](SchoolRules& r) { Type(r, "lab").code = "лаб"; }), "строчные латинские буквы",
               "mark_types[7].code");
  CheckInvalid(Broken([](SchoolRules& r) { Type(r, "lab").name = "Диктант"; }), "Вид работы «Диктант» уже есть",
               "mark_types[7].name");
  CheckInvalid(Broken([](SchoolRules& r) { Type(r, "lab").name = ""; }), "Не указано название вида работы «lab»",
               "mark_types[7].name");
  CheckOk(Broken([](SchoolRules& r) { r.mark_types.push_back({"essay", "Сочинение", 3}); }));
}

TEST_CASE("attendance codes are 1 to 3 letters, unique, explained, and one of them is an absence") {
  CheckOk(Broken([](SchoolRules& r) { r.attendance.push_back({"осв", "освобождён", true, true}); }));
  CheckOk(Broken([](SchoolRules& r) { r.attendance.push_back({"Б", "болел (с документом)", true, true}); }));
  CheckInvalid(Broken([](SchoolRules& r) {
                 r.attendance.push_back({"осво", "освобождён", true, true});
               }),
               "от 1 до 3 букв", "attendance[4].code");
  CheckInvalid(Broken([](SchoolRules& r) {
                 r.attendance.push_back({"", "пусто", true, true});
               }),
               "от 1 до 3 букв", "attendance[4].code");
  CheckInvalid(Broken([](SchoolRules& r) {
                 r.attendance.push_back({"н1", "с цифрой", true, true});
               }),
               "от 1 до 3 букв", "attendance[4].code");
  CheckInvalid(Broken([](SchoolRules& r) {
                 r.attendance.push_back({"н", "ещё раз", true, false});
               }),
               "Код посещаемости «н» повторяется", "attendance[4].code");
  CheckInvalid(Broken([](SchoolRules& r) { r.attendance[3].name = ""; }),
               "Не указано, что означает код посещаемости «оп»", "attendance[3].name");
  CheckInvalid(Broken([](SchoolRules& r) {
                 for (auto& a : r.attendance) a.absence = false;
               }),
               "хотя бы один код посещаемости, который означает пропуск", "attendance");
  CheckOk(Broken([](SchoolRules& r) { EraseCode(r.attendance, "оп"); }));
}

TEST_CASE("correction and deadline days lie within 0..30") {
  CheckInvalid(Broken([](SchoolRules& r) { r.corrections.correction_window_days = -1; }), "от 0 до 30 дней",
               "corrections.correction_window_days");
  CheckInvalid(Broken([](SchoolRules& r) { r.corrections.correction_window_days = 31; }), "от 0 до 30 дней",
               "corrections.correction_window_days");
  CheckOk(Broken([](SchoolRules& r) { r.corrections.correction_window_days = 0; }));
  CheckOk(Broken([](SchoolRules& r) { r.corrections.correction_window_days = 30; }));
  CheckInvalid(Broken([](SchoolRules& r) { r.corrections.mark_deadline_days = 31; }),
               "Срок выставления отметок — от 0 до 30 дней", "corrections.mark_deadline_days");
  CheckInvalid(Broken([](SchoolRules& r) { r.corrections.mark_deadline_days = -2; }),
               "Срок выставления отметок — от 0 до 30 дней", "corrections.mark_deadline_days");
  CheckOk(Broken([](SchoolRules& r) { r.corrections.mark_deadline_days = 0; }));
}

TEST_CASE("homework limits are more than 0 and at most 300 minutes for every grade") {
  CheckInvalid(Broken([](SchoolRules& r) { r.homework_minutes[4] = 0; }),
               "Время на домашнее задание для 5 класса — от 1 до 300 минут", "homework_minutes[4]");
  CheckInvalid(Broken([](SchoolRules& r) { r.homework_minutes[10] = 301; }), "для 11 класса", "homework_minutes[10]");
  CheckOk(Broken([](SchoolRules& r) { r.homework_minutes[4] = 1; }));
  CheckOk(Broken([](SchoolRules& r) { r.homework_minutes[10] = 300; }));
}

// ---- JSON ----

TEST_CASE("the rules survive a JSON round trip, including a value without a number") {
  SchoolRules r = DefaultSchoolRules();
  r.version = 7;
  r.allow_plus_minus = true;
  r.grade_systems[10] = "hundred";
  r.corrections = {5, false, false, 10};
  r.homework_minutes[0] = 45;
  System(r, "five").values[2].numeric = 4.25;
  Type(r, "dictation").weight = 4;
  r.attendance.push_back({"осв", "освобождён", true, true});

  auto back = SchoolRulesFromJson(ToJson(r));
  REQUIRE_MESSAGE(back.ok(), back.status().message());
  CHECK(ToJson(*back) == ToJson(r));
  CHECK(back->version == 7);
  CHECK(back->allow_plus_minus);
  CHECK(back->grade_systems.at(1) == "none");
  CHECK(back->grade_systems.at(10) == "hundred");
  CHECK(back->corrections.correction_window_days == 5);
  CHECK_FALSE(back->corrections.require_reason_after_window);
  CHECK_FALSE(back->corrections.locked_periods_need_approval);
  CHECK(back->corrections.mark_deadline_days == 10);
  CHECK(HomeworkLimitMinutes(*back, 1) == 45);
  CHECK(*FindMarkValue(*FindGradingSystem(*back, "five"), "4+")->numeric == doctest::Approx(4.25));
  CHECK_FALSE(FindMarkValue(*FindGradingSystem(*back, "pass_fail"), "зач")->numeric.has_value());
  CHECK(WeightOf(*back, "dictation") == 4);
  CHECK(IsExcusedAbsence(*back, "осв"));
  CheckOk(ValidateSchoolRules(*back));
}

TEST_CASE("malformed rules JSON is refused with the bad field named in Russian") {
  auto check = [](protocol::Json j, const char* needle, const char* field) {
    auto r = SchoolRulesFromJson(j);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kBadRequest);
    CHECK_MESSAGE(r.status().message().find(needle) != std::string::npos, r.status().message());
    CHECK(r.status().field() == field);
  };
  const protocol::Json good = ToJson(DefaultSchoolRules());

  check(protocol::Json::array(), "Ожидался объект JSON", "");
  {
    auto j = good;
    j.erase("systems");
    check(j, "Поле «systems»: обязательное поле отсутствует.", "systems");
  }
  {
    auto j = good;
    j["allow_plus_minus"] = "да";
    check(j, "Поле «allow_plus_minus»: ожидалось true или false.", "allow_plus_minus");
  }
  {
    auto j = good;
    j["mark_types"][1]["weight"] = "2";
    check(j, "Вид работы № 2. Поле «weight»: ожидалось целое число.", "mark_types[1].weight");
  }
  {
    auto j = good;
    j["systems"][0]["values"][3].erase("code");
    check(j, "Система оценивания № 1, отметка № 4. Поле «code»: обязательное поле отсутствует.",
          "systems[0].values[3].code");
  }
  {
    auto j = good;
    j["systems"][0]["values"][0]["value"] = "пять";
    check(j, "Поле «value»: ожидалось число.", "systems[0].values[0].value");
  }
  {
    auto j = good;
    j["systems"][1]["name"] = 5;
    check(j, "Система оценивания № 2. Поле «name»: ожидалась строка.", "systems[1].name");
  }
  {
    auto j = good;
    j["systems"][1] = "pass_fail";
    check(j, "Система оценивания № 2. Ожидался объект JSON.", "systems[1]");
  }
  {
    auto j = good;
    j["attendance"][0]["absence"] = 1;
    check(j, "Код посещаемости № 1. Поле «absence»: ожидалось true или false.", "attendance[0].absence");
  }
  {
    auto j = good;
    j["corrections"].erase("mark_deadline_days");
    check(j, "Правила исправлений. Поле «mark_deadline_days»: обязательное поле отсутствует.",
          "corrections.mark_deadline_days");
  }
  {
    auto j = good;
    j["homework_minutes"].erase(10);
    check(j, "нужно 11 чисел", "homework_minutes");
  }
  {
    auto j = good;
    j["homework_minutes"][2] = 1.5;
    check(j, "для 3 класса ожидалось целое число минут", "homework_minutes[2]");
  }
  {
    auto j = good;
    j["grade_systems"].push_back({{"grade", 1}, {"system", "five"}});
    check(j, "Система оценивания для 1 класса указана дважды.", "grade_systems[1]");
  }
}

TEST_CASE("an absurdly large number in JSON stays out of bounds instead of wrapping around") {
  auto j = ToJson(DefaultSchoolRules());
  j["mark_types"][0]["weight"] = int64_t{4294967297};  // 2^32 + 1 would wrap to 1
  auto r = SchoolRulesFromJson(j);
  REQUIRE(r.ok());
  CheckInvalid(ValidateSchoolRules(*r), "должен быть от 1 до 10", "mark_types[0].weight");
}

// ---- the operation ----

TEST_CASE("the head and deputies change the rules, a teacher is refused with kForbidden") {
  SchoolRules current = DefaultSchoolRules();
  SchoolRules next = current;
  next.allow_plus_minus = true;

  auto by_teacher = ApplyRulesUpdate(current, UpdateOp(next, 0), WithRole(Role::kTeacher), kNothingInUse);
  REQUIRE_FALSE(by_teacher.ok());
  CHECK(by_teacher.status().code() == ErrorCode::kForbidden);
  for (Role r : {Role::kClassTeacher, Role::kParent, Role::kStudent, Role::kTechAdmin}) {
    CHECK(ApplyRulesUpdate(current, UpdateOp(next, 0), WithRole(r), kNothingInUse).status().code() ==
          ErrorCode::kForbidden);
  }

  for (Role r : {Role::kHead, Role::kDeputy}) {
    auto applied = ApplyRulesUpdate(current, UpdateOp(next, 0), WithRole(r), kNothingInUse);
    REQUIRE_MESSAGE(applied.ok(), applied.status().message());
    CHECK(applied->allow_plus_minus);
    CHECK(applied->version == 1);
  }
}

TEST_CASE("an update made on stale rules is a conflict and each applied update raises the version") {
  SchoolRules v0 = DefaultSchoolRules();
  SchoolRules edit = v0;
  edit.corrections.correction_window_days = 5;
  auto v1 = ApplyRulesUpdate(v0, UpdateOp(edit, 0), WithRole(Role::kDeputy), kNothingInUse);
  REQUIRE(v1.ok());
  CHECK(v1->version == 1);
  CHECK(v1->corrections.correction_window_days == 5);

  SchoolRules other = v0;  // a second deputy who loaded version 0
  other.corrections.mark_deadline_days = 3;
  auto stale = ApplyRulesUpdate(*v1, UpdateOp(other, 0), WithRole(Role::kDeputy), kNothingInUse);
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.status().code() == ErrorCode::kConflict);
  CHECK(stale.status().message().find("Правила школы изменились") != std::string::npos);

  auto v2 = ApplyRulesUpdate(*v1, UpdateOp(other, 1), WithRole(Role::kDeputy), kNothingInUse);
  REQUIRE(v2.ok());
  CHECK(v2->version == 2);
}

TEST_CASE("an update that breaks a rule is refused and says which") {
  SchoolRules current = DefaultSchoolRules();
  SchoolRules next = current;
  Type(next, "control").weight = 11;
  auto r = ApplyRulesUpdate(current, UpdateOp(next, 0), WithRole(Role::kHead), kNothingInUse);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kValidation);
  CHECK(r.status().message() == "Вес вида работы «Контрольная работа» должен быть от 1 до 10.");

  Operation bad = UpdateOp(current, 0);
  bad.payload["systems"] = "five";
  auto malformed = ApplyRulesUpdate(current, bad, WithRole(Role::kHead), kNothingInUse);
  CHECK(malformed.status().code() == ErrorCode::kBadRequest);
  CHECK(malformed.status().field() == "systems");

  Operation other_kind = UpdateOp(current, 0);
  other_kind.kind = "class.create";
  CHECK(ApplyRulesUpdate(current, other_kind, WithRole(Role::kHead), kNothingInUse).status().code() ==
        ErrorCode::kBadRequest);
  CHECK(IsRulesOp("rules.update"));
  CHECK_FALSE(IsRulesOp("class.create"));
}

TEST_CASE("the update payload is the whole rules without the version") {
  SchoolRules r = DefaultSchoolRules();
  r.version = 4;
  protocol::Json p = RulesUpdatePayload(r);
  CHECK_FALSE(p.contains("version"));
  auto back = SchoolRulesFromJson(p);
  REQUIRE(back.ok());
  CHECK(back->version == 0);
  CHECK(back->mark_types.size() == r.mark_types.size());
}

TEST_CASE("removing a code still in use is refused and removing an unused one is accepted") {
  SchoolRules current = DefaultSchoolRules();
  std::set<std::pair<std::string, std::string>> used = {
      {"attendance", "оп"}, {"mark_type", "dictation"}, {"mark_value", "five/4+"}, {"grading_system", "ten"}};
  std::vector<std::pair<std::string, std::string>> asked;
  InUsePredicate in_use = [&](std::string_view kind, std::string_view code) {
    asked.emplace_back(kind, code);
    return used.count({std::string(kind), std::string(code)}) > 0;
  };
  auto apply = [&](const std::function<void(SchoolRules&)>& change) {
    SchoolRules next = current;
    change(next);
    return ApplyRulesUpdate(current, UpdateOp(next, 0), WithRole(Role::kDeputy), in_use);
  };
  auto refused = [](const Result<SchoolRules>& r, const char* message, const char* field) {
    REQUIRE(!r.ok());
    CHECK(r.status().code() == ErrorCode::kValidation);
    CHECK(r.status().message() == message);
    CHECK(r.status().field() == field);
  };

  refused(apply([](SchoolRules& r) { EraseCode(r.attendance, "оп"); }),
          "Код посещаемости «оп» уже используется в журнале: его нельзя удалить.", "attendance");
  CHECK(apply([](SchoolRules& r) { EraseCode(r.attendance, "у"); }).ok());

  refused(apply([](SchoolRules& r) { EraseCode(r.mark_types, "dictation"); }),
          "Вид работы «Диктант» уже используется в журнале: его нельзя удалить.", "mark_types");
  CHECK(apply([](SchoolRules& r) { EraseCode(r.mark_types, "project"); }).ok());
  // Renaming keeps the code: not a removal.
  CHECK(apply([](SchoolRules& r) { Type(r, "dictation").name = "Словарный диктант"; }).ok());

  refused(apply([](SchoolRules& r) { EraseCode(System(r, "five").values, "4+"); }),
          "Отметка «4+» системы «Пятибалльная» уже используется в журнале: её нельзя удалить.", "systems");
  asked.clear();
  CHECK(apply([](SchoolRules& r) { EraseCode(System(r, "five").values, "3-"); }).ok());
  CHECK(asked == std::vector<std::pair<std::string, std::string>>{{"mark_value", "five/3-"}});
}

TEST_CASE("removing a grading system in use is refused, an unused one goes with its values") {
  SchoolRules current = DefaultSchoolRules();
  std::vector<std::pair<std::string, std::string>> asked;
  InUsePredicate in_use = [&](std::string_view kind, std::string_view code) {
    asked.emplace_back(kind, code);
    return kind == rules_in_use::kGradingSystem && code == "ten";
  };
  auto without = [&](std::string_view id) {
    SchoolRules next = current;
    std::erase_if(next.systems, [&](const GradingSystem& s) { return s.id == id; });
    return ApplyRulesUpdate(current, UpdateOp(next, 0), WithRole(Role::kHead), in_use);
  };
  auto ten = without("ten");
  REQUIRE_FALSE(ten.ok());
  CHECK(ten.status().message() == "Система оценивания «Десятибалльная» уже используется в журнале: её нельзя удалить.");
  asked.clear();
  auto hundred = without("hundred");
  REQUIRE_MESSAGE(hundred.ok(), hundred.status().message());
  CHECK(FindGradingSystem(*hundred, "hundred") == nullptr);
  // One question for the system, none for each of its 101 values.
  CHECK(asked == std::vector<std::pair<std::string, std::string>>{{"grading_system", "hundred"}});
}

TEST_CASE("without an in-use predicate every removal is refused") {
  SchoolRules current = DefaultSchoolRules();
  SchoolRules next = current;
  EraseCode(next.attendance, "у");
  auto r = ApplyRulesUpdate(current, UpdateOp(next, 0), WithRole(Role::kHead), InUsePredicate{});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "Код посещаемости «у» уже используется в журнале: его нельзя удалить.");
  SchoolRules unchanged_codes = current;
  unchanged_codes.allow_plus_minus = true;
  CHECK(ApplyRulesUpdate(current, UpdateOp(unchanged_codes, 0), WithRole(Role::kHead), InUsePredicate{}).ok());
}

TEST_CASE("a mark value key splits at the first slash, so a code may hold one") {
  CHECK(MarkValueKey("ten", "н/а") == "ten/н/а");
  auto [system, code] = SplitMarkValueKey("ten/н/а");
  CHECK(system == "ten");
  CHECK(code == "н/а");
  auto [none, whole] = SplitMarkValueKey("5");
  CHECK(none.empty());
  CHECK(whole == "5");
}

TEST_CASE("a school's own scale is accepted, checks marks and is described") {
  SchoolRules current = DefaultSchoolRules();
  SchoolRules next = current;
  GradingSystem twelve{"twelve", "Двенадцатибалльная", {}};
  for (int v = 12; v >= 1; --v) {
    std::string code = std::to_string(v);
    twelve.values.push_back(MarkValue{code, code, static_cast<double>(v), v >= 4, true, false, 0});
  }
  next.systems.push_back(twelve);
  next.grade_systems[10] = "twelve";
  next.grade_systems[11] = "twelve";
  auto applied = ApplyRulesUpdate(current, UpdateOp(next, 0), WithRole(Role::kDeputy), kNothingInUse);
  REQUIRE_MESSAGE(applied.ok(), applied.status().message());
  const SchoolRules& r = *applied;

  CHECK(GradingSystemForGrade(r, 10)->id == "twelve");
  CHECK(GradingSystemForGrade(r, 9)->id == "five");
  CheckOk(IsValidCurrentMark(r, "twelve", "12"));
  CheckOk(IsValidFinalMark(r, "twelve", "3"));
  CHECK(IsValidCurrentMark(r, "twelve", "13").message() == "Отметка «13» не входит в двенадцатибалльную систему.");
  CHECK_FALSE(FindMarkValue(*FindGradingSystem(r, "twelve"), "3")->passing);
  auto lines = DescribeRules(r);
  CHECK_MESSAGE(Contains(lines, "10–11 классы — система оценивания «Двенадцатибалльная»."), AllLines(lines));

  SchoolRules one_value = current;
  one_value.systems.push_back(GradingSystem{"mine", "Своя", {MarkValue{"+", "+", std::nullopt, true, true, false, 0}}});
  auto refused = ApplyRulesUpdate(current, UpdateOp(one_value, 0), WithRole(Role::kDeputy), kNothingInUse);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message() == "В системе оценивания «Своя» должно быть не меньше двух отметок.");
}

// ---- correction and deadline queries ----

TEST_CASE("a correction inside the window is free, after it needs a reason, in a locked period an approval") {
  SchoolRules r = DefaultSchoolRules();
  Date lesson = D("2026-10-05");
  CHECK(CorrectionNeedFor(r, lesson, lesson, false) == CorrectionNeed::kFree);
  CHECK(CorrectionNeedFor(r, lesson, D("2026-10-08"), false) == CorrectionNeed::kFree);
  CHECK(CorrectionNeedFor(r, lesson, D("2026-10-09"), false) == CorrectionNeed::kReason);
  CHECK(CorrectionNeedFor(r, lesson, lesson, true) == CorrectionNeed::kApproval);
  r.corrections.locked_periods_need_approval = false;
  CHECK(CorrectionNeedFor(r, lesson, lesson, true) == CorrectionNeed::kClosed);
  r.corrections.require_reason_after_window = false;
  CHECK(CorrectionNeedFor(r, lesson, D("2026-12-01"), false) == CorrectionNeed::kFree);
  r.corrections.require_reason_after_window = true;
  r.corrections.correction_window_days = 0;
  CHECK(CorrectionNeedFor(r, lesson, D("2026-10-06"), false) == CorrectionNeed::kReason);
}

TEST_CASE("the mark deadline is the lesson day plus the school's days") {
  SchoolRules r = DefaultSchoolRules();
  CHECK(MarkDeadline(r, D("2026-12-28")) == D("2027-01-04"));
  r.corrections.mark_deadline_days = 0;
  CHECK(MarkDeadline(r, D("2026-12-28")) == D("2026-12-28"));
}

TEST_CASE("an unknown mark type counts with the default weight") {
  SchoolRules r = DefaultSchoolRules();
  CHECK(WeightOf(r, "no_such_type") == kDefaultWeight);
  CHECK(FindMarkType(r, "no_such_type") == nullptr);
}

// ---- description ----

TEST_CASE("the description mentions the window, the deadline and the homework limits with correct plurals") {
  SchoolRules r = DefaultSchoolRules();
  auto lines = DescribeRules(r);
  INFO(AllLines(lines));
  CHECK(Contains(lines, "Срок исправлений без указания причины — 3 дня после урока; позже нужно указать причину."));
  CHECK(Contains(lines, "Срок выставления отметок — 7 дней после урока."));
  CHECK(Contains(lines, "Исправления в закрытом учебном периоде — только с согласия заместителя директора."));
  CHECK(Contains(lines,
                 "Домашнее задание в день: 1 класс — до 1 ч, 2–3 классы — до 1,5 ч, 4–5 классы — до 2 ч, "
                 "6–8 классы — до 2,5 ч, 9–11 классы — до 3,5 ч."));
  CHECK(Contains(lines, "Система оценивания — «Пятибалльная»."));
  CHECK(Contains(lines, "1 класс — безотметочное обучение."));
  CHECK(Contains(lines, "Отметки ставятся без «+» и «−»."));
  CHECK(Contains(lines, "«Контрольная работа» — 3"));
  CHECK(Contains(lines, "«оп» — опоздал"));

  r.corrections.correction_window_days = 1;
  r.corrections.mark_deadline_days = 21;
  lines = DescribeRules(r);
  CHECK(Contains(lines, "— 1 день после урока"));
  CHECK(Contains(lines, "Срок выставления отметок — 21 день после урока."));
  r.corrections.correction_window_days = 11;
  r.corrections.mark_deadline_days = 2;
  lines = DescribeRules(r);
  CHECK(Contains(lines, "— 11 дней после урока"));
  CHECK(Contains(lines, "Срок выставления отметок — 2 дня после урока."));
}

TEST_CASE("the description follows the school's other choices") {
  SchoolRules r = DefaultSchoolRules();
  r.allow_plus_minus = true;
  r.corrections.locked_periods_need_approval = false;
  r.corrections.correction_window_days = 0;
  r.corrections.mark_deadline_days = 0;
  r.homework_minutes = {45, 80, 80, 120, 120, 150, 150, 150, 210, 210, 240};
  auto lines = DescribeRules(r);
  INFO(AllLines(lines));
  CHECK(Contains(lines, "Текущие отметки могут быть с «+» и «−»; четвертные, полугодовые и годовые — только целые."));
  CHECK(Contains(lines, "В закрытом учебном периоде исправления не вносятся"));
  CHECK(Contains(lines, "Исправления без указания причины — только в день урока"));
  CHECK(Contains(lines, "Отметки выставляются в день урока."));
  CHECK(Contains(lines, "1 класс — до 45 мин, 2–3 классы — до 1 ч 20 мин,"));
  CHECK(Contains(lines, "9–10 классы — до 3,5 ч, 11 класс — до 4 ч."));
  r.corrections.require_reason_after_window = false;
  CHECK(Contains(DescribeRules(r), "Исправления вносятся без указания причины."));
  r.grade_systems.clear();
  CHECK_FALSE(Contains(DescribeRules(r), "безотметочное"));
}

TEST_CASE("minutes are written the Russian way") {
  CHECK(FormatMinutesRu(45) == "45 мин");
  CHECK(FormatMinutesRu(60) == "1 ч");
  CHECK(FormatMinutesRu(90) == "1,5 ч");
  CHECK(FormatMinutesRu(80) == "1 ч 20 мин");
  CHECK(FormatMinutesRu(210) == "3,5 ч");
}

}  // namespace ej
