// «Расписание» (R10): the weekly grid of a class, a teacher or a room; the lessons in view,
// each opening the form that moves or removes it; «Новый урок»; the view's conflicts as the
// core names them. Conflicts do not block a change: the deputy builds the week step by step
// and sees each problem as soon as it is made. Under the grid: the shifts' bells, the classes'
// five- or six-day weeks, and «Сформировать уроки» (the journal's lessons from the timetable).
#include <algorithm>
#include <tuple>
#include <set>

#include <imgui.h>

#include "console_timetable.h"
#include "journal.h"
#include "journal_keys.h"
#include "names.h"
#include "screens.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

constexpr float kFormWidth = 380;
constexpr float kGap = 24;
const char* const kDays[] = {"", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб"};
const char* const kDayNames[] = {"", "Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота"};

std::string Short(const Structure& s, int64_t id) {
  const Person* p = s.FindPerson(id);
  return p ? ShortName(p->name) : std::string("—");
}

// «5А — Математика», or the group's name when it says its subject.
std::string GroupLabel(const Structure& s, int64_t group_id) {
  const Group* g = s.FindGroup(group_id);
  if (!g) return "Группа № " + std::to_string(group_id);
  const Subject* subject = s.FindSubject(g->subject_id);
  if (!subject || g->name.find(subject->name) != std::string::npos) return g->name;
  return g->name + " — " + subject->name;
}

std::string SubjectOf(const Structure& s, int64_t group_id) {
  const Group* g = s.FindGroup(group_id);
  const Subject* subject = g ? s.FindSubject(g->subject_id) : nullptr;
  return subject ? subject->name : std::string("?");
}

const char* ParityMark(WeekParity p) {
  return p == WeekParity::kOdd ? " (числ.)" : p == WeekParity::kEven ? " (знам.)" : "";
}

// What lessons.generate did, from the answer's summary: « Новых уроков: 15, убрано: 3.»
std::string GenerationFigures(const protocol::Json& summary) {
  if (!summary.is_object()) return {};
  return " Новых уроков: " + std::to_string(summary.value(journal_key::kKeyAdded, 0)) + ", убрано: " +
         std::to_string(summary.value(journal_key::kKeyRemoved, 0)) + ".";
}

// The classes as check boxes, as many on a line as fit from `row_x`; `on(c)` says whether one
// is ticked, `toggle(c, ticked)` is called on a click.
template <typename On, typename Toggle>
void ClassChecks(const std::vector<const SchoolClass*>& classes, const std::string& id, float row_x, bool enabled, On on,
                 Toggle toggle) {
  const float line_w = ui::AvailableWidth();
  const float cell_w = 96;
  float used = 0;
  float line_y = ImGui::GetCursorPosY();
  float next_y = line_y;
  for (const SchoolClass* c : classes) {
    if (used > 0 && used + cell_w > line_w) {
      used = 0;
      line_y = next_y;
    }
    ImGui::SetCursorPos(ImVec2(row_x + used, line_y));
    bool ticked = on(*c);
    if (ui::Checkbox(c->Name() + "###" + id + std::to_string(c->id), &ticked, enabled)) toggle(*c, ticked);
    next_y = std::max(next_y, ImGui::GetCursorPosY());
    used += cell_w;
  }
  ImGui::SetCursorPos(ImVec2(row_x, next_y));
}

// A panel of the page's width under what is drawn, a gap apart (ends with ui::EndPanel).
void BeginSectionBelow(float x, float width) {
  ImGui::SetCursorPosX(x);
  ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
  ImGui::SetCursorPosX(x);
  ui::PanelStyle style;
  style.padding = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth ? 16 : 24;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
}

bool InClass(const Structure& s, int64_t group_id, int64_t class_id) {
  const Group* g = s.FindGroup(group_id);
  return g && std::find(g->class_ids.begin(), g->class_ids.end(), class_id) != g->class_ids.end();
}

}  // namespace

void TimetablePage::Open() {
  Close();
  opened_ = true;
  Load();
}

