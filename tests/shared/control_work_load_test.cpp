#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "control_work_load.h"
#include "planning_school.h"
#include "school_rules.h"

namespace ej {
namespace {

using testing::D;
using testing::PlanningSchool;

struct Load {
  PlanningSchool sc;
  ControlWorks cw;
  Timetable t;  // its entries and the classes' weeks
  ControlLoadRules rules;

  int64_t Work(int64_t group, const char* date, int number = 0) {
    ControlWork w{cw.next_id++, sc.year, group, D(date), number, "контрольная работа", ""};
    cw.works.push_back(w);
    return w.id;
  }
  void Entry(int64_t group, int64_t teacher, int weekday, int number, WeekParity parity = WeekParity::kEvery) {
    TimetableEntry e;
    e.id = static_cast<int64_t>(t.entries.size()) + 1;
    e.year_id = sc.year;
    e.group_id = group;
    e.teacher_id = teacher;
    e.weekday = weekday;
    e.number = number;
    e.parity = parity;
    t.entries.push_back(e);
  }
  std::vector<ControlWorkViolation> Violations(std::string_view code) const {
    std::vector<ControlWorkViolation> out;
    for (auto& v : FindControlLoadViolations(sc.s, cw, rules, t, sc.year)) {
      if (v.code == code) out.push_back(v);
    }
    return out;
  }
};

TEST_CASE("control load: one subject's works in a class closer than 18 days are named") {
  Load l;
  l.rules.max_hours_percent = 0;
  int64_t a = l.Work(l.sc.g_math5a, "2026-09-14");
  int64_t b = l.Work(l.sc.g_math5a, "2026-09-28");  // 14 days later
  l.Work(l.sc.g_rus5a, "2026-09-15");                // another subject: no matter
  l.Work(l.sc.g_math5b, "2026-09-16");               // another class
  auto v = l.Violations("subject_gap");
  REQUIRE(v.size() == 1);
  CHECK(v[0].class_id == l.sc.c5a);
  CHECK(v[0].work_ids == std::vector<int64_t>{a, b});
  CHECK(v[0].message == "5А, Математика: контрольные работы 14.09.2026 и 28.09.2026 — через 14 дней "
                        "(норма ВСОКО: не чаще одного раза в 18 дней).");
  // 18 days apart is within the rule; the rule at 0 is off.
  l.cw.works[1].date = D("2026-10-02");
  CHECK(l.Violations("subject_gap").empty());
  l.cw.works[1].date = D("2026-09-28");
  l.rules.subject_gap_days = 0;
  CHECK(l.Violations("subject_gap").empty());
}

TEST_CASE("control load: works of two subgroups of one subject on one day are no gap") {
  Load l;
  l.rules.max_hours_percent = 0;
  l.Work(l.sc.g_en1, "2026-09-14");
  l.Work(l.sc.g_en2, "2026-09-14");
  CHECK(l.Violations("subject_gap").empty());
  l.Work(l.sc.g_en2, "2026-09-21");
  auto v = l.Violations("subject_gap");
  REQUIRE(v.size() == 1);
  CHECK(v[0].message.find("через 7 дней") != std::string::npos);
}

TEST_CASE("control load: a group's works above 10 percent of its hours in the period are named") {
  Load l;
  l.rules.subject_gap_days = 0;
  // The first quarter of grade 5: mathematics has 5 hours a week, one a study day.
  const StudyPeriod* quarter = nullptr;
  for (const auto& p : l.sc.s.periods) {
    if (p.grade_from <= 5 && 5 <= p.grade_to && p.range.Contains(D("2026-09-14"))) quarter = &p;
  }
  REQUIRE(quarter != nullptr);
  std::vector<Date> days;
  for (Date d = quarter->range.first; d <= quarter->range.last; d = d.AddDays(1)) {
    if (IsStudyDay(l.sc.s, l.sc.year, 5, d, false)) days.push_back(d);
  }
  const int allowed = static_cast<int>(days.size()) / 10;  // 5 h × days/5 weeks × 10 %
  REQUIRE(allowed >= 2);
  for (int i = 0; i < allowed; ++i) l.Work(l.sc.g_math5a, days[static_cast<size_t>(i * 9)].Iso().c_str());
  CHECK(l.Violations("hours_share").empty());
  l.Work(l.sc.g_math5a, days.back().Iso().c_str());
  auto v = l.Violations("hours_share");
  REQUIRE(v.size() == 1);
  CHECK(v[0].work_ids.size() == static_cast<size_t>(allowed + 1));
  CHECK(v[0].date == quarter->range.first);
  CHECK(v[0].message.find(quarter->name) != std::string::npos);
  CHECK(v[0].message.find("не больше 10 % часов — " + std::to_string(allowed)) != std::string::npos);
  // A six-day 5А has the same hours a week over the same weeks: its study days over six, not
  // five (the Saturdays add days, not hours).
  l.t.six_day_classes = {l.sc.c5a};
  int six_days = 0;
  for (Date d = quarter->range.first; d <= quarter->range.last; d = d.AddDays(1)) {
    six_days += IsStudyDay(l.sc.s, l.sc.year, 5, d, true) ? 1 : 0;
  }
  REQUIRE(six_days > static_cast<int>(days.size()));
  const long hours6 = std::lround(5.0 * six_days / 6.0);
  CHECK(hours6 < std::lround(5.0 * six_days / 5.0));
  v = l.Violations("hours_share");
  REQUIRE(v.size() == 1);
  CHECK(v[0].message.find(" на " + std::to_string(hours6) + " час") != std::string::npos);
  l.rules.max_hours_percent = 0;
  CHECK(l.Violations("hours_share").empty());
}

TEST_CASE("control load: not on the first or the last lesson of the class's day, alternating weeks matched") {
  Load l;
  l.rules.subject_gap_days = 0;
  l.rules.max_hours_percent = 0;
  // 5А on Mondays: mathematics 1st and 4th, Russian 2nd, English 3rd; on odd weeks (числитель)
  // also Russian 5th.
  l.Entry(l.sc.g_math5a, l.sc.t1, 1, 1);
  l.Entry(l.sc.g_rus5a, l.sc.t2, 1, 2);
  l.Entry(l.sc.g_en1, l.sc.t1, 1, 3);
  l.Entry(l.sc.g_math5a, l.sc.t1, 1, 4);
  l.Entry(l.sc.g_rus5a, l.sc.t2, 1, 5, WeekParity::kOdd);
  REQUIRE(ParityOn(*l.sc.s.FindYear(l.sc.year), D("2026-09-14")) == WeekParity::kOdd);
  int64_t first = l.Work(l.sc.g_math5a, "2026-09-14", 1);
  l.Work(l.sc.g_rus5a, "2026-09-14", 2);
  l.Work(l.sc.g_math5a, "2026-09-14", 4);          // odd week: the 5th lesson follows
  int64_t last = l.Work(l.sc.g_math5a, "2026-09-21", 4);  // even week: the last one
  l.Work(l.sc.g_math5a, "2026-09-28", 0);          // no number: not checked
  auto v = l.Violations("first_last_lesson");
  REQUIRE(v.size() == 2);
  CHECK(v[0].work_ids == std::vector<int64_t>{first});
  CHECK(v[0].message == "5А, 14.09.2026: Математика — 1-й урок, первый в этот день "
                        "(норма ВСОКО: не на первом и не на последнем уроке).");
  CHECK(v[1].work_ids == std::vector<int64_t>{last});
  CHECK(v[1].message.find("последний") != std::string::npos);
  l.rules.not_first_or_last_lesson = false;
  CHECK(l.Violations("first_last_lesson").empty());
}

TEST_CASE("control load rules are school-rules data: JSON, old documents, validation, description") {
  SchoolRules r = DefaultSchoolRules();
  CHECK(r.control_load.subject_gap_days == 18);
  CHECK(r.control_load.max_hours_percent == 10);
  CHECK(r.control_load.not_first_or_last_lesson);
  r.control_load = {21, 5, false};
  auto back = SchoolRulesFromJson(ToJson(r));
  REQUIRE(back.ok());
  CHECK(back->control_load == r.control_load);
  // Rules saved before these rules existed keep the defaults.
  protocol::Json old = ToJson(DefaultSchoolRules());
  old.erase("control_load");
  auto read = SchoolRulesFromJson(old);
  REQUIRE(read.ok());
  CHECK(read->control_load == ControlLoadRules{});
  r.control_load.max_hours_percent = 150;
  Status st = ValidateSchoolRules(r);
  CHECK(st.code() == ErrorCode::kValidation);
  CHECK(st.field() == "control_load.max_hours_percent");
  auto lines = DescribeRules(DefaultSchoolRules());
  CHECK(std::find(lines.begin(), lines.end(),
                  "Контрольные работы: по одному предмету в классе — не чаще одного раза в 18 дней, не больше 10 % "
                  "часов предмета в учебном периоде, не на первом и не на последнем уроке дня.") != lines.end());
}

}  // namespace
}  // namespace ej
