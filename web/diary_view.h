// Public API of the client: the family's cabinet (issue 7, R19) — the diary of a student, or of
// each of a parent's children, phone-first.
//
// It asks the server for the children (route::kChildren: a parent's, or the student themself),
// then for the chosen child's week (route::kDiary: the core's DiaryView — days, subjects with
// averages and finals, control works, teachers, holidays, recommendations, the feed of
// changes, and what is new since the last visit). After the first week of a child is shown in a
// session, the diary is marked seen up to the answer's "seq" (route::kDiarySeen), so what the
// server flagged new is flagged once. The screen (screen_diary.cpp) draws it; nothing here
// computes an average or decides what is new: the core did, on the server.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "console_pages.h"
#include "diary.h"
#include "env.h"
#include "protocol.h"
#include "screen_diary.h"
#include "transport.h"

namespace ej::web {

// True if the user opens the family's cabinet: a parent or a student.
bool HasDiary(const protocol::UserInfo& user);

class DiaryCabinet {
 public:
  DiaryCabinet(Transport& transport, Env& env);
  DiaryCabinet(const DiaryCabinet&) = delete;
  DiaryCabinet& operator=(const DiaryCabinet&) = delete;

  void Open(const protocol::UserInfo& user);
  void Close();
  TopBarAction Frame(const TopBarView& bar, const std::string& bar_error);

  // The children and the chosen child's week are loaded (or a load failed).
  bool settled() const;
  std::string error() const { return error_; }
  bool session_ended() const { return requests_.session_ended; }
  const std::string& session_message() const { return requests_.session_message; }

  // What the user can do (the screen's clicks call these; tests too).
  void SelectChild(size_t index);
  void ShiftWeek(int weeks);  // -1 the week before, +1 the week after, 0 back to this week
  void ShowSection(DiarySection section) { section_ = section; }

  // For tests: what is shown.
  const std::vector<ChildInfo>& children() const { return children_; }
  size_t child() const { return child_; }
  const std::optional<DiaryView>& diary() const { return diary_; }
  Date monday() const { return monday_; }
  DiarySection section() const { return section_; }

 private:
  void LoadChildren();
  void LoadDiary();
  void MarkSeen(int64_t student_id, int64_t seq);

  PageRequests requests_;
  Env& env_;
  bool open_ = false;
  std::vector<ChildInfo> children_;
  bool children_loaded_ = false;
  size_t child_ = 0;
  Date monday_;
  std::optional<DiaryView> diary_;
  bool loading_ = false;
  int serial_ = 0;                 // answers for an earlier child or week are dropped
  std::set<int64_t> seen_marked_;  // children marked seen in this session
  DiarySection section_ = DiarySection::kWeek;
  std::string error_;
};

}  // namespace ej::web
