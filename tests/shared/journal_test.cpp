#include <doctest/doctest.h>

#include "journal.h"
#include "journal_school.h"

namespace ej {
namespace {

using testing::D;
using School = testing::JournalSchool;

TEST_CASE("lessons.generate: the year's lessons from the timetable, only the administration plans") {
  School sc;
  // 1 четверть of the default calendar starts on Tuesday 01.09.2026: mathematics every weekday.
  CHECK(sc.j.FindLesson(sc.LessonOn(sc.g_math, "2026-09-01")) != nullptr);
  size_t math = 0;
  for (const auto& [id, l] : sc.j.lessons) {
    CHECK(l.lesson.date.Weekday() <= 5);
    math += l.lesson.group_id == sc.g_math;
  }
  CHECK(math > 150);
  auto refused = sc.Do(sc.teacher1, op_kind::kLessonsGenerate, LessonsGeneratePayload(sc.year, D("2026-09-01")));
  CHECK(refused.status().code() == ErrorCode::kForbidden);
}

TEST_CASE("lessons.generate after a timetable change keeps lessons with entries and reports the change") {
  School sc;
  int64_t monday = sc.LessonOn(sc.g_math, "2026-09-07");
  sc.AddMark(monday, sc.kids[0], "5");
  // Mathematics leaves Monday; regenerate from 07.09.
  sc.t.entries.erase(sc.t.entries.begin());
  auto r = sc.Do(sc.head, op_kind::kLessonsGenerate, LessonsGeneratePayload(sc.year, D("2026-09-07")));
  REQUIRE(r.ok());
  CHECK(r->removed > 20);
  CHECK(r->added == 0);
  CHECK(sc.j.FindLesson(monday) != nullptr);  // it has a mark
  for (const auto& [id, l] : sc.j.lessons) {
    if (l.lesson.group_id == sc.g_math && l.lesson.date > D("2026-09-07")) CHECK(l.lesson.date.Weekday() != 1);
  }
}

TEST_CASE("mark.add: every validation") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  sc.AddMark(lesson, sc.kids[0], "5");
  CHECK(sc.j.MarksOf(lesson).size() == 1);

  auto bad_value = sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(lesson, sc.kids[0], "6", "answer"));
  CHECK(bad_value.status().code() == ErrorCode::kValidation);
  CHECK(bad_value.status().field() == "value");
  auto plus = sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(lesson, sc.kids[0], "4+", "answer"));
  CHECK(plus.status().field() == "value");  // ± not allowed by default
  auto bad_type = sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(lesson, sc.kids[0], "4", "essay"));
  CHECK(bad_type.status().field() == "type");

  // A student who is not in the subgroup.
  int64_t en1 = sc.LessonOn(sc.g_en1, "2026-09-09");
  auto stranger = sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(en1, sc.kids[2], "4", "answer"));
  CHECK(stranger.status().code() == ErrorCode::kValidation);
  CHECK(stranger.status().message().find("Васильев") != std::string::npos);

  // A lesson of another teacher.
  int64_t en2 = sc.LessonOn(sc.g_en2, "2026-09-09");
  auto foreign = sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(en2, sc.kids[2], "4", "answer"));
  CHECK(foreign.status().code() == ErrorCode::kForbidden);

  // A lesson that has not happened yet.
  int64_t future = sc.LessonOn(sc.g_math, "2026-09-15");
  auto early = sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(future, sc.kids[0], "4", "answer"));
  CHECK(early.status().code() == ErrorCode::kValidation);

  // The deputy reads but does not write marks.
  auto deputy = sc.Do(sc.head, op_kind::kMarkAdd, MarkAddPayload(lesson, sc.kids[1], "4", "answer"));
  CHECK(deputy.status().code() == ErrorCode::kForbidden);

  // Nothing of the refused ops changed the journal.
  CHECK(sc.j.marks.size() == 1);
}

