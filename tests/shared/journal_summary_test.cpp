// The class teacher's summary, the year's marks and the correction requests as the deputy
// reads them (class_summary.h, journal_grid.h BuildYearGrid, audit.h DescribeRequests).
#include <doctest/doctest.h>

#include "audit.h"
#include "class_summary.h"
#include "journal_grid.h"
#include "journal_school.h"

namespace ej {
namespace {

using testing::D;
using School = testing::JournalSchool;

TEST_CASE("the class summary: every subject of the class, averages, period marks and attendance by code") {
  School sc;
  sc.today = D("2026-09-18");
  int64_t m1 = sc.LessonOn(sc.g_math, "2026-09-14"), m2 = sc.LessonOn(sc.g_math, "2026-09-15");
  int64_t e1 = sc.LessonOn(sc.g_en1, "2026-09-14"), e2 = sc.LessonOn(sc.g_en2, "2026-09-14");
  sc.AddMark(m1, sc.kids[0], "5");
  sc.AddMark(m2, sc.kids[0], "4");
  sc.AddMark(e1, sc.kids[0], "2");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(m1, sc.kids[1], "н")).ok());
  REQUIRE(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(m2, sc.kids[1], "б")).ok());
  REQUIRE(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(e1, sc.kids[1], "б")).ok());
  REQUIRE(sc.Do(sc.teacher2, op_kind::kAttendanceSet, AttendanceSetPayload(e2, sc.kids[2], "оп")).ok());
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetTopic, LessonSetTopicPayload(m1, "Натуральные числа")).ok());

  const StudyPeriod* q1 = PeriodOf(sc.s, 5, D("2026-09-14"));
  REQUIRE(q1);
  ClassSummary sum = BuildClassSummary(sc.s, sc.j, sc.rules, sc.c5a, *q1, sc.today);
  CHECK(sum.class_name == "5А");
  REQUIRE(sum.columns.size() == 2);  // English (its two subgroups in one column), mathematics
  CHECK(sum.columns[0].subject == "Английский язык");
  CHECK(sum.columns[0].group_ids.size() == 2);
  CHECK(sum.columns[1].subject == "Математика");
  CHECK(sum.columns[1].lessons_held == 14);  // 01.09–18.09, Mon–Fri
  CHECK(sum.columns[1].lessons_without_topic == 13);
  REQUIRE(sum.rows.size() == 4);
  const ClassSummaryRow& abramov = sum.rows[0];
  CHECK(abramov.name == "Абрамов Иван");
  CHECK(abramov.cells[1].average == "4,50");
  CHECK(abramov.cells[1].marks == 2);
  CHECK(abramov.cells[0].member);    // English: subgroup 1
  CHECK(abramov.cells[0].average == "2,00");
  CHECK(sum.rows[2].cells[0].member);  // Васильев: subgroup 2, the same column
  CHECK(abramov.failing == 0);       // one mark proposes nothing (fewer than 3 marks)
  const ClassSummaryRow& borisov = sum.rows[1];
  CHECK(borisov.missed == 3);
  CHECK(borisov.missed_excused == 2);
  CHECK(borisov.missed_unexcused == 1);
  const ClassSummaryRow& vasiliev = sum.rows[2];
  CHECK(vasiliev.missed == 0);       // «оп» is a late arrival, not an absence
  size_t late = 0;
  for (size_t k = 0; k < sum.codes.size(); ++k) if (sum.codes[k].code == "оп") late = k;
  CHECK(vasiliev.by_code[late] == 1);
  CHECK(sum.missed == 3);
  CHECK(sum.missed_unexcused == 1);

  // A failing period mark counts.
  REQUIRE(sc.Do(sc.teacher1, op_kind::kFinalSet, FinalSetPayload({sc.g_en1, sc.kids[0], FinalKind::kPeriod, q1->id}, "2")).ok());
  sum = BuildClassSummary(sc.s, sc.j, sc.rules, sc.c5a, *q1, sc.today);
  CHECK(sum.rows[0].cells[0].final_value == "2");
  CHECK(sum.rows[0].failing == 1);
}

TEST_CASE("the class slice holds the class's groups and only the class's own students") {
  School sc;
  // 5Б shares an English group with 5А: its student's marks stay out of 5А's slice.
  int64_t c5b = sc.Must(op_kind::kClassCreate, ClassCreatePayload(sc.year, 5, "Б", 0));
  int64_t other = sc.Must(op_kind::kStudentCreate,
                          StudentCreatePayload({{"Яковлев", "Пётр", ""}, D("2014-03-03"), 'm'}, c5b, D("2026-09-01")));
  const Group* en1 = sc.s.FindGroup(sc.g_en1);
  std::vector<int64_t> classes = en1->class_ids;
  classes.push_back(c5b);
  sc.s.groups[static_cast<size_t>(std::find_if(sc.s.groups.begin(), sc.s.groups.end(), [&](const Group& g) { return g.id == sc.g_en1; }) - sc.s.groups.begin())].class_ids = classes;
  sc.Must(op_kind::kGroupSetMembers, GroupSetMembersPayload(sc.g_en1, {sc.kids[0], sc.kids[1], other}));
  int64_t e1 = sc.LessonOn(sc.g_en1, "2026-09-09");
  sc.AddMark(e1, sc.kids[0], "5");
  sc.AddMark(e1, other, "3");
  Journal slice = SliceForClass(sc.s, sc.j, sc.c5a, std::nullopt);
  CHECK(slice.lessons.count(e1) == 1);
  CHECK(slice.lessons.count(sc.LessonOn(sc.g_math, "2026-09-09")) == 1);
  int ours = 0, theirs = 0;
  for (const auto& [id, m] : slice.marks) (m.student_id == other ? theirs : ours)++;
  CHECK(ours == 1);
  CHECK(theirs == 0);
  // 5Б's slice has the shared group and its own student only.
  Journal b = SliceForClass(sc.s, sc.j, c5b, std::nullopt);
  CHECK(b.lessons.count(e1) == 1);
  CHECK(b.lessons.count(sc.LessonOn(sc.g_math, "2026-09-09")) == 0);
  REQUIRE(b.marks.size() == 1);
  CHECK(b.marks.begin()->second.student_id == other);
}

