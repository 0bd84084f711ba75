// The local store: see local_store.h.
#include "local_store.h"

#include "journal_grid.h"
#include "school_rules.h"

namespace ej::web {
namespace {

using protocol::Json;

class NullStorage : public DeviceStorage {
 public:
  std::optional<std::string> Get(const std::string&) override { return std::nullopt; }
  void Put(const std::string&, const std::string&) override {}
  void Remove(const std::string&) override {}
  std::vector<std::string> Keys() override { return {}; }
};

NullStorage null_storage;
DeviceStorage* device_storage = &null_storage;
std::function<void(const std::string&)> print_hook;
std::function<bool()> network_probe;

constexpr const char* kLastUser = "ej/last_user";

std::optional<Json> ReadJson(DeviceStorage& s, const std::string& key) {
  auto text = s.Get(key);
  if (!text) return std::nullopt;
  auto json = protocol::ParseJson(*text);
  if (!json.ok()) return std::nullopt;
  return std::move(json).value();
}

std::string JournalKey(int64_t account, int64_t group, int64_t period) {
  return LocalStore::Prefix(account) + "journal/" + std::to_string(group) + "/" + std::to_string(period);
}

}  // namespace

std::optional<std::string> MemoryStorage::Get(const std::string& key) {
  auto it = data.find(key);
  if (it == data.end()) return std::nullopt;
  return it->second;
}
void MemoryStorage::Put(const std::string& key, const std::string& value) {
  data[key] = value;
  ++writes;
}
void MemoryStorage::Remove(const std::string& key) { data.erase(key); }
std::vector<std::string> MemoryStorage::Keys() {
  std::vector<std::string> keys;
  for (const auto& [k, v] : data) keys.push_back(k);
  return keys;
}

DeviceStorage& Storage() { return *device_storage; }
void SetStorage(DeviceStorage* storage) { device_storage = storage ? storage : &null_storage; }

void SetPrintHook(std::function<void(const std::string& html)> hook) { print_hook = std::move(hook); }
bool PrintPage(const std::string& html) {
  if (!print_hook) return false;
  print_hook(html);
  return true;
}

void SetNetworkProbe(std::function<bool()> probe) { network_probe = std::move(probe); }
bool NetworkOnline() { return !network_probe || network_probe(); }

Json ToJson(const AttentionItem& item) {
  return Json{{"op", ToJson(item.op)},
              {"outcome", std::string(OpOutcomeName(item.outcome))},
              {"what", item.what},
              {"reason", item.reason}};
}

Result<AttentionItem> AttentionItemFromJson(const Json& j) {
  if (!j.is_object() || !j.contains("op")) return Status(ErrorCode::kBadRequest, "Запись без операции.");
  auto op = OperationFromJson(j["op"]);
  if (!op.ok()) return op.status();
  AttentionItem item;
  item.op = std::move(op).value();
  std::string outcome = j.contains("outcome") && j["outcome"].is_string() ? j["outcome"].get<std::string>() : "";
  item.outcome = outcome == OpOutcomeName(OpOutcome::kConflict) ? OpOutcome::kConflict : OpOutcome::kRejected;
  if (j.contains("what") && j["what"].is_string()) item.what = j["what"].get<std::string>();
  if (j.contains("reason") && j["reason"].is_string()) item.reason = j["reason"].get<std::string>();
  return item;
}

std::vector<KeptJournal> JournalsToKeep(const Structure& s, const std::vector<int64_t>& groups, Date today) {
  std::vector<KeptJournal> out;
  for (int64_t g : groups) {
    auto periods = PeriodsOfGroup(s, g);
    if (periods.empty()) continue;
    size_t current = 0;
    for (size_t i = 0; i < periods.size(); ++i) {
      if (periods[i]->range.first <= today) current = i;
    }
    Date from = periods[current]->range.first;
    if (const Group* group = s.FindGroup(g)) {
      if (const AcademicYear* y = s.FindYear(group->year_id)) from = y->range.first;
    }
    for (size_t i : {current, current - 1}) {
      if (i >= periods.size()) continue;  // current == 0: no previous period (i wrapped)
      out.push_back({g, periods[i]->id, DateRange{from, periods[i]->range.last}});
    }
  }
  return out;
}

std::string LocalStore::Prefix(int64_t account) { return "ej/" + std::to_string(account) + "/"; }

void LocalStore::SaveUser(const protocol::MeResponse& me) { storage_.Put(kLastUser, protocol::ToJson(me).dump()); }

std::optional<protocol::MeResponse> LocalStore::LastUser() {
  auto json = ReadJson(storage_, kLastUser);
  if (!json) return std::nullopt;
  auto me = protocol::MeResponseFromJson(*json);
  if (!me.ok()) return std::nullopt;
  return std::move(me).value();
}

void LocalStore::SaveLogin(int64_t account, const std::string& login) {
  if (!login.empty()) storage_.Put(Prefix(account) + "login", login);
}
std::string LocalStore::Login(int64_t account) { return storage_.Get(Prefix(account) + "login").value_or(""); }

void LocalStore::SaveStructure(int64_t account, const std::string& json) { storage_.Put(Prefix(account) + "structure", json); }

std::optional<Structure> LocalStore::LoadStructure(int64_t account) {
  auto json = ReadJson(storage_, Prefix(account) + "structure");
  if (!json) return std::nullopt;
  auto s = StructureFromJson(*json);
  if (!s.ok()) return std::nullopt;
  return std::move(s).value();
}

void LocalStore::SaveRules(int64_t account, const std::string& json) { storage_.Put(Prefix(account) + "rules", json); }

std::optional<SchoolRules> LocalStore::LoadRules(int64_t account) {
  auto json = ReadJson(storage_, Prefix(account) + "rules");
  if (!json) return std::nullopt;
  auto r = SchoolRulesFromJson(*json);
  if (!r.ok()) return std::nullopt;
  return std::move(r).value();
}

void LocalStore::SaveJournal(int64_t account, int64_t group_id, int64_t period_id, const Journal& j) {
  storage_.Put(JournalKey(account, group_id, period_id), ToJson(j).dump());
}

std::optional<Journal> LocalStore::LoadJournal(int64_t account, int64_t group_id, int64_t period_id) {
  auto json = ReadJson(storage_, JournalKey(account, group_id, period_id));
  if (!json) return std::nullopt;
  auto j = JournalFromJson(*json);
  if (!j.ok()) return std::nullopt;
  return std::move(j).value();
}

bool LocalStore::HasJournal(int64_t account, int64_t group_id, int64_t period_id) {
  return storage_.Get(JournalKey(account, group_id, period_id)).has_value();
}

void LocalStore::KeepOnly(int64_t account, const std::vector<KeptJournal>& keep) {
  const std::string prefix = Prefix(account) + "journal/";
  for (const std::string& key : storage_.Keys()) {
    if (key.compare(0, prefix.size(), prefix) != 0) continue;
    bool kept = false;
    for (const KeptJournal& k : keep) kept = kept || key == JournalKey(account, k.group_id, k.period_id);
    if (!kept) storage_.Remove(key);
  }
}

void LocalStore::SaveCursor(int64_t account, int64_t cursor) {
  storage_.Put(Prefix(account) + "cursor", std::to_string(cursor));
}

int64_t LocalStore::LoadCursor(int64_t account) {
  auto text = storage_.Get(Prefix(account) + "cursor");
  if (!text || text->empty() || text->size() > 18) return 0;
  int64_t v = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

void LocalStore::SaveOutbox(int64_t account, const std::vector<Operation>& ops) {
  Json list = Json::array();
  for (const Operation& op : ops) list.push_back(ToJson(op));
  storage_.Put(Prefix(account) + "outbox", list.dump());
}

std::vector<Operation> LocalStore::LoadOutbox(int64_t account) {
  std::vector<Operation> ops;
  auto json = ReadJson(storage_, Prefix(account) + "outbox");
  if (!json || !json->is_array()) return ops;
  for (const Json& j : *json) {
    auto op = OperationFromJson(j);
    if (op.ok()) ops.push_back(std::move(op).value());
  }
  return ops;
}

void LocalStore::SaveAttention(int64_t account, const std::vector<AttentionItem>& items) {
  Json list = Json::array();
  for (const AttentionItem& item : items) list.push_back(ToJson(item));
  storage_.Put(Prefix(account) + "attention", list.dump());
}

std::vector<AttentionItem> LocalStore::LoadAttention(int64_t account) {
  std::vector<AttentionItem> items;
  auto json = ReadJson(storage_, Prefix(account) + "attention");
  if (!json || !json->is_array()) return items;
  for (const Json& j : *json) {
    auto item = AttentionItemFromJson(j);
    if (item.ok()) items.push_back(std::move(item).value());
  }
  return items;
}

void LocalStore::SavePending(int64_t account, const std::optional<PendingCorrection>& pending) {
  const std::string key = Prefix(account) + "pending";
  if (!pending) {
    storage_.Remove(key);
    return;
  }
  storage_.Put(key, Json{{"op", ToJson(pending->op)}, {"approval", pending->approval}, {"message", pending->message}}.dump());
}

std::optional<PendingCorrection> LocalStore::LoadPending(int64_t account) {
  auto json = ReadJson(storage_, Prefix(account) + "pending");
  if (!json || !json->is_object() || !json->contains("op")) return std::nullopt;
  auto op = OperationFromJson((*json)["op"]);
  if (!op.ok()) return std::nullopt;
  PendingCorrection p;
  p.op = std::move(op).value();
  p.approval = json->value("approval", false);
  p.message = json->value("message", std::string());
  return p;
}

size_t LocalStore::Unsent(int64_t account) {
  return LoadOutbox(account).size() + LoadAttention(account).size() + (LoadPending(account) ? 1 : 0);
}

bool LocalStore::Wipe(int64_t account, bool force) {
  if (!force && Unsent(account) > 0) return false;
  const std::string prefix = Prefix(account);
  for (const std::string& key : storage_.Keys()) {
    if (key.compare(0, prefix.size(), prefix) == 0) storage_.Remove(key);
  }
  if (auto last = LastUser(); last && last->user.id == account) storage_.Remove(kLastUser);
  return true;
}

}  // namespace ej::web
