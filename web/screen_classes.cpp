// «Классы»: the year's classes as a table (Класс, Классный руководитель, Учеников) with a
// search box and a grade filter, a click on a row opens the class's card; beside it (below it
// on a narrow screen) the form «Новый класс».
#include <algorithm>
#include <cmath>

#include "screens.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr float kFormWidth = 360;
constexpr float kGap = 24;

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::string TeacherName(const Structure& s, const SchoolClass& c) {
  const Person* t = c.teacher_id ? s.FindPerson(c.teacher_id) : nullptr;
  return t ? FullName(t->name) : std::string();
}

void DrawTable(const ConsoleContext& context, ClassesForm& form, float width, ClassesAction& action) {
  const Structure& s = *context.structure;
  auto classes = s.ClassesOf(context.year->id);
  const bool narrow = width < 520;
  auto size_of = [&](const SchoolClass* c) {
    if (context.class_sizes) {
      auto it = context.class_sizes->find(c->id);
      if (it != context.class_sizes->end()) return it->second;
    }
    return static_cast<int>(s.StudentsOf(c->id, context.day).size());
  };

  // The search box and the grade filter on one line (two lines when narrow).
  ui::InputOptions search;
  search.caption = false;
  search.hint = "Поиск: класс или учитель";
  search.width = narrow ? ui::AvailableWidth() : std::min(360.0f, ui::AvailableWidth() - 220);
  ui::InputText("Поиск", &form.search, search);
  if (!narrow) ImGui::SameLine(0, 12);
  std::vector<ui::ComboItem> grades{{"Все параллели", ""}};
  for (int g = 1; g <= 11; ++g) grades.push_back({std::to_string(g) + "-е классы", ""});
  ui::ComboOptions grade;
  grade.caption = false;
  grade.width = narrow ? -1 : 200;
  ui::Combo("Фильтр по параллели", grades, &form.grade_filter, grade);
  ui::Space(4);

  const std::string query = Trim(form.search);
  int shown = 0;
  // A phone has no room for three columns: the class teacher goes under the class's name.
  // Sorted by a column's title: the class (grade, then letter), the class teacher (classes
  // without one last), the number of students. On a phone the teacher goes with the class.
  std::vector<ui::TableColumn> columns;
  if (narrow) {
    columns = {{"Класс и классный руководитель", 0, false, true}, {"Учеников", 92, true, true}};
  } else {
    columns = {{"Класс", 110, false, true}, {"Классный руководитель", 0, false, true}, {"Учеников", 120, true, true}};
  }
  const int count_column = narrow ? 1 : 2;
  SortRows(classes, form.sort, [&](const SchoolClass* a, const SchoolClass* b, int column) {
    if (column == count_column) return size_of(a) < size_of(b);
    if (column == 1 && !narrow) {
      const std::string ta = TeacherName(s, *a), tb = TeacherName(s, *b);
      if (ta.empty() != tb.empty()) return tb.empty();
      return RussianLess(ta, tb);
    }
    return false;  // by class: ClassesOf's own order
  });
  if (form.sort.column == 0 && form.sort.descending) std::reverse(classes.begin(), classes.end());
  ui::BeginTable("classes", columns, &form.sort);
  for (const SchoolClass* c : classes) {
    if (form.grade_filter > 0 && c->grade != form.grade_filter) continue;
    const std::string teacher = TeacherName(s, *c);
    if (!query.empty() && !ContainsFolded(c->Name(), query) && !ContainsFolded(teacher, query)) continue;
    ++shown;
    const Person* t = c->teacher_id ? s.FindPerson(c->teacher_id) : nullptr;
    const std::string count = std::to_string(size_of(c));
    std::vector<ui::TableCell> cells;
    if (narrow) {
      cells = {{c->Name(), ui::Tone::kStrong, t ? ShortName(t->name) : "классный руководитель не назначен"},
               {count, ui::Tone::kNormal, ""}};
    } else {
      cells = {{c->Name(), ui::Tone::kStrong, ""},
               t ? ui::TableCell{ShortName(t->name), ui::Tone::kNormal, ""}
                 : ui::TableCell{"не назначен", ui::Tone::kMuted, ""},
               {count, ui::Tone::kNormal, ""}};
    }
    if (ui::TableRow(c->Name() + "###class" + std::to_string(c->id), cells, true)) action.open_class = c->id;
  }
  if (classes.empty()) {
    ui::TableMessage("В этом учебном году ещё нет классов. Создайте первый в форме «Новый класс».");
  } else if (shown == 0) {
    ui::TableMessage("Ничего не найдено. Измените запрос или параллель.");
  }
  ui::EndTable();
  if (shown > 0 && shown < static_cast<int>(classes.size())) {
    ui::Space(2);
    ui::MutedText("Показано " + std::to_string(shown) + " из " + std::to_string(classes.size()) + ".");
  }
}

