// «Нагрузка» (тарификация): who teaches which subject to which group, hours a week, as a table
// filtered by teacher, class and subject and sorted by a column's title; each line's hours
// against the curriculum (Structure::CurriculumHours, GroupWorkloadHours). Beside it (below
// on a phone) «Назначить нагрузку»: teacher, group, hours; a row's click fills it in to edit.
#include <algorithm>
#include <cmath>

#include "screen_plan.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr float kFormWidth = 380;
constexpr float kGap = 24;

struct Line {
  const WorkloadLine* w;
  std::string teacher;  // full name: the order
  std::string teacher_short;
  std::string subject;
  std::string group;
};

// The curriculum's hours for a class's group (a whole class or a subgroup); 0 for other kinds.
double PlanHours(const Structure& s, const Group& g) {
  if (g.kind != GroupKind::kWholeClass && g.kind != GroupKind::kSubgroup) return 0;
  const SchoolClass* c = g.class_ids.empty() ? nullptr : s.FindClass(g.class_ids[0]);
  return c ? s.CurriculumHours(g.year_id, c->grade, g.subject_id) : 0;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool InClass(const Group& g, int64_t class_id) {
  return class_id == 0 || std::find(g.class_ids.begin(), g.class_ids.end(), class_id) != g.class_ids.end();
}

// A drop-down of ids: «first» (id 0) and then the items; returns the chosen id.
int64_t IdCombo(std::string_view label, const std::string& first, const std::vector<std::pair<int64_t, ui::ComboItem>>& items,
                int64_t chosen, ui::ComboOptions options) {
  std::vector<ui::ComboItem> list{{first, ""}};
  int index = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    list.push_back(items[i].second);
    if (items[i].first == chosen) index = static_cast<int>(i) + 1;
  }
  ui::Combo(label, list, &index, options);
  return index == 0 ? 0 : items[static_cast<size_t>(index - 1)].first;
}

std::vector<std::pair<int64_t, ui::ComboItem>> Teachers(const Structure& s) {
  std::vector<std::pair<int64_t, ui::ComboItem>> out;
  for (const auto& [id, p] : s.persons) {
    if (p.Has(Role::kTeacher)) out.push_back({id, {FullName(p.name), ""}});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return RussianLess(a.second.text, b.second.text); });
  return out;
}

}  // namespace

