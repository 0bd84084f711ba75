// A student's card, opened from their class's card: the class and the movement history
// (enrollments, kept forever), the parents and legal representatives with their link, the
// movement forms («Перевести в другой класс», «Отметить выбытие» with a confirmation) and the
// individual study plan (ИУП): the class's curriculum with the student's own lines applied
// (Structure::StudentPlan), the week against СанПиН, and a form for one line.
#include <algorithm>

#include "screen_plan.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {

std::string_view GuardianKindTitle(std::string_view kind) {
  if (kind == "mother") return "мать";
  if (kind == "father") return "отец";
  return "законный представитель";
}

std::string ParentsLine(const Structure& s, int64_t student_id) {
  std::string out;
  for (const Guardianship& g : s.guardianships) {
    if (g.student_id != student_id) continue;
    const Person* p = s.FindPerson(g.parent_id);
    if (!p) continue;
    if (!out.empty()) out += "; ";
    out += std::string(GuardianKindTitle(g.kind)) + ": " + ShortName(p->name);
  }
  return out;
}

namespace {

constexpr float kGap = 24;

void Gap(float x) {
  ImGui::SetCursorPosX(x);
  ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
  ImGui::SetCursorPosX(x);
}

void DrawParents(const ConsoleContext& context, const Person& student, StudentCardForm& form, StudentCardAction& action) {
  const Structure& s = *context.structure;
  ui::StrongText("Родители и законные представители");
  std::vector<const Guardianship*> links;
  for (const Guardianship& g : s.guardianships) {
    if (g.student_id == student.id) links.push_back(&g);
  }
  if (links.empty()) {
    ui::MutedText("Не указаны.");
  } else {
    ui::BeginTable("parents", {{"Кем приходится", 220, false}, {"ФИО", 0, false}});
    for (const Guardianship* g : links) {
      const Person* p = s.FindPerson(g->parent_id);
      const std::string kind(GuardianKindTitle(g->kind));
      ui::TableRow(kind + "###parent" + std::to_string(g->parent_id),
                   {{kind, ui::Tone::kMuted}, {p ? FullName(p->name) : std::string("?"), ui::Tone::kNormal}});
    }
    ui::EndTable();
  }
  // A new parent: an own account is made with the person (R9), without a password until issued.
  ui::Space(8);
  ui::InputOptions name;
  name.hint = "Фамилия Имя Отчество";
  name.enabled = !context.busy && !form.parent_busy;
  auto error_of = [&](const char* field) {
    auto it = form.parent_errors.find(field);
    return it == form.parent_errors.end() ? std::string() : it->second;
  };
  name.error = error_of("name");
  for (const char* f : {"last_name", "first_name", "middle_name"}) {
    if (name.error.empty()) name.error = error_of(f);
  }
  ui::InputText("ФИО родителя###parent_name", &form.parent_name, name);
  std::vector<ui::ComboItem> kinds = {{"мать", ""}, {"отец", ""}, {"законный представитель", ""}};
  ui::ComboOptions kind;
  kind.width = 280;
  kind.error = error_of("kind");
  ui::Combo("Кем приходится###parent_kind", kinds, &form.parent_kind, kind);
  ui::ButtonOptions add{ui::ButtonKind::kSecondary};
  add.enabled = !context.busy && !form.parent_busy;
  if (ui::Button(form.parent_busy ? "Добавление…###add_parent" : "Добавить родителя###add_parent", add)) action.add_parent = true;
  if (!form.parent_error.empty()) ui::ErrorText(form.parent_error);
  if (!form.parent_notice.empty()) ui::Notice(form.parent_notice);
}

void DrawMovement(const ConsoleContext& context, const Person& student, StudentCardForm& form,
                  StudentCardAction& action) {
  const Structure& s = *context.structure;
  ui::StrongText("Движение");
  // The history: every enrollment, oldest first.
  std::vector<const Enrollment*> history;
  for (const Enrollment& e : s.enrollments) {
    if (e.student_id == student.id) history.push_back(&e);
  }
  std::sort(history.begin(), history.end(), [](const Enrollment* a, const Enrollment* b) { return a->from < b->from; });
  for (const Enrollment* e : history) {
    const SchoolClass* c = s.FindClass(e->class_id);
    std::string line = (c ? c->Name() : std::string("?")) + ": с " + e->from.Russian();
    if (e->to) line += " по " + e->to->Russian();
    ui::Text(line);
  }
  const SchoolClass* now = s.ClassOf(student.id, context.day);
  if (!now) {
    ui::MutedText("Сейчас не числится ни в одном классе.");
    return;
  }
  auto error_of = [&](const char* field) {
    auto it = form.errors.find(field);
    return it == form.errors.end() ? std::string() : it->second;
  };
  ui::Space(6);
  const float avail = ui::AvailableWidth();
  const bool row = avail >= 560;
  const float left = ImGui::GetCursorPosX();
  const float y = ImGui::GetCursorPosY();
  // «Перевести в другой класс»: a class of the same year, from a day.
  std::vector<ui::ComboItem> items{{"— выберите —", ""}};
  std::vector<int64_t> ids{0};
  int index = 0;
  for (const SchoolClass* c : s.ClassesOf(now->year_id)) {
    if (c->id == now->id) continue;
    items.push_back({c->Name(), ""});
    ids.push_back(c->id);
    if (c->id == form.transfer_class) index = static_cast<int>(ids.size()) - 1;
  }
  ui::ComboOptions to;
  to.width = row ? 200 : avail;
  to.enabled = !form.move_busy;
  to.error = error_of("class_id");
  if (ui::Combo("Перевести в класс###transfer-class", items, &index, to)) {
    form.transfer_class = ids[static_cast<size_t>(index)];
    form.errors.erase("class_id");
  }
  const float after_combo = ImGui::GetCursorPosY();
  if (row) ImGui::SetCursorPos(ImVec2(left + 200 + 12, y));
  ImGui::BeginGroup();
  ui::InputOptions from;
  from.width = row ? 180 : avail;
  from.enabled = !form.move_busy;
  from.hint = context.day.Russian();
  from.error = error_of("from");
  ui::InputText("С какого дня###transfer-date", &form.transfer_date, from);
  const float field_y = ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
  ImGui::EndGroup();
  // A compact button is 32 px, a field 37: centred beside it.
  if (row) ImGui::SetCursorPos(ImVec2(left + 200 + 12 + 180 + 12, field_y + 2));
  ui::ButtonOptions transfer;
  transfer.compact = row;  // as tall as the fields beside it
  transfer.enabled = !form.move_busy && !context.busy;
  if (ui::Button(form.move_busy ? "Перевод…###transfer" : "Перевести###transfer", transfer)) action.transfer = true;
  ImGui::SetCursorPosX(left);
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), after_combo));
  ui::Space(8);

  // «Отметить выбытие»: the last day, confirmed.
  ImGui::SetCursorPosX(left);
  ui::InputOptions last;
  last.width = row ? 200 : avail;
  last.enabled = !form.move_busy;
  last.hint = context.day.Russian();
  last.error = error_of("to");
  ui::InputText("Последний день в школе###leave-date", &form.leave_date, last);
  const float leave_field_y = ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
  const float after_leave = ImGui::GetCursorPosY();
  if (row) ImGui::SetCursorPos(ImVec2(left + 200 + 12, leave_field_y + 2));
  ui::ButtonOptions leave;
  leave.compact = row;
  leave.kind = ui::ButtonKind::kSecondary;
  leave.enabled = !form.move_busy && !context.busy;
  if (!form.confirming_leave) {
    if (ui::Button("Отметить выбытие###leave", leave)) {
      form.confirming_leave = true;
      form.move_notice.clear();
    }
  } else {
    ui::ButtonOptions confirm;
    confirm.compact = row;
    confirm.enabled = !form.move_busy && !context.busy;
    if (ui::Button("Подтвердить выбытие###leave-confirm", confirm)) action.leave = true;
    ImGui::SameLine(0, 8);
    ui::ButtonOptions cancel;
    cancel.kind = ui::ButtonKind::kLink;
    cancel.compact = row;
    if (ui::Button("Отменить###leave-cancel", cancel)) form.confirming_leave = false;
  }
  ImGui::SetCursorPosX(left);
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), after_leave));
  if (form.confirming_leave) {
    const char* verb = student.sex == 'f' ? " будет отчислена из " : student.sex == 'm' ? " будет отчислен из " : " будет отчислен(а) из ";
    ui::ColoredText(FullName(student.name) + verb + now->Name() +
                        "; отметки и история останутся в журнале.",
                    theme::kWarning);
  }
  if (!form.move_error.empty()) ui::ErrorText(form.move_error);
  if (!form.move_notice.empty()) ui::Notice(form.move_notice);
}