void TimetablePage::Close() {
  requests_.Reset();
  opened_ = false;
  timetable_.reset();
  load_error_.clear();
  waiting_.reset();
  form_ = TimetableForm();
  conflicts_.clear();
  conflicts_generation_ = -1;
  conflicts_structure_ = nullptr;
}

void TimetablePage::Load() {
  requests_.Call("GET", route::kTimetable, {}, [this](const HttpResponse& r) {
    if (r.status != 200) {
      load_error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto t = json.ok() ? TimetableFromJson(*json) : Result<Timetable>(json.status());
    if (!t.ok()) {
      load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    load_error_.clear();
    timetable_ = std::move(t).value();
    ++generation_;
  });
}

void TimetablePage::Push(std::string_view kind, protocol::Json payload, std::string notice, PushTo to) {
  if (form_.busy) return;
  form_.error.clear();
  form_.field.clear();
  form_.notice.clear();
  form_.bells.error.clear();
  form_.bells.notice.clear();
  form_.lessons.week_error.clear();
  form_.lessons.week_notice.clear();
  form_.lessons.error.clear();
  form_.lessons.notice.clear();
  Operation op;
  if (waiting_ && waiting_->kind == kind && waiting_->payload == payload) {
    op = *waiting_;  // the same change again after a lost answer: the same op_id
  } else {
    unsigned char bytes[16];
    env_.RandomBytes(bytes, sizeof bytes);
    op.op_id = FormatUuid(bytes);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    op.client_time = env_.NowMs();
    op.device = "web";
  }
  waiting_ = op;
  form_.busy = true;
  requests_.Call("POST", route::kOps, ToJson(PushRequest{{op}}).dump(), [this, notice, to](const HttpResponse& r) {
    form_.busy = false;
    LessonsForm& lessons = form_.lessons;
    std::string& error = to == PushTo::kBells   ? form_.bells.error
                         : to == PushTo::kWeek  ? lessons.week_error
                         : to == PushTo::kLessons ? lessons.error
                                                  : form_.error;
    if (r.status != 200) {
      error = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto response = json.ok() ? PushResponseFromJson(*json) : Result<PushResponse>(json.status());
    if (!response.ok() || response->results.empty()) {
      error = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    waiting_.reset();
    const OpResult& result = response->results.front();
    if (result.outcome == OpOutcome::kApplied) {
      if (to == PushTo::kBells) {
        form_.bells.notice = notice;
        if (result.created_id != 0) form_.bells.id = result.created_id;
        form_.bells.edited = false;  // refilled from the schedule as the server keeps it
      } else if (to == PushTo::kWeek) {
        lessons.week_notice = notice;
      } else if (to == PushTo::kLessons) {
        lessons.notice = notice + GenerationFigures(result.summary);
      } else {
        form_.notice = notice;
        if (result.created_id != 0) form_.entry_id = result.created_id;
      }
      Load();
    } else {
      error = result.error.message();
      if (to == PushTo::kLesson) form_.field = result.error.field();
    }
  });
}

void TimetablePage::Draw(const Structure& s, const AcademicYear* year) {
  TimetableForm& f = form_;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  PageHeader("Расписание", year ? YearLine(*year) + " · недельное расписание; конфликты видны сразу" : std::string());
  if (!year) {
    ui::MutedText("В школе ещё нет учебного года.");
    return;
  }
  if (!timetable_) {
    if (load_error_.empty()) {
      ui::MutedText("Загрузка…");
    } else {
      ui::ErrorText(load_error_, width);
    }
    return;
  }
  const Timetable& t = *timetable_;
  if (conflicts_generation_ != generation_ || conflicts_structure_ != &s || conflicts_year_ != year->id) {
    conflicts_ = FindTimetableConflicts(s, t, year->id);
    conflicts_generation_ = generation_;
    conflicts_structure_ = &s;
    conflicts_year_ = year->id;
  }

  // ---- what is shown: a class, a teacher or a room ----
  std::vector<const SchoolClass*> classes = s.ClassesOf(year->id);
  std::vector<std::pair<int64_t, std::string>> teachers;
  std::set<int64_t> with_load;
  for (const WorkloadLine& w : s.workload) {
    if (w.year_id == year->id) with_load.insert(w.teacher_id);
  }
  for (int64_t id : with_load) {
    if (const Person* p = s.FindPerson(id)) teachers.push_back({id, FullName(p->name)});
  }
  std::sort(teachers.begin(), teachers.end(), [](const auto& a, const auto& b) { return RussianLess(a.second, b.second); });
  std::set<std::string> room_set;
  for (const TimetableEntry& e : t.entries) {
    if (e.year_id == year->id && !e.room.empty()) room_set.insert(e.room);
  }
  std::vector<std::string> rooms(room_set.begin(), room_set.end());
  std::sort(rooms.begin(), rooms.end(), [](const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return a < b;
  });
  if (f.class_id == 0 && !classes.empty()) f.class_id = classes.front()->id;
  if (f.teacher_id == 0 && !teachers.empty()) f.teacher_id = teachers.front().first;
  if (f.room.empty() && !rooms.empty()) f.room = rooms.front();

  {
    const float left = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    std::vector<ui::ComboItem> views = {{"Класс", ""}, {"Учитель", ""}, {"Кабинет", ""}};
    int view = static_cast<int>(f.view);
    ui::ComboOptions vo;
    vo.width = 180;
    ImGui::BeginGroup();  // a caption and its field: the field stays under its caption
    if (ui::Combo("Расписание для###tt-view", views, &view, vo)) f.view = static_cast<TimetableView>(view);
    ImGui::EndGroup();
    const float after = ImGui::GetCursorPosY();
    if (!narrow) ImGui::SetCursorPos(ImVec2(left + 180 + 16, y));
    else ImGui::SetCursorPosX(left);
    ImGui::BeginGroup();
    ui::ComboOptions o;
    o.width = 320;
    if (f.view == TimetableView::kClass) {
      std::vector<ui::Choice<int64_t>> choices;
      for (const SchoolClass* c : classes) choices.push_back({c->id, c->Name(), ""});
      if (!choices.empty()) ui::ChoiceCombo("Класс###tt-class", choices, &f.class_id, o);
    } else if (f.view == TimetableView::kTeacher) {
      std::vector<ui::Choice<int64_t>> choices;
      for (const auto& [id, name] : teachers) choices.push_back({id, name, ""});
      if (!choices.empty()) ui::ChoiceCombo("Учитель###tt-teacher", choices, &f.teacher_id, o);
    } else {
      std::vector<ui::Choice<std::string>> choices;
      for (const std::string& room : rooms) choices.push_back({room, room, ""});
      if (choices.empty()) {
        ui::MutedText("Кабинеты в расписании ещё не указаны.");
      } else {
        ui::ChoiceCombo("Кабинет###tt-room", choices, &f.room, o);
      }
    }
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(left, std::max(after, ImGui::GetCursorPosY())));
    ui::Space(8);
    ImGui::SetCursorPosX(x);
  }

  // The entries in view and the conflicts that concern them.
  std::vector<const TimetableEntry*> shown;
  for (const TimetableEntry& e : t.entries) {
    if (e.year_id != year->id) continue;
    bool in = f.view == TimetableView::kClass     ? InClass(s, e.group_id, f.class_id)
              : f.view == TimetableView::kTeacher ? e.teacher_id == f.teacher_id
                                                  : (!f.room.empty() && e.room == f.room);
    if (in) shown.push_back(&e);
  }
  std::set<int64_t> shown_ids;
  for (const TimetableEntry* e : shown) shown_ids.insert(e->id);
  std::vector<const TimetableConflict*> view_conflicts;
  std::set<int64_t> in_conflict;
  for (const TimetableConflict& c : conflicts_) {
    bool concerns = std::any_of(c.entry_ids.begin(), c.entry_ids.end(), [&](int64_t id) { return shown_ids.count(id) > 0; });
    // Hours against the workload concern the class of the group and its teachers, scheduled or not.
    if (!concerns && c.group_id != 0) {
      if (f.view == TimetableView::kClass) concerns = InClass(s, c.group_id, f.class_id);
      if (f.view == TimetableView::kTeacher) {
        concerns = std::any_of(s.workload.begin(), s.workload.end(),
                               [&](const WorkloadLine& w) { return w.group_id == c.group_id && w.teacher_id == f.teacher_id; });
      }
    }
    if (!concerns) continue;
    view_conflicts.push_back(&c);
    if (c.code != "hours_under" && c.code != "hours_over") in_conflict.insert(c.entry_ids.begin(), c.entry_ids.end());
  }

  // The grid: lesson numbers (bell times) × the days of the week.
  int numbers = 0;
  for (const BellSchedule& b : t.bells) numbers = std::max(numbers, static_cast<int>(b.slots.size()));
  int days = f.view == TimetableView::kClass && StudiesSixDays(t.six_day_classes, f.class_id) ? 6 : 5;
  for (const TimetableEntry* e : shown) days = std::max(days, e->weekday);
  auto time_of = [&](int number) -> std::string {
    for (const BellSchedule& b : t.bells) {
      for (const BellSlot& slot : b.slots) {
        if (slot.number == number) return slot.start.Text() + "–" + slot.end.Text();
      }
    }
    return {};
  };

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  // The grid takes the page's width (six days of readable cells); the lessons in view and the
  // form go side by side under it.
  const bool side_by_side = width >= 1000;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  if (numbers == 0) {
    ui::MutedText("Сначала задайте расписание звонков: без него номеров уроков нет.");
  } else {
    std::vector<ui::TableColumn> columns = {{"Урок", 124}};
    for (int d = 1; d <= days; ++d) columns.push_back({kDays[d], 0});
    ui::BeginTable("timetable-grid", columns, nullptr, true);
    for (int n = 1; n <= numbers; ++n) {
      std::vector<ui::TableCell> cells = {{std::to_string(n) + "-й", ui::Tone::kStrong, time_of(n)}};
      for (int d = 1; d <= days; ++d) {
        std::string text, detail;
        bool conflict = false;
        for (const TimetableEntry* e : shown) {
          if (e->weekday != d || e->number != n) continue;
          if (!text.empty()) text += " / ";
          if (!detail.empty()) detail += " / ";
          if (f.view == TimetableView::kClass) {
            const Group* g = s.FindGroup(e->group_id);
            text += g && g->kind != GroupKind::kWholeClass ? g->name : SubjectOf(s, e->group_id);
            detail += Short(s, e->teacher_id);
          } else {
            text += GroupLabel(s, e->group_id);
            detail += f.view == TimetableView::kTeacher ? std::string() : Short(s, e->teacher_id);
          }
          text += ParityMark(e->parity);
          // The room on a line of its own: a narrow day never breaks «каб. 101» after a comma.
          if (!e->room.empty() && f.view != TimetableView::kRoom) {
            detail += (detail.empty() ? "" : "\n") + std::string("каб.\u00a0") + e->room;
          }
          conflict = conflict || in_conflict.count(e->id) > 0;
        }
        cells.push_back({text.empty() ? "" : text, conflict ? ui::Tone::kError : ui::Tone::kNormal, detail});
      }
      ui::TableRow(std::to_string(n) + "-й урок###ttrow" + std::to_string(n), cells);
    }
    ui::EndTable();
  }
  // The conflicts of the view, each naming the lessons concerned.
  ui::Space(8);
  if (view_conflicts.empty()) {
    ui::ColoredText("Конфликтов нет.", theme::kSuccessText);
  } else {
    ui::StrongText("Конфликты: " + std::to_string(view_conflicts.size()));
    for (const TimetableConflict* c : view_conflicts) ui::ErrorText(c->message);
  }
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
  ImGui::SetCursorPosX(x);
  const float list_w = side_by_side ? width - kFormWidth - kGap : width;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ui::BeginPanel(top, list_w, style);
  // The lessons in view: a click opens one in the form.
  ui::StrongText("Уроки в сетке");
  if (shown.empty()) {
    ui::MutedText("Здесь пока нет уроков: добавьте их в форме «Новый урок».");
  } else {
    std::vector<const TimetableEntry*> ordered = shown;
    std::sort(ordered.begin(), ordered.end(), [](const TimetableEntry* a, const TimetableEntry* b) {
      return std::tie(a->weekday, a->number, a->group_id, a->id) < std::tie(b->weekday, b->number, b->group_id, b->id);
    });
    ui::BeginTable("timetable-entries", {{"Когда", 170}, {"Группа", 0}, {"Учитель", 0}, {"Кабинет", 90}});
    for (const TimetableEntry* e : ordered) {
      std::string when = std::string(kDays[std::clamp(e->weekday, 1, 6)]) + ", " + std::to_string(e->number) + "-й урок" +
                         ParityMark(e->parity);
      ui::Tone tone = in_conflict.count(e->id) ? ui::Tone::kError : e->id == f.entry_id ? ui::Tone::kStrong : ui::Tone::kNormal;
      if (ui::TableRow(when + " — " + GroupLabel(s, e->group_id) + "###entry" + std::to_string(e->id),
                       {{when, tone}, {GroupLabel(s, e->group_id)}, {Short(s, e->teacher_id)}, {e->room.empty() ? "—" : e->room}},
                       true)) {
        f.entry_id = e->id;
        f.group_id = e->group_id;
        f.entry_teacher = e->teacher_id;
        f.weekday = e->weekday;
        f.number = e->number;
        f.entry_room = e->room;
        f.parity = e->parity == WeekParity::kOdd ? 1 : e->parity == WeekParity::kEven ? 2 : 0;
        f.error.clear();
        f.notice.clear();
      }
    }
    ui::EndTable();
  }
  const float grid_h = ui::EndPanel();

  // ---- the form: a new lesson, or the chosen one moved or removed ----
  auto draw_form = [&]() {
    ui::StrongText(f.entry_id ? "Урок в расписании" : "Новый урок");
    auto error_at = [&](const char* field) { return f.field == field ? f.error : std::string(); };
    // Groups: of the class shown, else every group of the year with workload.
    std::vector<int64_t> group_ids;
    std::vector<ui::ComboItem> group_items{{"— выберите —", ""}};
    int group_index = 0;
    for (const Group& g : s.groups) {
      if (g.year_id != year->id) continue;
      if (f.view == TimetableView::kClass && !InClass(s, g.id, f.class_id) && g.id != f.group_id) continue;
      if (f.view == TimetableView::kTeacher && g.id != f.group_id &&
          std::none_of(s.workload.begin(), s.workload.end(),
                       [&](const WorkloadLine& w) { return w.group_id == g.id && w.teacher_id == f.teacher_id; })) {
        continue;
      }
      group_ids.push_back(g.id);
      group_items.push_back({GroupLabel(s, g.id), ""});
      if (g.id == f.group_id) group_index = static_cast<int>(group_ids.size());
    }
    ui::ComboOptions go;
    go.error = error_at("group_id");
    if (ui::Combo("Группа###tt-group", group_items, &group_index, go)) {
      f.group_id = group_index == 0 ? 0 : group_ids[static_cast<size_t>(group_index - 1)];
      f.entry_teacher = 0;
      for (const WorkloadLine& w : s.workload) {
        if (w.group_id == f.group_id && f.entry_teacher == 0) f.entry_teacher = w.teacher_id;
      }
    }
    std::vector<int64_t> teacher_ids;
    std::vector<ui::ComboItem> teacher_items{{"— выберите —", ""}};
    int teacher_index = 0;
    for (const WorkloadLine& w : s.workload) {
      if (w.group_id != f.group_id || std::find(teacher_ids.begin(), teacher_ids.end(), w.teacher_id) != teacher_ids.end()) continue;
      teacher_ids.push_back(w.teacher_id);
      teacher_items.push_back({Short(s, w.teacher_id), ""});
      if (w.teacher_id == f.entry_teacher) teacher_index = static_cast<int>(teacher_ids.size());
    }
    ui::ComboOptions to;
    to.error = error_at("teacher_id");
    if (ui::Combo("Учитель###tt-entry-teacher", teacher_items, &teacher_index, to)) {
      f.entry_teacher = teacher_index == 0 ? 0 : teacher_ids[static_cast<size_t>(teacher_index - 1)];
    }
    std::vector<ui::ComboItem> day_items;
    for (int d = 1; d <= 6; ++d) day_items.push_back({kDayNames[d], ""});
    int day_index = std::clamp(f.weekday, 1, 6) - 1;
    ui::ComboOptions dayo;
    dayo.error = error_at("weekday");
    if (ui::Combo("День недели###tt-weekday", day_items, &day_index, dayo)) f.weekday = day_index + 1;
    std::vector<ui::ComboItem> number_items;
    for (int n = 1; n <= std::max(numbers, 1); ++n) number_items.push_back({std::to_string(n) + "-й урок", time_of(n)});
    int number_index = std::clamp(f.number, 1, std::max(numbers, 1)) - 1;
    ui::ComboOptions no;
    no.error = error_at("number");
    if (ui::Combo("Номер урока###tt-number", number_items, &number_index, no)) f.number = number_index + 1;
    ui::InputOptions ro;
    ro.width = 160;
    ro.hint = "например, 201";
    ro.error = error_at("room");
    ui::InputText("Кабинет###tt-entry-room", &f.entry_room, ro);
    std::vector<ui::ComboItem> parity_items = {{"Каждую неделю", ""}, {"Числитель", "нечётные недели"}, {"Знаменатель", "чётные недели"}};
    ui::Combo("Неделя###tt-parity", parity_items, &f.parity);
    ui::Space(4);
    ui::ButtonOptions save;
    save.enabled = !f.busy && f.group_id != 0 && f.entry_teacher != 0;
    if (ui::Button(f.busy ? "Сохранение…###tt-save" : (f.entry_id ? "Сохранить###tt-save" : "Добавить урок###tt-save"), save)) {
      TimetableEntry e;
      e.id = f.entry_id;
      e.year_id = year->id;
      e.group_id = f.group_id;
      e.teacher_id = f.entry_teacher;
      e.weekday = f.weekday;
      e.number = f.number;
      e.room = f.entry_room;
      e.parity = f.parity == 1 ? WeekParity::kOdd : f.parity == 2 ? WeekParity::kEven : WeekParity::kEvery;
      if (const TimetableEntry* old = f.entry_id ? t.FindEntry(f.entry_id) : nullptr) e.kind = old->kind;
      Push(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(e),
           f.entry_id ? "Урок сохранён: " + std::string(kDayNames[e.weekday]) + ", " + std::to_string(e.number) + "-й урок."
                      : "Урок добавлен: " + std::string(kDayNames[e.weekday]) + ", " + std::to_string(e.number) + "-й урок.");
    }
    if (f.entry_id) {
      ImGui::SameLine(0, 12);
      ui::ButtonOptions remove;
      remove.kind = ui::ButtonKind::kSecondary;
      remove.enabled = !f.busy;
      if (ui::Button("Убрать из расписания###tt-remove", remove)) {
        const int64_t id = f.entry_id;
        f.entry_id = 0;
        Push(op_kind::kTimetableRemoveEntry, TimetableRemoveEntryPayload(id), "Урок убран из расписания.");
      }
      ui::ButtonOptions fresh;
      fresh.kind = ui::ButtonKind::kLink;
      if (ui::Button("+ Новый урок###tt-new", fresh)) {
        f.entry_id = 0;
        f.entry_room.clear();
        f.notice.clear();
        f.error.clear();
      }
    }
    if (!f.error.empty() && f.field != "group_id" && f.field != "teacher_id" && f.field != "weekday" &&
        f.field != "number" && f.field != "room") {
      ui::ErrorText(f.error);
    }
    if (!f.notice.empty()) ui::Notice(f.notice);
    ui::MutedText("Конфликт не мешает сохранить урок: он появится в списке под сеткой, пока его не исправят.");
  };
  ui::PanelBesideOrBelow({side_by_side, top, list_w, grid_h, kFormWidth, width, x, kGap}, style, draw_form);
  DrawBells(s, *year, x, width);
  DrawWeekAndLessons(s, *year, x, width);
}

// The draft of the chosen bell schedule (a new one: one lesson proposed), from the timetable as loaded.
void TimetablePage::FillBells() {
  BellsForm& b = form_.bells;
  const Timetable& t = *timetable_;
  if (b.id < 0) b.id = t.bells.empty() ? 0 : t.bells.front().id;
  auto it = std::find_if(t.bells.begin(), t.bells.end(), [&](const BellSchedule& x) { return x.id == b.id; });
  if (it == t.bells.end()) {
    b.id = 0;
    b.name.clear();
    b.rows = {NextBellRow({})};
    b.class_ids.clear();
  } else {
    b.name = it->name;
    b.rows = BellRowsOf(*it);
    b.class_ids = std::set<int64_t>(it->class_ids.begin(), it->class_ids.end());
  }
  b.filled_generation = generation_;
  b.edited = false;
}

void TimetablePage::DrawBells(const Structure& s, const AcademicYear& year, float x, float width) {
  BellsForm& b = form_.bells;
  const Timetable& t = *timetable_;
  if (b.id < 0 || (b.filled_generation != generation_ && !b.edited)) FillBells();
  BeginSectionBelow(x, width);
  ui::StrongText("Расписание звонков");
  ui::MutedText("Начало и конец каждого урока по сменам. Классы смены учатся по её звонкам; расписание без классов — для всех остальных.");
  ui::Space(4);

  std::vector<ui::Choice<int64_t>> choices;
  for (const BellSchedule& bs : t.bells) {
    std::string detail = bs.class_ids.empty() ? "остальные классы" : "классов: " + std::to_string(bs.class_ids.size());
    choices.push_back({bs.id, bs.name, detail});
  }
  choices.push_back({0, "Новое расписание звонков", ""});
  ui::ComboOptions pick;
  pick.width = std::min(360.0f, ui::AvailableWidth());
  if (ui::ChoiceCombo("Смена###bells-pick", choices, &b.id, pick)) {
    FillBells();
    b.error.clear();
    b.notice.clear();
  }
  const BellsForm before = b;
  ui::InputOptions name;
  name.width = std::min(360.0f, ui::AvailableWidth());
  name.hint = "например, «2 смена»";
  ui::InputText("Название###bells-name", &b.name, name);

  // The lessons: «N-й урок», its start and end.
  ui::Space(4);
  const float row_x = ImGui::GetCursorPosX();
  for (size_t i = 0; i < b.rows.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(row_x, y + 8));
    ui::Text(n + "-й урок");
    ImGui::SetCursorPos(ImVec2(row_x + 110, y));
    ui::InputOptions time;
    time.width = 96;
    time.caption = false;
    time.hint = "ЧЧ:ММ";
    ui::InputText(n + "-й урок, начало###bells-start-" + n, &b.rows[i].start, time);
    ImGui::SetCursorPos(ImVec2(row_x + 110 + 96 + 8, y + 8));
    ui::Text("—");
    ImGui::SetCursorPos(ImVec2(row_x + 110 + 96 + 30, y));
    ui::InputText(n + "-й урок, конец###bells-end-" + n, &b.rows[i].end, time);
  }
  ImGui::SetCursorPosX(row_x);
  ui::ButtonOptions secondary;
  secondary.kind = ui::ButtonKind::kSecondary;
  if (ui::Button("Ещё урок###bells-add", secondary)) b.rows.push_back(NextBellRow(b.rows));
  if (b.rows.size() > 1) {
    ImGui::SameLine(0, 12);
    if (ui::Button("Убрать последний###bells-remove", secondary)) b.rows.pop_back();
  }

  // The shift's classes, as many on a line as fit.
  ui::Space(8);
  ui::StrongText("Классы смены");
  ClassChecks(
      s.ClassesOf(year.id), "bells-class-", row_x, true, [&](const SchoolClass& c) { return b.class_ids.count(c.id) > 0; },
      [&](const SchoolClass& c, bool on) {
        if (on) b.class_ids.insert(c.id);
        else b.class_ids.erase(c.id);
      });
  if (b.name != before.name || b.rows.size() != before.rows.size() || b.class_ids != before.class_ids) b.edited = true;
  for (size_t i = 0; i < b.rows.size() && i < before.rows.size(); ++i) {
    if (b.rows[i].start != before.rows[i].start || b.rows[i].end != before.rows[i].end) b.edited = true;
  }

  ui::Space(8);
  ui::ButtonOptions save;
  save.enabled = !form_.busy;
  if (ui::Button("Сохранить звонки###bells-save", save)) {
    auto schedule = BellScheduleFromForm(b.id, b.name, b.rows, std::vector<int64_t>(b.class_ids.begin(), b.class_ids.end()));
    if (!schedule.ok()) {
      b.error = schedule.status().message();
      b.notice.clear();
    } else {
      Push(op_kind::kBellsSet, BellsSetPayload(*schedule), "Расписание звонков «" + schedule->name + "» сохранено.",
           PushTo::kBells);
    }
  }
  if (!b.error.empty()) ui::ErrorText(b.error);
  if (!b.notice.empty()) ui::Notice(b.notice);
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
}

void TimetablePage::DrawWeekAndLessons(const Structure& s, const AcademicYear& year, float x, float width) {
  LessonsForm& f = form_.lessons;
  const Timetable& t = *timetable_;
  BeginSectionBelow(x, width);

  // The classes' school week: a tick is a six-day week, sent at once.
  ui::StrongText("Учебная неделя");
  ui::MutedText("Отмеченные классы учатся шесть дней: суббота у них — учебный день для уроков и контрольных работ. "
                "Остальные — пять дней.");
  ui::Space(4);
  const float row_x = ImGui::GetCursorPosX();
  ClassChecks(
      s.ClassesOf(year.id), "week-class-", row_x, !form_.busy,
      [&](const SchoolClass& c) { return StudiesSixDays(t.six_day_classes, c.id); },
      [&](const SchoolClass& c, bool six) {
        Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(c.id, six ? 6 : 5),
             c.Name() + (six ? " учится шесть дней в неделю." : " учится пять дней в неделю."), PushTo::kWeek);
      });
  if (!f.week_error.empty()) ui::ErrorText(f.week_error);
  if (!f.week_notice.empty()) ui::Notice(f.week_notice);

  // The journal's lessons, generated from the timetable from a day on.
  ui::Space(12);
  ui::StrongText("Уроки в журнале");
  ui::MutedText("Уроки строятся по расписанию на весь учебный год, без выходных и каникул. После изменений в расписании "
                "сформируйте их заново с нужного дня: уроки с оценками, посещаемостью, темой или заданием сохраняются.");
  ui::Space(4);
  if (f.from.empty()) {
    Date today = env_.Today();
    f.from = (year.range.Contains(today) ? today : year.range.first).Russian();
  }
  ui::InputOptions from;
  from.width = 160;
  from.hint = "ДД.ММ.ГГГГ";
  ui::InputText("С какого дня###lessons-from", &f.from, from);
  ui::ButtonOptions go;
  go.enabled = !form_.busy;
  if (ui::Button("Сформировать уроки###lessons-generate", go)) {
    std::optional<Date> day = Date::ParseRussian(f.from);
    if (!day) {
      f.error = BadDateMessage(f.from);
      f.notice.clear();
    } else {
      Push(op_kind::kLessonsGenerate, LessonsGeneratePayload(year.id, *day),
           "Уроки сформированы по расписанию с " + day->Russian() + ".", PushTo::kLessons);
    }
  }
  if (!f.error.empty()) ui::ErrorText(f.error);
  if (!f.notice.empty()) ui::Notice(f.notice);
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
}

}  // namespace ej::web
