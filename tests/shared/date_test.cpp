#include <doctest/doctest.h>

#include "date.h"

namespace ej {

TEST_CASE("dates parse from ISO and Russian forms and reject impossible days") {
  auto d = Date::ParseIso("2026-09-01");
  REQUIRE(d.has_value());
  CHECK(d->Russian() == "01.09.2026");
  CHECK(Date::ParseRussian("1.9.2026") == d);
  CHECK(Date::ParseRussian(" 01.09.2026 ") == d);
  CHECK_FALSE(Date::ParseIso("2026-02-29").has_value());
  CHECK(Date::ParseIso("2028-02-29").has_value());
  CHECK_FALSE(Date::ParseIso("2026-9-1").has_value());
  CHECK_FALSE(Date::ParseRussian("31.04.2026").has_value());
  CHECK_FALSE(Date::ParseRussian("01/09/2026").has_value());
  CHECK_FALSE(Date::ParseRussian("").has_value());
}

TEST_CASE("day arithmetic and weekdays agree with the calendar") {
  Date sept1 = *Date::ParseIso("2026-09-01");
  CHECK(sept1.Weekday() == 2);  // Tuesday
  CHECK(Date::ParseIso("1970-01-01")->Days() == 0);
  CHECK(sept1.AddDays(30).Iso() == "2026-10-01");
  CHECK(sept1.AddDays(-1).Iso() == "2026-08-31");
  CHECK(Date::ParseIso("2027-03-01")->AddDays(-1).Iso() == "2027-02-28");
  CHECK(Date::FromDays(sept1.Days()) == sept1);
}

TEST_CASE("date ranges are inclusive and know overlap and containment") {
  DateRange q1{*Date::ParseIso("2026-09-01"), *Date::ParseIso("2026-10-24")};
  DateRange q2{*Date::ParseIso("2026-11-05"), *Date::ParseIso("2026-12-28")};
  DateRange year{*Date::ParseIso("2026-09-01"), *Date::ParseIso("2027-08-31")};
  CHECK(q1.Contains(*Date::ParseIso("2026-10-24")));
  CHECK_FALSE(q1.Overlaps(q2));
  CHECK(q1.Overlaps(DateRange{q1.last, q2.first}));
  CHECK(year.Contains(q2));
  CHECK(q1.Russian() == "01.09.2026\u00A0— 24.10.2026");  // a no-break space before the dash
}

}  // namespace ej
