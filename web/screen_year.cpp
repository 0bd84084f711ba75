// «Учебный год»: the year shown (a selector when the school has several), its study periods
// and holidays, the forms «Новый период» and «Новые каникулы», «Заполнить по умолчанию» for a
// year without periods, and «Новый учебный год» (the rollover) with a confirmation step.
#include <algorithm>
#include <cmath>

#include "screen_year_staff.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr float kGap = 24;

std::string ErrorOf(const DatesForm& form, const char* field) {
  auto it = form.errors.find(field);
  return it == form.errors.end() ? std::string() : it->second;
}

// A one-line field whose error clears when its text changes.
void Field(const std::string& label, const char* field, std::string* value, DatesForm& form, float width,
           const char* hint) {
  ui::InputOptions options;
  options.width = width;
  options.enabled = !form.busy;
  options.hint = hint;
  options.error = ErrorOf(form, field);
  const std::string before = *value;
  ui::InputText(label, value, options);
  if (*value != before) form.errors.erase(field);
}

// Two widgets side by side, each half of the available width.
template <typename Left, typename Right>
void SideBySide(Left left, Right right) {
  const float half = std::floor((ui::AvailableWidth() - 12) / 2);
  const float left_x = ImGui::GetCursorPosX();
  const float top_y = ImGui::GetCursorPosY();
  ImGui::BeginGroup();
  left(half);
  ImGui::EndGroup();
  const float left_bottom = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(left_x + half + 12, top_y));
  ImGui::BeginGroup();
  right(half);
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(left_x, std::max(left_bottom, ImGui::GetCursorPosY())));
}

// Name, then «С» and «По» side by side; `id` keeps the fields of different forms apart.
void DatesFields(DatesForm& form, const std::string& id, const char* name_hint) {
  Field("Название###" + id + "-name", "name", &form.name, form, -1, name_hint);
  SideBySide([&](float w) { Field("С###" + id + "-first", "first", &form.first, form, w, "ДД.ММ.ГГГГ"); },
             [&](float w) { Field("По###" + id + "-last", "last", &form.last, form, w, "ДД.ММ.ГГГГ"); });
}

void Messages(const std::string& error, const std::string& notice) {
  if (!error.empty()) {
    ui::Space(2);
    ui::ErrorText(error);
  }
  if (!notice.empty()) {
    ui::Space(2);
    ui::Notice(notice);
  }
}

std::string Grades(const StudyPeriod& p) {
  return p.grade_from == p.grade_to ? std::to_string(p.grade_from)
                                    : std::to_string(p.grade_from) + "–" + std::to_string(p.grade_to);
}

void DrawTables(const ConsoleContext& context, YearForm& form, YearAction& action) {
  const Structure& s = *context.structure;
  const int64_t year_id = context.year->id;
  std::vector<const StudyPeriod*> periods;
  for (const StudyPeriod& p : s.periods) {
    if (p.year_id == year_id) periods.push_back(&p);
  }
  std::sort(periods.begin(), periods.end(), [](const StudyPeriod* a, const StudyPeriod* b) {
    if (a->grade_from != b->grade_from) return a->grade_from < b->grade_from;
    return a->range.first < b->range.first;
  });
  std::vector<const Holiday*> holidays;
  for (const Holiday& h : s.holidays) {
    if (h.year_id == year_id) holidays.push_back(&h);
  }
  std::sort(holidays.begin(), holidays.end(),
            [](const Holiday* a, const Holiday* b) { return a->range.first < b->range.first; });

  const bool narrow = ui::AvailableWidth() < 480;
  const float date_w = narrow ? 100.0f : 130.0f;
  ui::StrongText("Учебные периоды: " + std::to_string(periods.size()));
  if (periods.empty()) {
    ui::MutedText("Периодов ещё нет. Можно заполнить год по умолчанию: четверти для 1–9 классов, полугодия "
                  "для 10–11 и\u00A0обычные каникулы; даты потом можно изменить.");
    ui::Space(2);
    ui::ButtonOptions fill;
    fill.enabled = !context.busy;
    if (ui::Button("Заполнить по умолчанию###fill-default", fill)) action.fill_default = true;
  } else {
    ui::BeginTable("periods", {{"Название", 0, false},
                               {"С", date_w, false},
                               {"По", date_w, false},
                               {"Классы", narrow ? 72.0f : 96.0f, false}});
    for (const StudyPeriod* p : periods) {
      ui::TableRow(p->name + "###period" + std::to_string(p->id),
                   {{p->name, ui::Tone::kNormal},
                    {p->range.first.Russian(), ui::Tone::kNormal},
                    {p->range.last.Russian(), ui::Tone::kNormal},
                    {Grades(*p), ui::Tone::kNormal}});
    }
    ui::EndTable();
  }
  Messages(form.fill_error, form.fill_notice);

  ui::Space(12);
  ui::StrongText("Каникулы: " + std::to_string(holidays.size()));
  if (holidays.empty()) {
    ui::MutedText("Каникул ещё нет.");
  } else {
    ui::BeginTable("holidays", {{"Название", 0, false}, {"С", date_w, false}, {"По", date_w, false}});
    for (const Holiday* h : holidays) {
      ui::TableRow(h->name + "###holiday" + std::to_string(h->id),
                   {{h->name, ui::Tone::kNormal},
                    {h->range.first.Russian(), ui::Tone::kNormal},
                    {h->range.last.Russian(), ui::Tone::kNormal}});
    }
    ui::EndTable();
  }
}

