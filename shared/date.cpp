#include "date.h"

#include <cstdio>

namespace ej {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Reads an unsigned decimal of 1..max_digits digits from s at pos.
std::optional<int> ReadNumber(std::string_view s, size_t& pos, size_t min_digits, size_t max_digits) {
  size_t start = pos;
  int v = 0;
  while (pos < s.size() && pos - start < max_digits && s[pos] >= '0' && s[pos] <= '9') {
    v = v * 10 + (s[pos] - '0');
    ++pos;
  }
  if (pos - start < min_digits) return std::nullopt;
  return v;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return Date(year, month, day);
}

std::optional<Date> Date::ParseIso(std::string_view s) {
  size_t pos = 0;
  auto y = ReadNumber(s, pos, 4, 4);
  if (!y || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  auto m = ReadNumber(s, pos, 2, 2);
  if (!m || pos >= s.size() || s[pos++] != '-') return std::nullopt;
  auto d = ReadNumber(s, pos, 2, 2);
  if (!d || pos != s.size()) return std::nullopt;
  return FromYmd(*y, *m, *d);
}

std::optional<Date> Date::ParseRussian(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  size_t pos = 0;
  auto d = ReadNumber(s, pos, 1, 2);
  if (!d || pos >= s.size() || s[pos++] != '.') return std::nullopt;
  auto m = ReadNumber(s, pos, 1, 2);
  if (!m || pos >= s.size() || s[pos++] != '.') return std::nullopt;
  auto y = ReadNumber(s, pos, 4, 4);
  if (!y || pos != s.size()) return std::nullopt;
  return FromYmd(*y, *m, *d);
}

// Days from civil, after Howard Hinnant's public-domain algorithm description.
int64_t Date::Days() const {
  int y = year_ - (month_ <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (month_ + (month_ > 2 ? -3 : 9)) + 2) / 5 + day_ - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date(static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d);
}

std::string_view WeekdayAbbr(int weekday) {
  static constexpr std::string_view kAbbr[] = {"", "пн", "вт", "ср", "чт", "пт", "сб", "вс"};
  return weekday >= 1 && weekday <= 7 ? kAbbr[weekday] : std::string_view();
}

int Date::Weekday() const {
  int64_t z = Days();  // 1970-01-01 was a Thursday (4)
  int64_t w = (z % 7 + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

std::string Date::Russian() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", day_, month_, year_);
  return buf;
}

// A no-break space before the dash: a line may break after it, never before.
std::string DateRange::Russian() const { return first.Russian() + "\u00A0— " + last.Russian(); }

}  // namespace ej
