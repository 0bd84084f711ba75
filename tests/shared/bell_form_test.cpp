// The bell schedule editor's rules (shared/bell_form.h): typed times, the schedule a form
// describes with each bad row named, the next lesson proposed.
#include <doctest/doctest.h>

#include "bell_form.h"

namespace ej {
namespace {

TEST_CASE("a time is typed as 8:30, 08:30, 8.30 or 8 30, anything else is not a time") {
  for (const char* t : {"8:30", "08:30", "8.30", "8 30", " 08:30 "}) {
    CAPTURE(t);
    REQUIRE(ParseTypedTime(t).has_value());
    CHECK(ParseTypedTime(t)->minutes == 8 * 60 + 30);
  }
  for (const char* t : {"", "830", "8:3", "24:00", "8:60", "a8:30", "108:30", "8:30:00"}) {
    CAPTURE(t);
    CHECK_FALSE(ParseTypedTime(t).has_value());
  }
}

TEST_CASE("the form's rows become a numbered bell schedule, a bad row is named, the core's rules apply") {
  std::vector<BellRowText> rows{{"8:30", "9.15"}, {"09:25", "10:10"}, {"10 30", "11:15"}};
  auto b = BellScheduleFromForm(3, "  2 смена ", rows, {5, 6});
  REQUIRE(b.ok());
  CHECK(b->id == 3);
  CHECK(b->name == "2 смена");
  CHECK(b->class_ids == std::vector<int64_t>{5, 6});
  REQUIRE(b->slots.size() == 3);
  CHECK(b->slots[2].number == 3);
  CHECK(b->slots[1].start.Text() == "09:25");
  CHECK(b->slots[0].end.Text() == "09:15");
  CHECK(BellRowsOf(*b)[2].start == "10:30");

  rows[1].end = "10:1";
  auto bad = BellScheduleFromForm(3, "2 смена", rows, {});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("2-й урок: время окончания «10:1»") != std::string::npos);
  CHECK(bad.status().field() == "slots");

  rows[1] = {"09:17", "10:10"};  // a two-minute break
  auto short_break = BellScheduleFromForm(3, "2 смена", rows, {});
  REQUIRE_FALSE(short_break.ok());
  CHECK(short_break.status().message().find("Перемена перед 2-м уроком") != std::string::npos);
  CHECK_FALSE(BellScheduleFromForm(0, " ", {{"8:30", "9:15"}}, {}).ok());  // no name
  CHECK_FALSE(BellScheduleFromForm(0, "1 смена", {}, {}).ok());          // no lessons
}

TEST_CASE("one more lesson is proposed after a 10-minute break, as long as the last one") {
  CHECK(NextBellRow({}).start == "08:30");
  CHECK(NextBellRow({}).end == "09:15");
  BellRowText next = NextBellRow({{"08:00", "08:40"}, {"08:50", "09:30"}});
  CHECK(next.start == "09:40");
  CHECK(next.end == "10:20");
  CHECK(NextBellRow({{"08:00", "??"}}).start == "08:30");  // not a time: the default
}

}  // namespace
}  // namespace ej
