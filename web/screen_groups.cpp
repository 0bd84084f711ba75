// «Группы»: the year's groups of every kind (the whole class for a subject, subgroups, profile
// groups, electives, clubs, project groups) with kind, subject, teachers (from the workload)
// and size, searched, filtered by class and kind and sorted by a column's title; a row opens
// the group's card. «+ Новая группа» opens the form above the table.
#include <algorithm>
#include <cmath>

#include "screen_plan.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr float kFormWidth = 560;
constexpr float kGap = 24;
constexpr GroupKind kKinds[] = {GroupKind::kWholeClass, GroupKind::kSubgroup, GroupKind::kProfile,
                                GroupKind::kElective,   GroupKind::kClub,     GroupKind::kProject};

std::string Capitalized(std::string_view title) {
  // The kinds' titles are lower case Russian; the first letter of a table cell is upper case.
  std::string out(title);
  if (out.size() >= 2 && static_cast<unsigned char>(out[0]) == 0xD0 && static_cast<unsigned char>(out[1]) >= 0xB0 &&
      static_cast<unsigned char>(out[1]) <= 0xBF) {
    out[1] = static_cast<char>(static_cast<unsigned char>(out[1]) - 0x20);  // а…п
  } else if (out.size() >= 2 && static_cast<unsigned char>(out[0]) == 0xD1 && static_cast<unsigned char>(out[1]) >= 0x80 &&
             static_cast<unsigned char>(out[1]) <= 0x8F) {
    out[0] = static_cast<char>(0xD0);  // р…я
    out[1] = static_cast<char>(static_cast<unsigned char>(out[1]) + 0x20);
  }
  return out;
}

struct Row {
  const Group* g;
  std::string subject;
  std::string teachers;
  int size = 0;
};

// The teachers of a group (their short names), from the workload.
std::string TeachersOf(const Structure& s, const Group& g) {
  std::string out;
  for (const WorkloadLine& w : s.workload) {
    if (w.group_id != g.id) continue;
    const Person* t = s.FindPerson(w.teacher_id);
    if (!t) continue;
    if (!out.empty()) out += ", ";
    out += ShortName(t->name);
  }
  return out;
}