TEST_CASE("mark.add after the mark deadline needs a reason") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-01");
  sc.today = D("2026-09-10");  // 9 days later; the deadline is 7
  auto late = sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(lesson, sc.kids[0], "4", "answer"));
  CHECK(late.status().field() == "reason");
  auto with_reason =
      sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(lesson, sc.kids[0], "4", "answer", "", "болел, писал позже"));
  CHECK(with_reason.ok());
}

TEST_CASE("the same mark.add sent twice has one effect") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  Operation op = sc.Op(op_kind::kMarkAdd, MarkAddPayload(lesson, sc.kids[0], "5", "answer"));
  REQUIRE(sc.Apply(sc.teacher1, op).ok());
  auto again = sc.Apply(sc.teacher1, op);
  CHECK(again.status().code() == ErrorCode::kConflict);
  CHECK(sc.j.marks.size() == 1);
}

TEST_CASE("substitution: the substitute keeps that one lesson only, the regular teacher does not") {
  School sc;
  int64_t sub = sc.LessonOn(sc.g_math, "2026-09-08");
  int64_t other = sc.LessonOn(sc.g_math, "2026-09-09");
  auto by_teacher = sc.Do(sc.teacher1, op_kind::kLessonSubstitute, LessonSubstitutePayload(sub, sc.t2));
  CHECK(by_teacher.status().code() == ErrorCode::kForbidden);
  REQUIRE(sc.Do(sc.head, op_kind::kLessonSubstitute, LessonSubstitutePayload(sub, sc.t2)).ok());

  CHECK(sc.Do(sc.teacher2, op_kind::kMarkAdd, MarkAddPayload(sub, sc.kids[0], "5", "answer")).ok());
  CHECK(sc.Do(sc.teacher2, op_kind::kMarkAdd, MarkAddPayload(other, sc.kids[0], "5", "answer")).status().code() ==
        ErrorCode::kForbidden);
  CHECK(sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(sub, sc.kids[1], "5", "answer")).status().code() ==
        ErrorCode::kForbidden);
  CHECK(sc.Do(sc.teacher1, op_kind::kMarkAdd, MarkAddPayload(other, sc.kids[1], "5", "answer")).ok());

  // The substitute's relations: one lesson, and read access to it alone.
  Actor t2 = sc.TeacherActor(sc.t2);
  CHECK(t2.substituted_lessons == std::set<int64_t>{sub});
  CHECK(Authorize(t2, Action::kReadJournal, LessonTarget(sc.s, *sc.j.FindLesson(sub))).ok());
  CHECK(!Authorize(t2, Action::kReadJournal, GroupTarget(sc.s, sc.g_math)).ok());

  // A substitute who is busy at that time is refused: t2 teaches English 2 on Wednesday, 3rd lesson.
  int64_t en1 = sc.LessonOn(sc.g_en1, "2026-09-09");
  auto busy = sc.Do(sc.head, op_kind::kLessonSubstitute, LessonSubstitutePayload(en1, sc.t2));
  CHECK(busy.status().code() == ErrorCode::kValidation);
  CHECK(busy.status().message().find("Румянцев") != std::string::npos);
}

TEST_CASE("lesson.move keeps the lesson's entries and refuses a holiday or a busy slot") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  std::string mark = sc.AddMark(lesson, sc.kids[0], "4");
  REQUIRE(sc.Do(sc.head, op_kind::kLessonMove, LessonMovePayload(lesson, D("2026-09-08"), 5)).ok());
  CHECK(sc.j.FindLesson(lesson)->lesson.number == 5);
  CHECK(sc.j.FindLesson(lesson)->moved);
  CHECK(sc.j.FindMark(mark)->lesson_id == lesson);
  // Sunday, and the group's own 2nd lesson on Wednesday.
  CHECK(sc.Do(sc.head, op_kind::kLessonMove, LessonMovePayload(lesson, D("2026-09-13"), 2)).status().field() == "date");
  CHECK(sc.Do(sc.head, op_kind::kLessonMove, LessonMovePayload(lesson, D("2026-09-09"), 2)).status().field() == "number");
  CHECK(sc.Do(sc.head, op_kind::kLessonMove, LessonMovePayload(lesson, D("2026-09-09"), 9)).status().field() == "number");
}

