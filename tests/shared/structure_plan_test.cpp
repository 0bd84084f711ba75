#include <doctest/doctest.h>

#include "setup_checklist.h"
#include "structure.h"

namespace ej {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

struct Plan {
  Structure s;
  Actor deputy;
  int64_t year = 0, math = 0, english = 0, c5a = 0, c5b = 0;
  int64_t teacher = 10, teacher2 = 11, parent = 12;
  std::vector<int64_t> students_5a;
  int n = 0;

  Plan() {
    deputy.roles = {Role::kDeputy};
    s.persons[teacher] = Person{teacher, {"Цветкова", "Тамара", "Андреевна"}, std::nullopt, 'f', {Role::kTeacher}};
    s.persons[teacher2] = Person{teacher2, {"Румянцев", "Кирилл", "Витальевич"}, std::nullopt, 'm', {Role::kTeacher}};
    s.persons[parent] = Person{parent, {"Михайлова", "Екатерина", ""}, std::nullopt, 'f', {Role::kParent}};
    year = Must(op_kind::kYearCreate, YearCreatePayload("2026/2027", {D("2026-09-01"), D("2027-08-31")}));
    math = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Математика", "Матем."));
    english = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Иностранный язык (английский)", "Англ. яз."));
    c5a = Must(op_kind::kClassCreate, ClassCreatePayload(year, 5, "А", teacher));
    c5b = Must(op_kind::kClassCreate, ClassCreatePayload(year, 5, "Б", 0));
    for (const char* name : {"Абрамов", "Борисов", "Васильев", "Григорьев"}) {
      StudentDraft d{{name, "Иван", ""}, D("2014-02-02"), 'm'};
      students_5a.push_back(Must(op_kind::kStudentCreate, StudentCreatePayload(d, c5a, D("2026-09-01"))));
    }
  }
  Result<Applied> Apply(std::string_view kind, protocol::Json payload) {
    Operation op;
    op.op_id = "plan-" + std::to_string(++n);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    return ApplyStructureOp(s, op, deputy);
  }
  int64_t Must(std::string_view kind, protocol::Json payload) {
    auto r = Apply(kind, std::move(payload));
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->created_id;
  }
};

void Rejected(const Result<Applied>& r, const char* needle, const char* field) {
  REQUIRE_FALSE(r.ok());
  CHECK_MESSAGE(r.status().message().find(needle) != std::string::npos, r.status().message());
  CHECK(r.status().field() == field);
}

}  // namespace

TEST_CASE("subjects have unique names") {
  Plan p;
  Rejected(p.Apply(op_kind::kSubjectCreate, SubjectCreatePayload("Математика", "")), "уже есть", "name");
  Rejected(p.Apply(op_kind::kSubjectCreate, SubjectCreatePayload("", "")), "Название предмета", "name");
}

TEST_CASE("the curriculum keeps a grade within the СанПиН weekly maximum and in half-hour steps") {
  Plan p;
  CHECK(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.math, 5)).ok());
  CHECK(p.s.CurriculumHours(p.year, 5, p.math) == 5);
  CHECK(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.english, 3)).ok());
  int64_t extra = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("Лишний предмет", ""));
  int64_t big1 = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("Большой предмет 1", ""));
  int64_t big2 = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("Большой предмет 2", ""));
  CHECK(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, big1, 10)).ok());
  CHECK(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, big2, 10)).ok());
  // 5 + 3 + 10 + 10 = 28; two more hours would make 30 of the 29 allowed in grade 5.
  Rejected(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, extra, 2)), "станет 30 ч, а по СанПиН допустимо не больше 29 ч",
           "hours");
  Rejected(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, extra, 1.3)), "с шагом 0,5", "hours");
  Rejected(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, extra, 1, "технологический")),
           "только в 10–11", "profile");
  CHECK(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, extra, 1)).ok());
  // Hours 0 remove the line.
  CHECK(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, extra, 0)).ok());
  CHECK(p.s.CurriculumHours(p.year, 5, extra) == 0);
  CHECK(MaxWeeklyHours(1) == 21);
  CHECK(MaxWeeklyHours(11) == 34);
}

