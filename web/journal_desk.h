// Public API of the client: the teacher's desk (issue 5), the journal of the groups a teacher
// keeps and of the class a class teacher leads.
//
// It loads the structure snapshot (names, groups, periods), the school's rules and, for the
// chosen group and period, the group's journal (GET route::kJournal) and КТП (route::kPlans).
// An edit becomes an operation that the core applies AT ONCE to the local copy (the same
// ApplyJournalOp the server runs, so the grid shows the mark before the network answers, and a
// change the core refuses is explained without a round trip), then waits in the outbox until
// the server answers. Applied operations leave the outbox; refused ones (rejected or in
// conflict) are listed with the server's reason, and the journal is reloaded from the server so
// the screen shows what the school's journal holds. An answer lost on its way leaves the outbox
// as it is: the same op_id is re-sent, so nothing happens twice.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "console_pages.h"
#include "env.h"
#include "journal.h"
#include "journal_grid.h"
#include "journal_pull.h"
#include "local_store.h"
#include "protocol.h"
#include "school_rules.h"
#include "screen_journal.h"
#include "screen_sync.h"
#include "sync.h"
#include "structure.h"
#include "thematic_plan.h"
#include "timetable.h"
#include "transport.h"

namespace ej::web {

// True if the user keeps a journal: a teacher or a class teacher.
bool HasJournal(const protocol::UserInfo& user);

class JournalDesk {
 public:
  JournalDesk(Transport& transport, Env& env);
  JournalDesk(const JournalDesk&) = delete;
  JournalDesk& operator=(const JournalDesk&) = delete;

  void Open(const protocol::UserInfo& user);
  void Close();
  TopBarAction Frame(const TopBarView& bar, const std::string& bar_error);

  // The structure, the rules and the chosen group's journal are loaded (or a load failed).
  bool settled() const;
  std::string error() const { return error_; }
  bool session_ended() const { return requests_.session_ended; }
  const std::string& session_message() const { return requests_.session_message; }

  // For tests: the grid drawn, the local journal, what waits for the server, what was refused.
  const JournalGrid* grid() const { return grid_ ? &*grid_ : nullptr; }
  const Journal& journal() const { return journal_; }
  size_t outbox_size() const { return outbox_.size(); }
  const std::vector<std::string>& problems() const { return problems_; }
  const JournalForm& form() const { return form_; }
  const ClassSummary* summary() const { return summary_ ? &*summary_ : nullptr; }
  const YearGrid* year() const { return year_ ? &*year_ : nullptr; }
  bool correction_pending() const { return pending_.has_value(); }
  const std::string& notice() const { return notice_; }

  // Offline work and sync (journal_desk_offline.cpp): the badge, the refused entries waiting
  // for the user's decision, the dialog over the desk, the printable lesson sheet of the open
  // group for today (from the local copy).
  SyncBadge badge() const;
  const std::vector<AttentionItem>& attention() const { return attention_; }
  SyncDialog dialog() const { return dialog_; }
  std::string LessonSheet(const std::string& school) const;

 private:
  void LoadStructure();
  void LoadRules();
  void LoadJournal();
  void Rebuild();
  std::optional<int64_t> GroupId() const;
  const StudyPeriod* Period() const;
  Actor LocalActor() const;
  Operation MakeOp(std::string_view kind, protocol::Json payload, int64_t base_version);
  // Applies the op locally with the core; true if it passed (then it waits in the outbox).
  // A change that needs a reason or the deputy's approval waits in the correction prompt
  // (`prompt`; then `refusal` stays empty) instead of being refused.
  bool Edit(Operation op, std::string* refusal, bool prompt = true);
  // The views computed from the local journal: the grid, the year's marks.
  void RebuildViews();
  // «Итоги года» is chosen (the entry after the group's periods).
  bool YearShown() const;
  // The class teacher's summary is chosen (the entries after the groups): the class.
  std::optional<int64_t> SummaryClass() const;
  // The study periods of the summary's class, in order.
  std::vector<const StudyPeriod*> ClassPeriods() const;
  void LoadClassJournal();
  void SubmitCorrection();
  void SaveCell();
  void FillDown();
  // Sends a recommendation at once (not through the outbox: it needs the network).
  void SavePending();  // the correction prompt's change, on the device
  void SendRecommendation();
  // What the open lesson's homework may be due for: 0 (the next lesson), then lesson ids.
  std::vector<int64_t> DueChoices(const JournalLesson& lesson) const;
  std::string recommendation_error_;
  bool recommendation_busy_ = false;
  void Push();
  void OnPushed(const HttpResponse& r, size_t sent);
  void Handle(const JournalAction& action);
  std::string Describe(const Operation& op) const;
  std::string Status() const;