TEST_CASE("weighted average and the proposed final by the school's rounding rule") {
  School sc;
  sc.today = D("2026-09-30");
  sc.rules.corrections.mark_deadline_days = 30;
  DateRange q1{D("2026-09-01"), D("2026-10-25")};
  // 5 (answer, 1), 4 (answer, 1), 3 (control, 3): (5 + 4 + 9) / 5 = 3,6.
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-01"), sc.kids[0], "5");
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-02"), sc.kids[0], "4");
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-03"), sc.kids[0], "3", "control");
  auto avg = WeightedAverage(sc.j, sc.rules, "five", sc.g_math, sc.kids[0], q1);
  REQUIRE(avg);
  CHECK(*avg == doctest::Approx(3.6));
  CHECK(FormatAverage(*avg) == "3,60");
  CHECK(ProposeFinal(sc.j, sc.rules, "five", sc.g_math, sc.kids[0], q1).value == "4");
  sc.rules.finals.round_up_from = 70;
  CHECK(ProposeFinal(sc.j, sc.rules, "five", sc.g_math, sc.kids[0], q1).value == "3");

  // Exactly 3,5: two answers 4 and 3 → rounds up at 50, not at 60.
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-01"), sc.kids[1], "4");
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-02"), sc.kids[1], "3");
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-03"), sc.kids[1], "4");
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-04"), sc.kids[1], "3");
  sc.rules.finals.round_up_from = 50;
  CHECK(ProposeFinal(sc.j, sc.rules, "five", sc.g_math, sc.kids[1], q1).value == "4");
  sc.rules.finals.round_up_from = 60;
  CHECK(ProposeFinal(sc.j, sc.rules, "five", sc.g_math, sc.kids[1], q1).value == "3");

  // Too few marks: an average but no proposal.
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-01"), sc.kids[2], "5");
  ProposedFinal few = ProposeFinal(sc.j, sc.rules, "five", sc.g_math, sc.kids[2], q1);
  CHECK(few.average);
  CHECK(few.marks == 1);
  CHECK(few.value.empty());
  // Marks outside the range do not count.
  CHECK(!WeightedAverage(sc.j, sc.rules, "five", sc.g_math, sc.kids[0], {D("2026-11-01"), D("2026-12-28")}));
}

TEST_CASE("final.set obeys the grading system and belongs to the group's teacher") {
  School sc;
  const StudyPeriod* q1 = PeriodOf(sc.s, 5, D("2026-09-10"));
  REQUIRE(q1);
  FinalKey key{sc.g_math, sc.kids[0], FinalKind::kPeriod, q1->id};
  CHECK(sc.Do(sc.teacher1, op_kind::kFinalSet, FinalSetPayload(key, "4")).ok());
  CHECK(sc.j.FindFinal(key)->value == "4");
  CHECK(sc.Do(sc.teacher1, op_kind::kFinalSet, FinalSetPayload(key, "зач"), 1).status().field() == "value");
  CHECK(sc.Do(sc.teacher2, op_kind::kFinalSet, FinalSetPayload(key, "5"), 1).status().code() == ErrorCode::kForbidden);
  FinalKey stranger{sc.g_en1, sc.kids[3], FinalKind::kYear, 0};
  CHECK(sc.Do(sc.teacher1, op_kind::kFinalSet, FinalSetPayload(stranger, "5")).status().field() == "student_id");
}

