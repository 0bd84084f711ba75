// Public API of the core: the default study calendar a Russian school starts from (R10):
// quarters for grades 1–9, half-years for grades 10–11, and the usual holidays. The school
// changes the dates afterwards; these are only the starting point.
#pragma once

#include <vector>

#include "structure.h"

namespace ej {

struct CalendarDraft {
  std::vector<StudyPeriod> periods;  // ids 0, year_id set
  std::vector<Holiday> holidays;
};

// For a year that starts on 1 September of year Y:
//   1 четверть 01.09–25.10, осенние каникулы 26.10–04.11, 2 четверть 05.11–28.12,
//   зимние 29.12–10.01, 3 четверть 11.01–21.03, весенние 22.03–31.03, 4 четверть 01.04–26.05,
//   летние 27.05–31.08; 1 полугодие 01.09–28.12, 2 полугодие 11.01–26.05 (10–11 классы).
// Dates outside the year's range are clamped to it.
CalendarDraft DefaultCalendar(const AcademicYear& year);

}  // namespace ej
