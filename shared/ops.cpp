#include "ops.h"

#include "json_reader.h"

namespace ej {
namespace {

constexpr const char* kKeyOpId = "op_id";
constexpr const char* kKeyKind = "kind";
constexpr const char* kKeyPayload = "payload";
constexpr const char* kKeyClientTime = "client_time";
constexpr const char* kKeyDevice = "device";
constexpr const char* kKeyBaseVersion = "base_version";
constexpr const char* kKeyOps = "ops";
constexpr const char* kKeyResults = "results";
constexpr const char* kKeyOutcome = "outcome";
constexpr const char* kKeyCreatedId = "created_id";
constexpr const char* kKeySeq = "seq";
constexpr const char* kKeySummary = "summary";

constexpr std::string_view kOutcomeNames[] = {"applied", "rejected", "conflict"};

}  // namespace

protocol::Json ToJson(const Operation& op) {
  return protocol::Json{{kKeyOpId, op.op_id},           {kKeyKind, op.kind},
                        {kKeyPayload, op.payload},      {kKeyClientTime, op.client_time},
                        {kKeyDevice, op.device},        {kKeyBaseVersion, op.base_version}};
}

Result<Operation> OperationFromJson(const protocol::Json& j) {
  Operation op;
  const protocol::Json* payload = nullptr;
  JsonReader r(j);
  r.String(kKeyOpId, &op.op_id).String(kKeyKind, &op.kind).Object(kKeyPayload, &payload);
  r.Int(kKeyClientTime, &op.client_time, false).String(kKeyDevice, &op.device, false);
  r.Int(kKeyBaseVersion, &op.base_version, false);
  if (!r.ok()) return r.status();
  if (!IsValidOpId(op.op_id)) {
    return Status(ErrorCode::kBadRequest, "Поле «op_id»: ожидался UUID.", kKeyOpId);
  }
  if (op.device.size() > 64) op.device.resize(64);
  op.payload = *payload;
  return op;
}

std::string FormatUuid(const unsigned char bytes[16]) {
  static constexpr char kHex[] = "0123456789abcdef";
  unsigned char b[16];
  for (int i = 0; i < 16; ++i) b[i] = bytes[i];
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 0xF];
  }
  return out;
}

bool IsValidOpId(std::string_view id) {
  if (id.size() != 36) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string_view OpOutcomeName(OpOutcome o) { return kOutcomeNames[static_cast<int>(o)]; }

protocol::Json ToJson(const PushRequest& r) {
  protocol::Json ops = protocol::Json::array();
  for (const auto& op : r.ops) ops.push_back(ToJson(op));
  return protocol::Json{{kKeyOps, std::move(ops)}};
}

Result<PushRequest> PushRequestFromJson(const protocol::Json& j) {
  PushRequest out;
  const protocol::Json* ops = nullptr;
  JsonReader r(j);
  r.Array(kKeyOps, &ops);
  if (!r.ok()) return r.status();
  if (ops->size() > kMaxOpsPerPush) {
    return Status(ErrorCode::kPayloadTooLarge,
                  "Слишком много операций в одном запросе: не больше " + std::to_string(kMaxOpsPerPush) + ".");
  }
  for (const auto& item : *ops) {
    auto op = OperationFromJson(item);
    if (!op.ok()) return op.status();
    out.ops.push_back(std::move(op.value()));
  }
  return out;
}

protocol::Json ToJson(const OpResult& r) {
  protocol::Json j{{kKeyOpId, r.op_id}, {kKeyOutcome, OpOutcomeName(r.outcome)}};
  if (!r.error.ok()) j.update(protocol::ErrorToJson(r.error));  // adds the one error shape
  if (r.created_id) j[kKeyCreatedId] = r.created_id;
  if (r.seq) j[kKeySeq] = r.seq;
  if (r.summary.is_object()) j[kKeySummary] = r.summary;
  return j;
}

Result<OpResult> OpResultFromJson(const protocol::Json& j) {
  OpResult out;
  std::string outcome;
  JsonReader r(j);
  r.String(kKeyOpId, &out.op_id).String(kKeyOutcome, &outcome);
  r.Int(kKeyCreatedId, &out.created_id, false).Int(kKeySeq, &out.seq, false);
  if (!r.ok()) return r.status();
  if (auto it = j.find(kKeySummary); it != j.end() && it->is_object()) out.summary = *it;
  bool known = false;
  for (int i = 0; i < 3; ++i) {
    if (kOutcomeNames[i] == outcome) {
      out.outcome = static_cast<OpOutcome>(i);
      known = true;
    }
  }
  if (!known) return Status(ErrorCode::kBadRequest, "Поле «outcome»: неизвестное значение.", kKeyOutcome);
  if (out.outcome != OpOutcome::kApplied) out.error = protocol::ErrorFromJson(j, 422);
  return out;
}

protocol::Json ToJson(const PushResponse& r) {
  protocol::Json results = protocol::Json::array();
  for (const auto& res : r.results) results.push_back(ToJson(res));
  return protocol::Json{{kKeyResults, std::move(results)}};
}

Result<PushResponse> PushResponseFromJson(const protocol::Json& j) {
  PushResponse out;
  const protocol::Json* results = nullptr;
  JsonReader r(j);
  r.Array(kKeyResults, &results);
  if (!r.ok()) return r.status();
  for (const auto& item : *results) {
    auto res = OpResultFromJson(item);
    if (!res.ok()) return res.status();
    out.results.push_back(std::move(res.value()));
  }
  return out;
}

}  // namespace ej
