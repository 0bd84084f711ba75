// Internal to the server: the class journal (shared/journal.h) in SQLite.
#pragma once

#include <cstdint>

#include "db.h"
#include "journal.h"

namespace ej::server {

Result<Journal> LoadJournal(Connection& c, int64_t school_id);
// Next ids continue after the largest in the tables (every school's rows).
Status RefreshNextIds(Connection& c, Journal& j);
// Writes what an operation changed: each lesson, mark, attendance cell, final, request and
// period lock named in `changed` is written as it is now in `j`, or deleted when it is gone.
Status PersistJournal(Connection& c, int64_t school_id, const Journal& j, const JournalApplied& changed);

}  // namespace ej::server
