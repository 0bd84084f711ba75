// Public API of the client: the local store (offline work, R6). What the teacher's desk keeps on
// the device so the journal opens and takes entries with no network, and survives a reload and
// a browser restart: the signed-in user, the structure snapshot and the school's rules, the
// group journals of the current and the previous period, the outbox of operations the server
// has not acknowledged, and the refused entries waiting for the user's decision.
//
// Platform-free: the bytes go to a DeviceStorage (a key → text map). The browser gives one over
// IndexedDB (wasm/storage_idb.cpp); tests give MemoryStorage. Without one nothing is stored.
// Every key of a user starts with "ej/<account>/", so two users of one device never mix, and
// logout wipes exactly one user's copy.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "journal.h"
#include "ops.h"
#include "protocol.h"
#include "structure.h"

namespace ej::web {

class DeviceStorage {
 public:
  virtual ~DeviceStorage() = default;
  virtual std::optional<std::string> Get(const std::string& key) = 0;
  // Writes are durable in order: a later Put never lands before an earlier one.
  virtual void Put(const std::string& key, const std::string& value) = 0;
  virtual void Remove(const std::string& key) = 0;
  virtual std::vector<std::string> Keys() = 0;
};

// An in-memory DeviceStorage: the tests' fake and the bench's.
class MemoryStorage : public DeviceStorage {
 public:
  std::optional<std::string> Get(const std::string& key) override;
  void Put(const std::string& key, const std::string& value) override;
  void Remove(const std::string& key) override;
  std::vector<std::string> Keys() override;
  std::map<std::string, std::string> data;
  int writes = 0;
};

// The device's storage (set once by the platform at start; tests set theirs). Null: a storage
// that keeps nothing.
DeviceStorage& Storage();
void SetStorage(DeviceStorage* storage);

// The platform's way to show a printable page (the lesson sheet): a new window with the HTML
// and the browser's print. Unset: PrintPage returns false.
void SetPrintHook(std::function<void(const std::string& html)> hook);
bool PrintPage(const std::string& html);

// The platform's word on the network (the browser: navigator.onLine). Unset: always online.
// It only hurries things: a push is tried at once when the network comes back, and the badge
// says «Нет сети» without waiting for a request to fail.
void SetNetworkProbe(std::function<bool()> probe);
bool NetworkOnline();

// An operation the server refused (rejected, or in conflict with someone's change): kept until
// the user fixes or discards it, or — for a conflict — picks their value or the server's.
struct AttentionItem {
  Operation op;
  OpOutcome outcome = OpOutcome::kRejected;
  std::string what;    // «Отметка «н» — Белов А., 14.09.2026»
  std::string reason;  // the server's Russian message (for a conflict: what is there now)
};
protocol::Json ToJson(const AttentionItem& item);
Result<AttentionItem> AttentionItemFromJson(const protocol::Json& j);

// A change the core would not take without a reason (or the deputy's approval): it waits in
// the correction prompt (see JournalDesk::Edit).
struct PendingCorrection {
  Operation op;
  bool approval = false;  // a locked period: the change becomes a request to the deputy
  std::string message;    // the core's explanation
};

// The journals a teacher keeps on the device: for each group, the period of today (or the
// last that has begun) and the one before it, each with the range the desk loads for it
// (from the year's start, so the КТП's count of held lessons works offline too).
struct KeptJournal {
  int64_t group_id = 0;
  int64_t period_id = 0;
  DateRange range;
};
std::vector<KeptJournal> JournalsToKeep(const Structure& s, const std::vector<int64_t>& groups, Date today);

class LocalStore {
 public:
  explicit LocalStore(DeviceStorage& storage) : storage_(storage) {}

  // The last user signed in on this device (the start-up with no network opens their desk).
  void SaveUser(const protocol::MeResponse& me);
  std::optional<protocol::MeResponse> LastUser();
  // The login typed at the last sign-in (the dialog for an expired session fills it in).
  void SaveLogin(int64_t account, const std::string& login);
  std::string Login(int64_t account);

  // The snapshot and the rules as the server sent them (JSON text).
  void SaveStructure(int64_t account, const std::string& json);
  std::optional<Structure> LoadStructure(int64_t account);
  void SaveRules(int64_t account, const std::string& json);
  std::optional<SchoolRules> LoadRules(int64_t account);

  // A group's journal for a period as the server sent it (without the outbox applied).
  void SaveJournal(int64_t account, int64_t group_id, int64_t period_id, const Journal& j);
  std::optional<Journal> LoadJournal(int64_t account, int64_t group_id, int64_t period_id);
  bool HasJournal(int64_t account, int64_t group_id, int64_t period_id);
  // Drops the journals not in `keep` (an older period, a group no longer taught).
  void KeepOnly(int64_t account, const std::vector<KeptJournal>& keep);

  // The op_log seq the kept journals are up to date with (journal_pull.h); 0: none yet.
  void SaveCursor(int64_t account, int64_t cursor);
  int64_t LoadCursor(int64_t account);

  void SaveOutbox(int64_t account, const std::vector<Operation>& ops);
  std::vector<Operation> LoadOutbox(int64_t account);
  void SaveAttention(int64_t account, const std::vector<AttentionItem>& items);
  std::vector<AttentionItem> LoadAttention(int64_t account);

  // A change waiting on screen for its reason or for a request to the deputy (the correction
  // prompt): kept so a reload or a closed tab does not lose it. nullopt removes it.
  void SavePending(int64_t account, const std::optional<PendingCorrection>& pending);
  std::optional<PendingCorrection> LoadPending(int64_t account);
  // Operations not yet acknowledged, refused ones not yet decided, and a change waiting in the
  // correction prompt.
  size_t Unsent(int64_t account);
  // Removes everything of the user (and the last-user record if it is theirs). Refused — false,
  // nothing removed — while Unsent(account) > 0 unless `force` (the user confirmed the loss).
  bool Wipe(int64_t account, bool force = false);

  static std::string Prefix(int64_t account);

 private:
  DeviceStorage& storage_;
};

}  // namespace ej::web
