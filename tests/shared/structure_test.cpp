#include <doctest/doctest.h>

#include "calendar.h"
#include "setup_checklist.h"
#include "structure.h"

namespace ej {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

Actor Deputy() {
  Actor a;
  a.account_id = 1;
  a.person_id = 1;
  a.roles = {Role::kDeputy};
  return a;
}

int op_counter = 0;
Operation Op(std::string_view kind, protocol::Json payload) {
  Operation op;
  unsigned char bytes[16] = {};
  int n = ++op_counter;
  for (int i = 0; i < 4; ++i) bytes[i] = static_cast<unsigned char>(n >> (8 * i));
  op.op_id = FormatUuid(bytes);
  op.kind = std::string(kind);
  op.payload = std::move(payload);
  return op;
}

// A school with one year, two teachers and nothing else yet.
struct Fixture {
  Structure s;
  int64_t year = 0;
  int64_t teacher = 10, teacher2 = 11, parent = 12;
  Fixture() {
    s.persons[1] = Person{1, {"Ильина", "Галина", "Ивановна"}, std::nullopt, 'f', {Role::kDeputy}};
    s.persons[teacher] = Person{teacher, {"Цветкова", "Тамара", "Андреевна"}, std::nullopt, 'f', {Role::kTeacher}};
    s.persons[teacher2] = Person{teacher2, {"Румянцев", "Кирилл", "Витальевич"}, std::nullopt, 'm', {Role::kTeacher}};
    s.persons[parent] = Person{parent, {"Михайлова", "Екатерина", "Александровна"}, std::nullopt, 'f', {Role::kParent}};
    year = Must(YearCreatePayload("2026/2027", {D("2026-09-01"), D("2027-08-31")}), op_kind::kYearCreate);
  }
  Result<Applied> Apply(std::string_view kind, protocol::Json payload, Actor actor = Deputy()) {
    return ApplyStructureOp(s, Op(kind, std::move(payload)), actor);
  }
  int64_t Must(protocol::Json payload, std::string_view kind) {
    auto r = Apply(kind, std::move(payload));
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->created_id;
  }
  int64_t Class(int grade, const char* letter, int64_t teacher_id = 0) {
    return Must(ClassCreatePayload(year, grade, letter, teacher_id), op_kind::kClassCreate);
  }
  int64_t Student(const char* last, const char* first, int64_t class_id, const char* birth = "2014-03-01") {
    StudentDraft d{{last, first, ""}, D(birth), 'm'};
    return Must(StudentCreatePayload(d, class_id, D("2026-09-01")), op_kind::kStudentCreate);
  }
};

void CheckRejected(const Result<Applied>& r, const char* needle, const char* field = nullptr) {
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() != ErrorCode::kOk);
  CHECK_MESSAGE(r.status().message().find(needle) != std::string::npos, r.status().message());
  if (field) CHECK(r.status().field() == field);
}

}  // namespace

TEST_CASE("a year is created once, must be in order and must not overlap another year") {
  Fixture f;
  CHECK(f.s.FindYear(f.year) != nullptr);
  CheckRejected(f.Apply(op_kind::kYearCreate, YearCreatePayload("2026/2027", {D("2027-09-01"), D("2028-08-31")})),
                "уже есть", "name");
  CheckRejected(f.Apply(op_kind::kYearCreate, YearCreatePayload("2027/2028", {D("2027-08-01"), D("2028-07-31")})),
                "пересекаются");
  CheckRejected(f.Apply(op_kind::kYearCreate, YearCreatePayload("2028/2029", {D("2029-08-31"), D("2028-09-01")})),
                "раньше даты начала");
  CHECK(f.Apply(op_kind::kYearCreate, YearCreatePayload("2027/2028", {D("2027-09-01"), D("2028-08-31")})).ok());
}

