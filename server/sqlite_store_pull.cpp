// SqliteStore::JournalChanges: the journal's changes after a cursor (journal_pull.h). The log
// entries after the cursor give what each journal operation touched; the core decides what the
// actor may read and cuts the rows from the cached journal.
#include "journal_pull.h"
#include "recommendation_store.h"
#include "sqlite_store.h"

namespace ej::server {

Result<protocol::Json> SqliteStore::JournalChanges(const Actor& actor, int64_t cursor) {
  if (Status may = MayPullJournal(actor); !may.ok()) return may;
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto last = LastLogSeq(c, actor.school_id);
    if (!last.ok()) return last.status();
    // Nothing seen yet, or a cursor from another database: the client loads everything.
    if (cursor <= 0 || cursor > *last) {
      out = ToJson(ResyncPull(*last));
      return Status::Ok();
    }
    std::vector<JournalTouch> touches;
    bool resync = false;
    int64_t entries = 0;
    Status q = c.Query("SELECT kind, result FROM op_log WHERE school_id = ? AND seq > ? AND seq <= ? ORDER BY seq",
                       {actor.school_id, cursor, *last}, [&](const Row& r) {
                         if (resync) return;
                         if (++entries > kMaxPullEntries) {
                           resync = true;
                           return;
                         }
                         const std::string kind = r.Text(0);
                         if (PullNeedsResync(kind)) {
                           resync = true;
                           return;
                         }
                         if (!IsJournalOp(kind)) return;  // plans, control works, recommendations
                         auto result = protocol::ParseJson(r.Text(1));
                         auto touch = result.ok() && result->is_object() && result->contains("touch")
                                          ? JournalTouchFromJson((*result)["touch"])
                                          : Result<JournalTouch>(Status(ErrorCode::kNotFound, ""));
                         if (!touch.ok()) {
                           resync = true;  // logged before touches were kept
                           return;
                         }
                         touches.push_back(std::move(touch).value());
                       });
    if (!q.ok()) return q;
    if (resync) {
      out = ToJson(ResyncPull(*last));
      return Status::Ok();
    }
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    auto j = CachedJournal(c, actor.school_id);
    if (!j.ok()) return j.status();
    out = ToJson(BuildJournalPull(**j, **st, actor, touches, *last));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace ej::server
