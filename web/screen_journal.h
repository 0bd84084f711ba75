// Internal to web/: the teacher's journal screen (screen_journal.cpp) and what it is drawn from.
// The screen draws the core's JournalGrid and turns keys, clicks and taps into actions; the
// JournalDesk (journal_desk.h) turns actions into operations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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
  int final_row = -1;       // the student whose final is being chosen
  int final_choice = 0;     // index into the grid's final values
  int scroll_to_panel = 0;  // frames left to bring a just-opened panel into view
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
  std::string status;       // «Все изменения сохранены», «Сохранение…», «Нет связи …»
  bool status_warning = false;
  std::vector<std::string> problems;  // refused changes, each with its reason
  std::string error;        // a load that failed
  std::string lesson_error; // the lesson panel's refusal
  std::string final_error;
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
};

JournalAction DrawJournalScreen(const JournalView& view, JournalForm& form);

}  // namespace ej::web
