// The administration console: loading the structure, turning the pages' actions into
// operations, pushing them and showing each one's answer.
//
// [SECTION] Who gets the console
// [SECTION] Requests: the snapshot and the push
// [SECTION] Actions of the pages
// [SECTION] Frame
#include "console.h"
#include "paste_report.h"

#include <algorithm>
#include <set>
#include <utility>

#include <imgui.h>

#include "roster_import.h"
#include "setup_checklist.h"
#include "ui.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

// The pasted text without the lines (1-based) in `drop`.

}  // namespace

std::string WithoutLines(const std::string& text, const std::set<int>& drop) {
  std::string out;
  int line = 0;
  size_t pos = 0;
  bool first = true;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    ++line;
    if (!drop.count(line)) {
      if (!first) out += '\n';
      out.append(text, pos, end - pos);
      first = false;
    }
    pos = end + 1;
  }
  return out;
}

// [SECTION] Who gets the console

Actor ActorOf(const protocol::UserInfo& user) {
  Actor actor;
  actor.account_id = user.id;
  actor.person_id = user.person_id;
  actor.roles = user.roles;
  return actor;
}

bool HasConsole(const protocol::UserInfo& user) {
  const Actor actor = ActorOf(user);
  return Authorize(actor, Action::kEditStructure).ok() || Authorize(actor, Action::kManageAccounts).ok();
}

Console::Console(Transport& transport, Env& env)
    : transport_(transport), env_(env), alive_(std::make_shared<int>(0)), rules_(transport, env), accounts_(transport),
      corrections_(transport, env), substitutions_(transport, env), timetable_(transport, env),
      calendar_(transport, env), plans_(transport, env) {}

Console::~Console() = default;

void Console::Open(const protocol::UserInfo& user) {
  Close();
  actor_ = ActorOf(user);
  // Which pages: the core's answer (the technical administrator gets accounts and rules only).
  structure_pages_ = Authorize(actor_, Action::kEditStructure).ok();
  accounts_page_ = Authorize(actor_, Action::kManageAccounts).ok();
  page_ = structure_pages_ ? ConsolePage::kChecklist : ConsolePage::kAccounts;
  Load();
  rules_.Open(structure_pages_);
  if (accounts_page_) accounts_.Open();
  corrections_page_ = Authorize(actor_, Action::kApproveCorrections).ok();
  if (corrections_page_) corrections_.Open();
}

void Console::Close() {
  ++epoch_;
  structure_.reset();
  loading_ = false;
  load_error_.clear();
  session_ended_ = false;
  session_message_.clear();
  outbox_.clear();
  pushing_ = 0;
  page_ = ConsolePage::kChecklist;
  class_id_ = 0;
  classes_ = ClassesForm();
  cards_.clear();
  rules_.Close();
  accounts_.Close();
  corrections_.Close();
  corrections_page_ = false;
  substitutions_.Close();
  timetable_.Close();
  calendar_.Close();
  plans_.Close();
  planning_page_ = ConsolePage::kTimetable;
  year_id_ = 0;
  year_ = YearForm();
  staff_ = StaffForm();
  group_id_ = 0;
  student_id_ = 0;
  curriculum_ = CurriculumForm();
  workload_ = WorkloadForm();
  groups_ = GroupsForm();
  group_cards_.clear();
  students_.clear();
}

