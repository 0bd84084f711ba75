// The teacher's journal: the group and the period on top, the grid (students × lessons, the
// average, the proposed final and the final at the right), the lesson panel under it.
// Keyboard-first: arrows move, digits (and the letters of a system's values) enter marks,
// н/б/у/оп enter attendance, Enter moves down, Delete clears; a click or a tap selects a cell.
#include <algorithm>
#include <cmath>

#include "screen_journal.h"
#include "theme.h"

namespace ej::web {
namespace {

constexpr float kCellH = 36;
constexpr float kHeaderH = 46;

bool Narrow() { return ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth; }

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// A mark's colour: calm, but a failing mark (the grading system's word) stands out.
ImU32 MarkColor(const JournalGrid& grid, const std::string& value) {
  return grid.IsFailing(value) ? theme::kErrorText : theme::kText;
}

// The Russian letter on the same key of a ЙЦУКЕН keyboard as a Latin one (a teacher who forgot
// to switch the layout types «y» for «н»); "" for other characters.
std::string RussianOnSameKey(const std::string& ch) {
  static const char* kLatin = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
  static const char* kRussian[] = {"й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ъ", "ф", "ы", "в", "а",
                                   "п", "р", "о", "л", "д", "ж", "э", "я", "ч", "с", "м", "и", "т", "ь", "б", "ю"};
  if (ch.size() != 1) return {};
  char c = static_cast<char>(ch[0] >= 'A' && ch[0] <= 'Z' ? ch[0] - 'A' + 'a' : ch[0]);
  for (size_t i = 0; kLatin[i]; ++i) {
    if (kLatin[i] == c) return kRussian[i];
  }
  return {};
}

// Reads what was typed into the selected cell this frame: a mark or an attendance code once a
// whole value is typed (a longer value that starts the same way waits for its next letter).
void ReadTyping(const JournalView& view, JournalForm& form, JournalAction& action) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || form.row < 0 || form.col < 0 || !view.grid) return;
  auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
  const int rows = static_cast<int>(view.grid->rows.size());
  const int cols = static_cast<int>(view.grid->columns.size());
  if (key(ImGuiKey_UpArrow)) form.row = std::max(0, form.row - 1), form.typed.clear();
  if (key(ImGuiKey_DownArrow) || key(ImGuiKey_Enter)) form.row = std::min(rows - 1, form.row + 1), form.typed.clear();
  if (key(ImGuiKey_LeftArrow)) form.col = std::max(0, form.col - 1), form.typed.clear();
  if (key(ImGuiKey_RightArrow)) form.col = std::min(cols - 1, form.col + 1), form.typed.clear();
  if (key(ImGuiKey_Escape)) form.typed.clear();
  if (view.can_write && (key(ImGuiKey_Delete) || key(ImGuiKey_Backspace))) {
    action.edit = CellEdit::kClear;
    action.row = form.row;
    action.col = form.col;
    form.typed.clear();
    return;
  }
  if (io.InputQueueCharacters.Size == 0) return;
  std::string typed;
  for (ImWchar c : io.InputQueueCharacters) {
    // UTF-8 of a BMP character (ImWchar is 16 bits in this build).
    unsigned v = c;
    if (v < 0x80) {
      typed += static_cast<char>(v);
    } else if (v < 0x800) {
      typed += static_cast<char>(0xC0 | (v >> 6));
      typed += static_cast<char>(0x80 | (v & 0x3F));
    } else {
      typed += static_cast<char>(0xE0 | (v >> 12));
      typed += static_cast<char>(0x80 | ((v >> 6) & 0x3F));
      typed += static_cast<char>(0x80 | (v & 0x3F));
    }
  }
  io.InputQueueCharacters.resize(0);
  if (!view.can_write) return;
  for (size_t i = 0; i < typed.size();) {
    size_t len = (typed[i] & 0x80) == 0 ? 1 : (typed[i] & 0xE0) == 0xC0 ? 2 : (typed[i] & 0xF0) == 0xE0 ? 3 : 4;
    std::string ch = typed.substr(i, len);
    i += len;
    if (ch == " ") continue;
    auto known = [&](const std::string& t) {
      for (const auto& v : view.mark_values) if (StartsWith(v, t)) return true;
      for (const auto& c : view.attendance_codes) if (StartsWith(c, t)) return true;
      return false;
    };
    if (!known(form.typed + ch)) {
      std::string russian = RussianOnSameKey(ch);
      if (!russian.empty() && known(form.typed + russian)) ch = russian;
    }
    form.typed += ch;
    // Only whole values count.
    bool exact_mark = false, exact_code = false, longer = false;
    for (const auto& v : view.mark_values) {
      if (v == form.typed) exact_mark = true;
      else if (StartsWith(v, form.typed)) longer = true;
    }
    for (const auto& c : view.attendance_codes) {
      if (c == form.typed) exact_code = true;
      else if (StartsWith(c, form.typed)) longer = true;
    }
    if ((exact_mark || exact_code) && !longer) {
      action.edit = exact_mark ? CellEdit::kAddMark : CellEdit::kAttendance;
      action.value = form.typed;
      action.row = form.row;
      action.col = form.col;
      form.typed.clear();
      return;
    }
    if (!exact_mark && !exact_code && !longer) form.typed.clear();  // nothing starts so: forget it
  }
}

}  // namespace