TEST_CASE("a group needs a subject and classes of its year — whole-class groups are one per subject") {
  Plan p;
  Rejected(p.Apply(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kElective, "Шахматы", 0, {p.c5a})),
           "должен быть предмет", "subject_id");
  Rejected(p.Apply(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kProfile, "X", p.math, {})), "Укажите классы",
           "class_ids");
  Rejected(p.Apply(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kSubgroup, "X", p.english, {p.c5a, p.c5b})),
           "относится к одному классу", "class_ids");
  int64_t g = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kWholeClass, "", p.math, {p.c5a}));
  CHECK(p.s.FindGroup(g)->name == "5А — Математика");
  Rejected(p.Apply(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kWholeClass, "Другое имя", p.math, {p.c5a})),
           "уже есть группа по этому предмету", "subject_id");
  // A whole-class group follows the class roster.
  CHECK(p.s.GroupStudents(g, D("2026-10-01")).size() == 4);
  // An elective may draw from two classes.
  CHECK(p.Apply(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kElective, "Олимпиадная математика", p.math,
                                                          {p.c5a, p.c5b}))
            .ok());
}

TEST_CASE("group members must study in the group's classes") {
  Plan p;
  int64_t sub = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kSubgroup, "5А — англ., 1 гр.", p.english, {p.c5a}));
  CHECK(p.Apply(op_kind::kGroupSetMembers, GroupSetMembersPayload(sub, {p.students_5a[0], p.students_5a[1]})).ok());
  CHECK(p.s.GroupStudents(sub, D("2026-10-01")).size() == 2);
  StudentDraft d{{"Чужой", "Пётр", ""}, D("2014-02-02"), 'm'};
  int64_t other = p.Must(op_kind::kStudentCreate, StudentCreatePayload(d, p.c5b, D("2026-09-01")));
  Rejected(p.Apply(op_kind::kGroupSetMembers, GroupSetMembersPayload(sub, {other})), "не учится в классах группы", "student_ids");
  Rejected(p.Apply(op_kind::kGroupSetMembers, GroupSetMembersPayload(sub, {p.students_5a[0], p.students_5a[0]})), "дважды",
           "student_ids");
  int64_t whole = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kWholeClass, "", p.math, {p.c5a}));
  Rejected(p.Apply(op_kind::kGroupSetMembers, GroupSetMembersPayload(whole, {p.students_5a[0]})), "следует за классом", "group_id");
}

TEST_CASE("workload goes to teachers and never above the curriculum's hours") {
  Plan p;
  p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.math, 5));
  int64_t g = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kWholeClass, "", p.math, {p.c5a}));
  Rejected(p.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(p.parent, g, 5)), "только учителю", "teacher_id");
  Rejected(p.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher, g, 6)), "по учебному плану — 5 ч", "hours");
  CHECK(p.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher, g, 3)).ok());
  Rejected(p.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher2, g, 2.5)), "станет 5,5 ч", "hours");
  CHECK(p.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher2, g, 2)).ok());
  CHECK(p.s.GroupWorkloadHours(g) == 5);
  // Changing one's own line counts it once.
  CHECK(p.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher, g, 3)).ok());
  // The curriculum cannot drop below what teachers were given.
  Rejected(p.Apply(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.math, 4)), "сначала уменьшите нагрузку", "hours");
  CHECK(p.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher2, g, 0)).ok());
  CHECK(p.s.GroupWorkloadHours(g) == 3);
  // A subject the grade does not have cannot be given.
  int64_t english_group = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kWholeClass, "", p.english, {p.c5b}));
  Rejected(p.Apply(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher, english_group, 1)), "нет предмета", "group_id");
}

TEST_CASE("the checklist names a curriculum subject without a teacher and a group without students") {
  Plan p;
  p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.math, 5));
  int64_t elective = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kElective, "Шахматы", p.math, {p.c5a}));
  auto find = [&](const std::string& code, int64_t entity) {
    for (const auto& item : SetupChecklist(p.s, p.year)) {
      if (item.code == code && item.entity_id == entity) return item.message;
    }
    return std::string();
  };
  CHECK(find("subject_without_workload", p.c5a) == "5А: у предмета «Математика» из учебного плана нет учителя.");
  CHECK(find("group_without_students", elective) == "В группе «Шахматы» нет учеников.");
  int64_t g = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kWholeClass, "", p.math, {p.c5a}));
  p.Must(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher, g, 5));
  CHECK(find("subject_without_workload", p.c5a).empty());
  CHECK_FALSE(find("subject_without_workload", p.c5b).empty());
}