WorkloadAction DrawWorkloadScreen(const ConsoleContext& context, WorkloadForm& form) {
  WorkloadAction action;
  const Structure& s = *context.structure;
  const int64_t year_id = context.year->id;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;

  // Lines of the year, with the names they are shown and sorted by.
  std::vector<Line> lines;
  double total = 0;
  for (const WorkloadLine& w : s.workload) {
    if (w.year_id != year_id) continue;
    const Group* g = s.FindGroup(w.group_id);
    const Person* t = s.FindPerson(w.teacher_id);
    const Subject* subject = s.FindSubject(w.subject_id);
    if (!g) continue;
    if (form.teacher_filter && w.teacher_id != form.teacher_filter) continue;
    if (form.subject_filter && w.subject_id != form.subject_filter) continue;
    if (!InClass(*g, form.class_filter)) continue;
    lines.push_back({&w, t ? FullName(t->name) : std::string("?"), t ? ShortName(t->name) : std::string("?"),
                     subject ? subject->name : std::string("?"), g->name});
    total += w.hours;
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    if (a.teacher != b.teacher) return RussianLess(a.teacher, b.teacher);
    return RussianLess(a.group, b.group);
  });
  PageHeader("Нагрузка", YearLine(*context.year) + " · тарификация: учитель, предмет, группа, часы в неделю");

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  const bool side_by_side = width >= 980;
  const float table_w = side_by_side ? width - kFormWidth - kGap : width;
  const ImVec2 top = ImGui::GetCursorScreenPos();

  // ---- the table ----
  ui::BeginPanel(top, table_w, style);
  {
    const float inner = table_w - 2 * style.padding;
    const float left = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    const int per_line = inner >= 540 ? 3 : 1;
    const float combo_w = per_line == 3 ? std::floor((inner - 24) / 3) : inner;
    ui::ComboOptions o;
    o.width = combo_w;
    o.caption = false;  // the first items say what they filter: «Все учителя» …
    std::vector<std::pair<int64_t, ui::ComboItem>> classes;
    for (const SchoolClass* c : s.ClassesOf(year_id)) classes.push_back({c->id, {c->Name(), ""}});
    std::vector<std::pair<int64_t, ui::ComboItem>> subjects;
    for (const Subject& x2 : s.subjects) subjects.push_back({x2.id, {x2.name, ""}});
    std::sort(subjects.begin(), subjects.end(),
              [](const auto& a, const auto& b) { return RussianLess(a.second.text, b.second.text); });
    form.teacher_filter = IdCombo("Фильтр по учителю###filter-teacher", "Все учителя", Teachers(s), form.teacher_filter, o);
    if (per_line == 3) ImGui::SetCursorPos(ImVec2(left + combo_w + 12, y));
    form.class_filter = IdCombo("Фильтр по классу###filter-class", "Все классы", classes, form.class_filter, o);
    if (per_line == 3) ImGui::SetCursorPos(ImVec2(left + 2 * (combo_w + 12), y));
    form.subject_filter = IdCombo("Фильтр по предмету###filter-subject", "Все предметы", subjects, form.subject_filter, o);
    ImGui::SetCursorPosX(left);
    ui::Space(6);
    ImGui::SetCursorPosX(left);

    const bool compact = inner < 560;
    std::vector<ui::TableColumn> columns;
    if (compact) {
      columns = {{"Учитель и группа", 0, false, true}, {"Часов", 96, true, true}};
    } else {
      // The group's name says its subject («5А — Математика»); the subject goes under it when not.
      columns = {{"Учитель", 0, false, true}, {"Группа", 0, false, true}, {"Часов в неделю", 150, true, true}};
    }
    SortRows(lines, form.sort, [&](const Line& a, const Line& b, int column) {
      if (column == static_cast<int>(columns.size()) - 1) return a.w->hours < b.w->hours;
      if (column == 1) return RussianLess(a.group, b.group);
      return RussianLess(a.teacher, b.teacher);
    });
    ui::BeginTable("workload", columns, &form.sort);
    // Every row is drawn (a year has a few hundred; rows differ in height, which a list
    // clipper cannot place).
    {
      for (size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        const Group* g = s.FindGroup(l.w->group_id);
        const double plan = g ? PlanHours(s, *g) : 0;
        // "3 из 5": the line's hours of what the curriculum gives the group.
        const std::string hours = HoursText(l.w->hours);
        const std::string of_plan = plan > 0 ? "из " + HoursText(plan) : std::string();
        // Under a group whose name does not say the subject (an elective, a club): the subject.
        const std::string subject = Contains(l.group, l.subject) ? std::string() : l.subject;
        std::vector<ui::TableCell> cells;
        if (compact) {
          cells = {{l.teacher_short, ui::Tone::kNormal, l.group},
                   {hours, ui::Tone::kStrong, of_plan}};
        } else {
          cells = {{l.teacher_short, ui::Tone::kNormal, ""},
                   {l.group, ui::Tone::kNormal, subject},
                   {hours + (of_plan.empty() ? "" : " " + of_plan), ui::Tone::kNormal, ""}};
        }
        const bool chosen = form.teacher_id == l.w->teacher_id && form.group_id == l.w->group_id;
        if (chosen && !cells.empty()) cells[0].tone = ui::Tone::kStrong;
        if (ui::TableRow(l.teacher_short + "###load" + std::to_string(l.w->id), cells, true)) {
          form.teacher_id = l.w->teacher_id;
          form.group_id = l.w->group_id;
          form.hours = HoursText(l.w->hours);
          form.errors.clear();
          form.error.clear();
          form.notice.clear();
        }
      }
    }
    if (lines.empty()) ui::TableMessage("Нагрузки по этим условиям нет. Назначьте её в форме «Назначить нагрузку».");
    ui::EndTable();
    if (!lines.empty()) {
      ui::MutedText("Строк: " + std::to_string(lines.size()) + " · всего " + HoursText(total) +
                    " ч в неделю. «3 из 5» — часы учителя из часов группы по учебному плану. Нажмите на "
                    "строку, чтобы изменить часы.");
    }
  }
  const float table_h = ui::EndPanel();

  // ---- the form ----
  auto draw_form = [&]() {
    ui::StrongText(form.teacher_id && form.group_id ? "Нагрузка учителя" : "Назначить нагрузку");
    auto error_of = [&](const char* field) {
      auto it = form.errors.find(field);
      return it == form.errors.end() ? std::string() : it->second;
    };
    ui::ComboOptions teacher;
    teacher.enabled = !form.busy;
    teacher.error = error_of("teacher_id");
    const int64_t t = IdCombo("Учитель###load-teacher", "— выберите —", Teachers(s), form.teacher_id, teacher);
    if (t != form.teacher_id) {
      form.teacher_id = t;
      form.errors.erase("teacher_id");
    }
    // Groups of the class filter (or all), each with its hours against the curriculum.
    std::vector<std::pair<int64_t, ui::ComboItem>> groups;
    for (const Group& g : s.groups) {
      if (g.year_id != year_id || (!InClass(g, form.class_filter) && g.id != form.group_id)) continue;
      if (form.subject_filter && g.subject_id != form.subject_filter && g.id != form.group_id) continue;
      const double plan = PlanHours(s, g);
      const std::string detail = plan > 0 ? HoursText(s.GroupWorkloadHours(g.id)).append(" из ").append(HoursText(plan)) + " ч"
                                          : std::string(GroupKindTitle(g.kind));
      groups.push_back({g.id, {g.name, detail}});
    }
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return RussianLess(a.second.text, b.second.text); });
    ui::ComboOptions group;
    group.enabled = !form.busy;
    group.error = error_of("group_id");
    const int64_t g = IdCombo("Группа###load-group", "— выберите —", groups, form.group_id, group);
    if (g != form.group_id) {
      form.group_id = g;
      form.errors.erase("group_id");
      // An existing line's hours come with the choice.
      form.hours.clear();
      for (const WorkloadLine& w : s.workload) {
        if (w.group_id == g && w.teacher_id == form.teacher_id) form.hours = HoursText(w.hours);
      }
    }
    if (form.class_filter && groups.empty()) ui::MutedText("У выбранного класса нет групп: создайте их на странице «Группы».");
    ui::InputOptions hours;
    hours.enabled = !form.busy;
    hours.width = 140;
    hours.hint = "например, 3";
    hours.error = error_of("hours");
    const std::string before = form.hours;
    ui::InputText("Часов в неделю###load-hours", &form.hours, hours);
    if (form.hours != before) form.errors.erase("hours");

    // What the curriculum leaves for the chosen group (the core's numbers).
    if (const Group* chosen = form.group_id ? s.FindGroup(form.group_id) : nullptr) {
      const double plan = PlanHours(s, *chosen);
      const double given = s.GroupWorkloadHours(chosen->id);
      if (plan > 0) {
        const double free = std::max(0.0, plan - given);
        ui::MutedText("По учебному плану " + HoursText(plan) + " ч в неделю; распределено " +
                      (given > 0 ? HoursText(given) : std::string("0")) + " ч, свободно " +
                      (free > 0 ? HoursText(free) : std::string("0")) + " ч.");
      } else if (chosen->kind == GroupKind::kWholeClass || chosen->kind == GroupKind::kSubgroup) {
        ui::ColoredText("Предмета этой группы нет в учебном плане её параллели: сначала задайте часы в «Учебном плане».",
                        theme::kWarning);
      } else {
        ui::MutedText("Часы группы вида «" + std::string(GroupKindTitle(chosen->kind)) +
                      "» не ограничены учебным планом класса.");
      }
    }
    bool exists = false;
    for (const WorkloadLine& w : s.workload) exists = exists || (w.group_id == form.group_id && w.teacher_id == form.teacher_id);
    ui::Space(4);
    ui::ButtonOptions save;
    save.enabled = !form.busy && !context.busy;
    if (ui::Button(form.busy ? "Сохранение…###load-save" : "Сохранить###load-save", save)) action.save = true;
    if (exists) {
      ImGui::SameLine(0, 12);
      ui::ButtonOptions remove;
      remove.kind = ui::ButtonKind::kSecondary;
      remove.enabled = !form.busy && !context.busy;
      if (ui::Button("Снять нагрузку###load-remove", remove)) action.remove = true;
    }
    if (!form.error.empty()) ui::ErrorText(form.error);
    if (!form.notice.empty()) ui::Notice(form.notice);
  };

  ui::PanelBesideOrBelow({side_by_side, top, table_w, table_h, kFormWidth, width, x, kGap}, style, draw_form);
  return action;
}

}  // namespace ej::web
