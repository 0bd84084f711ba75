// Internal to web/: «Расписание» (R10), a console page for the head and deputies: the weekly
// timetable as a grid of days × lesson numbers (with the bell times) for a class, a teacher or
// a room; a lesson added, moved (another day, number, room, week) or removed through the
// timetable's operations (timetable.set_entry, timetable.remove_entry, POST route::kOps); the
// conflicts of the view (a teacher, a room or a student in two places, hours against the
// workload) as the core finds them (FindTimetableConflicts), each naming the lessons concerned;
// under them the bell schedules of the shifts, edited and sent as bells.set; then the classes'
// school week (five or six days, timetable.set_week) and the journal's lessons generated from the
// timetable (lessons.generate, with the figures of what changed).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bell_form.h"
#include "console_pages.h"
#include "env.h"
#include "structure.h"
#include "timetable.h"

namespace ej::web {

enum class TimetableView { kClass, kTeacher, kRoom };

// The bell schedule being edited under the grid (R10): which one (0: a new one), its name, the
// lessons' times as typed (shared/bell_form.h turns them into a schedule) and its shift's classes.
struct BellsForm {
  int64_t id = -1;  // -1: not chosen yet (the first schedule, or a new one when there is none)
  std::string name;
  std::vector<BellRowText> rows;
  std::set<int64_t> class_ids;
  int filled_generation = -1;  // the timetable the draft was filled from; refilled unless edited
  bool edited = false;
  std::string error;
  std::string notice;
};

// The classes' weeks and the lessons' generation (R10), under the bells.
struct LessonsForm {
  std::string from;  // «с какого дня», ДД.ММ.ГГГГ ("": today, or the year's first day)
  std::string week_error, week_notice;
  std::string error, notice;
};

// Where a pushed operation's answer is shown.
enum class PushTo { kLesson, kBells, kWeek, kLessons };

struct TimetableForm {
  TimetableView view = TimetableView::kClass;
  int64_t class_id = 0;    // the class shown (0: the first of the year)
  int64_t teacher_id = 0;  // the teacher shown (0: the first)
  std::string room;        // the room shown ("": the first)
  // The lesson being edited (id 0: a new one) and its fields.
  int64_t entry_id = 0;
  int64_t group_id = 0;
  int64_t entry_teacher = 0;
  int weekday = 1;
  int number = 1;
  std::string entry_room;
  int parity = 0;  // 0 every week, 1 числитель, 2 знаменатель
  std::string error;
  std::string field;
  std::string notice;
  bool busy = false;
  BellsForm bells;
  LessonsForm lessons;
};

class TimetablePage {
 public:
  TimetablePage(Transport& transport, Env& env) : requests_(transport), env_(env) {}
  void Open();
  void Close();
  bool opened() const { return opened_; }
  void Draw(const Structure& s, const AcademicYear* year);
  std::string error() const { return load_error_.empty() ? form_.error : load_error_; }
  bool settled() const { return timetable_.has_value() || !load_error_.empty(); }
  const TimetableForm& form() const { return form_; }
  const std::vector<TimetableConflict>& conflicts() const { return conflicts_; }
  PageRequests& requests() { return requests_; }
  const PageRequests& requests() const { return requests_; }

 private:
  void Load();
  // `to`: the form under which the answer is shown.
  void Push(std::string_view kind, protocol::Json payload, std::string notice, PushTo to = PushTo::kLesson);
  void DrawBells(const Structure& s, const AcademicYear& year, float x, float width);
  void DrawWeekAndLessons(const Structure& s, const AcademicYear& year, float x, float width);
  void FillBells();

  PageRequests requests_;
  Env& env_;
  bool opened_ = false;
  std::optional<Timetable> timetable_;
  std::string load_error_;
  std::optional<Operation> waiting_;
  TimetableForm form_;
  // The conflicts of the whole timetable, recomputed when it or the structure changes.
  std::vector<TimetableConflict> conflicts_;
  int generation_ = 0;           // bumped with every timetable loaded
  int conflicts_generation_ = -1;
  const Structure* conflicts_structure_ = nullptr;
  int64_t conflicts_year_ = 0;
};

}  // namespace ej::web
