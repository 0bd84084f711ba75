// Internal to the server: thematic plans (shared/thematic_plan.h) and the control-work
// schedule (shared/control_works.h) in SQLite.
#pragma once

#include <cstdint>

#include "control_works.h"
#include "db.h"
#include "thematic_plan.h"

namespace ej::server {

Result<ThematicPlans> LoadPlans(Connection& c, int64_t school_id);
// Writes the plan of the group as it now is (its topics replaced in one go).
Status PersistPlan(Connection& c, int64_t school_id, const ThematicPlans& plans, int64_t group_id, int64_t now);

Result<ControlWorks> LoadControlWorks(Connection& c, int64_t school_id);
// Next ids continue after the largest in the table (every school's rows).
Status RefreshNextIds(Connection& c, ControlWorks& cw);
// Writes what an operation changed (the works named, the rules).
Status PersistControlWorks(Connection& c, int64_t school_id, const ControlWorks& cw, const ControlWorkApplied& changed);

}  // namespace ej::server
