// Internal to web/: the screens, one per file. A screen draws the state it is given and
// returns what the user asked for; the rules (what a request means, what an answer shows)
// live in app.cpp and the core.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "roster_import.h"
#include "setup_checklist.h"
#include "structure.h"
#include "ui.h"

namespace ej::web {

// ---- top_bar.cpp: the bar on top of every screen after login ----

struct TopBarView {
  std::string name;    // "Иванова Мария Петровна"
  std::string roles;   // "Учитель, классный руководитель"
  std::string school;
  bool busy = false;   // logging out: «Выход…»
};

enum class TopBarAction { kNone, kLogout };

// Draws the bar across the top of the window and gives its height.
TopBarAction DrawTopBar(const TopBarView& view, float* height);

// ---- screen_login.cpp ----

struct LoginForm {
  std::string login;
  std::string password;  // kept after an error (input is never lost), cleared after success
  bool focus_login = false;     // one-frame focus requests
  bool focus_password = false;
  float card_height = 0;        // measured in the last frame, for vertical centring
};

struct LoginView {
  std::string subtitle;  // the school's name when known
  std::string error;     // under the form; empty for none
  bool busy = false;     // a login request is in flight: «Вход…»
  bool can_submit = true;
  std::string notice;    // above the form: the offline start asks for the last user's password
};

enum class LoginAction { kNone, kSubmit };

LoginAction DrawLoginScreen(LoginForm& form, const LoginView& view);

// ---- screen_home.cpp ----

struct HomeView {
  TopBarView bar;
  int role_count = 0;
  std::string error;  // e.g. logout failed
};

enum class HomeAction { kNone, kLogout };

HomeAction DrawHomeScreen(const HomeView& view);

// ---- screen_starting.cpp: shown while the app asks the server who is logged in ----

void DrawStartingScreen();

}  // namespace ej::web

