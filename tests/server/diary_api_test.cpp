// The family's cabinet over real HTTP on the demo school: the children, the diary of each,
// a family asking for a student not theirs (404, nothing read, nothing logged), and the
// personal-data access log of staff reads that only the head sees (R7, R19, R22).
#include <doctest/doctest.h>

#include "diary.h"
#include "journal.h"
#include "sqlite_store.h"
#include "structure.h"
#include "journal_client.h"
#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::BodyOf;
using testing::Count;
using testing::DemoServer;

std::string DiaryPath(int64_t student, const std::string& extra = "&from=2026-09-14&to=2026-09-20") {
  return std::string(protocol::route::kDiary) + "?student_id=" + std::to_string(student) + extra;
}

Result<DiaryView> GetDiary(const DemoServer& server, const httplib::Headers& auth, int64_t student,
                           const std::string& extra = "&from=2026-09-14&to=2026-09-20") {
  auto r = server.Client().Get(DiaryPath(student, extra), auth);
  REQUIRE(r);
  if (r->status != 200) return protocol::ErrorFromJson(BodyOf(r), r->status);
  return DiaryViewFromJson(BodyOf(r));
}

std::vector<ChildInfo> Children(const DemoServer& server, const httplib::Headers& auth) {
  auto r = server.Client().Get(std::string(protocol::route::kChildren), auth);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return ChildrenFromJson(BodyOf(r)).value();
}

}  // namespace

TEST_CASE("a parent lists their children and opens each one's week; a student opens their own") {
  DemoServer server;
  auto parent = server.As("roditel");
  int64_t parent_id = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'roditel'");
  auto kids = Children(server, parent);
  REQUIRE(static_cast<int64_t>(kids.size()) ==
          Count(server.db(), "SELECT COUNT(*) FROM guardianships WHERE parent_id = " + std::to_string(parent_id)));
  for (const ChildInfo& kid : kids) {
    CAPTURE(kid.name);
    CHECK(!kid.class_name.empty());
    auto diary = GetDiary(server, parent, kid.student_id);
    REQUIRE_MESSAGE(diary.ok(), diary.status().message());
    CHECK(diary->student == kid.name);
    REQUIRE(diary->days.size() == 7);
    CHECK(diary->days[0].date == *Date::ParseIso("2026-09-14"));
    size_t lessons = 0, marks = 0;
    for (const auto& d : diary->days) {
      lessons += d.lessons.size();
      for (const auto& l : d.lessons) {
        marks += l.marks.size();
        CHECK(!l.subject.empty());
        CHECK(!l.start.empty());
      }
    }
    CHECK(lessons >= 20);
    CHECK(marks > 0);
    CHECK(!diary->subjects.empty());
    CHECK_FALSE(diary->partial);
  }
  // The student: themself only.
  auto student = server.As("uchenik");
  auto self = Children(server, student);
  REQUIRE(self.size() == 1);
  CHECK(self[0].student_id == Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'uchenik'"));
  CHECK(GetDiary(server, student, self[0].student_id).ok());
  // Staff have no children to switch between.
  CHECK(Children(server, server.As("uchitel")).empty());
  // Without dates: the current week from its Monday.
  auto week = GetDiary(server, student, self[0].student_id, "");
  REQUIRE(week.ok());
  CHECK(week->days.size() == 7);
  CHECK(week->range.first.Weekday() == 1);
  CHECK(week->range.first == LocalDate(1'795'000'000).AddDays(1 - LocalDate(1'795'000'000).Weekday()));
  // Bad parameters.
  CHECK(server.Client().Get(std::string(protocol::route::kDiary) + "?student_id=abc", student)->status == 400);
  CHECK(server.Client().Get(DiaryPath(self[0].student_id, "&from=2026-09-20&to=2026-09-14"), student)->status == 400);
  CHECK(server.Client().Get(DiaryPath(self[0].student_id, "&from=14.09.2026"), student)->status == 400);
}

TEST_CASE("a mark the teacher enters appears in the student's diary for the family and the class teacher") {
  DemoServer server;
  auto teacher = server.As("uchitel");
  auto head = server.As("direktor");
  int64_t me = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'uchitel'");
  int64_t group = Count(server.db(), "SELECT MIN(group_id) FROM workload WHERE teacher_id = " + std::to_string(me));
  auto r = server.Client().Get(std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(group) +
                                   "&from=2026-09-14&to=2026-09-20",
                               teacher);
  Journal j = JournalFromJson(BodyOf(r)).value();
  Structure s = StructureFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kStructure), head))).value();
  REQUIRE(!j.lessons.empty());
  const JournalLesson& lesson = j.lessons.begin()->second;
  int64_t student = s.GroupStudents(group, lesson.lesson.date).front();
  // Read first: the server keeps a whole diary until the next change, which must drop it.
  auto before = GetDiary(server, head, student);
  REQUIRE(before.ok());
  REQUIRE(*GetDiary(server, head, student) == *before);
  Operation op;
  op.op_id = "6d61726b-0000-4000-8000-000000000001";
  op.kind = std::string(op_kind::kMarkAdd);
  op.payload = MarkAddPayload(lesson.lesson.id, student, "3", "control", "Повторить дроби", "внесено позже");
  op.device = "test";
  auto pushed = server.Client().Post(std::string(protocol::route::kOps), teacher, ToJson(PushRequest{{op}}).dump(),
                                     "application/json");
  auto resp = PushResponseFromJson(BodyOf(pushed)).value();
  REQUIRE_MESSAGE(resp.results[0].outcome == OpOutcome::kApplied, resp.results[0].error.message());

  auto diary = GetDiary(server, head, student);
  REQUIRE(diary.ok());
  bool found = false;
  for (const auto& d : diary->days) {
    for (const auto& l : d.lessons) {
      for (const auto& m : l.marks) {
        if (m.id != op.op_id) continue;
        found = true;
        CHECK(l.lesson_id == lesson.lesson.id);
        CHECK(m.value == "3");
        CHECK(m.type_name == "Контрольная работа");
        CHECK(m.weight == 3);
        CHECK(m.comment == "Повторить дроби");
      }
    }
  }
  CHECK(found);
  // The teacher sees that student's diary, only their own subjects.
  auto by_teacher = GetDiary(server, teacher, student);
  REQUIRE(by_teacher.ok());
  CHECK(by_teacher->partial);
  for (const auto& subj : by_teacher->subjects) {
    bool taught = Count(server.db(), "SELECT COUNT(*) FROM workload WHERE teacher_id = " + std::to_string(me) +
                                       " AND group_id = " + std::to_string(subj.group_id)) > 0;
    CHECK(taught);
  }
}

