// The teacher's desk: see journal_desk.h.
#include "journal_desk.h"

#include <algorithm>

#include "journal_recommendations.h"
#include "names.h"
#include "text.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

}  // namespace

bool HasJournal(const protocol::UserInfo& user) {
  for (Role r : user.roles) {
    if (r == Role::kTeacher || r == Role::kClassTeacher) return true;
  }
  return false;
}

JournalDesk::JournalDesk(Transport& transport, Env& env) : requests_(transport), env_(env), transport_(transport) {}

void JournalDesk::Open(const protocol::UserInfo& user) {
  Close();
  user_ = user;
  open_ = true;
  RestoreLocal();
  LoadStructure();
  LoadRules();
}

void JournalDesk::Close() {
  requests_.Reset();
  open_ = false;
  structure_.reset();
  rules_.reset();
  groups_.clear();
  substitute_groups_.clear();
  journal_ = Journal();
  server_journal_ = Journal();
  journal_loaded_ = journal_loading_ = false;
  plan_.reset();
  grid_.reset();
  outbox_.clear();
  in_flight_ = 0;
  offline_ = false;
  problems_.clear();
  form_ = JournalForm();
  error_.clear();
  lesson_error_.clear();
  final_error_.clear();
  led_classes_.clear();
  summary_.reset();
  year_.reset();
  pending_.reset();
  pending_message_.clear();
  pending_error_.clear();
  notice_.clear();
  attention_.clear();
  dialog_ = SyncDialog::kNone;
  sync_form_ = SyncForm();
  password_error_.clear();
  password_busy_ = false;
  backoff_.Reset();
  prefetch_.clear();
  prefetch_next_ = 0;
  prefetch_started_ = false;
  logout_confirmed_ = false;
}

bool JournalDesk::settled() const {
  if (!error_.empty()) return true;
  return structure_ && rules_ && (groups_.empty() || journal_loaded_);
}

// ---- Loading ----

