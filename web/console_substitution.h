// Internal to web/: «Замены» (R10), a console page for the head and deputies. It loads every
// lesson of a day (GET route::kDayLessons) and the bell schedules (GET route::kTimetable),
// lists the day's lessons by class and the day's substitutions; for a chosen lesson it shows
// the teachers free at that time, qualified ones first (the core's FindSubstitutes), and
// registers lesson.substitute (or cancels it) and lesson.move through POST route::kOps. The
// structure snapshot (names, groups, subjects) comes from the Console.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "console_pages.h"
#include "env.h"
#include "journal.h"
#include "structure.h"
#include "substitution.h"
#include "timetable.h"

namespace ej::web {

struct SubstitutionForm {
  std::string date;           // as typed: «05.10.2026»
  std::string date_error;     // «Введите дату в виде ДД.ММ.ГГГГ.»
  int64_t class_filter = 0;   // the lessons of this class (0: all classes)
  bool class_chosen = false;  // the filter was set (else the first class with lessons)
  int64_t lesson_id = 0;      // the chosen lesson
  int64_t substitute_id = 0;  // the chosen free teacher
  bool all_candidates = false;  // teachers of other subjects beyond the first few are shown
  std::string move_date;      // «Перенести»: the new day and lesson number, as typed
  std::string move_number;
  std::string error;          // the server's refusal of the last operation
  std::string field;          // the field it names ("substitute_id", "date", "number")
  std::string notice;         // «Замена назначена: …»
  bool busy = false;
};

class SubstitutionPage {
 public:
  SubstitutionPage(Transport& transport, Env& env) : requests_(transport), env_(env) {}
  // Loads the bells and the lessons of `day`.
  void Open(Date day);
  void Close();
  bool opened() const { return opened_; }
  void Draw(const Structure& s);
  std::string error() const;
  bool settled() const { return (loaded_.has_value() && bells_loaded_) || !load_error_.empty(); }
  const SubstitutionForm& form() const { return form_; }
  const std::vector<Lesson>& lessons() const { return lessons_; }
  PageRequests& requests() { return requests_; }
  const PageRequests& requests() const { return requests_; }

 private:
  void LoadDay(Date day);
  void LoadBells();
  void Push(std::string_view kind, protocol::Json payload, std::string notice);
  std::string TimeOf(const Structure& s, const Lesson& l) const;  // «09:25–10:10» by its class's shift, "" without bells

  PageRequests requests_;
  Env& env_;
  std::optional<Date> loaded_;  // the day whose lessons are shown
  Date asked_;                  // the day asked for last (only its answer is taken)
  bool bells_loaded_ = false;
  std::string load_error_;
  std::vector<Lesson> lessons_;
  std::map<int64_t, bool> moved_;  // lesson → moved (перенос)
  std::vector<BellSchedule> bells_;
  std::optional<Operation> waiting_;  // sent, not answered: a retry keeps its op_id
  SubstitutionForm form_;
  bool opened_ = false;
};

}  // namespace ej::web
