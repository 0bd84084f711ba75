// Public API of the core: the consolidated schedule of control works (ВСОКО, R10, R19): each
// control work of a group on a study day, the school's load rules as data, the violations of
// those rules, and who sees which work.
//
// [SECTION] model        control works, load rules, the state
// [SECTION] checks       violations of the load rules, the works a user may see
// [SECTION] operations   control_work.set, control_work.remove, control_work.rules
// [SECTION] JSON
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

// The usual forms (lower case, as written in a schedule); a school may write another.
const std::vector<std::string_view>& ControlWorkForms();

// A control work of a group: the group gives its subject and its classes.
struct ControlWork {
  int64_t id = 0;
  int64_t year_id = 0;
  int64_t group_id = 0;
  Date date;
  int lesson_number = 0;  // 0: not fixed yet
  std::string form;       // «контрольная работа», «диктант», «тест» …
  std::string title;      // «Натуральные числа» (may be empty)

  friend bool operator==(const ControlWork&, const ControlWork&) = default;
};

// The school's load rules (defaults after the letter СК-228/03, 01-169/08-01 of 06.08.2021 and
// common school practice): at most one control work a day per class, and a weekly limit per
// class — 2 in grades 1–4, 3 in grades 5–11. Changed by the head or a deputy (control_work.rules).
struct ControlWorkRules {
  int max_per_day = 1;
  int max_per_week_primary = 2;  // grades 1–4
  int max_per_week = 3;          // grades 5–11

  int WeeklyLimit(int grade) const { return grade <= 4 ? max_per_week_primary : max_per_week; }
  friend bool operator==(const ControlWorkRules&, const ControlWorkRules&) = default;
};

struct ControlWorks {
  ControlWorkRules rules;
  std::vector<ControlWork> works;
  int64_t next_id = 1;

  const ControlWork* Find(int64_t id) const;
};

inline constexpr int kMaxControlWorkTitleChars = 200;
inline constexpr int kMaxControlWorkFormChars = 60;
inline constexpr int kMaxLessonNumber = 12;

// ---- [SECTION] checks ----

struct ControlWorkViolation {
  std::string code;               // "per_day", "per_week"
  int64_t class_id = 0;
  Date date;                      // the day, or the Monday of the week
  std::vector<int64_t> work_ids;  // the works concerned
  std::string message;            // «5А, 12.10.2026: 2 контрольные работы в день (можно не больше 1): …»
};

// Every violation of the load rules in the year, ordered by date then class. A work counts
// for every class its group draws from; works of subgroups of one subject on one day count as
// one for the class (each student writes one of them).
std::vector<ControlWorkViolation> FindControlWorkViolations(const Structure& s, const ControlWorks& cw, int64_t year_id);

// The works of the year the actor may see (Action::kReadControlWork), ordered by date, lesson
// number, id: staff see all; a student or a parent the works of the student's groups.
std::vector<ControlWork> VisibleControlWorks(const Structure& s, const ControlWorks& cw, int64_t year_id,
                                             const Actor& actor);

// ---- [SECTION] operations ----

namespace op_kind {
inline constexpr std::string_view kControlWorkSet = "control_work.set";
inline constexpr std::string_view kControlWorkRemove = "control_work.remove";
inline constexpr std::string_view kControlWorkRules = "control_work.rules";
}  // namespace op_kind

bool IsControlWorkOp(std::string_view kind);
const std::vector<std::string_view>& ControlWorkOpKinds();

// control_work.set: a work (id 0 creates one) of a group of the year, on a study day of every
// class of the group (inside a study period of its grade, not a holiday, not Sunday, not
// Saturday unless the class studies six days: `six_day_classes`), lesson number 0–12, a form.
// control_work.remove: {"id"}. Only the head, deputies and the group's teacher by the workload
// (for a change, of both the old and the new group). A work that breaks the load rules is
// accepted — the deputy builds the schedule step by step — and FindControlWorkViolations lists
// the violation at once. control_work.rules: the three limits (1–5 a day, 1–10 a week), only
// the head and deputies.
protocol::Json ControlWorkSetPayload(const ControlWork& w);
protocol::Json ControlWorkRemovePayload(int64_t id);
protocol::Json ControlWorkRulesPayload(const ControlWorkRules& r);

struct ControlWorkApplied {
  int64_t created_id = 0;
  std::vector<int64_t> works_changed;  // set or removed
  bool rules_changed = false;
};
Result<ControlWorkApplied> ApplyControlWorkOp(ControlWorks& cw, const Structure& s,
                                              const std::vector<int64_t>& six_day_classes, const Operation& op,
                                              const Actor& actor);

// ---- [SECTION] JSON ----

protocol::Json ToJson(const ControlWork& w);
Result<ControlWork> ControlWorkFromJson(const protocol::Json& j);
protocol::Json ToJson(const ControlWorkRules& r);
Result<ControlWorkRules> ControlWorkRulesFromJson(const protocol::Json& j);
protocol::Json ToJson(const ControlWorkViolation& v);

// The schedule as GET /api/v1/control-works sends it: {"year_id", "rules", "works",
// "violations"?}. The violations are those of every load rule of the school
// (control_work_load.h FindAllControlWorkViolations: `load` and the timetable: its entries, the classes' weeks). The
// works the actor may see (VisibleControlWorks), each with "subject" (the subject's name) and
// "classes" («5А, 5Б») because parents and students get no structure snapshot; the violations
// only for staff (Action::kReadStructure).
protocol::Json ControlWorkScheduleJson(const Structure& s, const ControlWorks& cw, int64_t year_id, const Actor& actor,
                                       const ControlLoadRules& load, const Timetable& timetable);

}  // namespace ej
