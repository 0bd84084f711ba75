// Internal to web/: «Контрольные работы» (ВСОКО, R10), a console page for the head and
// deputies: a month of a class as a calendar with its control works, a work added
// (control_work.set) or removed (control_work.remove) through POST route::kOps, and the load
// rules' violations of the class as they are made — the daily and weekly limits
// (FindControlWorkViolations) and the school's other ВСОКО rules (SchoolRules::control_load,
// FindControlLoadViolations with the weekly timetable). It loads the schedule
// (route::kControlWorks), the rules (route::kRules) and the timetable (route::kTimetable).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "console_pages.h"
#include "control_works.h"
#include "env.h"
#include "school_rules.h"
#include "structure.h"
#include "timetable.h"

namespace ej::web {

struct CalendarForm {
  int64_t class_id = 0;       // 0: the first class of the year
  std::optional<Date> month;  // the first day of the month shown (none: today's)
  int64_t work_id = 0;        // the chosen work (to remove it)
  int64_t group_id = 0;       // a new work: the group, day, lesson number, form, title
  std::string date;
  std::string number;
  int form = 0;               // index in ControlWorkForms()
  std::string title;
  std::string error;
  std::string field;
  std::string notice;
  bool busy = false;
};

class ControlCalendarPage {
 public:
  ControlCalendarPage(Transport& transport, Env& env) : requests_(transport), env_(env) {}
  void Open(int64_t year_id);
  void Close();
  bool opened() const { return opened_; }
  void Draw(const Structure& s, const AcademicYear* year, Date today);
  std::string error() const { return load_error_.empty() ? form_.error : load_error_; }
  bool settled() const { return (works_.has_value() && rules_.has_value() && timetable_.has_value()) || !load_error_.empty(); }
  const CalendarForm& form() const { return form_; }
  PageRequests& requests() { return requests_; }
  const PageRequests& requests() const { return requests_; }

 private:
  void Load();
  void Push(std::string_view kind, protocol::Json payload, std::string notice);

  PageRequests requests_;
  Env& env_;
  bool opened_ = false;
  int64_t year_id_ = 0;
  std::optional<ControlWorks> works_;
  std::optional<SchoolRules> rules_;
  std::optional<Timetable> timetable_;
  std::string load_error_;
  std::optional<Operation> waiting_;
  CalendarForm form_;
};

}  // namespace ej::web