  PageRequests requests_;
  Env& env_;
  protocol::UserInfo user_;
  bool open_ = false;

  std::unique_ptr<Structure> structure_;
  std::optional<SchoolRules> rules_;
  Timetable timetable_;  // not needed by the entry operations; empty
  std::vector<int64_t> groups_;       // the groups shown, in the drop-down's order
  Journal journal_;                   // the chosen group's, with the outbox applied
  Journal server_journal_;            // as the server sent it
  bool journal_loaded_ = false;
  bool journal_loading_ = false;
  std::optional<ThematicPlan> plan_;
  std::optional<JournalGrid> grid_;

  std::vector<Operation> outbox_;     // applied locally, not yet acknowledged
  size_t in_flight_ = 0;              // the first N of the outbox are on their way
  bool offline_ = false;              // the last push did not reach the server
  double retry_at_ = 0;               // ImGui time of the next attempt after a failure
  std::vector<std::string> problems_;

  // The class teacher's summary and the year's marks.
  std::vector<int64_t> led_classes_;  // after the groups in the drop-down
  std::optional<ClassSummary> summary_;
  std::optional<YearGrid> year_;
  // A change waiting for a reason or for a request to the deputy (the correction prompt).
  std::optional<Operation> pending_;
  bool pending_approval_ = false;
  std::string pending_message_, pending_error_;
  std::string notice_;  // «Заявка отправлена …»

  JournalForm form_;
  std::string error_;
  std::string lesson_error_;
  std::string final_error_;

  // ---- Offline work and sync (journal_desk_offline.cpp) ----
  LocalStore Store() const { return LocalStore(Storage()); }
  void RestoreLocal();                 // Open(): what the device kept for the user
  bool RestoreJournal();               // the chosen group's journal from the device, if kept
  void SaveOutbox();
  void SaveJournalLocal();
  void ApplyToStored(const std::vector<Operation>& acknowledged);
  void Prefetch();                     // the kept journals (current and previous periods)
  void PrefetchNext();
  void Refused(const Operation& op, const OpResult& result);
  // Draws the badge and the dialog; true if a dialog covered the desk this frame.
  bool SyncFrame(const TopBarView& bar);
  void HandleSync(const SyncAction& a, const TopBarView& bar);
  // The user asked to log out: true if it may go ahead (the local copy is wiped then).
  bool LogoutAllowed();
  void SubmitPassword();
  bool SessionLostWithEntries();
  void NetworkTick();                  // the network came back: retry at once

  std::vector<AttentionItem> attention_;
  SyncDialog dialog_ = SyncDialog::kNone;
  SyncForm sync_form_;
  std::string password_error_;
  bool password_busy_ = false;
  Backoff backoff_;
  std::vector<KeptJournal> prefetch_;
  size_t prefetch_next_ = 0;
  bool prefetch_started_ = false;
  bool logout_confirmed_ = false;     // «Выйти и потерять записи» was chosen
  bool network_was_online_ = true;
  Transport& transport_;               // the password dialog's login (a 401 there is its answer)
  // Substitutions (issue 4): the groups where the user keeps a lesson as a substitute, from the
  // lessons the user keeps a month around today (GET route::kLessons); the server sends only
  // those lessons of such a group.
  void LoadSubstitutions();
  std::vector<int64_t> substitute_groups_;
  // Pull since a cursor (journal_pull.h): online, after the outbox is sent, the changes after the
  // cursor kept on the device go into the kept journals; a «resync» answer reloads them whole
  // (Prefetch with every kept journal) and its cursor is kept once they all arrived.
  void Pull();
  void OnPulled(const HttpResponse& r);
  void ApplyPull(const JournalPull& pull);
  bool pull_in_flight_ = false;
  bool pull_again_ = false;           // asked for while one was on its way
  bool prefetch_all_ = false;         // a resync: the journal on screen is reloaded too
  int64_t prefetch_cursor_ = 0;       // kept when the resync's reload is complete
  bool prefetch_failed_ = false;
};

}  // namespace ej::web
