// Internal to the server: the school structure (shared/structure.h) in SQLite: load it for a
// school, and write back what an operation changed.
#pragma once

#include <cstdint>
#include <vector>

#include "db.h"
#include "structure.h"

namespace ej::server {

Result<Structure> LoadStructure(Connection& c, int64_t school_id);

// Writes the entities named in `changes` from `s`. A new student or staff person gets an
// account with a unique login and no password (R9: every participant has an own account).
Status PersistChanges(Connection& c, int64_t school_id, const Structure& s, const std::vector<Change>& changes,
                      int64_t now);

}  // namespace ej::server
