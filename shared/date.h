// Public API of the core: calendar dates (no time zone, no clock). School years, periods,
// holidays and lessons are days; the wire and storage form is ISO "YYYY-MM-DD", the Russian
// screen form is "01.09.2026".
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ej {

class Date {
 public:
  Date() = default;
  static std::optional<Date> FromYmd(int year, int month, int day);
  // "2026-09-01"
  static std::optional<Date> ParseIso(std::string_view s);
  // "01.09.2026" or "1.9.2026" (as typed in Russian spreadsheets)
  static std::optional<Date> ParseRussian(std::string_view s);
  // The days since 1970-01-01 (negative before).
  static Date FromDays(int64_t days);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  int64_t Days() const;
  // 1 = Monday … 7 = Sunday (ISO).
  int Weekday() const;
  Date AddDays(int64_t n) const { return FromDays(Days() + n); }

  std::string Iso() const;      // "2026-09-01"
  std::string Russian() const;  // "01.09.2026"

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

int DaysInMonth(int year, int month);

// «пн» … «вс» for 1 = Monday … 7 = Sunday; "" otherwise.
std::string_view WeekdayAbbr(int weekday);

// An inclusive range of days.
struct DateRange {
  Date first;
  Date last;
  bool Contains(Date d) const { return first <= d && d <= last; }
  bool Contains(const DateRange& r) const { return first <= r.first && r.last <= last; }
  bool Overlaps(const DateRange& r) const { return first <= r.last && r.first <= last; }
  friend bool operator==(const DateRange&, const DateRange&) = default;
  // "01.09.2026 — 31.10.2026" with a no-break space before the dash
  std::string Russian() const;
};

}  // namespace ej
