// Internal to the server: the Store over an SQLite Database.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <tuple>
#include <unordered_map>

#include "db.h"
#include "journal.h"
#include "diary.h"
#include "diary_touch.h"
#include "journal_recommendations.h"
#include "control_works.h"
#include "thematic_plan.h"
#include "timetable.h"
#include "store.h"

namespace ej::server {

// The server's local calendar day at a Unix time (what "today" is for the journal's rules).
Date LocalDate(int64_t unix_seconds);

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Database& db) : db_(db) {}

  Result<std::optional<AccountRecord>> FindAccountByLogin(std::string_view login) override;
  Result<protocol::MeResponse> LoadUser(int64_t account_id) override;
  Status CreateSession(const NewSession& session) override;
  Result<std::optional<SessionRecord>> FindLiveSession(std::string_view token_hash, int64_t now) override;
  Status RevokeSession(std::string_view token_hash, int64_t now) override;
  Result<int64_t> AddUser(const NewUser& user) override;
  Status SetPassword(std::string_view login, const std::string& password_hash, int64_t now) override;
  Result<bool> HasSchool() override;
  Result<Actor> LoadActor(int64_t account_id) override;
  Result<protocol::Json> StructureSnapshot(const Actor& actor) override;
  Result<SchoolRules> Rules(int64_t school_id) override;
  Result<protocol::Json> TimetableSnapshot(int64_t school_id) override;
  Result<protocol::AccountList> ListAccounts(int64_t school_id) override;
  Result<protocol::AccountInfo> FindAccount(int64_t school_id, int64_t account_id) override;
  Status IssuePassword(const Actor& actor, int64_t account_id, const std::string& password_hash, int64_t now) override;
  Status SetAccountDisabled(const Actor& actor, int64_t account_id, bool disabled, int64_t now) override;
  Result<protocol::Json> GroupPlans(const Actor& actor, int64_t group_id) override;
  Result<protocol::Json> ControlWorkSchedule(const Actor& actor, int64_t year_id, Date today) override;
  Result<PushResponse> PushOps(const Actor& actor, const std::vector<Operation>& ops, int64_t now) override;
  Result<protocol::Json> JournalSlice(const Actor& actor, int64_t group_id, std::optional<DateRange> range) override;
  Result<protocol::Json> LessonsOfDay(const Actor& actor, Date day) override;
  Result<std::vector<AuditRow>> CorrectionsAudit(const Actor& actor, const AuditFilter& filter) override;
  Result<protocol::Json> JournalChanges(const Actor& actor, int64_t cursor) override;  // sqlite_store_pull.cpp
  Result<protocol::Json> ClassJournalSlice(const Actor& actor, int64_t class_id, std::optional<DateRange> range,
                                           std::vector<int64_t>* students) override;
  Result<protocol::Json> CorrectionRequests(const Actor& actor) override;
  Result<std::string> Diary(const Actor& actor, int64_t student_id, DateRange range) override;
  Result<protocol::Json> Children(const Actor& actor, Date today) override;
  Status MarkDiarySeen(const Actor& actor, int64_t student_id, int64_t seq, Date today) override;
  Status LogPersonalDataRead(const Actor& actor, std::string_view route, const std::vector<int64_t>& student_ids,
                             int64_t group_id, int64_t now) override;
  Result<protocol::PdAccessLog> PersonalDataLog(int64_t school_id, int64_t from, int64_t to) override;
  Result<protocol::Json> SchoolLessonsOfDay(const Actor& actor, Date day) override;

  // Schools hosted by this database (the command line's `school add` and `school list`).
  struct SchoolRecord {
    int64_t id = 0;
    std::string name;
    std::string short_name;
  };
  // Adds a school; a name (full or short) already used by another school is a conflict.
  Result<int64_t> AddSchool(const std::string& name, const std::string& short_name, int64_t now);
  Result<std::vector<SchoolRecord>> ListSchools();

  // How many diaries were built rather than found kept, since the start: tests and benches tell
  // a kept diary from a rebuilt one by it.
  uint64_t DiariesBuilt() const { return diaries_built_.load(std::memory_order_relaxed); }

 private:
  // Drops every cached school when another process wrote to the file; call with cache_mutex_ held
  // exclusively (it takes hot_mutex_ for the hot caches).
  Status DropCachesIfChangedOutside();
  // Written with cache_mutex_ and hot_mutex_ both held exclusively: read under either.
  int64_t data_version_ = -1;
  // The cached structure of a school, loaded on first use; call with cache_mutex_ held.
  Result<Structure*> CachedStructure(Connection& c, int64_t school_id);

  Database& db_;
  // Exclusive (lock_guard) for loads and drops; shared (shared_lock) for the per-request
  // lookups that find everything kept (LoadActor, the diary's fast path): readers run side by
  // side, and one preempted reader holds nobody up.
  std::shared_mutex cache_mutex_;
  std::map<int64_t, std::unique_ptr<Structure>> structures_;
  // The cached timetable of a school; call with cache_mutex_ held.
  Result<Timetable*> CachedTimetable(Connection& c, int64_t school_id);
  std::map<int64_t, std::unique_ptr<Timetable>> timetables_;
  // The cached journal of a school; call with cache_mutex_ held.
  Result<Journal*> CachedJournal(Connection& c, int64_t school_id);
  std::map<int64_t, std::unique_ptr<Journal>> journals_;
  // The cached plans and control works of a school; call with cache_mutex_ held.
  Result<ThematicPlans*> CachedPlans(Connection& c, int64_t school_id);
  Result<ControlWorks*> CachedControlWorks(Connection& c, int64_t school_id);
  std::map<int64_t, std::unique_ptr<ThematicPlans>> plans_;
  std::map<int64_t, std::unique_ptr<ControlWorks>> control_works_;
  // The cached rules of a school (dropped by every push, which may change them); call with
  // cache_mutex_ held.
  Result<SchoolRules*> CachedRules(Connection& c, int64_t school_id);
  std::map<int64_t, std::unique_ptr<SchoolRules>> rules_;
  // The hot caches (who each account is, whole diaries, access answers, the last seq, the seen
  // seqs) sit behind their own lock: the per-request fast paths take only hot_mutex_ (shared),
  // so a push holding cache_mutex_ while it writes and syncs stalls none of the reads it did
  // not touch. Lock order: cache_mutex_, then hot_mutex_, never the other way. Always read under
  // hot_mutex_ (shared) and changed under hot_mutex_ held exclusively, whatever else is held.
  std::shared_mutex hot_mutex_;
  // Whole diaries as sent (JSON text) by (school, student, first day, last day): parents read the
  // same weeks again and again between changes. A push drops only the diaries of the students its
  // operations touched (diary_touch.h); an outside change drops them all. Built under
  // cache_mutex_ held shared (readers side by side; a push cannot run meanwhile), and kept only
  // if no drop happened since the build began (diary_generation_).
  struct CachedDiary {
    std::string json;
    std::shared_ptr<const DiaryView> view;  // to mark what is new for one reader
  };
  std::map<std::tuple<int64_t, int64_t, int64_t, int64_t>, CachedDiary> diaries_;
  uint64_t diary_generation_ = 0;
  std::atomic<uint64_t> diaries_built_{0};
  // The whole diaries being built now (under cache_mutex_ held shared): a second asker waits for
  // the first one's build (building_cv_) rather than building the same diary again.
  std::mutex building_mutex_;
  std::condition_variable building_cv_;
  std::set<std::tuple<int64_t, int64_t, int64_t, int64_t>> building_;
  // Whether the school's sources a diary is built from are all loaded (call with cache_mutex_
  // held), and the diary built or found from them (cache_mutex_ held shared or exclusively).
  bool DiarySourcesLoaded(int64_t school_id);
  Result<std::string> DiaryFromSources(const Actor& actor, int64_t student_id, DateRange range);
  // Drops the kept diaries a push touched; call with hot_mutex_ held exclusively.
  void DropDiaries(int64_t school_id, const DiaryTouch& touched);
  // The cached recommendations of a school; call with cache_mutex_ held.
  Result<Recommendations*> CachedRecommendations(Connection& c, int64_t school_id);
  std::map<int64_t, std::unique_ptr<Recommendations>> recommendations_;
  // «New since the last visit»: the school's last log seq (set by every push after its commit)
  // and the seq each (account, student) has seen (-1: never), cached (hot_mutex_).
  std::map<int64_t, int64_t> last_seq_;
  // Who each account is (LoadActor), until a push or an outside change; a load that raced with
  // a drop (the generation moved on) is not kept. A push drops them only when one of its
  // operations may change who someone is (ChangesRelations). Call DropActors with hot_mutex_
  // held exclusively.
  Result<Actor> LoadActorFromDb(int64_t account_id);
  void DropActors();
  std::map<int64_t, Actor> actors_;
  uint64_t actors_generation_ = 0;
  // Whether an account sees the whole of a student's diary over a range (AuthorizeDiary), kept
  // with the actors (the answer follows from who they are and the structure); call with
  // cache_mutex_ held.
  std::map<std::tuple<int64_t, int64_t, int64_t, int64_t>, bool> diary_access_;
  std::map<std::pair<int64_t, int64_t>, int64_t> seen_;
  static constexpr size_t kMaxCachedDiaries = 4096;
  // Live sessions by token hash (FindLiveSession, asked by every request), each kept at most
  // kSessionCacheSeconds. Whatever ends a session or cuts an account off here (logout, a new
  // password, disabling) drops them all at once after its write (DropSessions), and so does
  // an outside change (the command line's `user passwd`); a lookup that raced with a drop (the
  // generation moved on) is not kept. Guarded by sessions_mutex_ alone.
  struct CachedSession {
    SessionRecord record;
    int64_t cached_at = 0;
  };
  void DropSessions();
  std::shared_mutex sessions_mutex_;
  std::unordered_map<std::string, CachedSession> sessions_;
  uint64_t sessions_generation_ = 0;
  int64_t sessions_data_version_ = -1;
  static constexpr int64_t kSessionCacheSeconds = 30;
  static constexpr size_t kMaxCachedSessions = 65536;
};

}  // namespace ej::server
