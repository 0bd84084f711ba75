// Thematic plans and the control-work schedule over real HTTP on the demo school: plan.set
// with versions, pasted rows with bad ones, access by the workload, control works with
// violations, and who sees which work.
#include <doctest/doctest.h>

#include "control_works.h"
#include "journal.h"
#include "journal_client.h"
#include "structure.h"
#include "test_env.h"
#include "thematic_plan.h"
#include "timetable.h"
#include "timetable_store.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::BodyOf;
using testing::Count;
using testing::DemoServer;

testing::OpMaker Op({0x9a, 0x11});

OpResult PushOne(const DemoServer& server, const httplib::Headers& auth, Operation op) {
  PushResponse resp = testing::Push(server.Client(), auth, {std::move(op)});
  REQUIRE(resp.results.size() == 1);
  return resp.results[0];
}

// The demo school as the deputy sees it, and the people and groups the tests need.
struct Demo {
  DemoServer server;
  httplib::Headers deputy = server.As("zavuch");
  httplib::Headers teacher = server.As("uchitel");
  Structure s;
  int64_t year = 0;
  int64_t teacher_id = 0;  // the demo teacher (mathematics, no class of their own)

  Demo() {
    auto r = server.Client().Get(std::string(protocol::route::kStructure), deputy);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    auto parsed = StructureFromJson(BodyOf(r));
    REQUIRE(parsed.ok());
    s = std::move(parsed.value());
    year = s.years.at(0).id;
    for (const auto& [id, p] : s.persons) {
      if (FullName(p.name) == server.summary().logins[2].full_name) teacher_id = id;
    }
    REQUIRE(teacher_id != 0);
  }
  // A group taught by `person` (or, with `other`, by someone else) in a class of the grade.
  const Group& GroupOf(int64_t person, bool other, int grade = 0) const {
    for (const auto& w : s.workload) {
      if ((w.teacher_id == person) == other) continue;
      const Group* g = s.FindGroup(w.group_id);
      if (!g || g->class_ids.empty()) continue;
      if (grade && s.FindClass(g->class_ids[0])->grade != grade) continue;
      if (other && std::any_of(s.workload.begin(), s.workload.end(), [&](const WorkloadLine& x) {
            return x.group_id == g->id && x.teacher_id == person;
          })) {
        continue;
      }
      return *g;
    }
    FAIL("no such group");
    return s.groups.front();
  }
  // The whole-class group of a subject in a class ("7А", "Математика" …).
  const Group& ClassGroup(const std::string& cls, const std::string& subject) const {
    for (const auto& g : s.groups) {
      if (g.kind != GroupKind::kWholeClass || g.class_ids.size() != 1) continue;
      if (s.FindClass(g.class_ids[0])->Name() == cls && s.FindSubject(g.subject_id)->name == subject) return g;
    }
    FAIL("no group " << cls << " " << subject);
    return s.groups.front();
  }
  Json Plans(const httplib::Headers& auth, int64_t group_id, int expect_status = 200) const {
    auto r = server.Client().Get(std::string(protocol::route::kPlans) + "?group_id=" + std::to_string(group_id), auth);
    REQUIRE(r);
    REQUIRE(r->status == expect_status);
    return BodyOf(r);
  }
  // The plan's version, 0 while there is none.
  int64_t Version(int64_t group_id) const {
    Json j = Plans(deputy, group_id);
    return j["plans"].empty() ? 0 : j["plans"][0]["version"].get<int64_t>();
  }
  Json Schedule(const httplib::Headers& auth) const {
    auto r = server.Client().Get(std::string(protocol::route::kControlWorks) + "?year_id=" + std::to_string(year), auth);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return BodyOf(r);
  }
};

std::set<int64_t> WorkIds(const Json& schedule) {
  std::set<int64_t> ids;
  for (const auto& w : schedule["works"]) ids.insert(w["id"].get<int64_t>());
  return ids;
}

}  // namespace

