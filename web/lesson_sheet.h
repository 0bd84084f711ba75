// Public API of the client: the printable lesson sheet for a total failure (R6). When neither
// the server nor the device's screen can be relied on, the teacher prints the group's list for
// a date from the LOCAL copy (no request is made) and fills marks and attendance by hand; the
// entries go into the journal later. The sheet is a self-contained HTML page (Russian headings:
// the school, the class, the subject, the date, the teacher; a row per student with empty
// columns) that the platform shows in a new window with the browser's print (PrintPage).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "date.h"
#include "journal.h"
#include "structure.h"

namespace ej::web {

struct LessonSheetInput {
  std::string school;   // «МБОУ СОШ № 1»
  std::string teacher;  // the teacher's full name
  int64_t group_id = 0;
  Date date;
  // The school's attendance codes for the legend: (code, name), e.g. («н», «отсутствовал»).
  std::vector<std::pair<std::string, std::string>> attendance;
};

// The page; the students of the group on the date in Russian alphabetical order. The lessons
// of the group that day (from the local journal) give the lesson numbers and a topic already
// written; with none, the sheet still has the list and empty lines.
std::string LessonSheetHtml(const Structure& s, const Journal& j, const LessonSheetInput& in);

// Text escaped for HTML (& < > " ').
std::string HtmlEscape(std::string_view text);

}  // namespace ej::web
