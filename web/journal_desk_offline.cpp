// The teacher's desk, offline work and sync (issue 6, R6): what the device keeps (local_store.h),
// the badge and the dialogs (screen_sync.h), the refused entries kept for the user's decision,
// the password asked again when the session expired while offline, logout that never loses
// unsent entries silently, the printable lesson sheet. See journal_desk.h.
#include <algorithm>

#include "journal_desk.h"
#include "lesson_sheet.h"
#include "offline_unlock.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

}  // namespace

// ---- The device's copy ----

void JournalDesk::RestoreLocal() {
  LocalStore store = Store();
  outbox_ = store.LoadOutbox(user_.id);
  attention_ = store.LoadAttention(user_.id);
  if (auto pending = store.LoadPending(user_.id)) {
    pending_ = std::move(pending->op);
    pending_approval_ = pending->approval;
    pending_message_ = std::move(pending->message);
    pending_error_.clear();
  }
  sync_form_.login = store.Login(user_.id);
  if (auto s = store.LoadStructure(user_.id)) {
    structure_ = std::make_unique<Structure>(std::move(*s));
    // The same groups the server's snapshot gives (LoadStructure's order).
    for (const auto& w : structure_->workload) {
      if (w.teacher_id == user_.person_id && std::find(groups_.begin(), groups_.end(), w.group_id) == groups_.end()) {
        groups_.push_back(w.group_id);
      }
    }
    const Structure& st = *structure_;
    auto label = [&](int64_t id) {
      const Group* g = st.FindGroup(id);
      const Subject* subj = g ? st.FindSubject(g->subject_id) : nullptr;
      return std::make_pair(g ? g->name : std::string(), subj ? subj->name : std::string());
    };
    std::sort(groups_.begin(), groups_.end(), [&](int64_t a, int64_t b) {
      return std::make_pair(GradeOfGroup(st, a), label(a)) < std::make_pair(GradeOfGroup(st, b), label(b));
    });
    for (const auto& g : st.groups) {
      for (int64_t c : g.class_ids) {
        const SchoolClass* cls = st.FindClass(c);
        if (cls && cls->teacher_id == user_.person_id && std::find(groups_.begin(), groups_.end(), g.id) == groups_.end()) {
          groups_.push_back(g.id);
        }
      }
    }
    form_.group = 0;
    form_.period = -1;
  }
  if (auto r = store.LoadRules(user_.id)) rules_ = std::move(*r);
  if (structure_ && rules_) LoadJournal();  // from the device at once; the server's follows
}

bool JournalDesk::RestoreJournal() {
  auto group = GroupId();
  const StudyPeriod* period = Period();
  if (!group || !period) return false;
  auto j = Store().LoadJournal(user_.id, *group, period->id);
  if (!j) return false;
  server_journal_ = std::move(*j);
  journal_loaded_ = true;
  Rebuild();
  return true;
}

void JournalDesk::SaveOutbox() {
  LocalStore store = Store();
  store.SaveOutbox(user_.id, outbox_);
  store.SaveAttention(user_.id, attention_);
}

void JournalDesk::SavePending() {
  std::optional<PendingCorrection> pending;
  if (pending_) pending = PendingCorrection{*pending_, pending_approval_, pending_message_};
  Store().SavePending(user_.id, pending);
}

void JournalDesk::SaveJournalLocal() {
  auto group = GroupId();
  const StudyPeriod* period = Period();
  if (group && period && journal_loaded_) Store().SaveJournal(user_.id, *group, period->id, server_journal_);
}

// Entries the server acknowledged go into the device's copies of the other journals too (another
// period of the group, a group not on screen), or they would vanish from the copy offline.
void JournalDesk::ApplyToStored(const std::vector<Operation>& acknowledged) {
  if (acknowledged.empty() || !structure_ || !rules_) return;
  auto group = GroupId();
  const StudyPeriod* period = Period();
  LocalStore store = Store();
  std::vector<KeptJournal> kept = JournalsToKeep(*structure_, groups_, env_.Today());
  Actor actor = LocalActor();
  for (const KeptJournal& k : kept) {
    if (group && period && k.group_id == *group && k.period_id == period->id) continue;  // saved as it is
    auto j = store.LoadJournal(user_.id, k.group_id, k.period_id);
    if (!j) continue;
    bool changed = false;
    JournalContext ctx{*structure_, timetable_, *rules_, env_.Today()};
    for (const Operation& op : acknowledged) changed = ApplyJournalOp(*j, ctx, op, actor).ok() || changed;
    if (changed) store.SaveJournal(user_.id, k.group_id, k.period_id, *j);
  }
}

