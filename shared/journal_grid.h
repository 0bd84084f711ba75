// Public API of the core: the journal grid of one group over a study period, as a teacher, a
// class teacher or a deputy sees it: students × lessons with marks and attendance in the
// cells, the lessons' topic and homework markers, the weighted average, the proposed final and
// the final at the right. The screen draws it; every figure in it is computed here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "journal.h"
#include "school_rules.h"
#include "structure.h"

namespace ej {

struct GridColumn {
  int64_t lesson_id = 0;
  Date date;
  int number = 1;
  std::string title;          // "08.09"
  bool has_topic = false;     // a lesson without a topic or homework is marked on screen
  bool has_homework = false;
  bool substituted = false;
  bool moved = false;
  bool future = false;        // after today: no marks yet
};

struct GridCell {
  std::vector<const Mark*> marks;  // in the order given
  std::string attendance;          // «н», «б» … or ""
  int64_t attendance_version = 0;
  bool member = true;              // the student was in the group on the lesson's day
  std::string Text() const;        // "5 4", "н", "н 5"
};

struct GridRow {
  int64_t student_id = 0;
  std::string name;        // «Абрамов Иван»
  std::vector<GridCell> cells;  // one per column
  std::string average;     // "4,25" or ""
  int marks = 0;           // counted in the average
  std::string proposed;    // the proposed final, "" when none (too few marks)
  std::string final_value; // the final given, "" when none
  int64_t final_version = 0;
  int absences = 0;        // lessons missed in the range (excused or not)
};

struct JournalGrid {
  int64_t group_id = 0;
  std::string group_name;
  std::string subject;
  int64_t period_id = 0;      // the period the finals belong to
  std::string period_name;
  std::string system_id;      // the grading system of the group's grade; "none": no marks
  std::vector<std::string> final_values;  // what a final may be, best first
  std::vector<std::string> failing_values;  // the system's failing values (shown in red)
  bool IsFailing(const std::string& value) const;
  std::vector<GridColumn> columns;
  std::vector<GridRow> rows;  // students ever in the group during the period, alphabetical
  int lessons_without_topic = 0;  // held lessons, for the deputy's control
};

// The grid of a group for a study period (`today` decides what is in the future).
JournalGrid BuildJournalGrid(const Structure& s, const Journal& j, const SchoolRules& rules, int64_t group_id,
                             const StudyPeriod& period, Date today);

// The year's marks of a group (R21): per student the period marks, the year's average, the
// proposed year mark, the year mark, and for the grades that sit state exams (9 and 11) the
// exam and the final (итоговая) mark. The teacher confirms or chooses another value.
struct YearGridRow {
  int64_t student_id = 0;
  std::string name;
  std::vector<std::string> period_values;  // one per period, "" when none
  std::string average;       // the weighted average of the year's marks, "4,25" or ""
  std::string proposed;      // the proposed year mark (from the period marks), "" when none
  std::string year_value;
  int64_t year_version = 0;
  std::string exam_value;
  int64_t exam_version = 0;
  std::string final_value;   // итоговая
  int64_t final_version = 0;
};

struct YearGrid {
  int64_t group_id = 0;
  std::string group_name;
  std::string subject;
  std::string system_id;
  std::vector<std::string> final_values;  // what a year, exam or final mark may be
  std::vector<std::string> failing_values;  // the system's failing values (shown in red)
  bool IsFailing(const std::string& value) const;
  std::vector<std::string> periods;       // «1 четверть» …
  bool exams = false;                     // grade 9 or 11: exam and итоговая columns
  std::vector<YearGridRow> rows;
};

YearGrid BuildYearGrid(const Structure& s, const Journal& j, const SchoolRules& rules, int64_t group_id);

// The study periods of the group's grade in its year, in order.
std::vector<const StudyPeriod*> PeriodsOfGroup(const Structure& s, int64_t group_id);

}  // namespace ej
