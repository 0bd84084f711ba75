// Pull since a cursor (issue 6, journal_pull.h) over real HTTP on the demo school: a class
// teacher (A, of a class that gets marks) keeps the journals of a group they teach and of a group of their class taught by
// another teacher (B). After A's cursor, B corrects and adds marks and attendance in that group,
// a third teacher (C) adds a mark in a group A may not read, the deputy locks a period. A's pull
// brings B's changes and the lock, never C's group; A's copies with the changes applied equal
// the server's journal. A family is refused; a structural change asks for a resync.
#include <doctest/doctest.h>

#include "journal.h"
#include "journal_client.h"
#include "journal_pull.h"
#include "sqlite_store.h"
#include "structure.h"
#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using namespace testing;

OpMaker Op({0x70, 0x75, 0x6c}, 1'795'000'000'000);

void Applied(httplib::Client& client, const httplib::Headers& auth, const Operation& op) {
  auto r = client.Post(std::string(protocol::route::kOps), auth, ToJson(PushRequest{{op}}).dump(), "application/json");
  auto resp = PushResponseFromJson(BodyOf(r)).value();
  REQUIRE(resp.results.size() == 1);
  REQUIRE_MESSAGE(resp.results[0].outcome == OpOutcome::kApplied, op.kind << ": " << resp.results[0].error.message());
}

JournalPull PullOf(httplib::Client& client, const httplib::Headers& auth, int64_t cursor) {
  std::string path(protocol::route::kJournalChanges);
  if (cursor > 0) path += "?cursor=" + std::to_string(cursor);
  auto r = client.Get(path, auth);
  REQUIRE(r);
  REQUIRE_MESSAGE(r->status == 200, r->body.substr(0, 200));
  return JournalPullFromJson(BodyOf(r)).value();
}

const GroupChanges* Find(const JournalPull& p, int64_t group) {
  for (const GroupChanges& g : p.groups) {
    if (g.group_id == group) return &g;
  }
  return nullptr;
}

struct School {
  DemoServer server;
  httplib::Client client = server.Client();
  httplib::Headers head = server.As("direktor");
  httplib::Headers deputy = server.As("zavuch");
  httplib::Headers a, b, c;
  Structure s;
  Date today = LocalDate(1'795'000'000);
  DateRange range{today.AddDays(-21), today};
  int64_t klruk = 0, g_own = 0, g_klass = 0, g_foreign = 0;

  School() {
    s = StructureFromJson(BodyOf(client.Get(std::string(protocol::route::kStructure), head))).value();
    // A: the class teacher of a class that gets marks (not the first grade) this year.
    for (const auto& cls : s.classes) {
      const Person* p = s.FindPerson(cls.teacher_id);
      if (!p || p->Has(Role::kHead) || p->Has(Role::kDeputy)) continue;  // they read every journal
      if (!klruk && cls.grade >= 5 && s.YearOf(today) && cls.year_id == s.YearOf(today)->id) {
        klruk = cls.teacher_id;
      }
    }
    REQUIRE(klruk);
    a = Issue(klruk);
    std::set<int64_t> led;
    for (const auto& cls : s.classes) {
      if (cls.teacher_id == klruk) led.insert(cls.id);
    }
    REQUIRE(!led.empty());
    auto in_led = [&](int64_t group) {
      const Group* g = s.FindGroup(group);
      for (int64_t id : g->class_ids) {
        if (led.count(id)) return true;
      }
      return false;
    };
    auto taught_by_a = [&](int64_t group) {
      for (const auto& w : s.workload) {
        if (w.group_id == group && w.teacher_id == klruk) return true;
      }
      return false;
    };
    int64_t teacher_b = 0, teacher_c = 0;
    for (const auto& w : s.workload) {
      if (!s.FindGroup(w.group_id) || s.FindGroup(w.group_id)->year_id != s.YearOf(today)->id) continue;
      if (!g_own && w.teacher_id == klruk) g_own = w.group_id;
      if (!g_klass && w.teacher_id != klruk && in_led(w.group_id) && !taught_by_a(w.group_id)) {
        g_klass = w.group_id;
        teacher_b = w.teacher_id;
      }
    }
    for (const auto& w : s.workload) {
      if (g_foreign || w.teacher_id == klruk || w.teacher_id == teacher_b) continue;
      const Person* p = s.FindPerson(w.teacher_id);
      if (!p || p->Has(Role::kHead) || p->Has(Role::kDeputy)) continue;
      const Group* g = s.FindGroup(w.group_id);
      if (!g || g->year_id != s.YearOf(today)->id || in_led(w.group_id) || taught_by_a(w.group_id)) continue;
      if (GradeOfGroup(s, w.group_id) < 2) continue;  // the first grade gets no marks
      g_foreign = w.group_id;
      teacher_c = w.teacher_id;
    }
    REQUIRE(g_own);
    REQUIRE(g_klass);
    REQUIRE(g_foreign);
    b = Issue(teacher_b);
    c = Issue(teacher_c);
  }

  // A password for the teacher's account from the technical administrator; their bearer header.
  httplib::Headers Issue(int64_t person) {
    httplib::Headers admin = server.As("admin");
    auto list = protocol::AccountListFromJson(BodyOf(client.Get(std::string(protocol::route::kAccounts), admin))).value();
    for (const auto& acc : list.accounts) {
      if (acc.person_id != person) continue;
      auto issued = client.Post(std::string(protocol::route::kAccountPassword), admin,
                                protocol::ToJson(protocol::AccountRef{acc.account_id}).dump(), "application/json");
      auto pw = protocol::IssuedPasswordFromJson(BodyOf(issued)).value();
      auto r = client.Post(std::string(protocol::route::kLogin), protocol::ToJson(protocol::LoginRequest{pw.login, pw.password}).dump(),
                           "application/json");
      return {{"Authorization", "Bearer " + protocol::LoginResponseFromJson(BodyOf(r)).value().token}};
    }
    FAIL("no account for person " << person);
    return {};
  }

  Journal Slice(int64_t group, const httplib::Headers& auth) {
    return JournalFromJson(BodyOf(client.Get(JournalPath(group, range), auth))).value();
  }

  // The group's last lesson up to today with a student: (lesson, student).
  std::pair<int64_t, int64_t> LessonOf(int64_t group) {
    Journal j = Slice(group, head);
    auto lessons = j.LessonsOf(group, range);
    for (auto it = lessons.rbegin(); it != lessons.rend(); ++it) {
      auto kids = s.GroupStudents(group, (*it)->lesson.date);
      if (!kids.empty()) return {(*it)->lesson.id, kids.front()};
    }
    FAIL("no lesson of group " << group);
    return {0, 0};
  }
};

}  // namespace

