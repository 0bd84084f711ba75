// The journal grid: see journal_grid.h.
#include "journal_grid.h"

#include <algorithm>
#include <set>

#include "names.h"
#include "text.h"

namespace ej {

namespace {

std::vector<std::string> FailingValues(const SchoolRules& rules, const std::string& system_id) {
  std::vector<std::string> out;
  if (const GradingSystem* system = FindGradingSystem(rules, system_id)) {
    for (const MarkValue& v : system->values) {
      if (IsFailingMark(rules, system_id, v.code)) out.push_back(v.code);
    }
  }
  return out;
}

}  // namespace

bool JournalGrid::IsFailing(const std::string& value) const {
  return std::find(failing_values.begin(), failing_values.end(), value) != failing_values.end();
}

bool YearGrid::IsFailing(const std::string& value) const {
  return std::find(failing_values.begin(), failing_values.end(), value) != failing_values.end();
}

std::string GridCell::Text() const {
  std::string out = attendance;
  for (const Mark* m : marks) {
    if (!out.empty()) out += ' ';
    out += m->value;
  }
  return out;
}

std::vector<const StudyPeriod*> PeriodsOfGroup(const Structure& s, int64_t group_id) {
  std::vector<const StudyPeriod*> out;
  const Group* g = s.FindGroup(group_id);
  int grade = GradeOfGroup(s, group_id);
  if (!g) return out;
  for (const auto& p : s.periods) {
    if (p.year_id == g->year_id && p.grade_from <= grade && grade <= p.grade_to) out.push_back(&p);
  }
  std::sort(out.begin(), out.end(), [](const StudyPeriod* a, const StudyPeriod* b) { return a->range.first < b->range.first; });
  return out;
}

JournalGrid BuildJournalGrid(const Structure& s, const Journal& j, const SchoolRules& rules, int64_t group_id,
                             const StudyPeriod& period, Date today) {
  JournalGrid grid;
  grid.group_id = group_id;
  grid.period_id = period.id;
  grid.period_name = period.name;
  const Group* group = s.FindGroup(group_id);
  if (!group) return grid;
  grid.group_name = group->name;
  if (const Subject* subject = s.FindSubject(group->subject_id)) grid.subject = subject->name;
  grid.system_id = std::string(GradingSystemIdForGrade(rules, GradeOfGroup(s, group_id)));
  grid.failing_values = FailingValues(rules, grid.system_id);
  if (const GradingSystem* system = FindGradingSystem(rules, grid.system_id)) {
    for (const auto& v : system->values) {
      if (v.final_allowed && !v.plus_minus) grid.final_values.push_back(v.code);
    }
  }

  auto lessons = j.LessonsOf(group_id, period.range);
  for (const JournalLesson* l : lessons) {
    GridColumn c;
    c.lesson_id = l->lesson.id;
    c.date = l->lesson.date;
    c.number = l->lesson.number;
    std::string day = std::to_string(c.date.day()), month = std::to_string(c.date.month());
    c.title = (day.size() < 2 ? "0" : "") + day + "." + (month.size() < 2 ? "0" : "") + month;
    c.has_topic = !l->topic.empty();
    c.has_homework = !l->homework.text.empty();
    c.substituted = l->lesson.substitute_id != 0;
    c.moved = l->moved;
    c.future = c.date > today;
    if (!c.future && !c.has_topic) ++grid.lessons_without_topic;
    grid.columns.push_back(c);
  }

  // Everyone who was in the group on some day of the period (a transferred student's marks
  // stay in this journal for their dates), in Russian alphabetical order.
  std::set<int64_t> students;
  for (Date d = period.range.first; d <= period.range.last; d = d.AddDays(7)) {
    for (int64_t id : s.GroupStudents(group_id, d)) students.insert(id);
  }
  for (int64_t id : s.GroupStudents(group_id, period.range.last)) students.insert(id);
  for (const GridColumn& c : grid.columns) {
    for (const Mark* m : j.MarksOf(c.lesson_id)) students.insert(m->student_id);
  }
  std::vector<int64_t> ordered(students.begin(), students.end());
  auto name_of = [&](int64_t id) {
    const Person* p = s.FindPerson(id);
    return p ? p->name : PersonName{"№ " + std::to_string(id), "", ""};
  };
  std::sort(ordered.begin(), ordered.end(), [&](int64_t a, int64_t b) {
    PersonName na = name_of(a), nb = name_of(b);
    return RussianLess(na.last + " " + na.first + " " + na.middle, nb.last + " " + nb.first + " " + nb.middle);
  });

  std::vector<std::set<int64_t>> members;  // per column: the group's students that day
  for (const GridColumn& c : grid.columns) {
    auto list = s.GroupStudents(group_id, c.date);
    members.emplace_back(list.begin(), list.end());
  }
  for (int64_t id : ordered) {
    GridRow row;
    row.student_id = id;
    PersonName n = name_of(id);
    row.name = n.last + (n.first.empty() ? "" : " " + n.first);
    for (size_t i = 0; i < grid.columns.size(); ++i) {
      GridCell cell;
      int64_t lesson = grid.columns[i].lesson_id;
      for (const Mark* m : j.MarksOf(lesson)) {
        if (m->student_id == id) cell.marks.push_back(m);
      }
      if (const AttendanceMark* a = j.FindAttendance(lesson, id)) {
        cell.attendance = a->code;
        cell.attendance_version = a->version;
        if (IsAbsence(rules, a->code)) ++row.absences;
      }
      cell.member = members[i].count(id) > 0;
      row.cells.push_back(std::move(cell));
    }
    ProposedFinal p = ProposeFinal(j, rules, grid.system_id, group_id, id, period.range);
    if (p.average) row.average = FormatAverage(*p.average);
    row.marks = p.marks;
    row.proposed = p.value;
    if (const FinalMark* f = j.FindFinal({group_id, id, FinalKind::kPeriod, period.id})) {
      row.final_value = f->value;
      row.final_version = f->version;
    }
    grid.rows.push_back(std::move(row));
  }
  return grid;
}

YearGrid BuildYearGrid(const Structure& s, const Journal& j, const SchoolRules& rules, int64_t group_id) {
  YearGrid out;
  out.group_id = group_id;
  const Group* group = s.FindGroup(group_id);
  if (!group) return out;
  out.group_name = group->name;
  if (const Subject* subject = s.FindSubject(group->subject_id)) out.subject = subject->name;
  const int grade = GradeOfGroup(s, group_id);
  out.exams = grade == 9 || grade == 11;
  out.system_id = std::string(GradingSystemIdForGrade(rules, grade));
  out.failing_values = FailingValues(rules, out.system_id);
  if (const GradingSystem* system = FindGradingSystem(rules, out.system_id)) {
    for (const auto& v : system->values) {
      if (v.final_allowed && !v.plus_minus) out.final_values.push_back(v.code);
    }
  }
  std::vector<const StudyPeriod*> periods = PeriodsOfGroup(s, group_id);
  for (const StudyPeriod* p : periods) out.periods.push_back(p->name);
  if (periods.empty()) return out;
  const DateRange year{periods.front()->range.first, periods.back()->range.last};

  std::set<int64_t> students;
  for (Date d = year.first; d <= year.last; d = d.AddDays(7)) {
    for (int64_t id : s.GroupStudents(group_id, d)) students.insert(id);
  }
  for (int64_t id : s.GroupStudents(group_id, year.last)) students.insert(id);
  std::vector<int64_t> ordered(students.begin(), students.end());
  auto name_of = [&](int64_t id) {
    const Person* p = s.FindPerson(id);
    return p ? p->name : PersonName{"№ " + std::to_string(id), "", ""};
  };
  std::sort(ordered.begin(), ordered.end(), [&](int64_t a, int64_t b) {
    PersonName na = name_of(a), nb = name_of(b);
    return RussianLess(na.last + " " + na.first + " " + na.middle, nb.last + " " + nb.first + " " + nb.middle);
  });
  auto final_of = [&](int64_t student, FinalKind kind, int64_t period_id, int64_t* version) {
    const FinalMark* f = j.FindFinal({group_id, student, kind, period_id});
    if (version) *version = f ? f->version : 0;
    return f ? f->value : std::string();
  };
  for (int64_t id : ordered) {
    YearGridRow row;
    row.student_id = id;
    PersonName n = name_of(id);
    row.name = n.last + (n.first.empty() ? "" : " " + n.first);
    for (const StudyPeriod* p : periods) row.period_values.push_back(final_of(id, FinalKind::kPeriod, p->id, nullptr));
    ProposedFinal marks = ProposeFinal(j, rules, out.system_id, group_id, id, year);
    if (marks.average) row.average = FormatAverage(*marks.average);
    row.proposed = ProposeFromPeriods(rules, out.system_id, row.period_values).value;
    row.year_value = final_of(id, FinalKind::kYear, 0, &row.year_version);
    if (out.exams) {
      row.exam_value = final_of(id, FinalKind::kExam, 0, &row.exam_version);
      row.final_value = final_of(id, FinalKind::kFinal, 0, &row.final_version);
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace ej