std::string Console::error() const {
  if (!load_error_.empty()) return load_error_;
  switch (page_) {
    case ConsolePage::kClasses:
      if (!classes_.error.empty() || classes_.errors.empty()) return classes_.error;
      return classes_.errors.begin()->second;
    case ConsolePage::kClass: {
      auto it = cards_.find(class_id_);
      return it == cards_.end() ? std::string() : it->second.error;
    }
    case ConsolePage::kYear: {
      for (const DatesForm* f : {&year_.period, &year_.holiday, &year_.next_year}) {
        if (!f->error.empty()) return f->error;
        if (!f->errors.empty()) return f->errors.begin()->second;
      }
      return year_.fill_error;
    }
    case ConsolePage::kStaff: return staff_.error;
    case ConsolePage::kCurriculum:
      return !curriculum_.error.empty() ? curriculum_.error
             : curriculum_.errors.empty() ? curriculum_.subject_error
                                          : curriculum_.errors.begin()->second;
    case ConsolePage::kWorkload:
      if (!workload_.error.empty() || workload_.errors.empty()) return workload_.error;
      return workload_.errors.begin()->second;
    case ConsolePage::kGroups:
      if (!groups_.error.empty() || groups_.errors.empty()) return groups_.error;
      return groups_.errors.begin()->second;
    case ConsolePage::kGroup: {
      auto it = group_cards_.find(group_id_);
      return it == group_cards_.end() ? std::string() : it->second.error;
    }
    case ConsolePage::kStudent: {
      auto it = students_.find(student_id_);
      if (it == students_.end()) return {};
      const StudentCardForm& f = it->second;
      if (!f.move_error.empty()) return f.move_error;
      if (!f.errors.empty()) return f.errors.begin()->second;
      if (!f.iup_error.empty()) return f.iup_error;
      return f.iup_errors.empty() ? std::string() : f.iup_errors.begin()->second;
    }
    case ConsolePage::kRules: return rules_.error();
    case ConsolePage::kCorrections: return corrections_.error();
    case ConsolePage::kAccounts: return accounts_.error();
    case ConsolePage::kSubstitutions: return substitutions_.error();
    case ConsolePage::kTimetable: return timetable_.error();
    case ConsolePage::kCalendar: return calendar_.error();
    case ConsolePage::kPlans: return plans_.error();
    case ConsolePage::kChecklist: break;
  }
  return {};
}

// [SECTION] Requests: the snapshot and the push

void Console::Call(const char* method, std::string_view path, std::string body, Callback done) {
  std::weak_ptr<int> alive = alive_;
  const int epoch = epoch_;
  transport_.Send(HttpRequest{method, std::string(path), std::move(body)},
                  [this, alive, epoch, done = std::move(done)](HttpResponse response) {
                    if (alive.expired() || epoch != epoch_) return;
                    done(response);
                  });
}

bool Console::SessionEnded(const HttpResponse& r) {
  if (r.status != 401) return false;
  session_ended_ = true;
  session_message_ = ErrorOf(r).message();
  return true;
}

void Console::Load() {
  loading_ = true;
  const int generation = ++load_generation_;
  Call("GET", route::kStructure, {}, [this, generation](const HttpResponse& r) {
    // Only the latest load counts: an older answer may predate a push.
    if (generation == load_generation_) OnLoad(r);
  });
}

void Console::OnLoad(const HttpResponse& r) {
  loading_ = false;
  if (SessionEnded(r)) return;
  if (r.status != 200) {
    load_error_ = ErrorOf(r).message();
    return;
  }
  auto json = protocol::ParseJson(r.body);
  auto structure = json.ok() ? StructureFromJson(*json) : Result<Structure>(json.status());
  if (!structure.ok()) {
    load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
    return;
  }
  structure_ = std::make_unique<Structure>(std::move(structure).value());
  ++structure_generation_;
  load_error_.clear();
}

Operation Console::MakeOp(std::string_view kind, protocol::Json payload) {
  for (const Operation& waiting : outbox_) {
    if (waiting.kind == kind && waiting.payload == payload) return waiting;
  }
  unsigned char bytes[16];
  env_.RandomBytes(bytes, sizeof bytes);
  Operation op;
  op.op_id = FormatUuid(bytes);
  op.kind = std::string(kind);
  op.payload = std::move(payload);
  op.client_time = env_.NowMs();
  op.device = "web";
  op.base_version = 0;
  return op;
}

