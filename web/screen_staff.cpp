// «Сотрудники»: the school's staff (everyone who is not only a student or a parent) with their
// roles, a search by name, and «Добавить сотрудников из таблицы»: rows pasted from a
// spreadsheet, «Проверить» shows each row's verdict from the core (ej::ParseStaffRows),
// «Добавить N сотрудников» sends the good ones; what was not added stays in the box.
#include <algorithm>
#include <cmath>

#include "screen_year_staff.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr float kGap = 24;

void DrawTable(const ConsoleContext& context, StaffForm& form) {
  const Structure& s = *context.structure;
  std::vector<const Person*> staff;
  for (const auto& [id, p] : s.persons) {
    if (IsStaff(p)) staff.push_back(&p);
  }
  std::vector<std::pair<std::string, const Person*>> named;
  for (const Person* p : staff) named.push_back({FullName(p->name), p});
  std::sort(named.begin(), named.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return RussianLess(a.first, b.first);
    return a.second->id < b.second->id;
  });

  ui::StrongText("Сотрудники: " + std::to_string(named.size()));
  ui::InputOptions search;
  search.width = std::min(360.0f, ui::AvailableWidth());
  search.hint = "фамилия или имя";
  ui::InputText("Поиск###staff-search", &form.search, search);
  ui::Space(4);

  std::string query = form.search;
  query.erase(0, query.find_first_not_of(' '));
  query.erase(query.find_last_not_of(' ') + 1);
  SortRows(named, form.sort, [](const auto& a, const auto& b, int column) {
    if (column == 1) return RussianLess(RoleTitles(a.second->roles), RoleTitles(b.second->roles));
    return column == 0 && RussianLess(a.first, b.first);
  });
  ui::BeginTable("staff", {{"ФИО", 0, false, true}, {"Роли", 0, false, true}}, &form.sort);
  int shown = 0;
  for (const auto& [name, p] : named) {
    if (!ContainsFolded(name, query)) continue;
    ++shown;
    ui::TableRow(name + "###person" + std::to_string(p->id),
                 {{name, ui::Tone::kNormal}, {RoleTitles(p->roles), ui::Tone::kMuted}});
  }
  if (shown == 0) ui::TableMessage(named.empty() ? "Сотрудников ещё нет." : "Ничего не найдено.");
  ui::EndTable();
  if (!query.empty() && shown > 0) {
    ui::MutedText("Показано " + std::to_string(shown) + " из " + std::to_string(named.size()) + ".");
  }
}

int AddableRows(const StaffForm& form) {
  if (form.reported || form.checked_text != form.text) return 0;
  return static_cast<int>(
      std::count_if(form.rows.begin(), form.rows.end(), [](const StaffImportRow& r) { return r.ok; }));
}

void DrawImport(const ConsoleContext& context, StaffForm& form, StaffAction& action) {
  ui::StrongText("Добавить сотрудников из таблицы");
  ui::MutedText(
      "Скопируйте строки из таблицы (Excel, LibreOffice, Google Таблицы) и\u00A0вставьте сюда. Столбцы по "
      "порядку: Фамилия, Имя, Отчество, Роли. Роли — словами через запятую: учитель, завуч, директор, "
      "психолог, библиотекарь, сотрудник.");
  ui::Space(2);
  ui::InputOptions box;
  box.height = 168;
  box.enabled = !form.busy && !context.busy;
  ui::InputText("Строки из таблицы###staff-text", &form.text, box);
  ui::Space(4);

  const int addable = AddableRows(form);
  ui::ButtonOptions check;
  check.kind = addable > 0 ? ui::ButtonKind::kSecondary : ui::ButtonKind::kPrimary;
  check.enabled = !form.busy && !form.text.empty();
  if (ui::Button("Проверить###staff-check", check)) action.check = true;
  if (addable > 0) {
    ImGui::SameLine(0, 12);
    ui::ButtonOptions add;
    add.enabled = !form.busy && !context.busy;
    const std::string label =
        form.busy ? std::string("Добавление…")
                  : "Добавить " + std::to_string(addable) + " " +
                        std::string(Plural(addable, "сотрудника", "сотрудника", "сотрудников"));
    if (ui::Button(label + "###staff-add", add)) action.add = true;
  }
  if (!form.error.empty()) {
    ui::Space(2);
    ui::ErrorText(form.error);
  }
  if (!form.notice.empty()) {
    ui::Space(2);
    ui::Notice(form.notice);
  }
  if (form.rows.empty()) {
    if (!form.reported && form.error.empty() && !form.checked_text.empty() && form.checked_text == form.text) {
      ui::MutedText("В тексте нет строк с сотрудниками.");
    }
    return;
  }

  ui::Space(6);
  const int total = static_cast<int>(form.rows.size());
  if (form.reported) {
    ui::StrongText("Результат добавления");
  } else {
    const int ok = static_cast<int>(
        std::count_if(form.rows.begin(), form.rows.end(), [](const StaffImportRow& r) { return r.ok; }));
    ui::StrongText("Проверка: можно добавить " + std::to_string(ok) + " из " + std::to_string(total) + " " +
                   std::string(Plural(total, "строки", "строк", "строк")));
    if (form.checked_text != form.text) ui::MutedText("Текст изменён после проверки: нажмите «Проверить» ещё раз.");
  }
  const bool narrow = ui::AvailableWidth() < 480;
  const float rest = ui::AvailableWidth() - (narrow ? 64 : 88);
  ui::BeginTable("staff-rows", {{"Строка", narrow ? 64.0f : 88.0f, false},
                                {"Данные", std::floor(rest * 0.55f), false},
                                {"Результат", 0, false}});
  for (const StaffImportRow& row : form.rows) {
    ui::TableCell result;
    auto outcome = form.outcomes.find(row.line);
    if (form.reported && outcome != form.outcomes.end()) {
      result = outcome->second.added ? ui::TableCell{"✓ добавлен", ui::Tone::kSuccess}
                                     : ui::TableCell{outcome->second.message, ui::Tone::kError};
    } else if (row.ok) {
      result = form.reported ? ui::TableCell{"не отправлен", ui::Tone::kMuted}
                             : ui::TableCell{"✓ будет добавлен: " + RoleTitles(row.roles), ui::Tone::kSuccess};
    } else {
      result = {row.error, ui::Tone::kError};
    }
    const std::string line = std::to_string(row.line);
    ui::TableRow(line + "###staff-line" + line, {{line, ui::Tone::kMuted}, {row.text, ui::Tone::kNormal}, result});
  }
  ui::EndTable();
}

}  // namespace

bool IsStaff(const Person& p) {
  // As ej::ParseStaffRows counts someone already on the staff.
  return !p.Has(Role::kStudent) && !(p.roles.size() == 1 && p.Has(Role::kParent));
}

StaffAction DrawStaffScreen(const ConsoleContext& context, StaffForm& form) {
  StaffAction action;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  PageHeader("Сотрудники", "Учителя, администрация и другие работники школы");
  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  DrawTable(context, form);
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
  ImGui::SetCursorPosX(x);
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  DrawImport(context, form, action);
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  return action;
}

}  // namespace ej::web
