#include "calendar.h"

#include <algorithm>

namespace ej {
namespace {

struct Span {
  const char* name;
  int m1, d1, m2, d2;  // months 9..12 are in the first calendar year, 1..8 in the second
  int grade_from, grade_to;
};

constexpr Span kPeriods[] = {
    {"1 четверть", 9, 1, 10, 25, 1, 9},   {"2 четверть", 11, 5, 12, 28, 1, 9},
    {"3 четверть", 1, 11, 3, 21, 1, 9},   {"4 четверть", 4, 1, 5, 26, 1, 9},
    {"1 полугодие", 9, 1, 12, 28, 10, 11}, {"2 полугодие", 1, 11, 5, 26, 10, 11},
};

constexpr Span kHolidays[] = {
    {"Осенние каникулы", 10, 26, 11, 4, 1, 11},
    {"Зимние каникулы", 12, 29, 1, 10, 1, 11},
    {"Весенние каникулы", 3, 22, 3, 31, 1, 11},
    {"Летние каникулы", 5, 27, 8, 31, 1, 11},
};

Date At(int start_year, int month, int day) {
  return *Date::FromYmd(month >= 9 ? start_year : start_year + 1, month, day);
}

std::optional<DateRange> Clamp(const DateRange& r, const DateRange& year) {
  DateRange out{std::max(r.first, year.first), std::min(r.last, year.last)};
  if (out.last < out.first) return std::nullopt;
  return out;
}

}  // namespace

CalendarDraft DefaultCalendar(const AcademicYear& year) {
  CalendarDraft out;
  int y = year.range.first.month() >= 9 ? year.range.first.year() : year.range.first.year() - 1;
  for (const Span& p : kPeriods) {
    if (auto r = Clamp({At(y, p.m1, p.d1), At(y, p.m2, p.d2)}, year.range)) {
      out.periods.push_back({0, year.id, p.name, *r, p.grade_from, p.grade_to});
    }
  }
  for (const Span& h : kHolidays) {
    if (auto r = Clamp({At(y, h.m1, h.d1), At(y, h.m2, h.d2)}, year.range)) {
      out.holidays.push_back({0, year.id, h.name, *r});
    }
  }
  return out;
}

}  // namespace ej
