// The structure snapshot, the operations push and the log, over real HTTP on the demo school.
#include <doctest/doctest.h>

#include "journal_client.h"
#include "op_log.h"
#include "structure.h"
#include "test_env.h"
#include "timetable_store.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::BodyOf;
using testing::Count;
using testing::DemoServer;

Structure Snapshot(const DemoServer& server, const httplib::Headers& auth) {
  auto r = server.Client().Get(std::string(protocol::route::kStructure), auth);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  auto s = StructureFromJson(BodyOf(r));
  REQUIRE(s.ok());
  return std::move(s.value());
}

testing::OpMaker Op({0xab, 0xcd});

PushResponse Push(const DemoServer& server, const httplib::Headers& auth, std::vector<Operation> ops) {
  return testing::Push(server.Client(), auth, std::move(ops));
}

Date D(const char* iso) { return *Date::ParseIso(iso); }

}  // namespace

TEST_CASE("the deputy reads the structure with personal data — the technical administrator without it") {
  DemoServer server;
  Structure full = Snapshot(server, server.As("zavuch"));
  CHECK(full.years.size() == 1);
  CHECK(full.periods.size() == 6);
  CHECK(full.holidays.size() == 4);
  CHECK(full.classes.size() == 26);
  int with_birth = 0;
  for (const auto& [id, p] : full.persons) with_birth += p.birth_date.has_value();
  CHECK(with_birth > 700);

  Structure limited = Snapshot(server, server.As("admin"));
  CHECK(limited.classes.size() == 26);
  for (const auto& [id, p] : limited.persons) {
    CHECK_FALSE(p.birth_date.has_value());
    CHECK(p.sex == 0);
    CHECK_FALSE(p.Has(Role::kStudent));  // account work needs no roster (R22)
  }
  CHECK(limited.enrollments.empty());
  CHECK(limited.guardianships.empty());

  // A teacher sees only the students of the groups they teach.
  Structure teacher = Snapshot(server, server.As("uchitel"));
  size_t students = 0;
  for (const auto& [id, p] : teacher.persons) students += p.Has(Role::kStudent);
  CHECK(students > 0);
  CHECK(students < 723);
  CHECK(teacher.guardianships.empty());
}

TEST_CASE("parents and students cannot read the school's structure") {
  DemoServer server;
  for (const char* login : {"roditel", "uchenik"}) {
    auto r = server.Client().Get(std::string(protocol::route::kStructure), server.As(login));
    REQUIRE(r);
    CHECK(r->status == 403);
    CHECK(BodyOf(r)["error"]["code"] == "forbidden");
  }
  auto anonymous = server.Client().Get(std::string(protocol::route::kStructure));
  CHECK(anonymous->status == 401);
}

TEST_CASE("the deputy creates a class and students — the log holds each change once") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure before = Snapshot(server, deputy);
  const int64_t log_before = Count(server.db(), "SELECT COUNT(*) FROM op_log");  // the demo's journal
  int64_t year = before.years[0].id;
  Operation create_class = Op(op_kind::kClassCreate, ClassCreatePayload(year, 11, "В", 0));
  auto r = Push(server, deputy, {create_class, Op(op_kind::kClassCreate, ClassCreatePayload(year, 11, "В", 0))});
  REQUIRE(r.results.size() == 2);
  CHECK(r.results[0].outcome == OpOutcome::kApplied);
  int64_t class_id = r.results[0].created_id;
  CHECK(class_id > 0);
  CHECK(r.results[1].outcome == OpOutcome::kRejected);
  CHECK(r.results[1].error.field() == "letter");
  CHECK(r.results[1].error.message().find("11В") != std::string::npos);

  StudentDraft good{{"Орлов", "Пётр", "Ильич"}, D("2009-05-01"), 'm'};
  StudentDraft bad{{"Орл0в", "Пётр", ""}, D("2009-05-01"), 'm'};
  Operation add = Op(op_kind::kStudentCreate, StudentCreatePayload(good, class_id, D("2026-11-28")));
  auto added = Push(server, deputy, {add, Op(op_kind::kStudentCreate, StudentCreatePayload(bad, class_id, D("2026-11-28")))});
  CHECK(added.results[0].outcome == OpOutcome::kApplied);
  CHECK(added.results[1].outcome == OpOutcome::kRejected);

  // Re-sending the same operations (a retry after a lost answer) has no second effect.
  auto again = Push(server, deputy, {create_class, add});
  CHECK(again.results[0].outcome == OpOutcome::kApplied);
  CHECK(again.results[0].created_id == class_id);
  CHECK(again.results[1].outcome == OpOutcome::kApplied);
  CHECK(again.results[1].created_id == added.results[0].created_id);

  Structure after = Snapshot(server, deputy);
  CHECK(after.classes.size() == 27);
  auto students = after.StudentsOf(class_id, D("2026-12-01"));
  REQUIRE(students.size() == 1);
  CHECK(after.FindPerson(students[0])->name.last == "Орлов");
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM op_log") == log_before + 2);
  // The new student got an own account without a password (R9).
  CHECK(Count(server.db(),
                  "SELECT COUNT(*) FROM accounts a JOIN persons p ON p.id = a.person_id "
                  "WHERE p.last_name = 'Орлов' AND p.first_name = 'Пётр' AND a.password_hash IS NULL") == 1);
}