TEST_CASE("a teacher sets a plan from pasted rows, bad rows are reported, a stale version is a conflict") {
  Demo demo;
  const Group& g = demo.GroupOf(demo.teacher_id, false);
  int64_t v0 = demo.Version(g.id);

  // The client parses what was pasted with the core and pushes the accepted rows.
  PlanRows rows = ParsePlanRows(
      "№;Тема;Часы;Контрольная\n"
      "1;Повторение курса;3;\n"
      "2;;2;\n"
      "3;Уравнения;1,5;\n"
      "4;Контрольная работа № 1;1;да\n");
  REQUIRE(rows.topics.size() == 2);
  REQUIRE(rows.rejected.size() == 2);
  CHECK(rows.rejected[0].row == 3);
  CHECK(rows.rejected[0].reason == "не указана тема");
  CHECK(rows.rejected[1].row == 4);
  OpResult set = PushOne(demo.server, demo.teacher, Op(op_kind::kPlanSet, PlanSetPayload(g.id, g.subject_id, rows.topics), v0));
  REQUIRE_MESSAGE(set.outcome == OpOutcome::kApplied, set.error.message());
  CHECK(set.seq > 0);
  Json plan = demo.Plans(demo.teacher, g.id)["plans"][0];
  CHECK(plan["version"] == v0 + 1);
  CHECK(plan["total_hours"] == 4);
  CHECK(plan["topics"][1]["title"] == "Контрольная работа № 1");
  CHECK(plan["topics"][1]["control"] == true);

  // A second device still on the old version: a conflict, nothing changes.
  OpResult stale = PushOne(demo.server, demo.deputy,
                           Op(op_kind::kPlanSet, PlanSetPayload(g.id, g.subject_id, {{"Другая тема", 1, false, ""}}), v0));
  CHECK(stale.outcome == OpOutcome::kConflict);
  CHECK(stale.error.code() == ErrorCode::kConflict);
  CHECK(demo.Plans(demo.deputy, g.id)["plans"][0] == plan);

  // A client that skips the checks is checked by the server: the reason names the topic.
  Json bad = PlanSetPayload(g.id, g.subject_id, {{"Углы", 1, false, ""}});
  bad["topics"][0]["hours"] = 0;
  OpResult rejected = PushOne(demo.server, demo.teacher, Op(op_kind::kPlanSet, bad, v0 + 1));
  CHECK(rejected.outcome == OpOutcome::kRejected);
  CHECK(rejected.error.message() == "Тема 1: часы — целое положительное число уроков, а не «0».");
  CHECK(demo.Plans(demo.deputy, g.id)["plans"][0] == plan);

  // The log holds the applied change once, with the author.
  CHECK(Count(demo.server.db(), "SELECT COUNT(*) FROM op_log WHERE kind = 'plan.set' AND invalidated_at IS NULL") >= 1);
  CHECK(Count(demo.server.db(), "SELECT COUNT(*) FROM op_log WHERE kind = 'plan.set' AND payload LIKE '%Повторение курса%'") ==
        1);
  // Every row of the plan belongs to the school.
  CHECK(Count(demo.server.db(), "SELECT COUNT(*) FROM plan_topics WHERE school_id NOT IN (SELECT id FROM schools)") == 0);
}

TEST_CASE("a teacher is refused on another teacher's group, and nothing changes") {
  Demo demo;
  const Group& other = demo.GroupOf(demo.teacher_id, true, 5);
  int64_t version = demo.Version(other.id);
  Json before = demo.Plans(demo.deputy, other.id);
  OpResult r = PushOne(demo.server, demo.teacher,
                       Op(op_kind::kPlanSet, PlanSetPayload(other.id, other.subject_id, {{"Чужая тема", 1, false, ""}}), version));
  CHECK(r.outcome == OpOutcome::kRejected);
  CHECK(r.error.code() == ErrorCode::kForbidden);
  CHECK(demo.Plans(demo.deputy, other.id) == before);
  // Nor may the teacher read that plan (403), while the deputy may.
  Json refused = demo.Plans(demo.teacher, other.id, 403);
  CHECK(refused["error"]["code"] == "forbidden");

  int64_t works = Count(demo.server.db(), "SELECT COUNT(*) FROM control_works");
  ControlWork w{0, demo.year, other.id, *Date::ParseIso("2027-02-10"), 2, "тест", "Чужая"};
  OpResult cw = PushOne(demo.server, demo.teacher, Op(op_kind::kControlWorkSet, ControlWorkSetPayload(w)));
  CHECK(cw.error.code() == ErrorCode::kForbidden);
  CHECK(Count(demo.server.db(), "SELECT COUNT(*) FROM control_works") == works);
  OpResult rules = PushOne(demo.server, demo.teacher, Op(op_kind::kControlWorkRules, ControlWorkRulesPayload({2, 2, 5})));
  CHECK(rules.error.code() == ErrorCode::kForbidden);
  CHECK(demo.Schedule(demo.deputy)["rules"] == ToJson(ControlWorkRules{}));
}