TEST_CASE("a parent asking for a student not theirs gets 404 whatever the id, and nothing is logged") {
  DemoServer server;
  auto parent = server.As("roditel");
  int64_t parent_id = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'roditel'");
  int64_t other = Count(server.db(),
                      "SELECT MIN(student_id) FROM guardianships WHERE student_id NOT IN "
                      "(SELECT student_id FROM guardianships WHERE parent_id = " + std::to_string(parent_id) + ")");
  int64_t teacher = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'uchitel'");
  int64_t log_before = Count(server.db(), "SELECT COUNT(*) FROM pd_access_log");
  for (int64_t id : {other, teacher, parent_id, int64_t{999999}, int64_t{0}}) {
    CAPTURE(id);
    auto r = server.Client().Get(DiaryPath(id), parent);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(protocol::ErrorFromJson(BodyOf(r), 404).message() == "Ученик не найден.");
  }
  // The same for a student asking for a classmate.
  auto student = server.As("uchenik");
  CHECK(server.Client().Get(DiaryPath(other), student)->status == 404);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM pd_access_log") == log_before);
}

TEST_CASE("staff reads of a student's data are logged; the head alone reads the log") {
  DemoServer server;
  auto head = server.As("direktor");
  auto klruk = server.As("klruk");
  auto teacher = server.As("uchitel");
  auto parent = server.As("roditel");
  int64_t klruk_id = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'klruk'");
  int64_t klass = Count(server.db(), "SELECT id FROM classes WHERE class_teacher_id = " + std::to_string(klruk_id));
  int64_t pupil = Count(server.db(), "SELECT MIN(student_id) FROM enrollments WHERE class_id = " + std::to_string(klass));
  int64_t me = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'uchitel'");
  int64_t group = Count(server.db(), "SELECT MIN(group_id) FROM workload WHERE teacher_id = " + std::to_string(me));
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM pd_access_log") == 0);

  REQUIRE(GetDiary(server, klruk, pupil).ok());
  REQUIRE(server.Client().Get(std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(group), teacher)->status ==
          200);
  // The family's own reads are not staff reads; refusals are not reads.
  auto kids = Children(server, parent);
  REQUIRE(!kids.empty());
  REQUIRE(GetDiary(server, parent, kids[0].student_id).ok());
  CHECK(server.Client().Get(DiaryPath(pupil), server.As("admin"))->status == 403);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM pd_access_log") == 2);

  std::string today = LocalDate(1'795'000'000).Iso();
  auto r = server.Client().Get(std::string(protocol::route::kPdLog) + "?from=" + today + "&to=" + today, head);
  REQUIRE(r->status == 200);
  auto log = protocol::PdAccessLogFromJson(BodyOf(r));
  REQUIRE(log.ok());
  REQUIRE(log->entries.size() == 2);
  // Newest first: the journal, then the diary.
  CHECK(log->entries[0].route == protocol::route::kJournal);
  CHECK(log->entries[0].group_id == group);
  CHECK(log->entries[0].student_ids.empty());
  CHECK(log->entries[1].route == protocol::route::kDiary);
  CHECK(log->entries[1].student_ids == std::vector<int64_t>{pupil});
  CHECK(log->entries[1].at == 1'795'000'000);
  CHECK(!log->entries[1].who.empty());
  // Another day: nothing. The deputy, a teacher and a parent may not read the log.
  auto earlier = server.Client().Get(std::string(protocol::route::kPdLog) + "?from=2026-09-01&to=2026-09-30", head);
  CHECK(protocol::PdAccessLogFromJson(BodyOf(earlier))->entries.empty());
  for (const char* login : {"zavuch", "uchitel", "admin", "roditel"}) {
    CHECK(server.Client().Get(std::string(protocol::route::kPdLog), server.As(login))->status == 403);
  }
  CHECK(server.Client().Get(std::string(protocol::route::kPdLog) + "?from=2026-09-30&to=2026-09-01", head)->status == 400);
}

}  // namespace ej::server