TEST_CASE("study periods stay inside the year and do not overlap for the same grades") {
  Fixture f;
  auto q1 = f.Apply(op_kind::kPeriodCreate, PeriodCreatePayload(f.year, "1 четверть", {D("2026-09-01"), D("2026-10-25")}, 1, 9));
  REQUIRE(q1.ok());
  CheckRejected(f.Apply(op_kind::kPeriodCreate,
                        PeriodCreatePayload(f.year, "2 четверть", {D("2026-10-20"), D("2026-12-28")}, 5, 9)),
                "пересекается с периодом «1 четверть»");
  // Half-years for 10–11 may overlap quarters for 1–9.
  CHECK(f.Apply(op_kind::kPeriodCreate, PeriodCreatePayload(f.year, "1 полугодие", {D("2026-09-01"), D("2026-12-28")}, 10, 11)).ok());
  CheckRejected(f.Apply(op_kind::kPeriodCreate,
                        PeriodCreatePayload(f.year, "Лишний", {D("2027-06-01"), D("2027-09-10")}, 1, 9)),
                "выходит за границы учебного года");
  CheckRejected(f.Apply(op_kind::kPeriodCreate, PeriodCreatePayload(f.year, "X", {D("2027-01-11"), D("2027-03-21")}, 9, 5)),
                "Параллели указаны неверно");
  CheckRejected(f.Apply(op_kind::kPeriodCreate, PeriodCreatePayload(999, "X", {D("2027-01-11"), D("2027-03-21")}, 1, 9)),
                "Учебный год не найден");
}

TEST_CASE("a holiday outside the year is rejected") {
  Fixture f;
  CheckRejected(f.Apply(op_kind::kHolidayCreate, HolidayCreatePayload(f.year, "Летние", {D("2027-06-01"), D("2027-09-05")})),
                "вне учебного года");
  CHECK(f.Apply(op_kind::kHolidayCreate, HolidayCreatePayload(f.year, "Осенние каникулы", {D("2026-10-26"), D("2026-11-04")})).ok());
  CheckRejected(f.Apply(op_kind::kHolidayCreate, HolidayCreatePayload(f.year, "Ещё", {D("2026-11-01"), D("2026-11-08")})),
                "пересекаются с «Осенние каникулы»");
}

TEST_CASE("classes are unique per year, have a valid grade and letter, and a teacher leads one class") {
  Fixture f;
  int64_t c5a = f.Class(5, "А", f.teacher);
  CHECK(f.s.FindClass(c5a)->Name() == "5А");
  CHECK(f.s.FindPerson(f.teacher)->Has(Role::kClassTeacher));
  CheckRejected(f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 5, "А", 0)), "Класс 5А", "letter");
  CheckRejected(f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 12, "А", 0)), "от 1 до 11", "grade");
  CheckRejected(f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 5, "a", 0)), "заглавные русские", "letter");
  CheckRejected(f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 5, "", 0)), "заглавные русские", "letter");
  // A lower-case Russian letter is taken as the capital: «а» is 5А, which exists.
  CheckRejected(f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 5, "а", 0)), "Класс 5А", "letter");
  CheckRejected(f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 6, "А", f.teacher)), "уже классный руководитель 5А",
                "teacher_id");
  CheckRejected(f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 6, "А", f.parent)), "только учителя", "teacher_id");
  int64_t c5v = f.Class(5, " в ");
  CHECK(f.s.FindClass(c5v)->letter == "В");
  CHECK(f.s.FindClass(f.Class(7, "ёж"))->Name() == "7ЁЖ");
  CHECK(NormalizeClassLetter("б1") == "Б1");  // left for the validation to refuse
  int64_t c6a = f.Class(6, "А");
  CHECK(f.Apply(op_kind::kClassSetTeacher, ClassSetTeacherPayload(c6a, f.teacher2)).ok());
  CHECK(f.s.FindClass(c6a)->teacher_id == f.teacher2);
  // Re-assigning the same teacher to their own class is fine.
  CHECK(f.Apply(op_kind::kClassSetTeacher, ClassSetTeacherPayload(c5a, f.teacher)).ok());
}

