#include "journal_store.h"

#include "store_rows.h"

namespace ej::server {

Result<Journal> LoadJournal(Connection& c, int64_t school_id) {
  Journal j;
  Status st = c.Query(
      "SELECT id, group_id, day, number, teacher_id, substitute_id, room, entry_id, moved, topic, homework, "
      "homework_minutes, homework_due, topic_version, homework_version, notes, notes_version FROM lessons "
      "WHERE school_id = ?",
      {school_id}, [&](const Row& r) {
        JournalLesson jl;
        Lesson& l = jl.lesson;
        l.id = r.Int(0);
        l.group_id = r.Int(1);
        l.date = Date::ParseIso(r.Text(2)).value_or(Date());
        l.number = static_cast<int>(r.Int(3));
        l.teacher_id = r.Int(4);
        l.substitute_id = r.IsNull(5) ? 0 : r.Int(5);
        l.room = r.Text(6);
        l.entry_id = r.Int(7);
        jl.moved = r.Int(8) != 0;
        jl.topic = r.Text(9);
        jl.homework.text = r.Text(10);
        jl.homework.minutes = static_cast<int>(r.Int(11));
        jl.homework.due_lesson_id = r.Int(12);
        jl.topic_version = r.Int(13);
        jl.homework.version = r.Int(14);
        jl.notes = r.Text(15);
        jl.notes_version = r.Int(16);
        j.lessons.emplace(l.id, std::move(jl));
      });
  if (st.ok()) {
    st = c.Query("SELECT id, lesson_id, student_id, value, type, comment, version, added FROM marks "
                 "WHERE school_id = ? ORDER BY rowid",
                 {school_id}, [&](const Row& r) {
                   Mark m{r.Text(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6), r.Int(7)};
                   j.marks.emplace(m.id, std::move(m));
                 });
  }
  if (st.ok()) {
    st = c.Query("SELECT lesson_id, student_id, code, version FROM attendance WHERE school_id = ?", {school_id},
                 [&](const Row& r) {
                   AttendanceMark a{r.Int(0), r.Int(1), r.Text(2), r.Int(3)};
                   j.attendance.emplace(std::make_pair(a.lesson_id, a.student_id), std::move(a));
                 });
  }
  if (st.ok()) {
    st = c.Query("SELECT group_id, student_id, kind, period_id, value, version FROM finals WHERE school_id = ?",
                 {school_id}, [&](const Row& r) {
                   FinalMark f;
                   f.key = {r.Int(0), r.Int(1), FinalKindFromCode(r.Text(2)).value_or(FinalKind::kPeriod), r.Int(3)};
                   f.value = r.Text(4);
                   f.version = r.Int(5);
                   j.finals.emplace(f.key, std::move(f));
                 });
  }
  if (st.ok()) {
    // Requests are stored as the journal's own JSON form, one per row.
    st = c.Query("SELECT request FROM correction_requests WHERE school_id = ? ORDER BY id", {school_id},
                 [&](const Row& r) {
                   auto json = protocol::ParseJson(r.Text(0));
                   if (!json.ok()) return;
                   protocol::Json wrapper{{"lessons", protocol::Json::array()}, {"marks", protocol::Json::array()},
                                          {"attendance", protocol::Json::array()}, {"finals", protocol::Json::array()},
                                          {"requests", protocol::Json::array({*json})},
                                          {"locked_periods", protocol::Json::array()}};
                   auto parsed = JournalFromJson(wrapper);
                   if (parsed.ok()) j.requests.insert(parsed->requests.begin(), parsed->requests.end());
                 });
  }
  if (st.ok()) {
    st = c.Query("SELECT period_id FROM locked_periods WHERE school_id = ?", {school_id},
                 [&](const Row& r) { j.locked_periods.insert(r.Int(0)); });
  }
  if (!st.ok()) return st;
  j.Reindex();
  if (Status ids = RefreshNextIds(c, j); !ids.ok()) return ids;
  return j;
}

Status RefreshNextIds(Connection& c, Journal& j) {
  auto lesson = c.QueryInt("SELECT COALESCE(MAX(id), 0) FROM lessons", {});
  auto request = c.QueryInt("SELECT COALESCE(MAX(id), 0) FROM correction_requests", {});
  if (!lesson.ok()) return lesson.status();
  if (!request.ok()) return request.status();
  j.SetNextIds(*lesson + 1, *request + 1);
  return Status::Ok();
}

Status PersistJournal(Connection& c, int64_t school_id, const Journal& j, const JournalApplied& changed) {
  for (int64_t id : changed.lessons) {
    const JournalLesson* jl = j.FindLesson(id);
    Status st;
    if (!jl) {
      st = c.Query("DELETE FROM lessons WHERE id = ? AND school_id = ?", {id, school_id});
    } else {
      const Lesson& l = jl->lesson;
      st = Owned(c, c.Query(
          "INSERT INTO lessons (id, school_id, group_id, day, number, teacher_id, substitute_id, room, entry_id, moved, "
          "topic, homework, homework_minutes, homework_due, topic_version, homework_version, notes, notes_version) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT(id) DO UPDATE SET day = excluded.day, number = excluded.number, teacher_id = excluded.teacher_id, "
          "substitute_id = excluded.substitute_id, room = excluded.room, entry_id = excluded.entry_id, "
          "moved = excluded.moved, topic = excluded.topic, homework = excluded.homework, "
          "homework_minutes = excluded.homework_minutes, homework_due = excluded.homework_due, "
          "topic_version = excluded.topic_version, homework_version = excluded.homework_version, "
          "notes = excluded.notes, notes_version = excluded.notes_version "
          "WHERE lessons.school_id = excluded.school_id",
          {l.id, school_id, l.group_id, l.date.Iso(), int64_t{l.number}, l.teacher_id, IdOrNull(l.substitute_id), l.room,
           l.entry_id, int64_t{jl->moved ? 1 : 0}, jl->topic, jl->homework.text, int64_t{jl->homework.minutes},
           jl->homework.due_lesson_id, jl->topic_version, jl->homework.version, jl->notes, jl->notes_version}));
    }
    if (!st.ok()) return st;
  }
  for (const std::string& id : changed.marks) {
    const Mark* m = j.FindMark(id);
    Status st;
    if (!m) {
      st = c.Query("DELETE FROM marks WHERE id = ? AND school_id = ?", {id, school_id});
    } else {
      st = Owned(c, c.Query(
          "INSERT INTO marks (id, school_id, lesson_id, student_id, value, type, comment, version, added) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET value = excluded.value, type = excluded.type, "
          "comment = excluded.comment, version = excluded.version WHERE marks.school_id = excluded.school_id",
          {m->id, school_id, m->lesson_id, m->student_id, m->value, m->type, m->comment, m->version, m->added}));
    }
    if (!st.ok()) return st;
  }
  for (const auto& [lesson, student] : changed.attendance) {
    const AttendanceMark* a = j.FindAttendance(lesson, student);
    Status st;
    if (!a) {
      st = c.Query("DELETE FROM attendance WHERE lesson_id = ? AND student_id = ? AND school_id = ?",
                   {lesson, student, school_id});
    } else {
      st = Owned(c, c.Query(
          "INSERT INTO attendance (school_id, lesson_id, student_id, code, version) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT(lesson_id, student_id) DO UPDATE SET code = excluded.code, version = excluded.version "
          "WHERE attendance.school_id = excluded.school_id",
          {school_id, lesson, student, a->code, a->version}));
    }
    if (!st.ok()) return st;
  }
  for (const FinalKey& key : changed.finals) {
    const FinalMark* f = j.FindFinal(key);
    std::string kind(FinalKindCode(key.kind));
    Status st;
    if (!f) {
      st = c.Query("DELETE FROM finals WHERE group_id = ? AND student_id = ? AND kind = ? AND period_id = ? AND school_id = ?",
                   {key.group_id, key.student_id, kind, key.period_id, school_id});
    } else {
      st = Owned(c, c.Query(
          "INSERT INTO finals (school_id, group_id, student_id, kind, period_id, value, version) VALUES (?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT(group_id, student_id, kind, period_id) DO UPDATE SET value = excluded.value, "
          "version = excluded.version WHERE finals.school_id = excluded.school_id",
          {school_id, key.group_id, key.student_id, kind, key.period_id, f->value, f->version}));
    }
    if (!st.ok()) return st;
  }
  for (int64_t id : changed.requests) {
    auto it = j.requests.find(id);
    if (it == j.requests.end()) continue;
    Journal one;
    one.requests.insert(*it);
    protocol::Json json = ToJson(one)["requests"][0];
    Status st = Owned(c, c.Query(
        "INSERT INTO correction_requests (id, school_id, request) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "request = excluded.request WHERE correction_requests.school_id = excluded.school_id",
        {id, school_id, json.dump()}));
    if (!st.ok()) return st;
  }
  for (int64_t period : changed.periods) {
    Status st = j.locked_periods.count(period)
                    ? c.Query("INSERT OR IGNORE INTO locked_periods (school_id, period_id) VALUES (?, ?)", {school_id, period})
                    : c.Query("DELETE FROM locked_periods WHERE school_id = ? AND period_id = ?", {school_id, period});
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace ej::server