void Console::Push(std::vector<Operation> ops, PushDone done) {
  for (const Operation& op : ops) {
    bool known = std::any_of(outbox_.begin(), outbox_.end(),
                             [&](const Operation& o) { return o.op_id == op.op_id; });
    if (!known) outbox_.push_back(op);
  }
  std::string body = ToJson(PushRequest{ops}).dump();
  ++pushing_;
  Call("POST", route::kOps, std::move(body), [this, done = std::move(done)](const HttpResponse& r) {
    --pushing_;
    if (SessionEnded(r)) return;
    if (r.status != 200) {
      done(ErrorOf(r));
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto response = json.ok() ? PushResponseFromJson(*json) : Result<PushResponse>(json.status());
    if (!response.ok()) {
      done(Status(ErrorCode::kInternal, std::string(protocol::DefaultMessage(ErrorCode::kInternal))));
      return;
    }
    // Answered operations leave the outbox; the server has them (or has refused them).
    for (const OpResult& result : response->results) {
      outbox_.erase(std::remove_if(outbox_.begin(), outbox_.end(),
                                   [&](const Operation& o) { return o.op_id == result.op_id; }),
                    outbox_.end());
    }
    done(response);
    Load();  // the snapshot again: simple and always right
  });
}

// [SECTION] Actions of the pages

const AcademicYear* Console::Year() const {
  if (!structure_) return nullptr;
  if (year_id_ != 0) {
    if (const AcademicYear* picked = structure_->FindYear(year_id_)) return picked;
  }
  if (const AcademicYear* current = structure_->YearOf(env_.Today())) return current;
  const AcademicYear* latest = nullptr;
  for (const AcademicYear& y : structure_->years) {
    if (!latest || latest->range.first < y.range.first) latest = &y;
  }
  return latest;
}

Date Console::Day() const {
  const Date today = env_.Today();
  const AcademicYear* year = Year();
  if (!year) return today;
  return std::clamp(today, year->range.first, year->range.last);
}

void Console::Go(ConsolePage page, int64_t id) {
  const int64_t current = page_ == ConsolePage::kClass ? class_id_
                          : page_ == ConsolePage::kGroup ? group_id_
                          : page_ == ConsolePage::kStudent ? student_id_
                                                           : 0;
  if (page != page_ || id != current) scroll_to_top_ = true;
  page_ = page;
  class_id_ = page == ConsolePage::kClass ? id : 0;
  group_id_ = page == ConsolePage::kGroup ? id : 0;
  student_id_ = page == ConsolePage::kStudent ? id : 0;
  if (page == ConsolePage::kSubstitutions && !substitutions_.opened()) substitutions_.Open(Day());
  if (page == ConsolePage::kTimetable && !timetable_.opened()) timetable_.Open();
  if (page == ConsolePage::kCalendar && !calendar_.opened()) {
    if (const AcademicYear* y = Year()) calendar_.Open(y->id);
  }
  if (page == ConsolePage::kPlans && !plans_.opened()) plans_.Open();
  if (IsPlanningPage(page)) planning_page_ = page;
}

void Console::CreateClass() {
  const AcademicYear* year = Year();
  if (!structure_ || !year || classes_.busy) return;
  ClassesForm& form = classes_;
  form.errors.clear();
  form.error.clear();
  form.notice.clear();
  form.created_class_id = 0;
  SchoolClass draft;
  draft.grade = form.grade;
  draft.letter = NormalizeClassLetter(form.letter);  // as the core stores it: «в» is 7В
  Operation op = MakeOp(op_kind::kClassCreate, ClassCreatePayload(year->id, draft.grade, draft.letter, form.teacher_id));
  form.busy = true;
  Push({op}, [this, name = draft.Name()](const Result<PushResponse>& r) {
    ClassesForm& f = classes_;
    f.busy = false;
    if (!r.ok()) {
      f.error = r.status().message();
      return;
    }
    if (r->results.empty()) {
      f.error = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    const OpResult& result = r->results.front();
    if (result.outcome == OpOutcome::kApplied) {
      f.notice = "Класс " + name + " создан.";
      f.created_class_id = result.created_id;
      f.grade = 0;
      f.letter.clear();
      f.teacher_id = 0;
      return;
    }
    const std::string& field = result.error.field();
    if (field == "grade" || field == "letter" || field == "teacher_id") {
      f.errors[field] = result.error.message();
    } else {
      f.error = result.error.message();
    }
  });
}

void Console::SetClassTeacher(int64_t class_id) {
  ClassCardForm& form = cards_[class_id];
  if (!structure_ || form.teacher_busy || form.teacher_id < 0) return;
  form.teacher_error.clear();
  form.teacher_busy = true;
  Operation op = MakeOp(op_kind::kClassSetTeacher, ClassSetTeacherPayload(class_id, form.teacher_id));
  Push({op}, [this, class_id](const Result<PushResponse>& r) {
    ClassCardForm& f = cards_[class_id];
    f.teacher_busy = false;
    if (!r.ok()) {
      f.teacher_error = r.status().message();
      return;
    }
    if (!r->results.empty() && r->results.front().outcome == OpOutcome::kApplied) {
      f.teacher_id = -1;  // shows the class's own teacher once the snapshot is back
      return;
    }
    f.teacher_error = r->results.empty() ? std::string(protocol::DefaultMessage(ErrorCode::kInternal))
                                         : r->results.front().error.message();
  });
}

void Console::CheckRows(int64_t class_id) {
  if (!structure_) return;
  ClassCardForm& form = cards_[class_id];
  if (form.busy) return;
  form.checked_text = form.text;
  form.outcomes.clear();
  form.reported = false;
  form.notice.clear();
  form.error.clear();
  form.rows.clear();
  // More rows than one push takes are refused as a whole (the core's message names the count).
  if (Status st = CheckPastedRowCount(form.text); !st.ok()) {
    form.error = st.message();
    return;
  }
  form.rows = ParseStudentRows(form.text, *structure_, class_id);
}

void Console::AddStudents(int64_t class_id) {
  ClassCardForm& form = cards_[class_id];
  if (!structure_ || form.busy || form.reported || form.checked_text != form.text) return;
  const Date from = Day();
  std::vector<Operation> ops;
  std::map<std::string, int> line_of;  // op_id -> the row's line
  for (const ImportRow& row : form.rows) {
    if (!row.ok || ops.size() >= kMaxOpsPerPush) continue;
    Operation op = MakeOp(op_kind::kStudentCreate, StudentCreatePayload(row.draft, class_id, from));
    line_of[op.op_id] = row.line;
    ops.push_back(std::move(op));
  }
  if (ops.empty()) return;
  form.busy = true;
  form.error.clear();
  form.notice.clear();
  Push(std::move(ops), [this, class_id, line_of](const Result<PushResponse>& r) {
    ClassCardForm& f = cards_[class_id];
    f.busy = false;
    if (!r.ok()) {
      // Nothing is known to be added: the rows stay, «Добавить» re-sends the same operations.
      f.error = r.status().message();
      return;
    }
    ReportPastedBatch(f, *r, line_of, "ученик", "ученика", "учеников");
  });
}

// [SECTION] Frame

void Console::UpdateDerived(const AcademicYear* year, Date day) {
  const int64_t year_id = year ? year->id : 0;
  if (derived_.generation == structure_generation_ && derived_.year_id == year_id && derived_.day == day) return;
  derived_ = Derived();
  derived_.generation = structure_generation_;
  derived_.year_id = year_id;
  derived_.day = day;
  derived_.checklist = SetupChecklist(*structure_, year_id);
  for (const SchoolClass* c : structure_->ClassesOf(year_id)) {
    derived_.class_sizes[c->id] = static_cast<int>(structure_->StudentsOf(c->id, day).size());
  }
}

TopBarAction Console::Frame(const TopBarView& bar, const std::string& bar_error) {
  const AcademicYear* year = Year();
  ConsoleShellView view;
  view.bar = bar;
  view.page = page_;
  view.structure_pages = structure_pages_;
  view.accounts_page = accounts_page_;
  view.corrections_page = corrections_page_;
  view.pending_requests = corrections_.pending();
  view.planning_page = planning_page_;
  if (structure_) {
    // The checklist and the class sizes change only with the snapshot, the year or the day.
    UpdateDerived(year, Day());
    view.left_to_set_up = static_cast<int>(derived_.checklist.size());
    view.classes = static_cast<int>(derived_.class_sizes.size());
  }
  const std::vector<ChecklistItem>& items = derived_.checklist;
  const ConsoleShellAction shell = BeginConsoleScreen(view);
  if (scroll_to_top_) {
    ImGui::SetScrollY(0);
    scroll_to_top_ = false;
  }
  const float x = ImGui::GetCursorPosX();
  auto banner = [&](const std::string& text) {
    ImGui::SetCursorPosX(x);
    ui::ErrorText(text, PageWidth());
    ImGui::SetCursorPosX(x);
  };
  if (!bar_error.empty()) banner(bar_error);

  ConsoleContext context;
  context.structure = structure_.get();
  context.year = year;
  context.day = Day();
  context.busy = pushing_ > 0;
  context.class_sizes = &derived_.class_sizes;

  if (page_ == ConsolePage::kRules) {
    rules_.Draw();
  } else if (page_ == ConsolePage::kCorrections) {
    corrections_.Draw(structure_.get(), year);
  } else if (page_ == ConsolePage::kAccounts) {
    accounts_.Draw();
  } else if (!structure_) {
    if (load_error_.empty()) {
      ui::MutedText("Загрузка…");
    } else {
      banner(load_error_);
      ui::ButtonOptions retry;
      retry.kind = ui::ButtonKind::kSecondary;
      if (ui::Button("Повторить###reload", retry)) Load();
    }
  } else {
    if (!load_error_.empty()) {
      banner("Не удалось обновить данные: " + load_error_);
      ImGui::SetCursorPosX(x);
      ui::ButtonOptions retry;
      retry.kind = ui::ButtonKind::kSecondary;
      if (ui::Button("Обновить###reload", retry)) Load();
      ImGui::SetCursorPosX(x);
    }
    switch (page_) {
      case ConsolePage::kChecklist: {
        ChecklistAction a = DrawChecklistScreen(context, items);
        if (a.open && a.screen == ChecklistScreen::kClass) Go(ConsolePage::kClass, a.entity_id);
        if (a.open && a.screen == ChecklistScreen::kClasses) Go(ConsolePage::kClasses);
        if (a.open && (a.screen == ChecklistScreen::kYear || a.screen == ChecklistScreen::kPeriods ||
                       a.screen == ChecklistScreen::kHolidays)) {
          Go(ConsolePage::kYear);
        }
        if (a.open && a.screen == ChecklistScreen::kWorkload) {
          workload_.class_filter = a.entity_id;  // the class named by the item
          Go(ConsolePage::kWorkload);
        }
        if (a.open && a.screen == ChecklistScreen::kGroup) Go(ConsolePage::kGroup, a.entity_id);
        break;
      }
      case ConsolePage::kClasses: {
        if (!year) {
          PageHeader("Классы", "");
          ui::MutedText("В школе ещё нет учебного года: классы создаются в учебном году.");
          break;
        }
        ClassesAction a = DrawClassesScreen(context, classes_);
        if (a.create) CreateClass();
        if (a.open_class) Go(ConsolePage::kClass, a.open_class);
        break;
      }
      case ConsolePage::kClass: {
        const SchoolClass* c = structure_->FindClass(class_id_);
        if (c == nullptr) {
          PageHeader("Класс не найден", "");
          ui::ButtonOptions back;
          back.kind = ui::ButtonKind::kSecondary;
          if (ui::Button("← Все классы###back", back)) Go(ConsolePage::kClasses);
          break;
        }
        const int64_t id = c->id;
        ClassCardAction a = DrawClassCardScreen(context, *c, cards_[id]);
        if (a.back) Go(ConsolePage::kClasses);
        if (a.open_student) Go(ConsolePage::kStudent, a.open_student);
        if (a.set_teacher) SetClassTeacher(id);
        if (a.check) CheckRows(id);
        if (a.add) AddStudents(id);
        break;
      }
      case ConsolePage::kYear: {
        YearAction a = DrawYearScreen(context, year_);
        if (a.create_period) CreatePeriod();
        if (a.create_holiday) CreateHoliday();
        if (a.fill_default) FillDefaultCalendar();
        if (a.rollover) RolloverYear();
        if (a.show_year) year_id_ = a.show_year;
        break;
      }
      case ConsolePage::kStaff: {
        StaffAction a = DrawStaffScreen(context, staff_);
        if (a.check) CheckStaffRows();
        if (a.add) AddStaff();
        break;
      }
      case ConsolePage::kCurriculum:
      case ConsolePage::kWorkload:
      case ConsolePage::kGroups:
      case ConsolePage::kGroup:
      case ConsolePage::kStudent: DrawPlanPage(context); break;
      case ConsolePage::kRules:
      case ConsolePage::kCorrections:
      case ConsolePage::kAccounts: break;  // drawn above, without the structure
      case ConsolePage::kSubstitutions: substitutions_.Draw(*structure_); break;
      case ConsolePage::kTimetable: timetable_.Draw(*structure_, year); break;
      case ConsolePage::kCalendar:
        if (!calendar_.opened() && year) calendar_.Open(year->id);
        calendar_.Draw(*structure_, year, Day());
        break;
      case ConsolePage::kPlans:
        if (!plans_.opened()) plans_.Open();
        plans_.Draw(*structure_, actor_, year, Day());
        break;
    }
  }
  EndConsoleScreen();
  if (shell.go) Go(shell.page);
  return shell.logout ? TopBarAction::kLogout : TopBarAction::kNone;
}

}  // namespace ej::web
