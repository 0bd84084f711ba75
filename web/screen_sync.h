// Internal to web/: what the journal screen shows about offline work and sync
// (screen_sync.cpp), drawn over the journal by JournalDesk::Frame: the badge in the lower right
// corner with «Лист урока» beside it, and one dialog at a time over the desk — the entries that
// need attention (a conflict with both values and the choice; a refusal with its reason and
// «Убрать»), the password when the session expired while offline, the warning before a logout
// that would lose unsent entries.
#pragma once

#include <string>
#include <vector>

#include "sync.h"

namespace ej::web {

struct AttentionRow {
  std::string what;     // «Отметка «н» — Белов А., 14.09.2026»
  std::string reason;   // the server's message (for a conflict: what is there now)
  std::string mine;     // for a conflict: the user's value («н»)
  bool conflict = false;
};

enum class SyncDialog { kNone, kAttention, kPassword, kLogout };

struct SyncView {
  SyncBadge badge;
  bool can_print = false;        // a group is open: the lesson sheet can be made
  SyncDialog dialog = SyncDialog::kNone;
  std::vector<AttentionRow> attention;
  size_t unsent = 0;             // for the logout warning
  std::string password_error;
  bool password_busy = false;
};

struct SyncForm {
  std::string login;
  std::string password;
  bool focus_password = false;
};

struct SyncAction {
  bool open_attention = false;   // the badge was clicked while entries need attention
  bool close_dialog = false;     // «Позже» / «Остаться»
  int keep_mine = -1;            // a conflict: send my value again over the server's
  int keep_server = -1;          // a conflict: the server's value stays, mine is dropped
  int discard = -1;              // a refused entry is dropped
  bool print_sheet = false;
  bool submit_password = false;
  bool logout_anyway = false;    // the user confirmed losing the unsent entries
};

// True when a dialog covers the desk (the journal below takes no input then).
SyncAction DrawSyncOverlay(const SyncView& view, SyncForm& form);

}  // namespace ej::web
