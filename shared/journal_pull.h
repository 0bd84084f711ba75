// Public API of the core: pulling the journal's changes since a cursor (sync, DESIGN.md; issue 6).
//
// The server's op_log has a growing seq. When the server applies a journal operation it keeps,
// in the log entry, what the operation touched (TouchOf): lessons (a lesson with its marks and
// attendance is the unit), finals, correction requests, period locks. A client that kept
// journals on the device asks for the changes after the last seq it saw (its cursor); the answer
// (BuildJournalPull) carries, for every group the user may read by the one access policy, the
// touched rows as they are NOW on the server, and the touched keys, so the client replaces or
// deletes exactly those rows (ApplyGroupChanges) and its copy ends equal to the server's slice.
// Rows, not operations: replaying another teacher's operation on the client would need their
// rights and the server's date; the rows need neither, and an overlap (a change seen twice) is
// harmless.
//
// The answer is «resync» (the client reloads its journals whole) when the cursor is 0 or ahead
// of the log, when too many entries follow it, when an entry has no touch record (written
// before this existed), or when the structure, the timetable, the rules or the generated lessons
// changed after it (PullNeedsResync).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "access.h"
#include "journal.h"
#include "protocol.h"
#include "status.h"
#include "structure.h"

namespace ej {

// What one applied journal operation touched.
struct JournalTouch {
  std::set<int64_t> lessons;  // each with its marks and attendance
  std::set<FinalKey> finals;
  std::set<int64_t> requests;
  bool periods = false;       // a period lock changed
};

// From the operation's effect and the journal after it (a removed mark's lesson comes from
// `applied.old`).
JournalTouch TouchOf(const Journal& after, const JournalApplied& applied);
protocol::Json ToJson(const JournalTouch& t);
Result<JournalTouch> JournalTouchFromJson(const protocol::Json& j);

// A logged operation of this kind makes incremental answers impossible after it: the set of
// groups, lessons or rules the client keeps may have changed (structure, timetable, rules,
// lessons.generate).
bool PullNeedsResync(std::string_view kind);

// The most log entries one incremental answer covers; more: resync.
inline constexpr int64_t kMaxPullEntries = 5000;

// Who may pull: staff (the answer holds only what each may read); a family reads the diary.
Status MayPullJournal(const Actor& actor);

// One group's changes: the touched keys and the touched rows that exist now.
struct GroupChanges {
  int64_t group_id = 0;
  std::set<int64_t> lessons;
  std::set<FinalKey> finals;
  std::set<int64_t> requests;
  Journal rows;  // the touched lessons (with all their marks and attendance), finals, requests
};

struct JournalPull {
  bool resync = false;
  int64_t cursor = 0;  // the seq to ask after next time
  std::vector<GroupChanges> groups;
  std::set<int64_t> locked_periods;
};

// The answer for `actor` from the server's journal and the touches of the entries after the
// cursor (in order). Only groups the actor may read (kReadJournal), and for a substitute only
// the lessons they keep (as the journal slice answers them).
JournalPull BuildJournalPull(const Journal& j, const Structure& s, const Actor& actor,
                             const std::vector<JournalTouch>& touches, int64_t cursor);
JournalPull ResyncPull(int64_t cursor);

protocol::Json ToJson(const JournalPull& p);
Result<JournalPull> JournalPullFromJson(const protocol::Json& j);

// Applies a group's changes to a journal the client keeps for that group over `range` (as
// SliceForGroup cut it): every touched row is deleted and put back as the server has it now,
// if it belongs to the kept slice. The locked periods are the server's.
void ApplyGroupChanges(Journal& kept, int64_t group_id, DateRange range, const GroupChanges& changes,
                       const std::set<int64_t>& locked_periods);

}  // namespace ej
