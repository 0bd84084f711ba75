// Whose diaries an applied operation touched (diary_touch.h): the op's student, every student
// the lesson's group ever held, none, or all; and which kinds may change who someone is.
#include <doctest/doctest.h>

#include "diary_touch.h"
#include "journal.h"
#include "journal_recommendations.h"
#include "school_rules.h"
#include "structure.h"
#include "thematic_plan.h"
#include "timetable.h"

namespace ej {
namespace {

using protocol::Json;

TEST_CASE("which diaries an operation touches: the op's student, the lesson's group, or all") {
  Structure s;
  Group whole;
  whole.id = 1;
  whole.kind = GroupKind::kWholeClass;
  whole.class_ids = {10};
  s.groups.push_back(whole);
  Group sub;
  sub.id = 2;
  sub.kind = GroupKind::kSubgroup;
  sub.class_ids = {10};
  sub.members = {101};
  s.groups.push_back(sub);
  s.enrollments.push_back(Enrollment{.id = 1, .student_id = 101, .class_id = 10});
  s.enrollments.push_back(Enrollment{.id = 2, .student_id = 102, .class_id = 10});
  s.enrollments.push_back(Enrollment{.id = 3, .student_id = 201, .class_id = 20});
  CHECK(StudentsEverInGroup(s, 1) == std::set<int64_t>{101, 102});
  CHECK(StudentsEverInGroup(s, 2) == std::set<int64_t>{101});
  CHECK(StudentsEverInGroup(s, 99).empty());

  Journal j;
  JournalLesson l;
  l.lesson.id = 7;
  l.lesson.group_id = 2;
  j.lessons.emplace(7, l);
  Mark m;
  m.id = "m1";
  m.lesson_id = 7;
  m.student_id = 101;
  j.marks.emplace(m.id, m);
  j.Reindex();

  JournalApplied mark_added;
  mark_added.marks = {"m1"};
  DiaryTouch t = DiaryTouchOfJournalOp(s, j, op_kind::kMarkAdd, mark_added);
  CHECK_FALSE(t.all);
  CHECK(t.students == std::set<int64_t>{101});

  JournalApplied mark_removed;  // gone from the journal: its student from the audit's old value
  mark_removed.marks = {"gone"};
  mark_removed.old = Json{{"student_id", 102}};
  t = DiaryTouchOfJournalOp(s, j, op_kind::kMarkRemove, mark_removed);
  CHECK_FALSE(t.all);
  CHECK(t.students == std::set<int64_t>{102});
  mark_removed.old = Json();
  CHECK(DiaryTouchOfJournalOp(s, j, op_kind::kMarkRemove, mark_removed).all);

  JournalApplied topic;
  topic.lessons = {7};
  t = DiaryTouchOfJournalOp(s, j, op_kind::kLessonSetTopic, topic);
  CHECK_FALSE(t.all);
  CHECK(t.students == std::set<int64_t>{101});
  topic.lessons = {8};  // a lesson that is gone
  CHECK(DiaryTouchOfJournalOp(s, j, op_kind::kLessonMove, topic).all);

  JournalApplied cells;
  cells.attendance = {{7, 102}};
  cells.finals = {FinalKey{.group_id = 2, .student_id = 201}};
  t = DiaryTouchOfJournalOp(s, j, op_kind::kAttendanceSet, cells);
  CHECK(t.students == std::set<int64_t>{102, 201});
  CHECK(t.Touches(201));
  CHECK_FALSE(t.Touches(101));

  JournalApplied request;  // a correction request alone changes no diary
  request.requests = {5};
  CHECK(DiaryTouchOfJournalOp(s, j, op_kind::kCorrectionRequest, request).Empty());
  JournalApplied lock;
  lock.periods = {3};
  CHECK(DiaryTouchOfJournalOp(s, j, op_kind::kPeriodLock, lock).all);
  CHECK(DiaryTouchOfJournalOp(s, j, op_kind::kLessonsGenerate, JournalApplied{}).all);

  Recommendation r;
  r.student_id = 102;
  CHECK(DiaryTouchOfRecommendation(r).students == std::set<int64_t>{102});
  CHECK(DiaryTouchOfKind(op_kind::kHolidayCreate).all);
  CHECK(DiaryTouchOfKind(op_kind::kTimetableSetEntry).all);
  CHECK(DiaryTouchOfKind(op_kind::kRulesUpdate).all);
  CHECK(DiaryTouchOfKind(op_kind::kPlanSet).Empty());

  CHECK(ChangesRelations(op_kind::kGuardianLink));
  CHECK(ChangesRelations(op_kind::kLessonSubstitute));
  CHECK(ChangesRelations(op_kind::kLessonsGenerate));
  CHECK_FALSE(ChangesRelations(op_kind::kMarkAdd));
  CHECK_FALSE(ChangesRelations(op_kind::kLessonSetTopic));
  CHECK_FALSE(ChangesRelations(op_kind::kRecommendationAdd));
}

}  // namespace
}  // namespace ej
