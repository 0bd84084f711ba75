// The journal screen's other parts: the correction prompt (a reason, or a request to the
// deputy), the selected cell's panel (types and comments of its marks, the type of the next
// mark, fill-down), the year's marks («Итоги года») and the class teacher's summary of the
// class. Every figure comes from the core (JournalGrid, YearGrid, ClassSummary).
#include <algorithm>

#include "screen_journal.h"
#include "theme.h"

namespace ej::web {
namespace {

bool Narrow() { return ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth; }


}  // namespace

float DrawCorrectionPrompt(const JournalView& view, JournalForm& form, JournalAction& action, ImVec2 pos, float width) {
  const CorrectionPrompt& p = view.correction;
  ui::PanelStyle style;
  style.padding = Narrow() ? 16 : 24;
  ui::BeginPanel(pos, width, style);
  ui::Heading(p.approval ? "Период закрыт: нужна заявка" : "Нужна причина исправления");
  ui::StrongText(p.what);
  ui::MutedText(p.message, ui::AvailableWidth());
  ui::InputOptions reason;
  reason.focus = form.focus_reason;
  form.focus_reason = false;
  reason.hint = "Например: ученик пересдал работу";
  reason.error = p.error;
  bool enter = ui::InputText("Причина###correction_reason", &form.reason, reason);
  ui::Space(4);
  if (ui::Button(p.approval ? "Отправить заявку заместителю###correction_send" : "Сохранить с причиной###correction_send") ||
      enter) {
    action.submit_reason = true;
  }
  ImGui::SameLine(0, 12);
  if (ui::Button("Отменить изменение###correction_cancel", {ui::ButtonKind::kSecondary})) action.cancel_reason = true;
  return ui::EndPanel();
}

float DrawCellPanel(const JournalView& view, JournalForm& form, JournalAction& action, ImVec2 pos, float width) {
  const JournalGrid& grid = *view.grid;
  const GridRow& row = grid.rows[static_cast<size_t>(form.row)];
  const GridColumn& col = grid.columns[static_cast<size_t>(form.col)];
  const GridCell& cell = row.cells[static_cast<size_t>(form.col)];
  // The inputs follow the cell: a new cell, or marks added or removed, fill them anew.
  if (form.cell_lesson != col.lesson_id || form.cell_student != row.student_id ||
      form.mark_types.size() != cell.marks.size()) {
    form.cell_lesson = col.lesson_id;
    form.cell_student = row.student_id;
    form.mark_types.clear();
    form.mark_comments.clear();
    for (const Mark* m : cell.marks) {
      int index = 0;
      for (size_t i = 0; i < view.mark_type_codes.size(); ++i) {
        if (view.mark_type_codes[i] == m->type) index = static_cast<int>(i);
      }
      form.mark_types.push_back(index);
      form.mark_comments.push_back(m->comment);
    }
  }
  ui::PanelStyle style;
  style.padding = Narrow() ? 16 : 20;
  ui::BeginPanel(pos, width, style);
  ui::StrongText(row.name + " — урок " + col.title);
  if (!cell.attendance.empty()) ui::MutedText("Посещаемость: «" + cell.attendance + "»");
  ui::ComboOptions combo;
  combo.width = Narrow() ? ui::AvailableWidth() : 320;
  combo.enabled = view.can_write;
  for (size_t i = 0; i < cell.marks.size(); ++i) {
    const Mark* m = cell.marks[i];
    ImGui::PushID(static_cast<int>(i));
    ui::Space(4);
    ui::ColoredText("Отметка «" + m->value + "»", view.grid->IsFailing(m->value) ? theme::kErrorText : theme::kText, true);
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    ui::Combo("Вид работы###type" + std::to_string(i), view.mark_types, &form.mark_types[i], combo);
    ImGui::EndGroup();
    if (!Narrow()) ImGui::SetCursorPos(ImVec2(start.x + combo.width + 16, start.y));
    ImGui::BeginGroup();
    ui::InputOptions comment;
    comment.enabled = view.can_write;
    comment.width = Narrow() ? -1 : std::max(200.0f, ui::AvailableWidth());
    comment.hint = "Необязательно";
    ui::InputText("Комментарий###comment" + std::to_string(i), &form.mark_comments[i], comment);
    ImGui::EndGroup();
    ImGui::PopID();
  }
  if (view.can_write) {
    ui::Space(6);
    if (!cell.marks.empty()) {
      if (ui::Button("Сохранить###save_cell")) action.save_cell = true;
      ImGui::SameLine(0, 12);
    }
    if (!cell.Text().empty()) {
      if (ui::Button("Заполнить вниз###fill_down", {ui::ButtonKind::kSecondary})) action.fill_down = true;
      ImGui::SameLine(0, 12);
    }
    ImGui::NewLine();
    int next = 0;
    for (size_t i = 0; i < view.mark_type_codes.size(); ++i) {
      if (view.mark_type_codes[i] == form.new_mark_type) next = static_cast<int>(i);
    }
    if (!view.mark_types.empty() && ui::Combo("Вид работы для новых отметок###new_type", view.mark_types, &next, combo)) {
      form.new_mark_type = view.mark_type_codes[static_cast<size_t>(next)];
    }
    // A recommendation to the student and the family (R19): they read it in the diary.
    ui::Space(8);
    ui::InputOptions rec;
    rec.height = 56;
    rec.hint = "Например: повторить правила деления дробей, решить № 214";
    rec.error = view.recommendation_error;
    ui::InputText("Рекомендация ученику (увидят ученик и родители)###recommendation", &form.recommendation, rec);
    ui::ButtonOptions send{ui::ButtonKind::kSecondary};
    send.enabled = !view.recommendation_busy && !form.recommendation.empty();
    if (ui::Button(view.recommendation_busy ? "Отправка…###send_recommendation" : "Отправить рекомендацию###send_recommendation",
                   send)) {
      action.send_recommendation = true;
    }
    ui::MutedText(Narrow() ? "«Заполнить вниз» — то же значение ученикам ниже без записи."
                           : "«Заполнить вниз» ставит это же значение ученикам ниже, у которых в этом уроке ещё нет записи.",
                  ui::AvailableWidth());
  }
  return ui::EndPanel();
}

float DrawYearGrid(const JournalView& view, JournalForm& form, JournalAction& action, ImVec2 pos, float width) {
  const YearGrid& y = *view.year;
  float top = pos.y;
  ImGui::SetCursorScreenPos(pos);
  ui::MutedText(y.subject + " · итоги года");
  std::vector<ui::TableColumn> columns{{"Ученик", Narrow() ? 128.0f : 230.0f}};
  for (const auto& p : y.periods) columns.push_back({Narrow() ? p.substr(0, p.find(' ')) : p, 0, true});
  if (!Narrow()) columns.push_back({"Ср. за год", 0, true});
  columns.push_back({"Прогноз", 0, true});
  columns.push_back({"Годовая", 0, true});
  if (y.exams) {
    columns.push_back({"Экзамен", 0, true});
    columns.push_back({"Итоговая", 0, true});
  }
  ui::PanelStyle table_style;
  table_style.padding = 12;
  const float table_top = ImGui::GetCursorScreenPos().y + 8;
  ui::BeginPanel(ImVec2(pos.x, table_top), width, table_style);
  ui::BeginTable("##year", columns, nullptr, true);
  for (size_t r = 0; r < y.rows.size(); ++r) {
    const YearGridRow& row = y.rows[r];
    std::vector<ui::TableCell> cells{{std::to_string(r + 1) + ". " + row.name}};
    for (const auto& v : row.period_values) cells.push_back({v.empty() ? "—" : v, y.IsFailing(v) ? ui::Tone::kError : ui::Tone::kNormal});
    if (!Narrow()) cells.push_back({row.average.empty() ? "—" : row.average, ui::Tone::kMuted});
    cells.push_back({row.proposed.empty() ? "—" : row.proposed, ui::Tone::kMuted});
    auto given = [&y](const std::string& v) {
      return ui::TableCell{v.empty() ? "·" : v, v.empty() ? ui::Tone::kMuted : y.IsFailing(v) ? ui::Tone::kError : ui::Tone::kStrong};
    };
    cells.push_back(given(row.year_value));
    if (y.exams) {
      cells.push_back(given(row.exam_value));
      cells.push_back(given(row.final_value));
    }
    if (ui::TableRow(row.name + "###year" + std::to_string(row.student_id), cells, view.can_write)) {
      form.year_row = static_cast<int>(r);
      form.year_kind = 0;
      form.year_choice = 0;
      const std::string& want = row.year_value.empty() ? row.proposed : row.year_value;
      for (size_t i = 0; i < y.final_values.size(); ++i) {
        if (y.final_values[i] == want) form.year_choice = static_cast<int>(i);
      }
      form.scroll_to_panel = 3;
    }
  }
  if (y.rows.empty()) ui::TableMessage("В группе нет учеников в этом году.");
  ui::EndTable();
  float yy = table_top + ui::EndPanel() + 16;

  if (form.year_row >= 0 && form.year_row < static_cast<int>(y.rows.size()) && !y.final_values.empty()) {
    const YearGridRow& row = y.rows[static_cast<size_t>(form.year_row)];
    ui::PanelStyle style;
    style.padding = Narrow() ? 16 : 24;
    ui::BeginPanel(ImVec2(pos.x, yy), width, style);
    if (form.scroll_to_panel > 0) ImGui::SetScrollHereY(0.1f), --form.scroll_to_panel;
    ui::StrongText(row.name + " — итоговые отметки по предмету «" + y.subject + "»");
    std::string basis = "Четвертные (полугодовые): ";
    for (size_t i = 0; i < row.period_values.size(); ++i) {
      basis += (i ? ", " : "") + (row.period_values[i].empty() ? std::string("—") : row.period_values[i]);
    }
    basis += row.proposed.empty() ? ". Годовая предлагается, когда выставлены отметки за все периоды."
                                  : ". Предлагается годовая «" + row.proposed + "».";
    if (!row.average.empty()) basis += " Средневзвешенный балл за год " + row.average + ".";
    ui::MutedText(basis, ui::AvailableWidth());
    std::vector<ui::ComboItem> kinds{{"Годовая", ""}};
    if (y.exams) {
      kinds.push_back({"Экзаменационная", ""});
      kinds.push_back({"Итоговая", ""});
    }
    ui::ComboOptions combo;
    combo.width = 220;
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    ui::Combo("Отметка###year_kind", kinds, &form.year_kind, combo);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(start.x + combo.width + 16, start.y));
    ImGui::BeginGroup();
    std::vector<ui::ComboItem> values;
    for (const auto& v : y.final_values) values.push_back({v, v == row.proposed && form.year_kind == 0 ? "предложено" : ""});
    combo.width = 160;
    ui::Combo("Значение###year_value", values, &form.year_choice, combo);
    ImGui::EndGroup();
    ui::Space(4);
    if (ui::Button("Выставить###year_set")) {
      action.set_year_final = true;
      action.value = y.final_values[static_cast<size_t>(std::clamp(form.year_choice, 0, static_cast<int>(y.final_values.size()) - 1))];
    }
    ImGui::SameLine(0, 12);
    if (ui::Button("Закрыть###year_close", {ui::ButtonKind::kLink})) form.year_row = -1;
    if (!view.final_error.empty()) ui::ErrorText(view.final_error);
    yy += ui::EndPanel() + 16;
  }
  return yy - top;
}