TEST_CASE("a student is created into a class with their history, and not twice") {
  Fixture f;
  int64_t c5a = f.Class(5, "А");
  int64_t id = f.Student("Орлов", "Пётр", c5a);
  const Person* p = f.s.FindPerson(id);
  REQUIRE(p);
  CHECK(p->Has(Role::kStudent));
  CHECK(f.s.ClassOf(id, D("2026-10-01"))->id == c5a);
  StudentDraft same{{"Орлов", "Пётр", ""}, D("2014-03-01"), 'm'};
  CheckRejected(f.Apply(op_kind::kStudentCreate, StudentCreatePayload(same, c5a, D("2026-09-01"))), "уже есть в 5А");
  StudentDraft digits{{"Орл0в", "Пётр", ""}, D("2014-03-01"), 'm'};
  CheckRejected(f.Apply(op_kind::kStudentCreate, StudentCreatePayload(digits, c5a, D("2026-09-01"))), "недопустимые символы",
                "last_name");
  StudentDraft adult{{"Старый", "Иван", ""}, D("1990-01-01"), 'm'};
  CheckRejected(f.Apply(op_kind::kStudentCreate, StudentCreatePayload(adult, c5a, D("2026-09-01"))), "не подходит для ученика",
                "birth_date");
  StudentDraft late{{"Поздний", "Иван", ""}, D("2014-01-01"), 'm'};
  CheckRejected(f.Apply(op_kind::kStudentCreate, StudentCreatePayload(late, c5a, D("2027-09-02"))), "вне учебного года", "from");
}

TEST_CASE("a transfer closes the old enrollment so a student is never in two classes at once") {
  Fixture f;
  int64_t c5a = f.Class(5, "А"), c5b = f.Class(5, "Б");
  int64_t id = f.Student("Орлов", "Пётр", c5a);
  REQUIRE(f.Apply(op_kind::kStudentTransfer, StudentTransferPayload(id, c5b, D("2026-11-10"))).ok());
  CHECK(f.s.ClassOf(id, D("2026-11-09"))->id == c5a);
  CHECK(f.s.ClassOf(id, D("2026-11-10"))->id == c5b);
  for (Date d = D("2026-09-01"); d <= D("2027-05-31"); d = d.AddDays(1)) {
    int in = 0;
    for (const auto& e : f.s.enrollments) in += e.student_id == id && e.CoversDay(d);
    REQUIRE(in == 1);
  }
  // The old class keeps the student in its journal's history.
  CHECK(f.s.StudentsEverIn(c5a) == std::vector<int64_t>{id});
  CHECK(f.s.StudentsOf(c5a, D("2026-12-01")).empty());
  CheckRejected(f.Apply(op_kind::kStudentTransfer, StudentTransferPayload(id, c5b, D("2026-12-01"))), "уже в классе 5Б");
  int64_t c5v = f.Class(5, "В");
  CheckRejected(f.Apply(op_kind::kStudentTransfer, StudentTransferPayload(id, c5v, D("2026-10-01"))), "задним числом");
  REQUIRE(f.Apply(op_kind::kStudentLeave, StudentLeavePayload(id, D("2027-02-01"))).ok());
  CHECK(f.s.ClassOf(id, D("2027-02-02")) == nullptr);
  CheckRejected(f.Apply(op_kind::kStudentLeave, StudentLeavePayload(id, D("2027-03-01"))), "не числится");
}

