// Internal to web/: the console's pages «Учебный год» (screen_year.cpp) and «Сотрудники»
// (screen_staff.cpp), their forms and actions. The console turns the actions into operations
// (console_year_staff.cpp); the pages only draw the state and the typed text.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "roster_import.h"
#include "screens.h"

namespace ej::web {

// ---- screen_year.cpp: «Учебный год» ----

// A form of dates typed as ДД.ММ.ГГГГ; kept after a rejection, cleared after success.
struct DatesForm {
  std::string name;
  std::string first;  // "01.09.2026"
  std::string last;
  int grade_from = 1;  // periods only
  int grade_to = 9;
  std::map<std::string, std::string> errors;  // by the error's field: "name", "first", "last", "grade_from"
  std::string error;   // an error not about one field
  std::string notice;  // «Период «1 четверть» добавлен.»
  bool busy = false;
};

struct YearForm {
  DatesForm period;
  DatesForm holiday;
  DatesForm next_year;     // «Новый учебный год»: name and dates
  bool confirming = false; // «Перейти на новый учебный год» pressed: «Подтвердить переход» shown
  std::string fill_error;  // «Заполнить по умолчанию» failed
  std::string fill_notice;
};

struct YearAction {
  bool create_period = false;
  bool create_holiday = false;
  bool fill_default = false;
  bool rollover = false;       // «Подтвердить переход»
  int64_t show_year = 0;       // a year picked in the selector
};

YearAction DrawYearScreen(const ConsoleContext& context, YearForm& form);

// ---- screen_staff.cpp: «Сотрудники» ----

// The server's answer for one pasted staff row.
struct StaffRowOutcome {
  bool added = false;
  std::string message;
};

struct StaffForm {
  std::string search;
  ui::TableSort sort;  // by name or roles
  std::string text;                    // the pasted rows, as typed
  std::string checked_text;            // the text `rows` were made from
  std::vector<StaffImportRow> rows;    // the last check or the last batch's rows
  std::map<int, StaffRowOutcome> outcomes;  // by line: the last batch's answers
  bool reported = false;
  std::string notice;
  std::string error;
  bool busy = false;
};

struct StaffAction {
  bool check = false;  // «Проверить»
  bool add = false;    // «Добавить N сотрудников»
};

// Staff: everyone who is not a student and not only a parent.
bool IsStaff(const Person& p);

StaffAction DrawStaffScreen(const ConsoleContext& context, StaffForm& form);

}  // namespace ej::web