TEST_CASE("pull since a cursor: the class teacher gets another teacher's changes in their class, never a foreign group") {
  School t;
  auto [l_klass, s_klass] = t.LessonOf(t.g_klass);
  auto [l_foreign, s_foreign] = t.LessonOf(t.g_foreign);
  // B's mark before A's cursor: A's copy has it, B removes it afterwards.
  Operation old_mark = Op(op_kind::kMarkAdd, MarkAddPayload(l_klass, s_klass, "3", ""));
  Applied(t.client, t.b, old_mark);

  // A keeps nothing yet: a resync with the current cursor, then the journals whole.
  JournalPull first = PullOf(t.client, t.a, 0);
  CHECK(first.resync);
  REQUIRE(first.cursor > 0);
  CHECK(first.groups.empty());
  Journal own = t.Slice(t.g_own, t.a);
  Journal klass = t.Slice(t.g_klass, t.a);
  REQUIRE(klass.FindMark(old_mark.op_id));
  // A may not read C's group at all.
  CHECK(t.client.Get(JournalPath(t.g_foreign, t.range), t.a)->status == 403);

  // Nothing happened since: nothing comes, the cursor stays.
  JournalPull idle = PullOf(t.client, t.a, first.cursor);
  CHECK(!idle.resync);
  CHECK(idle.groups.empty());
  CHECK(idle.cursor == first.cursor);

  // After the cursor: B removes the old mark, adds one and an absence; C marks in C's group; the
  // deputy locks a period.
  Applied(t.client, t.b, Op(op_kind::kMarkRemove, MarkRemovePayload(old_mark.op_id), 1));
  Operation new_mark = Op(op_kind::kMarkAdd, MarkAddPayload(l_klass, s_klass, "5", ""));
  Applied(t.client, t.b, new_mark);
  auto kids = t.s.GroupStudents(t.g_klass, klass.FindLesson(l_klass)->lesson.date);
  REQUIRE(kids.size() >= 2);
  Applied(t.client, t.b, Op(op_kind::kAttendanceSet, AttendanceSetPayload(l_klass, kids[1], "н")));
  Operation foreign_mark = Op(op_kind::kMarkAdd, MarkAddPayload(l_foreign, s_foreign, "4", ""));
  Applied(t.client, t.c, foreign_mark);
  const StudyPeriod* last_period = nullptr;
  for (const auto& p : t.s.periods) {
    if (!last_period || last_period->range.first < p.range.first) last_period = &p;
  }
  Applied(t.client, t.deputy, Op(op_kind::kPeriodLock, PeriodLockPayload(last_period->id, true)));

  auto raw = t.client.Get(std::string(protocol::route::kJournalChanges) + "?cursor=" + std::to_string(first.cursor), t.a);
  REQUIRE(raw);
  REQUIRE(raw->status == 200);
  // C's mark is in no part of the answer (neither its group nor its id).
  CHECK(raw->body.find(foreign_mark.op_id) == std::string::npos);
  JournalPull pull = JournalPullFromJson(BodyOf(raw)).value();
  CHECK(!pull.resync);
  CHECK(pull.cursor > first.cursor);
  CHECK(Find(pull, t.g_foreign) == nullptr);
  CHECK(Find(pull, t.g_own) == nullptr);  // untouched
  const GroupChanges* changes = Find(pull, t.g_klass);
  REQUIRE(changes != nullptr);
  CHECK(changes->lessons.count(l_klass) == 1);
  CHECK(changes->rows.FindMark(new_mark.op_id) != nullptr);
  CHECK(changes->rows.FindMark(old_mark.op_id) == nullptr);
  CHECK(pull.locked_periods.count(last_period->id) == 1);

  // A's copies with the changes applied are the server's journal, row for row.
  ApplyGroupChanges(klass, t.g_klass, t.range, *changes, pull.locked_periods);
  GroupChanges none;
  none.group_id = t.g_own;
  ApplyGroupChanges(own, t.g_own, t.range, none, pull.locked_periods);
  CHECK(ToJson(klass).dump() == ToJson(t.Slice(t.g_klass, t.a)).dump());
  CHECK(ToJson(own).dump() == ToJson(t.Slice(t.g_own, t.a)).dump());
  CHECK(klass.FindMark(old_mark.op_id) == nullptr);
  CHECK(klass.FindAttendance(l_klass, kids[1])->code == "н");

  // C, who teaches the foreign group, gets their own mark and not the class teacher's group.
  JournalPull of_c = PullOf(t.client, t.c, first.cursor);
  REQUIRE(Find(of_c, t.g_foreign) != nullptr);
  CHECK(Find(of_c, t.g_foreign)->rows.FindMark(foreign_mark.op_id) != nullptr);
  CHECK(Find(of_c, t.g_klass) == nullptr);
  // The deputy reads every group: both.
  JournalPull of_deputy = PullOf(t.client, t.deputy, first.cursor);
  CHECK(Find(of_deputy, t.g_foreign) != nullptr);
  CHECK(Find(of_deputy, t.g_klass) != nullptr);
}