TEST_CASE("plans: group_id is required, the class teacher reads the plans of their class, parents may not") {
  Demo demo;
  auto missing = demo.server.Client().Get(std::string(protocol::route::kPlans), demo.teacher);
  REQUIRE(missing);
  CHECK(missing->status == 400);
  CHECK(BodyOf(missing)["error"]["field"] == "group_id");
  auto junk = demo.server.Client().Get(std::string(protocol::route::kPlans) + "?group_id=abc", demo.teacher);
  CHECK(junk->status == 400);
  CHECK(demo.Plans(demo.deputy, 999999, 404)["error"]["code"] == "not_found");
  const Group& g7 = demo.ClassGroup("7А", "Русский язык");
  demo.Plans(demo.server.As("klruk"), g7.id, 200);
  demo.Plans(demo.server.As("roditel"), g7.id, 404);  // to a family no group exists
  demo.Plans(demo.server.As("uchenik"), g7.id, 404);
  auto anonymous = demo.server.Client().Get(std::string(protocol::route::kPlans) + "?group_id=1");
  CHECK(anonymous->status == 401);
}

TEST_CASE("control works: a violating work is applied and listed, a parent sees only their children's classes") {
  Demo demo;
  const Group& math7 = demo.ClassGroup("7А", "Алгебра");
  const Group& rus7 = demo.ClassGroup("7А", "Русский язык");
  const Group& rus8 = demo.ClassGroup("8А", "Русский язык");
  Date day = *Date::ParseIso("2027-02-10");  // a Wednesday of the third quarter
  std::set<int64_t> before = WorkIds(demo.Schedule(demo.deputy));
  Json violations_before = demo.Schedule(demo.deputy)["violations"];
  CHECK(violations_before.empty());  // the demo's schedule keeps the rules

  auto add = [&](const Group& g, const char* form) {
    OpResult r = PushOne(demo.server, demo.deputy,
                         Op(op_kind::kControlWorkSet, ControlWorkSetPayload({0, demo.year, g.id, day, 0, form, ""})));
    REQUIRE_MESSAGE(r.outcome == OpOutcome::kApplied, r.error.message());
    CHECK(r.created_id > 0);
    return r.created_id;
  };
  int64_t a = add(math7, "контрольная работа");
  int64_t b = add(rus7, "диктант");
  int64_t c = add(rus8, "диктант");

  Json staff = demo.Schedule(demo.deputy);
  REQUIRE(staff["violations"].size() == 1);
  Json v = staff["violations"][0];
  CHECK(v["code"] == "per_day");
  CHECK(v["work_ids"] == Json::array({a, b}));
  CHECK(v["message"] == "7А, 10.02.2027: 2 контрольные работы в один день (можно не больше 1): Алгебра, Русский язык.");
  CHECK(WorkIds(staff).size() == before.size() + 3);
  CHECK(WorkIds(demo.Schedule(demo.teacher)) == WorkIds(staff));  // every teacher sees the schedule

  // The demo parent's children are in 7А and 3Б: 8А's work is not theirs, and there are no violations.
  Json parent = demo.Schedule(demo.server.As("roditel"));
  CHECK_FALSE(parent.contains("violations"));
  std::set<int64_t> seen = WorkIds(parent);
  CHECK(seen.count(a));
  CHECK(seen.count(b));
  CHECK_FALSE(seen.count(c));
  for (const auto& w : parent["works"]) {
    std::string classes = w["classes"];
    CHECK_MESSAGE((classes.rfind("7А", 0) == 0 || classes.rfind("3Б", 0) == 0), classes);
  }
  Json student = demo.Schedule(demo.server.As("uchenik"));
  CHECK_FALSE(student.contains("violations"));
  CHECK_FALSE(WorkIds(student).count(c));
  for (const auto& w : parent["works"]) {
    if (w["id"] == a) {
      CHECK(w["subject"] == "Алгебра");
      CHECK(w["classes"] == "7А");
    }
  }

  // The deputy moves one work to the next day: the violation is gone.
  PushOne(demo.server, demo.deputy,
          Op(op_kind::kControlWorkSet, ControlWorkSetPayload({b, demo.year, rus7.id, day.AddDays(1), 3, "диктант", ""})));
  CHECK(demo.Schedule(demo.deputy)["violations"].empty());
  // Removing works; a removed one is gone for everybody.
  OpResult removed = PushOne(demo.server, demo.deputy, Op(op_kind::kControlWorkRemove, ControlWorkRemovePayload(c)));
  CHECK(removed.outcome == OpOutcome::kApplied);
  CHECK_FALSE(WorkIds(demo.Schedule(demo.deputy)).count(c));
  CHECK(Count(demo.server.db(), "SELECT COUNT(*) FROM op_log WHERE kind LIKE 'control_work.%'") >= 5);

  // Without the parameter, the current year (the demo server's clock is in it); an unknown
  // year is not found, a malformed one a bad request.
  auto current = demo.server.Client().Get(std::string(protocol::route::kControlWorks), demo.server.As("roditel"));
  REQUIRE(current->status == 200);
  CHECK(BodyOf(current)["year_id"] == demo.year);
  CHECK(WorkIds(BodyOf(current)) == WorkIds(demo.Schedule(demo.server.As("roditel"))));
  auto junk = demo.server.Client().Get(std::string(protocol::route::kControlWorks) + "?year_id=x", demo.deputy);
  CHECK(junk->status == 400);
  auto unknown = demo.server.Client().Get(std::string(protocol::route::kControlWorks) + "?year_id=999999", demo.deputy);
  CHECK(unknown->status == 404);
}