TEST_CASE("a teacher, a parent, a student and the technical administrator cannot change the structure") {
  DemoServer server;
  Structure s = Snapshot(server, server.As("zavuch"));
  int64_t year = s.years[0].id;
  const int64_t log_before = Count(server.db(), "SELECT COUNT(*) FROM op_log");
  for (const char* login : {"uchitel", "klruk", "roditel", "uchenik", "admin"}) {
    auto r = Push(server, server.As(login), {Op(op_kind::kClassCreate, ClassCreatePayload(year, 11, "Д", 0))});
    REQUIRE(r.results.size() == 1);
    CHECK(r.results[0].outcome == OpOutcome::kRejected);
    CHECK(r.results[0].error.code() == ErrorCode::kForbidden);
  }
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM classes") == 26);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM op_log") == log_before);
}

TEST_CASE("a malformed push is a 400 and changes nothing") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  const int64_t log_before = Count(server.db(), "SELECT COUNT(*) FROM op_log");
  for (const char* body : {"{", "{\"ops\": 5}", "{\"ops\": [{\"op_id\": \"x\", \"kind\": \"class.create\", \"payload\": {}}]}"}) {
    auto r = server.Client().Post(std::string(protocol::route::kOps), deputy, body, "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
  }
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM op_log") == log_before);
}

TEST_CASE("verify finds a changed entry and a deleted entry in the log") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  int64_t year = Snapshot(server, deputy).years[0].id;
  const int64_t base = Count(server.db(), "SELECT COALESCE(MAX(seq), 0) FROM op_log");  // the demo's journal
  std::vector<Operation> ops;
  for (const char* letter : {"В", "Г", "Д"}) ops.push_back(Op(op_kind::kClassCreate, ClassCreatePayload(year, 10, letter, 0)));
  REQUIRE(Push(server, deputy, ops).results[2].outcome == OpOutcome::kApplied);

  auto verify = [&] {
    ChainReport report;
    REQUIRE(server.db().Read([&](Connection& c) {
      report = VerifyLog(c).value();
      return Status::Ok();
    }).ok());
    return report;
  };
  ChainReport clean = verify();
  CHECK(clean.entries == base + 3);
  CHECK(clean.first_break.empty());

  // Someone edits the stored payload of the second entry behind the server's back.
  REQUIRE(server.db().Write([&](Connection& c) {
    return c.Exec("UPDATE op_log SET payload = replace(payload, 'Г', 'Ж') WHERE seq = " + std::to_string(base + 2));
  }).ok());
  ChainReport changed = verify();
  CHECK(changed.break_seq == base + 2);
  CHECK(changed.first_break.find("изменено") != std::string::npos);

  REQUIRE(server.db().Write([&](Connection& c) {
    Status s = c.Exec("UPDATE op_log SET payload = replace(payload, 'Ж', 'Г') WHERE seq = " + std::to_string(base + 2));
    if (!s.ok()) return s;
    return c.Exec("DELETE FROM op_log WHERE seq = " + std::to_string(base + 2));
  }).ok());
  ChainReport deleted = verify();
  CHECK(deleted.break_seq == base + 3);
  CHECK(deleted.first_break.find("ссылка") != std::string::npos);
}

}  // namespace ej::server

