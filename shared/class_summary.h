// Public API of the core: the class teacher's view of their class (R12, R21): every subject's
// journal of the class for a study period in one table — for each student the weighted average
// and the period mark per subject, and the attendance summary (lessons missed, of them for
// illness, for another valid reason, without one; late arrivals are not absences). Also the
// journal a class teacher loads for it: the class's groups, cut to the class's own students.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "journal.h"
#include "school_rules.h"
#include "structure.h"

namespace ej {

// One subject of the class: its groups (a subject taught in subgroups is one column; each
// student's cell comes from the subgroup they are in).
struct ClassSummaryColumn {
  std::vector<int64_t> group_ids;
  std::string subject;        // «Математика»
  std::string short_subject;  // «Матем.» (the subject's short name, or the name)
  int lessons_held = 0;       // up to today in the period (the most of its groups)
  int lessons_without_topic = 0;  // of all its groups
};

struct ClassSummaryCell {
  bool member = false;        // the student is in this group during the period
  std::string average;        // "4,25" or ""
  std::string final_value;    // the period mark, "" when none yet
  bool failing = false;       // the period mark (or the proposal while there is none) is failing
  int marks = 0;
};

struct ClassSummaryRow {
  int64_t student_id = 0;
  std::string name;           // «Абрамов Иван»
  std::vector<ClassSummaryCell> cells;  // one per column
  std::vector<int> by_code;   // entries per attendance code of the school (ClassSummary::codes)
  int missed = 0;             // lessons missed (codes that count as absence)
  int missed_excused = 0;     // of them with a valid reason (illness included)
  int missed_unexcused = 0;
  int failing = 0;            // subjects whose period mark or proposal is failing (2, 1, незач)
};

struct ClassSummary {
  int64_t class_id = 0;
  std::string class_name;     // «5А»
  int64_t period_id = 0;
  std::string period_name;
  std::vector<ClassSummaryColumn> columns;  // one per subject, by subject name
  std::vector<AttendanceCode> codes;        // the school's attendance codes, as in its rules
  std::vector<ClassSummaryRow> rows;        // the class's students during the period, alphabetical
  int missed = 0, missed_unexcused = 0;     // the class's totals
};

// The class's groups this year (every subject, subgroups included), ordered by subject.
std::vector<const Group*> GroupsOfClass(const Structure& s, int64_t class_id);

// The summary for a study period; `today` bounds the lessons counted as held.
ClassSummary BuildClassSummary(const Structure& s, const Journal& j, const SchoolRules& rules, int64_t class_id,
                               const StudyPeriod& period, Date today);

// What a class teacher (or the administration) loads for the summary: the lessons of the
// class's groups in the range, and only the marks, attendance and finals of students who were
// in the class at some day of the range (a group shared with another class does not show that
// class's students). Correction requests are not included.
Journal SliceForClass(const Structure& s, const Journal& j, int64_t class_id, std::optional<DateRange> range);

}  // namespace ej