TEST_CASE("corrections: free inside the window, with a reason after it, old → new is returned") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  std::string mark = sc.AddMark(lesson, sc.kids[0], "3");
  auto inside = sc.Do(sc.teacher1, op_kind::kMarkSet, MarkSetPayload(mark, "4", "answer", ""), 1);
  REQUIRE(inside.ok());
  CHECK(inside->correction);
  CHECK(inside->old["value"] == "3");

  sc.today = D("2026-09-20");  // past the 3-day window
  auto no_reason = sc.Do(sc.teacher1, op_kind::kMarkSet, MarkSetPayload(mark, "5", "answer", ""), 2);
  CHECK(no_reason.status().field() == "reason");
  CHECK(sc.j.FindMark(mark)->value == "4");
  auto with_reason = sc.Do(sc.teacher1, op_kind::kMarkSet, MarkSetPayload(mark, "5", "answer", "", "ошибка при вводе"), 2);
  REQUIRE(with_reason.ok());
  CHECK(with_reason->reason == "ошибка при вводе");
  CHECK(sc.j.FindMark(mark)->version == 3);
}

TEST_CASE("conflicts: a stale base_version is refused with the current value, the same value is not a conflict") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(lesson, sc.kids[0], "н"), 0).ok());
  // Someone else, who saw the cell empty, sets «б»: a conflict naming what is there now.
  auto stale = sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(lesson, sc.kids[0], "б"), 0);
  CHECK(stale.status().code() == ErrorCode::kConflict);
  CHECK(stale.status().message().find("«н»") != std::string::npos);
  CHECK(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(lesson, sc.kids[0], "н"), 0).ok());
  auto fixed = sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(lesson, sc.kids[0], "б"), 1);
  CHECK_MESSAGE(fixed.ok(), fixed.status().message());
  CHECK(sc.j.FindAttendance(lesson, sc.kids[0])->code == "б");
  CHECK(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(lesson, sc.kids[0], "xx"), 2).status().field() == "code");
  CHECK(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(lesson, sc.kids[0], ""), 2).ok());
  CHECK(sc.j.FindAttendance(lesson, sc.kids[0]) == nullptr);
}

TEST_CASE("a locked period: only a correction request the deputy approves changes it") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  std::string mark = sc.AddMark(lesson, sc.kids[0], "3");
  const StudyPeriod* q1 = PeriodOf(sc.s, 5, D("2026-09-08"));
  CHECK(sc.Do(sc.teacher1, op_kind::kPeriodLock, PeriodLockPayload(q1->id, true)).status().code() == ErrorCode::kForbidden);
  REQUIRE(sc.Do(sc.head, op_kind::kPeriodLock, PeriodLockPayload(q1->id, true)).ok());

  auto direct = sc.Do(sc.teacher1, op_kind::kMarkSet, MarkSetPayload(mark, "4", "answer", "", "пересдал"), 1);
  CHECK(direct.status().field() == "approval");

  Operation change = sc.Op(op_kind::kMarkSet, MarkSetPayload(mark, "4", "answer", "", "пересдал"), 1);
  auto no_reason = sc.Do(sc.teacher1, op_kind::kCorrectionRequest, CorrectionRequestPayload(change, ""));
  CHECK(no_reason.status().field() == "reason");
  auto request = sc.Do(sc.teacher1, op_kind::kCorrectionRequest, CorrectionRequestPayload(change, "пересдал"));
  REQUIRE(request.ok());
  int64_t id = request->created_id;
  CHECK(sc.j.requests.at(id).state == RequestState::kPending);
  CHECK(sc.j.FindMark(mark)->value == "3");
  // Another teacher cannot ask for a change in a lesson that is not theirs.
  Operation foreign = sc.Op(op_kind::kMarkSet, MarkSetPayload(mark, "5", "answer", ""), 1);
  CHECK(sc.Do(sc.teacher2, op_kind::kCorrectionRequest, CorrectionRequestPayload(foreign, "просьба")).status().code() ==
        ErrorCode::kForbidden);

  CHECK(sc.Do(sc.teacher1, op_kind::kCorrectionDecide, CorrectionDecidePayload(id, true)).status().code() ==
        ErrorCode::kForbidden);
  auto approved = sc.Do(sc.head, op_kind::kCorrectionDecide, CorrectionDecidePayload(id, true, "согласовано"));
  REQUIRE_MESSAGE(approved.ok(), approved.status().message());
  CHECK(approved->correction);
  CHECK(approved->old["value"] == "3");
  CHECK(sc.j.FindMark(mark)->value == "4");
  CHECK(sc.j.requests.at(id).state == RequestState::kApproved);
  CHECK(sc.Do(sc.head, op_kind::kCorrectionDecide, CorrectionDecidePayload(id, false)).status().code() ==
        ErrorCode::kValidation);

  // A declined request changes nothing.
  Operation second = sc.Op(op_kind::kMarkSet, MarkSetPayload(mark, "5", "answer", ""), 2);
  auto r2 = sc.Do(sc.teacher1, op_kind::kCorrectionRequest, CorrectionRequestPayload(second, "ещё раз"));
  REQUIRE(r2.ok());
  REQUIRE(sc.Do(sc.head, op_kind::kCorrectionDecide, CorrectionDecidePayload(r2->created_id, false, "нет оснований")).ok());
  CHECK(sc.j.FindMark(mark)->value == "4");

  // A change that needs no approval is not a request.
  REQUIRE(sc.Do(sc.head, op_kind::kPeriodLock, PeriodLockPayload(q1->id, false)).ok());
  CHECK(sc.Do(sc.teacher1, op_kind::kCorrectionRequest, CorrectionRequestPayload(second, "ещё раз")).status().code() ==
        ErrorCode::kValidation);
}

