#include "plan_editor.h"

#include <algorithm>
#include <tuple>

#include "names.h"
#include "text.h"

namespace ej {

std::vector<PlanLine> PlanLinesFor(const Structure& s, const Actor& actor, int64_t year_id) {
  struct Keyed {
    PlanLine line;
    int grade = 0;
    std::string letter, subject, group, teacher;
  };
  std::vector<Keyed> rows;
  for (const WorkloadLine& w : s.workload) {
    if (w.year_id != year_id || w.hours <= 0) continue;
    const Group* g = s.FindGroup(w.group_id);
    if (!g) continue;
    const Target target = GroupTarget(s, g->id);
    if (!Authorize(actor, Action::kReadPlan, target).ok()) continue;
    Keyed k;
    k.line.group_id = g->id;
    k.line.subject_id = g->subject_id;
    k.line.teacher_id = w.teacher_id;
    k.line.class_id = g->class_ids.empty() ? 0 : g->class_ids.front();
    k.line.hours = w.hours;
    k.line.editable = Authorize(actor, Action::kEditPlan, target).ok();
    const SchoolClass* c = s.FindClass(k.line.class_id);
    const Subject* subject = s.FindSubject(g->subject_id);
    k.grade = c ? c->grade : 0;
    k.letter = c ? c->letter : std::string();
    k.subject = subject ? subject->name : std::string();
    k.group = g->name;
    auto person = s.persons.find(w.teacher_id);
    k.teacher = person != s.persons.end() ? FullName(person->second.name) : std::string();
    // «5А — Математика» (the demo's names carry the subject already), then the teacher.
    std::string name = g->name.empty() ? (c ? c->Name() : std::string()) : g->name;
    if (!k.subject.empty() && name.find(k.subject) == std::string::npos) name += " — " + k.subject;
    if (person != s.persons.end()) name += " · " + ShortName(person->second.name);
    k.line.label = std::move(name);
    rows.push_back(std::move(k));
  }
  std::sort(rows.begin(), rows.end(), [](const Keyed& a, const Keyed& b) {
    if (a.grade != b.grade) return a.grade < b.grade;
    if (a.letter != b.letter) return RussianLess(a.letter, b.letter);
    if (a.subject != b.subject) return RussianLess(a.subject, b.subject);
    if (a.group != b.group) return RussianLess(a.group, b.group);
    if (a.teacher != b.teacher) return RussianLess(a.teacher, b.teacher);
    return std::tie(a.line.group_id, a.line.teacher_id) < std::tie(b.line.group_id, b.line.teacher_id);
  });
  std::vector<PlanLine> out;
  for (Keyed& k : rows) out.push_back(std::move(k.line));
  return out;
}

LessonsHeld CountLessonsHeld(const Journal& j, int64_t group_id, Date today) {
  LessonsHeld h;
  h.group_id = group_id;
  for (const auto& [id, l] : j.lessons) {
    if (l.lesson.group_id != group_id || l.lesson.date > today) continue;
    ++h.scheduled_to_date;
    if (l.topic.find_first_not_of(" \t\r\n") != std::string::npos) ++h.held;
  }
  return h;
}

std::vector<PlannedTopic> TopicsBehind(const ThematicPlan& plan, const PlanFact& fact) {
  std::vector<PlannedTopic> out;
  for (int hour = fact.held + 1; hour <= fact.expected; ++hour) {
    auto t = PlannedTopicForLesson(plan, hour);
    if (!t) break;
    if (!out.empty() && out.back().index == t->index) continue;
    out.push_back(*t);
  }
  return out;
}

}  // namespace ej
