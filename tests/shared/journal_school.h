// Test fixture for the journal: 5А (4 students), the default calendar, mathematics for the
// class (Mon–Fri, 2nd lesson, t1) and English in two subgroups (Mon, Wed, Fri, 3rd lesson: t1
// and t2); lessons generated for the year; "today" is 10.09.2026 unless a test moves it.
// Used by journal_test.cpp and journal_summary_test.cpp.
#pragma once

#include <doctest/doctest.h>

#include "calendar.h"
#include "journal.h"

namespace ej::testing {

inline Date D(const char* iso) { return *Date::ParseIso(iso); }

// 5А (4 students), the default calendar, mathematics for the class (Mon–Fri, 2nd lesson, t1)
// and English in two subgroups (Mon, Wed, Fri, 3rd lesson: t1 and t2); lessons generated for the
// year; "today" is 10.09.2026 unless a test moves it.
struct JournalSchool {
  Structure s;
  Timetable t;
  SchoolRules rules = DefaultSchoolRules();
  Journal j;
  Actor head, teacher1, teacher2;
  Date today = D("2026-09-10");
  int64_t year = 0, c5a = 0, math = 0, english = 0, g_math = 0, g_en1 = 0, g_en2 = 0;
  int64_t t1 = 10, t2 = 11;
  std::vector<int64_t> kids;
  int n = 0;

  JournalSchool() {
    head.person_id = 1;
    head.roles = {Role::kHead};
    s.persons[1] = Person{1, {"Орлова", "Елена", "Петровна"}, std::nullopt, 'f', {Role::kHead}};
    s.persons[t1] = Person{t1, {"Цветкова", "Тамара", "Андреевна"}, std::nullopt, 'f', {Role::kTeacher}};
    s.persons[t2] = Person{t2, {"Румянцев", "Кирилл", "Витальевич"}, std::nullopt, 'm', {Role::kTeacher}};
    year = Must(op_kind::kYearCreate, YearCreatePayload("2026/2027", {D("2026-09-01"), D("2027-08-31")}));
    CalendarDraft cal = DefaultCalendar(*s.FindYear(year));
    for (const auto& p : cal.periods) Must(op_kind::kPeriodCreate, PeriodCreatePayload(year, p.name, p.range, p.grade_from, p.grade_to));
    for (const auto& h : cal.holidays) Must(op_kind::kHolidayCreate, HolidayCreatePayload(year, h.name, h.range));
    math = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Математика", ""));
    english = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Английский язык", ""));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 5, math, 5));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 5, english, 3));
    c5a = Must(op_kind::kClassCreate, ClassCreatePayload(year, 5, "А", 0));
    for (const char* last : {"Абрамов", "Борисов", "Васильев", "Григорьев"}) {
      kids.push_back(Must(op_kind::kStudentCreate,
                          StudentCreatePayload({{last, "Иван", ""}, D("2014-02-02"), 'm'}, c5a, D("2026-09-01"))));
    }
    g_math = Must(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kWholeClass, "", math, {c5a}));
    g_en1 = Must(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kSubgroup, "5А англ. 1", english, {c5a}));
    g_en2 = Must(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kSubgroup, "5А англ. 2", english, {c5a}));
    Must(op_kind::kGroupSetMembers, GroupSetMembersPayload(g_en1, {kids[0], kids[1]}));
    Must(op_kind::kGroupSetMembers, GroupSetMembersPayload(g_en2, {kids[2], kids[3]}));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t1, g_math, 5));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t1, g_en1, 3));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t2, g_en2, 3));
    BellSchedule bells{1, "1 смена", {}};
    for (int i = 1; i <= 7; ++i) {
      bells.slots.push_back({i, ClockTime{8 * 60 + 30 + (i - 1) * 55}, ClockTime{8 * 60 + 30 + (i - 1) * 55 + 45}});
    }
    t.bells = {bells};
    int64_t id = 0;
    for (int wd = 1; wd <= 5; ++wd) t.entries.push_back(Entry(++id, g_math, t1, wd, 2));
    for (int wd : {1, 3, 5}) {
      t.entries.push_back(Entry(++id, g_en1, t1, wd, 3));
      t.entries.push_back(Entry(++id, g_en2, t2, wd, 3));
    }
    teacher1 = TeacherActor(t1);
    teacher2 = TeacherActor(t2);
    auto gen = Do(head, op_kind::kLessonsGenerate, LessonsGeneratePayload(year, D("2026-09-01")));
    REQUIRE_MESSAGE(gen.ok(), gen.status().message());
  }
  Actor TeacherActor(int64_t id) {
    Actor a;
    a.person_id = id;
    a.roles = {Role::kTeacher};
    AddJournalRelations(a, s, j);
    return a;
  }
  TimetableEntry Entry(int64_t id, int64_t group, int64_t teacher, int weekday, int number) {
    return TimetableEntry{id, year, group, teacher, weekday, number, "", WeekParity::kEvery, TimetableKind::kMain};
  }
  int64_t Must(std::string_view kind, protocol::Json payload) {
    Operation op;
    op.op_id = "st-" + std::to_string(++n);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    auto r = ApplyStructureOp(s, op, head);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->created_id;
  }
  Operation Op(std::string_view kind, protocol::Json payload, int64_t base_version = 0) {
    Operation op;
    std::string num = std::to_string(++n);
    op.op_id = "00000000-0000-4000-8000-" + std::string(12 - num.size(), '0') + num;
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    op.base_version = base_version;
    return op;
  }
  Result<JournalApplied> Apply(const Actor& who, const Operation& op) {
    JournalContext ctx{s, t, rules, today};
    Actor a = who;
    AddJournalRelations(a, s, j);
    return ApplyJournalOp(j, ctx, op, a);
  }
  Result<JournalApplied> Do(const Actor& who, std::string_view kind, protocol::Json payload, int64_t base = 0) {
    return Apply(who, Op(kind, std::move(payload), base));
  }
  // The lesson of a group on a day (the first by number).
  int64_t LessonOn(int64_t group, const char* iso) {
    for (const auto& [id, l] : j.lessons) {
      if (l.lesson.group_id == group && l.lesson.date == D(iso)) return id;
    }
    FAIL("no lesson of group " << group << " on " << iso);
    return 0;
  }
  // Adds a mark as t1 and returns its id.
  std::string AddMark(int64_t lesson, int64_t student, const std::string& value, const std::string& type = "answer") {
    Operation op = Op(op_kind::kMarkAdd, MarkAddPayload(lesson, student, value, type));
    auto r = Apply(teacher1, op);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return op.op_id;
  }
};

}  // namespace ej::testing