TEST_CASE("the checklist gives a class one line for its subjects without a teacher and one for its subgroups") {
  Plan p;
  int64_t physics = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("Физика", ""));
  int64_t history = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("История", ""));
  for (int64_t subject : {p.math, physics, history}) p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, subject, 2));
  p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.english, 3));
  int64_t g1 = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kSubgroup, "5А — англ., 1 гр.", p.english, {p.c5a}));
  p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kSubgroup, "5А — англ., 2 гр.", p.english, {p.c5a}));
  p.Must(op_kind::kWorkloadSet, WorkloadSetPayload(p.teacher, g1, 3));
  int64_t chess = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kClub, "Шахматы", p.math, {p.c5a, p.c5b}));
  std::vector<ChecklistItem> of_5a;
  bool chess_named = false;
  for (const auto& item : SetupChecklist(p.s, p.year)) {
    if (item.entity_id == p.c5a && item.screen == ChecklistScreen::kWorkload) of_5a.push_back(item);
    if (item.code == "group_without_teacher" && item.entity_id == chess) {
      chess_named = item.message == "У группы «Шахматы» нет учителя.";
    }
  }
  REQUIRE(of_5a.size() == 2);
  CHECK(of_5a[0].code == "subject_without_workload");
  CHECK(of_5a[0].message == "5А: нет учителя по 3 предметам учебного плана — «История», «Математика», «Физика».");
  CHECK(of_5a[1].code == "group_without_teacher");
  CHECK(of_5a[1].message == "5А: у группы «5А — англ., 2 гр.» нет учителя.");
  CHECK(chess_named);
  // A long list names the first four and counts the rest.
  for (const char* name : {"Химия", "Биология", "География"}) {
    int64_t subject = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload(name, ""));
    p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, subject, 1));
  }
  for (const auto& item : SetupChecklist(p.s, p.year)) {
    if (item.code == "subject_without_workload" && item.entity_id == p.c5b) {
      CHECK(item.message == "5Б: нет учителя по 7 предметам учебного плана — «Биология», «География», "
                            "«Иностранный язык (английский)», «История» и ещё 3.");
    }
  }
}

TEST_CASE("an individual study plan adds or replaces a subject's hours for one student within СанПиН") {
  Plan p;
  p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.math, 5));
  p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.english, 3));
  int64_t pe = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("Физическая культура", "Физ-ра"));
  p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, pe, 2));
  int64_t robotics = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("Робототехника", ""));
  const int64_t st = p.students_5a[0];
  // Added hours on top of the class's, replaced hours, and 0 for an exemption.
  CHECK(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, p.math, "add", 1)).ok());
  CHECK(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, robotics, "add", 2)).ok());
  CHECK(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, pe, "replace", 0)).ok());
  auto plan = p.s.StudentPlan(st, p.year);
  REQUIRE(plan.size() == 4);  // ordered by subject name
  CHECK(p.s.FindSubject(plan[0].subject_id)->name == "Иностранный язык (английский)");
  CHECK(plan[0].hours == 3);
  CHECK_FALSE(plan[0].own.has_value());
  CHECK(plan[1].subject_id == p.math);
  CHECK(plan[1].class_hours == 5);
  CHECK(plan[1].hours == 6);
  CHECK(plan[2].subject_id == robotics);
  CHECK(plan[2].class_hours == 0);
  CHECK(plan[2].hours == 2);
  CHECK(plan[3].subject_id == pe);
  CHECK(plan[3].hours == 0);
  REQUIRE(plan[3].own.has_value());
  CHECK(plan[3].own->mode == IupMode::kReplace);
  // Another student of the class keeps the class's plan.
  CHECK(p.s.StudentPlan(p.students_5a[1], p.year)[1].hours == 5);
  CHECK(p.s.IupOf(st, p.year).size() == 3);

  // Rejections, each naming the problem and the field.
  Rejected(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, robotics, "replace", 1)), "часы можно только добавить", "mode");
  Rejected(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, p.english, "replace", 3)), "ничего не меняет", "hours");
  Rejected(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, p.english, "add", 0)), "от 0,5 до 10 ч", "hours");
  Rejected(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, p.english, "more", 1)), "добавить часы", "mode");
  Rejected(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, p.teacher, p.math, "add", 1)), "Ученик не найден", "student_id");
  Rejected(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, p.english, "none", 0)), "нет предмета", "subject_id");
  // 3 + 6 + 2 + 0 = 11 now; 29 is grade 5's maximum: 19 more hours would make 30.
  int64_t big = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("Проектная деятельность", ""));
  CHECK(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, big, "add", 10)).ok());
  int64_t big2 = p.Must(op_kind::kSubjectCreate, SubjectCreatePayload("Шахматы", ""));
  Rejected(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, big2, "add", 9)),
           "Недельная нагрузка ученика станет 30 ч, а по СанПиН для 5-х классов допустимо не больше 29 ч", "hours");
  // A student without a class in the year has no plan.
  int64_t next = p.Must(op_kind::kYearCreate, YearCreatePayload("2027/2028", {D("2027-09-01"), D("2028-08-31")}));
  Rejected(p.Apply(op_kind::kIupSet, IupSetPayload(next, st, p.math, "add", 1)), "не учится ни в одном классе", "student_id");
  // "none" removes the line: the class's hours again.
  CHECK(p.Apply(op_kind::kIupSet, IupSetPayload(p.year, st, p.math, "none", 0)).ok());
  CHECK(p.s.StudentPlan(st, p.year)[1].hours == 5);
  // Only the administration writes a plan.
  Operation op;
  op.op_id = "iup-teacher";
  op.kind = std::string(op_kind::kIupSet);
  op.payload = IupSetPayload(p.year, st, p.math, "add", 1);
  Actor teacher;
  teacher.person_id = p.teacher;
  teacher.roles = {Role::kTeacher};
  CHECK(ApplyStructureOp(p.s, op, teacher).status().code() == ErrorCode::kForbidden);
}

