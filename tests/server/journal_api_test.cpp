// The class journal over real HTTP on the demo school: reading a group's journal, entries by
// the group's teacher, refusals that change nothing, conflicts, corrections with their audit
// in the log, substitutions, and durability across a SIGKILL of the real server process.
#include <doctest/doctest.h>

#include <set>

#include "class_summary.h"
#include "journal.h"
#include "journal_client.h"
#include "op_log.h"
#include "structure.h"
#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using namespace testing;

OpMaker Op({0x70, 0x75});

Structure Snapshot(const DemoServer& server, const httplib::Headers& auth) {
  auto r = server.Client().Get(std::string(protocol::route::kStructure), auth);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return StructureFromJson(BodyOf(r)).value();
}

httplib::Result GetJournal(httplib::Client&& client, const httplib::Headers& auth, int64_t group) {
  return client.Get(JournalPath(group), auth);
}

httplib::Result GetJournal(httplib::Client& client, const httplib::Headers& auth, int64_t group) {
  return client.Get(JournalPath(group), auth);
}

Journal JournalOf(const DemoServer& server, const httplib::Headers& auth, int64_t group) {
  auto r = GetJournal(server.Client(), auth, group);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  auto j = JournalFromJson(BodyOf(r));
  REQUIRE(j.ok());
  return std::move(j.value());
}

// The person behind a demo login.
int64_t PersonOf(Database& db, const char* login) {
  return Count(db, std::string("SELECT person_id FROM accounts WHERE login = '") + login + "'");
}

// A group the person teaches, and one they do not (of the same kind of class).
struct Groups {
  int64_t mine = 0;
  int64_t foreign = 0;
};
Groups GroupsOf(const Structure& s, int64_t person) {
  Groups g;
  for (const auto& w : s.workload) {
    if (w.teacher_id == person && !g.mine) g.mine = w.group_id;
  }
  for (const auto& w : s.workload) {
    bool mine = false;
    for (const auto& v : s.workload) mine = mine || (v.group_id == w.group_id && v.teacher_id == person);
    if (!mine && GradeOfGroup(s, w.group_id) > 1 && !g.foreign) g.foreign = w.group_id;
  }
  return g;
}

// The group's first lesson on or after a day, and a student of the group then.
std::pair<const JournalLesson*, int64_t> LessonAndStudent(const Journal& j, const Structure& s, Date from) {
  for (const JournalLesson* l : j.LessonsOf(j.lessons.begin()->second.lesson.group_id, {from, from.AddDays(60)})) {
    auto students = s.GroupStudents(l->lesson.group_id, l->lesson.date);
    if (!students.empty()) return {l, students.front()};
  }
  FAIL("no lesson with students");
  return {nullptr, 0};
}

Date D(const char* iso) { return *Date::ParseIso(iso); }

}  // namespace

TEST_CASE("the demo school has the year's lessons and a journal up to its date") {
  DemoServer server;
  CHECK(server.summary().lessons > 20000);
  CHECK(server.summary().marks > 1000);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM lessons") == server.summary().lessons);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM marks") == server.summary().marks);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM attendance") > 0);
  // Every demo entry went through the log: the chain holds and counts them.
  REQUIRE(server.db().Read([&](Connection& c) {
    auto report = VerifyLog(c);
    REQUIRE(report.ok());
    CHECK(report->first_break.empty());
    CHECK(report->entries >= server.summary().marks);
    return Status::Ok();
  }).ok());
}