void JournalDesk::LoadStructure() {
  requests_.Call("GET", route::kStructure, "", [this](const HttpResponse& r) {
    if (r.status == 0 && structure_) {
      offline_ = true;  // no network: the device's copy stays
      return;
    }
    if (r.status != 200) {
      error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto parsed = json.ok() ? StructureFromJson(*json) : Result<Structure>(json.status());
    if (!parsed.ok()) {
      error_ = "Не удалось прочитать структуру школы: " + parsed.status().message();
      return;
    }
    Store().SaveStructure(user_.id, r.body);
    const std::optional<int64_t> chosen = GroupId();
    const int chosen_period = form_.period;
    structure_ = std::make_unique<Structure>(std::move(parsed).value());
    // The groups the user teaches, then the other groups of the class they lead (read only).
    groups_.clear();
    const Structure& s = *structure_;
    for (const auto& w : s.workload) {
      if (w.teacher_id != user_.person_id) continue;
      if (std::find(groups_.begin(), groups_.end(), w.group_id) == groups_.end()) groups_.push_back(w.group_id);
    }
    auto label = [&](int64_t id) {
      const Group* g = s.FindGroup(id);
      const Subject* subj = g ? s.FindSubject(g->subject_id) : nullptr;
      return std::make_pair(g ? g->name : std::string(), subj ? subj->name : std::string());
    };
    std::sort(groups_.begin(), groups_.end(), [&](int64_t a, int64_t b) {
      return std::make_pair(GradeOfGroup(s, a), label(a)) < std::make_pair(GradeOfGroup(s, b), label(b));
    });
    for (const auto& g : s.groups) {
      for (int64_t c : g.class_ids) {
        const SchoolClass* cls = s.FindClass(c);
        if (cls && cls->teacher_id == user_.person_id &&
            std::find(groups_.begin(), groups_.end(), g.id) == groups_.end()) {
          groups_.push_back(g.id);
        }
      }
    }
    // A class teacher's summary of each class they lead, after the groups.
    led_classes_.clear();
    for (const auto& c : s.classes) {
      if (c.teacher_id == user_.person_id) led_classes_.push_back(c.id);
    }
    form_.group = 0;
    form_.period = -1;
    // The group shown from the device's copy stays chosen.
    for (size_t i = 0; chosen && i < groups_.size(); ++i) {
      if (groups_[i] == *chosen) form_.group = static_cast<int>(i), form_.period = chosen_period;
    }
    LoadJournal();
    LoadSubstitutions();
  });
}

void JournalDesk::LoadSubstitutions() {
  const Date today = env_.Today();
  requests_.Call("GET",
                 Query(route::kLessons, {{"from", today.AddDays(-30).Iso()}, {"to", today.AddDays(31).Iso()}}), "",
                 [this](const HttpResponse& r) {
                   if (r.status != 200 || !structure_) return;  // no substitutions shown; the own groups work
                   auto json = protocol::ParseJson(r.body);
                   if (!json.ok() || !json->contains("lessons") || !(*json)["lessons"].is_array()) return;
                   const bool had_groups = !groups_.empty();
                   for (const auto& l : (*json)["lessons"]) {
                     if (!l.is_object() || !l.contains("substitute_id") || !l.contains("group_id")) continue;
                     if (!l["substitute_id"].is_number_integer() || !l["group_id"].is_number_integer()) continue;
                     if (l["substitute_id"].get<int64_t>() != user_.person_id) continue;
                     const int64_t group = l["group_id"].get<int64_t>();
                     if (std::find(groups_.begin(), groups_.end(), group) != groups_.end()) continue;
                     groups_.push_back(group);
                     substitute_groups_.push_back(group);
                   }
                   if (!had_groups && !groups_.empty()) LoadJournal();
                 });
}

void JournalDesk::LoadRules() {
  requests_.Call("GET", route::kRules, "", [this](const HttpResponse& r) {
    if (r.status == 0 && rules_) return;  // no network: the device's copy stays
    if (r.status != 200) {
      error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto parsed = json.ok() ? SchoolRulesFromJson(*json) : Result<SchoolRules>(json.status());
    if (!parsed.ok()) {
      error_ = "Не удалось прочитать правила школы: " + parsed.status().message();
      return;
    }
    rules_ = std::move(parsed).value();
    Store().SaveRules(user_.id, r.body);
    Rebuild();
  });
}

std::optional<int64_t> JournalDesk::GroupId() const {
  if (form_.group < 0 || form_.group >= static_cast<int>(groups_.size())) return std::nullopt;
  return groups_[static_cast<size_t>(form_.group)];
}

const StudyPeriod* JournalDesk::Period() const {
  auto group = GroupId();
  if (!structure_ || !group) return nullptr;
  auto periods = PeriodsOfGroup(*structure_, *group);
  if (periods.empty()) return nullptr;
  if (form_.period >= 0 && form_.period < static_cast<int>(periods.size())) return periods[static_cast<size_t>(form_.period)];
  return nullptr;
}

bool JournalDesk::YearShown() const {
  auto group = GroupId();
  return structure_ && group && form_.period == static_cast<int>(PeriodsOfGroup(*structure_, *group).size());
}

std::optional<int64_t> JournalDesk::SummaryClass() const {
  int k = form_.group - static_cast<int>(groups_.size());
  if (k < 0 || k >= static_cast<int>(led_classes_.size())) return std::nullopt;
  return led_classes_[static_cast<size_t>(k)];
}

std::vector<const StudyPeriod*> JournalDesk::ClassPeriods() const {
  std::vector<const StudyPeriod*> out;
  auto class_id = SummaryClass();
  const SchoolClass* cls = structure_ && class_id ? structure_->FindClass(*class_id) : nullptr;
  if (!cls) return out;
  for (const auto& p : structure_->periods) {
    if (p.year_id == cls->year_id && p.grade_from <= cls->grade && cls->grade <= p.grade_to) out.push_back(&p);
  }
  std::sort(out.begin(), out.end(), [](const StudyPeriod* a, const StudyPeriod* b) { return a->range.first < b->range.first; });
  return out;
}

void JournalDesk::LoadClassJournal() {
  auto periods = ClassPeriods();
  if (periods.empty()) {
    journal_loaded_ = true;
    return;
  }
  if (form_.period < 0 || form_.period >= static_cast<int>(periods.size())) {
    form_.period = 0;
    for (size_t i = 0; i < periods.size(); ++i) {
      if (periods[i]->range.first <= env_.Today()) form_.period = static_cast<int>(i);
    }
  }
  const StudyPeriod* period = periods[static_cast<size_t>(form_.period)];
  int64_t class_id = *SummaryClass();
  int64_t period_id = period->id;
  journal_loading_ = true;
  requests_.Call("GET",
                 Query(route::kClassJournal, {{std::string(route::kParamClassId), std::to_string(class_id)},
                                              {"from", period->range.first.Iso()},
                                              {"to", period->range.last.Iso()}}),
                 "", [this, class_id, period_id](const HttpResponse& r) {
                   if (SummaryClass() != class_id) return;  // the user chose something else meanwhile
                   journal_loading_ = false;
                   journal_loaded_ = true;
                   if (r.status != 200) {
                     error_ = ErrorOf(r).message();
                     return;
                   }
                   auto json = protocol::ParseJson(r.body);
                   auto parsed = json.ok() ? JournalFromJson(*json) : Result<Journal>(json.status());
                   if (!parsed.ok()) {
                     error_ = "Не удалось прочитать журнал класса: " + parsed.status().message();
                     return;
                   }
                   error_.clear();
                   const StudyPeriod* p = nullptr;
                   for (const auto& sp : structure_->periods) {
                     if (sp.id == period_id) p = &sp;
                   }
                   if (p && rules_) summary_ = BuildClassSummary(*structure_, *parsed, *rules_, class_id, *p, env_.Today());
                 });
}

void JournalDesk::LoadJournal() {
  if (SummaryClass()) {
    LoadClassJournal();
    return;
  }
  auto group = GroupId();
  if (!structure_ || !group) {
    journal_loaded_ = true;
    return;
  }
  if (form_.period < 0) {
    // The period of today, or the last one that has begun.
    auto periods = PeriodsOfGroup(*structure_, *group);
    Date today = env_.Today();
    form_.period = 0;
    for (size_t i = 0; i < periods.size(); ++i) {
      if (periods[i]->range.first <= today) form_.period = static_cast<int>(i);
    }
  }
  const StudyPeriod* period = Period();
  auto periods = PeriodsOfGroup(*structure_, *group);
  if (!period && !(YearShown() && !periods.empty())) {
    journal_loaded_ = true;
    return;
  }
  const Date to = period ? period->range.last : periods.back()->range.last;
  journal_loading_ = true;
  // The device's copy is drawn at once and stays on screen (and takes clicks) until the
  // server's copy replaces it; without one nothing is drawn until the server's arrives.
  const bool local = RestoreJournal();
  if (!local) journal_loaded_ = false;
  int64_t group_id = *group;
  const int period_choice = form_.period;
  // From the year's start: the КТП's proposal for a lesson counts the lessons held before it.
  Date from = period ? period->range.first : periods.front()->range.first;
  if (const Group* g = structure_->FindGroup(group_id)) {
    if (const AcademicYear* y = structure_->FindYear(g->year_id)) from = y->range.first;
  }
  requests_.Call("GET",
                 Query(route::kJournal, {{"group_id", std::to_string(group_id)},
                                         {"from", from.Iso()},
                                         {"to", to.Iso()}}),
                 "", [this, group_id, period_choice, local](const HttpResponse& r) {
                   // The user chose another group or period meanwhile: its own answer is on its way.
                   if (GroupId() != group_id || form_.period != period_choice) return;
                   journal_loading_ = false;
                   journal_loaded_ = true;
                   if (r.status == 0 && local) {
                     offline_ = true;  // no network: the device's copy stays
                     return;
                   }
                   if (r.status != 200) {
                     error_ = ErrorOf(r).message();
                     return;
                   }
                   auto json = protocol::ParseJson(r.body);
                   auto parsed = json.ok() ? JournalFromJson(*json) : Result<Journal>(json.status());
                   if (!parsed.ok()) {
                     error_ = "Не удалось прочитать журнал: " + parsed.status().message();
                     return;
                   }
                   error_.clear();
                   server_journal_ = std::move(parsed).value();
                   Rebuild();
                   SaveJournalLocal();
                   Prefetch();
                 });
  requests_.Call("GET", Query(route::kPlans, {{"group_id", std::to_string(group_id)}}), "",
                 [this, group_id](const HttpResponse& r) {
                   plan_.reset();
                   if (r.status != 200 || GroupId() != group_id) return;  // no КТП: no proposals
                   auto json = protocol::ParseJson(r.body);
                   if (!json.ok() || !json->contains("plans") || !(*json)["plans"].is_array() || (*json)["plans"].empty()) return;
                   auto plan = ThematicPlanFromJson((*json)["plans"][0]);
                   if (plan.ok()) plan_ = std::move(plan).value();
                 });
}

// The local journal: the server's, with the operations still waiting applied on top (with
// the same core code, so the screen shows them before the server answers).
void JournalDesk::Rebuild() {
  if (!structure_ || !rules_) return;
  journal_ = server_journal_;
  std::vector<Operation> waiting;
  for (Operation& op : outbox_) {
    JournalContext ctx{*structure_, timetable_, *rules_, env_.Today()};
    auto applied = ApplyJournalOp(journal_, ctx, op, LocalActor());
    // Another group's or period's entry (its lesson is not in this journal) waits as it is.
    if (applied.ok() || applied.status().code() == ErrorCode::kNotFound) waiting.push_back(std::move(op));
  }
  const bool dropped = waiting.size() != outbox_.size();
  outbox_ = std::move(waiting);
  if (dropped) SaveOutbox();
  in_flight_ = std::min(in_flight_, outbox_.size());
  RebuildViews();
}

void JournalDesk::RebuildViews() {
  const StudyPeriod* period = Period();
  auto group = GroupId();
  // No grid until the group's journal has come (the device's or the server's): an empty grid
  // would say «no lessons». A grid on screen stays while the server's copy is on its way.
  const bool loaded = structure_ && rules_ && group && journal_loaded_;
  if (loaded && period) {
    grid_ = BuildJournalGrid(*structure_, journal_, *rules_, *group, *period, env_.Today());
  } else {
    grid_.reset();
  }
  if (loaded && YearShown()) {
    year_ = BuildYearGrid(*structure_, journal_, *rules_, *group);
  } else {
    year_.reset();
  }
}

Actor JournalDesk::LocalActor() const {
  Actor a;
  a.person_id = user_.person_id;
  a.account_id = user_.id;
  a.roles = user_.roles;
  if (structure_) {
    for (const auto& c : structure_->classes) {
      if (c.teacher_id == user_.person_id) a.led_classes.insert(c.id);
    }
    AddJournalRelations(a, *structure_, journal_);
  }
  return a;
}

// ---- Editing ----

Operation JournalDesk::MakeOp(std::string_view kind, protocol::Json payload, int64_t base_version) {
  unsigned char bytes[16];
  env_.RandomBytes(bytes, sizeof bytes);
  Operation op;
  op.op_id = FormatUuid(bytes);
  op.kind = std::string(kind);
  op.payload = std::move(payload);
  op.client_time = env_.NowMs();
  op.device = "web";
  op.base_version = base_version;
  return op;
}

bool JournalDesk::Edit(Operation op, std::string* refusal, bool prompt) {
  if (!structure_ || !rules_) return false;
  JournalContext ctx{*structure_, timetable_, *rules_, env_.Today()};
  auto applied = ApplyJournalOp(journal_, ctx, op, LocalActor());
  if (!applied.ok()) {
    const std::string& field = applied.status().field();
    if (prompt && (field == "reason" || field == "approval")) {
      // Not refused: the change waits for a reason or a request to the deputy (R3, R13).
      pending_ = std::move(op);
      pending_approval_ = field == "approval";
      pending_message_ = applied.status().message();
      pending_error_.clear();
      form_.reason.clear();
      form_.focus_reason = true;
      refusal->clear();
      SavePending();
      return false;
    }
    *refusal = applied.status().message();
    return false;
  }
  refusal->clear();
  outbox_.push_back(std::move(op));
  SaveOutbox();
  RebuildViews();
  Push();
  return true;
}

void JournalDesk::SubmitCorrection() {
  if (!pending_) return;
  std::string reason = form_.reason;
  while (!reason.empty() && reason.back() == ' ') reason.pop_back();
  while (!reason.empty() && reason.front() == ' ') reason.erase(0, 1);
  if (reason.empty()) {
    pending_error_ = "Укажите причину исправления.";
    return;
  }
  std::string refusal;
  Operation op;
  if (pending_approval_) {
    Operation inner = *pending_;
    inner.payload["reason"] = reason;
    op = MakeOp(op_kind::kCorrectionRequest, CorrectionRequestPayload(inner, reason), 0);
  } else {
    op = *pending_;
    op.payload["reason"] = reason;
  }
  if (!Edit(std::move(op), &refusal, false)) {
    pending_error_ = refusal;
    return;
  }
  notice_ = pending_approval_ ? "Заявка на исправление отправлена заместителю директора: изменение внесут после её одобрения."
                              : "Исправление сохранено с причиной «" + reason + "».";
  pending_.reset();
  SavePending();
  form_.reason.clear();
}

void JournalDesk::SaveCell() {
  if (!grid_ || !rules_ || form_.row < 0 || form_.col < 0 || form_.row >= static_cast<int>(grid_->rows.size()) ||
      form_.col >= static_cast<int>(grid_->columns.size())) {
    return;
  }
  const GridCell& cell = grid_->rows[static_cast<size_t>(form_.row)].cells[static_cast<size_t>(form_.col)];
  // The ops change the grid: collect the changes first.
  std::vector<Operation> ops;
  for (size_t i = 0; i < cell.marks.size() && i < form_.mark_types.size(); ++i) {
    const Mark* m = cell.marks[i];
    int t = form_.mark_types[i];
    std::string type = t >= 0 && t < static_cast<int>(rules_->mark_types.size()) ? rules_->mark_types[static_cast<size_t>(t)].code : m->type;
    const std::string& comment = form_.mark_comments[i];
    if (type == m->type && comment == m->comment) continue;
    ops.push_back(MakeOp(op_kind::kMarkSet, MarkSetPayload(m->id, m->value, type, comment), m->version));
  }
  for (Operation& op : ops) {
    std::string refusal;
    if (!Edit(std::move(op), &refusal) ) {
      if (!refusal.empty()) problems_.push_back(refusal);
      break;
    }
  }
  form_.cell_lesson = 0;  // the inputs are filled anew from what is now recorded
}

void JournalDesk::SendRecommendation() {
  if (!grid_ || recommendation_busy_ || form_.row < 0 || form_.col < 0 ||
      form_.row >= static_cast<int>(grid_->rows.size()) || form_.col >= static_cast<int>(grid_->columns.size())) {
    return;
  }
  recommendation_error_.clear();
  const int64_t student = grid_->rows[static_cast<size_t>(form_.row)].student_id;
  const int64_t lesson = grid_->columns[static_cast<size_t>(form_.col)].lesson_id;
  Operation op = MakeOp(op_kind::kRecommendationAdd, RecommendationAddPayload(student, grid_->group_id, lesson, form_.recommendation), 0);
  recommendation_busy_ = true;
  requests_.Call("POST", route::kOps, ToJson(PushRequest{{op}}).dump(), [this](const HttpResponse& r) {
    recommendation_busy_ = false;
    if (r.status == 0) {
      recommendation_error_ = "Нет связи с сервером: рекомендация не отправлена, текст сохранён. Повторите позже.";
      return;
    }
    auto json = r.status == 200 ? protocol::ParseJson(r.body) : Result<protocol::Json>(ErrorOf(r));
    auto response = json.ok() ? PushResponseFromJson(*json) : Result<PushResponse>(json.status());
    if (!response.ok() || response->results.empty()) {
      recommendation_error_ = response.ok() ? "Ответ сервера не прочитан." : response.status().message();
      return;
    }
    if (response->results[0].outcome != OpOutcome::kApplied) {
      recommendation_error_ = response->results[0].error.message();
      return;
    }
    notice_ = "Рекомендация отправлена: её увидят ученик и родители в дневнике.";
    form_.recommendation.clear();
  });
}

void JournalDesk::FillDown() {
  if (!grid_ || form_.row < 0 || form_.col < 0 || form_.row >= static_cast<int>(grid_->rows.size()) ||
      form_.col >= static_cast<int>(grid_->columns.size())) {
    return;
  }
  const size_t col = static_cast<size_t>(form_.col);
  const GridCell& source = grid_->rows[static_cast<size_t>(form_.row)].cells[col];
  const int64_t lesson = grid_->columns[col].lesson_id;
  std::string value, type, code = source.attendance;
  if (!source.marks.empty()) {
    value = source.marks.back()->value;
    type = source.marks.back()->type;
  }
  if (value.empty() && code.empty()) return;
  std::vector<int64_t> students;
  for (size_t r = static_cast<size_t>(form_.row) + 1; r < grid_->rows.size(); ++r) {
    const GridCell& cell = grid_->rows[r].cells[col];
    if (cell.member && cell.marks.empty() && cell.attendance.empty()) students.push_back(grid_->rows[r].student_id);
  }
  for (int64_t student : students) {
    std::string refusal;
    Operation op = value.empty() ? MakeOp(op_kind::kAttendanceSet, AttendanceSetPayload(lesson, student, code), 0)
                                 : MakeOp(op_kind::kMarkAdd, MarkAddPayload(lesson, student, value, type), 0);
    if (!Edit(std::move(op), &refusal)) {
      if (!refusal.empty()) problems_.push_back(refusal);
      break;
    }
  }
}

void JournalDesk::Push() {
  if (in_flight_ > 0 || outbox_.empty()) return;
  size_t n = std::min(outbox_.size(), kMaxOpsPerPush);
  PushRequest request;
  request.ops.assign(outbox_.begin(), outbox_.begin() + static_cast<long>(n));
  in_flight_ = n;
  requests_.Call("POST", route::kOps, ToJson(request).dump(), [this, n](const HttpResponse& r) { OnPushed(r, n); });
}

void JournalDesk::OnPushed(const HttpResponse& r, size_t sent) {
  in_flight_ = 0;
  if (r.status == 0) {
    // Not delivered (or the answer was lost): everything stays and goes again, same op_ids.
    offline_ = true;
    retry_at_ = ImGui::GetCurrentContext() ? ImGui::GetTime() + backoff_.Next() : 0;
    return;
  }
  offline_ = false;
  backoff_.Reset();
  if (r.status != 200) {
    problems_.push_back(ErrorOf(r).message());
    return;
  }
  auto json = protocol::ParseJson(r.body);
  auto response = json.ok() ? PushResponseFromJson(*json) : Result<PushResponse>(json.status());
  if (!response.ok()) {
    problems_.push_back("Ответ сервера не прочитан: " + response.status().message());
    return;
  }
  bool refused = false;
  std::vector<Operation> acknowledged;
  for (const OpResult& result : response->results) {
    auto it = std::find_if(outbox_.begin(), outbox_.begin() + static_cast<long>(std::min(sent, outbox_.size())),
                           [&](const Operation& op) { return op.op_id == result.op_id; });
    if (it == outbox_.end()) continue;
    if (result.outcome != OpOutcome::kApplied) {
      refused = true;
      std::string what = Describe(*it);
      std::string why = result.error.message();
      if (result.outcome == OpOutcome::kConflict) why = "одновременно с вами запись изменил другой пользователь. " + why;
      problems_.push_back(what + ": " + why);
      Refused(*it, result);
    } else {
      acknowledged.push_back(*it);
    }
    outbox_.erase(it);
  }
  if (refused) {
    LoadJournal();  // show what the school's journal holds now; the rest is applied on top again
  } else if (structure_ && rules_) {
    // The server applied what the local copy already shows: its copy takes the same operations
    // with the same core code, so versions stay in step without a reload.
    JournalContext ctx{*structure_, timetable_, *rules_, env_.Today()};
    Actor actor = LocalActor();
    for (const Operation& op : acknowledged) (void)ApplyJournalOp(server_journal_, ctx, op, actor);
  }
  SaveOutbox();
  if (!refused) SaveJournalLocal();
  ApplyToStored(acknowledged);
  Push();
  if (outbox_.empty()) Pull();  // everything sent: what others changed meanwhile comes in
}

std::string JournalDesk::Describe(const Operation& op) const {
  std::string who, when;
  auto field = [&](const char* key) -> int64_t {
    auto it = op.payload.find(key);
    return it != op.payload.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
  };
  auto text = [&](const char* key) -> std::string {
    auto it = op.payload.find(key);
    return it != op.payload.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  int64_t student_id = field("student_id"), lesson_id = field("lesson_id");
  if (const Mark* m = journal_.FindMark(text("mark_id"))) {  // mark.set, mark.remove name the mark only
    student_id = m->student_id;
    lesson_id = m->lesson_id;
  }
  if (structure_) {
    if (const Person* p = structure_->FindPerson(student_id)) who = ShortName(p->name);
  }
  if (const JournalLesson* l = journal_.FindLesson(lesson_id)) when = l->lesson.date.Russian();
  std::string what;
  if (op.kind == op_kind::kMarkAdd || op.kind == op_kind::kMarkSet) what = "Отметка «" + text("value") + "»";
  else if (op.kind == op_kind::kMarkRemove) what = "Удаление отметки";
  else if (op.kind == op_kind::kAttendanceSet) what = text("code").empty() ? "Посещаемость" : "Отметка «" + text("code") + "»";
  else if (op.kind == op_kind::kFinalSet) what = "Итоговая отметка «" + text("value") + "»";
  else if (op.kind == op_kind::kLessonSetTopic) what = "Тема урока";
  else if (op.kind == op_kind::kLessonSetHomework) what = "Домашнее задание";
  else if (op.kind == op_kind::kLessonSetNotes) what = "Примечание к уроку";
  else what = "Изменение";
  if (!who.empty()) what += " — " + who;
  if (!when.empty()) what += ", " + when;
  return what;
}

std::string JournalDesk::Status() const {
  if (offline_) {
    return "Нет связи с сервером: " + std::to_string(outbox_.size()) + " " +
           std::string(Plural(static_cast<int64_t>(outbox_.size()), "изменение ждёт", "изменения ждут", "изменений ждут")) +
           " отправки. Ничего не потеряно.";
  }
  if (!outbox_.empty()) return "Сохранение… (" + std::to_string(outbox_.size()) + ")";
  if (journal_loading_) return "Загрузка…";
  return "Все изменения сохранены.";
}

void JournalDesk::Handle(const JournalAction& a) {
  if (a.dismiss_problems) problems_.clear();
  if (a.edit != CellEdit::kNone || a.reload) notice_.clear();
  if (a.cancel_reason) {
    pending_.reset();
    SavePending();
    form_.reason.clear();
  }
  if (a.submit_reason) SubmitCorrection();
  if (a.reload) {
    grid_.reset();
    year_.reset();
    summary_.reset();
    error_.clear();
    form_.year_row = -1;
    server_journal_ = Journal();
    journal_loaded_ = false;
    form_.row = form_.col = -1;
    form_.first_column = -1;
    form_.lesson = 0;
    form_.final_row = -1;
    LoadJournal();
    return;
  }
  if (a.set_year_final && year_ && form_.year_row >= 0 && form_.year_row < static_cast<int>(year_->rows.size())) {
    final_error_.clear();
    const YearGridRow& row = year_->rows[static_cast<size_t>(form_.year_row)];
    FinalKind kind = form_.year_kind == 1 ? FinalKind::kExam : form_.year_kind == 2 ? FinalKind::kFinal : FinalKind::kYear;
    int64_t version = kind == FinalKind::kExam ? row.exam_version : kind == FinalKind::kFinal ? row.final_version : row.year_version;
    std::string refusal;
    if (!Edit(MakeOp(op_kind::kFinalSet, FinalSetPayload({year_->group_id, row.student_id, kind, 0}, a.value), version),
              &refusal)) {
      final_error_ = refusal;
    } else {
      form_.year_row = -1;
    }
  }
  if (!grid_) return;
  if (a.save_cell) SaveCell();
  if (a.fill_down) FillDown();
  if (a.send_recommendation) SendRecommendation();
  const JournalGrid& g = *grid_;
  if (a.open_lesson) {
    lesson_error_.clear();
    if (const JournalLesson* l = journal_.FindLesson(form_.lesson)) {
      form_.topic = l->topic;
      form_.homework = l->homework.text;
      form_.minutes = l->homework.minutes ? std::to_string(l->homework.minutes) : std::string();
      form_.notes = l->notes;
      std::vector<int64_t> due = DueChoices(*l);
      auto it = std::find(due.begin(), due.end(), l->homework.due_lesson_id);
      form_.due_choice = it == due.end() ? 0 : static_cast<int>(it - due.begin());
    }
  }
  std::string refusal;
  if (a.edit != CellEdit::kNone && a.row >= 0 && a.col >= 0 && a.row < static_cast<int>(g.rows.size()) &&
      a.col < static_cast<int>(g.columns.size())) {
    const GridRow& row = g.rows[static_cast<size_t>(a.row)];
    const GridCell& cell = row.cells[static_cast<size_t>(a.col)];
    int64_t lesson = g.columns[static_cast<size_t>(a.col)].lesson_id;
    if (a.edit == CellEdit::kAddMark) {
      Edit(MakeOp(op_kind::kMarkAdd, MarkAddPayload(lesson, row.student_id, a.value, form_.new_mark_type), 0), &refusal);
    } else if (a.edit == CellEdit::kAttendance) {
      Edit(MakeOp(op_kind::kAttendanceSet, AttendanceSetPayload(lesson, row.student_id, a.value), cell.attendance_version),
           &refusal);
    } else if (!cell.marks.empty()) {
      const Mark* last = cell.marks.back();
      Edit(MakeOp(op_kind::kMarkRemove, MarkRemovePayload(last->id), last->version), &refusal);
    } else if (!cell.attendance.empty()) {
      Edit(MakeOp(op_kind::kAttendanceSet, AttendanceSetPayload(lesson, row.student_id, ""), cell.attendance_version),
           &refusal);
    }
    if (!refusal.empty()) problems_.push_back(refusal);
  }
  if (a.save_lesson) {
    lesson_error_.clear();
    const JournalLesson* l = journal_.FindLesson(form_.lesson);
    if (l) {
      int minutes = 0;
      for (char ch : form_.minutes) {
        if (ch >= '0' && ch <= '9') minutes = std::min(minutes * 10 + (ch - '0'), 10000);
        else if (ch != ' ') {
          lesson_error_ = "Время на задание — целое число минут.";
          return;
        }
      }
      std::vector<int64_t> due = DueChoices(*l);
      int64_t due_id = form_.due_choice > 0 && form_.due_choice < static_cast<int>(due.size())
                           ? due[static_cast<size_t>(form_.due_choice)]
                           : 0;  // an empty homework is saved without a due lesson by the core
      int64_t topic_version = l->topic_version, homework_version = l->homework.version, notes_version = l->notes_version;
      bool topic_changed = l->topic != form_.topic;
      bool homework_changed = l->homework.text != form_.homework || l->homework.minutes != minutes ||
                              l->homework.due_lesson_id != due_id;
      bool notes_changed = l->notes != form_.notes;
      std::string homework_text = form_.homework, notes = form_.notes;
      if (topic_changed && !Edit(MakeOp(op_kind::kLessonSetTopic, LessonSetTopicPayload(form_.lesson, form_.topic), topic_version),
                                 &refusal)) {
        lesson_error_ = refusal;
        return;
      }
      if (homework_changed &&
          !Edit(MakeOp(op_kind::kLessonSetHomework, LessonSetHomeworkPayload(form_.lesson, {homework_text, minutes, due_id}),
                       homework_version),
                &refusal)) {
        lesson_error_ = refusal;
        return;
      }
      if (notes_changed &&
          !Edit(MakeOp(op_kind::kLessonSetNotes, LessonSetNotesPayload(form_.lesson, notes), notes_version), &refusal)) {
        lesson_error_ = refusal;
      }
    }
  }
  if (a.set_final && form_.final_row >= 0 && form_.final_row < static_cast<int>(g.rows.size())) {
    final_error_.clear();
    const GridRow& row = g.rows[static_cast<size_t>(form_.final_row)];
    FinalKey key{g.group_id, row.student_id, FinalKind::kPeriod, g.period_id};
    if (!Edit(MakeOp(op_kind::kFinalSet, FinalSetPayload(key, a.value), row.final_version), &refusal)) {
      final_error_ = refusal;
    } else {
      form_.final_row = -1;
    }
  }
}

std::vector<int64_t> JournalDesk::DueChoices(const JournalLesson& lesson) const {
  // 0 is the next lesson (the core's default); the lessons after it may be chosen by day.
  std::vector<int64_t> out{0};
  std::vector<const JournalLesson*> later = LessonsAfter(journal_, lesson, 9);
  for (size_t i = 1; i < later.size(); ++i) out.push_back(later[i]->lesson.id);
  // A due lesson set elsewhere and not among the next ones stays choosable (and chosen).
  if (lesson.homework.due_lesson_id != 0 && std::find(out.begin(), out.end(), lesson.homework.due_lesson_id) == out.end() &&
      journal_.FindLesson(lesson.homework.due_lesson_id)) {
    out.push_back(lesson.homework.due_lesson_id);
  }
  return out;
}

TopBarAction JournalDesk::Frame(const TopBarView& bar, const std::string& bar_error) {
  NetworkTick();
  if (SessionLostWithEntries()) dialog_ = SyncDialog::kPassword;
  if (offline_ && in_flight_ == 0 && ImGui::GetTime() >= retry_at_ && dialog_ != SyncDialog::kPassword) {
    if (!outbox_.empty()) Push();
    else if (!pull_in_flight_) Pull();  // nothing to send: the pull tells whether the network is back
  }
  JournalView view;
  view.bar = bar;
  view.error = !bar_error.empty() ? bar_error : error_;
  if (structure_) {
    const Actor actor = LocalActor();
    for (int64_t id : groups_) {
      const Group* g = structure_->FindGroup(id);
      const Subject* subject = g ? structure_->FindSubject(g->subject_id) : nullptr;
      std::string name = g ? g->name : "№ " + std::to_string(id);
      // Who keeps the group's journal is the core's answer (the teacher of the group).
      bool mine = Authorize(actor, Action::kWriteFinals, GroupTarget(*structure_, id)).ok();
      const bool substitute =
          std::find(substitute_groups_.begin(), substitute_groups_.end(), id) != substitute_groups_.end();
      view.groups.push_back({name + (subject && name.find(subject->name) == std::string::npos ? " — " + subject->name : ""),
                             mine ? "" : substitute ? "замена" : "просмотр"});
    }
    for (int64_t id : led_classes_) {
      const SchoolClass* c = structure_->FindClass(id);
      view.groups.push_back({(c ? c->Name() : "№ " + std::to_string(id)) + " — сводная ведомость класса", "классный руководитель"});
    }
    if (auto group = GroupId()) {
      for (const StudyPeriod* p : PeriodsOfGroup(*structure_, *group)) view.periods.push_back({p->name, p->range.Russian()});
      if (!view.periods.empty()) {
        view.periods.push_back({"Итоги года", "годовые и итоговые"});
        view.year_available = true;
      }
      view.can_write = Authorize(actor, Action::kWriteFinals, GroupTarget(*structure_, *group)).ok() ||
                       std::find(substitute_groups_.begin(), substitute_groups_.end(), *group) != substitute_groups_.end();
    } else if (SummaryClass()) {
      for (const StudyPeriod* p : ClassPeriods()) view.periods.push_back({p->name, p->range.Russian()});
    }
  }
  if (structure_ && groups_.empty() && led_classes_.empty() && error_.empty()) {
    view.error = "У вас нет групп в нагрузке этого учебного года.";
  }
  view.grid = grid_ ? &*grid_ : nullptr;
  view.summary = summary_ ? &*summary_ : nullptr;
  view.year = year_ ? &*year_ : nullptr;
  if (rules_) {
    for (const auto& t : rules_->mark_types) {
      view.mark_types.push_back({t.name, "вес " + std::to_string(t.weight)});
      view.mark_type_codes.push_back(t.code);
    }
  }
  if (pending_) {
    view.correction.open = true;
    view.correction.approval = pending_approval_;
    view.correction.what = Describe(*pending_);
    view.correction.message = pending_message_;
    view.correction.error = pending_error_;
  }
  if (rules_ && grid_) {
    if (const GradingSystem* system = FindGradingSystem(*rules_, grid_->system_id)) {
      for (const auto& v : system->values) {
        if (IsValidCurrentMark(*rules_, system->id, v.code).ok()) view.mark_values.push_back(v.code);
      }
    }
    for (const auto& c : rules_->attendance) view.attendance_codes.push_back(c.code);
  }
  if (plan_ && form_.lesson != 0) {
    // The КТП's topic for the lesson: the k-th held lesson of the group gets the topic of hour k.
    if (const JournalLesson* open = journal_.FindLesson(form_.lesson)) {
      int k = 0;
      for (const JournalLesson* l : journal_.LessonsOf(open->lesson.group_id, {Date::FromDays(0), open->lesson.date})) {
        ++k;
        if (l->lesson.id == open->lesson.id) break;
      }
      if (auto planned = PlannedTopicForLesson(*plan_, k)) view.planned_topic = planned->topic->title;
    }
  }
  view.status = Status();
  view.notice = notice_;
  view.recommendation_error = recommendation_error_;
  view.recommendation_busy = recommendation_busy_;
  view.status_warning = offline_;
  view.problems = problems_;
  view.lesson_error = lesson_error_;
  if (const JournalLesson* open = journal_.FindLesson(form_.lesson)) {
    // «К следующему уроку» first, then the group's later lessons by day.
    auto day_of = [](const JournalLesson& l) {
      return std::string(WeekdayAbbr(l.lesson.date.Weekday())) + ", " + l.lesson.date.Russian().substr(0, 5);
    };
    std::vector<const JournalLesson*> next = LessonsAfter(journal_, *open, 1);
    for (int64_t id : DueChoices(*open)) {
      const JournalLesson* l = journal_.FindLesson(id);
      if (id == 0) view.due_lessons.push_back({"К следующему уроку", next.empty() ? "" : day_of(*next.front())});
      else if (l) view.due_lessons.push_back({"К уроку " + day_of(*l), std::to_string(l->lesson.number) + "-й урок"});
    }
  }
  view.final_error = final_error_;
  JournalAction action = DrawJournalScreen(view, form_);
  // A dialog over the desk takes the input: the journal below does nothing this frame.
  if (SyncFrame(bar)) return TopBarAction::kNone;
  Handle(action);
  if (action.logout && !LogoutAllowed()) return TopBarAction::kNone;
  return action.logout ? TopBarAction::kLogout : TopBarAction::kNone;
}

}  // namespace ej::web
