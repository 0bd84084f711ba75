// The class teacher's summary: see class_summary.h.
#include "class_summary.h"

#include <algorithm>
#include <set>

#include "names.h"
#include "text.h"

namespace ej {
namespace {

bool InClass(const Group& g, int64_t class_id) {
  return std::find(g.class_ids.begin(), g.class_ids.end(), class_id) != g.class_ids.end();
}

// Students in the class on some day of the range (weekly steps and the last day).
std::set<int64_t> ClassStudents(const Structure& s, int64_t class_id, DateRange range) {
  std::set<int64_t> out;
  for (Date d = range.first; d <= range.last; d = d.AddDays(7)) {
    for (int64_t id : s.StudentsOf(class_id, d)) out.insert(id);
  }
  for (int64_t id : s.StudentsOf(class_id, range.last)) out.insert(id);
  return out;
}

}  // namespace

std::vector<const Group*> GroupsOfClass(const Structure& s, int64_t class_id) {
  std::vector<const Group*> out;
  const SchoolClass* cls = s.FindClass(class_id);
  if (!cls) return out;
  for (const auto& g : s.groups) {
    if (g.year_id == cls->year_id && InClass(g, class_id)) out.push_back(&g);
  }
  auto subject = [&](const Group* g) {
    const Subject* subj = s.FindSubject(g->subject_id);
    return subj ? subj->name : std::string();
  };
  std::sort(out.begin(), out.end(), [&](const Group* a, const Group* b) {
    std::string sa = subject(a), sb = subject(b);
    if (sa != sb) return RussianLess(sa, sb);
    return RussianLess(a->name, b->name);
  });
  return out;
}

Journal SliceForClass(const Structure& s, const Journal& j, int64_t class_id, std::optional<DateRange> range) {
  Journal out;
  out.locked_periods = j.locked_periods;
  std::set<int64_t> groups;
  for (const Group* g : GroupsOfClass(s, class_id)) groups.insert(g->id);
  DateRange whole = range.value_or(DateRange{Date::FromDays(0), Date::FromDays(2932896)});
  if (!range) {
    if (const SchoolClass* cls = s.FindClass(class_id)) {
      if (const AcademicYear* y = s.FindYear(cls->year_id)) whole = y->range;
    }
  }
  std::set<int64_t> students = ClassStudents(s, class_id, whole);
  for (const auto& [id, l] : j.lessons) {
    if (!groups.count(l.lesson.group_id) || (range && !range->Contains(l.lesson.date))) continue;
    out.lessons.emplace(id, l);
    for (const Mark* m : j.MarksOf(id)) {
      if (students.count(m->student_id)) out.marks.emplace(m->id, *m);
    }
    for (auto it = j.attendance.lower_bound({id, 0}); it != j.attendance.end() && it->first.first == id; ++it) {
      if (students.count(it->first.second)) out.attendance.insert(*it);
    }
  }
  for (const auto& [key, f] : j.finals) {
    if (groups.count(key.group_id) && students.count(key.student_id)) out.finals.emplace(key, f);
  }
  out.Reindex();
  return out;
}

ClassSummary BuildClassSummary(const Structure& s, const Journal& j, const SchoolRules& rules, int64_t class_id,
                               const StudyPeriod& period, Date today) {
  ClassSummary out;
  out.class_id = class_id;
  out.period_id = period.id;
  out.period_name = period.name;
  out.codes = rules.attendance;
  const SchoolClass* cls = s.FindClass(class_id);
  if (!cls) return out;
  out.class_name = cls->Name();
  const std::string system_id(GradingSystemIdForGrade(rules, cls->grade));

  std::vector<const Group*> groups = GroupsOfClass(s, class_id);  // ordered by subject
  std::vector<std::set<int64_t>> members;  // per group: its students during the period
  std::vector<size_t> column_of;           // per group: its subject's column
  const DateRange held{period.range.first, std::min(period.range.last, today)};
  for (const Group* g : groups) {
    if (out.columns.empty() || s.FindGroup(out.columns.back().group_ids.front())->subject_id != g->subject_id) {
      ClassSummaryColumn c;
      if (const Subject* subj = s.FindSubject(g->subject_id)) {
        c.subject = subj->name;
        c.short_subject = subj->short_name.empty() ? subj->name : subj->short_name;
      }
      out.columns.push_back(std::move(c));
    }
    ClassSummaryColumn& c = out.columns.back();
    c.group_ids.push_back(g->id);
    column_of.push_back(out.columns.size() - 1);
    if (held.first <= held.last) {
      int count = 0;
      for (const JournalLesson* l : j.LessonsOf(g->id, held)) {
        ++count;
        if (l->topic.empty()) ++c.lessons_without_topic;
      }
      c.lessons_held = std::max(c.lessons_held, count);
    }
    std::set<int64_t> in;
    for (Date d = period.range.first; d <= period.range.last; d = d.AddDays(7)) {
      for (int64_t id : s.GroupStudents(g->id, d)) in.insert(id);
    }
    for (int64_t id : s.GroupStudents(g->id, period.range.last)) in.insert(id);
    members.push_back(std::move(in));
  }

  std::set<int64_t> students = ClassStudents(s, class_id, period.range);
  std::vector<int64_t> ordered(students.begin(), students.end());
  auto name_of = [&](int64_t id) {
    const Person* p = s.FindPerson(id);
    return p ? p->name : PersonName{"№ " + std::to_string(id), "", ""};
  };
  std::sort(ordered.begin(), ordered.end(), [&](int64_t a, int64_t b) {
    PersonName na = name_of(a), nb = name_of(b);
    return RussianLess(na.last + " " + na.first + " " + na.middle, nb.last + " " + nb.first + " " + nb.middle);
  });

  for (int64_t id : ordered) {
    ClassSummaryRow row;
    row.student_id = id;
    PersonName n = name_of(id);
    row.name = n.last + (n.first.empty() ? "" : " " + n.first);
    row.by_code.assign(out.codes.size(), 0);
    row.cells.assign(out.columns.size(), ClassSummaryCell{});
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      ClassSummaryCell& cell = row.cells[column_of[gi]];
      if (!cell.member && members[gi].count(id) > 0) {
        cell.member = true;
        ProposedFinal p = ProposeFinal(j, rules, system_id, groups[gi]->id, id, period.range);
        if (p.average) cell.average = FormatAverage(*p.average);
        cell.marks = p.marks;
        if (const FinalMark* f = j.FindFinal({groups[gi]->id, id, FinalKind::kPeriod, period.id})) {
          cell.final_value = f->value;
        }
        const std::string& verdict = cell.final_value.empty() ? p.value : cell.final_value;
        cell.failing = IsFailingMark(rules, system_id, verdict);
        if (cell.failing) ++row.failing;
      }
      // Attendance over the group's lessons in the period (only the class's own student ids).
      for (const JournalLesson* l : j.LessonsOf(groups[gi]->id, period.range)) {
        const AttendanceMark* a = j.FindAttendance(l->lesson.id, id);
        if (!a) continue;
        for (size_t k = 0; k < out.codes.size(); ++k) {
          if (out.codes[k].code != a->code) continue;
          ++row.by_code[k];
          if (out.codes[k].absence) {
            ++row.missed;
            if (out.codes[k].excused) ++row.missed_excused;
            else ++row.missed_unexcused;
          }
        }
      }
    }
    out.missed += row.missed;
    out.missed_unexcused += row.missed_unexcused;
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace ej