TEST_CASE("the teacher writes in their group's journal, another teacher, a parent and the deputy are refused") {
  DemoServer server;
  auto teacher = server.As("uchitel");
  Structure s = Snapshot(server, server.As("zavuch"));
  int64_t me = PersonOf(server.db(), "uchitel");
  Groups g = GroupsOf(s, me);
  REQUIRE(g.mine);
  REQUIRE(g.foreign);

  Journal mine = JournalOf(server, teacher, g.mine);
  CHECK(!mine.lessons.empty());
  auto [lesson, student] = LessonAndStudent(mine, s, D("2026-09-14"));
  REQUIRE(lesson);
  size_t before = mine.MarksOf(lesson->lesson.id).size();
  Operation add = Op(op_kind::kMarkAdd, MarkAddPayload(lesson->lesson.id, student, "5", "answer", "", "внесено позже"));
  auto r = Push(server.Client(), teacher, {add});
  REQUIRE(r.results.size() == 1);
  CHECK_MESSAGE(r.results[0].outcome == OpOutcome::kApplied, r.results[0].error.message());
  Journal after = JournalOf(server, teacher, g.mine);
  CHECK(after.MarksOf(lesson->lesson.id).size() == before + 1);
  CHECK(after.FindMark(add.op_id)->value == "5");

  // Another teacher's group: no reading, no writing, and nothing changes.
  auto refused_read = GetJournal(server.Client(), teacher, g.foreign);
  CHECK(refused_read->status == 403);
  Journal foreign = JournalOf(server, server.As("zavuch"), g.foreign);
  auto [flesson, fstudent] = LessonAndStudent(foreign, s, D("2026-09-14"));
  int64_t marks_before = Count(server.db(), "SELECT COUNT(*) FROM marks");
  int64_t log_before = Count(server.db(), "SELECT COUNT(*) FROM op_log");
  auto refused = Push(server.Client(), teacher,
                      {Op(op_kind::kMarkAdd, MarkAddPayload(flesson->lesson.id, fstudent, "2", "answer", "", "x"))});
  CHECK(refused.results[0].outcome == OpOutcome::kRejected);
  CHECK(refused.results[0].error.code() == ErrorCode::kForbidden);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM marks") == marks_before);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM op_log") == log_before);

  // The deputy reads every journal but does not write marks; parents and students read none.
  auto deputy = Push(server.Client(), server.As("zavuch"),
                     {Op(op_kind::kMarkAdd, MarkAddPayload(flesson->lesson.id, fstudent, "2", "answer", "", "x"))});
  CHECK(deputy.results[0].error.code() == ErrorCode::kForbidden);
  // A family is told no such group exists (existence must not leak); staff without the right: 403.
  for (const char* login : {"roditel", "uchenik"}) {
    CHECK(GetJournal(server.Client(), server.As(login), g.mine)->status == 404);
    CHECK(GetJournal(server.Client(), server.As(login), 999999)->status == 404);
  }
  CHECK(GetJournal(server.Client(), server.As("admin"), g.mine)->status == 403);
  CHECK(GetJournal(server.Client(), teacher, 999999)->status == 404);
  CHECK(server.Client().Get(std::string(protocol::route::kJournal) + "?group_id=abc", teacher)->status == 400);
}

TEST_CASE("a stale base_version comes back as a conflict, a late correction needs a reason and is logged old → new") {
  DemoServer server;
  auto teacher = server.As("uchitel");
  Structure s = Snapshot(server, server.As("zavuch"));
  Groups g = GroupsOf(s, PersonOf(server.db(), "uchitel"));
  Journal j = JournalOf(server, teacher, g.mine);
  auto [lesson, student] = LessonAndStudent(j, s, D("2026-09-15"));
  int64_t id = lesson->lesson.id;

  // The demo may already have an entry in that cell: start from what the server has.
  if (!j.FindAttendance(id, student)) {
    auto first = Push(server.Client(), teacher, {Op(op_kind::kAttendanceSet, AttendanceSetPayload(id, student, "н", "ввод"), 0)});
    REQUIRE(first.results[0].outcome == OpOutcome::kApplied);
  }
  Journal now = JournalOf(server, teacher, g.mine);
  REQUIRE(now.FindAttendance(id, student));
  int64_t version = now.FindAttendance(id, student)->version;
  std::string old_code = now.FindAttendance(id, student)->code;
  auto stale = Push(server.Client(), teacher,
                    {Op(op_kind::kAttendanceSet, AttendanceSetPayload(id, student, "оп", "справка"), version + 5)});
  CHECK(stale.results[0].outcome == OpOutcome::kConflict);
  CHECK(stale.results[0].error.message().find("сейчас") != std::string::npos);

  // The lesson was long ago (the server's date is in November): a change without a reason is refused.
  auto no_reason = Push(server.Client(), teacher, {Op(op_kind::kAttendanceSet, AttendanceSetPayload(id, student, "оп"), version)});
  CHECK(no_reason.results[0].outcome == OpOutcome::kRejected);
  CHECK(no_reason.results[0].error.field() == "reason");
  Operation fix = Op(op_kind::kAttendanceSet, AttendanceSetPayload(id, student, "оп", "принесли справку"), version);
  auto fixed = Push(server.Client(), teacher, {fix});
  REQUIRE(fixed.results[0].outcome == OpOutcome::kApplied);
  REQUIRE(server.db().Read([&](Connection& c) {
    auto e = FindLogEntry(c, fix.op_id);
    REQUIRE(e.ok());
    REQUIRE(e->has_value());
    CHECK((**e).result["old"]["code"] == old_code);
    CHECK((**e).result["reason"] == "принесли справку");
    CHECK((**e).result["correction"] == true);
    return Status::Ok();
  }).ok());
}

