// Internal to web/: the teacher's journal screen (screen_journal.cpp) and what it is drawn from.
// The screen draws the core's JournalGrid and turns keys, clicks and taps into actions; the
// JournalDesk (journal_desk.h) turns actions into operations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "class_summary.h"
#include "journal_grid.h"
#include "screens.h"
#include "ui.h"

namespace ej::web {

// What the user is doing on the screen; kept across frames and reloads.
struct JournalForm {
  int group = 0;            // index into the view's groups
  int period = 0;           // index into the view's periods
  int first_column = -1;    // the first lesson column shown; -1: the latest held lessons
  int row = -1, col = -1;   // the selected cell (-1: none)
  std::string typed;        // letters typed into the cell so far («о» waits for «п»)
  int64_t lesson = 0;       // the lesson whose panel is open (0: none)
  std::string topic, homework, minutes;  // the lesson panel's fields, as typed
  std::string notes;        // the lesson's notes, as typed
  int due_choice = 0;       // index into view.due_lessons (0: the next lesson)
  int final_row = -1;       // the student whose final is being chosen
  int final_choice = 0;     // index into the grid's final values
  int scroll_to_panel = 0;  // frames left to bring a just-opened panel into view
  std::string reason;       // the correction prompt's reason, as typed
  bool focus_reason = false;
  // The selected cell's panel: its marks' types and comments, the type of the next mark.
  std::string new_mark_type;            // a mark type code of the rules ("": the first)
  std::vector<int> mark_types;          // per mark of the cell: index into view.mark_types
  std::vector<std::string> mark_comments;
  int64_t cell_lesson = 0, cell_student = 0;  // the cell the panel's inputs belong to
  std::string recommendation;           // a recommendation to the cell's student (R19), as typed
  // «Итоги года»: the year grid instead of a period's grid; the row whose year mark is chosen.
  int year_row = -1;
  int year_kind = 0;        // 0: годовая, 1: экзаменационная, 2: итоговая
  int year_choice = 0;
};

// A change the core refused until the user gives a reason, or that needs the deputy's approval
// (a locked period): the entry waits here, nothing is lost.
struct CorrectionPrompt {
  bool open = false;
  bool approval = false;    // a request to the deputy instead of a change with a reason
  std::string what;         // «Отметка «4» — Абрамов И., 08.09.2026»
  std::string message;      // the core's explanation
  std::string error;        // a refusal of the reason itself
};



struct JournalView {
  TopBarView bar;
  std::vector<ui::ComboItem> groups;   // «5А — Математика»
  std::vector<ui::ComboItem> periods;  // «1 четверть»
  const JournalGrid* grid = nullptr;   // null while loading
  std::vector<std::string> mark_values;      // what may be typed as a mark
  std::vector<std::string> attendance_codes; // what may be typed as attendance
  bool can_write = false;   // the user keeps this group's lessons (else: reading)
  std::string planned_topic;  // the КТП's topic for the open lesson, "" when none
  std::vector<ui::ComboItem> due_lessons;  // what the open lesson's homework may be due for
  std::string status;       // «Все изменения сохранены», «Сохранение…», «Нет связи …»
  bool status_warning = false;
  std::string notice;       // «Заявка отправлена …», in green under the status
  std::vector<std::string> problems;  // refused changes, each with its reason
  std::string error;        // a load that failed
  std::string lesson_error; // the lesson panel's refusal
  std::string final_error;
  CorrectionPrompt correction;
  std::vector<ui::ComboItem> mark_types;     // the school's mark types: name, weight
  std::vector<std::string> mark_type_codes;  // the same, codes
  const ClassSummary* summary = nullptr;     // the class teacher's summary is shown
  const YearGrid* year = nullptr;            // «Итоги года» is shown
  bool year_available = false;               // the period list ends with «Итоги года»
  std::string recommendation_error;          // the server's refusal of a recommendation
  bool recommendation_busy = false;
};

enum class CellEdit { kNone, kAddMark, kAttendance, kClear };

struct JournalAction {
  bool logout = false;
  bool reload = false;          // the group or the period changed
  CellEdit edit = CellEdit::kNone;
  int row = -1, col = -1;
  std::string value;            // the mark or the attendance code
  bool open_lesson = false;     // a lesson's column title was clicked (form.lesson is set)
  bool save_lesson = false;
  bool set_final = false;       // form.final_row, the value in `value`
  bool dismiss_problems = false;
  bool submit_reason = false;   // the correction prompt: send with form.reason
  bool cancel_reason = false;   // the correction prompt: discard the change
  bool save_cell = false;       // the cell panel: the marks' types and comments
  bool fill_down = false;       // the selected cell's value into the empty cells below
  bool set_year_final = false;  // form.year_row, form.year_kind, the value in `value`
  bool send_recommendation = false;  // form.recommendation to the selected cell's student
};

JournalAction DrawJournalScreen(const JournalView& view, JournalForm& form);

// Parts of the screen (screen_journal_views.cpp); each draws at `pos`, `width` wide, and
// returns its height.
float DrawCorrectionPrompt(const JournalView& view, JournalForm& form, JournalAction& action, ImVec2 pos, float width);
float DrawCellPanel(const JournalView& view, JournalForm& form, JournalAction& action, ImVec2 pos, float width);
float DrawYearGrid(const JournalView& view, JournalForm& form, JournalAction& action, ImVec2 pos, float width);
float DrawClassSummary(const JournalView& view, JournalForm& form, JournalAction& action, ImVec2 pos, float width);

}  // namespace ej::web
