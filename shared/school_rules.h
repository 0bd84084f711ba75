// Public API of the core: the school's rules as data (DESIGN.md "School rules are data"; R3,
// R4, R13, R14, R21): grading systems, mark types and their weights, attendance codes, the
// correction rules, homework time limits per grade. A value with Russian defaults, its JSON
// form, validation with Russian messages that name the problem, the queries the journal asks,
// the one operation that changes the rules, and a description in Russian for users.
//
// [SECTION] model            grading systems, mark types, attendance codes, the rules
// [SECTION] defaults         what a Russian school starts from
// [SECTION] queries          what the journal, the diary and the control dashboard ask
// [SECTION] validation
// [SECTION] operation        rules.update
// [SECTION] JSON
// [SECTION] description      the rules in Russian, for showing to users
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access.h"
#include "date.h"
#include "ops.h"
#include "protocol.h"
#include "status.h"

namespace ej {

// ---- [SECTION] model ----

// One value of a grading system: what a teacher can put in a cell.
struct MarkValue {
  std::string code;  // what is stored and typed: "5", "4+", "4-", "зач"
  std::string text;  // what is shown: "5", "4+", "4−", "зач."
  // The number that enters averages. None: the value does not count in averages (зачёт /
  // незачёт). Within 0..100. In the default five-point system a mark with + or − counts as
  // the whole mark ("4+" and "4-" are 4.0): the sign is a remark on the work, finals are whole
  // marks, and a parent can check an average by hand. A school that wants 4.25 / 3.75 sets it.
  std::optional<double> numeric;
  bool passing = true;        // a positive mark; failing ones ("2", "1", незачёт) lower success %
  bool final_allowed = true;  // may be a period, year or final mark
  // Carries + or −: allowed on current marks only while SchoolRules::allow_plus_minus is on,
  // and never as a final (validation refuses plus_minus together with final_allowed).
  bool plus_minus = false;
  // The five-point mark this value counts as in reports (quality % = only 4 and 5, success % =
  // no 2): 1..5, or 0 when it has none (зачёт / незачёт). When set it agrees with `passing`.
  int five_point = 0;
};

struct GradingSystem {
  std::string id;                 // stable code: "five", "pass_fail", "ten", "hundred" or the school's own
  std::string name;               // «Пятибалльная»
  std::vector<MarkValue> values;  // in the order a picker shows them, best first
};

// The reserved system id for «безотметочное обучение»: no marks at all in that grade. It is not
// a GradingSystem in the list; only the per-grade overrides may name it.
inline constexpr std::string_view kNoMarksSystem = "none";

// A kind of work a mark is given for, with its weight in the weighted average.
struct MarkType {
  std::string code;  // stable code: "answer", "control" …
  std::string name;  // «Контрольная работа»
  int weight = 1;    // 1..10
};
inline constexpr int kMinWeight = 1;
inline constexpr int kMaxWeight = 10;
inline constexpr int kDefaultWeight = 1;

// An attendance mark as shown in the journal's cell.
struct AttendanceCode {
  std::string code;      // 1–3 letters: «н», «б», «у», «оп»
  std::string name;      // «отсутствовал»
  bool absence = true;   // counts as a missed lesson («оп» does not)
  bool excused = false;  // the absence has a valid reason («б», «у»)
};

// When a change to a recorded entry (mark, attendance, topic, homework) needs more than the
// teacher's word (R3, R13). Days are calendar days after the lesson's date.
struct CorrectionRules {
  int correction_window_days = 3;           // 0..30: inside it a teacher edits freely
  bool require_reason_after_window = true;  // after the window a change carries a reason
  // A change in a locked period needs a deputy's approval. When off, a locked period is closed:
  // nothing changes there until the administration unlocks it.
  bool locked_periods_need_approval = true;
  int mark_deadline_days = 7;  // 0..30: marks are entered no later than N days after the lesson
};
inline constexpr int kMaxCorrectionDays = 30;

// How the core proposes period and year finals from the weighted average (the teacher confirms
// or chooses another value, the average still shown).
struct FinalsRules {
  // Hundredths of a mark from which an average rounds up: 50 — 3,50 → 4; 60 — 3,59 → 3.
  int round_up_from = 50;  // 50..90
  // Fewer current marks in the period than this: nothing is proposed («недостаточно отметок»).
  int min_marks = 3;       // 0..10
};

// The ВСОКО load rules on control works beyond the daily and weekly limits (control_works.h),
// after the letter of Минпросвещения and Рособрнадзора СК-228/03, 01-169/08-01 of 06.08.2021:
// checked by FindControlLoadViolations (control_work_load.h). Each rule is off at 0 / false.
struct ControlLoadRules {
  // Works of one subject in a class at least this many days apart: 18 is «не чаще одного раза
  // в 2,5 недели» (17,5 days). 0..60.
  int subject_gap_days = 18;
  // A group's control works in a study period: at most this share of the subject's hours there
  // (weekly hours × study weeks). 0..100.
  int max_hours_percent = 10;
  // Not on the first or the last lesson of the class's day (by the weekly timetable).
  bool not_first_or_last_lesson = true;
  friend bool operator==(const ControlLoadRules&, const ControlLoadRules&) = default;
};
inline constexpr int kMaxSubjectGapDays = 60;

inline constexpr int kMinGrade = 1;
inline constexpr int kMaxGrade = 11;
inline constexpr int kMaxHomeworkMinutes = 300;

struct SchoolRules {
  // 0 for rules never saved; every applied rules.update adds one (the op's base_version must
  // match it, so two deputies never silently overwrite each other).
  int64_t version = 0;
  std::vector<GradingSystem> systems;
  std::string default_system = "five";
  // Per-grade overrides of default_system: a system id or kNoMarksSystem.
  std::map<int, std::string> grade_systems;
  // Marks with + or − on current marks (never on finals).
  bool allow_plus_minus = false;
  std::vector<MarkType> mark_types;  // the first is what a new mark gets unless one is chosen
  std::vector<AttendanceCode> attendance;
  CorrectionRules corrections;
  FinalsRules finals;
  std::array<int, kMaxGrade> homework_minutes{};  // per day, [grade - 1]
  ControlLoadRules control_load;  // ВСОКО: control works' spacing, share of hours, place in the day
};

// ---- [SECTION] defaults ----

// The five-point system: 5, 5−, 4+, 4, 4−, 3+, 3, 3−, 2+, 2, 1 (± only when allowed; 2 and 1
// failing); pass/fail (зач., незач.; not in averages); ten-point (1–10, 1–3 failing) and
// hundred-point (0–100, below 50 failing), both with a five-point equivalent for reports.
// Mark types with weights (ответ на уроке 1 … контрольная работа 3, зачёт 3); attendance codes
// н, б, у, оп; corrections free for 3 days, then with a reason, locked periods with the deputy's
// approval, marks within 7 days; homework limits after СанПиН 1.2.3685-21, table 6.6
// (1 — 60 min, 2–3 — 90, 4–5 — 120, 6–8 — 150, 9–11 — 210); five-point by default, grade 1
// without marks.
SchoolRules DefaultSchoolRules();

// The standard systems one by one (for a school that removed one and wants it back).
GradingSystem FivePointSystem();
GradingSystem PassFailSystem();
GradingSystem TenPointSystem();
GradingSystem HundredPointSystem();

// ---- [SECTION] queries ----

const GradingSystem* FindGradingSystem(const SchoolRules& rules, std::string_view id);
// A failing value of the system (its `passing` is off: "2", "1", "2+", незачёт …). False for an
// unknown system or value.
bool IsFailingMark(const SchoolRules& rules, std::string_view system_id, std::string_view value);
const MarkValue* FindMarkValue(const GradingSystem& system, std::string_view code);
const MarkType* FindMarkType(const SchoolRules& rules, std::string_view code);
const AttendanceCode* FindAttendanceCode(const SchoolRules& rules, std::string_view code);

// The system id marks of a grade are given in: the override or the default; kNoMarksSystem for
// «безотметочное обучение». A grade outside 1..11 gets the default.
std::string_view GradingSystemIdForGrade(const SchoolRules& rules, int grade);
// The system itself, or nullptr when the grade gets no marks.
const GradingSystem* GradingSystemForGrade(const SchoolRules& rules, int grade);

// Ok, or kValidation in Russian: «Отметка «6» не входит в пятибалльную систему.», no + / −
// unless the school allows them, none at all in a grade without marks.
Status IsValidCurrentMark(const SchoolRules& rules, std::string_view system_id, std::string_view code);
// As above for a period, year or final mark: whole marks the system allows as finals only.
Status IsValidFinalMark(const SchoolRules& rules, std::string_view system_id, std::string_view code);

// The weight of a mark type; kDefaultWeight for an unknown code, so a mark never silently
// drops out of an average (a type in use cannot be removed anyway).
int WeightOf(const SchoolRules& rules, std::string_view mark_type_code);
// False for an unknown code.
bool IsAbsence(const SchoolRules& rules, std::string_view attendance_code);
bool IsExcusedAbsence(const SchoolRules& rules, std::string_view attendance_code);

// Minutes of homework a day for the grade (R14); 0 for a grade outside 1..11.
int HomeworkLimitMinutes(const SchoolRules& rules, int grade);

// What a change to an entry of a lesson needs (R3, R13). For changes to what is already
// recorded; the first entry of a mark is checked against MarkDeadline instead.
enum class CorrectionNeed {
  kFree,      // inside the window: the teacher edits
  kReason,    // after the window: the change carries a reason
  kApproval,  // in a locked period: a deputy approves the change
  kClosed,    // in a locked period where approval is off: no change until unlocked
};
CorrectionNeed CorrectionNeedFor(const SchoolRules& rules, Date lesson, Date today, bool period_locked);
// The last day a mark for the lesson is on time (lesson + mark_deadline_days).
Date MarkDeadline(const SchoolRules& rules, Date lesson);

// ---- [SECTION] validation ----

// Every rule of the model: ids and codes well-formed and unique, at least two values per system
// with a passing and a failing one and a possible final, numbers within 0..100, weights 1..10,
// attendance codes of 1–3 letters, days and minutes within bounds, the default and overrides
// naming existing systems. Ok or kValidation with the field path ("systems[0].values[3].code").
Status ValidateSchoolRules(const SchoolRules& rules);

// ---- [SECTION] operation ----

namespace op_kind {
inline constexpr std::string_view kRulesUpdate = "rules.update";
}  // namespace op_kind

bool IsRulesOp(std::string_view kind);

// The payload of rules.update: the whole new rules (without the version, which travels as the
// operation's base_version).
protocol::Json RulesUpdatePayload(const SchoolRules& rules);

// What the in-use predicate is asked about (the server answers from its tables).
namespace rules_in_use {
inline constexpr std::string_view kGradingSystem = "grading_system";  // code: the system id
inline constexpr std::string_view kMarkValue = "mark_value";          // code: MarkValueKey(…)
inline constexpr std::string_view kMarkType = "mark_type";            // code: the type's code
inline constexpr std::string_view kAttendance = "attendance";         // code: the attendance code
}  // namespace rules_in_use

// "five/4+": a system id has no '/', so the key splits at the first '/' (a value code may hold
// one: «н/а»).
std::string MarkValueKey(std::string_view system_id, std::string_view code);
// {system_id, code}; {"", key} when there is no '/'.
std::pair<std::string_view, std::string_view> SplitMarkValueKey(std::string_view key);

using InUsePredicate = std::function<bool(std::string_view kind, std::string_view code)>;

// Only the head and deputies (Authorize kEditStructure). kConflict when op.base_version is not
// current.version; kBadRequest for a malformed payload; kValidation for a broken rule or for the
// removal of a grading system, mark value, mark type or attendance code that `in_use` reports as
// used («Код посещаемости «оп» уже используется в журнале: его нельзя удалить.»). An empty
// predicate counts every removed code as used. The result carries version + 1.
Result<SchoolRules> ApplyRulesUpdate(const SchoolRules& current, const Operation& op, const Actor& actor,
                                     const InUsePredicate& in_use);

// ---- [SECTION] JSON ----

protocol::Json ToJson(const SchoolRules& rules);
// Reads the shape only (never throws): kBadRequest naming the field, in Russian, with its path
// («Система оценивания № 1, отметка № 2. Поле «code»: …», field "systems[0].values[1].code").
// The rules themselves are checked by ValidateSchoolRules.
Result<SchoolRules> SchoolRulesFromJson(const protocol::Json& j);

// ---- [SECTION] description ----

// The rules in Russian, one sentence a line, for the settings page and the diary (R4):
// «Срок исправлений без указания причины — 3 дня после урока; позже нужно указать причину.»,
// «Срок выставления отметок — 7 дней после урока.», «Домашнее задание в день: 1 класс — до 1 ч,
// 2–3 классы — до 1,5 ч …». Counts stand in the nominative («1 день», «3 дня», «7 дней») so
// that ej::Plural gives the right form; «в течение 3 дней» would need the genitive.
std::vector<std::string> DescribeRules(const SchoolRules& rules);

// "1 ч", "1,5 ч", "45 мин", "1 ч 20 мин".
std::string FormatMinutesRu(int minutes);

}  // namespace ej