TEST_CASE("the year's marks: period marks, the year's proposal from them, exams only in grades 9 and 11") {
  School sc;
  sc.today = D("2027-05-28");
  auto periods = PeriodsOfGroup(sc.s, sc.g_math);
  REQUIRE(periods.size() == 4);
  const std::vector<std::string> values = {"4", "5", "4", "5"};  // 4,50 → 5 by the default rule
  for (size_t i = 0; i < periods.size(); ++i) {
    auto r = sc.Do(sc.teacher1, op_kind::kFinalSet,
                   FinalSetPayload({sc.g_math, sc.kids[0], FinalKind::kPeriod, periods[i]->id}, values[i], "итог четверти"));
    REQUIRE_MESSAGE(r.ok(), r.status().message());
  }
  for (size_t i = 0; i + 1 < periods.size(); ++i) {
    REQUIRE(sc.Do(sc.teacher1, op_kind::kFinalSet,
                  FinalSetPayload({sc.g_math, sc.kids[1], FinalKind::kPeriod, periods[i]->id}, "3", "итог четверти")).ok());
  }
  YearGrid y = BuildYearGrid(sc.s, sc.j, sc.rules, sc.g_math);
  CHECK(y.subject == "Математика");
  CHECK(y.periods.size() == 4);
  CHECK_FALSE(y.exams);
  REQUIRE(y.rows.size() == 4);
  CHECK(y.rows[0].period_values == values);
  CHECK(y.rows[0].proposed == "5");
  CHECK(y.rows[1].proposed == "");  // the fourth quarter has no mark yet
  auto set = sc.Do(sc.teacher1, op_kind::kFinalSet, FinalSetPayload({sc.g_math, sc.kids[0], FinalKind::kYear, 0}, "4", "решение учителя"));
  REQUIRE_MESSAGE(set.ok(), set.status().message());
  y = BuildYearGrid(sc.s, sc.j, sc.rules, sc.g_math);
  CHECK(y.rows[0].year_value == "4");
  CHECK(y.rows[0].year_version == 1);
  CHECK(y.rows[0].proposed == "5");  // the proposal stays beside the teacher's choice

  // The rounding rule of the school decides: 3,5 rounds up by default, not from 0,6.
  CHECK(ProposeFromPeriods(sc.rules, "five", {"3", "4"}).value == "4");
  SchoolRules strict = sc.rules;
  strict.finals.round_up_from = 60;
  CHECK(ProposeFromPeriods(strict, "five", {"3", "4"}).value == "3");
  CHECK(ProposeFromPeriods(sc.rules, "five", {"3", ""}).value.empty());
}

TEST_CASE("correction requests as the deputy reads them: the entry, its value now, the value asked, why") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  std::string mark = sc.AddMark(lesson, sc.kids[0], "3");
  const StudyPeriod* q1 = PeriodOf(sc.s, 5, D("2026-09-08"));
  REQUIRE(sc.Do(sc.head, op_kind::kPeriodLock, PeriodLockPayload(q1->id, true)).ok());
  Operation change = sc.Op(op_kind::kMarkSet, MarkSetPayload(mark, "4", "answer", ""), 1);
  auto asked = sc.Do(sc.teacher1, op_kind::kCorrectionRequest, CorrectionRequestPayload(change, "пересдал тему"));
  REQUIRE(asked.ok());

  auto rows = DescribeRequests(sc.s, sc.j, sc.head);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].state == "pending");
  CHECK(rows[0].row.who == "Цветкова Т.\u00A0А.");
  CHECK(rows[0].row.class_name == "5А");
  CHECK(rows[0].row.subject == "Математика");
  CHECK(rows[0].row.student == "Абрамов Иван");
  CHECK(rows[0].row.lesson == "08.09.2026");
  CHECK(rows[0].row.old_value == "3");
  CHECK(rows[0].row.new_value == "4");
  CHECK(rows[0].row.reason == "пересдал тему");
  // A teacher sees their own requests only.
  CHECK(DescribeRequests(sc.s, sc.j, sc.TeacherActor(sc.t1)).size() == 1);
  CHECK(DescribeRequests(sc.s, sc.j, sc.TeacherActor(sc.t2)).empty());

  REQUIRE(sc.Do(sc.head, op_kind::kCorrectionDecide, CorrectionDecidePayload(asked->created_id, true, "согласовано")).ok());
  Operation again = sc.Op(op_kind::kMarkSet, MarkSetPayload(mark, "5", "answer", ""), 2);
  REQUIRE(sc.Do(sc.teacher1, op_kind::kCorrectionRequest, CorrectionRequestPayload(again, "ещё раз")).ok());
  rows = DescribeRequests(sc.s, sc.j, sc.head);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].state == "pending");  // the pending first
  CHECK(rows[0].row.old_value == "4");
  CHECK(rows[1].state == "approved");
  CHECK(rows[1].decided_by == "Орлова Е.\u00A0П.");
  CHECK(rows[1].decision_comment == "согласовано");
  protocol::Json json = ToJson(rows[1]);
  CHECK(json["state"] == "approved");
  CHECK(json["id"] == asked->created_id);
}

}  // namespace
}  // namespace ej