void DrawPlan(const ConsoleContext& context, const Person& student, StudentCardForm& form, StudentCardAction& action) {
  const Structure& s = *context.structure;
  const int64_t year_id = context.year->id;
  ui::StrongText("Индивидуальный учебный план");
  const SchoolClass* c = s.ClassInYear(student.id, year_id);
  if (!c) {
    ui::MutedText(student.sex == 'f' ? "Ученица не учится в этом учебном году." : "Ученик не учится в этом учебном году.");
    return;
  }
  const auto plan = s.StudentPlan(student.id, year_id);
  const bool own = std::any_of(plan.begin(), plan.end(), [](const StudentPlanLine& l) { return l.own.has_value(); });
  const bool girl = student.sex == 'f';
  ui::MutedText(own ? "Учебный план класса " + c->Name() + (girl ? " с изменениями для ученицы." : " с изменениями для ученика.")
                    : std::string(girl ? "Ученица занимается" : "Ученик занимается") + " по учебному плану класса " +
                          c->Name() + ". Чтобы добавить или заменить часы предмета, заполните форму ниже.");
  double total = 0;
  const bool narrow = ui::AvailableWidth() < 520;
  if (narrow) {
    ui::BeginTable("plan", {{"Предмет", 0, false}, {"Часов", 90, true}});
  } else {
    ui::BeginTable("plan", {{"Предмет", 0, false}, {"По плану класса", 150, true}, {"У ученика", 130, true},
                            {"ИУП", 200, false}});
  }
  for (const StudentPlanLine& l : plan) {
    const Subject* subject = s.FindSubject(l.subject_id);
    const std::string name = subject ? subject->name : std::string("?");
    total += l.hours;
    std::string note;
    if (l.own) {
      note = l.own->mode == IupMode::kAdd ? "+" + HoursText(l.own->hours) + " ч"
             : l.own->hours == 0          ? "не изучает"
                                          : "вместо " + HoursText(l.class_hours) + " ч";
    }
    const std::string hours = l.hours > 0 ? HoursText(l.hours) : "0";
    const ui::Tone tone = l.own ? ui::Tone::kStrong : ui::Tone::kNormal;
    if (narrow) {
      ui::TableRow(name + "###plan" + std::to_string(l.subject_id),
                   {{name, tone, note}, {hours, tone, ""}});
    } else {
      ui::TableRow(name + "###plan" + std::to_string(l.subject_id),
                   {{name, tone},
                    {l.class_hours > 0 ? HoursText(l.class_hours) : "—", ui::Tone::kMuted},
                    {hours, tone},
                    {note, ui::Tone::kNormal}});
    }
  }
  if (plan.empty()) ui::TableMessage("В учебном плане " + std::to_string(c->grade) + "-х классов пока нет предметов.");
  ui::EndTable();
  const double max = MaxWeeklyHours(c->grade);
  const std::string week = "Всего в неделю: " + (total > 0 ? HoursText(total) : std::string("0")) + " ч из " +
                           HoursText(max) + " ч, допустимых по СанПиН для " + std::to_string(c->grade) + "-х классов.";
  if (total > max + 1e-9) {
    ui::ErrorText(week);
  } else {
    ui::MutedText(week);
  }
  ui::Space(8);

  // One line: subject, how, hours.
  auto error_of = [&](const char* field) {
    auto it = form.iup_errors.find(field);
    return it == form.iup_errors.end() ? std::string() : it->second;
  };
  std::vector<const Subject*> subjects;
  for (const Subject& x : s.subjects) subjects.push_back(&x);
  std::sort(subjects.begin(), subjects.end(), [](const Subject* a, const Subject* b) { return RussianLess(a->name, b->name); });
  std::vector<ui::ComboItem> items{{"— выберите —", ""}};
  int index = 0;
  for (size_t i = 0; i < subjects.size(); ++i) {
    const double class_hours = s.CurriculumHours(year_id, c->grade, subjects[i]->id);
    items.push_back({subjects[i]->name, class_hours > 0 ? "по плану " + HoursText(class_hours) + " ч" : std::string()});
    if (subjects[i]->id == form.iup_subject) index = static_cast<int>(i) + 1;
  }
  const float avail = ui::AvailableWidth();
  const bool row = avail >= 720;
  const float left = ImGui::GetCursorPosX();
  const float y = ImGui::GetCursorPosY();
  ui::ComboOptions subject;
  subject.width = row ? 300 : avail;
  subject.enabled = !form.iup_busy;
  subject.error = error_of("subject_id");
  if (ui::Combo("Предмет###iup-subject", items, &index, subject)) {
    form.iup_subject = index == 0 ? 0 : subjects[static_cast<size_t>(index - 1)]->id;
    form.iup_errors.clear();
    form.iup_notice.clear();
    // An existing line comes into the form.
    for (const IupLine& l : s.IupOf(student.id, year_id)) {
      if (l.subject_id == form.iup_subject) {
        form.iup_mode = l.mode == IupMode::kReplace ? 1 : 0;
        form.iup_hours = l.hours > 0 ? HoursText(l.hours) : "0";
      }
    }
  }
  float bottom = ImGui::GetCursorPosY();
  if (row) ImGui::SetCursorPos(ImVec2(left + 300 + 12, y));
  ImGui::BeginGroup();
  ui::ComboOptions mode;
  mode.width = row ? 230 : avail;
  mode.enabled = !form.iup_busy;
  mode.error = error_of("mode");
  ui::Combo("Как###iup-mode", {{"добавить часы к плану", ""}, {"заменить часы плана", ""}}, &form.iup_mode, mode);
  ImGui::EndGroup();
  bottom = std::max(bottom, ImGui::GetCursorPosY());
  if (row) ImGui::SetCursorPos(ImVec2(left + 300 + 12 + 230 + 12, y));
  ImGui::BeginGroup();
  ui::InputOptions hours;
  hours.width = row ? 120 : avail;
  hours.enabled = !form.iup_busy;
  hours.hint = form.iup_mode == 1 ? "0 — не изучает" : "например, 1";
  hours.error = error_of("hours");
  ui::InputText("Часов в неделю###iup-hours", &form.iup_hours, hours);
  ImGui::EndGroup();
  bottom = std::max(bottom, ImGui::GetCursorPosY());
  ImGui::SetCursorPos(ImVec2(left, bottom));
  ui::Space(4);
  ui::ButtonOptions save;
  save.enabled = !form.iup_busy && !context.busy;
  if (ui::Button(form.iup_busy ? "Сохранение…###iup-save" : "Сохранить строку###iup-save", save)) action.iup_save = true;
  const auto lines = s.IupOf(student.id, year_id);
  const bool has_line = std::any_of(lines.begin(), lines.end(), [&](const IupLine& l) { return l.subject_id == form.iup_subject; });
  if (has_line) {
    ImGui::SameLine(0, 12);
    ui::ButtonOptions remove;
    remove.kind = ui::ButtonKind::kSecondary;
    remove.enabled = !form.iup_busy && !context.busy;
    if (ui::Button("Убрать из плана###iup-remove", remove)) action.iup_remove = true;
  }
  if (!form.iup_error.empty()) ui::ErrorText(form.iup_error);
  if (!form.iup_notice.empty()) ui::Notice(form.iup_notice);
}

}  // namespace