TEST_CASE("a substitution gives the substitute that one lesson and no other lesson of the group") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure s = Snapshot(server, deputy);
  int64_t regular = PersonOf(server.db(), "uchitel");
  int64_t substitute = PersonOf(server.db(), "klruk");
  Groups g = GroupsOf(s, regular);
  // A group of the regular teacher that the substitute does not teach.
  int64_t group = 0;
  for (const auto& w : s.workload) {
    if (w.teacher_id != regular) continue;
    bool theirs = false;
    for (const auto& v : s.workload) theirs = theirs || (v.group_id == w.group_id && v.teacher_id == substitute);
    if (!theirs) group = w.group_id;
  }
  REQUIRE(group);
  (void)g;
  Journal j = JournalOf(server, deputy, group);
  // Two of the group's lessons on days the substitute is free at that hour.
  std::vector<const JournalLesson*> picked;
  for (const JournalLesson* l : j.LessonsOf(group, {D("2026-09-01"), D("2026-11-17")})) {
    auto r = Push(server.Client(), deputy, {Op(op_kind::kLessonSubstitute, LessonSubstitutePayload(l->lesson.id, substitute))});
    if (r.results[0].outcome == OpOutcome::kApplied) {
      picked.push_back(l);
      break;
    }
  }
  REQUIRE(picked.size() == 1);
  const JournalLesson* sub = picked[0];
  const JournalLesson* other = nullptr;
  for (const JournalLesson* l : j.LessonsOf(group, {D("2026-09-01"), D("2026-11-17")})) {
    if (l->lesson.id != sub->lesson.id) other = l;
  }
  REQUIRE(other);
  auto klruk = server.As("klruk");
  auto students = s.GroupStudents(group, sub->lesson.date);
  REQUIRE(!students.empty());
  auto ok = Push(server.Client(), klruk,
                 {Op(op_kind::kLessonSetTopic, LessonSetTopicPayload(sub->lesson.id, "Повторение", "замена"), sub->topic_version),
                  Op(op_kind::kLessonSetTopic, LessonSetTopicPayload(other->lesson.id, "Чужой урок", "замена"))});
  CHECK_MESSAGE(ok.results[0].outcome == OpOutcome::kApplied, ok.results[0].error.message());
  CHECK(ok.results[1].outcome == OpOutcome::kRejected);
  CHECK(ok.results[1].error.code() == ErrorCode::kForbidden);
  // The substitute's day lists the lesson; the regular teacher can no longer write in it.
  auto day = server.Client().Get(std::string(protocol::route::kLessons) + "?date=" + sub->lesson.date.Iso(), klruk);
  REQUIRE(day->status == 200);
  bool listed = false;
  Json day_body = BodyOf(day);
  for (const auto& l : day_body["lessons"]) listed = listed || l["id"] == sub->lesson.id;
  CHECK_MESSAGE(listed, day->body);
  auto regular_try = Push(server.Client(), server.As("uchitel"),
                          {Op(op_kind::kLessonSetTopic, LessonSetTopicPayload(sub->lesson.id, "Моя тема", "x"), 1)});
  CHECK(regular_try.results[0].error.code() == ErrorCode::kForbidden);
}