#include "setup_checklist.h"

namespace ej::server {

TEST_CASE("the demo school is fully set up: the checklist is empty and every group has a teacher") {
  DemoServer server;
  Structure s = Snapshot(server, server.As("zavuch"));
  auto items = SetupChecklist(s, s.years[0].id);
  CHECK_MESSAGE(items.empty(), (items.empty() ? std::string() : items[0].message));
  CHECK(s.subjects.size() > 15);
  CHECK(s.groups.size() > 26 * 10);
  for (const auto& g : s.groups) CHECK(s.GroupWorkloadHours(g.id) > 0);
  int subgroups = 0;
  for (const auto& g : s.groups) subgroups += g.kind == GroupKind::kSubgroup;
  CHECK(subgroups > 0);
}

TEST_CASE("workload over the curriculum is refused over HTTP and the stored plan is unchanged") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure s = Snapshot(server, deputy);
  const Group& g = s.groups.front();
  const WorkloadLine* line = nullptr;
  for (const auto& w : s.workload) {
    if (w.group_id == g.id) line = &w;
  }
  REQUIRE(line);
  auto r = Push(server, deputy, {Op(op_kind::kWorkloadSet, WorkloadSetPayload(line->teacher_id, g.id, line->hours + 1))});
  CHECK(r.results[0].outcome == OpOutcome::kRejected);
  CHECK(r.results[0].error.message().find("по учебному плану") != std::string::npos);
  Structure after = Snapshot(server, deputy);
  CHECK(after.GroupWorkloadHours(g.id) == s.GroupWorkloadHours(g.id));
}

}  // namespace ej::server

#include "structure_store.h"

namespace ej::server {

// Compares two snapshots key by key, naming the part that differs (never printing them whole).
static void CheckSameSnapshot(const Structure& a, const Structure& b) {
  Json ja = ToJson(a, {.personal_data = true}), jb = ToJson(b, {.personal_data = true});
  for (auto it = ja.begin(); it != ja.end(); ++it) {
    bool same = jb.contains(it.key()) && jb[it.key()] == it.value();
    CHECK_MESSAGE(same, "the snapshot's «" << it.key() << "» differs");
    if (!same && it.value().is_array() && jb[it.key()].is_array()) {
      for (size_t i = 0; i < std::min(it.value().size(), jb[it.key()].size()); ++i) {
        if (it.value()[i] != jb[it.key()][i]) {
          MESSAGE("first difference: " << it.value()[i].dump() << " vs " << jb[it.key()][i].dump());
          break;
        }
      }
    }
  }
}

// What the tables hold, read afresh (not the server's cached copy).
static Structure FromTables(DemoServer& server) {
  Structure s;
  REQUIRE(server.db().Read([&](Connection& c) {
    auto loaded = LoadStructure(c, 1);
    if (!loaded.ok()) return loaded.status();
    s = std::move(loaded.value());
    return Status::Ok();
  }).ok());
  return s;
}

TEST_CASE("a year rollover of the demo school is stored exactly as the core applied it") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure before = Snapshot(server, deputy);
  int64_t year = before.years[0].id;
  auto r = Push(server, deputy,
                {Op(op_kind::kYearRollover, YearRolloverPayload(year, "2027/2028", {D("2027-09-01"), D("2028-08-31")}))});
  REQUIRE(r.results[0].outcome == OpOutcome::kApplied);
  int64_t next = r.results[0].created_id;

  Structure cached = Snapshot(server, deputy);
  Structure stored = FromTables(server);
  CheckSameSnapshot(stored, cached);