// After the chosen journal: the journals of the current and the previous period of every group
// the user keeps. Those the device has are brought up to date by a pull since the device's
// cursor; a «resync» answer (or none kept yet) reloads them all, one request at a time, so the
// desk works offline in any of them.
void JournalDesk::Prefetch() {
  if (prefetch_started_ || !structure_) return;
  prefetch_started_ = true;
  Store().KeepOnly(user_.id, JournalsToKeep(*structure_, groups_, env_.Today()));
  Pull();
}

void JournalDesk::PrefetchNext() {
  auto group = GroupId();
  const StudyPeriod* period = Period();
  while (prefetch_next_ < prefetch_.size()) {
    const KeptJournal k = prefetch_[prefetch_next_++];
    const bool on_screen = group && period && k.group_id == *group && k.period_id == period->id;
    if (on_screen && !prefetch_all_) continue;  // on screen, saved
    std::string path = std::string(route::kJournal) + "?group_id=" + std::to_string(k.group_id) +
                       "&from=" + k.range.first.Iso() + "&to=" + k.range.last.Iso();
    requests_.Call("GET", path, "", [this, k](const HttpResponse& r) {
      if (r.status == 200) {
        auto json = protocol::ParseJson(r.body);
        auto parsed = json.ok() ? JournalFromJson(*json) : Result<Journal>(json.status());
        if (parsed.ok()) {
          // The device's copy is the server's plus nothing: the outbox is applied on top when shown.
          Store().SaveJournal(user_.id, k.group_id, k.period_id, *parsed);
          auto shown = GroupId();
          const StudyPeriod* p = Period();
          if (prefetch_all_ && journal_loaded_ && shown && p && *shown == k.group_id && p->id == k.period_id) {
            server_journal_ = std::move(parsed).value();  // a resync: the screen's copy too
            Rebuild();
          }
        }
      }
      if (r.status == 0) {
        prefetch_cursor_ = 0;  // incomplete: the cursor is not kept, the next pull resyncs again
        prefetch_all_ = false;
        return;
      }
      PrefetchNext();
    });
    return;
  }
  // Every kept journal is as the server had it at the resync's cursor or later.
  if (prefetch_cursor_ > 0) Store().SaveCursor(user_.id, prefetch_cursor_);
  const bool was_resync = prefetch_cursor_ > 0;
  prefetch_cursor_ = 0;
  prefetch_all_ = false;
  if (was_resync && pull_again_) {
    pull_again_ = false;
    Pull();
  }
}

// ---- Pull since a cursor ----

void JournalDesk::Pull() {
  if (!structure_) return;
  if (pull_in_flight_ || prefetch_cursor_ > 0) {  // one at a time; a resync's reload first
    pull_again_ = true;
    return;
  }
  pull_in_flight_ = true;
  const int64_t cursor = Store().LoadCursor(user_.id);
  std::string path(route::kJournalChanges);
  if (cursor > 0) path += "?" + std::string(route::kParamCursor) + "=" + std::to_string(cursor);
  requests_.Call("GET", path, "", [this](const HttpResponse& r) { OnPulled(r); });
}

