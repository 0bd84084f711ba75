// Sync (issue 6, R6) over real HTTP on the demo school: a batch holding valid, invalid and
// conflicting operations (each its outcome, refused ones change nothing); the client's copy and
// the server's journal taking the same operations to the same state; and the real binary killed
// with SIGKILL in the middle of a large batch, the batch re-sent: every operation has exactly one
// effect.
#include <doctest/doctest.h>

#include <unistd.h>

#include <thread>

#include "journal.h"
#include "journal_client.h"
#include "school_rules.h"
#include "sqlite_store.h"
#include "structure.h"
#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using namespace testing;

OpMaker Op({0x51, 0x6e, 0x63}, 1'795'000'000'000);

// The teacher's side as the desk builds it: the snapshot, the rules, the actor.
struct Teacher {
  Structure s;
  SchoolRules rules;
  Actor actor;
  int64_t group = 0;
  httplib::Headers auth;
};

Teacher LoadTeacher(const DemoServer& server) {
  Teacher t;
  t.auth = server.As("uchitel");
  httplib::Client c = server.Client();
  t.s = StructureFromJson(BodyOf(c.Get(std::string(protocol::route::kStructure), t.auth))).value();
  t.rules = SchoolRulesFromJson(BodyOf(c.Get(std::string(protocol::route::kRules), t.auth))).value();
  auto me = protocol::MeResponseFromJson(BodyOf(c.Get(std::string(protocol::route::kMe), t.auth))).value();
  t.actor.person_id = me.user.person_id;
  t.actor.account_id = me.user.id;
  t.actor.roles = me.user.roles;
  for (const auto& cls : t.s.classes) {
    if (cls.teacher_id == me.user.person_id) t.actor.led_classes.insert(cls.id);
  }
  for (const auto& w : t.s.workload) {
    if (w.teacher_id == me.user.person_id && GradeOfGroup(t.s, w.group_id) > 1) {
      t.group = w.group_id;
      break;
    }
  }
  REQUIRE(t.group);
  return t;
}