  auto next_classes = stored.ClassesOf(next);
  CHECK(next_classes.size() == 24);  // 26 classes less the two 11th grades
  size_t moved = 0;
  for (const SchoolClass* c : next_classes) moved += stored.StudentsOf(c->id, D("2027-09-01")).size();
  size_t eleventh = 0;
  for (const SchoolClass* c : before.ClassesOf(year)) {
    if (c->grade == 11) eleventh += before.StudentsOf(c->id, D("2027-05-01")).size();
  }
  CHECK(moved == 723 - eleventh);
  CHECK(stored.periods.size() == 12);
  // The old year is untouched.
  for (const SchoolClass* c : before.ClassesOf(year)) {
    CHECK(stored.StudentsOf(c->id, D("2027-05-01")) == before.StudentsOf(c->id, D("2027-05-01")));
  }
}

TEST_CASE("people, parents' links, groups and workload survive a restart of the server") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure s = Snapshot(server, deputy);
  int64_t year = s.years[0].id;
  const SchoolClass* c = s.ClassesOf(year)[0];
  int64_t student = s.StudentsOf(c->id, D("2026-10-01"))[0];
  auto r = Push(server, deputy,
                {Op(op_kind::kPersonCreate, PersonCreatePayload({"Новикова", "Ирина", "Олеговна"}, {Role::kParent})),
                 Op(op_kind::kPersonCreate, PersonCreatePayload({"Громов", "Артём", "Сергеевич"}, {Role::kTeacher}))});
  REQUIRE(r.results[0].outcome == OpOutcome::kApplied);
  REQUIRE(r.results[1].outcome == OpOutcome::kApplied);
  int64_t parent = r.results[0].created_id, teacher = r.results[1].created_id;
  int64_t subject = s.subjects[0].id;
  auto more = Push(server, deputy,
                   {Op(op_kind::kGuardianLink, GuardianLinkPayload(parent, student, "guardian")),
                    Op(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kElective, "Шахматный клуб", subject, {c->id})),
                    Op(op_kind::kCurriculumSet, CurriculumSetPayload(year, 11, subject, 1, "технологический"))});
  for (const auto& res : more.results) CHECK_MESSAGE(res.outcome == OpOutcome::kApplied, res.error.message());
  int64_t group = more.results[1].created_id;
  auto members = Push(server, deputy, {Op(op_kind::kGroupSetMembers, GroupSetMembersPayload(group, {student})),
                                       Op(op_kind::kWorkloadSet, WorkloadSetPayload(teacher, group, 1))});
  for (const auto& res : members.results) CHECK_MESSAGE(res.outcome == OpOutcome::kApplied, res.error.message());

  Structure stored = FromTables(server);
  CheckSameSnapshot(stored, Snapshot(server, deputy));
  CHECK(stored.FindGroup(group)->members == std::vector<int64_t>{student});
  CHECK(stored.GroupWorkloadHours(group) == 1);
  bool linked = false;
  for (const auto& g : stored.guardianships) linked = linked || (g.parent_id == parent && g.student_id == student);
  CHECK(linked);
}

