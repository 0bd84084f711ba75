// Public API of the core: whose diaries an applied operation may have changed (R19). The server
// keeps whole diaries between changes; after a push it drops only the diaries of the students
// the push touched, so a teacher at work does not make every family's next request rebuild.
//
// What a student's diary shows (diary.h BuildDiary): their own marks, attendance, finals and
// recommendations; the lessons of their groups (topic, homework, substitution, move); the
// structure (classes, teachers, holidays), the timetable's bells, the control-work schedule and
// the school's rules. So:
//   - a mark, an attendance cell, a final, a recommendation: that student;
//   - a lesson's topic, homework, notes, substitution or move: every student the lesson's group
//     ever held (a whole-class group: everyone ever enrolled in its class; another: its members);
//   - a lesson that is gone, a mark whose student cannot be told, a period lock, lessons.generate,
//     and every structure, timetable, control-work or rules operation: every diary;
//   - a thematic plan (the diary does not show it) and a correction request alone: none.
#pragma once

#include <cstdint>
#include <set>
#include <string_view>

#include "journal.h"
#include "journal_recommendations.h"
#include "structure.h"

namespace ej {

struct DiaryTouch {
  bool all = false;               // every diary of the school
  std::set<int64_t> students;     // otherwise: these students' diaries

  void Add(const DiaryTouch& other);
  void AddAll() { all = true; }
  bool Touches(int64_t student_id) const { return all || students.count(student_id) > 0; }
  bool Empty() const { return !all && students.empty(); }
};

// An applied journal operation of `kind`, from its effect and the journal after it (a removed
// mark's student comes from `applied.old`).
DiaryTouch DiaryTouchOfJournalOp(const Structure& s, const Journal& after, std::string_view kind,
                                 const JournalApplied& applied);

// An applied recommendation.add.
DiaryTouch DiaryTouchOfRecommendation(const Recommendation& r);

// Any other applied operation, by its kind (plans: none; everything else: all).
DiaryTouch DiaryTouchOfKind(std::string_view kind);

// Whether an operation of this kind may change who a person is to the access policy (roles,
// classes led, children, groups taught, lessons substituted) and so whose diaries they see:
// every structure operation, lesson.substitute, lessons.generate, and any kind not known here.
bool ChangesRelations(std::string_view kind);

// Every student a group ever held (see above); empty when the group is unknown.
std::set<int64_t> StudentsEverInGroup(const Structure& s, int64_t group_id);

}  // namespace ej