TEST_CASE("ИУП lines round-trip through the snapshot and are seen only with the student") {
  Plan p;
  p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.math, 5));
  p.Must(op_kind::kIupSet, IupSetPayload(p.year, p.students_5a[0], p.math, "replace", 3.5));
  auto back = StructureFromJson(ToJson(p.s, {}));
  REQUIRE(back.ok());
  REQUIRE(back->iup.size() == 1);
  CHECK(back->iup[0].mode == IupMode::kReplace);
  CHECK(back->iup[0].hours == 3.5);
  CHECK(back->iup[0].student_id == p.students_5a[0]);
  // The class teacher of 5А sees the line; a teacher without 5А does not.
  Actor lead;
  lead.person_id = p.teacher;
  lead.roles = {Role::kTeacher, Role::kClassTeacher};
  CHECK(VisibleTo(p.s, lead).iup.size() == 1);
  Actor other;
  other.person_id = p.teacher2;
  other.roles = {Role::kTeacher};
  CHECK(VisibleTo(p.s, other).iup.empty());
  // An older snapshot without the list reads as no plans.
  protocol::Json j = ToJson(p.s, {});
  j.erase("iup");
  REQUIRE(StructureFromJson(j).ok());
  CHECK(StructureFromJson(j)->iup.empty());
}

TEST_CASE("the plan round-trips through the structure snapshot") {
  Plan p;
  p.Must(op_kind::kCurriculumSet, CurriculumSetPayload(p.year, 5, p.math, 4.5));
  int64_t sub = p.Must(op_kind::kGroupCreate, GroupCreatePayload(p.year, GroupKind::kSubgroup, "5А — англ., 1 гр.", p.english, {p.c5a}));
  p.Must(op_kind::kGroupSetMembers, GroupSetMembersPayload(sub, {p.students_5a[2]}));
  auto back = StructureFromJson(ToJson(p.s, {}));
  REQUIRE(back.ok());
  CHECK(back->CurriculumHours(p.year, 5, p.math) == 4.5);
  REQUIRE(back->FindGroup(sub));
  CHECK(back->FindGroup(sub)->kind == GroupKind::kSubgroup);
  CHECK(back->FindGroup(sub)->members == std::vector<int64_t>{p.students_5a[2]});
  CHECK(back->FindSubject(p.english)->short_name == "Англ. яз.");
}

}  // namespace ej