TEST_CASE("topic and homework: versions, due lesson, time estimate") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  int64_t next = sc.LessonOn(sc.g_math, "2026-09-09");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetTopic, LessonSetTopicPayload(lesson, "Натуральные числа")).ok());
  CHECK(sc.Do(sc.teacher1, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(lesson, {"№ 12, 14", 30, next}), 0).ok());
  // Topic and homework have their own versions: a stale topic version is a conflict.
  CHECK(sc.Do(sc.teacher1, op_kind::kLessonSetTopic, LessonSetTopicPayload(lesson, "Другая тема"), 0).status().code() ==
        ErrorCode::kConflict);
  CHECK(sc.j.FindLesson(lesson)->homework.due_lesson_id == next);
  CHECK(sc.Do(sc.teacher1, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(lesson, {"№ 15", 30, lesson}), 1)
            .status()
            .field() == "due_lesson_id");
  CHECK(sc.Do(sc.teacher1, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(lesson, {"№ 15", 400, 0}), 1)
            .status()
            .field() == "minutes");
  // Homework may be set ahead for a future lesson (planning), marks may not.
  CHECK(sc.Do(sc.teacher1, op_kind::kLessonSetTopic, LessonSetTopicPayload(sc.LessonOn(sc.g_math, "2026-09-21"), "Дроби")).ok());
  CHECK(sc.Do(sc.teacher2, op_kind::kLessonSetTopic, LessonSetTopicPayload(lesson, "Чужая тема"), 1).status().code() ==
        ErrorCode::kForbidden);
}

TEST_CASE("an emptied homework keeps no time and no due lesson, whatever the form sent") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  int64_t next = sc.LessonOn(sc.g_math, "2026-09-09");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(lesson, {"№ 12, 14", 30, next}), 0).ok());
  // The desk sends its form as it is: a due lesson still chosen (even one the rules refuse) and minutes.
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(lesson, {"", 30, lesson}), 1).ok());
  const JournalLesson* l = sc.j.FindLesson(lesson);
  CHECK(l->homework.text.empty());
  CHECK(l->homework.minutes == 0);
  CHECK(l->homework.due_lesson_id == 0);
  CHECK(l->homework.version == 2);
}