void JournalDesk::OnPulled(const HttpResponse& r) {
  pull_in_flight_ = false;
  if (r.status == 0) {
    pull_again_ = false;
    offline_ = true;  // tried again with the backoff (Frame)
    retry_at_ = ImGui::GetCurrentContext() ? ImGui::GetTime() + backoff_.Next() : 0;
    return;
  }
  if (!structure_) return;
  std::optional<JournalPull> pull;
  if (r.status == 200) {
    auto json = protocol::ParseJson(r.body);
    auto parsed = json.ok() ? JournalPullFromJson(*json) : Result<JournalPull>(json.status());
    if (parsed.ok()) pull = std::move(parsed).value();
  }
  offline_ = false;  // the server answered (a 401 is the session's business: PageRequests)
  backoff_.Reset();
  std::vector<KeptJournal> kept = JournalsToKeep(*structure_, groups_, env_.Today());
  prefetch_next_ = 0;
  prefetch_.clear();
  if (!pull || pull->resync) {
    // Reload every kept journal whole; the cursor (none without an answer) is kept at the end.
    prefetch_ = std::move(kept);
    prefetch_all_ = true;
    prefetch_cursor_ = pull ? pull->cursor : 0;
    PrefetchNext();
    return;
  }
  ApplyPull(*pull);
  LocalStore store = Store();
  store.SaveCursor(user_.id, pull->cursor);
  // A journal the device does not have yet (a new period began, a group was added) is loaded whole.
  for (const KeptJournal& k : kept) {
    if (!store.HasJournal(user_.id, k.group_id, k.period_id)) prefetch_.push_back(k);
  }
  prefetch_all_ = false;
  PrefetchNext();
  if (pull_again_) {
    pull_again_ = false;
    Pull();
  }
  if (!outbox_.empty()) Push();
}

// The changes go into the journal on screen (as the server sent it; the outbox is applied on
// top again) and into every kept journal on the device that they concern.
void JournalDesk::ApplyPull(const JournalPull& pull) {
  auto group = GroupId();
  const StudyPeriod* period = Period();
  LocalStore store = Store();
  const bool locks_changed = pull.locked_periods != server_journal_.locked_periods;
  bool screen_changed = false;
  for (const KeptJournal& k : JournalsToKeep(*structure_, groups_, env_.Today())) {
    const GroupChanges* changes = nullptr;
    for (const GroupChanges& g : pull.groups) {
      if (g.group_id == k.group_id) changes = &g;
    }
    if (!changes && !locks_changed) continue;
    GroupChanges none;
    none.group_id = k.group_id;
    const GroupChanges& c = changes ? *changes : none;
    if (group && period && k.group_id == *group && k.period_id == period->id && journal_loaded_) {
      ApplyGroupChanges(server_journal_, k.group_id, k.range, c, pull.locked_periods);
      screen_changed = true;
      continue;
    }
    auto j = store.LoadJournal(user_.id, k.group_id, k.period_id);
    if (!j) continue;
    ApplyGroupChanges(*j, k.group_id, k.range, c, pull.locked_periods);
    store.SaveJournal(user_.id, k.group_id, k.period_id, *j);
  }
  if (screen_changed) {
    Rebuild();
    SaveJournalLocal();
  }
}

// ---- Refused entries ----

void JournalDesk::Refused(const Operation& op, const OpResult& result) {
  AttentionItem item;
  item.op = op;
  item.outcome = result.outcome;
  item.what = Describe(op);
  item.reason = result.error.message();
  attention_.push_back(std::move(item));
  dialog_ = SyncDialog::kAttention;
}

SyncBadge JournalDesk::badge() const {
  return BadgeOf(offline_ || !NetworkOnline(), outbox_.size(), attention_.size());
}

void JournalDesk::NetworkTick() {
  const bool online = NetworkOnline();
  if (online && !network_was_online_ && offline_) {
    retry_at_ = 0;  // back online: no need to wait for the backoff
    backoff_.Reset();
  }
  network_was_online_ = online;
}

// ---- The overlay ----

bool JournalDesk::SyncFrame(const TopBarView& bar) {
  if (dialog_ == SyncDialog::kAttention && attention_.empty()) dialog_ = SyncDialog::kNone;
  const bool covered = dialog_ != SyncDialog::kNone;
  SyncView view;
  view.badge = badge();
  view.can_print = grid_.has_value();
  view.dialog = dialog_;
  for (const AttentionItem& item : attention_) {
    view.attention.push_back({item.what, item.reason, OpValueText(item.op), item.outcome == OpOutcome::kConflict});
  }
  view.unsent = outbox_.size() + attention_.size() + (pending_ ? 1 : 0);
  view.password_error = password_error_;
  view.password_busy = password_busy_;
  SyncAction action = DrawSyncOverlay(view, sync_form_);
  HandleSync(action, bar);
  return covered;
}

