// A class's card: its name and class teacher (who can be changed here), its students (№,
// ФИО with the parents and their link, дата рождения; a row opens the student's card) and «Добавить учеников из таблицы»: rows pasted from a spreadsheet,
// «Проверить» shows each row's verdict from the core, «Добавить N учеников» sends the good
// ones; what was not added stays in the box.
#include <algorithm>
#include <cmath>

#include "screen_plan.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr float kGap = 24;

void DrawTeacher(const ConsoleContext& context, const SchoolClass& c, ClassCardForm& form,
                 ClassCardAction& action) {
  std::vector<int64_t> ids;
  std::vector<ui::ComboItem> items = TeacherItems(*context.structure, c.year_id, &ids);
  const int64_t chosen = form.teacher_id >= 0 ? form.teacher_id : c.teacher_id;
  int index = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == chosen) index = static_cast<int>(i);
  }
  ui::ComboOptions options;
  options.width = std::min(440.0f, ui::AvailableWidth());
  options.enabled = !form.teacher_busy;
  options.error = form.teacher_error;
  if (ui::Combo("Классный руководитель###card-teacher", items, &index, options)) {
    form.teacher_id = ids[index];
    form.teacher_error.clear();
  }
  if (form.teacher_id >= 0 && form.teacher_id != c.teacher_id) {
    ui::ButtonOptions set;
    set.enabled = !form.teacher_busy;
    if (ui::Button(form.teacher_busy ? "Назначение…###set-teacher" : "Назначить###set-teacher", set)) {
      action.set_teacher = true;
    }
    ImGui::SameLine(0, 8);
    ui::ButtonOptions cancel;
    cancel.kind = ui::ButtonKind::kLink;
    cancel.enabled = !form.teacher_busy;
    if (ui::Button("Отменить###cancel-teacher", cancel)) {
      form.teacher_id = -1;
      form.teacher_error.clear();
    }
  }
}

void DrawStudents(const ConsoleContext& context, const SchoolClass& c, ClassCardAction& action) {
  const Structure& s = *context.structure;
  const std::vector<int64_t> students = s.StudentsOf(c.id, context.day);
  ui::StrongText("Ученики: " + std::to_string(students.size()));
  if (students.empty()) {
    ui::MutedText("В классе пока нет учеников. Добавьте их из таблицы ниже.");
    return;
  }
  ui::MutedText("Нажмите на ученика, чтобы перевести его в другой класс, отметить выбытие или задать индивидуальный план.");
  // Under each name: the parents with their link, and whether the student has an ИУП. On a
  // phone the birth date goes there too.
  const bool narrow = ui::AvailableWidth() < 480;
  if (narrow) {
    ui::BeginTable("students", {{"№", 44, true}, {"ФИО и дата рождения", 0, false}});
  } else {
    ui::BeginTable("students", {{"№", 64, true}, {"ФИО", 0, false}, {"Дата рождения", 170, false}});
  }
  int n = 0;
  for (int64_t id : students) {
    const Person* p = s.FindPerson(id);
    if (p == nullptr) continue;
    ++n;
    const std::string birth = p->birth_date ? p->birth_date->Russian() : "—";
    std::string detail = ParentsLine(s, id);
    if (!s.IupOf(id, c.year_id).empty()) detail += detail.empty() ? "индивидуальный учебный план" : " · ИУП";
    std::vector<ui::TableCell> cells{{std::to_string(n), ui::Tone::kMuted}};
    if (narrow) {
      cells.push_back({FullName(p->name), ui::Tone::kNormal, birth + (detail.empty() ? "" : " · " + detail)});
    } else {
      cells.push_back({FullName(p->name), ui::Tone::kNormal, detail});
      cells.push_back({birth, ui::Tone::kNormal});
    }
    if (ui::TableRow(std::to_string(n) + "###student" + std::to_string(id), cells, true)) action.open_student = id;
  }
  ui::EndTable();
}

int AddableRows(const ClassCardForm& form) {
  if (form.reported || form.checked_text != form.text) return 0;
  return static_cast<int>(std::count_if(form.rows.begin(), form.rows.end(), [](const ImportRow& r) { return r.ok; }));
}

