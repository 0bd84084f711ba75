#include "control_work_load.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

#include "names.h"

namespace ej {
namespace {

std::string ClassName(const Structure& s, int64_t class_id) {
  const SchoolClass* c = s.FindClass(class_id);
  return c ? c->Name() : std::string("?");
}

std::string SubjectName(const Structure& s, int64_t subject_id) {
  const Subject* subj = s.FindSubject(subject_id);
  return subj ? subj->name : std::string("?");
}

int GradeOfClass(const Structure& s, int64_t class_id) {
  const SchoolClass* c = s.FindClass(class_id);
  return c ? c->grade : 0;
}

std::string WorksWord(int n) {
  return std::to_string(n) + " " + std::string(Plural(n, "контрольная работа", "контрольные работы", "контрольных работ"));
}

// Study days of a grade in a range (holidays excluded; Saturdays for a six-day week).
int StudyDays(const Structure& s, int64_t year_id, int grade, DateRange r, bool six_day) {
  int n = 0;
  for (Date d = r.first; d <= r.last; d = d.AddDays(1)) {
    if (IsStudyDay(s, year_id, grade, d, six_day)) ++n;
  }
  return n;
}

}  // namespace

std::vector<ControlWorkViolation> FindControlLoadViolations(const Structure& s, const ControlWorks& cw,
                                                            const ControlLoadRules& rules,
                                                            const Timetable& timetable,
                                                            int64_t year_id) {
  std::vector<ControlWorkViolation> out;
  const AcademicYear* year = s.FindYear(year_id);
  if (!year) return out;
  std::vector<const ControlWork*> works;
  for (const ControlWork& w : cw.works) {
    if (w.year_id == year_id && s.FindGroup(w.group_id)) works.push_back(&w);
  }
  std::sort(works.begin(), works.end(), [](const ControlWork* a, const ControlWork* b) {
    return std::tie(a->date, a->lesson_number, a->id) < std::tie(b->date, b->lesson_number, b->id);
  });

  // Spacing: per class and subject, each work against the previous one on an earlier day.
  if (rules.subject_gap_days > 0) {
    std::map<std::pair<int64_t, int64_t>, const ControlWork*> last;  // (class, subject) → the latest work
    for (const ControlWork* w : works) {
      const Group* g = s.FindGroup(w->group_id);
      for (int64_t c : g->class_ids) {
        auto key = std::make_pair(c, g->subject_id);
        auto it = last.find(key);
        if (it != last.end() && it->second->date != w->date) {
          const int64_t days = w->date.Days() - it->second->date.Days();
          if (days < rules.subject_gap_days) {
            ControlWorkViolation v;
            v.code = "subject_gap";
            v.class_id = c;
            v.date = w->date;
            v.work_ids = {it->second->id, w->id};
            v.message = ClassName(s, c) + ", " + SubjectName(s, g->subject_id) + ": контрольные работы " +
                        it->second->date.Russian() + " и " + w->date.Russian() + " — через " + std::to_string(days) +
                        " " + std::string(Plural(days, "день", "дня", "дней")) +
                        " (норма ВСОКО: не чаще одного раза в " + std::to_string(rules.subject_gap_days) + " " +
                        std::string(Plural(rules.subject_gap_days, "день", "дня", "дней")) + ").";
            out.push_back(std::move(v));
          }
        }
        if (it == last.end() || it->second->date != w->date) last[key] = w;
      }
    }
  }

  // Share of hours: per group and study period of its grade.
  if (rules.max_hours_percent > 0) {
    std::map<std::pair<int64_t, int64_t>, std::vector<const ControlWork*>> per_period;  // (group, period)
    for (const ControlWork* w : works) {
      const Group* g = s.FindGroup(w->group_id);
      int grade = g->class_ids.empty() ? 0 : GradeOfClass(s, g->class_ids.front());
      for (const StudyPeriod& p : s.periods) {
        if (p.year_id == year_id && grade >= p.grade_from && grade <= p.grade_to && p.range.Contains(w->date)) {
          per_period[{g->id, p.id}].push_back(w);
        }
      }
    }
    for (const auto& [key, list] : per_period) {
      const Group* g = s.FindGroup(key.first);
      const StudyPeriod* period = nullptr;
      for (const StudyPeriod& p : s.periods) {
        if (p.id == key.second) period = &p;
      }
      if (!g || !period) continue;
      int grade = g->class_ids.empty() ? 0 : GradeOfClass(s, g->class_ids.front());
      const double weekly = s.GroupWorkloadHours(g->id);
      const bool six_day = GroupStudiesSixDays(s, timetable.six_day_classes, g->id);
      const double weeks = StudyDays(s, year_id, grade, period->range, six_day) / (six_day ? 6.0 : 5.0);
      const double hours = weekly * weeks;
      const int allowed = static_cast<int>(std::floor(hours * rules.max_hours_percent / 100.0 + 1e-9));
      const int n = static_cast<int>(list.size());
      if (n <= allowed) continue;
      for (int64_t c : g->class_ids) {
        ControlWorkViolation v;
        v.code = "hours_share";
        v.class_id = c;
        v.date = period->range.first;
        for (const ControlWork* w : list) v.work_ids.push_back(w->id);
        const int whole_hours = static_cast<int>(std::lround(hours));
        v.message = g->name + ", " + SubjectName(s, g->subject_id) + ", " + period->name + ": " + WorksWord(n) +
                    " на " + std::to_string(whole_hours) + " " +
                    std::string(Plural(whole_hours, "час", "часа", "часов")) + " предмета (норма ВСОКО: не больше " +
                    std::to_string(rules.max_hours_percent) + " % часов — " + std::to_string(allowed) + ").";
        out.push_back(std::move(v));
      }
    }
  }

  // Not on the first or the last lesson of the class's day.
  if (rules.not_first_or_last_lesson) {
    for (const ControlWork* w : works) {
      if (w->lesson_number <= 0) continue;
      const Group* g = s.FindGroup(w->group_id);
      const WeekParity parity = ParityOn(*year, w->date);
      for (int64_t c : g->class_ids) {
        int first = 0, last = 0;
        for (const TimetableEntry& e : timetable.entries) {
          if (e.year_id != year_id || e.kind != TimetableKind::kMain || e.weekday != w->date.Weekday()) continue;
          if (!ParityMatches(e.parity, parity)) continue;
          const Group* eg = s.FindGroup(e.group_id);
          if (!eg || std::find(eg->class_ids.begin(), eg->class_ids.end(), c) == eg->class_ids.end()) continue;
          first = first == 0 ? e.number : std::min(first, e.number);
          last = std::max(last, e.number);
        }
        if (first == 0 || (w->lesson_number != first && w->lesson_number != last)) continue;
        ControlWorkViolation v;
        v.code = "first_last_lesson";
        v.class_id = c;
        v.date = w->date;
        v.work_ids = {w->id};
        v.message = ClassName(s, c) + ", " + w->date.Russian() + ": " + SubjectName(s, g->subject_id) + " — " +
                    std::to_string(w->lesson_number) + "-й урок, " +
                    (w->lesson_number == first ? "первый" : "последний") +
                    " в этот день (норма ВСОКО: не на первом и не на последнем уроке).";
        out.push_back(std::move(v));
      }
    }
  }

  std::stable_sort(out.begin(), out.end(), [&](const ControlWorkViolation& a, const ControlWorkViolation& b) {
    const SchoolClass* ca = s.FindClass(a.class_id);
    const SchoolClass* cb = s.FindClass(b.class_id);
    auto ka = std::make_tuple(a.date, ca ? ca->grade : 0, ca ? ca->letter : std::string(), a.code);
    auto kb = std::make_tuple(b.date, cb ? cb->grade : 0, cb ? cb->letter : std::string(), b.code);
    return ka < kb;
  });
  return out;
}

std::vector<ControlWorkViolation> FindAllControlWorkViolations(const Structure& s, const ControlWorks& cw,
                                                               const ControlLoadRules& rules,
                                                               const Timetable& timetable,
                                                               int64_t year_id) {
  std::vector<ControlWorkViolation> out = FindControlWorkViolations(s, cw, year_id);
  for (auto& v : FindControlLoadViolations(s, cw, rules, timetable, year_id)) out.push_back(std::move(v));
  std::stable_sort(out.begin(), out.end(), [&](const ControlWorkViolation& a, const ControlWorkViolation& b) {
    const SchoolClass* ca = s.FindClass(a.class_id);
    const SchoolClass* cb = s.FindClass(b.class_id);
    auto ka = std::make_tuple(a.date, ca ? ca->grade : 0, ca ? ca->letter : std::string(), a.code);
    auto kb = std::make_tuple(b.date, cb ? cb->grade : 0, cb ? cb->letter : std::string(), b.code);
    return ka < kb;
  });
  return out;
}

}  // namespace ej