TEST_CASE("the corrections audit lists a late correction for the deputy, as JSON and as CSV, a teacher is refused") {
  DemoServer server;
  auto teacher = server.As("uchitel");
  Structure s = Snapshot(server, server.As("zavuch"));
  Groups g = GroupsOf(s, PersonOf(server.db(), "uchitel"));
  Journal j = JournalOf(server, teacher, g.mine);
  auto [lesson, student] = LessonAndStudent(j, s, D("2026-09-15"));
  Operation add = Op(op_kind::kMarkAdd, MarkAddPayload(lesson->lesson.id, student, "3", "answer", "", "позже"));
  REQUIRE(Push(server.Client(), teacher, {add}).results[0].outcome == OpOutcome::kApplied);
  Operation fix = Op(op_kind::kMarkSet, MarkSetPayload(add.op_id, "4", "answer", "", "пересдал тему"), 1);
  REQUIRE(Push(server.Client(), teacher, {fix}).results[0].outcome == OpOutcome::kApplied);

  auto deputy = server.As("zavuch");
  auto r = server.Client().Get(std::string(protocol::route::kAudit) + "?what=%D0%9E%D1%82%D0%BC%D0%B5%D1%82%D0%BA%D0%B0", deputy);
  REQUIRE(r->status == 200);
  Json body = BodyOf(r);
  REQUIRE(!body["rows"].empty());
  const Json& row = body["rows"][0];
  CHECK(row["what"] == "Отметка");
  CHECK(row["old"] == "3");
  CHECK(row["new"] == "4");
  CHECK(row["reason"] == "пересдал тему");
  CHECK(row["lesson"] == lesson->lesson.date.Russian());

  auto csv = server.Client().Get(std::string(protocol::route::kAudit) + "?format=csv", deputy);
  REQUIRE(csv->status == 200);
  CHECK(csv->get_header_value("Content-Type").find("text/csv") == 0);
  CHECK(csv->body.find("Когда;Кто;Что;Класс;Предмет;Ученик;Урок;Было;Стало;Причина") != std::string::npos);
  CHECK(csv->body.find("пересдал тему") != std::string::npos);

  // Another class's filter does not show it; a teacher may not read the audit.
  int64_t other_class = 0;
  for (const auto& c : s.classes) {
    const Group* grp = s.FindGroup(g.mine);
    if (std::find(grp->class_ids.begin(), grp->class_ids.end(), c.id) == grp->class_ids.end()) other_class = c.id;
  }
  auto filtered = server.Client().Get(std::string(protocol::route::kAudit) + "?class_id=" + std::to_string(other_class), deputy);
  for (const auto& other : BodyOf(filtered)["rows"]) CHECK(other["reason"] != "пересдал тему");
  CHECK(server.Client().Get(std::string(protocol::route::kAudit), teacher)->status == 403);
}

TEST_CASE("the class teacher reads every subject of the class, only the class's students, and the read is logged") {
  DemoServer server;
  auto klruk = server.As("klruk");
  Structure s = Snapshot(server, server.As("zavuch"));
  int64_t person = PersonOf(server.db(), "klruk");
  int64_t mine = 0, other = 0;
  for (const auto& c : s.classes) {
    if (c.teacher_id == person && !mine) mine = c.id;
    else if (c.teacher_id != person && c.grade >= 5 && !other) other = c.id;
  }
  REQUIRE(mine);
  REQUIRE(other);
  const std::string path = std::string(protocol::route::kClassJournal) + "?class_id=";
  const StudyPeriod* period = nullptr;
  Date today = D("2026-10-20");
  for (const auto& p : s.periods) {
    if (p.range.Contains(today) && p.grade_from <= s.FindClass(mine)->grade && s.FindClass(mine)->grade <= p.grade_to) period = &p;
  }
  REQUIRE(period);
  int64_t logged_before = Count(server.db(), "SELECT COUNT(*) FROM pd_access_log WHERE route = '/api/v1/class-journal'");
  auto r = server.Client().Get(path + std::to_string(mine) + "&from=" + period->range.first.Iso() + "&to=" +
                                   period->range.last.Iso(),
                               klruk);
  REQUIRE(r->status == 200);
  Journal j = JournalFromJson(BodyOf(r)).value();
  auto everyone = s.StudentsEverIn(mine);
  std::set<int64_t> groups;
  for (const auto& [id, l] : j.lessons) groups.insert(l.lesson.group_id);
  CHECK(groups.size() >= 8);  // every subject of the class, not only the class teacher's own
  REQUIRE(!j.marks.empty());
  for (const auto& [id, m] : j.marks) {
    CHECK(std::find(everyone.begin(), everyone.end(), m.student_id) != everyone.end());
  }
  ClassSummary sum = BuildClassSummary(s, j, DefaultSchoolRules(), mine, *period, today);
  CHECK(sum.columns.size() >= 8);  // one per subject (subgroups of a subject share a column)
  CHECK(sum.columns.size() <= groups.size());
  int with_average = 0;
  for (const auto& row : sum.rows) {
    for (const auto& cell : row.cells) with_average += !cell.average.empty();
  }
  CHECK(with_average > static_cast<int>(sum.rows.size()));
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM pd_access_log WHERE route = '/api/v1/class-journal'") == logged_before + 1);

  // Another class, a teacher who leads no class, a parent: refused; an unknown class: not found.
  CHECK(server.Client().Get(path + std::to_string(other), klruk)->status == 403);
  CHECK(server.Client().Get(path + std::to_string(mine), server.As("uchitel"))->status == 403);
  CHECK(server.Client().Get(path + std::to_string(mine), server.As("roditel"))->status == 404);
  CHECK(server.Client().Get(path + "999999", klruk)->status == 404);
  CHECK(server.Client().Get(path + std::to_string(mine), server.As("zavuch"))->status == 200);
  CHECK(server.Client().Get(path + "x", klruk)->status == 400);
}