TEST_CASE("lesson notes: the teacher's note, versioned, a reason after the window, nobody else's lesson") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  auto set = sc.Do(sc.teacher1, op_kind::kLessonSetNotes, LessonSetNotesPayload(lesson, "Урок проведён в библиотеке"));
  REQUIRE(set.ok());
  CHECK(set->lessons == std::vector<int64_t>{lesson});
  CHECK(sc.j.FindLesson(lesson)->notes == "Урок проведён в библиотеке");
  CHECK(sc.j.FindLesson(lesson)->notes_version == 1);
  CHECK(sc.j.HasEntries(lesson));
  // A stale version is a conflict; another teacher may not write; the length is limited.
  CHECK(sc.Do(sc.teacher1, op_kind::kLessonSetNotes, LessonSetNotesPayload(lesson, "Другое"), 0).status().code() ==
        ErrorCode::kConflict);
  CHECK(sc.Do(sc.teacher2, op_kind::kLessonSetNotes, LessonSetNotesPayload(lesson, "Чужое"), 1).status().code() ==
        ErrorCode::kForbidden);
  CHECK(sc.Do(sc.teacher1, op_kind::kLessonSetNotes, LessonSetNotesPayload(lesson, std::string(2001, 'x')), 1)
            .status()
            .field() == "notes");
  // After the correction window a change needs a reason, and the log gets old → new.
  sc.today = D("2026-09-20");
  CHECK(sc.Do(sc.teacher1, op_kind::kLessonSetNotes, LessonSetNotesPayload(lesson, "Экскурсия"), 1).status().field() ==
        "reason");
  auto late = sc.Do(sc.teacher1, op_kind::kLessonSetNotes, LessonSetNotesPayload(lesson, "Экскурсия", "уточнение"), 1);
  REQUIRE(late.ok());
  CHECK(late->old["notes"] == "Урок проведён в библиотеке");
  CHECK(late->reason == "уточнение");
  auto back = JournalFromJson(ToJson(sc.j));
  REQUIRE(back.ok());
  CHECK(back->FindLesson(lesson)->notes == "Экскурсия");
  CHECK(back->FindLesson(lesson)->notes_version == 2);
}

TEST_CASE("a cell's marks keep the order they were given, whatever their ids, after JSON and a reindex") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  // Ids in the opposite order to the time they were given.
  const char* ids[] = {"ffffffff-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002",
                       "11111111-0000-4000-8000-000000000003"};
  const char* values[] = {"3", "5", "4"};
  for (int i = 0; i < 3; ++i) {
    Operation op = sc.Op(op_kind::kMarkAdd, MarkAddPayload(lesson, sc.kids[0], values[i], "answer"));
    op.op_id = ids[i];
    op.client_time = 1'789'000'000'000 + i * 60'000;
    REQUIRE(sc.Apply(sc.teacher1, op).ok());
  }
  auto order = [&](const Journal& j) {
    std::string out;
    for (const Mark* m : j.MarksOf(lesson)) out += m->value;
    return out;
  };
  CHECK(order(sc.j) == "354");
  auto back = JournalFromJson(ToJson(sc.j));
  REQUIRE(back.ok());
  CHECK(order(*back) == "354");
  back->Reindex();
  CHECK(order(*back) == "354");
  CHECK(order(SliceForGroup(sc.j, sc.g_math, std::nullopt)) == "354");
}

TEST_CASE("the journal's JSON round-trips, and a group's slice holds only that group") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  sc.AddMark(lesson, sc.kids[0], "5");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(lesson, sc.kids[1], "н")).ok());
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(lesson, {"№ 1", 20, 0})).ok());
  Journal slice = SliceForGroup(sc.j, sc.g_math, DateRange{D("2026-09-01"), D("2026-09-30")});
  for (const auto& [id, l] : slice.lessons) CHECK(l.lesson.group_id == sc.g_math);
  auto back = JournalFromJson(ToJson(slice));
  REQUIRE(back.ok());
  CHECK(ToJson(*back) == ToJson(slice));
  CHECK(back->MarksOf(lesson).size() == 1);
  CHECK(back->FindLesson(lesson)->homework.minutes == 20);
  CHECK(!JournalFromJson(protocol::Json{{"lessons", 1}}).ok());
}

}  // namespace
}  // namespace ej

#include "journal_grid.h"

