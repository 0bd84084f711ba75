#include "substitution.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "names.h"
#include "text.h"

namespace ej {

std::string_view SubstituteFitTitle(SubstituteFit f) {
  switch (f) {
    case SubstituteFit::kSameGrade: return "ведёт этот предмет в параллели";
    case SubstituteFit::kOtherGrades: return "ведёт этот предмет в других классах";
    case SubstituteFit::kOtherSubject: return "другой предмет";
  }
  return "";
}

namespace {

int64_t KeeperOf(const Lesson& l) { return l.substitute_id != 0 ? l.substitute_id : l.teacher_id; }

int GradeOf(const Structure& s, const Group& g) {
  for (int64_t c : g.class_ids) {
    if (const SchoolClass* cls = s.FindClass(c)) return cls->grade;
  }
  return 0;
}

}  // namespace

std::vector<SubstituteCandidate> FindSubstitutes(const Structure& s, const std::vector<BellSchedule>& bells,
                                                 const std::vector<Lesson>& day_lessons, const Lesson& lesson) {
  std::vector<SubstituteCandidate> out;
  const Group* group = s.FindGroup(lesson.group_id);
  if (!group) return out;
  int grade = GradeOf(s, *group);
  const std::optional<BellSlot> when = LessonBells(s, bells, lesson.group_id, lesson.number);
  auto at_once = [&](const Lesson& l) {
    std::optional<BellSlot> other = LessonBells(s, bells, l.group_id, l.number);
    if (!when || !other) return l.number == lesson.number;
    return other->start < when->end && when->start < other->end;
  };
  std::set<int64_t> busy;
  std::map<int64_t, int> load;
  for (const Lesson& l : day_lessons) {
    if (l.date != lesson.date) continue;
    int64_t keeper = KeeperOf(l);
    ++load[keeper];
    if (l.id != lesson.id && at_once(l)) busy.insert(keeper);
  }
  // Who teaches what this year: any workload line of the year makes a teacher a candidate.
  std::map<int64_t, SubstituteFit> fit;
  for (const WorkloadLine& w : s.workload) {
    if (w.year_id != group->year_id || w.hours <= 0) continue;
    SubstituteFit f = SubstituteFit::kOtherSubject;
    if (w.subject_id == group->subject_id) {
      const Group* g = s.FindGroup(w.group_id);
      f = g && GradeOf(s, *g) == grade ? SubstituteFit::kSameGrade : SubstituteFit::kOtherGrades;
    }
    auto [it, added] = fit.emplace(w.teacher_id, f);
    if (!added && f < it->second) it->second = f;
  }
  for (const auto& [id, person] : s.persons) {
    if (!(person.Has(Role::kTeacher) || person.Has(Role::kHead) || person.Has(Role::kDeputy))) continue;
    if (id == lesson.teacher_id || busy.count(id)) continue;
    auto f = fit.find(id);
    // A head or deputy who teaches nothing is not offered; a teacher without workload is.
    if (f == fit.end() && !person.Has(Role::kTeacher)) continue;
    SubstituteCandidate c;
    c.person_id = id;
    c.name = ShortName(person.name);
    c.fit = f == fit.end() ? SubstituteFit::kOtherSubject : f->second;
    c.lessons_that_day = load.count(id) ? load[id] : 0;
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [&](const SubstituteCandidate& a, const SubstituteCandidate& b) {
    if (a.fit != b.fit) return a.fit < b.fit;
    if (a.lessons_that_day != b.lessons_that_day) return a.lessons_that_day < b.lessons_that_day;
    const PersonName& na = s.persons.at(a.person_id).name;
    const PersonName& nb = s.persons.at(b.person_id).name;
    std::string fa = FullName(na), fb = FullName(nb);
    if (fa != fb) return RussianLess(fa, fb);
    return a.person_id < b.person_id;
  });
  return out;
}

std::vector<Lesson> SubstitutionsOn(const std::vector<Lesson>& lessons, Date day) {
  std::vector<Lesson> out;
  for (const Lesson& l : lessons) {
    if (l.date == day && l.substitute_id != 0) out.push_back(l);
  }
  std::sort(out.begin(), out.end(), [](const Lesson& a, const Lesson& b) {
    return std::tie(a.number, a.group_id, a.id) < std::tie(b.number, b.group_id, b.id);
  });
  return out;
}

Journal SliceForSubstitute(const Journal& j, const Actor& actor, int64_t group_id, std::optional<DateRange> range) {
  Journal out;
  out.locked_periods = j.locked_periods;
  for (int64_t id : actor.substituted_lessons) {
    const JournalLesson* l = j.FindLesson(id);
    if (!l || l->lesson.group_id != group_id || l->lesson.substitute_id != actor.person_id) continue;
    if (range && !range->Contains(l->lesson.date)) continue;
    out.lessons.emplace(id, *l);
    for (const Mark* m : j.MarksOf(id)) out.marks.emplace(m->id, *m);
    for (auto it = j.attendance.lower_bound({id, 0}); it != j.attendance.end() && it->first.first == id; ++it) {
      out.attendance.insert(*it);
    }
  }
  out.Reindex();
  return out;
}

TeacherLessonCount CountTeacherLessons(const std::vector<Lesson>& lessons, int64_t teacher_id, DateRange range) {
  TeacherLessonCount c;
  for (const Lesson& l : lessons) {
    if (!range.Contains(l.date)) continue;
    if (l.teacher_id == teacher_id) {
      if (l.substitute_id != 0 && l.substitute_id != teacher_id) {
        ++c.replaced;
      } else {
        ++c.held;
      }
    } else if (l.substitute_id == teacher_id) {
      ++c.substituted;
    }
  }
  return c;
}

}  // namespace ej
