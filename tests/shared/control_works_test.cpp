#include <doctest/doctest.h>

#include "control_works.h"
#include "planning_school.h"

namespace ej {
namespace {

using testing::D;
using testing::PlanningSchool;

struct Schedule {
  PlanningSchool sc;
  ControlWorks cw;
  std::vector<int64_t> six_day;

  Result<ControlWorkApplied> Apply(std::string_view kind, protocol::Json payload, const Actor& actor) {
    return ApplyControlWorkOp(cw, sc.s, six_day, PlanningSchool::Op(kind, std::move(payload)), actor);
  }
  ControlWork Work(int64_t group, const char* date, const char* form = "контрольная работа", int number = 0) {
    return ControlWork{0, sc.year, group, D(date), number, form, ""};
  }
  Result<ControlWorkApplied> Set(const ControlWork& w, const Actor& actor) {
    return Apply(op_kind::kControlWorkSet, ControlWorkSetPayload(w), actor);
  }
  int64_t Add(int64_t group, const char* date) {
    auto r = Set(Work(group, date), sc.head);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->created_id;
  }
  std::vector<ControlWorkViolation> Violations() const { return FindControlWorkViolations(sc.s, cw, sc.year); }
};

}  // namespace

TEST_CASE("a control work is set on a study day of its group's classes") {
  Schedule sch;
  auto r = sch.Set(sch.Work(sch.sc.g_math5a, "2026-10-12", "контрольная работа", 3), PlanningSchool::Teacher(sch.sc.t1));
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  CHECK(r->created_id == 1);
  REQUIRE(sch.cw.Find(1));
  CHECK(sch.cw.Find(1)->lesson_number == 3);

  auto refused_day = [&](const char* date) {
    auto bad = sch.Set(sch.Work(sch.sc.g_math5a, date), sch.sc.head);
    CHECK(bad.status().code() == ErrorCode::kValidation);
    CHECK(bad.status().field() == "date");
    return bad.status().message();
  };
  CHECK(refused_day("2026-10-18") == "Контрольная работа — только в учебный день: 18.10.2026 — воскресенье.");
  CHECK(refused_day("2026-10-17") ==
        "Контрольная работа — только в учебный день: 17.10.2026 — суббота, а 5А учится пять дней в неделю.");
  CHECK(refused_day("2026-10-27") == "Контрольная работа — только в учебный день: 27.10.2026 — каникулы («Осенние каникулы»).");
  CHECK(refused_day("2027-06-01") ==
        "Контрольная работа — только в учебный день: 01.06.2027 — каникулы («Летние каникулы»).");
  CHECK(refused_day("2027-09-01") == "Дата контрольной работы — внутри учебного года 2026/2027.");
  // A class on a six-day week writes on Saturdays.
  sch.six_day = {sch.sc.c5a};
  CHECK(sch.Set(sch.Work(sch.sc.g_math5a, "2026-10-17"), sch.sc.head).ok());

  CHECK(sch.Set(sch.Work(sch.sc.g_math5a, "2026-10-13", "   "), sch.sc.head).status().field() == "form");
  CHECK(sch.Set(sch.Work(sch.sc.g_math5a, "2026-10-13", "тест", 13), sch.sc.head).status().field() == "lesson_number");
  CHECK(sch.Set(sch.Work(sch.sc.g_math5a, "2026-10-13", std::string(61, 'x').c_str()), sch.sc.head).status().field() ==
        "form");
  ControlWork long_title = sch.Work(sch.sc.g_math5a, "2026-10-13");
  long_title.title = std::string(201, 'x');
  CHECK(sch.Set(long_title, sch.sc.head).status().field() == "title");
  CHECK(sch.Set(sch.Work(999, "2026-10-13"), sch.sc.head).status().code() == ErrorCode::kNotFound);
  ControlWork missing = sch.Work(sch.sc.g_math5a, "2026-10-13");
  missing.id = 77;
  CHECK(sch.Set(missing, sch.sc.head).status().code() == ErrorCode::kNotFound);
  CHECK(sch.cw.works.size() == 2);
  // Outside every study period of the grade (a school that has not set its periods yet).
  sch.sc.s.periods.clear();
  CHECK(refused_day("2026-10-13") == "Контрольная работа — только в учебный день: 13.10.2026 — вне учебных периодов 5 класса.");
}

TEST_CASE("two control works of a class on one day are accepted and listed as a violation") {
  Schedule sch;
  int64_t a = sch.Add(sch.sc.g_math5a, "2026-10-12");
  CHECK(sch.Violations().empty());
  int64_t b = sch.Add(sch.sc.g_rus5a, "2026-10-12");  // accepted: the deputy builds step by step
  CHECK(sch.cw.works.size() == 2);
  auto v = sch.Violations();
  REQUIRE(v.size() == 1);
  CHECK(v[0].code == "per_day");
  CHECK(v[0].class_id == sch.sc.c5a);
  CHECK(v[0].date == D("2026-10-12"));
  CHECK(v[0].work_ids == std::vector<int64_t>{a, b});
  CHECK(v[0].message == "5А, 12.10.2026: 2 контрольные работы в один день (можно не больше 1): Математика, Русский язык.");
  // Another class on the same day is not concerned.
  sch.Add(sch.sc.g_math5b, "2026-10-12");
  CHECK(sch.Violations().size() == 1);
  // Moving one of them to another day clears it.
  ControlWork moved = *sch.cw.Find(b);
  moved.date = D("2026-10-13");
  REQUIRE(sch.Set(moved, sch.sc.head).ok());
  CHECK(sch.Violations().empty());
}

TEST_CASE("subgroups of one subject writing on one day count once for the class") {
  Schedule sch;
  sch.Add(sch.sc.g_en1, "2026-10-14");
  sch.Add(sch.sc.g_en2, "2026-10-14");
  CHECK(sch.Violations().empty());
  sch.Add(sch.sc.g_math5a, "2026-10-14");
  auto v = sch.Violations();
  REQUIRE(v.size() == 1);
  CHECK(v[0].work_ids.size() == 3);
  CHECK(v[0].message.find("2 контрольные работы") != std::string::npos);
}

TEST_CASE("the weekly limit is 3 in grades 5-11 and 2 in grades 1-4") {
  Schedule sch;
  sch.Add(sch.sc.g_math5a, "2026-10-12");
  sch.Add(sch.sc.g_rus5a, "2026-10-13");
  sch.Add(sch.sc.g_en1, "2026-10-14");
  CHECK(sch.Violations().empty());
  sch.Add(sch.sc.g_math5a, "2026-10-16");
  auto v = sch.Violations();
  REQUIRE(v.size() == 1);
  CHECK(v[0].code == "per_week");
  CHECK(v[0].date == D("2026-10-12"));
  CHECK(v[0].message ==
        "5А, неделя 12.10.2026\u00A0— 18.10.2026: 4 контрольные работы за неделю (можно не больше 3): Математика (12.10), "
        "Русский язык (13.10), Английский язык (14.10), Математика (16.10).");
  // The next week starts again.
  sch.Add(sch.sc.g_rus5a, "2026-10-19");
  CHECK(sch.Violations().size() == 1);

  sch.Add(sch.sc.g_math2a, "2026-10-12");
  sch.Add(sch.sc.g_rus2a, "2026-10-14");
  CHECK(sch.Violations().size() == 1);
  sch.Add(sch.sc.g_math2a, "2026-10-16");
  v = sch.Violations();
  REQUIRE(v.size() == 2);
  CHECK(v[0].message.rfind("2А, неделя", 0) == 0);  // same week, grade 2 before grade 5
  CHECK(v[0].message.find("(можно не больше 2)") != std::string::npos);
}

TEST_CASE("the load rules are settings the head and deputies change") {
  Schedule sch;
  for (const char* d : {"2026-10-12", "2026-10-13", "2026-10-14", "2026-10-15"}) sch.Add(sch.sc.g_math5a, d);
  REQUIRE(sch.Violations().size() == 1);
  ControlWorkRules looser{1, 2, 4};
  auto refused = sch.Apply(op_kind::kControlWorkRules, ControlWorkRulesPayload(looser), PlanningSchool::Teacher(sch.sc.t1));
  CHECK(refused.status().code() == ErrorCode::kForbidden);
  CHECK(sch.cw.rules == ControlWorkRules{});
  auto r = sch.Apply(op_kind::kControlWorkRules, ControlWorkRulesPayload(looser), PlanningSchool::Deputy());
  REQUIRE(r.ok());
  CHECK(r->rules_changed);
  CHECK(sch.cw.rules.max_per_week == 4);
  CHECK(sch.Violations().empty());
  auto stricter = sch.Apply(op_kind::kControlWorkRules, ControlWorkRulesPayload({1, 2, 2}), sch.sc.head);
  REQUIRE(stricter.ok());
  CHECK(sch.Violations().size() == 1);
  CHECK(sch.Apply(op_kind::kControlWorkRules, ControlWorkRulesPayload({0, 2, 3}), sch.sc.head).status().field() ==
        "max_per_day");
  CHECK(sch.Apply(op_kind::kControlWorkRules, ControlWorkRulesPayload({1, 11, 3}), sch.sc.head).status().field() ==
        "max_per_week_primary");
  CHECK(sch.Apply(op_kind::kControlWorkRules, ControlWorkRulesPayload({1, 2, 0}), sch.sc.head).status().field() ==
        "max_per_week");
  CHECK(sch.cw.rules == ControlWorkRules{1, 2, 2});
}

TEST_CASE("a teacher sets and removes control works of their own groups only") {
  Schedule sch;
  Actor t1 = PlanningSchool::Teacher(sch.sc.t1), t2 = PlanningSchool::Teacher(sch.sc.t2);
  auto other = sch.Set(sch.Work(sch.sc.g_rus5a, "2026-10-12"), t1);
  CHECK(other.status().code() == ErrorCode::kForbidden);
  CHECK(other.status().message() == "Контрольные работы группы назначают её учитель, директор и заместители директора.");
  CHECK(sch.cw.works.empty());
  auto own = sch.Set(sch.Work(sch.sc.g_math5a, "2026-10-12"), t1);
  REQUIRE(own.ok());
  int64_t id = own->created_id;
  // t2 may not take t1's work into their own group, nor remove it.
  ControlWork taken = *sch.cw.Find(id);
  taken.group_id = sch.sc.g_math5b;
  CHECK(sch.Set(taken, t2).status().code() == ErrorCode::kForbidden);
  CHECK(sch.Apply(op_kind::kControlWorkRemove, ControlWorkRemovePayload(id), t2).status().code() == ErrorCode::kForbidden);
  CHECK(sch.cw.Find(id)->group_id == sch.sc.g_math5a);
  Actor parent;
  parent.roles = {Role::kParent};
  parent.children = {sch.sc.kids5a[0]};
  CHECK(sch.Set(sch.Work(sch.sc.g_math5a, "2026-10-13"), parent).status().code() == ErrorCode::kForbidden);
  // The class teacher of 5А does not set works of another teacher's group in the class.
  CHECK(sch.Set(sch.Work(sch.sc.g_math5a, "2026-10-13"), sch.sc.ClassTeacher5A()).status().code() == ErrorCode::kForbidden);
  auto removed = sch.Apply(op_kind::kControlWorkRemove, ControlWorkRemovePayload(id), t1);
  REQUIRE(removed.ok());
  CHECK(removed->works_changed == std::vector<int64_t>{id});
  CHECK(sch.cw.works.empty());
  CHECK(sch.Apply(op_kind::kControlWorkRemove, ControlWorkRemovePayload(id), t1).status().code() == ErrorCode::kNotFound);
}

TEST_CASE("staff see every control work, a parent and a student only those of the student's groups") {
  Schedule sch;
  int64_t math5a = sch.Add(sch.sc.g_math5a, "2026-10-12");
  int64_t en1 = sch.Add(sch.sc.g_en1, "2026-10-13");
  int64_t en2 = sch.Add(sch.sc.g_en2, "2026-10-13");
  int64_t math5b = sch.Add(sch.sc.g_math5b, "2026-10-12");
  auto ids = [&](const Actor& a) {
    std::vector<int64_t> out;
    for (const auto& w : VisibleControlWorks(sch.sc.s, sch.cw, sch.sc.year, a)) out.push_back(w.id);
    return out;
  };
  CHECK(ids(PlanningSchool::Teacher(sch.sc.t3)) == std::vector<int64_t>{math5a, math5b, en1, en2});
  Actor parent;
  parent.person_id = 500;
  parent.roles = {Role::kParent};
  parent.children = {sch.sc.kids5a[0]};  // in the first English subgroup
  CHECK(ids(parent) == std::vector<int64_t>{math5a, en1});
  Actor student;
  student.person_id = sch.sc.kids5a[3];  // in the second subgroup
  student.roles = {Role::kStudent};
  CHECK(ids(student) == std::vector<int64_t>{math5a, en2});
  Actor stranger;
  stranger.person_id = 501;
  stranger.roles = {Role::kParent};
  CHECK(ids(stranger).empty());
}

TEST_CASE("control works, rules and violations go to JSON and back") {
  ControlWork w{3, 1, 7, D("2026-10-12"), 2, "диктант", "Безударные гласные"};
  auto back = ControlWorkFromJson(ToJson(w));
  REQUIRE(back.ok());
  CHECK(*back == w);
  CHECK(ToJson(w)["date"] == "2026-10-12");
  auto rules = ControlWorkRulesFromJson(ToJson(ControlWorkRules{2, 3, 4}));
  REQUIRE(rules.ok());
  CHECK(*rules == ControlWorkRules{2, 3, 4});
  CHECK_FALSE(ControlWorkFromJson(protocol::Json{{"year_id", 1}, {"group_id", 2}, {"date", "12.10.2026"}, {"form", "тест"}}).ok());
  ControlWorkViolation v{"per_day", 5, D("2026-10-12"), {1, 2}, "…"};
  CHECK(ToJson(v)["work_ids"] == protocol::Json::array({1, 2}));
  CHECK(IsControlWorkOp("control_work.set"));
  CHECK_FALSE(IsControlWorkOp("plan.set"));
}

}  // namespace ej