void DrawForm(const ConsoleContext& context, ClassesForm& form, ClassesAction& action) {
  const Structure& s = *context.structure;
  ui::StrongText("Новый класс");
  ui::Space(2);
  auto error_of = [&](const char* field) {
    auto it = form.errors.find(field);
    return it == form.errors.end() ? std::string() : it->second;
  };
  const bool enabled = !form.busy;

  // Параллель and литера side by side.
  const float half = std::floor((ui::AvailableWidth() - 12) / 2);
  const float left_x = ImGui::GetCursorPosX();
  const float top_y = ImGui::GetCursorPosY();
  std::vector<ui::ComboItem> grades{{"—", ""}};
  for (int g = 1; g <= 11; ++g) grades.push_back({std::to_string(g), ""});
  ui::ComboOptions grade;
  grade.width = half;
  grade.enabled = enabled;
  grade.error = error_of("grade");
  if (ui::Combo("Параллель###new-grade", grades, &form.grade, grade)) form.errors.erase("grade");
  const float left_bottom = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(left_x + half + 12, top_y));
  ImGui::BeginGroup();
  ui::InputOptions letter;
  letter.width = half;
  letter.enabled = enabled;
  letter.hint = "например, А";
  letter.error = error_of("letter");
  const std::string before = form.letter;
  ui::InputText("Литера", &form.letter, letter);
  if (form.letter != before) form.errors.erase("letter");
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(left_x, std::max(left_bottom, ImGui::GetCursorPosY())));

  std::vector<int64_t> ids;
  std::vector<ui::ComboItem> teachers = TeacherItems(s, context.year->id, &ids);
  int index = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == form.teacher_id) index = static_cast<int>(i);
  }
  ui::ComboOptions teacher;
  teacher.enabled = enabled;
  teacher.error = error_of("teacher_id");
  if (ui::Combo("Классный руководитель###new-teacher", teachers, &index, teacher)) {
    form.teacher_id = ids[index];
    form.errors.erase("teacher_id");
  }
  ui::Space(6);
  ui::ButtonOptions create;
  create.width = -1;
  create.enabled = enabled;
  if (ui::Button(form.busy ? "Создание…###create" : "Создать класс###create", create)) action.create = true;
  if (!form.error.empty()) {
    ui::Space(2);
    ui::ErrorText(form.error);
  }
  if (!form.notice.empty()) {
    ui::Space(2);
    ui::Notice(form.notice);
    const SchoolClass* created = form.created_class_id ? s.FindClass(form.created_class_id) : nullptr;
    if (created != nullptr) {
      ui::ButtonOptions open;
      open.kind = ui::ButtonKind::kLink;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetStyle().FramePadding.x);
      if (ui::Button("Открыть карточку класса " + created->Name() + " →###open-created", open)) {
        action.open_class = created->id;
      }
    }
  }
}

}  // namespace

ClassesAction DrawClassesScreen(const ConsoleContext& context, ClassesForm& form) {
  ClassesAction action;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  const Structure& s = *context.structure;
  const auto count = s.ClassesOf(context.year->id).size();
  PageHeader("Классы", YearLine(*context.year) + " · " + std::to_string(count) + " " +
                           std::string(Plural(static_cast<int64_t>(count), "класс", "класса", "классов")));

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  const bool side_by_side = width >= 880;
  const float table_w = side_by_side ? width - kFormWidth - kGap : width;
  const ImVec2 top = ImGui::GetCursorScreenPos();

  ui::BeginPanel(top, table_w, style);
  DrawTable(context, form, table_w - 2 * style.padding, action);
  const float table_h = ui::EndPanel();

  if (side_by_side) {
    ui::BeginPanel(ImVec2(top.x + table_w + kGap, top.y), kFormWidth, style);
    DrawForm(context, form, action);
    const float form_h = ui::EndPanel();
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + std::max(table_h, form_h)));
    ImGui::Dummy(ImVec2(0, 0));
  } else {
    ImGui::SetCursorPosX(x);
    ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
    ImGui::SetCursorPosX(x);
    ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
    DrawForm(context, form, action);
    ui::EndPanel();
  }
  ImGui::SetCursorPosX(x);
  return action;
}

}  // namespace ej::web