TEST_CASE("correction requests over HTTP: asked in a locked period, listed for the deputy, approved, audited") {
  DemoServer server;
  auto teacher = server.As("uchitel");
  auto deputy = server.As("zavuch");
  Structure s = Snapshot(server, deputy);
  Groups g = GroupsOf(s, PersonOf(server.db(), "uchitel"));
  Journal j = JournalOf(server, teacher, g.mine);
  auto [lesson, student] = LessonAndStudent(j, s, D("2026-09-15"));
  Operation add = Op(op_kind::kMarkAdd, MarkAddPayload(lesson->lesson.id, student, "3", "answer", "", "позже"));
  REQUIRE(Push(server.Client(), teacher, {add}).results[0].outcome == OpOutcome::kApplied);
  const StudyPeriod* period = PeriodOf(s, GradeOfGroup(s, g.mine), lesson->lesson.date);
  REQUIRE(period);
  REQUIRE(Push(server.Client(), deputy, {Op(op_kind::kPeriodLock, PeriodLockPayload(period->id, true))}).results[0].outcome ==
          OpOutcome::kApplied);

  Operation fix = Op(op_kind::kMarkSet, MarkSetPayload(add.op_id, "4", "answer", "", "пересдал"), 1);
  auto direct = Push(server.Client(), teacher, {fix});
  CHECK(direct.results[0].outcome == OpOutcome::kRejected);
  CHECK(direct.results[0].error.field() == "approval");
  auto asked = Push(server.Client(), teacher, {Op(op_kind::kCorrectionRequest, CorrectionRequestPayload(fix, "пересдал тему"))});
  REQUIRE(asked.results[0].outcome == OpOutcome::kApplied);

  auto listed = BodyOf(server.Client().Get(std::string(protocol::route::kCorrections), deputy));
  REQUIRE(listed["requests"].size() == 1);
  const Json& row = listed["requests"][0];
  CHECK(row["state"] == "pending");
  CHECK(row["old"] == "3");
  CHECK(row["new"] == "4");
  CHECK(row["reason"] == "пересдал тему");
  CHECK(row["what"] == "Отметка");
  CHECK(std::find(listed["locked_periods"].begin(), listed["locked_periods"].end(), Json(period->id)) !=
        listed["locked_periods"].end());
  // The author sees it, another teacher does not, a parent and the technical administrator are refused.
  CHECK(BodyOf(server.Client().Get(std::string(protocol::route::kCorrections), teacher))["requests"].size() == 1);
  CHECK(BodyOf(server.Client().Get(std::string(protocol::route::kCorrections), server.As("klruk")))["requests"].empty());
  CHECK(server.Client().Get(std::string(protocol::route::kCorrections), server.As("roditel"))->status == 403);
  CHECK(server.Client().Get(std::string(protocol::route::kCorrections), server.As("admin"))->status == 403);

  int64_t id = row["id"].get<int64_t>();
  REQUIRE(Push(server.Client(), deputy, {Op(op_kind::kCorrectionDecide, CorrectionDecidePayload(id, true, "согласовано"))})
              .results[0]
              .outcome == OpOutcome::kApplied);
  CHECK(JournalOf(server, teacher, g.mine).FindMark(add.op_id)->value == "4");
  auto after = BodyOf(server.Client().Get(std::string(protocol::route::kCorrections), deputy));
  CHECK(after["requests"][0]["state"] == "approved");
  CHECK(after["requests"][0]["decision_comment"] == "согласовано");
  auto audit = BodyOf(server.Client().Get(std::string(protocol::route::kAudit), deputy));
  bool found = false;
  for (const auto& a : audit["rows"]) found = found || (a["reason"].get<std::string>().find("пересдал тему (одобрил ") == 0 && a["old"] == "3" && a["new"] == "4");
  CHECK(found);
}

