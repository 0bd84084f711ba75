// Public API of the core: the set-up checklist for a year (R10). What is still missing before
// lessons can start, each item pointing at the screen that fixes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "structure.h"

namespace ej {

enum class ChecklistScreen { kYear, kPeriods, kHolidays, kClasses, kClass, kWorkload, kGroup };

struct ChecklistItem {
  std::string code;          // stable: "no_periods", "class_without_teacher" …
  std::string message;       // Russian, names the problem
  ChecklistScreen screen;    // where to fix it
  int64_t entity_id = 0;     // the class (or year) concerned
};

// Everything missing for the year; empty when the year is ready. Without a year at all,
// one item asks to create it (year_id 0).
std::vector<ChecklistItem> SetupChecklist(const Structure& s, int64_t year_id);

}  // namespace ej