TEST_CASE("individual study plans are stored, read back from the tables, and seen only with their student") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure s = Snapshot(server, deputy);
  Structure teacher_view = Snapshot(server, server.As("uchitel"));
  int64_t year = s.years[0].id;
  // One student the teacher sees and one they do not.
  int64_t seen = 0, unseen = 0;
  for (const auto& [id, p] : s.persons) {
    if (!p.Has(Role::kStudent) || !s.ClassInYear(id, year)) continue;
    const bool visible = teacher_view.FindPerson(id) != nullptr;
    if (visible && seen == 0) seen = id;
    if (!visible && unseen == 0) unseen = id;
  }
  REQUIRE(seen != 0);
  REQUIRE(unseen != 0);
  // The demo school comes with two plans (an extra hour, an exemption).
  REQUIRE(s.iup.size() == 2);
  const int64_t demo_lines = Count(server.db(), "SELECT COUNT(*) FROM iup_lines");
  CHECK(demo_lines == 2);
  bool exempt = false;
  for (const IupLine& l : s.iup) exempt = exempt || (l.mode == IupMode::kReplace && l.hours == 0);
  CHECK(exempt);
  // Half an hour less of the first subject of each one's plan: always within СанПиН.
  std::vector<Operation> ops;
  for (int64_t student : {seen, unseen}) {
    auto plan = s.StudentPlan(student, year);
    REQUIRE_FALSE(plan.empty());
    ops.push_back(Op(op_kind::kIupSet, IupSetPayload(year, student, plan[0].subject_id, "replace", plan[0].hours - 0.5)));
  }
  // Far over the weekly maximum: refused with the reason, nothing stored.
  ops.push_back(Op(op_kind::kIupSet, IupSetPayload(year, seen, s.StudentPlan(seen, year)[1].subject_id, "add", 10)));
  auto r = Push(server, deputy, ops);
  REQUIRE(r.results.size() == 3);
  CHECK_MESSAGE(r.results[0].outcome == OpOutcome::kApplied, r.results[0].error.message());
  CHECK_MESSAGE(r.results[1].outcome == OpOutcome::kApplied, r.results[1].error.message());
  CHECK(r.results[2].outcome == OpOutcome::kRejected);
  CHECK(r.results[2].error.message().find("по СанПиН") != std::string::npos);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM iup_lines") == demo_lines + 2);

  Structure stored = FromTables(server);
  CHECK(stored.iup.size() == static_cast<size_t>(demo_lines) + 2);
  CheckSameSnapshot(stored, Snapshot(server, deputy));
  // The teacher gets the lines of the students they see, the new one included; the technical
  // administrator none.
  Structure teacher = Snapshot(server, server.As("uchitel"));
  bool has_seen = false;
  for (const IupLine& l : teacher.iup) {
    CHECK(l.student_id != unseen);
    CHECK(teacher.FindPerson(l.student_id) != nullptr);
    has_seen = has_seen || l.student_id == seen;
  }
  CHECK(has_seen);
  CHECK(Snapshot(server, server.As("admin")).iup.empty());
  // A teacher cannot write a plan.
  auto refused = Push(server, server.As("uchitel"), {Op(op_kind::kIupSet, IupSetPayload(year, seen, s.StudentPlan(seen, year)[0].subject_id, "none", 0))});
  CHECK(refused.results[0].outcome == OpOutcome::kRejected);
  CHECK(refused.results[0].error.code() == ErrorCode::kForbidden);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM iup_lines") == demo_lines + 2);
}

TEST_CASE("/me names the person behind the account, the one the structure snapshot knows") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  auto r = server.Client().Get(std::string(protocol::route::kMe), deputy);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  auto me = protocol::MeResponseFromJson(BodyOf(r));
  REQUIRE(me.ok());
  CHECK(me->user.person_id > 0);
  Structure s = Snapshot(server, deputy);
  const Person* p = s.FindPerson(me->user.person_id);
  REQUIRE(p != nullptr);
  CHECK(FullName(p->name) == me->user.name);
  CHECK(p->Has(Role::kDeputy));
}

}  // namespace ej::server

#include "school_rules.h"