// ---- durability: the real binary, killed with SIGKILL after acknowledging a mark ----

TEST_CASE("a mark acknowledged by the server survives a SIGKILL of the server process") {
  testing::TempDir dir;
  std::string db = dir.File("ej.db");
  std::string cmd = std::string(EJ_SERVER_BIN) + " demo --db " + db + " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);

  Process p = StartServer(db, dir.File("serve1.log"));
  httplib::Client client("127.0.0.1", p.port);
  client.set_read_timeout(30);
  auto teacher = Login(client, "uchitel");
  auto deputy = Login(client, "zavuch");
  auto sr = client.Get(std::string(protocol::route::kStructure), deputy);
  Structure s = StructureFromJson(BodyOf(sr)).value();
  auto me = client.Get(std::string(protocol::route::kMe), teacher);
  REQUIRE(me->status == 200);
  int64_t group = 0;
  {
    // The teacher's groups, via the people: find the person behind "uchitel" by the workload
    // the teacher may read.
    for (const auto& w : s.workload) {
      if (group) break;
      if (GetJournal(client, teacher, w.group_id)->status == 200 && GradeOfGroup(s, w.group_id) > 1) group = w.group_id;
    }
  }
  REQUIRE(group);
  auto jr = GetJournal(client, teacher, group);
  Journal j = JournalFromJson(BodyOf(jr)).value();
  auto [lesson, student] = LessonAndStudent(j, s, D("2026-09-08"));
  Operation add = Op(op_kind::kMarkAdd, MarkAddPayload(lesson->lesson.id, student, "4", "answer", "пересдача", "пересдача"));
  auto r = Push(client, teacher, {add});
  REQUIRE(r.results[0].outcome == OpOutcome::kApplied);
  // The lesson's notes, and two more marks in the cell whose ids sort against the order they
  // were given: after the restart the cell still shows them as given.
  Operation notes = Op(op_kind::kLessonSetNotes, LessonSetNotesPayload(lesson->lesson.id, "Урок в музее", "уточнение"));
  Operation later = Op(op_kind::kMarkAdd, MarkAddPayload(lesson->lesson.id, student, "5", "answer", "", "поздно"));
  Operation latest = Op(op_kind::kMarkAdd, MarkAddPayload(lesson->lesson.id, student, "3", "answer", "", "поздно"));
  later.op_id = "ffffffff-0000-4000-8000-000000000001";
  latest.op_id = "00000000-0000-4000-8000-000000000002";
  later.client_time = 1'790'000'000'000;
  latest.client_time = 1'790'000'060'000;
  auto r2 = Push(client, teacher, {notes, later, latest});
  for (const auto& res : r2.results) REQUIRE_MESSAGE(res.outcome == OpOutcome::kApplied, res.error.message());
  Kill(p);

  Process again = StartServer(db, dir.File("serve2.log"));
  httplib::Client client2("127.0.0.1", again.port);
  client2.set_read_timeout(30);
  httplib::Headers teacher2 = Login(client2, "uchitel");
  Journal back = JournalFromJson(BodyOf(GetJournal(client2, teacher2, group))).value();
  REQUIRE(back.FindMark(add.op_id) != nullptr);
  CHECK(back.FindMark(add.op_id)->value == "4");
  CHECK(back.FindLesson(lesson->lesson.id)->notes == "Урок в музее");
  std::string order;
  for (const Mark* m : back.MarksOf(lesson->lesson.id)) {
    if (m->student_id == student && (m->id == add.op_id || m->id == later.op_id || m->id == latest.op_id)) order += m->value;
  }
  CHECK(order == "453");
  // Re-sending it after the restart has no second effect.
  auto resend = Push(client2, teacher2, {add});
  CHECK(resend.results[0].outcome == OpOutcome::kApplied);
  Journal once = JournalFromJson(BodyOf(GetJournal(client2, teacher2, group))).value();
  size_t count = 0;
  for (const Mark* m : once.MarksOf(lesson->lesson.id)) count += m->id == add.op_id;
  CHECK(count == 1);
  Kill(again);
}

}  // namespace ej::server
