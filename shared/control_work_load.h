// Public API of the core: the ВСОКО load rules on control works beyond the daily and weekly
// limits of control_works.h — one subject's works in a class spaced out («не чаще одного раза в
// 2,5 недели»), a group's works within a share of the subject's hours in a study period, and no
// work on the first or the last lesson of the class's day. The rules are data of the school's
// rules (SchoolRules::control_load); each violation names its rule, the class and the works.
#pragma once

#include <cstdint>
#include <vector>

#include "control_works.h"
#include "school_rules.h"
#include "structure.h"
#include "timetable.h"

namespace ej {

// Violations of the year, ordered by date then class, with these codes:
//   "subject_gap"       two works of one subject in a class fewer than subject_gap_days apart
//                       (works on the same day are the daily limit's business);
//   "hours_share"       a group's works in a study period above max_hours_percent of its hours
//                       there (workload hours a week × the period's study weeks — study days
//                       over five, or six for a six-day class —, whole works);
//                       `date` is the period's first day;
//   "first_last_lesson" a work with a lesson number on the first or the last lesson of its
//                       class's day by the weekly timetable (alternating weeks matched).
// A rule at 0 / false is not checked. Works without a fixed lesson number are not checked by
// the last rule; a day without timetable entries neither.
std::vector<ControlWorkViolation> FindControlLoadViolations(const Structure& s, const ControlWorks& cw,
                                                            const ControlLoadRules& rules,
                                                            const Timetable& timetable, int64_t year_id);

// Every violation of ALL the school's load rules in the year — the daily and weekly limits
// (FindControlWorkViolations) and the ВСОКО rules above (FindControlLoadViolations) —, ordered
// by date, then class, then rule. The one list the server's GET /control-works and the
// console's calendar page both show.
std::vector<ControlWorkViolation> FindAllControlWorkViolations(const Structure& s, const ControlWorks& cw,
                                                               const ControlLoadRules& rules,
                                                               const Timetable& timetable, int64_t year_id);

}  // namespace ej