namespace ej {
namespace {

TEST_CASE("the journal grid: students × lessons, cells, averages, proposals, finals, markers") {
  School sc;
  sc.today = D("2026-09-30");
  sc.rules.corrections.mark_deadline_days = 30;
  const StudyPeriod* q1 = PeriodOf(sc.s, 5, D("2026-09-10"));
  REQUIRE(q1);
  int64_t l1 = sc.LessonOn(sc.g_en1, "2026-09-02"), l2 = sc.LessonOn(sc.g_en1, "2026-09-04");
  sc.AddMark(l1, sc.kids[1], "5");
  sc.AddMark(l1, sc.kids[1], "4");
  sc.AddMark(l2, sc.kids[1], "3", "control");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(l2, sc.kids[0], "н")).ok());
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetTopic, LessonSetTopicPayload(l1, "Present Simple")).ok());
  REQUIRE(sc.Do(sc.teacher1, op_kind::kFinalSet, FinalSetPayload({sc.g_en1, sc.kids[1], FinalKind::kPeriod, q1->id}, "4")).ok());

  JournalGrid g = BuildJournalGrid(sc.s, sc.j, sc.rules, sc.g_en1, *q1, sc.today);
  CHECK(g.group_name == "5А англ. 1");
  CHECK(g.subject == "Английский язык");
  REQUIRE(g.rows.size() == 2);  // the subgroup only
  CHECK(g.rows[0].name == "Абрамов Иван");
  CHECK(g.rows[1].name == "Борисов Иван");
  REQUIRE(g.columns.size() > 10);
  CHECK(g.columns[0].title == "02.09");
  CHECK(g.columns[0].has_topic);
  CHECK(!g.columns[1].has_topic);
  CHECK(g.columns.back().future);
  CHECK(g.rows[1].cells[0].Text() == "5 4");
  CHECK(g.rows[0].cells[1].Text() == "н");
  CHECK(g.rows[0].absences == 1);
  // (5 + 4 + 3·3) / 5 = 3,60 → 4 proposed; the final given is 4.
  CHECK(g.rows[1].average == "3,60");
  CHECK(g.rows[1].proposed == "4");
  CHECK(g.rows[1].final_value == "4");
  CHECK(g.rows[0].average.empty());
  CHECK(g.rows[0].proposed.empty());
  CHECK(g.final_values == std::vector<std::string>{"5", "4", "3", "2", "1"});
  // Held lessons without a topic are counted for the deputy.
  CHECK(g.lessons_without_topic > 5);
  CHECK(PeriodsOfGroup(sc.s, sc.g_en1).size() == 4);
}

}  // namespace
}  // namespace ej

#include "audit.h"
#include "names.h"

namespace ej {
namespace {

TEST_CASE("the corrections audit: who, what, class, subject, student, lesson, old → new, why, CSV") {
  School sc;
  int64_t lesson = sc.LessonOn(sc.g_math, "2026-09-08");
  std::string mark = sc.AddMark(lesson, sc.kids[0], "3");
  sc.today = D("2026-09-20");
  Operation fix = sc.Op(op_kind::kMarkSet, MarkSetPayload(mark, "4", "answer", "", "ошибка; исправлено \"верно\""), 1);
  auto applied = sc.Apply(sc.teacher1, fix);
  REQUIRE(applied.ok());
  AuditSource e{7, "20.09.2026 10:15", sc.t1, fix.kind, fix.payload,
                {{"old", applied->old}, {"reason", applied->reason}, {"correction", true}}};
  AuditRow row = DescribeCorrection(sc.s, sc.j, e);
  CHECK(row.who == ShortName(sc.s.FindPerson(sc.t1)->name));  // «Цветкова Т. А.» with no-break spaces
  CHECK(row.who.rfind("Цветкова", 0) == 0);
  CHECK(row.what == "Отметка");
  CHECK(row.class_name == "5А");
  CHECK(row.subject == "Математика");
  CHECK(row.student == "Абрамов Иван");
  CHECK(row.lesson == "08.09.2026");
  CHECK(row.old_value == "3");
  CHECK(row.new_value == "4");
  CHECK(Matches(row, {sc.c5a, 0, 0, std::nullopt, std::nullopt, ""}));
  CHECK(!Matches(row, {0, sc.t2, 0, std::nullopt, std::nullopt, ""}));
  CHECK(!Matches(row, {0, 0, sc.english, std::nullopt, std::nullopt, ""}));
  CHECK(!Matches(row, {0, 0, 0, D("2026-09-10"), std::nullopt, ""}));
  CHECK(!Matches(row, {0, 0, 0, std::nullopt, std::nullopt, "Посещаемость"}));
  std::string csv = AuditCsv({row});
  CHECK(csv.rfind("\xEF\xBB\xBF" "Когда;Кто;Что;", 0) == 0);
  CHECK(csv.find("\"ошибка; исправлено \"\"верно\"\"\"") != std::string::npos);
  CHECK(csv.find(";3;4;") != std::string::npos);
}

}  // namespace
}  // namespace ej