TEST_CASE("the deputy changes the load rules and the schedule follows them") {
  Demo demo;
  const Group& math7 = demo.ClassGroup("7А", "Алгебра");
  const Group& rus7 = demo.ClassGroup("7А", "Русский язык");
  Date day = *Date::ParseIso("2027-02-10");
  for (const Group* g : {&math7, &rus7}) {
    PushOne(demo.server, demo.deputy, Op(op_kind::kControlWorkSet, ControlWorkSetPayload({0, demo.year, g->id, day, 0, "тест", ""})));
  }
  CHECK(demo.Schedule(demo.deputy)["violations"].size() == 1);
  OpResult r = PushOne(demo.server, demo.server.As("direktor"), Op(op_kind::kControlWorkRules, ControlWorkRulesPayload({2, 2, 3})));
  REQUIRE_MESSAGE(r.outcome == OpOutcome::kApplied, r.error.message());
  Json after = demo.Schedule(demo.deputy);
  CHECK(after["rules"]["max_per_day"] == 2);
  CHECK(after["violations"].empty());
  CHECK(Count(demo.server.db(), "SELECT max_per_day FROM control_work_rules") == 2);
  // A Sunday is refused with the reason.
  OpResult sunday = PushOne(demo.server, demo.deputy,
                            Op(op_kind::kControlWorkSet,
                               ControlWorkSetPayload({0, demo.year, math7.id, *Date::ParseIso("2027-02-14"), 0, "тест", ""})));
  CHECK(sunday.outcome == OpOutcome::kRejected);
  CHECK(sunday.error.message() == "Контрольная работа — только в учебный день: 14.02.2027 — воскресенье.");
}