TEST_CASE("pull since a cursor: a family is refused, a cursor ahead of the log or a structural change asks for a resync") {
  School t;
  auto parent = t.server.As("roditel");
  CHECK(t.client.Get(std::string(protocol::route::kJournalChanges) + "?cursor=1", parent)->status == 403);
  CHECK(t.client.Get(std::string(protocol::route::kJournalChanges) + "?cursor=x", t.a)->status == 400);
  JournalPull first = PullOf(t.client, t.a, 0);
  REQUIRE(first.resync);
  CHECK(PullOf(t.client, t.a, first.cursor + 1000).resync);
  // Lessons generated again (a structural change of the journal): the copies are reloaded whole.
  auto [l_klass, s_klass] = t.LessonOf(t.g_klass);
  Applied(t.client, t.b, Op(op_kind::kMarkAdd, MarkAddPayload(l_klass, s_klass, "4", "")));
  CHECK(!PullOf(t.client, t.a, first.cursor).resync);
  Applied(t.client, t.deputy, Op(op_kind::kLessonsGenerate, LessonsGeneratePayload(t.s.YearOf(t.today)->id, t.today.AddDays(1))));
  JournalPull after = PullOf(t.client, t.a, first.cursor);
  CHECK(after.resync);
  CHECK(after.groups.empty());
  CHECK(after.cursor > first.cursor);
}

}  // namespace ej::server
