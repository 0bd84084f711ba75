#include "bell_form.h"

#include <cctype>

namespace ej {

std::optional<ClockTime> ParseTypedTime(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  size_t sep = text.find_first_of(":. ");
  if (sep == std::string_view::npos || sep == 0 || sep > 2 || text.size() - sep - 1 != 2) return std::nullopt;
  int h = 0;
  for (size_t i = 0; i < sep; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    h = h * 10 + (text[i] - '0');
  }
  std::string hhmm = (h < 10 ? "0" : "") + std::to_string(h) + ":" + std::string(text.substr(sep + 1));
  return ClockTime::Parse(hhmm);
}

std::vector<BellRowText> BellRowsOf(const BellSchedule& b) {
  std::vector<BellRowText> rows;
  for (const BellSlot& s : b.slots) rows.push_back({s.start.Text(), s.end.Text()});
  return rows;
}

Result<BellSchedule> BellScheduleFromForm(int64_t id, const std::string& name, const std::vector<BellRowText>& rows,
                                          std::vector<int64_t> class_ids) {
  BellSchedule b;
  b.id = id;
  b.name = name;
  while (!b.name.empty() && b.name.back() == ' ') b.name.pop_back();
  while (!b.name.empty() && b.name.front() == ' ') b.name.erase(b.name.begin());
  b.class_ids = std::move(class_ids);
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string lesson = std::to_string(i + 1) + "-й урок";
    auto start = ParseTypedTime(rows[i].start);
    if (!start) {
      return Status(ErrorCode::kValidation, lesson + ": время начала «" + rows[i].start + "» — укажите как ЧЧ:ММ, например 08:30.",
                    "slots");
    }
    auto end = ParseTypedTime(rows[i].end);
    if (!end) {
      return Status(ErrorCode::kValidation,
                    lesson + ": время окончания «" + rows[i].end + "» — укажите как ЧЧ:ММ, например 09:15.", "slots");
    }
    b.slots.push_back({static_cast<int>(i) + 1, *start, *end});
  }
  if (Status st = ValidateBellSchedule(b); !st.ok()) return st;
  return b;
}

BellRowText NextBellRow(const std::vector<BellRowText>& rows) {
  int start = 8 * 60 + 30;
  int length = 45;
  if (!rows.empty()) {
    auto s = ParseTypedTime(rows.back().start);
    auto e = ParseTypedTime(rows.back().end);
    if (e) start = e->minutes + 10;
    if (s && e && e->minutes - s->minutes >= 30) length = e->minutes - s->minutes;
  }
  if (start + length > 23 * 60 + 59) start = 23 * 60 + 59 - length;
  return {ClockTime{start}.Text(), ClockTime{start + length}.Text()};
}

}  // namespace ej
