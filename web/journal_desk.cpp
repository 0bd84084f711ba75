// The teacher's desk: see journal_desk.h.
#include "journal_desk.h"

#include <algorithm>

#include "names.h"
#include "text.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

std::string Query(std::string_view path, const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out(path);
  char sep = '?';
  for (const auto& [k, v] : params) {
    out += sep + k + "=" + v;
    sep = '&';
  }
  return out;
}

}  // namespace

bool HasJournal(const protocol::UserInfo& user) {
  for (Role r : user.roles) {
    if (r == Role::kTeacher || r == Role::kClassTeacher) return true;
  }
  return false;
}

JournalDesk::JournalDesk(Transport& transport, Env& env) : requests_(transport), env_(env) {}

void JournalDesk::Open(const protocol::UserInfo& user) {
  Close();
  user_ = user;
  open_ = true;
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
}

bool JournalDesk::settled() const {
  if (!error_.empty()) return true;
  return structure_ && rules_ && (groups_.empty() || journal_loaded_);
}

// ---- Loading ----

void JournalDesk::LoadStructure() {
  requests_.Call("GET", route::kStructure, "", [this](const HttpResponse& r) {
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
    form_.group = 0;
    form_.period = -1;
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

void JournalDesk::LoadJournal() {
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
  if (!period) {
    journal_loaded_ = true;
    return;
  }
  journal_loading_ = true;
  int64_t group_id = *group;
  // From the year's start: the КТП's proposal for a lesson counts the lessons held before it.
  Date from = period->range.first;
  if (const Group* g = structure_->FindGroup(group_id)) {
    if (const AcademicYear* y = structure_->FindYear(g->year_id)) from = y->range.first;
  }
  requests_.Call("GET",
                 Query(route::kJournal, {{"group_id", std::to_string(group_id)},
                                         {"from", from.Iso()},
                                         {"to", period->range.last.Iso()}}),
                 "", [this, group_id](const HttpResponse& r) {
                   journal_loading_ = false;
                   journal_loaded_ = true;
                   if (GroupId() != group_id) return;  // the user chose another group meanwhile
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
    if (ApplyJournalOp(journal_, ctx, op, LocalActor()).ok()) waiting.push_back(std::move(op));
  }
  outbox_ = std::move(waiting);
  in_flight_ = std::min(in_flight_, outbox_.size());
  const StudyPeriod* period = Period();
  auto group = GroupId();
  // No grid until the group's journal has come: an empty grid would say «no lessons».
  if (period && group && journal_loaded_ && !journal_loading_) {
    grid_ = BuildJournalGrid(*structure_, journal_, *rules_, *group, *period, env_.Today());
  } else {
    grid_.reset();
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

bool JournalDesk::Edit(Operation op, std::string* refusal) {
  if (!structure_ || !rules_) return false;
  JournalContext ctx{*structure_, timetable_, *rules_, env_.Today()};
  auto applied = ApplyJournalOp(journal_, ctx, op, LocalActor());
  if (!applied.ok()) {
    *refusal = applied.status().message();
    return false;
  }
  refusal->clear();
  outbox_.push_back(std::move(op));
  if (auto group = GroupId(); group && Period()) {
    grid_ = BuildJournalGrid(*structure_, journal_, *rules_, *group, *Period(), env_.Today());
  }
  Push();
  return true;
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
    retry_at_ = ImGui::GetCurrentContext() ? ImGui::GetTime() + 5 : 0;
    return;
  }
  offline_ = false;
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
  Push();
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
  if (structure_) {
    if (const Person* p = structure_->FindPerson(field("student_id"))) who = ShortName(p->name);
  }
  if (const JournalLesson* l = journal_.FindLesson(field("lesson_id"))) when = l->lesson.date.Russian();
  std::string what;
  if (op.kind == op_kind::kMarkAdd) what = "Отметка «" + text("value") + "»";
  else if (op.kind == op_kind::kMarkRemove) what = "Удаление отметки";
  else if (op.kind == op_kind::kAttendanceSet) what = text("code").empty() ? "Посещаемость" : "Отметка «" + text("code") + "»";
  else if (op.kind == op_kind::kFinalSet) what = "Итоговая отметка «" + text("value") + "»";
  else if (op.kind == op_kind::kLessonSetTopic) what = "Тема урока";
  else if (op.kind == op_kind::kLessonSetHomework) what = "Домашнее задание";
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
  if (a.reload) {
    grid_.reset();
    server_journal_ = Journal();
    journal_loaded_ = false;
    form_.row = form_.col = -1;
    form_.first_column = -1;
    form_.lesson = 0;
    form_.final_row = -1;
    LoadJournal();
    return;
  }
  if (!grid_) return;
  const JournalGrid& g = *grid_;
  if (a.open_lesson) {
    lesson_error_.clear();
    if (const JournalLesson* l = journal_.FindLesson(form_.lesson)) {
      form_.topic = l->topic;
      form_.homework = l->homework.text;
      form_.minutes = l->homework.minutes ? std::to_string(l->homework.minutes) : std::string();
    }
  }
  std::string refusal;
  if (a.edit != CellEdit::kNone && a.row >= 0 && a.col >= 0 && a.row < static_cast<int>(g.rows.size()) &&
      a.col < static_cast<int>(g.columns.size())) {
    const GridRow& row = g.rows[static_cast<size_t>(a.row)];
    const GridCell& cell = row.cells[static_cast<size_t>(a.col)];
    int64_t lesson = g.columns[static_cast<size_t>(a.col)].lesson_id;
    if (a.edit == CellEdit::kAddMark) {
      Edit(MakeOp(op_kind::kMarkAdd, MarkAddPayload(lesson, row.student_id, a.value, ""), 0), &refusal);
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
      int64_t topic_version = l->topic_version, homework_version = l->homework.version;
      bool topic_changed = l->topic != form_.topic;
      bool homework_changed = l->homework.text != form_.homework || l->homework.minutes != minutes;
      std::string homework_text = form_.homework;
      if (topic_changed && !Edit(MakeOp(op_kind::kLessonSetTopic, LessonSetTopicPayload(form_.lesson, form_.topic), topic_version),
                                 &refusal)) {
        lesson_error_ = refusal;
        return;
      }
      if (homework_changed &&
          !Edit(MakeOp(op_kind::kLessonSetHomework, LessonSetHomeworkPayload(form_.lesson, {homework_text, minutes, 0}),
                       homework_version),
                &refusal)) {
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

TopBarAction JournalDesk::Frame(const TopBarView& bar, const std::string& bar_error) {
  if (offline_ && in_flight_ == 0 && ImGui::GetTime() >= retry_at_) Push();
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
    if (auto group = GroupId()) {
      for (const StudyPeriod* p : PeriodsOfGroup(*structure_, *group)) view.periods.push_back({p->name, p->range.Russian()});
      view.can_write = Authorize(actor, Action::kWriteFinals, GroupTarget(*structure_, *group)).ok() ||
                       std::find(substitute_groups_.begin(), substitute_groups_.end(), *group) != substitute_groups_.end();
    }
  }
  if (structure_ && groups_.empty() && error_.empty()) view.error = "У вас нет групп в нагрузке этого учебного года.";
  view.grid = grid_ ? &*grid_ : nullptr;
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
  view.status_warning = offline_;
  view.problems = problems_;
  view.lesson_error = lesson_error_;
  view.final_error = final_error_;
  JournalAction action = DrawJournalScreen(view, form_);
  Handle(action);
  return action.logout ? TopBarAction::kLogout : TopBarAction::kNone;
}

}  // namespace ej::web