// The server's "today" in DemoServer (its clock says 1'795'000'000).
Date ServerToday() { return LocalDate(1'795'000'000); }

}  // namespace

TEST_CASE("a batch with valid, invalid and conflicting operations: each gets its outcome, the refused change nothing") {
  DemoServer server;
  Teacher t = LoadTeacher(server);
  httplib::Client c = server.Client();
  const Date today = ServerToday();
  const DateRange range{today.AddDays(-14), today};
  Journal before = JournalFromJson(BodyOf(c.Get(JournalPath(t.group, range), t.auth))).value();
  std::vector<const JournalLesson*> lessons = before.LessonsOf(t.group, range);
  REQUIRE(lessons.size() >= 2);
  const JournalLesson* lesson = lessons.back();
  auto students = t.s.GroupStudents(t.group, lesson->lesson.date);
  REQUIRE(students.size() >= 3);
  // Someone set an attendance the client has not seen.
  REQUIRE(Push(c, t.auth, {Op(op_kind::kAttendanceSet, AttendanceSetPayload(lesson->lesson.id, students[2], "б"))})
              .results[0].outcome == OpOutcome::kApplied);
  int64_t log_before = Count(server.db(), "SELECT COUNT(*) FROM op_log");

  Operation valid = Op(op_kind::kMarkAdd, MarkAddPayload(lesson->lesson.id, students[0], "5", "answer"));
  Operation invalid = Op(op_kind::kMarkAdd, MarkAddPayload(lesson->lesson.id, students[1], "9", "answer"));
  Operation conflicting = Op(op_kind::kAttendanceSet, AttendanceSetPayload(lesson->lesson.id, students[2], "н"), 0);
  Operation valid2 = Op(op_kind::kAttendanceSet, AttendanceSetPayload(lesson->lesson.id, students[1], "н"), 0);
  PushResponse r = Push(c, t.auth, {valid, invalid, conflicting, valid2});
  REQUIRE(r.results.size() == 4);
  CHECK(r.results[0].outcome == OpOutcome::kApplied);
  CHECK(r.results[1].outcome == OpOutcome::kRejected);
  CHECK(!r.results[1].error.message().empty());
  CHECK(r.results[2].outcome == OpOutcome::kConflict);
  CHECK(r.results[2].error.message().find("«б»") != std::string::npos);  // what is there now
  CHECK(r.results[3].outcome == OpOutcome::kApplied);
  // Exactly the applied ones are in the log; the refused ones changed nothing.
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM op_log") == log_before + 2);
  Journal after = JournalFromJson(BodyOf(c.Get(JournalPath(t.group, range), t.auth))).value();
  CHECK(after.FindMark(valid.op_id) != nullptr);
  CHECK(after.FindMark(invalid.op_id) == nullptr);
  CHECK(after.FindAttendance(lesson->lesson.id, students[2])->code == "б");
  CHECK(after.FindAttendance(lesson->lesson.id, students[1])->code == "н");
  // The whole batch again: the applied ones are not applied twice, the answers are the same.
  PushResponse again = Push(c, t.auth, {valid, invalid, conflicting, valid2});
  CHECK(again.results[0].outcome == OpOutcome::kApplied);
  CHECK(again.results[0].seq == r.results[0].seq);
  CHECK(again.results[2].outcome == OpOutcome::kConflict);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM op_log") == log_before + 2);
}

TEST_CASE("the client's copy and the server take the same operations to the same state") {
  DemoServer server;
  Teacher t = LoadTeacher(server);
  httplib::Client c = server.Client();
  const Date today = ServerToday();
  const DateRange range{today.AddDays(-6), today};
  Journal local = JournalFromJson(BodyOf(c.Get(JournalPath(t.group, range), t.auth))).value();
  std::vector<Operation> ops;
  std::vector<const JournalLesson*> lessons = local.LessonsOf(t.group, range);
  REQUIRE(!lessons.empty());
  Timetable no_timetable;
  for (const JournalLesson* l : lessons) {
    auto students = t.s.GroupStudents(t.group, l->lesson.date);
    for (size_t i = 0; i < students.size() && i < 6; ++i) {
      ops.push_back(Op(op_kind::kMarkAdd, MarkAddPayload(l->lesson.id, students[i], i % 2 ? "4" : "5", "answer")));
    }
    if (!students.empty()) {
      const AttendanceMark* a = local.FindAttendance(l->lesson.id, students.back());
      ops.push_back(Op(op_kind::kAttendanceSet, AttendanceSetPayload(l->lesson.id, students.back(), "н"), a ? a->version : 0));
    }
    ops.push_back(Op(op_kind::kLessonSetTopic, LessonSetTopicPayload(l->lesson.id, "Повторение"), l->topic_version));
  }
  // The client applies them at once, as the desk does.
  Actor actor = t.actor;
  AddJournalRelations(actor, t.s, local);
  JournalContext ctx{t.s, no_timetable, t.rules, today};
  for (const Operation& op : ops) {
    auto applied = ApplyJournalOp(local, ctx, op, actor);
    REQUIRE_MESSAGE(applied.ok(), applied.status().message());
  }
  PushResponse r = Push(c, t.auth, ops);
  for (const OpResult& res : r.results) CHECK_MESSAGE(res.outcome == OpOutcome::kApplied, res.error.message());
  Journal on_server = JournalFromJson(BodyOf(c.Get(JournalPath(t.group, range), t.auth))).value();
  CHECK(ToJson(SliceForGroup(local, t.group, range)).dump() == ToJson(on_server).dump());
  // Re-applying on the client what it already holds changes nothing (mark ids are op ids).
  Journal twice = local;
  for (const Operation& op : ops) {
    if (op.kind == op_kind::kMarkAdd) CHECK(ApplyJournalOp(twice, ctx, op, actor).status().code() == ErrorCode::kConflict);
  }
  CHECK(ToJson(twice).dump() == ToJson(local).dump());
}

// ---- SIGKILL in the middle of a large batch ----

TEST_CASE("the server killed with SIGKILL in the middle of a large batch: re-sent, every operation has exactly one effect") {
  testing::TempDir dir;
  std::string db = dir.File("ej.db");
  std::string cmd = std::string(EJ_SERVER_BIN) + " demo --db " + db + " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);

  Process p = StartServer(db, dir.File("serve1.log"));
  httplib::Client client("127.0.0.1", p.port);
  client.set_read_timeout(60);
  httplib::Headers teacher = Login(client, "uchitel");
  Structure s = StructureFromJson(BodyOf(client.Get(std::string(protocol::route::kStructure), teacher))).value();
  auto me = protocol::MeResponseFromJson(BodyOf(client.Get(std::string(protocol::route::kMe), teacher))).value();
  // The teacher's groups and their lessons in September (late marks: with a reason).
  std::vector<Operation> batch;
  for (const auto& w : s.workload) {
    if (w.teacher_id != me.user.person_id || batch.size() >= kMaxOpsPerPush) continue;
    Journal j = JournalFromJson(BodyOf(client.Get(JournalPath(w.group_id, {*Date::ParseIso("2026-09-07"), *Date::ParseIso("2026-09-30")}),
                                                  teacher))).value();
    for (const JournalLesson* l : j.LessonsOf(w.group_id, {*Date::ParseIso("2026-09-07"), *Date::ParseIso("2026-09-30")})) {
      for (int64_t student : s.GroupStudents(w.group_id, l->lesson.date)) {
        if (batch.size() >= kMaxOpsPerPush) break;
        batch.push_back(Op(op_kind::kMarkAdd, MarkAddPayload(l->lesson.id, student, "4", "answer", "", "запись с бумажного листа")));
      }
    }
  }
  REQUIRE(batch.size() == kMaxOpsPerPush);
  const std::string body = ToJson(PushRequest{batch}).dump();
  // The batch goes; the server is killed while it works on it (the answer never comes).
  std::thread sender([&] {
    httplib::Client c("127.0.0.1", p.port);
    c.set_read_timeout(60);
    (void)c.Post(std::string(protocol::route::kOps), teacher, body, "application/json");
  });
  // Killed once the batch has arrived (its body is ~140 KB) and while it is applied: the
  // server takes longer than this for 500 operations with an fsync'd commit.
  usleep(40 * 1000);
  Kill(p);
  sender.join();
  std::string ids;
  for (const Operation& op : batch) ids += (ids.empty() ? "'" : ",'") + op.op_id + "'";
  {
    // One transaction per batch: after the kill either none of it or all of it is there.
    auto opened = Database::Open(db, {});
    REQUIRE(opened.ok());
    int64_t committed = Count(*opened.value(), "SELECT COUNT(*) FROM op_log WHERE op_id IN (" + ids + ")");
    MESSAGE("operations of the batch committed before the kill: " << committed);
    CHECK((committed == 0 || committed == static_cast<int64_t>(batch.size())));
  }

  Process again = StartServer(db, dir.File("serve2.log"));
  httplib::Client client2("127.0.0.1", again.port);
  client2.set_read_timeout(60);
  httplib::Headers teacher2 = Login(client2, "uchitel");
  // Re-sent as the client's outbox would: the same op ids. Twice, for good measure.
  for (int round = 0; round < 2; ++round) {
    PushResponse r = Push(client2, teacher2, batch);
    REQUIRE(r.results.size() == batch.size());
    for (const OpResult& res : r.results) CHECK_MESSAGE(res.outcome == OpOutcome::kApplied, res.error.message());
  }
  Kill(again);
  // Exactly one log entry and one mark per operation.
  auto opened = Database::Open(db, {});
  REQUIRE(opened.ok());
  Database& d = *opened.value();
  CHECK(Count(d, "SELECT COUNT(*) FROM op_log WHERE op_id IN (" + ids + ")") == static_cast<int64_t>(batch.size()));
  CHECK(Count(d, "SELECT COUNT(DISTINCT op_id) FROM op_log WHERE op_id IN (" + ids + ")") == static_cast<int64_t>(batch.size()));
  CHECK(Count(d, "SELECT COUNT(*) FROM marks WHERE id IN (" + ids + ")") == static_cast<int64_t>(batch.size()));
  // The hash chain is whole.
  std::string verify = std::string(EJ_SERVER_BIN) + " verify --db " + db + " > /dev/null 2>&1";
  CHECK(std::system(verify.c_str()) == 0);
}

}  // namespace ej::server
