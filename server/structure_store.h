// Internal to the server: the school structure (shared/structure.h) in SQLite: load it for a
// school, and write back what an operation changed.
#pragma once

#include <cstdint>
#include <vector>

#include "db.h"
#include "structure.h"

namespace ej::server {

Result<Structure> LoadStructure(Connection& c, int64_t school_id);
// Ids are unique across every school of the server: the next ids continue after the largest
// in each table. Called at load and at the start of every write, so that two schools' cached
// structures never hand out the same id.
Status RefreshNextIds(Connection& c, Structure& s);

// Writes the entities named in `changes` from `s`. A new student or staff person gets an
// account with a unique login and no password (R9: every participant has an own account).
Status PersistChanges(Connection& c, int64_t school_id, const Structure& s, const std::vector<Change>& changes,
                      int64_t now);

}  // namespace ej::server
