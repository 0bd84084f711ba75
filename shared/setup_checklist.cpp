#include "setup_checklist.h"

#include <algorithm>

#include "text.h"

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

// «Алгебра», «Физика», «Химия» и ещё 4: the first few names of a list, in alphabetical order.
std::string QuotedList(std::vector<std::string> names) {
  constexpr size_t kShown = 4;
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) { return RussianLess(a, b); });
  std::string out;
  for (size_t i = 0; i < names.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += "«" + names[i] + "»";
  }
  if (names.size() > kShown) out += " и ещё " + std::to_string(names.size() - kShown);
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
    // whole-class group or subgroups), and every subgroup of the class a teacher: one line a
    // class, naming what is missing (a new class would otherwise get a line per subject).
    std::vector<std::string> subjects;
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
        subjects.push_back(subject ? subject->name : std::string("?"));
      }
    }
    if (subjects.size() == 1) {
      items.push_back({"subject_without_workload",
                       c->Name() + ": у предмета «" + subjects[0] + "» из учебного плана нет учителя.",
                       ChecklistScreen::kWorkload, c->id});
    } else if (!subjects.empty()) {
      items.push_back({"subject_without_workload",
                       c->Name() + ": нет учителя по " + std::to_string(subjects.size()) +
                           " " + std::string(Plural(static_cast<int64_t>(subjects.size()), "предмету", "предметам", "предметам")) +
                           " учебного плана — " + QuotedList(subjects) + ".",
                       ChecklistScreen::kWorkload, c->id});
    }
    std::vector<std::string> groups;
    for (const auto& g : s.groups) {
      if (g.year_id == year_id && g.kind == GroupKind::kSubgroup && !g.class_ids.empty() && g.class_ids[0] == c->id &&
          s.GroupWorkloadHours(g.id) == 0) {
        groups.push_back(g.name);
      }
    }
    if (groups.size() == 1) {
      items.push_back({"group_without_teacher", c->Name() + ": у группы «" + groups[0] + "» нет учителя.",
                       ChecklistScreen::kWorkload, c->id});
    } else if (!groups.empty()) {
      items.push_back({"group_without_teacher",
                       c->Name() + ": нет учителя у " + std::to_string(groups.size()) + " " +
                           std::string(Plural(static_cast<int64_t>(groups.size()), "группы", "групп", "групп")) + " — " +
                           QuotedList(groups) + ".",
                       ChecklistScreen::kWorkload, c->id});
    }
  }
  // Groups drawn from several classes (profile, elective, club, project): one line each.
  for (const auto& g : s.groups) {
    bool own_class = g.kind == GroupKind::kWholeClass || g.kind == GroupKind::kSubgroup;
    if (g.year_id == year_id && !own_class && s.GroupWorkloadHours(g.id) == 0) {
      items.push_back({"group_without_teacher", "У группы «" + g.name + "» нет учителя.", ChecklistScreen::kGroup, g.id});
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
