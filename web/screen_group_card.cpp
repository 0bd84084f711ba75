// A group's card: its kind, subject, classes and teachers, and its members: the students of
// the group's classes (one class at a time through a filter) with a check box each;
// «Сохранить состав» sends group.set_members. A whole-class group follows its class's roster.
#include <algorithm>

#include "screen_plan.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {

GroupCardAction DrawGroupCardScreen(const ConsoleContext& context, const Group& group, GroupCardForm& form) {
  GroupCardAction action;
  const Structure& s = *context.structure;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  if (!form.edited) {
    form.members.clear();
    for (int64_t id : s.GroupStudents(group.id, context.day)) form.members.insert(id);
  }

  ui::ButtonOptions back;
  back.kind = ui::ButtonKind::kLink;
  ImGui::SetCursorPosX(x - ImGui::GetStyle().FramePadding.x);
  if (ui::Button("← Все группы###back", back)) action.back = true;
  ImGui::SetCursorPosX(x);
  const Subject* subject = s.FindSubject(group.subject_id);
  std::string classes;
  for (int64_t id : group.class_ids) {
    if (const SchoolClass* c = s.FindClass(id)) classes += (classes.empty() ? "" : ", ") + c->Name();
  }
  std::string title(GroupKindTitle(group.kind));
  PageHeader(group.name, title + " · " + (subject ? subject->name : std::string()) + " · " +
                             (group.class_ids.size() > 1 ? "классы " : "класс ") + classes);

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  std::string teachers;
  for (const WorkloadLine& w : s.workload) {
    if (w.group_id != group.id) continue;
    const Person* t = s.FindPerson(w.teacher_id);
    if (!t) continue;
    teachers += (teachers.empty() ? "" : ", ") + ShortName(t->name) + " (" + HoursText(w.hours) + " ч в неделю)";
  }
  if (teachers.empty()) {
    ui::ColoredText("Учитель не назначен: назначьте его на странице «Нагрузка».", theme::kWarning);
  } else {
    ui::Text("Учитель: " + teachers);
  }
  ui::Space(8);

  if (group.kind == GroupKind::kWholeClass) {
    const auto students = s.GroupStudents(group.id, context.day);
    ui::StrongText("Ученики: " + std::to_string(students.size()));
    ui::MutedText("Состав группы-класса следует за классом: ученики добавляются и переводятся в карточке класса.");
    ui::BeginTable("group-students", {{"№", 56, true}, {"ФИО", 0, false}});
    int n = 0;
    for (int64_t id : students) {
      const Person* p = s.FindPerson(id);
      if (!p) continue;
      ++n;
      ui::TableRow(std::to_string(n) + "###member" + std::to_string(id),
                   {{std::to_string(n), ui::Tone::kMuted}, {FullName(p->name), ui::Tone::kNormal}});
    }
    ui::EndTable();
    ui::EndPanel();
    ImGui::SetCursorPosX(x);
    return action;
  }

  ui::StrongText("Состав группы: " + std::to_string(form.members.size()) + " " +
                 std::string(Plural(static_cast<int64_t>(form.members.size()), "ученик", "ученика", "учеников")));
  if (group.class_ids.size() > 1) {
    std::vector<ui::ComboItem> items{{"Все классы группы", ""}};
    int index = 0;
    for (size_t i = 0; i < group.class_ids.size(); ++i) {
      const SchoolClass* c = s.FindClass(group.class_ids[i]);
      items.push_back({c ? c->Name() : std::string("?"), ""});
      if (group.class_ids[i] == form.class_filter) index = static_cast<int>(i) + 1;
    }
    ui::ComboOptions o;
    o.width = std::min(260.0f, ui::AvailableWidth());
    if (ui::Combo("Показать учеников класса###members-class", items, &index, o)) {
      form.class_filter = index == 0 ? 0 : group.class_ids[static_cast<size_t>(index - 1)];
    }
  }
  ui::MutedText("Отметьте учеников, которые занимаются в группе.");
  ui::Space(4);
  // Students of the group's classes, class by class, alphabetically within a class.
  for (int64_t class_id : group.class_ids) {
    if (form.class_filter && class_id != form.class_filter) continue;
    const SchoolClass* c = s.FindClass(class_id);
    if (!c) continue;
    const auto students = s.StudentsOf(class_id, context.day);
    if (group.class_ids.size() > 1) ui::StrongText(c->Name());
    if (students.empty()) ui::MutedText("В классе нет учеников.");
    const float left = ImGui::GetCursorPosX();
    const float column_w = narrow ? ui::AvailableWidth() : std::max(260.0f, std::floor(ui::AvailableWidth() / 3));
    const int per_row = std::max(1, static_cast<int>(ui::AvailableWidth() / column_w));
    int n = 0;
    float row_y = ImGui::GetCursorPosY(), bottom = row_y;
    for (int64_t id : students) {
      const Person* p = s.FindPerson(id);
      if (!p) continue;
      bool checked = form.members.count(id) > 0;
      if (n % per_row == 0) row_y = bottom;
      ImGui::SetCursorPos(ImVec2(left + column_w * static_cast<float>(n % per_row), row_y));
      if (ui::Checkbox(FullName(p->name) + "###member-" + std::to_string(id), &checked, !form.busy)) {
        if (checked) {
          form.members.insert(id);
        } else {
          form.members.erase(id);
        }
        form.edited = true;
        form.notice.clear();
      }
      bottom = std::max(bottom, ImGui::GetCursorPosY());
      ++n;
    }
    ImGui::SetCursorPos(ImVec2(left, bottom));
    ui::Space(6);
  }
  ui::ButtonOptions save;
  save.enabled = form.edited && !form.busy && !context.busy;
  if (ui::Button(form.busy ? "Сохранение…###members-save" : "Сохранить состав###members-save", save)) action.save = true;
  if (form.edited && !form.busy) {
    ImGui::SameLine(0, 12);
    ui::ButtonOptions cancel;
    cancel.kind = ui::ButtonKind::kSecondary;
    if (ui::Button("Отменить###members-cancel", cancel)) {
      form.edited = false;
      form.error.clear();
    }
  }
  if (!form.error.empty()) ui::ErrorText(form.error);
  if (!form.notice.empty()) ui::Notice(form.notice);
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  return action;
}

}  // namespace ej::web
