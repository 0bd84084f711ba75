// «Контрольные работы»: a month of a class (weeks × Monday–Saturday) with its control works,
// the month's works as a list (a click chooses one to remove), «Новая контрольная работа», and
// the class's violations of the load rules, each naming its rule and the works concerned.
// A work that breaks a rule is accepted: the deputy sees the violation at once and moves it.
#include <algorithm>
#include <tuple>
#include <charconv>
#include <set>

#include <imgui.h>

#include "console_calendar.h"
#include "control_work_load.h"
#include "screens.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

constexpr float kFormWidth = 380;
constexpr float kGap = 24;
const char* const kMonths[] = {"", "Январь", "Февраль", "Март", "Апрель", "Май", "Июнь",
                               "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};

int Digits(const std::string& iso, size_t at) { return (iso[at] - '0') * 10 + (iso[at + 1] - '0'); }
Date FirstOfMonth(Date d) { return d.AddDays(1 - Digits(d.Iso(), 8)); }
int MonthOf(Date d) { return Digits(d.Iso(), 5); }

std::string SubjectOf(const Structure& s, int64_t group_id) {
  const Group* g = s.FindGroup(group_id);
  const Subject* subject = g ? s.FindSubject(g->subject_id) : nullptr;
  return subject ? subject->name : std::string("?");
}

std::string GroupLabel(const Structure& s, int64_t group_id) {
  const Group* g = s.FindGroup(group_id);
  if (!g) return "Группа № " + std::to_string(group_id);
  const std::string subject = SubjectOf(s, group_id);
  return g->name.find(subject) != std::string::npos ? g->name : g->name + " — " + subject;
}

bool InClass(const Structure& s, int64_t group_id, int64_t class_id) {
  const Group* g = s.FindGroup(group_id);
  return g && std::find(g->class_ids.begin(), g->class_ids.end(), class_id) != g->class_ids.end();
}

}  // namespace

void ControlCalendarPage::Open(int64_t year_id) {
  Close();
  opened_ = true;
  year_id_ = year_id;
  Load();
}

void ControlCalendarPage::Close() {
  requests_.Reset();
  opened_ = false;
  works_.reset();
  rules_.reset();
  timetable_.reset();
  load_error_.clear();
  waiting_.reset();
  form_ = CalendarForm();
}

void ControlCalendarPage::Load() {
  auto fail = [this](const HttpResponse& r) { load_error_ = ErrorOf(r).message(); };
  requests_.Call("GET", std::string(route::kControlWorks) + "?year_id=" + std::to_string(year_id_), {},
                 [this, fail](const HttpResponse& r) {
                   if (r.status != 200) return fail(r);
                   auto json = protocol::ParseJson(r.body);
                   if (!json.ok() || !json->is_object() || !json->contains("works") || !(*json)["works"].is_array()) {
                     load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
                     return;
                   }
                   ControlWorks cw;
                   if (json->contains("rules")) {
                     if (auto rules = ControlWorkRulesFromJson((*json)["rules"]); rules.ok()) cw.rules = *rules;
                   }
                   for (const auto& item : (*json)["works"]) {
                     if (auto w = ControlWorkFromJson(item); w.ok()) cw.works.push_back(*w);
                   }
                   works_ = std::move(cw);
                 });
  requests_.Call("GET", route::kRules, {}, [this, fail](const HttpResponse& r) {
    if (r.status != 200) return fail(r);
    auto json = protocol::ParseJson(r.body);
    auto rules = json.ok() ? SchoolRulesFromJson(*json) : Result<SchoolRules>(json.status());
    if (rules.ok()) rules_ = std::move(rules).value();
    else load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
  });
  requests_.Call("GET", route::kTimetable, {}, [this, fail](const HttpResponse& r) {
    if (r.status != 200) return fail(r);
    auto json = protocol::ParseJson(r.body);
    auto t = json.ok() ? TimetableFromJson(*json) : Result<Timetable>(json.status());
    if (t.ok()) timetable_ = std::move(t).value();
    else load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
  });
}