void DrawImport(const ConsoleContext& context, ClassCardForm& form, ClassCardAction& action) {
  ui::StrongText("Добавить учеников из таблицы");
  ui::MutedText(
      "Скопируйте строки из таблицы (Excel, LibreOffice, Google Таблицы) и\u00A0вставьте сюда. "
      "Столбцы по порядку: Фамилия, Имя, Отчество, Дата рождения, Пол (м/ж); отчество, дату и\u00A0пол "
      "можно оставить пустыми.");
  ui::Space(2);
  ui::InputOptions box;
  box.height = 168;
  box.enabled = !form.busy && !context.busy;
  ui::InputText("Строки из таблицы", &form.text, box);
  ui::Space(4);

  const int addable = AddableRows(form);
  ui::ButtonOptions check;
  check.kind = addable > 0 ? ui::ButtonKind::kSecondary : ui::ButtonKind::kPrimary;
  check.enabled = !form.busy && !form.text.empty();
  if (ui::Button("Проверить###check", check)) action.check = true;
  if (addable > 0) {
    ImGui::SameLine(0, 12);
    ui::ButtonOptions add;
    add.enabled = !form.busy && !context.busy;
    const std::string label =
        form.busy ? std::string("Добавление…")
                  : "Добавить " + std::to_string(addable) + " " + std::string(Plural(addable, "ученика", "ученика", "учеников"));
    if (ui::Button(label + "###add", add)) action.add = true;
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
      ui::MutedText("В тексте нет строк с учениками.");
    }
    return;
  }

  ui::Space(6);
  const int total = static_cast<int>(form.rows.size());
  if (form.reported) {
    ui::StrongText("Результат добавления");
  } else {
    const int ok = static_cast<int>(std::count_if(form.rows.begin(), form.rows.end(), [](const ImportRow& r) { return r.ok; }));
    ui::StrongText("Проверка: можно добавить " + std::to_string(ok) + " из " + std::to_string(total) + " " +
                   std::string(Plural(total, "строки", "строк", "строк")));
    if (form.checked_text != form.text) {
      ui::MutedText("Текст изменён после проверки: нажмите «Проверить» ещё раз.");
    }
  }
  // On a phone each row's verdict goes under its data.
  const bool narrow = ui::AvailableWidth() < 480;
  if (narrow) {
    ui::BeginTable("rows", {{"Строка", 72, false}, {"Данные и результат", 0, false}});
  } else {
    const float rest = ui::AvailableWidth() - 88;
    ui::BeginTable("rows", {{"Строка", 88, false}, {"Данные", std::floor(rest * 0.55f), false}, {"Результат", 0, false}});
  }
  for (const ImportRow& row : form.rows) {
    ui::TableCell result;
    auto outcome = form.outcomes.find(row.line);
    if (form.reported && outcome != form.outcomes.end()) {
      result = outcome->second.added ? ui::TableCell{"✓ добавлен", ui::Tone::kSuccess}
                                     : ui::TableCell{outcome->second.message, ui::Tone::kError};
    } else if (row.ok) {
      result = form.reported ? ui::TableCell{"не отправлен", ui::Tone::kMuted}
                             : ui::TableCell{"✓ будет добавлен", ui::Tone::kSuccess};
    } else {
      result = {row.error, ui::Tone::kError};
    }
    const std::string line = std::to_string(row.line);
    if (narrow) {
      ui::TableRow(line + "###line" + line,
                   {{line, ui::Tone::kMuted}, {row.text, ui::Tone::kNormal, result.text, result.tone}});
    } else {
      ui::TableRow(line + "###line" + line, {{line, ui::Tone::kMuted}, {row.text, ui::Tone::kNormal}, result});
    }
  }
  ui::EndTable();
}

}  // namespace

ClassCardAction DrawClassCardScreen(const ConsoleContext& context, const SchoolClass& school_class,
                                    ClassCardForm& form) {
  ClassCardAction action;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;

  ui::ButtonOptions back;
  back.kind = ui::ButtonKind::kLink;
  ImGui::SetCursorPosX(x - ImGui::GetStyle().FramePadding.x);
  if (ui::Button("← Все классы###back", back)) action.back = true;
  ImGui::SetCursorPosX(x);
  PageHeader("Класс " + school_class.Name(), context.year ? YearLine(*context.year) : std::string());

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  DrawTeacher(context, school_class, form, action);
  ui::Space(10);
  DrawStudents(context, school_class, action);
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
