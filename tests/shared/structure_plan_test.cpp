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

TEST_CASE("a group needs a subject and classes of its year; whole-class groups are one per subject") {
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