TEST_CASE("only the head and deputies change the structure — nothing changes on refusal") {
  Fixture f;
  size_t before = f.s.classes.size();
  for (Role role : {Role::kTeacher, Role::kClassTeacher, Role::kParent, Role::kStudent, Role::kTechAdmin, Role::kOther}) {
    Actor a;
    a.roles = {role};
    auto r = f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 7, "А", 0), a);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kForbidden);
  }
  CHECK(f.s.classes.size() == before);
  Actor head;
  head.roles = {Role::kHead};
  CHECK(f.Apply(op_kind::kClassCreate, ClassCreatePayload(f.year, 7, "А", 0), head).ok());
}

TEST_CASE("an unknown kind and a malformed payload are rejected with the field named") {
  Fixture f;
  CHECK(f.Apply("class.explode", protocol::Json::object()).status().code() == ErrorCode::kBadRequest);
  auto r = f.Apply(op_kind::kClassCreate, protocol::Json{{"year_id", f.year}, {"grade", "пять"}, {"letter", "А"}});
  CHECK(r.status().code() == ErrorCode::kBadRequest);
  CHECK(r.status().field() == "grade");
}

TEST_CASE("the default calendar has quarters for 1–9 and half-years for 10–11 that the checklist accepts") {
  Fixture f;
  const AcademicYear& year = *f.s.FindYear(f.year);
  CalendarDraft cal = DefaultCalendar(year);
  CHECK(cal.periods.size() == 6);
  CHECK(cal.holidays.size() == 4);
  for (const auto& p : cal.periods) {
    REQUIRE(f.Apply(op_kind::kPeriodCreate, PeriodCreatePayload(f.year, p.name, p.range, p.grade_from, p.grade_to)).ok());
  }
  for (const auto& h : cal.holidays) {
    REQUIRE(f.Apply(op_kind::kHolidayCreate, HolidayCreatePayload(f.year, h.name, h.range)).ok());
  }
  int64_t c = f.Class(1, "А", f.teacher);
  f.Student("Орлова", "Вера", c, "2019-05-05");
  auto items = SetupChecklist(f.s, f.year);
  CHECK_MESSAGE(items.empty(), (items.empty() ? "" : items[0].message));
}

TEST_CASE("the checklist names what is missing and where to fix it") {
  Fixture f;
  auto none = SetupChecklist(f.s, 999);
  REQUIRE(none.size() == 1);
  CHECK(none[0].code == "no_year");

  auto items = SetupChecklist(f.s, f.year);
  auto has = [&](const std::string& code) {
    for (const auto& i : items) {
      if (i.code == code) return true;
    }
    return false;
  };
  CHECK(has("no_periods"));
  CHECK(has("no_holidays"));
  CHECK(has("no_classes"));

  f.Must(PeriodCreatePayload(f.year, "1 полугодие", {D("2026-09-01"), D("2026-12-20")}, 1, 11), op_kind::kPeriodCreate);
  f.Must(PeriodCreatePayload(f.year, "2 полугодие", {D("2027-01-11"), D("2027-05-26")}, 1, 11), op_kind::kPeriodCreate);
  f.Must(HolidayCreatePayload(f.year, "Зимние каникулы", {D("2026-12-29"), D("2027-01-10")}), op_kind::kHolidayCreate);
  int64_t c = f.Class(3, "Б");
  items = SetupChecklist(f.s, f.year);
  CHECK_FALSE(has("no_periods"));
  // 21–28 December are school days outside periods and holidays.
  REQUIRE(has("period_gap"));
  for (const auto& i : items) {
    if (i.code == "period_gap") CHECK(i.message.find("21.12.2026\u00A0— 28.12.2026") != std::string::npos);
    if (i.code == "class_without_teacher" || i.code == "class_without_students") {
      CHECK(i.entity_id == c);
      CHECK(i.screen == ChecklistScreen::kClass);
      CHECK(i.message.find("3Б") != std::string::npos);
    }
  }
  CHECK(has("class_without_teacher"));
  CHECK(has("class_without_students"));
}

