#include "timetable_store.h"

#include "store_rows.h"

namespace ej::server {

Result<Timetable> LoadTimetable(Connection& c, int64_t school_id) {
  Timetable t;
  Status st = c.Query("SELECT schedule FROM bell_schedules WHERE school_id = ? ORDER BY id", {school_id}, [&](const Row& r) {
    auto json = protocol::ParseJson(r.Text(0));
    if (!json.ok()) return;
    if (auto parsed = BellScheduleFromJson(*json); parsed.ok()) t.bells.push_back(*parsed);
  });
  if (!st.ok()) return st;
  st = c.Query(
      "SELECT id, year_id, group_id, teacher_id, weekday, number, room, parity, kind FROM timetable_entries "
      "WHERE school_id = ? ORDER BY id",
      {school_id}, [&](const Row& r) {
        TimetableEntry e{r.Int(0), r.Int(1), r.Int(2), r.Int(3), static_cast<int>(r.Int(4)), static_cast<int>(r.Int(5)),
                         r.Text(6), WeekParityFromCode(r.Text(7)).value_or(WeekParity::kEvery),
                         TimetableKindFromCode(r.Text(8)).value_or(TimetableKind::kMain)};
        t.entries.push_back(std::move(e));
      });
  if (!st.ok()) return st;
  st = c.Query("SELECT class_id FROM class_weeks WHERE school_id = ? AND days = 6 ORDER BY class_id", {school_id},
               [&](const Row& r) { t.six_day_classes.push_back(r.Int(0)); });
  if (!st.ok()) return st;
  if (Status ids = RefreshNextIds(c, t); !ids.ok()) return ids;
  return t;
}

Status RefreshNextIds(Connection& c, Timetable& t) {
  auto max_entry = c.QueryInt("SELECT COALESCE(MAX(id), 0) FROM timetable_entries", {});
  auto max_bells = c.QueryInt("SELECT COALESCE(MAX(id), 0) FROM bell_schedules", {});
  if (!max_entry.ok()) return max_entry.status();
  if (!max_bells.ok()) return max_bells.status();
  t.next_entry_id = *max_entry + 1;
  t.next_bells_id = *max_bells + 1;
  return Status::Ok();
}

Status PersistTimetable(Connection& c, int64_t school_id, const Timetable& t, const TimetableApplied& changed) {
  if (changed.bells_changed) {
    for (const auto& b : t.bells) {
      Status st = Owned(c, c.Query(
          "INSERT INTO bell_schedules (id, school_id, schedule) VALUES (?, ?, ?) "
          "ON CONFLICT(id) DO UPDATE SET schedule = excluded.schedule WHERE bell_schedules.school_id = excluded.school_id",
          {b.id, school_id, ToJson(b).dump()}));
      if (!st.ok()) return st;
    }
  }
  if (changed.week_changed != 0) {
    int64_t days = StudiesSixDays(t.six_day_classes, changed.week_changed) ? 6 : 5;
    Status st = Owned(c, c.Query(
        "INSERT INTO class_weeks (class_id, school_id, days) VALUES (?, ?, ?) "
        "ON CONFLICT(class_id) DO UPDATE SET days = excluded.days WHERE class_weeks.school_id = excluded.school_id",
        {changed.week_changed, school_id, days}));
    if (!st.ok()) return st;
  }
  for (int64_t id : changed.entries_changed) {
    const TimetableEntry* e = t.FindEntry(id);
    Status st;
    if (!e) {
      st = c.Query("DELETE FROM timetable_entries WHERE id = ? AND school_id = ?", {id, school_id});
    } else {
      st = Owned(c, c.Query(
          "INSERT INTO timetable_entries (id, school_id, year_id, group_id, teacher_id, weekday, number, room, parity, kind) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET group_id = excluded.group_id, "
          "teacher_id = excluded.teacher_id, weekday = excluded.weekday, number = excluded.number, room = excluded.room, "
          "parity = excluded.parity, kind = excluded.kind WHERE timetable_entries.school_id = excluded.school_id",
          {e->id, school_id, e->year_id, e->group_id, e->teacher_id, int64_t{e->weekday}, int64_t{e->number}, e->room,
           std::string(WeekParityCode(e->parity)), std::string(TimetableKindCode(e->kind))}));
    }
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace ej::server
