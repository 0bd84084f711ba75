// Internal to the server: the append-only, hash-chained log of applied operations
// (DESIGN.md). One chain per school: each entry carries the previous entry's hash and its
// own, SHA-256 over the previous hash and the entry's canonical JSON (sorted keys, compact).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "db.h"
#include "ops.h"

namespace ej::server {

struct LogEntry {
  int64_t seq = 0;
  int64_t school_id = 0;
  int64_t account_id = 0;
  Operation op;
  int64_t server_time = 0;
  protocol::Json result;  // what the op did: {"created_id": …}
  std::string prev_hash;  // hex
  std::string hash;       // hex
};

// The key of LogEntry::result that holds the id the operation created.
inline constexpr const char* kResultCreatedId = "created_id";

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The canonical bytes an entry's hash covers (everything but the hashes themselves).
std::string CanonicalEntry(const LogEntry& e);

// Appends an entry (seq, prev_hash and hash are filled in). Call inside a write transaction.
Status AppendToLog(Connection& c, LogEntry& e);

// The applied entry with this op_id, if any (a re-sent operation).
Result<std::optional<LogEntry>> FindLogEntry(Connection& c, std::string_view op_id);

struct ChainReport {
  int64_t entries = 0;
  int64_t schools = 0;
  // Empty when every link holds; otherwise what is wrong with the first broken link.
  std::string first_break;
  int64_t break_seq = 0;
};
// Walks every school's chain and recomputes every hash.
Result<ChainReport> VerifyLog(Connection& c);

}  // namespace ej::server