TEST_CASE("the structure snapshot round-trips through JSON and hides personal data unless asked") {
  Fixture f;
  int64_t c = f.Class(5, "А", f.teacher);
  int64_t id = f.Student("Орлов", "Пётр", c);
  auto open = StructureFromJson(ToJson(f.s, {.personal_data = true}));
  REQUIRE(open.ok());
  CHECK(open->FindPerson(id)->birth_date == D("2014-03-01"));
  CHECK(open->FindPerson(id)->sex == 'm');
  CHECK(open->ClassOf(id, D("2026-10-01"))->Name() == "5А");
  CHECK(open->FindClass(c)->teacher_id == f.teacher);
  auto closed = StructureFromJson(ToJson(f.s, {.personal_data = false}));
  REQUIRE(closed.ok());
  CHECK_FALSE(closed->FindPerson(id)->birth_date.has_value());
  CHECK(closed->FindPerson(id)->sex == 0);
  CHECK_FALSE(StructureFromJson(protocol::Json{{"years", 1}}).ok());
}

}  // namespace ej

namespace ej {

TEST_CASE("staff and parents are created with roles — students and class teachers come through classes") {
  Fixture f;
  Actor head;
  head.roles = {Role::kHead};
  auto staff = f.Apply(op_kind::kPersonCreate, PersonCreatePayload({"Белова", "Ольга", "Игоревна"}, {Role::kTeacher, Role::kDeputy}),
                       head);
  REQUIRE(staff.ok());
  CHECK(f.s.FindPerson(staff->created_id)->Has(Role::kDeputy));
  CheckRejected(f.Apply(op_kind::kPersonCreate, PersonCreatePayload({"Белов", "Олег", ""}, {Role::kStudent})),
                "назначается через класс", "roles");
  CheckRejected(f.Apply(op_kind::kPersonCreate, PersonCreatePayload({"Белов", "Олег", ""}, {})), "хотя бы одну роль", "roles");
  CheckRejected(f.Apply(op_kind::kPersonCreate, PersonCreatePayload({"Бел0в", "Олег", ""}, {Role::kParent})),
                "недопустимые символы", "last_name");
  // A class teacher keeps that role and cannot stop being a teacher while leading a class.
  int64_t c = f.Class(5, "А", f.teacher);
  (void)c;
  CheckRejected(f.Apply(op_kind::kPersonSetRoles, PersonSetRolesPayload(f.teacher, {Role::kOther})), "классный руководитель",
                "roles");
  REQUIRE(f.Apply(op_kind::kPersonSetRoles, PersonSetRolesPayload(f.teacher, {Role::kTeacher, Role::kDeputy}), head).ok());
  CHECK(f.s.FindPerson(f.teacher)->Has(Role::kClassTeacher));
  CHECK(f.s.FindPerson(f.teacher)->Has(Role::kDeputy));
}

TEST_CASE("parents are linked to students once, one mother and one father") {
  Fixture f;
  int64_t c = f.Class(5, "А");
  int64_t kid = f.Student("Михайлов", "Богдан", c);
  int64_t father = f.Apply(op_kind::kPersonCreate, PersonCreatePayload({"Михайлов", "Павел", ""}, {Role::kParent})).value().created_id;
  REQUIRE(f.Apply(op_kind::kGuardianLink, GuardianLinkPayload(f.parent, kid, "mother")).ok());
  CheckRejected(f.Apply(op_kind::kGuardianLink, GuardianLinkPayload(f.parent, kid, "guardian")), "уже есть", "person_id");
  CheckRejected(f.Apply(op_kind::kGuardianLink, GuardianLinkPayload(father, kid, "mother")), "уже указана мать", "kind");
  CheckRejected(f.Apply(op_kind::kGuardianLink, GuardianLinkPayload(f.teacher, kid, "father")), "с ролью «Родитель»", "person_id");
  CheckRejected(f.Apply(op_kind::kGuardianLink, GuardianLinkPayload(father, kid, "uncle")), "мать, отец", "kind");
  REQUIRE(f.Apply(op_kind::kGuardianLink, GuardianLinkPayload(father, kid, "father")).ok());
  CHECK(f.s.guardianships.size() == 2);
}

TEST_CASE("a year rollover moves classes up, keeps class teachers, lets the 11th grade leave and leaves the old year alone") {
  Fixture f;
  int64_t c5 = f.Class(5, "А", f.teacher), c11 = f.Class(11, "Б", f.teacher2);
  int64_t young = f.Student("Орлов", "Пётр", c5);
  int64_t old = f.Student("Старший", "Иван", c11, "2009-02-02");
  int64_t math = f.Apply(op_kind::kSubjectCreate, SubjectCreatePayload("Математика", "")).value().created_id;
  REQUIRE(f.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(f.year, 5, math, 5)).ok());
  Structure before = f.s;

