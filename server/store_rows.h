// Internal to the server: what every store file (structure, timetable, planning, journal) needs
// when it writes rows.
#pragma once

#include <cstdint>

#include "db.h"

namespace ej::server {

// An upsert guarded by `WHERE t.school_id = excluded.school_id` that changed nothing hit a row
// of another school: refuse rather than lose the write.
inline Status Owned(Connection& c, Status st) {
  if (st.ok() && c.Changes() == 0) {
    return Status(ErrorCode::kInternal, "Внутренняя ошибка: идентификатор уже занят другой школой.");
  }
  return st;
}

// NULL for the id 0 ("none"), for nullable foreign keys.
inline SqlValue IdOrNull(int64_t id) {
  if (id == 0) return nullptr;
  return id;
}

}  // namespace ej::server