namespace ej::web {

// ---- screen_console.cpp: the console's shell (top bar, navigation, a scrolling page) ----

enum class ConsolePage {
  kChecklist,
  kClasses,
  kClass,
  kStudent,  // a student's card, opened from their class's card
  kYear,
  kStaff,
  kCurriculum,
  kWorkload,
  kGroups,
  kGroup,  // a group's card, opened from «Группы»
  kRules,
  kAccounts,
  kCorrections,  // «Исправления»: requests, the corrections audit, locked periods
  kSubstitutions,  // «Замены» (console_substitution.h)
  kTimetable,      // «Расписание» (console_timetable.h)
  kCalendar,       // «Контрольные работы» (console_calendar.h)
  kPlans,          // «КТП» (console_plans.h)
};

// The pages of the navigation's «Планирование» group, in the order of its second row of tabs.
bool IsPlanningPage(ConsolePage page);

struct ConsoleShellView {
  TopBarView bar;
  ConsolePage page = ConsolePage::kChecklist;
  int left_to_set_up = -1;  // the checklist's count for the badge; -1 while unknown
  int classes = -1;         // the year's classes for the badge; -1 while unknown
  bool structure_pages = true;  // the set-up pages (the core's kEditStructure)
  bool accounts_page = false;   // «Учётные записи» (the core's kManageAccounts)
  bool corrections_page = false;  // «Исправления» (the core's kApproveCorrections)
  int pending_requests = 0;       // its badge
  ConsolePage planning_page = ConsolePage::kTimetable;  // the page «Планирование» opens (the last one seen)
};

struct ConsoleShellAction {
  bool logout = false;
  bool go = false;  // a navigation item was clicked: open `page`
  ConsolePage page = ConsolePage::kChecklist;
};

// Draws the top bar and the navigation, then opens the page's scroll area: the page is drawn
// between this and EndConsoleScreen().
ConsoleShellAction BeginConsoleScreen(const ConsoleShellView& view);
void EndConsoleScreen();

// For the pages: the margin around a page (narrow screens: less), the width a page's
// content may take, and the page's title with a grey line under it.
float PageMargin();
float PageWidth();
void PageHeader(const std::string& title, const std::string& subtitle);

// What every page of the console is drawn from.
struct ConsoleContext {
  const Structure* structure = nullptr;  // null while loading
  const AcademicYear* year = nullptr;    // the year shown; null if the school has none
  Date day;                              // today, clamped into the year
  bool busy = false;                     // a push or a reload is on its way
  // Students of each class of the year on `day` (Structure::StudentsOf), computed once per
  // snapshot; null: ask the structure.
  const std::map<int64_t, int>* class_sizes = nullptr;
};

// "2026/2027 учебный год · 01.09.2026 — 31.08.2027"
std::string YearLine(const AcademicYear& year);
// «Дата «31.02» не распознана: нужна в виде ДД.ММ.ГГГГ, например 01.09.2026.» — a typed date refused.
std::string BadDateMessage(const std::string& typed);

// Orders a table's rows by the column it is sorted by: `less(a, b, column)` compares two rows
// in that column. Equal rows, and every row of an unsorted table, keep the given order.
template <typename T, typename Less>
void SortRows(std::vector<T>& rows, const ui::TableSort& sort, Less less) {
  if (sort.column < 0) return;
  std::stable_sort(rows.begin(), rows.end(), [&](const T& a, const T& b) {
    return sort.descending ? less(b, a, sort.column) : less(a, b, sort.column);
  });
}

// Whether `needle` occurs in `haystack`, Cyrillic case folded (as the alphabet orders them).
bool ContainsFolded(std::string_view haystack, std::string_view needle);

// ---- screen_checklist.cpp: «Настройка года» ----

struct ChecklistAction {
  bool open = false;  // «Открыть» of an item
  ChecklistScreen screen = ChecklistScreen::kClasses;
  int64_t entity_id = 0;
};

ChecklistAction DrawChecklistScreen(const ConsoleContext& context,
                                    const std::vector<ChecklistItem>& items);

// ---- screen_classes.cpp: «Классы» (the year's classes and the form «Новый класс») ----

struct ClassesForm {
  // The table's search box, grade filter (0: all grades) and sorted column.
  std::string search;
  int grade_filter = 0;
  ui::TableSort sort;
  // «Новый класс»: kept after a rejection, cleared after success.
  int grade = 0;            // 0: not chosen
  std::string letter;
  int64_t teacher_id = 0;   // 0: «не назначен»
  std::map<std::string, std::string> errors;  // by the error's field: "grade", "letter", "teacher_id"
  std::string error;        // an error not about one field
  std::string notice;       // «Класс 11В создан.»
  int64_t created_class_id = 0;  // the class just created (a link to its card)
  bool busy = false;        // the operation is on its way
};

struct ClassesAction {
  bool create = false;     // «Создать класс»
  int64_t open_class = 0;  // a row was clicked
};

ClassesAction DrawClassesScreen(const ConsoleContext& context, ClassesForm& form);

// ---- screen_class_card.cpp: a class's card and «Добавить учеников из таблицы» ----

// The server's answer for one pasted row.
struct RowOutcome {
  bool added = false;
  std::string message;  // why it was not added
};

struct ClassCardForm {
  // The class teacher being chosen (differs from the class's until «Назначить»).
  int64_t teacher_id = -1;  // -1: as the class has it
  std::string teacher_error;
  bool teacher_busy = false;

  std::string text;              // the pasted rows, as typed
  std::string checked_text;      // the text `rows` were made from
  std::vector<ImportRow> rows;   // the last check («Проверить») or the last batch's rows
  std::map<int, RowOutcome> outcomes;  // by line: the server's answers for the last batch
  bool reported = false;         // rows + outcomes are the last batch's report
  std::string notice;            // «Добавлено 2 ученика.»
  std::string error;             // a request that failed as a whole
  bool busy = false;             // the batch is on its way
};

struct ClassCardAction {
  bool back = false;         // «← Все классы»
  int64_t open_student = 0;  // a student's row was clicked
  bool set_teacher = false;  // «Назначить»
  bool check = false;        // «Проверить»
  bool add = false;          // «Добавить N учеников»
};

ClassCardAction DrawClassCardScreen(const ConsoleContext& context, const SchoolClass& school_class,
                                    ClassCardForm& form);

// The teachers for a class teacher drop-down: «не назначен» first, then everyone who may
// teach, in Russian alphabetical order; `ids` gets the person ids in the same order (0 first).
// Each item's detail is the class the person already leads in the year.
std::vector<ui::ComboItem> TeacherItems(const Structure& s, int64_t year_id, std::vector<int64_t>* ids);

}  // namespace ej::web
