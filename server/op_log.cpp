#include "op_log.h"

#include <map>

#include "crypto.h"

namespace ej::server {
namespace {

constexpr const char* kSelectEntry =
    "SELECT seq, school_id, account_id, op_id, device, kind, payload, client_time, server_time, result, "
    "prev_hash, hash FROM op_log ";

LogEntry ReadEntry(const Row& r) {
  LogEntry e;
  e.seq = r.Int(0);
  e.school_id = r.Int(1);
  e.account_id = r.Int(2);
  e.op.op_id = r.Text(3);
  e.op.device = r.Text(4);
  e.op.kind = r.Text(5);
  e.op.payload = protocol::Json::parse(r.Text(6), nullptr, false);
  e.op.client_time = r.Int(7);
  e.server_time = r.Int(8);
  e.result = protocol::Json::parse(r.Text(9), nullptr, false);
  e.prev_hash = r.Text(10);
  e.hash = r.Text(11);
  return e;
}

std::string HashOf(const std::string& prev_hash, const LogEntry& e) {
  return ToHex(Sha256(prev_hash + CanonicalEntry(e)));
}

}  // namespace

std::string CanonicalEntry(const LogEntry& e) {
  // nlohmann's objects keep keys sorted, so dump() is canonical for our integer-only numbers.
  protocol::Json j = {{"seq", e.seq},
                      {"school_id", e.school_id},
                      {"account_id", e.account_id},
                      {"op_id", e.op.op_id},
                      {"device", e.op.device},
                      {"kind", e.op.kind},
                      {"payload", e.op.payload},
                      {"client_time", e.op.client_time},
                      {"server_time", e.server_time},
                      {"result", e.result}};
  return j.dump(-1, ' ', false, protocol::Json::error_handler_t::replace);
}

Status AppendToLog(Connection& c, LogEntry& e) {
  std::string prev = kGenesisHash;
  Status s = c.Query("SELECT hash FROM op_log WHERE school_id = ? ORDER BY seq DESC LIMIT 1", {e.school_id},
                     [&](const Row& r) { prev = r.Text(0); });
  if (!s.ok()) return s;
  auto max_seq = c.QueryInt("SELECT COALESCE(MAX(seq), 0) FROM op_log", {});
  if (!max_seq.ok()) return max_seq.status();
  e.seq = *max_seq + 1;
  e.prev_hash = prev;
  e.hash = HashOf(prev, e);
  return c.Query(
      "INSERT INTO op_log (seq, school_id, op_id, account_id, device, kind, payload, client_time, server_time, "
      "result, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.seq, e.school_id, e.op.op_id, e.account_id, e.op.device, e.op.kind, e.op.payload.dump(), e.op.client_time,
       e.server_time, e.result.dump(), e.prev_hash, e.hash});
}

Result<std::optional<LogEntry>> FindLogEntry(Connection& c, std::string_view op_id) {
  std::optional<LogEntry> out;
  Status s = c.Query(std::string(kSelectEntry) + "WHERE op_id = ?", {std::string(op_id)},
                     [&](const Row& r) { out = ReadEntry(r); });
  if (!s.ok()) return s;
  return out;
}

Result<ChainReport> VerifyLog(Connection& c) {
  ChainReport report;
  std::map<int64_t, std::string> last_hash;  // per school
  Status s = c.Query(std::string(kSelectEntry) + "ORDER BY seq", {}, [&](const Row& r) {
    LogEntry e = ReadEntry(r);
    ++report.entries;
    if (!report.first_break.empty()) return;
    auto [it, first] = last_hash.emplace(e.school_id, kGenesisHash);
    if (first) ++report.schools;
    if (e.prev_hash != it->second) {
      report.first_break = "запись № " + std::to_string(e.seq) +
                           ": ссылка на предыдущую запись не совпадает (запись удалена, вставлена или переставлена)";
      report.break_seq = e.seq;
      return;
    }
    if (e.op.payload.is_discarded() || e.result.is_discarded() || HashOf(e.prev_hash, e) != e.hash) {
      report.first_break = "запись № " + std::to_string(e.seq) + ": содержимое изменено после записи";
      report.break_seq = e.seq;
      return;
    }
    it->second = e.hash;
  });
  if (!s.ok()) return s;
  return report;
}

}  // namespace ej::server
