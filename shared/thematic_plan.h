// Public API of the core: calendar-thematic plans (КТП, R10): per group and its subject the
// ordered topics with their hours and control-work flags; the import of rows pasted from a
// spreadsheet or read from a CSV file; the topic proposed for the next lesson; plan against
// fact (R14, R17).
//
// [SECTION] model        topics, plans, the state of every plan of the school
// [SECTION] import       ParsePlanRows
// [SECTION] queries      the next planned topic, plan against fact
// [SECTION] operations   plan.set, its payload and Apply
// [SECTION] JSON
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access.h"
#include "ops.h"
#include "protocol.h"
#include "status.h"
#include "structure.h"

namespace ej {

// ---- [SECTION] model ----

struct PlanTopic {
  std::string title;         // «Натуральные числа и нуль»
  int hours = 1;             // whole lessons, at least 1
  bool control = false;      // the topic ends with (or is) a control work
  std::string control_form;  // optional: «контрольная работа», «диктант», «тест» …

  friend bool operator==(const PlanTopic&, const PlanTopic&) = default;
};

// The plan of one workload line: a group and its subject (a group is taught one subject).
struct ThematicPlan {
  int64_t group_id = 0;
  int64_t subject_id = 0;
  int64_t version = 0;  // raised by every plan.set; 0 while there is no plan
  std::vector<PlanTopic> topics;

  int TotalHours() const;
};

struct ThematicPlans {
  std::vector<ThematicPlan> plans;
  const ThematicPlan* Find(int64_t group_id) const;
};

inline constexpr int kMaxPlanTopics = 400;
inline constexpr int kMaxTopicHours = 100;
inline constexpr int kMaxTopicTitleChars = 300;
inline constexpr int kMaxControlFormChars = 60;

// One topic's rules, with a Russian reason («не указана тема», «часы — целое число от 1 …»).
Status ValidatePlanTopic(const PlanTopic& t);

// ---- [SECTION] import ----

struct PlanRowError {
  int row = 0;          // 1-based line number in the text, as the spreadsheet shows it
  std::string text;     // the row as given (cells joined by " | ")
  std::string reason;   // Russian: why the row was not taken
};

struct PlanRows {
  std::vector<PlanTopic> topics;        // accepted rows, in order
  std::vector<int> topic_rows;          // the line number of each accepted row
  std::vector<PlanRowError> rejected;   // rows not taken, in order
  bool header = false;                  // a header row was recognised and skipped
};

// Rows pasted from a spreadsheet (tab-separated) or read from a CSV file (`;` or `,`, fields
// in double quotes with "" for a quote, a UTF-8 byte order mark allowed). A first row with a
// cell like «Тема» is a header and decides the columns: «№», «Тема», «Часы» (or «Кол-во
// часов»), «Контрольная» (or «Контроль», «Форма контроля»), «Форма». Without a header the
// columns are [№;] Тема; Часы[; Контрольная] (a leading whole number is the row number), and a
// single column is a list of one-hour topics. The control cell: empty, «нет», «-», «0» — no;
// «да», «+», «1», «к/р» — yes; any other text — yes, and the text is the form («диктант»).
// Blank lines are skipped. Every other row is either a topic or rejected with its reason.
PlanRows ParsePlanRows(std::string_view text);

// ---- [SECTION] queries ----

// The topic planned for lesson k (1-based) of the group: the topic that covers hour k when
// the topics are laid out in order, each for its hours.
struct PlannedTopic {
  size_t index = 0;    // in plan.topics
  int hour = 1;        // which lesson of the topic (1 … hours)
  const PlanTopic* topic = nullptr;
};
std::optional<PlannedTopic> PlannedTopicForLesson(const ThematicPlan& plan, int k);

// The topic to propose for the next lesson, given the topics of the lessons already held, in
// order: the next lesson is lesson held_topics.size() + 1 and gets the topic covering that hour
// (the plan decides, not what was typed: a lesson whose topic was changed still used its hour).
// None when every planned hour has been used.
std::optional<PlannedTopic> NextPlannedTopic(const ThematicPlan& plan, const std::vector<std::string>& held_topics);

// What the journal knows of a group's lessons (counted by the caller): lessons held, and
// lessons the timetable had up to the day of the report (0: unknown, compare with the whole
// plan).
struct LessonsHeld {
  int64_t group_id = 0;
  int held = 0;
  int scheduled_to_date = 0;
};

struct PlanFact {
  int64_t group_id = 0;
  int64_t subject_id = 0;
  bool has_plan = false;
  int planned_hours = 0;   // the whole plan
  int expected = 0;        // planned hours due by the day: min(planned, scheduled) or planned
  int held = 0;
  int difference = 0;      // held − expected: below 0 behind the plan, above 0 ahead of it
  int percent = 0;         // held of planned, 0–100+ (whole percent, rounded down)
  std::string message;     // «отставание на 3 ч», «опережение на 1 ч», «по плану», «КТП не составлено»
};

// Plan against fact per group, in the order of `held`.
std::vector<PlanFact> PlanAgainstFact(const Structure& s, const ThematicPlans& plans,
                                      const std::vector<LessonsHeld>& held);

// ---- [SECTION] operations ----

namespace op_kind {
inline constexpr std::string_view kPlanSet = "plan.set";
}  // namespace op_kind

bool IsPlanOp(std::string_view kind);
const std::vector<std::string_view>& PlanOpKinds();

// plan.set: the whole plan of a group (`subject_id` must be the group's subject); the
// operation's base_version must equal the stored plan's version (0 when there is none),
// otherwise it is a conflict and nothing changes. Empty topics clear the plan. Only the
// group's teacher by the workload, the head and deputies (Action::kEditPlan).
protocol::Json PlanSetPayload(int64_t group_id, int64_t subject_id, const std::vector<PlanTopic>& topics);

struct PlanApplied {
  int64_t group_id = 0;
  int64_t version = 0;  // the plan's new version
};
Result<PlanApplied> ApplyPlanOp(ThematicPlans& plans, const Structure& s, const Operation& op, const Actor& actor);

// ---- [SECTION] JSON ----

protocol::Json ToJson(const PlanTopic& t);
Result<PlanTopic> PlanTopicFromJson(const protocol::Json& j);
protocol::Json ToJson(const ThematicPlan& p);  // {group_id, subject_id, version, total_hours, topics}
Result<ThematicPlan> ThematicPlanFromJson(const protocol::Json& j);
protocol::Json ToJson(const PlanRows& rows);   // {topics, rejected: [{row, text, reason}], header}
protocol::Json ToJson(const PlanFact& f);
// GET /api/v1/plans: {"plans": [the group's plan]}, an empty list while there is none (then
// plan.set goes with base_version 0).
protocol::Json GroupPlansJson(const ThematicPlans& plans, int64_t group_id);

}  // namespace ej
