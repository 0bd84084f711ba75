// The console's actions for «Учебный год» and «Сотрудники»: the typed text made into the
// core's payloads (ej::PeriodCreatePayload, ej::HolidayCreatePayload, ej::DefaultCalendar,
// ej::YearRolloverPayload, ej::ParseStaffRows, ej::PersonCreatePayload), pushed, and each
// operation's answer shown on the page. The rules are the core's: the server's message is
// shown under the field it names.
#include <algorithm>
#include <optional>
#include <set>

#include "calendar.h"
#include "console.h"
#include "paste_report.h"
#include "screens.h"

namespace ej::web {
namespace {

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// The text without the lines (1-based) in `drop` (as the students' paste leaves the box).

// One typed date, or an error under its field.
std::optional<Date> TypedDate(DatesForm& form, const std::string& text, const char* field) {
  const std::string t = Trimmed(text);
  if (t.empty()) {
    form.errors[field] = "Укажите дату в виде ДД.ММ.ГГГГ, например 01.09.2026.";
    return std::nullopt;
  }
  std::optional<Date> d = Date::ParseRussian(t);
  if (!d) form.errors[field] = BadDateMessage(t);
  return d;
}

// The form's dates as a range; errors under the fields when they cannot be read.
std::optional<DateRange> TypedRange(DatesForm& form) {
  std::optional<Date> first = TypedDate(form, form.first, "first");
  std::optional<Date> last = TypedDate(form, form.last, "last");
  if (!first || !last) return std::nullopt;
  return DateRange{*first, *last};
}

void StartForm(DatesForm& form) {
  form.errors.clear();
  form.error.clear();
  form.notice.clear();
}

// The answer to a form's one operation: true if applied; otherwise the message goes under
// the field it names (or under the form) and the inputs stay.
bool TakeAnswer(DatesForm& form, const Result<PushResponse>& r) {
  form.busy = false;
  if (!r.ok()) {
    form.error = r.status().message();
    return false;
  }
  if (r->results.empty()) {
    form.error = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
    return false;
  }
  const OpResult& result = r->results.front();
  if (result.outcome == OpOutcome::kApplied) return true;
  const std::string& field = result.error.field();
  if (field == "name" || field == "first" || field == "last" || field == "grade_from") {
    form.errors[field] = result.error.message();
  } else {
    form.error = result.error.message();
  }
  return false;
}

void Clear(DatesForm& form) {
  form.name.clear();
  form.first.clear();
  form.last.clear();
}

}  // namespace

void Console::CreatePeriod() {
  const AcademicYear* year = Year();
  DatesForm& form = year_.period;
  if (!structure_ || !year || form.busy) return;
  StartForm(form);
  std::optional<DateRange> range = TypedRange(form);
  if (!range) return;
  const std::string name = Trimmed(form.name);
  form.busy = true;
  Push({MakeOp(op_kind::kPeriodCreate, PeriodCreatePayload(year->id, name, *range, form.grade_from, form.grade_to))},
       [this, name](const Result<PushResponse>& r) {
         DatesForm& f = year_.period;
         if (!TakeAnswer(f, r)) return;
         f.notice = "Период «" + name + "» добавлен.";
         Clear(f);
       });
}

void Console::CreateHoliday() {
  const AcademicYear* year = Year();
  DatesForm& form = year_.holiday;
  if (!structure_ || !year || form.busy) return;
  StartForm(form);
  std::optional<DateRange> range = TypedRange(form);
  if (!range) return;
  const std::string name = Trimmed(form.name);
  form.busy = true;
  Push({MakeOp(op_kind::kHolidayCreate, HolidayCreatePayload(year->id, name, *range))},
       [this, name](const Result<PushResponse>& r) {
         DatesForm& f = year_.holiday;
         if (!TakeAnswer(f, r)) return;
         f.notice = "Каникулы «" + name + "» добавлены.";
         Clear(f);
       });
}

void Console::FillDefaultCalendar() {
  const AcademicYear* year = Year();
  if (!structure_ || !year || pushing_ > 0) return;
  year_.fill_error.clear();
  year_.fill_notice.clear();
  const CalendarDraft draft = DefaultCalendar(*year);
  std::vector<Operation> ops;
  for (const StudyPeriod& p : draft.periods) {
    ops.push_back(MakeOp(op_kind::kPeriodCreate, PeriodCreatePayload(year->id, p.name, p.range, p.grade_from, p.grade_to)));
  }
  for (const Holiday& h : draft.holidays) {
    ops.push_back(MakeOp(op_kind::kHolidayCreate, HolidayCreatePayload(year->id, h.name, h.range)));
  }
  Push(std::move(ops), [this](const Result<PushResponse>& r) {
    if (!r.ok()) {
      year_.fill_error = r.status().message();
      return;
    }
    for (const OpResult& result : r->results) {
      if (result.outcome != OpOutcome::kApplied) {
        year_.fill_error = result.error.message();
        return;
      }
    }
    year_.fill_notice = "Учебный год заполнен по умолчанию. Даты периодов и каникул можно изменить.";
  });
}

void Console::RolloverYear() {
  const AcademicYear* year = Year();
  DatesForm& form = year_.next_year;
  if (!structure_ || !year || form.busy) return;
  StartForm(form);
  std::optional<DateRange> range = TypedRange(form);
  if (!range) {
    year_.confirming = false;
    return;
  }
  const std::string name = Trimmed(form.name);
  form.busy = true;
  Push({MakeOp(op_kind::kYearRollover, YearRolloverPayload(year->id, name, *range))},
       [this, name](const Result<PushResponse>& r) {
         DatesForm& f = year_.next_year;
         year_.confirming = false;
         if (!TakeAnswer(f, r)) return;
         year_id_ = r->results.front().created_id;  // the console shows the new year
         f.notice = "Начат учебный год " + name + ".";
         Clear(f);
       });
}

void Console::CheckStaffRows() {
  if (!structure_ || staff_.busy) return;
  StaffForm& form = staff_;
  form.checked_text = form.text;
  form.outcomes.clear();
  form.reported = false;
  form.notice.clear();
  form.error.clear();
  form.rows.clear();
  if (Status st = CheckPastedRowCount(form.text); !st.ok()) {
    form.error = st.message();
    return;
  }
  form.rows = ParseStaffRows(form.text, *structure_);
}

void Console::AddStaff() {
  StaffForm& form = staff_;
  if (!structure_ || form.busy || form.reported || form.checked_text != form.text) return;
  std::vector<Operation> ops;
  std::map<std::string, int> line_of;  // op_id -> the row's line
  for (const StaffImportRow& row : form.rows) {
    if (!row.ok || ops.size() >= kMaxOpsPerPush) continue;
    Operation op = MakeOp(op_kind::kPersonCreate, PersonCreatePayload(row.name, row.roles));
    line_of[op.op_id] = row.line;
    ops.push_back(std::move(op));
  }
  if (ops.empty()) return;
  form.busy = true;
  form.error.clear();
  form.notice.clear();
  Push(std::move(ops), [this, line_of](const Result<PushResponse>& r) {
    StaffForm& f = staff_;
    f.busy = false;
    if (!r.ok()) {
      // Nothing is known to be added: the rows stay, «Добавить» re-sends the same operations.
      f.error = r.status().message();
      return;
    }
    ReportPastedBatch(f, *r, line_of, "сотрудник", "сотрудника", "сотрудников");
  });
}

}  // namespace ej::web
