#include "diary_touch.h"

#include "thematic_plan.h"

namespace ej {

void DiaryTouch::Add(const DiaryTouch& other) {
  if (other.all) all = true;
  students.insert(other.students.begin(), other.students.end());
}

std::set<int64_t> StudentsEverInGroup(const Structure& s, int64_t group_id) {
  std::set<int64_t> out;
  const Group* g = s.FindGroup(group_id);
  if (!g) return out;
  if (g->kind == GroupKind::kWholeClass) {
    for (int64_t class_id : g->class_ids) {
      for (int64_t id : s.StudentsEverIn(class_id)) out.insert(id);
    }
  }
  out.insert(g->members.begin(), g->members.end());
  return out;
}

DiaryTouch DiaryTouchOfJournalOp(const Structure& s, const Journal& after, std::string_view kind,
                                 const JournalApplied& applied) {
  DiaryTouch t;
  if (kind == op_kind::kLessonsGenerate || !applied.periods.empty()) {
    t.AddAll();
    return t;
  }
  for (int64_t lesson_id : applied.lessons) {
    const JournalLesson* l = after.FindLesson(lesson_id);
    std::set<int64_t> students = l ? StudentsEverInGroup(s, l->lesson.group_id) : std::set<int64_t>();
    if (students.empty()) {
      t.AddAll();  // a lesson that is gone (or a group without students we can name)
      return t;
    }
    t.students.insert(students.begin(), students.end());
  }
  for (const std::string& mark_id : applied.marks) {
    if (const Mark* m = after.FindMark(mark_id)) {
      t.students.insert(m->student_id);
    } else if (applied.old.is_object() && applied.old.contains("student_id") &&
               applied.old["student_id"].is_number_integer()) {
      t.students.insert(applied.old["student_id"].get<int64_t>());  // removed: its student from the audit
    } else {
      t.AddAll();
      return t;
    }
  }
  for (const auto& [lesson_id, student_id] : applied.attendance) t.students.insert(student_id);
  for (const FinalKey& key : applied.finals) t.students.insert(key.student_id);
  return t;
}

DiaryTouch DiaryTouchOfRecommendation(const Recommendation& r) {
  DiaryTouch t;
  t.students.insert(r.student_id);
  return t;
}

DiaryTouch DiaryTouchOfKind(std::string_view kind) {
  DiaryTouch t;
  if (!IsPlanOp(kind)) t.AddAll();
  return t;
}

bool ChangesRelations(std::string_view kind) {
  if (kind == op_kind::kLessonSubstitute || kind == op_kind::kLessonsGenerate) return true;
  if (IsJournalOp(kind) || IsRecommendationOp(kind) || IsPlanOp(kind)) return false;
  return true;
}

}  // namespace ej