void DrawPeriodForm(DatesForm& form, YearAction& action) {
  ui::StrongText("Новый период");
  ui::Space(2);
  DatesFields(form, "period", "например, 1 четверть");
  std::vector<ui::ComboItem> grades;
  for (int g = 1; g <= 11; ++g) grades.push_back({std::to_string(g), ""});
  SideBySide(
      [&](float w) {
        ui::ComboOptions o;
        o.width = w;
        o.enabled = !form.busy;
        o.error = ErrorOf(form, "grade_from");
        int index = std::clamp(form.grade_from, 1, 11) - 1;
        if (ui::Combo("Классы с###period-grade-from", grades, &index, o)) {
          form.grade_from = index + 1;
          form.errors.erase("grade_from");
        }
      },
      [&](float w) {
        ui::ComboOptions o;
        o.width = w;
        o.enabled = !form.busy;
        int index = std::clamp(form.grade_to, 1, 11) - 1;
        if (ui::Combo("по###period-grade-to", grades, &index, o)) {
          form.grade_to = index + 1;
          form.errors.erase("grade_from");
        }
      });
  ui::Space(6);
  ui::ButtonOptions add;
  add.width = -1;
  add.enabled = !form.busy;
  if (ui::Button(form.busy ? "Добавление…###add-period" : "Добавить период###add-period", add)) {
    action.create_period = true;
  }
  Messages(form.error, form.notice);
}

void DrawHolidayForm(DatesForm& form, YearAction& action) {
  ui::StrongText("Новые каникулы");
  ui::Space(2);
  DatesFields(form, "holiday", "например, Осенние каникулы");
  ui::Space(6);
  ui::ButtonOptions add;
  add.width = -1;
  add.enabled = !form.busy;
  if (ui::Button(form.busy ? "Добавление…###add-holiday" : "Добавить каникулы###add-holiday", add)) {
    action.create_holiday = true;
  }
  Messages(form.error, form.notice);
}

void DrawRollover(const ConsoleContext& context, YearForm& form, YearAction& action) {
  DatesForm& f = form.next_year;
  ui::StrongText("Новый учебный год");
  ui::MutedText("Классы перейдут в следующую параллель вместе с классными руководителями и учениками (5А станет "
                "6А), 11-е классы выпустятся, учебный план скопируется, периоды и каникулы заполнятся по "
                "умолчанию. Учебный год " + context.year->name + " не изменится.");
  ui::Space(2);
  DatesFields(f, "next", "например, 2027/2028");
  ui::Space(6);
  if (!form.confirming) {
    ui::ButtonOptions go;
    go.kind = ui::ButtonKind::kSecondary;
    go.enabled = !f.busy && !f.name.empty() && !f.first.empty() && !f.last.empty();
    if (ui::Button("Перейти на новый учебный год###rollover", go)) {
      form.confirming = true;
      f.error.clear();
      f.notice.clear();
    }
  } else {
    ui::Text("Перейти на учебный год «" + f.name + "» (" + f.first + "\u00A0— " + f.last + ")? Отменить это будет нельзя.");
    ui::ButtonOptions confirm;
    confirm.enabled = !f.busy;
    if (ui::Button(f.busy ? "Переход…###confirm-rollover" : "Подтвердить переход###confirm-rollover", confirm)) {
      action.rollover = true;
    }
    ImGui::SameLine(0, 8);
    ui::ButtonOptions cancel;
    cancel.kind = ui::ButtonKind::kLink;
    cancel.enabled = !f.busy;
    if (ui::Button("Отменить###cancel-rollover", cancel)) form.confirming = false;
  }
  Messages(f.error, f.notice);
}

}  // namespace

YearAction DrawYearScreen(const ConsoleContext& context, YearForm& form) {
  YearAction action;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  const Structure& s = *context.structure;
  PageHeader("Учебный год", context.year ? YearLine(*context.year) : std::string());

  if (s.years.size() > 1 && context.year) {
    // The year the console shows: newest first.
    std::vector<const AcademicYear*> years;
    for (const AcademicYear& y : s.years) years.push_back(&y);
    std::sort(years.begin(), years.end(),
              [](const AcademicYear* a, const AcademicYear* b) { return b->range.first < a->range.first; });
    std::vector<ui::ComboItem> items;
    int index = 0;
    for (size_t i = 0; i < years.size(); ++i) {
      items.push_back({years[i]->name, ""});
      if (years[i]->id == context.year->id) index = static_cast<int>(i);
    }
    ui::ComboOptions o;
    o.width = std::min(320.0f, width);
    if (ui::Combo("Показывать учебный год###show-year", items, &index, o)) action.show_year = years[index]->id;
    ImGui::SetCursorPosX(x);
    ui::Space(4);
    ImGui::SetCursorPosX(x);
  }

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  auto gap = [&] {
    ImGui::SetCursorPosX(x);
    ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
    ImGui::SetCursorPosX(x);
  };
  if (!context.year) {
    ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
    ui::MutedText("В школе ещё нет учебного года.");
    ui::EndPanel();
    ImGui::SetCursorPosX(x);
    return action;
  }

  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  DrawTables(context, form, action);
  ui::EndPanel();
  gap();

  // The two forms side by side on a wide page.
  if (width >= 760) {
    const float half = std::floor((width - kGap) / 2);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ui::BeginPanel(top, half, style);
    DrawPeriodForm(form.period, action);
    const float left_h = ui::EndPanel();
    ui::BeginPanel(ImVec2(top.x + half + kGap, top.y), width - half - kGap, style);
    DrawHolidayForm(form.holiday, action);
    const float right_h = ui::EndPanel();
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + std::max(left_h, right_h)));
    ImGui::Dummy(ImVec2(0, 0));
  } else {
    ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
    DrawPeriodForm(form.period, action);
    ui::EndPanel();
    gap();
    ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
    DrawHolidayForm(form.holiday, action);
    ui::EndPanel();
  }
  gap();
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  DrawRollover(context, form, action);
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  return action;
}

}  // namespace ej::web
