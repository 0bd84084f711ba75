// Public API of the core: substitutions (замены, R10). Who can take a lesson whose teacher is
// away — the teachers free at that time, those qualified for the subject first — the day's
// substitutions as a list, and how the control reports count a substituted lesson.
//
// [SECTION] candidates     free teachers for a lesson, ranked by qualification
// [SECTION] the day        the substitutions and moves of one day
// [SECTION] reports        lessons held, replaced and substituted per teacher
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access.h"
#include "date.h"
#include "journal.h"
#include "structure.h"
#include "timetable.h"

namespace ej {

// ---- [SECTION] candidates ----

// How well a free teacher fits the lesson's subject.
enum class SubstituteFit {
  kSameGrade,     // teaches the lesson's subject in the lesson's grade this year
  kOtherGrades,   // teaches the subject, in other grades
  kOtherSubject,  // free, but does not teach the subject (a lesson kept by another subject)
};
std::string_view SubstituteFitTitle(SubstituteFit f);  // «ведёт предмет в этой параллели» …

struct SubstituteCandidate {
  int64_t person_id = 0;
  std::string name;  // «Цветкова Т. А.»
  SubstituteFit fit = SubstituteFit::kOtherSubject;
  int lessons_that_day = 0;  // lessons the teacher keeps that day (a lighter day first)
};

// The teachers (role teacher, head or deputy with workload) free at the lesson's date and
// time — keeping no other lesson then, as its teacher without a substitute or as a
// substitute — except the lesson's own teacher. Ordered by fit, then by the lessons they keep
// that day, then by name. `day_lessons`: every lesson of the school on the lesson's date (the
// lesson itself may be among them). «Then» is by the bells of each lesson's class's shift
// (BellsOfClass): two lessons are at once when their times overlap, so with two shifts a
// teacher busy with the 2nd shift's lesson 1 is free for the 1st shift's lesson 1; a lesson
// number without bells is compared by number.
std::vector<SubstituteCandidate> FindSubstitutes(const Structure& s, const std::vector<BellSchedule>& bells,
                                                 const std::vector<Lesson>& day_lessons, const Lesson& lesson);

// ---- [SECTION] the day ----

// The lessons of the list on the day with a substitute, ordered by number, then group id.
std::vector<Lesson> SubstitutionsOn(const std::vector<Lesson>& lessons, Date day);

// What a substitute reads of a group's journal (R10): only the lessons they keep there, with
// those lessons' marks and attendance; no other lesson, no finals, no correction requests.
// Empty when the actor keeps no lesson of the group.
Journal SliceForSubstitute(const Journal& j, const Actor& actor, int64_t group_id, std::optional<DateRange> range);

// ---- [SECTION] reports ----

// A teacher's lessons over a range, for the control reports: a substituted lesson counts as
// replaced for its teacher by the timetable and as a substitution for the one who kept it.
struct TeacherLessonCount {
  int held = 0;         // lessons kept as the teacher by the timetable (no substitute)
  int replaced = 0;     // the teacher's lessons a substitute kept
  int substituted = 0;  // other teachers' lessons this teacher kept as a substitute
};
TeacherLessonCount CountTeacherLessons(const std::vector<Lesson>& lessons, int64_t teacher_id, DateRange range);

}  // namespace ej
