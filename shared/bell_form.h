// The bell schedule editor's rules (R10): the times a deputy types into the console's form
// («8:30», «08.30», «8 30») turned into a BellSchedule the core validates, and the next lesson
// a form proposes. The screen draws the form and sends what this returns as bells.set.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "status.h"
#include "timetable.h"

namespace ej {

// One lesson's row of the form: its start and end as typed.
struct BellRowText {
  std::string start;
  std::string end;
};

// A time typed as «8:30», «08:30», «8.30» or «8 30»; nullopt for anything else.
std::optional<ClockTime> ParseTypedTime(std::string_view text);

// The rows as the form shows them for a schedule.
std::vector<BellRowText> BellRowsOf(const BellSchedule& b);

// The schedule the form describes: lessons numbered 1, 2, 3 … in the rows' order; a time that is
// not one is refused naming the lesson and the field («3-й урок: время окончания «9:7»…», field
// "slots"), then ValidateBellSchedule's rules (length, breaks) apply.
Result<BellSchedule> BellScheduleFromForm(int64_t id, const std::string& name, const std::vector<BellRowText>& rows,
                                          std::vector<int64_t> class_ids);

// The row proposed for one more lesson: a 10-minute break after the last one and the last one's
// length (45 minutes when there is none or it is not a time).
BellRowText NextBellRow(const std::vector<BellRowText>& rows);

}  // namespace ej