void DrawForm(const ConsoleContext& context, GroupsForm& form, GroupsAction& action) {
  const Structure& s = *context.structure;
  auto error_of = [&](const char* field) {
    auto it = form.errors.find(field);
    return it == form.errors.end() ? std::string() : it->second;
  };
  ui::StrongText("Новая группа");
  std::vector<ui::ComboItem> kinds;
  for (GroupKind k : kKinds) kinds.push_back({Capitalized(GroupKindTitle(k)), ""});
  ui::ComboOptions kind;
  kind.enabled = !form.busy;
  kind.error = error_of("kind");
  ui::Combo("Вид###group-kind", kinds, &form.kind, kind);
  const GroupKind k = kKinds[std::clamp(form.kind, 0, 5)];
  const bool one_class = k == GroupKind::kWholeClass || k == GroupKind::kSubgroup;

  std::vector<const Subject*> subjects;
  for (const Subject& x : s.subjects) subjects.push_back(&x);
  std::sort(subjects.begin(), subjects.end(), [](const Subject* a, const Subject* b) { return RussianLess(a->name, b->name); });
  std::vector<ui::ComboItem> subject_items{{"— выберите —", ""}};
  int subject_index = 0;
  for (size_t i = 0; i < subjects.size(); ++i) {
    subject_items.push_back({subjects[i]->name, ""});
    if (subjects[i]->id == form.subject_id) subject_index = static_cast<int>(i) + 1;
  }
  ui::ComboOptions subject;
  subject.enabled = !form.busy;
  subject.error = error_of("subject_id");
  if (ui::Combo(k == GroupKind::kClub ? "Предмет или направление###group-subject" : "Предмет###group-subject",
                subject_items, &subject_index, subject)) {
    form.subject_id = subject_index == 0 ? 0 : subjects[static_cast<size_t>(subject_index - 1)]->id;
    form.errors.erase("subject_id");
  }

  const auto classes = s.ClassesOf(context.year->id);
  if (one_class) {
    std::vector<ui::ComboItem> items{{"— выберите —", ""}};
    int index = 0;
    for (size_t i = 0; i < classes.size(); ++i) {
      items.push_back({classes[i]->Name(), ""});
      if (form.class_ids.count(classes[i]->id)) index = static_cast<int>(i) + 1;
    }
    ui::ComboOptions c;
    c.enabled = !form.busy;
    c.error = error_of("class_ids");
    if (ui::Combo("Класс###group-class", items, &index, c)) {
      form.class_ids.clear();
      if (index > 0) form.class_ids.insert(classes[static_cast<size_t>(index - 1)]->id);
      form.errors.erase("class_ids");
    }
  } else {
    // Several classes: check boxes in rows.
    ui::MutedText("Классы, из которых набирается группа");
    const float left = ImGui::GetCursorPosX();
    const float avail = ui::AvailableWidth();
    const float cell = 76;
    const int per_row = std::max(1, static_cast<int>(avail / cell));
    int n = 0;
    float row_y = ImGui::GetCursorPosY(), bottom = row_y;
    for (const SchoolClass* c : classes) {
      bool checked = form.class_ids.count(c->id) > 0;
      if (n % per_row == 0) row_y = bottom;
      ImGui::SetCursorPos(ImVec2(left + cell * static_cast<float>(n % per_row), row_y));
      if (ui::Checkbox(c->Name() + "###group-class-" + std::to_string(c->id), &checked, !form.busy)) {
        if (checked) {
          form.class_ids.insert(c->id);
        } else {
          form.class_ids.erase(c->id);
        }
        form.errors.erase("class_ids");
      }
      bottom = std::max(bottom, ImGui::GetCursorPosY());
      ++n;
    }
    ImGui::SetCursorPos(ImVec2(left, bottom));
    if (!error_of("class_ids").empty()) ui::ErrorText(error_of("class_ids"));
  }
  ui::InputOptions name;
  name.enabled = !form.busy;
  name.hint = k == GroupKind::kWholeClass ? "по умолчанию «5А — Математика»" : "например, 5А — англ. яз., 1 группа";
  name.error = error_of("name");
  const std::string before = form.name;
  ui::InputText("Название###group-name", &form.name, name);
  if (form.name != before) form.errors.erase("name");
  ui::Space(4);
  ui::ButtonOptions create;
  create.enabled = !form.busy && !context.busy;
  if (ui::Button(form.busy ? "Создание…###group-create" : "Создать группу###group-create", create)) action.create = true;
  ImGui::SameLine(0, 12);
  ui::ButtonOptions close;
  close.kind = ui::ButtonKind::kSecondary;
  if (ui::Button("Закрыть###group-form-close", close)) {
    form.adding = false;
    form.errors.clear();
    form.error.clear();
    form.notice.clear();
  }
  if (!form.error.empty()) ui::ErrorText(form.error);
  if (!form.notice.empty()) {
    ui::Notice(form.notice);
    if (const Group* g = form.created_group_id ? s.FindGroup(form.created_group_id) : nullptr) {
      ui::ButtonOptions open;
      open.kind = ui::ButtonKind::kLink;
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ImGui::GetStyle().FramePadding.x);
      if (ui::Button("Открыть группу и выбрать учеников →###open-created-group", open)) {
        action.open_group = g->id;
      }
    }
  }
}

}  // namespace