  CheckRejected(f.Apply(op_kind::kYearRollover, YearRolloverPayload(f.year, "2027/2028", {D("2027-08-01"), D("2028-07-31")})),
                "после окончания", "first");
  auto r = f.Apply(op_kind::kYearRollover, YearRolloverPayload(f.year, "2027/2028", {D("2027-09-01"), D("2028-08-31")}));
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  int64_t next = r->created_id;
  auto classes = f.s.ClassesOf(next);
  REQUIRE(classes.size() == 1);
  CHECK(classes[0]->Name() == "6А");
  CHECK(classes[0]->teacher_id == f.teacher);
  CHECK(f.s.ClassOf(young, D("2027-10-01"))->Name() == "6А");
  CHECK(f.s.ClassOf(old, D("2027-10-01")) == nullptr);
  CHECK(f.s.CurriculumHours(next, 5, math) == 5);
  CHECK(f.s.periods.size() == before.periods.size() + 6);
  // The old year reads as before.
  CHECK(f.s.ClassOf(young, D("2027-05-01"))->id == c5);
  CHECK(f.s.ClassOf(old, D("2027-05-01"))->id == c11);
  CHECK(f.s.StudentsOf(c5, D("2027-05-01")) == before.StudentsOf(c5, D("2027-05-01")));
  for (size_t i = 0; i < before.enrollments.size(); ++i) {
    CHECK(f.s.enrollments[i].to == before.enrollments[i].to);
  }
}

}  // namespace ej

namespace ej {

TEST_CASE("only the head gives or takes the head's and deputies' roles, and never their own head role") {
  Fixture f;  // acts as a deputy
  CheckRejected(f.Apply(op_kind::kPersonCreate, PersonCreatePayload({"Новый", "Директор", ""}, {Role::kHead})), "только директор");
  CheckRejected(f.Apply(op_kind::kPersonSetRoles, PersonSetRolesPayload(f.teacher, {Role::kTeacher, Role::kDeputy})),
                "только директор");
  CheckRejected(f.Apply(op_kind::kPersonSetRoles, PersonSetRolesPayload(1, {Role::kHead})), "только директор");
  CHECK(f.Apply(op_kind::kPersonSetRoles, PersonSetRolesPayload(f.teacher, {Role::kTeacher, Role::kTechAdmin})).ok());

  Actor head;
  head.person_id = 1;
  head.roles = {Role::kHead};
  f.s.persons[1].roles = {Role::kHead};
  CHECK(f.Apply(op_kind::kPersonSetRoles, PersonSetRolesPayload(f.teacher2, {Role::kTeacher, Role::kDeputy}), head).ok());
  CheckRejected(f.Apply(op_kind::kPersonSetRoles, PersonSetRolesPayload(1, {Role::kTeacher}), head), "с самого себя");
  CHECK(f.s.FindPerson(1)->Has(Role::kHead));
}

TEST_CASE("a transfer into a class of another year is refused and the student stays in their class") {
  Fixture f;
  int64_t c5a = f.Class(5, "А");
  int64_t id = f.Student("Орлов", "Пётр", c5a);
  auto next = f.Apply(op_kind::kYearCreate, YearCreatePayload("2027/2028", {D("2027-09-01"), D("2028-08-31")}));
  REQUIRE(next.ok());
  int64_t c6a = f.Apply(op_kind::kClassCreate, ClassCreatePayload(next->created_id, 6, "А", 0)).value().created_id;
  CheckRejected(f.Apply(op_kind::kStudentTransfer, StudentTransferPayload(id, c6a, D("2026-12-01"))), "вне учебного года класса 6А",
                "from");
  CHECK(f.s.ClassOf(id, D("2026-12-02"))->id == c5a);
}

TEST_CASE("a new class teacher takes the role — the previous one loses it unless leading another class") {
  Fixture f;
  int64_t c5a = f.Class(5, "А", f.teacher);
  REQUIRE(f.Apply(op_kind::kClassSetTeacher, ClassSetTeacherPayload(c5a, f.teacher2)).ok());
  CHECK(f.s.FindPerson(f.teacher2)->Has(Role::kClassTeacher));
  CHECK_FALSE(f.s.FindPerson(f.teacher)->Has(Role::kClassTeacher));
  // Now the former class teacher may stop being a teacher.
  CHECK(f.Apply(op_kind::kPersonSetRoles, PersonSetRolesPayload(f.teacher, {Role::kOther})).ok());
}

}  // namespace ej

