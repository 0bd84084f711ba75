#include "setup_checklist.h"

#include <algorithm>

namespace ej {
namespace {

// Weekdays (Mon–Sat) in `gap` not covered by any holiday of the year.
std::vector<Date> UncoveredSchoolDays(const Structure& s, int64_t year_id, DateRange gap) {
  std::vector<Date> out;
  for (Date d = gap.first; d <= gap.last; d = d.AddDays(1)) {
    if (d.Weekday() == 7) continue;
    bool holiday = std::any_of(s.holidays.begin(), s.holidays.end(),
                               [&](const Holiday& h) { return h.year_id == year_id && h.range.Contains(d); });
    if (!holiday) out.push_back(d);
  }
  return out;
}

}  // namespace

std::vector<ChecklistItem> SetupChecklist(const Structure& s, int64_t year_id) {
  std::vector<ChecklistItem> items;
  const AcademicYear* year = s.FindYear(year_id);
  if (!year) {
    items.push_back({"no_year", "Не создан учебный год.", ChecklistScreen::kYear, 0});
    return items;
  }

  // Study periods: every grade needs periods that cover the year, gaps only in holidays.
  for (int grade = 1; grade <= 11; ++grade) {
    std::vector<const StudyPeriod*> ps;
    for (const auto& p : s.periods) {
      if (p.year_id == year_id && p.grade_from <= grade && grade <= p.grade_to) ps.push_back(&p);
    }
    if (ps.empty()) {
      items.push_back({"no_periods", "Для " + std::to_string(grade) + "-х классов не заданы учебные периоды.",
                       ChecklistScreen::kPeriods, year_id});
      continue;
    }
    std::sort(ps.begin(), ps.end(), [](auto* a, auto* b) { return a->range.first < b->range.first; });
    for (size_t i = 0; i + 1 < ps.size(); ++i) {
      Date gap_first = ps[i]->range.last.AddDays(1), gap_last = ps[i + 1]->range.first.AddDays(-1);
      if (gap_last < gap_first) continue;
      auto days = UncoveredSchoolDays(s, year_id, {gap_first, gap_last});
      if (!days.empty()) {
        items.push_back({"period_gap",
                         "Между периодами «" + ps[i]->name + "» и «" + ps[i + 1]->name + "» для " + std::to_string(grade) +
                             "-х классов есть учебные дни вне периодов и каникул (" + DateRange{days.front(), days.back()}.Russian() +
                             ").",
                         ChecklistScreen::kPeriods, year_id});
      }
    }
  }

  bool any_holiday = std::any_of(s.holidays.begin(), s.holidays.end(), [&](const Holiday& h) { return h.year_id == year_id; });
  if (!any_holiday) items.push_back({"no_holidays", "Не заданы каникулы.", ChecklistScreen::kHolidays, year_id});

  auto classes = s.ClassesOf(year_id);
  if (classes.empty()) items.push_back({"no_classes", "Не созданы классы.", ChecklistScreen::kClasses, year_id});
  for (const SchoolClass* c : classes) {
    if (c->teacher_id == 0) {
      items.push_back({"class_without_teacher", "У класса " + c->Name() + " нет классного руководителя.",
                       ChecklistScreen::kClass, c->id});
    }
    if (s.StudentsEverIn(c->id).empty()) {
      items.push_back({"class_without_students", "В классе " + c->Name() + " нет учеников.", ChecklistScreen::kClass, c->id});
    }
    // Every subject of the grade's curriculum needs a teacher for this class (through a
    // whole-class group or subgroups).
    for (const auto& line : s.curriculum) {
      if (line.year_id != year_id || line.grade != c->grade || !line.profile.empty()) continue;
      bool taught = false;
      for (const auto& g : s.groups) {
        bool covers = g.subject_id == line.subject_id &&
                      (g.kind == GroupKind::kWholeClass || g.kind == GroupKind::kSubgroup) && !g.class_ids.empty() &&
                      g.class_ids[0] == c->id;
        if (covers && s.GroupWorkloadHours(g.id) > 0) taught = true;
      }
      if (!taught) {
        const Subject* subject = s.FindSubject(line.subject_id);
        items.push_back({"subject_without_workload",
                         c->Name() + ": у предмета «" + (subject ? subject->name : std::string("?")) +
                             "» из учебного плана нет учителя.",
                         ChecklistScreen::kWorkload, c->id});
      }
    }
  }
  for (const auto& g : s.groups) {
    if (g.year_id == year_id && g.kind != GroupKind::kWholeClass && g.members.empty()) {
      items.push_back({"group_without_students", "В группе «" + g.name + "» нет учеников.", ChecklistScreen::kGroup, g.id});
    }
  }
  return items;
}

}  // namespace ej