JournalAction DrawJournalScreen(const JournalView& view, JournalForm& form) {
  JournalAction action;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  float bar_h = 0;
  action.logout = DrawTopBar(view.bar, &bar_h) == TopBarAction::kLogout;
  ui::BeginScrollArea("##journal", ImVec2(0, bar_h), ImVec2(display.x, display.y - bar_h));
  // Everything is placed from the scrolled content's top-left corner, so the page scrolls.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const bool narrow = Narrow();
  const float margin = narrow ? 12 : 32;
  const float width = display.x - 2 * margin;
  ReadTyping(view, form, action);

  // ---- The group, the period, the state of saving ----
  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  ui::BeginPanel(ImVec2(origin.x + margin, origin.y + margin), width, style);
  ui::Heading("Журнал");
  const float field_w = narrow ? ui::AvailableWidth() : std::min(360.0f, (ui::AvailableWidth() - 16) / 2);
  int group = form.group;
  ui::ComboOptions combo;
  combo.width = field_w;
  // Side by side on a desk (each caption above its list), one under the other on a phone.
  const ImVec2 row_start = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  if (ui::Combo("Группа", view.groups, &group, combo) && group != form.group) {
    form.group = group;
    form.period = -1;
    action.reload = true;
  }
  ImGui::EndGroup();
  // Not SameLine: it would align the second caption to the first list's text, 10 px lower.
  if (!narrow) ImGui::SetCursorPos(ImVec2(row_start.x + field_w + 16, row_start.y));
  ImGui::BeginGroup();
  int period = std::max(0, form.period);
  if (!view.periods.empty() && ui::Combo("Период", view.periods, &period, combo) && period != form.period) {
    form.period = period;
    action.reload = true;
  }
  ImGui::EndGroup();
  ui::Space(4);
  ui::ColoredText(view.status, view.status_warning ? theme::kWarning : theme::kMutedText);
  if (!view.notice.empty()) ui::Notice(view.notice, ui::AvailableWidth());
  if (!view.can_write && view.grid && !view.summary) ui::MutedText("Только просмотр: записи в этой группе делает её учитель.");
  for (const auto& p : view.problems) ui::ErrorText(p);
  if (!view.problems.empty() && ui::Button("Понятно###dismiss", {ui::ButtonKind::kSecondary})) action.dismiss_problems = true;
  if (!view.error.empty()) ui::ErrorText(view.error);
  float panel_h = ui::EndPanel();
  float y = origin.y + margin + panel_h + 16;
  if (view.correction.open) y += DrawCorrectionPrompt(view, form, action, ImVec2(margin, y), width) + 16;
  if (view.summary || view.year) {
    if (view.summary) y += DrawClassSummary(view, form, action, ImVec2(margin, y), width);
    else y += DrawYearGrid(view, form, action, ImVec2(margin, y), width);
    ImGui::SetCursorScreenPos(ImVec2(margin, y));
    ImGui::Dummy(ImVec2(0, margin));
    ui::EndScrollArea();
    return action;
  }

  const JournalGrid* grid = view.grid;
  if (!grid) {
    ImGui::SetCursorScreenPos(ImVec2(margin, y));
    ui::MutedText(view.error.empty() ? "Загрузка журнала…" : "");
    ui::EndScrollArea();
    return action;
  }

  // ---- The grid ----
  const float name_w = narrow ? 128 : 230;
  const float cell_w = narrow ? 44 : 52;
  const float right_w = narrow ? 2 * 52 : 3 * 64;
  const float grid_w = width;
  const int cols = static_cast<int>(grid->columns.size());
  int fit = std::max(1, static_cast<int>((grid_w - name_w - right_w) / cell_w));
  fit = std::min(fit, std::max(1, cols));
  if (form.first_column < 0) {
    // The latest held lessons, with the next one or two to come.
    int last_held = -1;
    for (int i = 0; i < cols; ++i) {
      if (!grid->columns[static_cast<size_t>(i)].future) last_held = i;
    }
    form.first_column = std::max(0, std::min(cols - fit, last_held + 2 - fit));
  }
  if (form.col >= 0 && form.col < form.first_column) form.first_column = form.col;
  if (form.col >= form.first_column + fit) form.first_column = form.col - fit + 1;
  form.first_column = std::max(0, std::min(form.first_column, std::max(0, cols - fit)));

  ImGui::SetCursorScreenPos(ImVec2(margin, y));
  ui::ButtonOptions page_button{ui::ButtonKind::kSecondary};
  page_button.enabled = form.first_column > 0;
  page_button.compact = true;
  if (ui::Button("← Раньше###earlier", page_button)) form.first_column = std::max(0, form.first_column - fit);
  ImGui::SameLine(0, 8);
  page_button.enabled = form.first_column + fit < cols;
  if (ui::Button("Позже →###later", page_button)) form.first_column = std::min(cols - fit, form.first_column + fit);
  ImGui::SameLine(0, 16);
  std::string summary = grid->subject + " · " + grid->period_name;
  if (grid->lessons_without_topic > 0) {
    summary += " · без темы: " + std::to_string(grid->lessons_without_topic);
  }
  ui::MutedText(summary);
  y = ImGui::GetCursorScreenPos().y + 8;

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float x0 = margin;
  const int shown = std::min(fit, cols - form.first_column);
  const float table_w = name_w + shown * cell_w + right_w;
  const float table_h = kHeaderH + static_cast<float>(grid->rows.size()) * kCellH;
  dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + table_w, y + table_h), theme::kPanel, theme::kRounding);
  dl->AddRect(ImVec2(x0, y), ImVec2(x0 + table_w, y + table_h), theme::kBorder, theme::kRounding);

  auto text_at = [&](const std::string& text, float cx, float cy, ImU32 color, bool strong = false) {
    ImFont* font = strong && theme::GetFonts().strong ? theme::GetFonts().strong : ImGui::GetFont();
    ImVec2 size = font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, text.c_str());
    dl->AddText(font, ImGui::GetFontSize(), ImVec2(std::round(cx - size.x / 2), std::round(cy - size.y / 2)), color,
                text.c_str());
  };
  // Header: «Ученик», the lessons' dates, «Ср.», «Прогн.», «Итог».
  ImGui::SetCursorScreenPos(ImVec2(x0 + 12, y + 12));
  ui::StrongText("Ученик");
  for (int k = 0; k < shown; ++k) {
    int c = form.first_column + k;
    const GridColumn& col = grid->columns[static_cast<size_t>(c)];
    ImVec2 min(x0 + name_w + k * cell_w, y), max(min.x + cell_w, y + kHeaderH);
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(c);
    bool clicked = ImGui::InvisibleButton("##lesson", ImVec2(cell_w, kHeaderH));
    ImGui::PopID();
    bool open = form.lesson == col.lesson_id;
    if (open || ImGui::IsItemHovered()) dl->AddRectFilled(min, max, open ? theme::kAccentSoft : theme::kRowHovered);
    text_at(col.title, (min.x + max.x) / 2, min.y + 16, col.future ? theme::kMutedText : theme::kText, open);
    // A held lesson without a topic or homework gets an amber dot; a substitution a blue one.
    if (!col.future && (!col.has_topic || !col.has_homework)) {
      dl->AddCircleFilled(ImVec2((min.x + max.x) / 2 - 6, min.y + 34), 3.5f, theme::kWarning);
    }
    if (col.substituted || col.moved) dl->AddCircleFilled(ImVec2((min.x + max.x) / 2 + 6, min.y + 34), 3.5f, theme::kAccent);
    std::string detail = col.has_topic ? "тема есть" : "без темы";
    if (!col.has_homework) detail += ", без задания";
    ui::Widget& w = ui::RecordCell(col.title + "###lesson" + std::to_string(col.lesson_id), "header", min, max);
    w.value = detail;
    w.selected = open;
    if (clicked) {
      form.lesson = col.lesson_id;
      form.final_row = -1;
      form.scroll_to_panel = 3;
      action.open_lesson = true;
    }
    dl->AddLine(ImVec2(min.x, y + 6), ImVec2(min.x, y + table_h - 6), theme::kBorder);
  }
  const char* right_titles[] = {"Ср.", "Прогн.", "Итог"};
  const int right_cols = narrow ? 2 : 3;
  for (int r = 0; r < right_cols; ++r) {
    float cx = x0 + name_w + shown * cell_w + r * (right_w / right_cols) + right_w / right_cols / 2;
    const char* title = narrow && r == 1 ? "Итог" : right_titles[r];
    text_at(title, cx, y + kHeaderH / 2, theme::kMutedText, true);
  }
  dl->AddLine(ImVec2(x0, y + kHeaderH), ImVec2(x0 + table_w, y + kHeaderH), theme::kBorder);

  for (size_t ri = 0; ri < grid->rows.size(); ++ri) {
    const GridRow& row = grid->rows[ri];
    const int r = static_cast<int>(ri);
    float ry = y + kHeaderH + r * kCellH;
    if (r > 0) dl->AddLine(ImVec2(x0 + 8, ry), ImVec2(x0 + table_w - 8, ry), IM_COL32(0xEE, 0xF1, 0xF5, 0xFF));
    std::string name = std::to_string(r + 1) + ". " + row.name;
    // Names that do not fit are cut with an ellipsis, never overlapping the cells.
    const std::string shown_name = ui::Shortened(name, name_w - 20);
    dl->AddText(ImVec2(x0 + 12, ry + (kCellH - ImGui::GetFontSize()) / 2), theme::kText, shown_name.c_str());
    for (int k = 0; k < shown; ++k) {
      int c = form.first_column + k;
      const GridCell& cell = row.cells[static_cast<size_t>(c)];
      ImVec2 min(x0 + name_w + k * cell_w, ry), max(min.x + cell_w, ry + kCellH);
      ImGui::SetCursorScreenPos(min);
      ImGui::PushID(r * 10000 + c);
      bool clicked = ImGui::InvisibleButton("##cell", ImVec2(cell_w, kCellH));
      ImGui::PopID();
      bool selected = form.row == r && form.col == c;
      if (!cell.member) {
        dl->AddRectFilled(ImVec2(min.x + 1, min.y + 1), ImVec2(max.x - 1, max.y - 1), IM_COL32(0xF0, 0xF2, 0xF5, 0xFF));
      } else if (selected) {
        dl->AddRectFilled(ImVec2(min.x + 2, min.y + 2), ImVec2(max.x - 2, max.y - 2), theme::kAccentSoft, 4);
        dl->AddRect(ImVec2(min.x + 2, min.y + 2), ImVec2(max.x - 2, max.y - 2), theme::kAccent, 4, 0, 2);
      } else if (ImGui::IsItemHovered()) {
        dl->AddRectFilled(min, max, theme::kRowHovered);
      }
      std::string text = cell.Text();
      if (!text.empty()) {
        // Attendance in grey-red, marks in the text colour (failing marks in red).
        ImU32 color = cell.marks.empty() ? theme::kErrorText : MarkColor(*grid, cell.marks.back()->value);
        if (!cell.attendance.empty() && !cell.marks.empty()) color = theme::kText;
        text_at(text, (min.x + max.x) / 2, (min.y + max.y) / 2, color, !cell.marks.empty());
      }
      ui::Widget& w = ui::RecordCell(row.name + " · " + grid->columns[static_cast<size_t>(c)].title, "cell", min, max);
      w.value = text;
      w.selected = selected;
      w.enabled = cell.member;
      if (clicked && cell.member) {
        form.row = r;
        form.col = c;
        form.typed.clear();
      }
    }
    // Average, proposed final, final.
    float rx = x0 + name_w + shown * cell_w;
    float rw = right_w / right_cols;
    text_at(row.average.empty() ? "—" : row.average, rx + rw / 2, ry + kCellH / 2, theme::kMutedText);
    int final_col = narrow ? 1 : 2;
    if (!narrow) text_at(row.proposed.empty() ? "—" : row.proposed, rx + rw + rw / 2, ry + kCellH / 2, theme::kMutedText);
    ImVec2 fmin(rx + final_col * rw, ry), fmax(fmin.x + rw, ry + kCellH);
    ImGui::SetCursorScreenPos(fmin);
    ImGui::PushID(r);
    bool final_clicked = ImGui::InvisibleButton("##final", ImVec2(rw, kCellH));
    ImGui::PopID();
    bool final_open = form.final_row == r;
    if (final_open || ImGui::IsItemHovered()) dl->AddRectFilled(fmin, fmax, final_open ? theme::kAccentSoft : theme::kRowHovered);
    text_at(row.final_value.empty() ? "·" : row.final_value, (fmin.x + fmax.x) / 2, ry + kCellH / 2,
            row.final_value.empty() ? theme::kMutedText : theme::kText, true);
    ui::Widget& fw = ui::RecordCell(row.name + " · итог", "cell", fmin, fmax);
    fw.value = row.final_value;
    fw.selected = final_open;
    if (final_clicked && !grid->final_values.empty()) {
      form.final_row = r;
      form.lesson = 0;
      form.scroll_to_panel = 3;
      form.final_choice = 0;
      const std::string& want = row.final_value.empty() ? row.proposed : row.final_value;
      for (size_t i = 0; i < grid->final_values.size(); ++i) {
        if (grid->final_values[i] == want) form.final_choice = static_cast<int>(i);
      }
    }
  }
  if (grid->rows.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(x0 + 12, y + kHeaderH + 8));
    ui::MutedText("В группе нет учеников в этом периоде.");
  }
  ImGui::SetCursorScreenPos(ImVec2(x0, y + table_h));
  ImGui::Dummy(ImVec2(table_w, 1));
  y += table_h + 16;
  if (view.can_write) {
    ImGui::SetCursorScreenPos(ImVec2(margin, y - 8));
    ui::MutedText(narrow ? "Выберите клетку и введите отметку или н, б, у, оп."
                         : "Выберите клетку: цифра — отметка, н, б, у, оп — посещаемость, Delete — стереть, стрелки и Enter — переход.");
    y = ImGui::GetCursorScreenPos().y + 8;
  }
  // ---- The selected cell: its marks' types and comments, fill-down ----
  if (form.row >= 0 && form.col >= 0 && form.row < static_cast<int>(grid->rows.size()) &&
      form.col < cols && grid->rows[static_cast<size_t>(form.row)].cells[static_cast<size_t>(form.col)].member &&
      (view.can_write || !grid->rows[static_cast<size_t>(form.row)].cells[static_cast<size_t>(form.col)].marks.empty())) {
    y += DrawCellPanel(view, form, action, ImVec2(margin, y), width) + 16;
  }

  // ---- The final being chosen ----
  if (form.final_row >= 0 && form.final_row < static_cast<int>(grid->rows.size())) {
    const GridRow& row = grid->rows[static_cast<size_t>(form.final_row)];
    ui::BeginPanel(ImVec2(margin, y), width, style);
    if (form.scroll_to_panel > 0) ImGui::SetScrollHereY(0.1f), --form.scroll_to_panel;  // content grows over a frame or two
    ui::StrongText(row.name + " — отметка за период «" + grid->period_name + "»");
    std::string basis = row.average.empty() ? "Текущих отметок нет." : "Средневзвешенный балл " + row.average + " (" + std::to_string(row.marks) + " отм.)";
    if (!row.proposed.empty()) basis += ", предлагается «" + row.proposed + "».";
    else if (!row.average.empty()) basis += ": отметок недостаточно, решение за учителем.";
    ui::MutedText(basis);
    std::vector<ui::ComboItem> items;
    for (const auto& v : grid->final_values) items.push_back({v, v == row.proposed ? "предложено" : ""});
    ui::ComboOptions final_combo;
    final_combo.width = 160;
    final_combo.enabled = view.can_write;
    ui::Combo("Отметка за период", items, &form.final_choice, final_combo);
    if (view.can_write) {
      ImGui::SameLine(0, 12);
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 22);
      if (ui::Button("Выставить###final_set")) {
        action.set_final = true;
        action.value = grid->final_values[static_cast<size_t>(form.final_choice)];
      }
    }
    ImGui::SameLine(0, 12);
    if (ui::Button("Закрыть###final_close", {ui::ButtonKind::kLink})) form.final_row = -1;
    if (!view.final_error.empty()) ui::ErrorText(view.final_error);
    y += ui::EndPanel() + 16;
  }

  // ---- The lesson ----
  const GridColumn* lesson = nullptr;
  for (const auto& c : grid->columns) {
    if (c.lesson_id == form.lesson) lesson = &c;
  }
  if (lesson) {
    ui::BeginPanel(ImVec2(margin, y), width, style);
    if (form.scroll_to_panel > 0) ImGui::SetScrollHereY(0.1f), --form.scroll_to_panel;  // content grows over a frame or two
    ui::Heading("Урок " + lesson->title + ", " + std::to_string(lesson->number) + "-й урок");
    if (lesson->substituted) ui::MutedText("Замена: урок ведёт другой учитель.");
    if (lesson->moved) ui::MutedText("Урок перенесён.");
    ui::InputOptions topic;
    topic.enabled = view.can_write;
    topic.hint = view.planned_topic.empty() ? "Тема урока" : "По плану: " + view.planned_topic;
    ui::InputText("Тема###topic", &form.topic, topic);
    if (view.can_write && form.topic.empty() && !view.planned_topic.empty()) {
      if (ui::Button("Взять тему из КТП###take_plan", {ui::ButtonKind::kLink})) form.topic = view.planned_topic;
    }
    ui::InputOptions homework;
    homework.enabled = view.can_write;
    homework.height = 72;
    ui::InputText("Домашнее задание###homework", &form.homework, homework);
    ui::InputOptions minutes;
    minutes.enabled = view.can_write;
    minutes.width = 140;
    minutes.hint = "мин";
    ImGui::BeginGroup();
    ui::InputText("Время, мин###minutes", &form.minutes, minutes);
    ImGui::EndGroup();
    if (!view.due_lessons.empty()) {
      ImGui::SameLine(0, 16);
      ImGui::BeginGroup();
      ui::ComboOptions due;
      due.enabled = view.can_write && !form.homework.empty();
      due.width = std::min(360.0f, ImGui::GetContentRegionAvail().x);
      ui::Combo("Задано к###due_lesson", view.due_lessons, &form.due_choice, due);
      ImGui::EndGroup();
    }
    ui::InputOptions notes;
    notes.enabled = view.can_write;
    notes.height = 56;
    notes.hint = "Например: урок проведён в форме экскурсии";
    ui::InputText("Примечание к уроку###notes", &form.notes, notes);
    if (!view.lesson_error.empty()) ui::ErrorText(view.lesson_error);
    if (view.can_write) {
      ui::Space(4);
      if (ui::Button("Сохранить урок###save_lesson")) action.save_lesson = true;
      ImGui::SameLine(0, 12);
    }
    if (ui::Button("Закрыть###close_lesson", {ui::ButtonKind::kLink})) form.lesson = 0;
    ui::EndPanel();
  }
  ImGui::Dummy(ImVec2(0, margin));
  ui::EndScrollArea();
  return action;
}

}  // namespace ej::web
