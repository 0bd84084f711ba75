// Timetable: the time to check the demo school's whole weekly timetable for conflicts and to
// generate a full year of lessons from it (issue 4's targets: well under a second of CPU);
// and the time to make the whole demo school with its journal.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "db.h"
#include "demo_school.h"
#include "structure_store.h"
#include "timetable.h"
#include "timetable_store.h"

using namespace ej;
using namespace ej::server;
using Clock = std::chrono::steady_clock;

int main() {
  std::string dir = (std::filesystem::temp_directory_path() / "ej-bench-timetable").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = Database::Open(dir + "/ej.db", {.durable = false});
  if (!db.ok()) return 1;
  // The demo school as `serve` makes it on 29.11.2026: the structure, the timetable, the year's
  // lessons, КТП, control works and the journal up to that day, all through the core's operations.
  DemoOptions options;
  options.now = 1'795'953'600;  // 29.11.2026, noon in Moscow
  DemoSummary summary;
  auto made = Clock::now();
  if (!CreateDemoSchool(**db, options, [](std::string_view) { return std::string("x"); }, &summary).ok()) return 1;
  double demo_ms = std::chrono::duration<double, std::milli>(Clock::now() - made).count();
  Structure s;
  Timetable t;
  Status st = (*db)->Read([&](Connection& c) {
    auto loaded = LoadStructure(c, 1);
    if (!loaded.ok()) return loaded.status();
    s = std::move(loaded.value());
    auto tt = LoadTimetable(c, 1);
    if (!tt.ok()) return tt.status();
    t = std::move(tt.value());
    return Status::Ok();
  });
  if (!st.ok()) return 1;
  int64_t year = s.years.front().id;

  constexpr int kRuns = 5;
  auto t0 = Clock::now();
  size_t conflicts = 0;
  for (int i = 0; i < kRuns; ++i) conflicts = FindTimetableConflicts(s, t.entries, year).size();
  double check_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / kRuns;

  t0 = Clock::now();
  size_t lessons = 0;
  for (int i = 0; i < kRuns; ++i) lessons = GenerateLessons(s, t.entries, year, t.six_day_classes).size();
  double generate_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / kRuns;

  std::printf("timetable: %zu entries, %zu groups, %zu conflicts in the demo timetable\n", t.entries.size(), s.groups.size(),
              conflicts);
  std::printf("timetable: check the whole timetable   %.1f ms\n", check_ms);
  std::printf("timetable: generate a year of lessons  %.1f ms (%zu lessons)\n", generate_ms, lessons);
  std::printf("demo school: made in %.0f ms (%lld lessons, %lld marks, %lld period marks, each an operation in the log)\n",
              demo_ms, static_cast<long long>(summary.lessons), static_cast<long long>(summary.marks),
              static_cast<long long>(summary.finals));
  std::filesystem::remove_all(dir);
  return 0;
}