namespace ej {

TEST_CASE("a teacher sees the students of their groups and class only — other staff see no students") {
  Fixture f;
  int64_t c5a = f.Class(5, "А", f.teacher2), c5b = f.Class(5, "Б");
  int64_t a = f.Student("Орлов", "Пётр", c5a), b = f.Student("Зайцев", "Иван", c5b);
  int64_t math = f.Apply(op_kind::kSubjectCreate, SubjectCreatePayload("Математика", "")).value().created_id;
  REQUIRE(f.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(f.year, 5, math, 5)).ok());
  int64_t g = f.Apply(op_kind::kGroupCreate, GroupCreatePayload(f.year, GroupKind::kWholeClass, "", math, {c5b})).value().created_id;
  REQUIRE(f.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(f.teacher, g, 5)).ok());
  REQUIRE(f.Apply(op_kind::kGuardianLink, GuardianLinkPayload(f.parent, b, "mother")).ok());

  Actor teacher{.person_id = f.teacher, .roles = {Role::kTeacher}};
  Structure seen = VisibleTo(f.s, teacher);
  CHECK(seen.FindPerson(b) != nullptr);  // taught in 5Б
  CHECK(seen.FindPerson(a) == nullptr);  // 5А is not theirs
  CHECK(seen.FindPerson(f.parent) == nullptr);
  CHECK(seen.FindPerson(f.teacher2) != nullptr);  // colleagues are visible
  CHECK(seen.guardianships.empty());
  for (const auto& e : seen.enrollments) CHECK(e.student_id == b);

  Actor class_teacher{.person_id = f.teacher2, .roles = {Role::kTeacher, Role::kClassTeacher}};
  CHECK(VisibleTo(f.s, class_teacher).FindPerson(a) != nullptr);
  CHECK(VisibleTo(f.s, class_teacher).FindPerson(b) == nullptr);

  Actor admin{.person_id = 99, .roles = {Role::kTechAdmin}};
  Structure none = VisibleTo(f.s, admin);
  CHECK(none.enrollments.empty());
  for (const auto& [id, p] : none.persons) CHECK_FALSE(p.Has(Role::kStudent));
  CHECK_FALSE(SnapshotOptionsFor(admin).personal_data);

  Structure all = VisibleTo(f.s, Deputy());
  CHECK(all.persons.size() == f.s.persons.size());
  CHECK(all.guardianships.size() == 1);
  CHECK(SnapshotOptionsFor(Deputy()).personal_data);
}

}  // namespace ej
