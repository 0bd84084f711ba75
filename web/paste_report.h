// Internal to the client: what a pushed batch of pasted rows (students, staff) did to the
// paste form: each row's answer, the added rows leave the box, the rest stay to be fixed.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "names.h"
#include "ops.h"

namespace ej::web {

// The text without the given 1-based lines.
std::string WithoutLines(const std::string& text, const std::set<int>& drop);

// `line_of` maps each op_id of the batch to its row's line; `one/few/many` are the noun's
// plural forms («ученик», «ученика», «учеников»).
template <typename Form>
void ReportPastedBatch(Form& f, const PushResponse& response, const std::map<std::string, int>& line_of,
                       std::string_view one, std::string_view few, std::string_view many) {
  f.outcomes.clear();
  std::set<int> added;
  for (const OpResult& result : response.results) {
    auto line = line_of.find(result.op_id);
    if (line == line_of.end()) continue;
    if (result.outcome == OpOutcome::kApplied) {
      f.outcomes[line->second] = {true, ""};
      added.insert(line->second);
    } else {
      f.outcomes[line->second] = {false, result.error.message()};
    }
  }
  f.reported = true;
  const bool all_added =
      std::all_of(f.rows.begin(), f.rows.end(), [&](const auto& row) { return added.count(row.line) > 0; });
  // What was added leaves the box; what was not stays there to be fixed.
  f.text = all_added ? std::string() : WithoutLines(f.checked_text, added);
  f.checked_text.clear();
  const int64_t n = static_cast<int64_t>(added.size());
  if (n > 0) {
    f.notice = std::string(Plural(n, "Добавлен ", "Добавлено ", "Добавлено ")) + std::to_string(n) + " " +
               std::string(Plural(n, one, few, many)) + ".";
  }
  if (!all_added) {
    if (!f.notice.empty()) f.notice += ' ';
    f.notice += "Строки, которые не добавлены, остались в поле: исправьте их и нажмите «Проверить».";
  }
}

}  // namespace ej::web