StudentCardAction DrawStudentCardScreen(const ConsoleContext& context, const Person& student, StudentCardForm& form) {
  StudentCardAction action;
  const Structure& s = *context.structure;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  const SchoolClass* c = context.year ? s.ClassInYear(student.id, context.year->id) : nullptr;

  ui::ButtonOptions back;
  back.kind = ui::ButtonKind::kLink;
  ImGui::SetCursorPosX(x - ImGui::GetStyle().FramePadding.x);
  if (ui::Button(c ? "← Класс " + c->Name() + "###back" : std::string("← Все классы###back"), back)) action.back = true;
  ImGui::SetCursorPosX(x);
  const std::string who = student.sex == 'f' ? "Ученица" : "Ученик";
  std::string subtitle = c ? who + " " + c->Name() : who;
  if (student.birth_date) subtitle += " · дата рождения " + student.birth_date->Russian();
  PageHeader(FullName(student.name), subtitle);

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  DrawParents(context, student, form, action);
  ui::Space(10);
  DrawMovement(context, student, form, action);
  ui::EndPanel();
  if (context.year) {
    Gap(x);
    ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
    DrawPlan(context, student, form, action);
    ui::EndPanel();
  }
  ImGui::SetCursorPosX(x);
  return action;
}

}  // namespace ej::web
