// Public API of the core: the class journal (R3, R10, R12, R13, R21). Lessons as they were held
// (generated from the timetable, substituted, moved), their topics and homework, marks,
// attendance, period and year finals, correction requests and period locks. The state, the
// operations that change it (each validated, with the access policy and the school's
// correction rules applied), the calculations (weighted averages, proposed finals) and the
// JSON the server sends and the client keeps offline.
//
// [SECTION] model          lessons, marks, attendance, finals, correction requests
// [SECTION] Journal        the state and its queries
// [SECTION] calculations   weighted averages, proposed finals
// [SECTION] operations     kinds, payload builders, Apply
// [SECTION] JSON           the journal (or a slice of it) on the wire
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "access.h"
#include "date.h"
#include "ops.h"
#include "protocol.h"
#include "school_rules.h"
#include "status.h"
#include "structure.h"
#include "timetable.h"

namespace ej {

// ---- [SECTION] model ----

struct Homework {
  std::string text;
  int minutes = 0;            // the teacher's estimate of the time it takes (R14)
  int64_t due_lesson_id = 0;  // the lesson it is due for (0: the group's next lesson)
  int64_t version = 0;        // every change adds one
};

// A lesson of a group as the journal keeps it.
struct JournalLesson {
  Lesson lesson;            // group, date, number, teacher, substitute, room (timetable.h)
  std::string topic;
  Homework homework;
  int64_t topic_version = 0;  // every change of the topic adds one
  // Примечание к уроку: the teacher's note on how the lesson went (staff read it, families do not).
  std::string notes;
  int64_t notes_version = 0;  // every change of the notes adds one
  bool moved = false;       // перенос: its date or number differs from the timetable
};

// A mark. Its id is a UUID made by the client (the op_id of the mark.add that created it), so a
// mark typed offline can be corrected before it ever reaches the server.
struct Mark {
  std::string id;
  int64_t lesson_id = 0;
  int64_t student_id = 0;
  std::string value;    // a code of the group's grading system: "5", "4+", "зач"
  std::string type;     // a mark type code of the school's rules: "answer", "control"
  std::string comment;
  int64_t version = 1;  // every change adds one
  // When it was given: the client time (ms) of the mark.add. A cell shows its marks in this
  // order (then by id), the same on every device and after every reload.
  int64_t added = 0;
};

struct AttendanceMark {
  int64_t lesson_id = 0;
  int64_t student_id = 0;
  std::string code;     // «н», «б», «у», «оп»
  int64_t version = 1;
};

// четвертная / полугодовая (a study period), годовая, экзаменационная, итоговая.
enum class FinalKind { kPeriod, kYear, kExam, kFinal };
std::string_view FinalKindCode(FinalKind k);  // "period", "year", "exam", "final"
std::optional<FinalKind> FinalKindFromCode(std::string_view code);
std::string_view FinalKindTitle(FinalKind k);  // «четвертная» is the period's own name; «годовая» …

struct FinalKey {
  int64_t group_id = 0;
  int64_t student_id = 0;
  FinalKind kind = FinalKind::kPeriod;
  int64_t period_id = 0;  // for kPeriod; 0 otherwise
  friend auto operator<=>(const FinalKey&, const FinalKey&) = default;
};

struct FinalMark {
  FinalKey key;
  std::string value;
  int64_t version = 1;
};

enum class RequestState { kPending, kApproved, kDeclined };
std::string_view RequestStateCode(RequestState s);  // "pending", "approved", "declined"

// A change in a locked period waits for a deputy (R3, R13): the operation itself, kept as sent.
struct CorrectionRequest {
  int64_t id = 0;
  Operation op;                 // the change asked for (mark.set, attendance.set …)
  int64_t author_id = 0;        // the person who asked
  std::string reason;
  RequestState state = RequestState::kPending;
  int64_t decided_by = 0;
  std::string decision_comment;
};

// ---- [SECTION] Journal ----

class Journal {
 public:
  std::map<int64_t, JournalLesson> lessons;
  std::map<std::string, Mark> marks;
  std::map<std::pair<int64_t, int64_t>, AttendanceMark> attendance;  // (lesson, student)
  std::map<FinalKey, FinalMark> finals;
  std::map<int64_t, CorrectionRequest> requests;
  std::set<int64_t> locked_periods;

  const JournalLesson* FindLesson(int64_t id) const;
  const Mark* FindMark(const std::string& id) const;
  const AttendanceMark* FindAttendance(int64_t lesson_id, int64_t student_id) const;
  const FinalMark* FindFinal(const FinalKey& key) const;
  // Marks of a lesson (in the order they were given).
  std::vector<const Mark*> MarksOf(int64_t lesson_id) const;
  // Lessons of a group inside a range, by date and number.
  std::vector<const JournalLesson*> LessonsOf(int64_t group_id, DateRange range) const;
  // A topic, homework, a mark or attendance is recorded (or the lesson was substituted or
  // moved): such a lesson is never dropped by a timetable change.
  bool HasEntries(int64_t lesson_id) const;

