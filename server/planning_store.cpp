#include "planning_store.h"

#include <map>

#include "store_rows.h"

namespace ej::server {

Result<ThematicPlans> LoadPlans(Connection& c, int64_t school_id) {
  ThematicPlans out;
  std::map<int64_t, size_t> index;
  Status st = c.Query("SELECT group_id, subject_id, version FROM thematic_plans WHERE school_id = ? ORDER BY group_id",
                      {school_id}, [&](const Row& r) {
                        index[r.Int(0)] = out.plans.size();
                        out.plans.push_back(ThematicPlan{r.Int(0), r.Int(1), r.Int(2), {}});
                      });
  if (!st.ok()) return st;
  st = c.Query(
      "SELECT group_id, title, hours, control, control_form FROM plan_topics WHERE school_id = ? "
      "ORDER BY group_id, position",
      {school_id}, [&](const Row& r) {
        auto it = index.find(r.Int(0));
        if (it == index.end()) return;
        out.plans[it->second].topics.push_back(
            PlanTopic{r.Text(1), static_cast<int>(r.Int(2)), r.Int(3) != 0, r.Text(4)});
      });
  if (!st.ok()) return st;
  return out;
}

Status PersistPlan(Connection& c, int64_t school_id, const ThematicPlans& plans, int64_t group_id, int64_t now) {
  const ThematicPlan* p = plans.Find(group_id);
  if (!p) return Status(ErrorCode::kInternal, "Внутренняя ошибка: КТП не найдено после изменения.");
  Status st = Owned(c, c.Query(
      "INSERT INTO thematic_plans (group_id, school_id, subject_id, version, updated_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT(group_id) DO UPDATE SET subject_id = excluded.subject_id, version = excluded.version, "
      "updated_at = excluded.updated_at WHERE thematic_plans.school_id = excluded.school_id",
      {group_id, school_id, p->subject_id, p->version, now}));
  if (!st.ok()) return st;
  st = c.Query("DELETE FROM plan_topics WHERE group_id = ? AND school_id = ?", {group_id, school_id});
  if (!st.ok()) return st;
  for (size_t i = 0; i < p->topics.size(); ++i) {
    const PlanTopic& t = p->topics[i];
    st = c.Query(
        "INSERT INTO plan_topics (group_id, position, school_id, title, hours, control, control_form) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {group_id, static_cast<int64_t>(i + 1), school_id, t.title, int64_t{t.hours}, int64_t{t.control ? 1 : 0},
         t.control_form});
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

Result<ControlWorks> LoadControlWorks(Connection& c, int64_t school_id) {
  ControlWorks out;
  Status st = c.Query(
      "SELECT max_per_day, max_per_week_primary, max_per_week FROM control_work_rules WHERE school_id = ?", {school_id},
      [&](const Row& r) {
        out.rules = {static_cast<int>(r.Int(0)), static_cast<int>(r.Int(1)), static_cast<int>(r.Int(2))};
      });
  if (!st.ok()) return st;
  st = c.Query(
      "SELECT id, year_id, group_id, day, lesson_number, form, title FROM control_works WHERE school_id = ? ORDER BY id",
      {school_id}, [&](const Row& r) {
        auto day = Date::ParseIso(r.Text(3));
        if (!day) return;
        out.works.push_back(
            ControlWork{r.Int(0), r.Int(1), r.Int(2), *day, static_cast<int>(r.Int(4)), r.Text(5), r.Text(6)});
      });
  if (!st.ok()) return st;
  if (Status ids = RefreshNextIds(c, out); !ids.ok()) return ids;
  return out;
}

Status RefreshNextIds(Connection& c, ControlWorks& cw) {
  auto max_id = c.QueryInt("SELECT COALESCE(MAX(id), 0) FROM control_works", {});
  if (!max_id.ok()) return max_id.status();
  cw.next_id = *max_id + 1;
  return Status::Ok();
}

Status PersistControlWorks(Connection& c, int64_t school_id, const ControlWorks& cw, const ControlWorkApplied& changed) {
  if (changed.rules_changed) {
    Status st = c.Query(
        "INSERT INTO control_work_rules (school_id, max_per_day, max_per_week_primary, max_per_week) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(school_id) DO UPDATE SET max_per_day = excluded.max_per_day, "
        "max_per_week_primary = excluded.max_per_week_primary, max_per_week = excluded.max_per_week",
        {school_id, int64_t{cw.rules.max_per_day}, int64_t{cw.rules.max_per_week_primary}, int64_t{cw.rules.max_per_week}});
    if (!st.ok()) return st;
  }
  for (int64_t id : changed.works_changed) {
    const ControlWork* w = cw.Find(id);
    Status st;
    if (!w) {
      st = c.Query("DELETE FROM control_works WHERE id = ? AND school_id = ?", {id, school_id});
    } else {
      st = Owned(c, c.Query(
          "INSERT INTO control_works (id, school_id, year_id, group_id, day, lesson_number, form, title) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET year_id = excluded.year_id, "
          "group_id = excluded.group_id, day = excluded.day, lesson_number = excluded.lesson_number, "
          "form = excluded.form, title = excluded.title WHERE control_works.school_id = excluded.school_id",
          {w->id, school_id, w->year_id, w->group_id, w->date.Iso(), int64_t{w->lesson_number}, w->form, w->title}));
    }
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace ej::server