void JournalDesk::HandleSync(const SyncAction& a, const TopBarView& bar) {
  if (a.open_attention) dialog_ = SyncDialog::kAttention;
  if (a.close_dialog && dialog_ != SyncDialog::kPassword) dialog_ = SyncDialog::kNone;
  auto take = [&](int i) -> std::optional<AttentionItem> {
    if (i < 0 || i >= static_cast<int>(attention_.size())) return std::nullopt;
    AttentionItem item = std::move(attention_[static_cast<size_t>(i)]);
    attention_.erase(attention_.begin() + i);
    return item;
  };
  if (auto item = take(a.keep_server)) {
    SaveOutbox();  // the server's value stays; the screen already shows it
  }
  if (auto item = take(a.discard)) SaveOutbox();
  if (auto item = take(a.keep_mine)) {
    // The same change again, over the value the server has now: a new operation (the refused
    // one keeps its answer on the server) with the current version as its base.
    Operation op = MakeOp(item->op.kind, item->op.payload, CurrentVersion(server_journal_, item->op));
    std::string refusal;
    if (!Edit(std::move(op), &refusal)) {
      item->reason = refusal;
      item->outcome = OpOutcome::kRejected;
      attention_.push_back(std::move(*item));
    }
    SaveOutbox();
  }
  if (a.print_sheet) {
    // Nothing to do without a platform that can show a page (the tests read LessonSheet()).
    (void)PrintPage(LessonSheet(bar.school));
  }
  if (a.submit_password) SubmitPassword();
  if (a.logout_anyway) {
    Store().Wipe(user_.id, /*force=*/true);
    outbox_.clear();
    attention_.clear();
    pending_.reset();
    dialog_ = SyncDialog::kNone;
    logout_confirmed_ = true;
  }
}

std::string JournalDesk::LessonSheet(const std::string& school) const {
  auto group = GroupId();
  if (!structure_ || !group) return {};
  LessonSheetInput in;
  in.school = school;
  in.teacher = user_.name;
  in.group_id = *group;
  in.date = env_.Today();
  if (rules_) {
    for (const auto& c : rules_->attendance) in.attendance.push_back({c.code, c.name});
  }
  return LessonSheetHtml(*structure_, journal_, in);
}

// ---- Logout and the session ----

bool JournalDesk::LogoutAllowed() {
  if (logout_confirmed_) return true;
  if (!outbox_.empty() || !attention_.empty() || pending_) {
    dialog_ = SyncDialog::kLogout;
    return false;
  }
  Store().Wipe(user_.id);  // nothing unsent: the personal data leaves the device
  return true;
}

// A 401 while entries wait: the session expired (maybe while offline). Instead of the login
// screen (which would close the desk), the password is asked over the desk.
bool JournalDesk::SessionLostWithEntries() {
  if (!requests_.session_ended) return false;
  if (outbox_.empty() && attention_.empty()) return false;
  requests_.session_ended = false;
  in_flight_ = 0;
  sync_form_.focus_password = dialog_ != SyncDialog::kPassword;
  return true;
}

void JournalDesk::SubmitPassword() {
  if (password_busy_) return;
  password_error_.clear();
  if (sync_form_.login.empty() || sync_form_.password.empty()) {
    password_error_ = "Введите пароль.";
    return;
  }
  password_busy_ = true;
  protocol::LoginRequest request{sync_form_.login, sync_form_.password};
  // Not through requests_: a wrong password is a 401, which there would mean «session ended».
  transport_.Send(HttpRequest{"POST", std::string(route::kLogin), protocol::ToJson(request).dump()},
                  [this, account = user_.id, password = sync_form_.password](HttpResponse r) mutable {
    if (!open_ || user_.id != account) return;  // closed meanwhile
    password_busy_ = false;
    // The password accepted now opens the device's copy with no network next time (it may
    // have been changed since the last login on this device).
    if (r.status == 200) OfflineUnlock(Storage(), env_).Remember(account, password);
    std::fill(password.begin(), password.end(), '\0');
    if (r.status != 200) {
      password_error_ = ErrorOf(r).message();
      std::fill(sync_form_.password.begin(), sync_form_.password.end(), '\0');
      sync_form_.password.clear();  // a wrong password is typed again from the start
      sync_form_.focus_password = true;
      return;
    }
    std::fill(sync_form_.password.begin(), sync_form_.password.end(), '\0');
    sync_form_.password.clear();
    dialog_ = attention_.empty() ? SyncDialog::kNone : SyncDialog::kAttention;
    offline_ = false;
    backoff_.Reset();
    Push();
    LoadJournal();
  });
}

}  // namespace ej::web