  // Ids continue after the largest the server has (every school's rows).
  int64_t NextLessonId() { return next_lesson_id_++; }
  int64_t NextRequestId() { return next_request_id_++; }
  void SetNextIds(int64_t lesson, int64_t request) {
    next_lesson_id_ = lesson;
    next_request_id_ = request;
  }
  // Rebuilds the indexes (lesson → marks, group → lessons) after the maps were filled
  // directly (loading). Adding or removing lessons directly: call LessonsChanged().
  void Reindex();
  void LessonsChanged() { lessons_indexed_ = false; }
  void IndexMark(const Mark& m);
  void UnindexMark(const Mark& m);

 private:
  std::map<int64_t, std::vector<std::string>> marks_by_lesson_;
  // group → its lessons' ids, rebuilt on demand (lessons are few thousand per group at most).
  mutable std::map<int64_t, std::vector<int64_t>> lessons_by_group_;
  mutable bool lessons_indexed_ = false;
  mutable size_t lessons_indexed_count_ = 0;
  int64_t next_lesson_id_ = 1;
  int64_t next_request_id_ = 1;
};

// The person's relations the access policy needs from the state: the groups they teach by the
// workload of the current data and the lessons they substitute in.
void AddJournalRelations(Actor& actor, const Structure& s, const Journal& j);

// The target of a lesson for Authorize (kWriteLesson, kReadJournal).
Target LessonTarget(const Structure& s, const JournalLesson& l);
Target GroupTarget(const Structure& s, int64_t group_id);

// The study period of a grade containing the day, if any.
const StudyPeriod* PeriodOf(const Structure& s, int grade, Date d);
// The grade of a group (its first class's grade), 0 if unknown.
int GradeOfGroup(const Structure& s, int64_t group_id);

// ---- [SECTION] calculations ----

// The weighted average of a student's marks in a group over a range: Σ(numeric × weight) /
// Σ weight over marks whose value counts (зачёт does not). None when there is no such mark.
std::optional<double> WeightedAverage(const Journal& j, const SchoolRules& rules, const std::string& system_id,
                                      int64_t group_id, int64_t student_id, DateRange range);

// The same over marks already at hand (the diary collects a student's marks once).
std::optional<double> WeightedAverageOf(const SchoolRules& rules, const std::string& system_id,
                                        const std::vector<const Mark*>& marks);

// What the core proposes as a final mark: the average rounded by the school's rule (an
// average whose fraction reaches rules.finals.round_up_from rounds up: with 0.5, 3.5 → 4 and
// 3.49 → 3), matched to the system's whole final values (the nearest numeric value allowed as
// a final). None when there are fewer marks than rules.finals.min_marks; the teacher decides.
struct ProposedFinal {
  std::optional<double> average;
  int marks = 0;
  std::string value;  // "" when nothing is proposed
};
ProposedFinal ProposeFinal(const Journal& j, const SchoolRules& rules, const std::string& system_id, int64_t group_id,
                           int64_t student_id, DateRange range);

// The year's mark from the period marks (R21): their average rounded by the same rule. None
// while a period has no mark (an empty code) or when no period mark is numeric (зачёт).
ProposedFinal ProposeFromPeriods(const SchoolRules& rules, const std::string& system_id,
                                 const std::vector<std::string>& period_values);

// "4,25" (Russian decimal comma, two decimals).
std::string FormatAverage(double average);

// The lessons a homework of `lesson` may be due for: the group's next `count` lessons on later
// days (lesson.set_homework refuses the same day), by date and number; within the next 120 days.
std::vector<const JournalLesson*> LessonsAfter(const Journal& j, const JournalLesson& lesson, size_t count);

// ---- [SECTION] operations ----

namespace op_kind {
inline constexpr std::string_view kLessonsGenerate = "lessons.generate";
inline constexpr std::string_view kLessonSubstitute = "lesson.substitute";
inline constexpr std::string_view kLessonMove = "lesson.move";
inline constexpr std::string_view kLessonSetTopic = "lesson.set_topic";
inline constexpr std::string_view kLessonSetHomework = "lesson.set_homework";
inline constexpr std::string_view kLessonSetNotes = "lesson.set_notes";
inline constexpr std::string_view kMarkAdd = "mark.add";
inline constexpr std::string_view kMarkSet = "mark.set";
inline constexpr std::string_view kMarkRemove = "mark.remove";
inline constexpr std::string_view kAttendanceSet = "attendance.set";
inline constexpr std::string_view kFinalSet = "final.set";
inline constexpr std::string_view kCorrectionRequest = "correction.request";
inline constexpr std::string_view kCorrectionDecide = "correction.decide";
inline constexpr std::string_view kPeriodLock = "period.lock";
}  // namespace op_kind

bool IsJournalOp(std::string_view kind);
const std::vector<std::string_view>& JournalOpKinds();

// Payload builders: the client makes operations with these, so keys are spelled once.
// lessons.generate: lessons of the year from the timetable, from `from` on (regeneration keeps
// lessons with entries and reports the future lessons added and removed).
protocol::Json LessonsGeneratePayload(int64_t year_id, Date from);
// substitute_id 0 cancels the substitution.
protocol::Json LessonSubstitutePayload(int64_t lesson_id, int64_t substitute_id);
protocol::Json LessonMovePayload(int64_t lesson_id, Date date, int number);
// Every entry op carries an optional reason (needed after the correction window).
protocol::Json LessonSetTopicPayload(int64_t lesson_id, const std::string& topic, const std::string& reason = {});
protocol::Json LessonSetHomeworkPayload(int64_t lesson_id, const Homework& h, const std::string& reason = {});
// The lesson's notes ("" clears them).
protocol::Json LessonSetNotesPayload(int64_t lesson_id, const std::string& notes, const std::string& reason = {});
// The mark's id is the op_id of this operation.
protocol::Json MarkAddPayload(int64_t lesson_id, int64_t student_id, const std::string& value,
                              const std::string& type, const std::string& comment = {},
                              const std::string& reason = {});
protocol::Json MarkSetPayload(const std::string& mark_id, const std::string& value, const std::string& type,
                              const std::string& comment, const std::string& reason = {});
protocol::Json MarkRemovePayload(const std::string& mark_id, const std::string& reason = {});
// code "" clears the cell.
protocol::Json AttendanceSetPayload(int64_t lesson_id, int64_t student_id, const std::string& code,
                                    const std::string& reason = {});
// value "" clears the final.
protocol::Json FinalSetPayload(const FinalKey& key, const std::string& value, const std::string& reason = {});
// A change that needs the deputy's approval, wrapped: the inner operation as it would be sent.
protocol::Json CorrectionRequestPayload(const Operation& inner, const std::string& reason);
protocol::Json CorrectionDecidePayload(int64_t request_id, bool approve, const std::string& comment = {});
protocol::Json PeriodLockPayload(int64_t period_id, bool locked);

// What an operation changed, for whoever persists the state, and for the audit.
struct JournalApplied {
  int64_t created_id = 0;        // a correction request
  std::vector<int64_t> lessons;  // changed or removed (absent from the state afterwards)
  std::vector<std::string> marks;
  std::vector<std::pair<int64_t, int64_t>> attendance;
  std::vector<FinalKey> finals;
  std::vector<int64_t> requests;
  std::vector<int64_t> periods;  // lock changed
  // A change to something already recorded (R3, R13): the log keeps old → new and why.
  bool correction = false;
  protocol::Json old;            // the previous value (null when there was none)
  std::string reason;
  // lessons.generate: future lessons added and removed (for informing students and parents).
  int added = 0;
  int removed = 0;
};
// The figures an operation's author is answered with (OpResult::summary): for lessons.generate
// {"added", "removed"} (future lessons); null for the others.
protocol::Json JournalOpSummary(std::string_view kind, const JournalApplied& applied);

// Everything Apply reads besides the journal. `today` is the server's date when it applies an
// operation, the device's date when the client applies it locally.
struct JournalContext {
  const Structure& structure;
  const Timetable& timetable;
  const SchoolRules& rules;
  Date today;
};

// Checks the operation against the access policy, the structure, the school's rules and the
// correction rules, and if it passes changes the journal. On error nothing changes: kForbidden,
// kValidation (the message names the problem in Russian; field "reason" when a reason is
// needed, "approval" when only a correction request can make the change), kConflict when
// op.base_version is not the target's current version (someone changed it since; the message
// says what it is now), kNotFound for a lesson, mark or request that does not exist.
Result<JournalApplied> ApplyJournalOp(Journal& j, const JournalContext& ctx, const Operation& op, const Actor& actor);

// ---- [SECTION] JSON ----

// The journal of one group over a range (what a teacher, a class teacher or a deputy loads
// into the grid, and the client keeps offline): its lessons, their marks and attendance, the
// group's finals, the requests concerning those lessons, the locked periods. Empty range: all.
Journal SliceForGroup(const Journal& j, int64_t group_id, std::optional<DateRange> range);
protocol::Json ToJson(const Journal& j);
Result<Journal> JournalFromJson(const protocol::Json& json);

}  // namespace ej
