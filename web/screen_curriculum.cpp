// «Учебный план»: hours a week of each subject in each grade, as a grid of editable cells
// (subjects down, grades across: 1–4, 5–9 or 10–11 at a time on a wide screen, one grade on a
// phone). Under each grade its week and the СанПиН maximum (ej::MaxWeeklyHours); a week over
// it, a cell that is not a number and the server's refusals are shown in red at once.
// «Сохранить изменения» sends the edited cells in one batch. Beside it «Новый предмет».
#include <algorithm>
#include <cmath>

#include "screen_plan.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr float kGap = 24;

std::vector<int> GradesOf(int level) {
  if (level == 0) return {1, 2, 3, 4};
  if (level == 2) return {10, 11};
  return {5, 6, 7, 8, 9};
}

// Subjects in Russian alphabetical order.
std::vector<const Subject*> SortedSubjects(const Structure& s) {
  std::vector<const Subject*> out;
  for (const Subject& x : s.subjects) out.push_back(&x);
  std::sort(out.begin(), out.end(), [](const Subject* a, const Subject* b) { return RussianLess(a->name, b->name); });
  return out;
}

// The text a cell shows: as typed while edited, else the stored hours.
std::string CellText(const Structure& s, int64_t year_id, const CurriculumForm& form, int grade, int64_t subject) {
  auto it = form.cells.find({grade, subject});
  return it != form.cells.end() ? it->second : HoursText(s.CurriculumHours(year_id, grade, subject));
}

}  // namespace

std::map<std::pair<int, int64_t>, double> EditedCells(const Structure& s, int64_t year_id, const CurriculumForm& form,
                                                      std::vector<std::pair<int, int64_t>>* bad) {
  std::map<std::pair<int, int64_t>, double> out;
  for (const auto& [cell, text] : form.cells) {
    const double stored = s.CurriculumHours(year_id, cell.first, cell.second);
    std::optional<double> typed = ParseHours(text);
    if (!typed) {
      if (bad) bad->push_back(cell);
      continue;
    }
    if (std::fabs(*typed - stored) > 1e-9) out[cell] = *typed;
  }
  return out;
}