TEST_CASE("GET control-works lists the violations of every load rule, the ВСОКО ones included") {
  Demo demo;
  REQUIRE(demo.Schedule(demo.deputy)["violations"].empty());
  auto tr = demo.server.Client().Get(std::string(protocol::route::kTimetable), demo.deputy);
  REQUIRE(tr);
  REQUIRE(tr->status == 200);
  auto timetable = TimetableFromJson(BodyOf(tr));
  REQUIRE(timetable.ok());
  const int64_t class_7a = demo.ClassGroup("7А", "Алгебра").class_ids[0];
  // 7А's first lesson on Wednesday 10.02.2027 (every demo week is the same), and its group
  // (the whole class or a subgroup).
  const Date wednesday = *Date::ParseIso("2027-02-10");
  const TimetableEntry* first = nullptr;
  for (const TimetableEntry& e : timetable->entries) {
    const Group* g = demo.s.FindGroup(e.group_id);
    if (e.year_id != demo.year || e.weekday != 3 || e.kind != TimetableKind::kMain || !g || g->class_ids.size() != 1 ||
        g->class_ids[0] != class_7a) {
      continue;
    }
    if (!first || e.number < first->number) first = &e;
  }
  REQUIRE(first != nullptr);
  // Two other subjects of 7А for the spacing and the daily limit.
  std::vector<const Group*> others;
  for (const char* subject : {"Алгебра", "Русский язык", "Геометрия"}) {
    const Group& g = demo.ClassGroup("7А", subject);
    if (g.id != first->group_id) others.push_back(&g);
  }
  REQUIRE(others.size() >= 2);
  const Group& gap = *others[0];
  auto add = [&](int64_t group, Date day, int number) {
    OpResult r = PushOne(demo.server, demo.deputy,
                         Op(op_kind::kControlWorkSet, ControlWorkSetPayload({0, demo.year, group, day, number, "тест", ""})));
    REQUIRE_MESSAGE(r.outcome == OpOutcome::kApplied, r.error.message());
    return r.created_id;
  };
  // A work on the first lesson: «not on the first or the last lesson».
  const int64_t on_first = add(first->group_id, wednesday, first->number);
  // Two works of one subject five days apart (Thursday, then Tuesday): «≥ 18 days apart».
  const int64_t a1 = add(gap.id, wednesday.AddDays(1), 0);
  const int64_t a2 = add(gap.id, wednesday.AddDays(6), 0);

  Json v = demo.Schedule(demo.deputy)["violations"];
  std::map<std::string, Json> by_code;
  for (const auto& item : v) by_code[item["code"].get<std::string>()] = item;
  CHECK(v.size() == 2);
  REQUIRE(by_code.count("first_last_lesson"));
  CHECK(by_code["first_last_lesson"]["work_ids"] == Json::array({on_first}));
  CHECK(by_code["first_last_lesson"]["class_id"] == class_7a);
  CHECK(by_code["first_last_lesson"]["message"].get<std::string>().find("первый в этот день") != std::string::npos);
  REQUIRE(by_code.count("subject_gap"));
  CHECK(by_code["subject_gap"]["work_ids"] == Json::array({a1, a2}));
  CHECK(by_code["subject_gap"]["message"] ==
        "7А, " + demo.s.FindSubject(gap.subject_id)->name +
            ": контрольные работы 11.02.2027 и 16.02.2027 — через 5 дней (норма ВСОКО: не чаще одного раза в 18 дней).");
  // Ordered by date: the first lesson's work (10.02) before the spacing (16.02).
  CHECK(v[0]["code"] == "first_last_lesson");
  // Another subject's work on Thursday breaks the daily limit: in the same list.
  add(others[1]->id, wednesday.AddDays(1), 0);
  Json all = demo.Schedule(demo.deputy)["violations"];
  std::set<std::string> codes;
  for (const auto& item : all) codes.insert(item["code"].get<std::string>());
  CHECK(codes == std::set<std::string>{"first_last_lesson", "per_day", "subject_gap"});
  // Families never get the list.
  CHECK_FALSE(demo.Schedule(demo.server.As("roditel")).contains("violations"));
}

}  // namespace ej::server

