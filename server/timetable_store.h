// Internal to the server: the timetable (shared/timetable.h) in SQLite.
#pragma once

#include <cstdint>

#include "db.h"
#include "timetable.h"

namespace ej::server {

Result<Timetable> LoadTimetable(Connection& c, int64_t school_id);
// Next ids continue after the largest in the tables (every school's rows).
Status RefreshNextIds(Connection& c, Timetable& t);
// Writes what an operation changed (the bell schedules, the entries named).
Status PersistTimetable(Connection& c, int64_t school_id, const Timetable& t, const TimetableApplied& changed);

}  // namespace ej::server
