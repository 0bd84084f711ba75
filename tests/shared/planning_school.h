// Test fixture for thematic plans and control works: one year with the default calendar;
// 5А (class teacher t2) with mathematics (t1), Russian (t2) and English in two subgroups
// (t1, t2); 5Б with mathematics (t2); 2А with mathematics and Russian (t3).
#pragma once

#include <doctest/doctest.h>

#include "calendar.h"
#include "structure.h"

namespace ej::testing {

inline Date D(const char* iso) { return *Date::ParseIso(iso); }

struct PlanningSchool {
  Structure s;
  Actor head;
  int64_t year = 0, math = 0, russian = 0, english = 0;
  int64_t c5a = 0, c5b = 0, c2a = 0;
  int64_t g_math5a = 0, g_rus5a = 0, g_en1 = 0, g_en2 = 0, g_math5b = 0, g_math2a = 0, g_rus2a = 0;
  int64_t t1 = 10, t2 = 11, t3 = 12;
  std::vector<int64_t> kids5a, kids5b, kids2a;
  int n = 0;

  PlanningSchool() {
    head.roles = {Role::kHead};
    head.person_id = 1;
    s.persons[t1] = Person{t1, {"Цветкова", "Тамара", "Андреевна"}, std::nullopt, 'f', {Role::kTeacher}};
    s.persons[t2] = Person{t2, {"Румянцев", "Кирилл", "Витальевич"}, std::nullopt, 'm', {Role::kTeacher}};
    s.persons[t3] = Person{t3, {"Белова", "Ольга", "Игоревна"}, std::nullopt, 'f', {Role::kTeacher}};
    year = Must(op_kind::kYearCreate, YearCreatePayload("2026/2027", {D("2026-09-01"), D("2027-08-31")}));
    CalendarDraft cal = DefaultCalendar(*s.FindYear(year));
    for (const auto& p : cal.periods) {
      Must(op_kind::kPeriodCreate, PeriodCreatePayload(year, p.name, p.range, p.grade_from, p.grade_to));
    }
    for (const auto& h : cal.holidays) Must(op_kind::kHolidayCreate, HolidayCreatePayload(year, h.name, h.range));
    math = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Математика", ""));
    russian = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Русский язык", ""));
    english = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Английский язык", ""));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 5, math, 5));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 5, russian, 5));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 5, english, 3));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 2, math, 4));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 2, russian, 5));
    c5a = Must(op_kind::kClassCreate, ClassCreatePayload(year, 5, "А", t2));
    c5b = Must(op_kind::kClassCreate, ClassCreatePayload(year, 5, "Б", 0));
    c2a = Must(op_kind::kClassCreate, ClassCreatePayload(year, 2, "А", 0));
    const char* lasts[] = {"Абрамов", "Борисов", "Васильев", "Григорьев", "Дмитриев", "Егоров", "Жуков", "Зайцев"};
    for (int i = 0; i < 8; ++i) {
      int64_t cls = i < 4 ? c5a : i < 6 ? c5b : c2a;
      const char* birth = cls == c2a ? "2018-03-03" : "2015-02-02";
      int64_t id = Must(op_kind::kStudentCreate,
                        StudentCreatePayload({{lasts[i], "Иван", ""}, D(birth), 'm'}, cls, D("2026-09-01")));
      (cls == c5a ? kids5a : cls == c5b ? kids5b : kids2a).push_back(id);
    }
    g_math5a = Group(GroupKind::kWholeClass, "", math, c5a);
    g_rus5a = Group(GroupKind::kWholeClass, "", russian, c5a);
    g_en1 = Group(GroupKind::kSubgroup, "5А англ. 1", english, c5a);
    g_en2 = Group(GroupKind::kSubgroup, "5А англ. 2", english, c5a);
    g_math5b = Group(GroupKind::kWholeClass, "", math, c5b);
    g_math2a = Group(GroupKind::kWholeClass, "", math, c2a);
    g_rus2a = Group(GroupKind::kWholeClass, "", russian, c2a);
    Must(op_kind::kGroupSetMembers, GroupSetMembersPayload(g_en1, {kids5a[0], kids5a[1]}));
    Must(op_kind::kGroupSetMembers, GroupSetMembersPayload(g_en2, {kids5a[2], kids5a[3]}));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t1, g_math5a, 5));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t2, g_rus5a, 5));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t1, g_en1, 3));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t2, g_en2, 3));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t2, g_math5b, 5));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t3, g_math2a, 4));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t3, g_rus2a, 5));
  }
  int64_t Group(GroupKind kind, const char* name, int64_t subject, int64_t cls) {
    return Must(op_kind::kGroupCreate, GroupCreatePayload(year, kind, name, subject, {cls}));
  }
  int64_t Must(std::string_view kind, protocol::Json payload) {
    Operation op;
    op.op_id = "ps-" + std::to_string(++n);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    auto r = ApplyStructureOp(s, op, head);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->created_id;
  }
  static Actor Teacher(int64_t person) {
    Actor a;
    a.person_id = person;
    a.roles = {Role::kTeacher};
    return a;
  }
  Actor ClassTeacher5A() const {
    Actor a = Teacher(t2);
    a.roles.push_back(Role::kClassTeacher);
    a.led_classes = {c5a};
    return a;
  }
  static Actor Deputy() {
    Actor a;
    a.person_id = 2;
    a.roles = {Role::kDeputy};
    return a;
  }
  static Operation Op(std::string_view kind, protocol::Json payload, int64_t base_version = 0) {
    static int counter = 0;
    Operation op;
    op.op_id = "op-" + std::to_string(++counter);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    op.base_version = base_version;
    return op;
  }
};

}  // namespace ej::testing
