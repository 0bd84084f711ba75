// Public API of the core: what the КТП editor (the console's «КТП» page, issue 4) asks of the
// rules — which workload lines a user sees and may edit, the lessons a group has held for plan
// against fact, and the topics the group is behind on. The plan itself, its import and
// plan.set are in thematic_plan.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access.h"
#include "date.h"
#include "journal.h"
#include "structure.h"
#include "thematic_plan.h"

namespace ej {

// A workload line as the editor lists it: a group (class or subgroup) × its subject × a teacher.
struct PlanLine {
  int64_t group_id = 0;
  int64_t subject_id = 0;
  int64_t teacher_id = 0;
  int64_t class_id = 0;   // the group's first class (the editor's class filter)
  double hours = 0;       // a week, by the workload
  std::string label;      // «5А — Математика · Иванова И. И.»
  bool editable = false;  // Authorize(kEditPlan): the group's teacher, the head and deputies
};

// The year's workload lines whose plan the actor may read (Action::kReadPlan; `actor` with its
// taught groups, TeachingActor), ordered by class (grade, letter), subject, group, teacher.
std::vector<PlanLine> PlanLinesFor(const Structure& s, const Actor& actor, int64_t year_id);

// The group's lessons up to `today` (inclusive) in a journal: those with a topic written are
// held; all of them are what the timetable had to date (PlanAgainstFact's LessonsHeld).
LessonsHeld CountLessonsHeld(const Journal& j, int64_t group_id, Date today);

// The topics a group is behind on: those covering the hours after the ones held up to the hours
// expected by the day (fact.held + 1 … fact.expected), in plan order; empty when on plan or ahead.
std::vector<PlannedTopic> TopicsBehind(const ThematicPlan& plan, const PlanFact& fact);

}  // namespace ej
