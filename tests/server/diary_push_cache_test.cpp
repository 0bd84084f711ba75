// A teacher's push drops only the kept diaries of the students it touched (R19, issue 7): the
// other families' diaries stay kept and are served as they are, and a touched student's diary
// shows the change on the very next request after the push is acknowledged. Over real HTTP on
// the demo school; the store's count of built diaries tells a kept diary from a rebuilt one.
#include <doctest/doctest.h>

#include <algorithm>

#include "diary.h"
#include "diary_touch.h"
#include "journal.h"
#include "journal_client.h"
#include "sqlite_store.h"
#include "structure.h"
#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::BodyOf;
using testing::DemoServer;

const std::string kWeek = "&from=2026-09-14&to=2026-09-20";

DiaryView Diary(const DemoServer& server, const httplib::Headers& auth, int64_t student) {
  auto r = server.Client().Get(std::string(protocol::route::kDiary) + "?student_id=" + std::to_string(student) + kWeek,
                               auth);
  REQUIRE(r);
  REQUIRE_MESSAGE(r->status == 200, r->body);
  auto view = DiaryViewFromJson(BodyOf(r));
  REQUIRE(view.ok());
  return *view;
}

// One operation pushed as the teacher; it must be applied.
void Push(const DemoServer& server, const httplib::Headers& auth, const Operation& op) {
  PushResponse resp = testing::Push(server.Client(), auth, {op});
  REQUIRE(resp.results.size() == 1);
  REQUIRE_MESSAGE(resp.results[0].outcome == OpOutcome::kApplied, resp.results[0].error.message());
}

bool HasMark(const DiaryView& d, const std::string& mark_id) {
  for (const auto& day : d.days) {
    for (const auto& l : day.lessons) {
      for (const auto& m : l.marks) {
        if (m.id == mark_id) return true;
      }
    }
  }
  return false;
}

std::string TopicOf(const DiaryView& d, int64_t lesson_id) {
  for (const auto& day : d.days) {
    for (const auto& l : day.lessons) {
      if (l.lesson_id == lesson_id) return l.topic;
    }
  }
  return "(нет урока)";
}

}  // namespace

TEST_CASE("a push drops only the touched students' kept diaries and the touched ones show the change at once") {
  DemoServer server;
  SqliteStore& store = server.store();
  auto teacher = server.As("uchitel");
  auto head = server.As("direktor");
  int64_t me = testing::Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'uchitel'");
  int64_t group = testing::Count(server.db(), "SELECT MIN(group_id) FROM workload WHERE teacher_id = " + std::to_string(me));
  Journal j = JournalFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kJournal) + "?group_id=" +
                                                             std::to_string(group) + kWeek,
                                                         teacher)))
                  .value();
  Structure s = StructureFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kStructure), head))).value();
  REQUIRE(!j.lessons.empty());
  const JournalLesson& lesson = j.lessons.begin()->second;
  auto in_group = s.GroupStudents(group, lesson.lesson.date);
  REQUIRE(in_group.size() >= 2);
  const int64_t a = in_group[0];  // gets the mark
  const int64_t b = in_group[1];  // same group, another student
  // A student the group never held (another class).
  std::set<int64_t> ever = StudentsEverInGroup(s, group);
  REQUIRE(ever.count(a) == 1);
  int64_t c = 0;
  for (const Enrollment& e : s.enrollments) {
    if (ever.count(e.student_id) == 0) {
      c = e.student_id;
      break;
    }
  }
  REQUIRE(c != 0);

  // Every diary read once (built), then again: all three kept.
  DiaryView a0 = Diary(server, head, a), b0 = Diary(server, head, b), c0 = Diary(server, head, c);
  const uint64_t built = store.DiariesBuilt();
  CHECK(Diary(server, head, a) == a0);
  CHECK(Diary(server, head, b) == b0);
  CHECK(Diary(server, head, c) == c0);
  REQUIRE(store.DiariesBuilt() == built);

  // A mark for A: B's and C's kept diaries are served as they are, A's is rebuilt with the mark.
  Operation mark;
  mark.op_id = "6d61726b-0000-4000-8000-0000000000a1";
  mark.kind = std::string(op_kind::kMarkAdd);
  mark.payload = MarkAddPayload(lesson.lesson.id, a, "4", "answer", "", "внесено позже");
  mark.device = "test";
  Push(server, teacher, mark);
  CHECK(Diary(server, head, b) == b0);
  CHECK(Diary(server, head, c) == c0);
  CHECK(store.DiariesBuilt() == built);
  DiaryView a1 = Diary(server, head, a);
  CHECK(HasMark(a1, mark.op_id));
  CHECK_FALSE(HasMark(a0, mark.op_id));
  CHECK(store.DiariesBuilt() == built + 1);
  CHECK(Diary(server, head, a) == a1);  // and kept again
  CHECK(store.DiariesBuilt() == built + 1);

  // The lesson's topic: every student of the group is touched (A and B rebuilt), C is not.
  Operation topic;
  topic.op_id = "746f7069-0000-4000-8000-0000000000a2";
  topic.kind = std::string(op_kind::kLessonSetTopic);
  topic.payload = LessonSetTopicPayload(lesson.lesson.id, "Проверка кэша дневников", "внесено позже");
  topic.base_version = lesson.topic_version;  // the topic as the teacher saw it
  topic.device = "test";
  Push(server, teacher, topic);
  CHECK(Diary(server, head, c) == c0);
  CHECK(store.DiariesBuilt() == built + 1);
  CHECK(TopicOf(Diary(server, head, a), lesson.lesson.id) == "Проверка кэша дневников");
  CHECK(TopicOf(Diary(server, head, b), lesson.lesson.id) == "Проверка кэша дневников");
  CHECK(store.DiariesBuilt() == built + 3);
}

}  // namespace ej::server