void ControlCalendarPage::Push(std::string_view kind, protocol::Json payload, std::string notice) {
  if (form_.busy) return;
  form_.error.clear();
  form_.field.clear();
  form_.notice.clear();
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
  requests_.Call("POST", route::kOps, ToJson(PushRequest{{op}}).dump(), [this, notice](const HttpResponse& r) {
    form_.busy = false;
    if (r.status != 200) {
      form_.error = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto response = json.ok() ? PushResponseFromJson(*json) : Result<PushResponse>(json.status());
    if (!response.ok() || response->results.empty()) {
      form_.error = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    waiting_.reset();
    const OpResult& result = response->results.front();
    if (result.outcome == OpOutcome::kApplied) {
      form_.notice = notice;
      form_.work_id = result.created_id;
      form_.title.clear();
      form_.number.clear();
      works_.reset();
      Load();
    } else {
      form_.error = result.error.message();
      form_.field = result.error.field();
    }
  });
}

void ControlCalendarPage::Draw(const Structure& s, const AcademicYear* year, Date today) {
  CalendarForm& f = form_;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  PageHeader("Контрольные работы", "График контрольных работ (ВСОКО) по классам; нормы нагрузки проверяются сразу.");
  if (!year) {
    ui::MutedText("В школе ещё нет учебного года.");
    return;
  }
  if (!load_error_.empty()) {
    ui::ErrorText(load_error_, width);
    return;
  }
  if (!works_ || !rules_ || !timetable_) {
    ui::MutedText("Загрузка…");
    return;
  }
  const ControlWorks& cw = *works_;
  std::vector<const SchoolClass*> classes = s.ClassesOf(year->id);
  if (classes.empty()) {
    ui::MutedText("В учебном году ещё нет классов.");
    return;
  }
  if (f.class_id == 0) f.class_id = classes.front()->id;
  if (!f.month) f.month = FirstOfMonth(std::clamp(today, year->range.first, year->range.last));
  const Date first = *f.month;
  const int month = MonthOf(first);
  Date last = first;
  while (MonthOf(last.AddDays(1)) == month) last = last.AddDays(1);

  // The class and the month.
  {
    const float left = ImGui::GetCursorPosX();
    std::vector<ui::Choice<int64_t>> choices;
    for (const SchoolClass* c : classes) choices.push_back({c->id, c->Name(), ""});
    ui::ComboOptions o;
    o.width = 160;
    ImGui::BeginGroup();  // a caption and its field: the field stays under its caption
    if (ui::ChoiceCombo("Класс###cal-class", choices, &f.class_id, o)) f.work_id = 0;
    ImGui::EndGroup();
    const float after = ImGui::GetCursorPosY();
    // The field is the group's lower part (37 px): the buttons beside it, centred.
    const float field_y = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY() - 37;
    if (!narrow) ImGui::SetCursorPos(ImVec2(left + 160 + 24, field_y + 2));
    ui::ButtonOptions nav;
    nav.kind = ui::ButtonKind::kSecondary;
    nav.compact = true;
    nav.enabled = FirstOfMonth(first.AddDays(-1)) >= FirstOfMonth(year->range.first);
    if (ui::Button("← Предыдущий месяц###cal-prev", nav)) f.month = FirstOfMonth(first.AddDays(-1));
    ImGui::SameLine(0, 12);
    ui::StrongText(std::string(kMonths[month]) + " " + first.Iso().substr(0, 4));
    ImGui::SameLine(0, 12);
    nav.enabled = last.AddDays(1) <= year->range.last;
    if (ui::Button("Следующий месяц →###cal-next", nav)) f.month = last.AddDays(1);
    ImGui::SetCursorPos(ImVec2(left, std::max(after, ImGui::GetCursorPosY())));
    ui::Space(8);
    ImGui::SetCursorPosX(x);
  }

  // The class's violations (the year), and the works they concern.
  std::vector<ControlWorkViolation> violations =
      FindAllControlWorkViolations(s, cw, rules_->control_load, *timetable_, year->id);
  std::erase_if(violations, [&](const ControlWorkViolation& v) { return v.class_id != f.class_id; });
  std::set<int64_t> in_violation;
  for (const auto& v : violations) in_violation.insert(v.work_ids.begin(), v.work_ids.end());
  std::vector<const ControlWork*> month_works;
  for (const ControlWork& w : cw.works) {
    if (w.year_id == year->id && InClass(s, w.group_id, f.class_id) && first <= w.date && w.date <= last) {
      month_works.push_back(&w);
    }
  }
  std::sort(month_works.begin(), month_works.end(), [](const ControlWork* a, const ControlWork* b) {
    return std::tie(a->date, a->lesson_number, a->id) < std::tie(b->date, b->lesson_number, b->id);
  });

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  const bool side_by_side = width >= 1000;
  const float cal_w = side_by_side ? width - kFormWidth - kGap : width;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ui::BeginPanel(top, cal_w, style);
  {
    const char* days[] = {"Пн", "Вт", "Ср", "Чт", "Пт", "Сб"};
    std::vector<ui::TableColumn> columns;
    for (const char* d : days) columns.push_back({d, 0});
    ui::BeginTable("calendar", columns, nullptr, true);
    for (Date monday = first.AddDays(1 - first.Weekday()); monday <= last; monday = monday.AddDays(7)) {
      if (monday.AddDays(5) < first) continue;  // a week whose Monday–Saturday are all in the month before
      std::vector<ui::TableCell> cells;
      for (int i = 0; i < 6; ++i) {
        const Date d = monday.AddDays(i);
        if (d < first || d > last) {
          cells.push_back({""});
          continue;
        }
        std::string detail;
        bool broken = false;
        for (const ControlWork* w : month_works) {
          if (w->date != d) continue;
          if (!detail.empty()) detail += ", ";
          detail += SubjectOf(s, w->group_id);
          broken = broken || in_violation.count(w->id) > 0;
        }
        ui::TableCell cell{d.Russian().substr(0, 2), ui::Tone::kMuted, detail, broken ? ui::Tone::kError : ui::Tone::kNormal};
        if (!detail.empty()) cell.tone = ui::Tone::kStrong;
        cells.push_back(cell);
      }
      ui::TableRow("Неделя с " + monday.Russian().substr(0, 5) + "###week" + monday.Iso(), cells);
    }
    ui::EndTable();
  }
  ui::Space(8);
  ui::StrongText("Работы месяца");
  if (month_works.empty()) {
    ui::MutedText("В этом месяце у класса контрольных работ нет.");
  } else {
    ui::BeginTable("month-works", {{"Дата", 120}, {"Предмет", 0}, {"Форма", 0}, {"Урок", 70, true}});
    for (const ControlWork* w : month_works) {
      ui::Tone tone = in_violation.count(w->id) ? ui::Tone::kError : w->id == f.work_id ? ui::Tone::kStrong : ui::Tone::kNormal;
      if (ui::TableRow(w->date.Russian() + " — " + GroupLabel(s, w->group_id) + "###work" + std::to_string(w->id),
                       {{w->date.Russian(), tone},
                        {GroupLabel(s, w->group_id), ui::Tone::kNormal, w->title},
                        {w->form},
                        {w->lesson_number > 0 ? std::to_string(w->lesson_number) + "-й" : "—"}},
                       true)) {
        f.work_id = w->id;
        f.notice.clear();
        f.error.clear();
      }
    }
    ui::EndTable();
  }
  ui::Space(8);
  if (violations.empty()) {
    ui::ColoredText("Нормы нагрузки соблюдены.", theme::kSuccessText);
  } else {
    ui::StrongText("Нарушения норм: " + std::to_string(violations.size()));
    for (const auto& v : violations) ui::ErrorText(v.message);
  }
  const float cal_h = ui::EndPanel();

  auto draw_form = [&]() {
    if (const ControlWork* chosen = f.work_id ? cw.Find(f.work_id) : nullptr) {
      ui::StrongText(GroupLabel(s, chosen->group_id) + ", " + chosen->date.Russian());
      ui::MutedText(chosen->form + (chosen->title.empty() ? "" : " · " + chosen->title));
      ui::ButtonOptions remove;
      remove.kind = ui::ButtonKind::kSecondary;
      remove.enabled = !f.busy;
      if (ui::Button("Удалить работу###cal-remove", remove)) {
        Push(op_kind::kControlWorkRemove, ControlWorkRemovePayload(chosen->id), "Контрольная работа удалена.");
      }
      ui::Space(12);
    }
    ui::StrongText("Новая контрольная работа");
    auto error_at = [&](const char* field) { return f.field == field ? f.error : std::string(); };
    std::vector<int64_t> group_ids;
    std::vector<ui::ComboItem> group_items{{"— выберите —", ""}};
    int group_index = 0;
    for (const Group& g : s.groups) {
      if (g.year_id != year->id || !InClass(s, g.id, f.class_id)) continue;
      group_ids.push_back(g.id);
      group_items.push_back({GroupLabel(s, g.id), ""});
      if (g.id == f.group_id) group_index = static_cast<int>(group_ids.size());
    }
    ui::ComboOptions go;
    go.error = error_at("group_id");
    if (ui::Combo("Группа###cal-group", group_items, &group_index, go)) {
      f.group_id = group_index == 0 ? 0 : group_ids[static_cast<size_t>(group_index - 1)];
    }
    ui::InputOptions dto;
    dto.width = 180;
    dto.hint = "ДД.ММ.ГГГГ";
    dto.error = error_at("date");
    ui::InputText("Дата###cal-date", &f.date, dto);
    ui::InputOptions no;
    no.width = 180;
    no.hint = "необязательно";
    no.error = error_at("lesson_number");
    ui::InputText("Номер урока###cal-number", &f.number, no);
    std::vector<ui::ComboItem> forms;
    for (std::string_view form : ControlWorkForms()) forms.push_back({std::string(form), ""});
    ui::Combo("Форма###cal-form", forms, &f.form);
    ui::InputOptions ti;
    ti.hint = "например, «Натуральные числа»";
    ti.error = error_at("title");
    ui::InputText("Тема###cal-title", &f.title, ti);
    ui::Space(4);
    ui::ButtonOptions add;
    add.enabled = !f.busy && f.group_id != 0;
    if (ui::Button(f.busy ? "Сохранение…###cal-add" : "Добавить работу###cal-add", add)) {
      auto d = Date::ParseRussian(f.date);
      int number = 0;
      const bool number_ok = f.number.empty() ||
                             std::from_chars(f.number.data(), f.number.data() + f.number.size(), number).ec == std::errc();
      if (!d) {
        f.field = "date";
        f.error = "Введите дату в виде ДД.ММ.ГГГГ.";
      } else if (!number_ok) {
        f.field = "lesson_number";
        f.error = "Номер урока — число или пусто.";
      } else {
        ControlWork w{0, year->id, f.group_id, *d, number, std::string(ControlWorkForms()[static_cast<size_t>(f.form)]), f.title};
        Push(op_kind::kControlWorkSet, ControlWorkSetPayload(w),
             "Контрольная работа добавлена: " + SubjectOf(s, f.group_id) + ", " + d->Russian() + ".");
        f.month = FirstOfMonth(*d);
      }
    }
    if (!f.error.empty() && f.field != "group_id" && f.field != "date" && f.field != "lesson_number" && f.field != "title") {
      ui::ErrorText(f.error);
    }
    if (!f.notice.empty()) ui::Notice(f.notice);
  };
  ui::PanelBesideOrBelow({side_by_side, top, cal_w, cal_h, kFormWidth, width, x, kGap}, style, draw_form);
}

}  // namespace ej::web