namespace ej::server {

static SchoolRules RulesOf(const DemoServer& server, const httplib::Headers& auth) {
  auto r = server.Client().Get(std::string(protocol::route::kRules), auth);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  auto rules = SchoolRulesFromJson(BodyOf(r));
  REQUIRE(rules.ok());
  return std::move(rules.value());
}

TEST_CASE("every user reads the school's rules — only the administration changes them, version by version") {
  DemoServer server;
  SchoolRules seen_by_parent = RulesOf(server, server.As("roditel"));
  CHECK(seen_by_parent.corrections.correction_window_days == DefaultSchoolRules().corrections.correction_window_days);

  auto deputy = server.As("zavuch");
  SchoolRules rules = RulesOf(server, deputy);
  SchoolRules changed = rules;
  changed.corrections.correction_window_days = 5;
  Operation update = Op(op_kind::kRulesUpdate, RulesUpdatePayload(changed));
  update.base_version = rules.version;

  Operation by_teacher = update;
  by_teacher.op_id = Op("x", Json::object()).op_id;
  auto refused = Push(server, server.As("uchitel"), {by_teacher});
  CHECK(refused.results[0].error.code() == ErrorCode::kForbidden);

  auto applied = Push(server, deputy, {update});
  REQUIRE_MESSAGE(applied.results[0].outcome == OpOutcome::kApplied, applied.results[0].error.message());
  SchoolRules after = RulesOf(server, server.As("uchenik"));
  CHECK(after.corrections.correction_window_days == 5);
  CHECK(after.version == rules.version + 1);

  // A second deputy who saw the old version does not silently overwrite the change.
  Operation stale = Op(op_kind::kRulesUpdate, RulesUpdatePayload(rules));
  stale.base_version = rules.version;
  auto conflict = Push(server, deputy, {stale});
  CHECK(conflict.results[0].outcome == OpOutcome::kConflict);
  CHECK(RulesOf(server, deputy).corrections.correction_window_days == 5);

  // An invalid document is rejected with the field named.
  SchoolRules bad = after;
  bad.mark_types[0].weight = 50;
  Operation invalid = Op(op_kind::kRulesUpdate, RulesUpdatePayload(bad));
  invalid.base_version = after.version;
  auto rejected = Push(server, deputy, {invalid});
  CHECK(rejected.results[0].outcome == OpOutcome::kRejected);
  CHECK(rejected.results[0].error.field().find("weight") != std::string::npos);
}

}  // namespace ej::server

#include "timetable.h"

namespace ej::server {

TEST_CASE("the deputy sets bells and timetable entries — conflicts are listed, not rejected — a restart keeps them") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure s = Snapshot(server, deputy);
  int64_t year = s.years[0].id;
  BellSchedule bells{0, "1 смена", {}};
  const char* times[][2] = {{"08:30", "09:15"}, {"09:25", "10:10"}, {"10:30", "11:15"}, {"11:35", "12:20"}};
  for (int i = 0; i < 4; ++i) bells.slots.push_back({i + 1, *ClockTime::Parse(times[i][0]), *ClockTime::Parse(times[i][1])});
  auto b = Push(server, deputy, {Op(op_kind::kBellsSet, BellsSetPayload(bells))});
  REQUIRE_MESSAGE(b.results[0].outcome == OpOutcome::kApplied, b.results[0].error.message());

  // Two groups of one teacher put at the same time: both entries stored, a conflict found.
  std::vector<const WorkloadLine*> lines;
  for (const auto& w : s.workload) {
    if (lines.empty() || (w.teacher_id == lines[0]->teacher_id && w.group_id != lines[0]->group_id)) lines.push_back(&w);
    if (lines.size() == 2) break;
  }
  REQUIRE(lines.size() == 2);
  TimetableEntry a{0, year, lines[0]->group_id, lines[0]->teacher_id, 1, 2, "201", WeekParity::kEvery, TimetableKind::kMain};
  TimetableEntry c = a;
  c.group_id = lines[1]->group_id;
  c.room = "202";
  TimetableEntry wrong_teacher = a;
  wrong_teacher.teacher_id = lines[0]->teacher_id == 1 ? 2 : 1;
  TimetableEntry sunday = a;
  sunday.weekday = 7;
  auto r = Push(server, deputy,
                {Op(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(a)), Op(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(c)),
                 Op(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(wrong_teacher)),
                 Op(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(sunday))});
  CHECK(r.results[0].outcome == OpOutcome::kApplied);
  CHECK(r.results[1].outcome == OpOutcome::kApplied);
  CHECK(r.results[2].error.field() == "teacher_id");
  CHECK(r.results[3].error.field() == "weekday");

