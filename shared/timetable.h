// Public API of the core: regimes, the weekly timetable and the lessons it generates (R10).
//
// [SECTION] regime          bell schedules and the school week
// [SECTION] timetable       weekly entries, alternating weeks, conflicts
// [SECTION] lessons         generation over study periods minus holidays, regeneration
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "status.h"
#include "structure.h"

namespace ej {

// ---- [SECTION] regime ----

// Minutes since midnight, shown as "08:30".
struct ClockTime {
  int minutes = 0;
  static std::optional<ClockTime> Parse(std::string_view hhmm);
  std::string Text() const;
  friend auto operator<=>(const ClockTime&, const ClockTime&) = default;
};

struct BellSlot {
  int number = 1;  // lesson number in the day (1…)
  ClockTime start;
  ClockTime end;
};

// A bell schedule (расписание звонков) of one shift.
struct BellSchedule {
  int64_t id = 0;
  std::string name;  // "1 смена"
  std::vector<BellSlot> slots;
  std::vector<int64_t> class_ids;  // the classes of this shift; empty: every class no schedule names
};

// The bell schedule of a class: the one naming it, else the first naming no class, else the
// first; nullptr without bell schedules.
const BellSchedule* BellsOfClass(const std::vector<BellSchedule>& bells, int64_t class_id);
// The bells of a group's lesson number by the shift of the group's (first) class; nullopt when
// no schedule has that number.
std::optional<BellSlot> LessonBells(const Structure& s, const std::vector<BellSchedule>& bells, int64_t group_id,
                                    int number);

// The school week of a class (R10): five days, Monday to Friday, unless the class is one of
// `six_day_classes` (шестидневная неделя). A group studies on Saturday only when every class it
// draws from does.
bool StudiesSixDays(const std::vector<int64_t>& six_day_classes, int64_t class_id);
bool GroupStudiesSixDays(const Structure& s, const std::vector<int64_t>& six_day_classes, int64_t group_id);

// Lessons at least 30 minutes, breaks at least 5 (СанПиН: 10), numbers 1, 2, 3 … in order,
// no overlap. The message names the lesson number.
Status ValidateBellSchedule(const BellSchedule& b);

// ---- [SECTION] timetable ----

enum class WeekParity { kEvery, kOdd, kEven };  // every week, числитель, знаменатель
enum class TimetableKind { kMain, kExtracurricular, kAdditional };

// One line of the weekly pattern: a group meets its teacher on a weekday, lesson number.
struct TimetableEntry {
  int64_t id = 0;
  int64_t year_id = 0;
  int64_t group_id = 0;
  int64_t teacher_id = 0;
  int weekday = 1;       // 1 = Monday … 6 = Saturday
  int number = 1;        // lesson number (the bell schedule's slot)
  std::string room;      // "201", may be empty
  WeekParity parity = WeekParity::kEvery;
  TimetableKind kind = TimetableKind::kMain;
};

// The week's parity on a day: odd (числитель) for the week of the year's first day, then
// alternating by calendar (Monday-started) weeks.
WeekParity ParityOn(const AcademicYear& year, Date d);
bool ParityMatches(WeekParity entry, WeekParity week);

// A conflict in a timetable: the rule, the entries concerned, a Russian message naming them.
struct TimetableConflict {
  std::string code;  // "teacher_busy", "room_busy", "student_busy", "hours_over", "hours_under",
                     // "saturday_five_day"
  std::vector<int64_t> entry_ids;
  std::string message;
  int64_t group_id = 0;  // hours_over / hours_under: the group (it may have no entry yet)
};

// Every conflict of the year's timetable: a teacher, a room or a student in two places at
// once (alternating weeks counted), and weekly hours against the workload (a group's hours
// must equal the hours teachers were given; alternating entries count half).
std::vector<TimetableConflict> FindTimetableConflicts(const Structure& s, const std::vector<TimetableEntry>& entries,
                                                      int64_t year_id);

// ---- [SECTION] lessons ----

struct Lesson {
  int64_t id = 0;
  int64_t group_id = 0;
  Date date;
  int number = 1;
  int64_t teacher_id = 0;      // by the timetable
  int64_t substitute_id = 0;   // замена: this lesson only (0: none)
  std::string room;
  int64_t entry_id = 0;        // the timetable entry it came from (0: added by hand)
  bool has_entries = false;    // marks, attendance, topic or homework recorded: never dropped
};

// The study days of a grade: within a study period for the grade, not a holiday, not Sunday,
// not Saturday for a five-day week.
bool IsStudyDay(const Structure& s, int64_t year_id, int grade, Date d, bool six_day_week);

// Lessons for the year from the timetable, each group on its classes' study days (Saturdays
// only for six-day classes). Deterministic order (date, number, group).
std::vector<Lesson> GenerateLessons(const Structure& s, const std::vector<TimetableEntry>& entries, int64_t year_id,
                                    const std::vector<int64_t>& six_day_classes);

// Regeneration after a timetable change, from `from` on: lessons with entries are kept
// whatever the timetable now says; lessons without entries that the timetable no longer has
// are removed; new ones are added. `changed` lists the future lessons that were added or
// removed, for informing students and parents.
struct Regeneration {
  std::vector<Lesson> lessons;
  std::vector<Lesson> added;
  std::vector<Lesson> removed;
};
Regeneration RegenerateLessons(const Structure& s, const std::vector<TimetableEntry>& entries, int64_t year_id,
                               const std::vector<int64_t>& six_day_classes, const std::vector<Lesson>& current, Date from);

// May `person_id` write in this lesson? The group's teacher by the timetable, or the
// substitute of this one lesson (and then not the regular teacher of other lessons).
bool MayKeepLesson(const Lesson& lesson, int64_t person_id);

}  // namespace ej

