// Internal to web/: the console's pages of the study plan and of one student: «Учебный план»
// (screen_curriculum.cpp), «Нагрузка» (screen_workload.cpp), «Группы» (screen_groups.cpp), a
// group's card (screen_group_card.cpp) and a student's card (screen_student_card.cpp): their
// forms and actions. The console turns the actions into the core's operations
// (console_plan.cpp); the pages only draw the state and what was typed. Hours, limits and
// plans are the core's (ej::MaxWeeklyHours, Structure::CurriculumHours, StudentPlan …).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "screens.h"

namespace ej::web {

// Hours as the school writes them: "5", "4,5"; "" for 0.
std::string HoursText(double hours);
// Typed hours: "4,5", "4.5", " 5 ", "" (0); nullopt when it is not a number.
std::optional<double> ParseHours(const std::string& text);

// ---- screen_curriculum.cpp: «Учебный план» ----

struct CurriculumForm {
  int level = 1;  // the grades shown on a wide screen: 0: 1–4, 1: 5–9, 2: 10–11
  int grade = 5;  // the grade shown on a phone
  // The typed hours of cells, by (grade, subject): a cell is edited while its text differs
  // from the stored hours; «Сохранить» sends the edited ones in one batch.
  std::map<std::pair<int, int64_t>, std::string> cells;
  std::map<std::pair<int, int64_t>, std::string> errors;  // the server's refusal, by cell
  std::string error;   // a request that failed as a whole, or text that is not a number
  std::string notice;  // «Учебный план сохранён.»
  bool busy = false;
  // «Новый предмет»
  std::string subject_name;
  std::string subject_short;
  std::string subject_error;
  std::string subject_notice;
  bool subject_busy = false;
};

struct CurriculumAction {
  bool save = false;            // «Сохранить изменения»
  bool discard = false;         // «Отменить изменения»
  bool create_subject = false;  // «Добавить предмет»
};

CurriculumAction DrawCurriculumScreen(const ConsoleContext& context, CurriculumForm& form);
// The cells whose typed hours differ from the stored ones: (grade, subject) → hours; cells
// that are not a number go to `bad`.
std::map<std::pair<int, int64_t>, double> EditedCells(const Structure& s, int64_t year_id, const CurriculumForm& form,
                                                      std::vector<std::pair<int, int64_t>>* bad);

// ---- screen_workload.cpp: «Нагрузка» ----

struct WorkloadForm {
  // The table's filters (0: all) and sorted column.
  int64_t teacher_filter = 0;
  int64_t class_filter = 0;
  int64_t subject_filter = 0;
  ui::TableSort sort;
  // «Назначить нагрузку» (a row's click fills it in).
  int64_t teacher_id = 0;
  int64_t group_id = 0;
  std::string hours;
  std::map<std::string, std::string> errors;  // by field: "teacher_id", "group_id", "hours"
  std::string error;
  std::string notice;
  bool busy = false;
};

struct WorkloadAction {
  bool save = false;    // «Сохранить»
  bool remove = false;  // «Снять нагрузку»
};

WorkloadAction DrawWorkloadScreen(const ConsoleContext& context, WorkloadForm& form);

// ---- screen_groups.cpp: «Группы» ----

struct GroupsForm {
  std::string search;
  int64_t class_filter = 0;  // 0: every class
  int kind_filter = 0;       // 0: every kind, else 1 + GroupKind
  ui::TableSort sort;
  // «Новая группа»: opened above the table by its button; kept after a refusal, the name
  // cleared after success (kind, subject and classes stay for the next group).
  bool adding = false;
  int kind = 1;  // GroupKind; a subgroup by default
  std::string name;
  int64_t subject_id = 0;
  std::set<int64_t> class_ids;
  std::map<std::string, std::string> errors;  // by field: "kind", "name", "subject_id", "class_ids"
  std::string error;
  std::string notice;
  int64_t created_group_id = 0;
  bool busy = false;
};

struct GroupsAction {
  bool create = false;
  int64_t open_group = 0;
};

GroupsAction DrawGroupsScreen(const ConsoleContext& context, GroupsForm& form);

// ---- screen_group_card.cpp: a group's card and its members ----

struct GroupCardForm {
  int64_t class_filter = 0;   // the students of this class of the group (0: all its classes)
  bool edited = false;        // `members` differs from the group's: «Сохранить состав»
  std::set<int64_t> members;  // ticked students while edited
  std::string error;
  std::string notice;
  bool busy = false;
};

struct GroupCardAction {
  bool back = false;
  bool save = false;
};

GroupCardAction DrawGroupCardScreen(const ConsoleContext& context, const Group& group, GroupCardForm& form);

// ---- screen_student_card.cpp: a student's card (movement, parents, ИУП) ----

struct StudentCardForm {
  // «Перевести в другой класс» and «Отметить выбытие»: dates as ДД.ММ.ГГГГ, empty: today.
  int64_t transfer_class = 0;
  std::string transfer_date;
  std::string leave_date;
  bool confirming_leave = false;
  std::map<std::string, std::string> errors;  // by field: "class_id", "from", "to"
  std::string move_error;
  std::string move_notice;
  bool move_busy = false;
  // A line of the individual study plan.
  int64_t iup_subject = 0;
  int iup_mode = 0;  // 0: add hours, 1: replace the class's hours
  std::string iup_hours;
  std::map<std::string, std::string> iup_errors;  // by field: "subject_id", "mode", "hours"
  std::string iup_error;
  std::string iup_notice;
  bool iup_busy = false;
  // «Добавить родителя»: a new parent's full name and the link (0 мать, 1 отец, 2 законный представитель).
  std::string parent_name;
  int parent_kind = 0;
  std::map<std::string, std::string> parent_errors;  // by field: "last_name" …, "kind"
  std::string parent_error;
  std::string parent_notice;
  bool parent_busy = false;
};

struct StudentCardAction {
  bool back = false;           // «← Класс 5А»
  bool transfer = false;       // «Перевести»
  bool leave = false;          // «Подтвердить выбытие»
  bool iup_save = false;       // «Сохранить строку»
  bool iup_remove = false;     // «Убрать из плана»
  bool add_parent = false;     // «Добавить родителя»
};

StudentCardAction DrawStudentCardScreen(const ConsoleContext& context, const Person& student, StudentCardForm& form);

// Russian words for a parent's link: «мать», «отец», «законный представитель».
std::string_view GuardianKindTitle(std::string_view kind);
// "мать: Белова Е. А.; отец: Белов И. С." — the student's parents, "" if none are known.
std::string ParentsLine(const Structure& s, int64_t student_id);

}  // namespace ej::web