  auto got = server.Client().Get(std::string(protocol::route::kTimetable), deputy);
  REQUIRE(got->status == 200);
  auto t = TimetableFromJson(BodyOf(got));
  REQUIRE(t.ok());
  Timetable demo_timetable = t.value();
  CHECK(t->bells.size() == 2);  // the demo's and this one
  size_t ours = 0;
  for (const auto& e : t->entries) ours += e.id == r.results[0].created_id || e.id == r.results[1].created_id;
  CHECK(ours == 2);
  bool teacher_busy = false;
  for (const auto& conflict : FindTimetableConflicts(s, t->entries, year)) teacher_busy |= conflict.code == "teacher_busy";
  CHECK(teacher_busy);

  // Stored, not only cached.
  Timetable stored;
  REQUIRE(server.db().Read([&](Connection& conn) {
    auto loaded = LoadTimetable(conn, 1);
    if (!loaded.ok()) return loaded.status();
    stored = std::move(loaded.value());
    return Status::Ok();
  }).ok());
  CHECK(ToJson(stored) == ToJson(*t));

  auto removed = Push(server, deputy, {Op(op_kind::kTimetableRemoveEntry, TimetableRemoveEntryPayload(r.results[1].created_id))});
  CHECK(removed.results[0].outcome == OpOutcome::kApplied);
  auto after = TimetableFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kTimetable), deputy))).value();
  CHECK(after.entries.size() == demo_timetable.entries.size() - 1);
  CHECK(after.FindEntry(r.results[1].created_id) == nullptr);

  // Teachers read the timetable; they cannot change it; parents cannot read it here.
  CHECK(server.Client().Get(std::string(protocol::route::kTimetable), server.As("uchitel"))->status == 200);
  CHECK(server.Client().Get(std::string(protocol::route::kTimetable), server.As("roditel"))->status == 403);
  auto refused = Push(server, server.As("uchitel"), {Op(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(a))});
  CHECK(refused.results[0].error.code() == ErrorCode::kForbidden);
}

}  // namespace ej::server

namespace ej::server {

TEST_CASE("the demo school has bells and a full, conflict-free timetable that yields a year of lessons") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure s = Snapshot(server, deputy);
  auto t = TimetableFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kTimetable), deputy))).value();
  REQUIRE(t.bells.size() == 1);
  CHECK(ValidateBellSchedule(t.bells[0]).ok());
  auto conflicts = FindTimetableConflicts(s, t.entries, s.years[0].id);
  CHECK_MESSAGE(conflicts.empty(), (conflicts.empty() ? std::string() : conflicts[0].message));
  double hours = 0;
  for (const auto& w : s.workload) hours += w.hours;
  CHECK(t.entries.size() == static_cast<size_t>(hours));
  CHECK(GenerateLessons(s, t.entries, s.years[0].id, t.six_day_classes).size() > 20000);
}

}  // namespace ej::server

namespace ej::server {

TEST_CASE("a person added by another process is neither overwritten nor hidden by the server's cache") {
  DemoServer server;
  auto deputy = server.As("zavuch");
  Structure before = Snapshot(server, deputy);  // the server has cached the structure
  // The command line (another connection, as another process would) adds a deputy.
  {
    auto other = Database::Open(server.db_path(), {});
    REQUIRE(other.ok());
    SqliteStore cli(**other);
    REQUIRE(cli.AddUser(NewUser{"", "novaya.zam", {"Новая", "Заместитель", "Ивановна"}, {Role::kDeputy}, "hash", 1}).ok());
  }
  auto r = Push(server, deputy, {Op(op_kind::kPersonCreate, PersonCreatePayload({"Родителев", "Олег", ""}, {Role::kParent}))});
  REQUIRE(r.results[0].outcome == OpOutcome::kApplied);
  Structure after = Snapshot(server, deputy);
  const Person* cli_person = nullptr;
  for (const auto& [id, p] : after.persons) {
    if (p.name.last == "Новая") cli_person = &p;
  }
  REQUIRE(cli_person);  // the cache was reloaded after the outside write
  CHECK(cli_person->Has(Role::kDeputy));
  CHECK(cli_person->id != r.results[0].created_id);
  CHECK(after.persons.size() == before.persons.size() + 2);
  CHECK(server.As("zavuch").size() == 1);
}

}  // namespace ej::server