float DrawClassSummary(const JournalView& view, JournalForm& form, JournalAction& action, ImVec2 pos, float width) {
  (void)action;
  const ClassSummary& sum = *view.summary;
  float top = pos.y;
  const bool narrow = Narrow();
  const float name_w = narrow ? 128 : 220;
  const float subject_w = narrow ? 60 : 78;
  const int attendance_cols = narrow ? 1 : 3;
  const float attendance_w = narrow ? 92 : 104;
  const int subjects = static_cast<int>(sum.columns.size());
  int fit = std::max(1, static_cast<int>((width - name_w - attendance_cols * attendance_w) / subject_w));
  fit = std::min(fit, std::max(1, subjects));
  form.first_column = std::clamp(form.first_column, 0, std::max(0, subjects - fit));

  ImGui::SetCursorScreenPos(pos);
  ui::ButtonOptions page_button{ui::ButtonKind::kSecondary};
  page_button.compact = true;
  if (fit < subjects) {
    page_button.enabled = form.first_column > 0;
    if (ui::Button("← Предметы###subjects_earlier", page_button)) form.first_column = std::max(0, form.first_column - fit);
    ImGui::SameLine(0, 8);
    page_button.enabled = form.first_column + fit < subjects;
    if (ui::Button("Ещё →###subjects_later", page_button)) form.first_column = std::min(subjects - fit, form.first_column + fit);
    ImGui::SameLine(0, 16);
  }
  std::string caption = sum.class_name + " · " + sum.period_name + " · пропущено уроков: " + std::to_string(sum.missed);
  if (sum.missed_unexcused) caption += ", без уважительной причины: " + std::to_string(sum.missed_unexcused);
  ui::MutedText(caption);

  std::vector<ui::TableColumn> columns{{"Ученик", name_w}};
  const int shown = std::min(fit, subjects - form.first_column);
  for (int k = 0; k < shown; ++k) {
    const ClassSummaryColumn& c = sum.columns[static_cast<size_t>(form.first_column + k)];
    columns.push_back({c.short_subject, subject_w, true});
  }
  columns.push_back({"Пропущено", attendance_w, true});
  if (!narrow) {
    columns.push_back({"уважит.", attendance_w, true});
    columns.push_back({"без прич.", attendance_w, true});
  }
  ui::PanelStyle table_style;
  table_style.padding = 12;
  const float table_top = ImGui::GetCursorScreenPos().y + 8;
  ui::BeginPanel(ImVec2(pos.x, table_top), width, table_style);
  ui::BeginTable("##summary", columns, nullptr, true);
  for (const ClassSummaryRow& row : sum.rows) {
    std::vector<ui::TableCell> cells{{row.name, row.failing ? ui::Tone::kError : ui::Tone::kNormal,
                                      row.failing ? "неуспевающий: " + std::to_string(row.failing) : ""}};
    for (int k = 0; k < shown; ++k) {
      const ClassSummaryCell& c = row.cells[static_cast<size_t>(form.first_column + k)];
      if (!c.member) {
        cells.push_back({"", ui::Tone::kMuted});
      } else if (!c.final_value.empty()) {
        cells.push_back({c.final_value, c.failing ? ui::Tone::kError : ui::Tone::kStrong});
      } else {
        cells.push_back({c.average.empty() ? "—" : c.average, ui::Tone::kMuted});
      }
    }
    cells.push_back({std::to_string(row.missed), row.missed_unexcused ? ui::Tone::kWarning : ui::Tone::kNormal});
    if (!narrow) {
      cells.push_back({std::to_string(row.missed_excused), ui::Tone::kMuted});
      cells.push_back({std::to_string(row.missed_unexcused), row.missed_unexcused ? ui::Tone::kError : ui::Tone::kMuted});
    }
    ui::TableRow(row.name + "###summary" + std::to_string(row.student_id), cells);
  }
  if (sum.rows.empty()) ui::TableMessage("В классе нет учеников в этом периоде.");
  ui::EndTable();
  float y = table_top + ui::EndPanel() + 12;
  ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
  ui::MutedText("Жирным — отметка за период, серым — средневзвешенный балл, пока отметки за период нет. "
                "Пропуски — по всем предметам за период.",
                width);
  // Subjects whose journal lags behind: held lessons without a topic.
  std::string lagging;
  for (const auto& c : sum.columns) {
    if (c.lessons_without_topic > 0) {
      lagging += (lagging.empty() ? "" : ", ") + c.short_subject + " (" + std::to_string(c.lessons_without_topic) + ")";
    }
  }
  if (!lagging.empty()) ui::ColoredText("Уроки без темы: " + lagging, theme::kWarning, false, width);
  return ImGui::GetCursorScreenPos().y - top;
}

}  // namespace ej::web