GroupsAction DrawGroupsScreen(const ConsoleContext& context, GroupsForm& form) {
  GroupsAction action;
  const Structure& s = *context.structure;
  const int64_t year_id = context.year->id;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;

  std::vector<Row> rows;
  int in_year = 0;
  std::string query = form.search;
  query.erase(0, query.find_first_not_of(' '));
  query.erase(query.find_last_not_of(' ') + 1);
  for (const Group& g : s.groups) {
    if (g.year_id != year_id) continue;
    ++in_year;
    if (form.class_filter && std::find(g.class_ids.begin(), g.class_ids.end(), form.class_filter) == g.class_ids.end()) {
      continue;
    }
    if (form.kind_filter > 0 && g.kind != kKinds[std::clamp(form.kind_filter - 1, 0, 5)]) continue;
    const Subject* subject = s.FindSubject(g.subject_id);
    Row r{&g, subject ? subject->name : std::string(), TeachersOf(s, g),
          static_cast<int>(s.GroupStudents(g.id, context.day).size())};
    if (!query.empty() && !ContainsFolded(g.name, query) && !ContainsFolded(r.subject, query) &&
        !ContainsFolded(r.teachers, query)) {
      continue;
    }
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return RussianLess(a.g->name, b.g->name); });
  PageHeader("Группы", YearLine(*context.year) + " · " + std::to_string(in_year) + " " +
                           std::string(Plural(in_year, "группа", "группы", "групп")));

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  // «Новая группа» opens above the table (a table of 300 groups would hide a form below it).
  if (!form.adding) {
    ui::ButtonOptions open;
    if (ui::Button("+ Новая группа###group-form-open", open)) form.adding = true;
    ImGui::SetCursorPosX(x);
    ui::Space(8);
    ImGui::SetCursorPosX(x);
  } else {
    ui::BeginPanel(ImGui::GetCursorScreenPos(), std::min(width, kFormWidth), style);
    DrawForm(context, form, action);
    ui::EndPanel();
    ImGui::SetCursorPosX(x);
    ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
    ImGui::SetCursorPosX(x);
  }
  const float table_w = width;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), table_w, style);
  {
    const float inner = table_w - 2 * style.padding;
    const float left = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    const bool one_line = inner >= 540;
    ui::InputOptions search;
    search.caption = false;
    search.hint = "Поиск: группа, предмет или учитель";
    search.width = one_line ? inner - 2 * (150 + 12) : inner;
    ui::InputText("Поиск###groups-search", &form.search, search);
    std::vector<ui::ComboItem> classes{{"Все классы", ""}};
    const auto year_classes = s.ClassesOf(year_id);
    int class_index = 0;
    for (size_t i = 0; i < year_classes.size(); ++i) {
      classes.push_back({year_classes[i]->Name(), ""});
      if (year_classes[i]->id == form.class_filter) class_index = static_cast<int>(i) + 1;
    }
    ui::ComboOptions c;
    c.caption = false;
    c.width = one_line ? 150 : inner;
    if (one_line) ImGui::SetCursorPos(ImVec2(left + search.width + 12, y));
    if (ui::Combo("Фильтр по классу###groups-class", classes, &class_index, c)) {
      form.class_filter = class_index == 0 ? 0 : year_classes[static_cast<size_t>(class_index - 1)]->id;
    }
    std::vector<ui::ComboItem> kinds{{"Все виды", ""}};
    for (GroupKind k : kKinds) kinds.push_back({Capitalized(GroupKindTitle(k)), ""});
    if (one_line) ImGui::SetCursorPos(ImVec2(left + search.width + 12 + 150 + 12, y));
    ui::Combo("Фильтр по виду###groups-kind", kinds, &form.kind_filter, c);
    ImGui::SetCursorPosX(left);
    ui::Space(6);
    ImGui::SetCursorPosX(left);

    const bool compact = inner < 560;
    std::vector<ui::TableColumn> columns;
    if (compact) {
      columns = {{"Группа", 0, false, true}, {"Учеников", 96, true, true}};
    } else {
      columns = {{"Группа", 0, false, true}, {"Вид и предмет", 0, false, true}, {"Учитель", 0, false, true},
                 {"Учеников", 124, true, true}};
    }
    SortRows(rows, form.sort, [&](const Row& a, const Row& b, int column) {
      if (column == static_cast<int>(columns.size()) - 1) return a.size < b.size;
      if (column == 0) return RussianLess(a.g->name, b.g->name);
      if (column == 1) return static_cast<int>(a.g->kind) < static_cast<int>(b.g->kind);
      if (a.teachers.empty() != b.teachers.empty()) return b.teachers.empty();
      return RussianLess(a.teachers, b.teachers);
    });
    ui::BeginTable("groups", columns, &form.sort);
    // Every row is drawn (a year has a few hundred; rows differ in height, which a list
    // clipper cannot place).
    {
      for (size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        const std::string kind = Capitalized(GroupKindTitle(r.g->kind));
        const ui::TableCell teacher = r.teachers.empty() ? ui::TableCell{"нет учителя", ui::Tone::kWarning, ""}
                                                         : ui::TableCell{r.teachers, ui::Tone::kNormal, ""};
        std::vector<ui::TableCell> cells;
        if (compact) {
          cells = {{r.g->name, ui::Tone::kNormal, kind + " · " + (r.teachers.empty() ? "нет учителя" : r.teachers)},
                   {std::to_string(r.size), ui::Tone::kNormal, ""}};
        } else {
          cells = {{r.g->name, ui::Tone::kNormal, ""}, {kind, ui::Tone::kNormal, r.subject}, teacher,
                   {std::to_string(r.size), ui::Tone::kNormal, ""}};
        }
        if (ui::TableRow(r.g->name + "###group" + std::to_string(r.g->id), cells, true)) action.open_group = r.g->id;
      }
    }
    if (in_year == 0) {
      ui::TableMessage("Групп ещё нет. Создайте первую в форме «Новая группа».");
    } else if (rows.empty()) {
      ui::TableMessage("Ничего не найдено. Измените запрос, класс или вид.");
    }
    ui::EndTable();
    if (!rows.empty() && static_cast<int>(rows.size()) < in_year) {
      ui::MutedText("Показано " + std::to_string(rows.size()) + " из " + std::to_string(in_year) + ".");
    }
  }
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  return action;
}

}  // namespace ej::web
