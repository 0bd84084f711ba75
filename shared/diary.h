// Public API of the core: the diary of one student (R19) — what a parent and a student see in
// their cabinet, and what a class teacher or a teacher opens for one student. Computed from the
// structure, the journal, the timetable (lesson times), the control-work schedule and the
// school's rules; the client only draws it.
//
// [SECTION] model          days, lessons, marks, subjects, holidays
// [SECTION] building       BuildDiary, who may see which subjects
// [SECTION] JSON           the diary on the wire
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "control_works.h"
#include "journal_recommendations.h"
#include "date.h"
#include "journal.h"
#include "protocol.h"
#include "school_rules.h"
#include "status.h"
#include "structure.h"
#include "timetable.h"

namespace ej {

// ---- [SECTION] model ----

// A mark of the student as the diary shows it.
struct DiaryMark {
  std::string id;
  Date date;               // the lesson's date
  std::string value;       // "5", "4+", "зач"
  std::string type;        // the mark type's code ("control")
  std::string type_name;   // «Контрольная работа»
  int weight = 1;
  std::string comment;
  bool is_new = false;     // given or changed since the reader's last visit (MarkNewSince)
  friend bool operator==(const DiaryMark&, const DiaryMark&) = default;
};

// One lesson of the student's day.
struct DiaryLesson {
  int64_t lesson_id = 0;
  int64_t group_id = 0;
  int number = 0;
  std::string start;        // "08:30" by the bells ("" when the bells have no such lesson)
  std::string end;
  std::string subject;      // «Математика»
  std::string teacher;      // «Иванова М. П.» — who keeps the lesson (the substitute if any)
  std::string room;
  std::string topic;
  std::string homework;     // text of the homework set at this lesson
  int homework_minutes = 0;
  std::optional<Date> homework_due;  // the lesson it is due for (its date)
  std::vector<DiaryMark> marks;
  std::string attendance;   // «н», «б» … ("" when present)
  bool substituted = false;
  std::string substitute;   // the substitute's short name
  bool moved = false;
  std::string control_work;        // the form («контрольная работа»), "" when none
  std::string control_work_title;
  // Its homework, substitution or move changed since the reader's last visit (MarkNewSince).
  bool is_new = false;
  friend bool operator==(const DiaryLesson&, const DiaryLesson&) = default;
};

struct DiaryDay {
  Date date;
  std::string holiday;  // the holiday's name when the day is in one
  std::vector<DiaryLesson> lessons;  // by number
  friend bool operator==(const DiaryDay&, const DiaryDay&) = default;
};

struct DiaryFinal {
  std::string kind;    // FinalKindCode: "period", "year" …
  std::string period;  // the study period's name for "period"; the kind's title otherwise
  std::string value;
  friend bool operator==(const DiaryFinal&, const DiaryFinal&) = default;
};

// One subject (one group) over the study period.
struct DiarySubject {
  int64_t group_id = 0;
  std::string subject;
  std::string teacher;            // the group's teacher by the workload
  std::vector<DiaryMark> marks;   // by date
  std::string average;            // FormatAverage, "" when there is no counted mark
  std::vector<DiaryFinal> finals;
  friend bool operator==(const DiarySubject&, const DiarySubject&) = default;
};

struct DiaryHoliday {
  std::string name;
  DateRange range;
  friend bool operator==(const DiaryHoliday&, const DiaryHoliday&) = default;
};

// A teacher of the student's groups (the class's teachers as the student meets them).
struct DiaryTeacher {
  std::string subject;  // «Математика»
  std::string name;     // full name
  friend bool operator==(const DiaryTeacher&, const DiaryTeacher&) = default;
};

// A control work of the student's groups in the study period (the schedule, R10).
struct DiaryControlWork {
  Date date;
  int number = 0;       // the lesson's number, 0 when not fixed
  std::string subject;
  std::string form;     // «контрольная работа»
  std::string title;
  friend bool operator==(const DiaryControlWork&, const DiaryControlWork&) = default;
};

// A teacher's recommendation (journal_recommendations.h) as the family reads it.
struct DiaryRecommendation {
  std::string id;
  Date date;
  std::string subject;
  std::string teacher;  // short name
  std::string text;
  bool is_new = false;
  friend bool operator==(const DiaryRecommendation&, const DiaryRecommendation&) = default;
};

// The informing feed (R10, R19): what changed in the student's lessons of the range — a
// substitution, a moved lesson, a control work — each as one line to read.
struct DiaryFeedItem {
  Date date;
  int number = 0;
  std::string kind;     // "substitution", "move", "control_work"
  std::string text;     // «Математика, 3-й урок: замена — ведёт Петрова А. С.»
  int64_t lesson_id = 0;
  int64_t group_id = 0;
  bool is_new = false;
  friend bool operator==(const DiaryFeedItem&, const DiaryFeedItem&) = default;
};

struct DiaryView {
  int64_t student_id = 0;
  std::string student;      // full name
  std::string class_name;   // «5А» ("" when not enrolled on the first day)
  DateRange range;          // the days shown
  std::vector<DiaryDay> days;
  std::string period;       // the study period the subjects cover («1 четверть»), or the range
  DateRange period_range;
  std::vector<DiarySubject> subjects;  // by subject name
  std::vector<DiaryHoliday> holidays;  // of the school, overlapping the range
  // True when the actor sees only some subjects (a teacher: the groups they teach).
  bool partial = false;
  std::string class_teacher;                 // full name, "" when none
  std::vector<DiaryTeacher> teachers;        // by subject
  std::vector<DiaryControlWork> control_works;  // of the study period, by date
  std::vector<DiaryRecommendation> recommendations;  // newest first
  std::vector<DiaryFeedItem> feed;           // by date and lesson number
  int new_count = 0;                         // items marked new (MarkNewSince)
  friend bool operator==(const DiaryView&, const DiaryView&) = default;
};

// ---- [SECTION] building ----

// Everything the diary is computed from.
struct DiarySources {
  const Structure& structure;
  const Journal& journal;
  const Timetable& timetable;
  const ControlWorks& control_works;
  const SchoolRules& rules;
  const Recommendations* recommendations = nullptr;  // none when null
};

// The longest range one request may ask for (a quarter and a bit).
inline constexpr int kMaxDiaryDays = 100;

// The target of Action::kReadDiary for a student over a range: the student, their class on the
// first day (or any class of the range) and the groups they are in.
Target DiaryTarget(const Structure& s, int64_t student_id, DateRange range);

// The groups of a student during a range (on any day of it), ordered by id.
std::vector<int64_t> GroupsOfStudent(const Structure& s, int64_t student_id, DateRange range);

// Whether the actor may see the student's diary over the range: true when they see all of it,
// false when only the groups they teach (a teacher); errors as BuildDiary's. Cheap: no journal.
Result<bool> AuthorizeDiary(const Structure& s, const Actor& actor, int64_t student_id, DateRange range);

// The diary of a student over a range, as much of it as the actor may see. kNotFound for a
// person who is not a student of the school; kForbidden (Authorize kReadDiary) when the actor
// may not see it; kBadRequest for a range longer than kMaxDiaryDays or reversed. A teacher who
// is not the class teacher gets only the groups they teach (partial).
Result<DiaryView> BuildDiary(const DiarySources& src, const Actor& actor, int64_t student_id, DateRange range);

// What arrived since the reader's last visit: `since` are the operations logged after it
// (any kinds; those that do not touch this diary are ignored). Marks given or changed
// (mark.add, mark.set), lessons whose homework, substitution or move changed, control works
// set on the diary's days and recommendations written are flagged is_new; view.new_count
// counts them. Returns new_count.
int MarkNewSince(DiaryView& view, const std::vector<Operation>& since);

// The operation kinds MarkNewSince looks at (the server reads only these from the log).
const std::vector<std::string_view>& DiaryNewsKinds();

// ---- [SECTION] JSON ----

protocol::Json ToJson(const DiaryView& d);
Result<DiaryView> DiaryViewFromJson(const protocol::Json& j);

// A child a parent may switch to (or the student themself): GET /api/v1/children.
struct ChildInfo {
  int64_t student_id = 0;
  std::string name;        // full name
  std::string class_name;  // «5А», "" when not enrolled on the day
  friend bool operator==(const ChildInfo&, const ChildInfo&) = default;
};
// The actor's children (a parent) or the actor themself (a student), on a day, by name.
std::vector<ChildInfo> ChildrenOf(const Structure& s, const Actor& actor, Date day);
protocol::Json ToJson(const std::vector<ChildInfo>& children);
Result<std::vector<ChildInfo>> ChildrenFromJson(const protocol::Json& j);

}  // namespace ej