CurriculumAction DrawCurriculumScreen(const ConsoleContext& context, CurriculumForm& form) {
  CurriculumAction action;
  const Structure& s = *context.structure;
  const int64_t year_id = context.year->id;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  PageHeader("Учебный план", YearLine(*context.year) + " · часов в неделю по предметам и параллелям");

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  const float inner = width - 2 * style.padding;
  const float left = ImGui::GetCursorPosX();

  // Which grades: a level on a wide screen, one grade on a phone.
  std::vector<int> grades;
  if (narrow) {
    std::vector<ui::ComboItem> items;
    for (int g = 1; g <= 11; ++g) items.push_back({std::to_string(g) + "-е классы", ""});
    int index = std::clamp(form.grade, 1, 11) - 1;
    ui::ComboOptions o;
    if (ui::Combo("Параллель###curriculum-grade", items, &index, o)) form.grade = index + 1;
    grades = {form.grade};
  } else {
    std::vector<ui::ComboItem> items{{"1–4 классы (НОО)", ""}, {"5–9 классы (ООО)", ""}, {"10–11 классы (СОО)", ""}};
    ui::ComboOptions o;
    o.width = 280;
    ui::Combo("Уровень образования###curriculum-level", items, &form.level, o);
    grades = GradesOf(form.level);
  }
  ui::Space(8);

  const std::vector<const Subject*> subjects = SortedSubjects(s);
  if (subjects.empty()) {
    ui::MutedText("Предметов ещё нет. Добавьте их в форме «Новый предмет».");
  } else {
    // The grid: the subject's name, then a cell a grade.
    const float cell_w = narrow ? 96 : 84;
    // The subjects' column as wide as a long name, not the whole panel: the cells stay near it.
    const float name_w = std::clamp(inner - cell_w * static_cast<float>(grades.size()), 120.0f, 380.0f);
    const float frame_h = ImGui::GetFrameHeight();
    const float grid_w = name_w + cell_w * static_cast<float>(grades.size());
    auto header = [&](const std::string& text, float cx, float cw, bool right) {
      const float tw = ui::TextWidth(text);
      ImGui::SetCursorPosX(right ? cx + cw - tw - 10 : cx);
      ui::MutedText(text);
    };
    const float header_y = ImGui::GetCursorPosY();
    header("Предмет", left, name_w, false);
    for (size_t i = 0; i < grades.size(); ++i) {
      ImGui::SetCursorPosY(header_y);
      header(std::to_string(grades[i]) + " кл.", left + name_w + cell_w * static_cast<float>(i) + 12, cell_w, false);
    }
    ImGui::SetCursorPosX(left);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const Subject* subject : subjects) {
      const float row_y = ImGui::GetCursorPosY();
      const ImVec2 row_screen = ImGui::GetCursorScreenPos();
      ImGui::SetCursorPos(ImVec2(left, row_y + (frame_h - ImGui::GetTextLineHeight()) / 2));
      ui::Text(subject->name, name_w - 12);
      float bottom = ImGui::GetCursorPosY();
      for (size_t i = 0; i < grades.size(); ++i) {
        const int grade = grades[i];
        const std::pair<int, int64_t> key{grade, subject->id};
        ImGui::SetCursorPos(ImVec2(left + name_w + cell_w * static_cast<float>(i), row_y));
        std::string text = CellText(s, year_id, form, grade, subject->id);
        const std::string before = text;
        ui::InputOptions o;
        o.caption = false;
        o.width = cell_w - 10;
        o.hint = "—";  // not in the grade's plan
        o.enabled = !form.busy;
        o.invalid = form.errors.count(key) > 0 || !ParseHours(text);
        ui::InputText(subject->name + ", " + std::to_string(grade) + " класс###cell-" + std::to_string(grade) + "-" +
                          std::to_string(subject->id),
                      &text, o);
        if (text != before) {
          form.cells[key] = text;
          form.errors.erase(key);
          form.notice.clear();
        }
        bottom = std::max(bottom, ImGui::GetCursorPosY());
      }
      ImGui::SetCursorPos(ImVec2(left, bottom + 2));
      dl->AddLine(ImVec2(row_screen.x, ImGui::GetCursorScreenPos().y - 3),
                  ImVec2(row_screen.x + grid_w, ImGui::GetCursorScreenPos().y - 3), theme::kBorder);
    }

    // The week of each grade as typed, against the СанПиН maximum (the core's).
    ui::Space(4);
    std::vector<std::string> over;
    const float total_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(left);
    ui::StrongText("Итого в неделю");
    ImGui::SetCursorPosX(left);
    ui::MutedText("Допустимо по СанПиН");
    const float after_y = ImGui::GetCursorPosY();
    for (size_t i = 0; i < grades.size(); ++i) {
      const int grade = grades[i];
      double total = 0;
      for (const Subject* subject : subjects) {
        total += ParseHours(CellText(s, year_id, form, grade, subject->id)).value_or(0);
      }
      const double max = MaxWeeklyHours(grade);
      const float cx = left + name_w + cell_w * static_cast<float>(i);
      const std::string total_text = HoursText(total).empty() ? "0" : HoursText(total);
      ImGui::SetCursorPos(ImVec2(cx + 12, total_y));
      if (total > max + 1e-9) {
        ui::ColoredText(total_text, theme::kErrorText, true);
        over.push_back(std::to_string(grade) + "-е классы: " + total_text + " ч в неделю, а по СанПиН допустимо не больше " +
                       HoursText(max) + " ч.");
      } else {
        ui::StrongText(total_text);
      }
      ImGui::SetCursorPos(ImVec2(cx + 12, ImGui::GetCursorPosY()));
      ui::MutedText(HoursText(max));
    }
    ImGui::SetCursorPos(ImVec2(left, after_y));
    ui::Space(8);
    for (const std::string& line : over) {
      ImGui::SetCursorPosX(left);
      ui::ErrorText(line);
    }
    // The server's refusals, each naming its cell.
    for (const auto& [cell, message] : form.errors) {
      const Subject* subject = s.FindSubject(cell.second);
      ImGui::SetCursorPosX(left);
      ui::ErrorText((subject ? subject->name : std::string("?")) + ", " + std::to_string(cell.first) + " класс: " + message);
    }

    std::vector<std::pair<int, int64_t>> bad;
    const size_t edited = EditedCells(s, year_id, form, &bad).size() + bad.size();
    ImGui::SetCursorPosX(left);
    ui::ButtonOptions save;
    save.enabled = edited > 0 && !form.busy && !context.busy;
    const std::string label = form.busy       ? std::string("Сохранение…")
                              : edited == 0 ? std::string("Сохранить изменения")
                                            : "Сохранить изменения (" + std::to_string(edited) + ")";
    if (ui::Button(label + "###curriculum-save", save)) action.save = true;
    if (edited > 0 && !form.busy) {
      ImGui::SameLine(0, 12);
      ui::ButtonOptions discard;
      discard.kind = ui::ButtonKind::kSecondary;
      if (ui::Button("Отменить изменения###curriculum-discard", discard)) action.discard = true;
    }
    if (!form.error.empty()) {
      ImGui::SetCursorPosX(left);
      ui::ErrorText(form.error);
    }
    if (!form.notice.empty()) {
      ImGui::SetCursorPosX(left);
      ui::Notice(form.notice);
    }
  }
  ui::EndPanel();

  // «Новый предмет»
  ImGui::SetCursorPosX(x);
  ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
  ImGui::SetCursorPosX(x);
  ui::BeginPanel(ImGui::GetCursorScreenPos(), narrow ? width : std::min(width, 560.0f), style);
  ui::StrongText("Новый предмет");
  ui::InputOptions name;
  name.enabled = !form.subject_busy;
  name.hint = "например, Вероятность и статистика";
  ui::InputText("Название###subject-name", &form.subject_name, name);
  ui::InputOptions short_name;
  short_name.enabled = !form.subject_busy;
  short_name.hint = "для расписания, например Вер. и стат.";
  ui::InputText("Краткое название###subject-short", &form.subject_short, short_name);
  ui::Space(4);
  ui::ButtonOptions add;
  add.enabled = !form.subject_busy && !form.subject_name.empty();
  if (ui::Button(form.subject_busy ? "Добавление…###subject-add" : "Добавить предмет###subject-add", add)) {
    action.create_subject = true;
  }
  if (!form.subject_error.empty()) ui::ErrorText(form.subject_error);
  if (!form.subject_notice.empty()) ui::Notice(form.subject_notice);
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  return action;
}

}  // namespace ej::web
