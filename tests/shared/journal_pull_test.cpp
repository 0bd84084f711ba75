// Pull since a cursor (journal_pull.h): what an operation touched, the answer for a user — only
// what the access policy lets them read — and the client's merge: a copy cut by SliceForGroup,
// with the changes applied, equals the server's slice.
#include <doctest/doctest.h>

#include "journal_pull.h"
#include "journal_school.h"
#include "school_rules.h"
#include "timetable.h"

namespace ej::testing {
namespace {

struct Pulled : JournalSchool {
  std::vector<JournalTouch> touches;
  const DateRange range{D("2026-09-01"), D("2026-10-31")};

  JournalApplied Logged(const Actor& who, std::string_view kind, protocol::Json payload, int64_t base = 0) {
    auto r = Do(who, kind, std::move(payload), base);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    touches.push_back(TouchOf(j, *r));
    return *r;
  }
  const GroupChanges* Of(const JournalPull& p, int64_t group) {
    for (const GroupChanges& g : p.groups) {
      if (g.group_id == group) return &g;
    }
    return nullptr;
  }
  std::string Server(int64_t group) { return ToJson(SliceForGroup(j, group, range)).dump(); }
};

}  // namespace

TEST_CASE("pull: a teacher's copy takes the changes after the cursor to the server's state, another teacher's group never comes") {
  Pulled t;
  const int64_t l1 = t.LessonOn(t.g_math, "2026-09-09"), l2 = t.LessonOn(t.g_math, "2026-09-10");
  const std::string removed = t.AddMark(l1, t.kids[0], "3");
  const std::string changed = t.AddMark(l1, t.kids[1], "4");
  Journal math = SliceForGroup(t.j, t.g_math, t.range);
  Journal en1 = SliceForGroup(t.j, t.g_en1, t.range);

  // After the cursor: t1 removes one mark, changes another, adds one, an absence, a topic, a
  // period mark; t2 marks in their own English subgroup.
  t.Logged(t.teacher1, op_kind::kMarkRemove, MarkRemovePayload(removed), 1);
  t.Logged(t.teacher1, op_kind::kMarkSet, MarkSetPayload(changed, "5", "answer", ""), 1);
  t.Logged(t.teacher1, op_kind::kMarkAdd, MarkAddPayload(l2, t.kids[2], "5", "answer"));
  t.Logged(t.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(l2, t.kids[3], "н"));
  t.Logged(t.teacher1, op_kind::kLessonSetTopic, LessonSetTopicPayload(l2, "Дроби"));
  const int64_t en2_lesson = t.LessonOn(t.g_en2, "2026-09-09");
  t.Logged(t.teacher2, op_kind::kMarkAdd, MarkAddPayload(en2_lesson, t.kids[2], "4", "answer"));
  CHECK(t.touches[0].lessons.count(l1) == 1);  // the removed mark's lesson, from the log's old value

  Actor teacher1 = t.TeacherActor(t.t1);
  JournalPull pull = BuildJournalPull(t.j, t.s, teacher1, t.touches, 42);
  CHECK(pull.cursor == 42);
  CHECK(!pull.resync);
  REQUIRE(t.Of(pull, t.g_math) != nullptr);
  CHECK(t.Of(pull, t.g_en2) == nullptr);  // t1 may not read t2's subgroup
  CHECK(t.Of(pull, t.g_en1) == nullptr);  // untouched
  // Through JSON, as on the wire.
  JournalPull wire = JournalPullFromJson(ToJson(pull)).value();
  CHECK(ToJson(wire).dump() == ToJson(pull).dump());
  ApplyGroupChanges(math, t.g_math, t.range, *t.Of(wire, t.g_math), wire.locked_periods);
  CHECK(ToJson(math).dump() == t.Server(t.g_math));
  CHECK(math.FindMark(removed) == nullptr);
  CHECK(math.FindMark(changed)->value == "5");
  CHECK(math.FindLesson(l2)->topic == "Дроби");

  // The head reads every group: the English subgroup too.
  JournalPull all = BuildJournalPull(t.j, t.s, t.head, t.touches, 42);
  CHECK(t.Of(all, t.g_en2) != nullptr);
  // The unchanged copy stays as it was and equal to the server.
  CHECK(ToJson(en1).dump() == t.Server(t.g_en1));
}

TEST_CASE("pull: a substitute gets the lesson they keep, not the rest of the group") {
  Pulled t;
  const int64_t kept = t.LessonOn(t.g_en2, "2026-09-09"), other = t.LessonOn(t.g_en2, "2026-09-07");
  const int64_t t3 = 12;  // a teacher with no groups of their own
  t.s.persons[t3] = Person{t3, {"Лебедева", "Анна", "Олеговна"}, std::nullopt, 'f', {Role::kTeacher}};
  t.Logged(t.head, op_kind::kLessonSubstitute, LessonSubstitutePayload(kept, t3));
  t.Logged(t.teacher2, op_kind::kMarkAdd, MarkAddPayload(other, t.kids[2], "4", "answer"));
  Actor sub = t.TeacherActor(t3);
  REQUIRE(sub.substituted_lessons.count(kept) == 1);
  JournalPull pull = BuildJournalPull(t.j, t.s, sub, t.touches, 7);
  const GroupChanges* en2 = t.Of(pull, t.g_en2);
  REQUIRE(en2 != nullptr);
  CHECK(en2->lessons == std::set<int64_t>{kept});
  CHECK(en2->rows.FindLesson(other) == nullptr);
  CHECK(en2->rows.marks.empty());
}

TEST_CASE("pull: structural changes, the timetable, the rules and generated lessons need a resync; a family may not pull") {
  CHECK(PullNeedsResync(op_kind::kLessonsGenerate));
  CHECK(PullNeedsResync(op_kind::kWorkloadSet));
  CHECK(PullNeedsResync("rules.update"));
  CHECK(!PullNeedsResync(op_kind::kMarkAdd));
  CHECK(!PullNeedsResync(op_kind::kPeriodLock));
  Actor parent;
  parent.roles = {Role::kParent};
  CHECK(MayPullJournal(parent).code() == ErrorCode::kForbidden);
  Actor teacher;
  teacher.roles = {Role::kTeacher};
  CHECK(MayPullJournal(teacher).ok());
  JournalPull r = ResyncPull(9);
  JournalPull back = JournalPullFromJson(ToJson(r)).value();
  CHECK(back.resync);
  CHECK(back.cursor == 9);
  CHECK(back.groups.empty());
}

}  // namespace ej::testing