// ---- Offline work (issue 6): the client's copy and the server's journal ----

namespace ej {
namespace {

TEST_CASE("offline: the client's copy (from the server's JSON) and the server take the same operations to the same state") {
  School server;
  // The client got the group's journal as JSON before going offline.
  auto copy = JournalFromJson(ToJson(SliceForGroup(server.j, server.g_math, std::nullopt)));
  REQUIRE(copy.ok());
  Journal client = std::move(copy).value();
  int64_t l1 = server.LessonOn(server.g_math, "2026-09-08"), l2 = server.LessonOn(server.g_math, "2026-09-09");
  std::vector<Operation> ops = {
      server.Op(op_kind::kMarkAdd, MarkAddPayload(l1, server.kids[0], "5", "answer")),
      server.Op(op_kind::kMarkAdd, MarkAddPayload(l2, server.kids[1], "3", "answer")),
      server.Op(op_kind::kAttendanceSet, AttendanceSetPayload(l1, server.kids[2], "н"), 0),
      server.Op(op_kind::kLessonSetTopic, LessonSetTopicPayload(l2, "Дроби"), 0),
  };
  ops.push_back(server.Op(op_kind::kMarkRemove, MarkRemovePayload(ops[1].op_id), 1));
  Actor actor = server.teacher1;
  AddJournalRelations(actor, server.s, client);
  JournalContext ctx{server.s, server.t, server.rules, server.today};
  for (const Operation& op : ops) {
    auto local = ApplyJournalOp(client, ctx, op, actor);
    REQUIRE_MESSAGE(local.ok(), local.status().message());
    auto remote = server.Apply(server.teacher1, op);
    REQUIRE_MESSAGE(remote.ok(), remote.status().message());
  }
  CHECK(ToJson(client).dump() == ToJson(SliceForGroup(server.j, server.g_math, std::nullopt)).dump());

  // Idempotent: the same operations again change neither (a mark's id is its op id; a topic or
  // attendance that is already the value is not a change).
  const std::string before = ToJson(client).dump();
  for (const Operation& op : ops) (void)ApplyJournalOp(client, ctx, op, actor);
  CHECK(ToJson(client).dump() == before);

  // Conflict by version: the client's copy is stale (someone changed the cell on the server);
  // its change comes back as a conflict naming the value there now, and nothing changes.
  REQUIRE(server.Do(server.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(l1, server.kids[2], "б"), 1).ok());
  Operation stale = server.Op(op_kind::kAttendanceSet, AttendanceSetPayload(l1, server.kids[2], "у"),
                              client.FindAttendance(l1, server.kids[2])->version);
  CHECK(ApplyJournalOp(client, ctx, stale, actor).ok());  // locally it applies …
  auto remote = server.Apply(server.teacher1, stale);     // … the server has moved on
  CHECK(remote.status().code() == ErrorCode::kConflict);
  CHECK(remote.status().message().find("«б»") != std::string::npos);
  CHECK(server.j.FindAttendance(l1, server.kids[2])->code == "б");
}

}  // namespace
}  // namespace ej