namespace ej {

// ---- [SECTION] the timetable as state, its operations and JSON ----

struct Timetable {
  std::vector<BellSchedule> bells;
  std::vector<TimetableEntry> entries;
  std::vector<int64_t> six_day_classes;  // classes that study on Saturdays

  const TimetableEntry* FindEntry(int64_t id) const;
  int64_t next_entry_id = 1;
  int64_t next_bells_id = 1;
};
// The conflicts above, plus a Saturday entry of a group whose classes do not all study six days
// ("saturday_five_day": it makes no lessons; such entries were accepted before the week could be
// set). What the console shows.
std::vector<TimetableConflict> FindTimetableConflicts(const Structure& s, const Timetable& t, int64_t year_id);


namespace op_kind {
inline constexpr std::string_view kBellsSet = "bells.set";
inline constexpr std::string_view kTimetableSetEntry = "timetable.set_entry";
inline constexpr std::string_view kTimetableRemoveEntry = "timetable.remove_entry";
inline constexpr std::string_view kTimetableSetWeek = "timetable.set_week";
}  // namespace op_kind

bool IsTimetableOp(std::string_view kind);
std::string_view WeekParityCode(WeekParity p);  // "every", "odd", "even"
std::optional<WeekParity> WeekParityFromCode(std::string_view code);
std::string_view TimetableKindCode(TimetableKind k);  // "main", "extracurricular", "additional"
std::optional<TimetableKind> TimetableKindFromCode(std::string_view code);
const std::vector<std::string_view>& TimetableOpKinds();

protocol::Json ToJson(const BellSchedule& b);
Result<BellSchedule> BellScheduleFromJson(const protocol::Json& j);
protocol::Json ToJson(const TimetableEntry& e);
Result<TimetableEntry> TimetableEntryFromJson(const protocol::Json& j);
protocol::Json ToJson(const Timetable& t);
Result<Timetable> TimetableFromJson(const protocol::Json& j);

// bells.set: a bell schedule (id 0 creates one). timetable.set_entry: an entry (id 0 creates
// one); the teacher must have workload in the group, the weekday is 1–6, the lesson number is
// in a bell schedule. Conflicts do not reject an entry (a deputy builds a week step by step):
// FindTimetableConflicts lists them as they are made; but a Saturday lesson of a class that
// studies five days is refused. timetable.remove_entry: {"id"}. timetable.set_week:
// {"class_id", "days": 5 | 6}, the class's school week; five days is refused while the class
// has Saturday lessons in the timetable (they are named).
protocol::Json BellsSetPayload(const BellSchedule& b);
protocol::Json TimetableSetEntryPayload(const TimetableEntry& e);
protocol::Json TimetableRemoveEntryPayload(int64_t entry_id);
protocol::Json TimetableSetWeekPayload(int64_t class_id, int days);

struct TimetableApplied {
  int64_t created_id = 0;
  bool bells_changed = false;
  std::vector<int64_t> entries_changed;  // set or removed
  int64_t week_changed = 0;              // timetable.set_week: the class
};
// Only the head and deputies (kEditStructure).
Result<TimetableApplied> ApplyTimetableOp(Timetable& t, const Structure& s, const Operation& op, const Actor& actor);

}  // namespace ej