namespace ej::server {

TEST_CASE("a class's six-day week is stored, gives it Saturday lessons and Saturday control works, and only it") {
  Demo demo;
  const Group& algebra7 = demo.ClassGroup("7А", "Алгебра");
  const Group& rus8 = demo.ClassGroup("8А", "Русский язык");
  int64_t c7a = algebra7.class_ids[0];
  int64_t teacher = 0;
  for (const auto& w : demo.s.workload) {
    if (w.group_id == algebra7.id) teacher = w.teacher_id;
  }
  REQUIRE(teacher != 0);
  TimetableEntry saturday{0, demo.year, algebra7.id, teacher, 6, 1, "", WeekParity::kEvery, TimetableKind::kMain};

  // The demo's classes study five days: a Saturday lesson is refused with the reason.
  OpResult refused = PushOne(demo.server, demo.deputy, Op(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(saturday)));
  CHECK(refused.outcome == OpOutcome::kRejected);
  CHECK(refused.error.message() == "7А учится пять дней в неделю: в субботу уроков нет. Шестидневная неделя отмечается у класса.");
  // A teacher may not change a class's week.
  OpResult teacher_try = PushOne(demo.server, demo.teacher, Op(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(c7a, 6)));
  CHECK(teacher_try.error.code() == ErrorCode::kForbidden);

  // The deputy gives 7А six days; the week is in the timetable's answer and in the database.
  REQUIRE(PushOne(demo.server, demo.deputy, Op(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(c7a, 6))).outcome ==
          OpOutcome::kApplied);
  auto t = TimetableFromJson(BodyOf(demo.server.Client().Get(std::string(protocol::route::kTimetable), demo.deputy)));
  REQUIRE(t.ok());
  CHECK(t->six_day_classes == std::vector<int64_t>{c7a});
  Timetable stored;
  REQUIRE(demo.server.db().Read([&](Connection& conn) {
    auto loaded = LoadTimetable(conn, 1);
    if (!loaded.ok()) return loaded.status();
    stored = std::move(loaded.value());
    return Status::Ok();
  }).ok());
  CHECK(stored.six_day_classes == std::vector<int64_t>{c7a});
  CHECK(Count(demo.server.db(), "SELECT days FROM class_weeks WHERE class_id = " + std::to_string(c7a)) == 6);

  // Now the Saturday lesson is taken, and generation gives 7А Saturdays — no other class.
  OpResult entry = PushOne(demo.server, demo.deputy, Op(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(saturday)));
  REQUIRE_MESSAGE(entry.outcome == OpOutcome::kApplied, entry.error.message());
  std::string saturdays = "SELECT COUNT(*) FROM lessons WHERE strftime('%w', day) = '6' AND day >= '2027-02-01'";
  CHECK(Count(demo.server.db(), saturdays) == 0);
  OpResult generated = PushOne(demo.server, demo.deputy,
                               Op(op_kind::kLessonsGenerate, LessonsGeneratePayload(demo.year, *Date::ParseIso("2027-02-01"))));
  REQUIRE_MESSAGE(generated.outcome == OpOutcome::kApplied, generated.error.message());
  int64_t on_saturdays = Count(demo.server.db(), saturdays);
  CHECK(on_saturdays >= 10);  // February to May, minus the spring holidays
  CHECK(Count(demo.server.db(), saturdays + " AND group_id = " + std::to_string(algebra7.id)) == on_saturdays);
  // The deputy is answered with the figures: only the new Saturdays were added.
  CHECK(generated.summary["added"] == on_saturdays);
  CHECK(generated.summary["removed"] == 0);

  // A Saturday control work: taken for 7А, refused for five-day 8А.
  Date day = *Date::ParseIso("2027-02-13");  // a Saturday of the third quarter
  REQUIRE(day.Weekday() == 6);
  OpResult work7 = PushOne(demo.server, demo.deputy,
                           Op(op_kind::kControlWorkSet, ControlWorkSetPayload({0, demo.year, algebra7.id, day, 1, "контрольная работа", ""})));
  CHECK_MESSAGE(work7.outcome == OpOutcome::kApplied, work7.error.message());
  OpResult work8 = PushOne(demo.server, demo.deputy,
                           Op(op_kind::kControlWorkSet, ControlWorkSetPayload({0, demo.year, rus8.id, day, 1, "диктант", ""})));
  CHECK(work8.outcome == OpOutcome::kRejected);
  CHECK(work8.error.message().find("8А учится пять дней в неделю") != std::string::npos);

  // Back to five days is refused while 7А has Saturday lessons in the timetable.
  OpResult back = PushOne(demo.server, demo.deputy, Op(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(c7a, 5)));
  CHECK(back.outcome == OpOutcome::kRejected);
  CHECK(back.error.message().find("сначала перенесите их на другие дни") != std::string::npos);
  CHECK(Count(demo.server.db(), "SELECT days FROM class_weeks WHERE class_id = " + std::to_string(c7a)) == 6);
}

}  // namespace ej::server
