// Public API of the client: the state of sync as the teacher sees it (offline work, R6) — the
// badge on the journal screen, the delay before the next attempt, and what «keep mine» sends
// after a conflict. Platform-free; JournalDesk (journal_desk.cpp) uses it, screen_sync.cpp
// draws it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "journal.h"
#include "ops.h"

namespace ej::web {

enum class BadgeKind { kOnline, kOffline, kSending, kAttention };

struct SyncBadge {
  BadgeKind kind = BadgeKind::kOnline;
  std::string text;  // «В сети», «Нет сети», «Отправка: 3», «Требуют внимания: 1»
};

// What the badge says: refused entries waiting for the user come first (they need a decision),
// then a lost network, then what is on its way, else «В сети».
SyncBadge BadgeOf(bool offline, size_t outbox, size_t attention);

// The delay before the next attempt after a failed push: 2 s, then doubling up to 60 s; a
// success starts again from 2 s.
class Backoff {
 public:
  double Next();  // seconds to wait, and the following delay doubles
  void Reset() { attempt_ = 0; }
  int attempts() const { return attempt_; }

 private:
  int attempt_ = 0;
};

// The version of the operation's target in the journal as it is now (0 when there is none):
// the base_version of the same change made again over the server's value («оставить моё»).
// The value an operation writes, for people: «5», «н», «пусто» (a cleared cell), «удаление
// отметки», the topic's text in « ».
std::string OpValueText(const Operation& op);

int64_t CurrentVersion(const Journal& j, const Operation& op);

}  // namespace ej::web
