// Public API of the core: operations (DESIGN.md, "the journal is a log of operations").
// Every change to school data is an Operation made by a client; the core decides whether it
// is allowed and valid and how it changes state; the server appends accepted operations to a
// hash-chained log. This file is the envelope and the push protocol; the kinds live with the
// state they change (structure.h, later the journal).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "protocol.h"
#include "status.h"

namespace ej {

struct Operation {
  std::string op_id;          // a UUID made by the client; a re-sent op has the same id
  std::string kind;           // "class.create", "student.transfer" …
  protocol::Json payload;     // kind-specific, read by the kind's Apply
  int64_t client_time = 0;    // Unix milliseconds on the client's clock
  std::string device;         // a label of the client device ("web")
  int64_t base_version = 0;   // the version of the target the client saw; 0 when creating
};

protocol::Json ToJson(const Operation& op);
Result<Operation> OperationFromJson(const protocol::Json& j);

// "3f2a…-…" from 16 random bytes (version 4, variant 1).
std::string FormatUuid(const unsigned char bytes[16]);
bool IsValidOpId(std::string_view id);

enum class OpOutcome { kApplied, kRejected, kConflict };
std::string_view OpOutcomeName(OpOutcome o);

struct OpResult {
  std::string op_id;
  OpOutcome outcome = OpOutcome::kApplied;
  Status error;              // why it was rejected or is in conflict (Russian message)
  int64_t created_id = 0;    // the id of what the op created, if anything
  int64_t seq = 0;           // the op's position in the log, once applied
  protocol::Json summary;    // what the op did, when the author needs figures (null: nothing)
};

struct PushRequest {
  std::vector<Operation> ops;
};
inline constexpr size_t kMaxOpsPerPush = 500;
protocol::Json ToJson(const PushRequest& r);
Result<PushRequest> PushRequestFromJson(const protocol::Json& j);

struct PushResponse {
  std::vector<OpResult> results;  // one per op, in the request's order
};
protocol::Json ToJson(const PushResponse& r);
Result<PushResponse> PushResponseFromJson(const protocol::Json& j);

protocol::Json ToJson(const OpResult& r);
Result<OpResult> OpResultFromJson(const protocol::Json& j);

}  // namespace ej
