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
#include "protocol.h"
#include "school_rules.h"
#include "screen_journal.h"
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
  bool Edit(Operation op, std::string* refusal);
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

  JournalForm form_;
  std::string error_;
  std::string lesson_error_;
  std::string final_error_;
  // Substitutions (issue 4): the groups where the user keeps a lesson as a substitute, from the
  // lessons the user keeps a month around today (GET route::kLessons); the server sends only
  // those lessons of such a group.
  void LoadSubstitutions();
  std::vector<int64_t> substitute_groups_;
};

}  // namespace ej::web
