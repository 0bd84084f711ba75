#include "structure_store.h"

#include <map>

#include "store_rows.h"

#include "text.h"

namespace ej::server {
namespace {

std::optional<Date> DateOrNone(const Row& r, int col) {
  if (r.IsNull(col)) return std::nullopt;
  return Date::ParseIso(r.Text(col));
}

DateRange RangeOf(const Row& r, int first_col) {
  return {Date::ParseIso(r.Text(first_col)).value_or(Date()), Date::ParseIso(r.Text(first_col + 1)).value_or(Date())};
}

SqlValue DateValue(const std::optional<Date>& d) {
  if (!d) return nullptr;
  return d->Iso();
}

Status EnsureAccount(Connection& c, int64_t school_id, const Person& p, int64_t now) {
  auto has = c.QueryInt("SELECT COUNT(*) FROM accounts WHERE person_id = ?", {p.id});
  if (!has.ok()) return has.status();
  if (*has > 0) return Status::Ok();
  std::string base = LoginBase(p.name), login = base;
  for (int n = 2;; ++n) {
    auto taken = c.QueryInt("SELECT COUNT(*) FROM accounts WHERE login = ?", {login});
    if (!taken.ok()) return taken.status();
    if (*taken == 0) break;
    login = base + std::to_string(n);
  }
  return c.Query("INSERT INTO accounts (school_id, person_id, login, created_at) VALUES (?, ?, ?, ?)",
                 {school_id, p.id, login, now});
}

}  // namespace

Result<Structure> LoadStructure(Connection& c, int64_t school_id) {
  Structure s;
  Status st = c.Query("SELECT id, name, starts_on, ends_on FROM academic_years WHERE school_id = ? ORDER BY id",
                      {school_id}, [&](const Row& r) { s.years.push_back({r.Int(0), r.Text(1), RangeOf(r, 2)}); });
  if (st.ok()) {
    st = c.Query(
        "SELECT p.id, p.year_id, p.name, p.first_day, p.last_day, p.grade_from, p.grade_to FROM study_periods p "
        "JOIN academic_years y ON y.id = p.year_id WHERE y.school_id = ? ORDER BY p.id",
        {school_id}, [&](const Row& r) {
          s.periods.push_back({r.Int(0), r.Int(1), r.Text(2), RangeOf(r, 3), static_cast<int>(r.Int(5)),
                               static_cast<int>(r.Int(6))});
        });
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT h.id, h.year_id, h.name, h.first_day, h.last_day FROM holidays h "
        "JOIN academic_years y ON y.id = h.year_id WHERE y.school_id = ? ORDER BY h.id",
        {school_id}, [&](const Row& r) { s.holidays.push_back({r.Int(0), r.Int(1), r.Text(2), RangeOf(r, 3)}); });
  }
  if (st.ok()) {
    st = c.Query("SELECT id, year_id, grade, letter, class_teacher_id FROM classes WHERE school_id = ? ORDER BY id",
                 {school_id}, [&](const Row& r) {
                   s.classes.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2)), r.Text(3),
                                        r.IsNull(4) ? 0 : r.Int(4)});
                 });
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT id, last_name, first_name, middle_name, birth_date, sex FROM persons WHERE school_id = ?", {school_id},
        [&](const Row& r) {
          Person p;
          p.id = r.Int(0);
          p.name = {r.Text(1), r.Text(2), r.Text(3)};
          p.birth_date = DateOrNone(r, 4);
          std::string sex = r.Text(5);
          p.sex = sex == "m" ? 'm' : sex == "f" ? 'f' : 0;
          s.persons.emplace(p.id, std::move(p));
        });
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT pr.person_id, pr.role FROM person_roles pr JOIN persons p ON p.id = pr.person_id "
        "WHERE p.school_id = ?",
        {school_id}, [&](const Row& r) {
          auto role = RoleFromCode(r.Text(1));
          auto it = s.persons.find(r.Int(0));
          if (role && it != s.persons.end()) it->second.roles.push_back(*role);
        });
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT e.id, e.student_id, e.class_id, e.from_date, e.to_date FROM enrollments e "
        "JOIN classes c ON c.id = e.class_id WHERE c.school_id = ? ORDER BY e.id",
        {school_id}, [&](const Row& r) {
          s.enrollments.push_back(
              {r.Int(0), r.Int(1), r.Int(2), Date::ParseIso(r.Text(3)).value_or(Date()), DateOrNone(r, 4)});
        });
  }
  if (st.ok()) {
    st = c.Query("SELECT id, name, short_name FROM subjects WHERE school_id = ? ORDER BY id", {school_id},
                 [&](const Row& r) { s.subjects.push_back({r.Int(0), r.Text(1), r.Text(2)}); });
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT cu.year_id, cu.grade, cu.subject_id, cu.profile, cu.hours FROM curriculum cu "
        "JOIN academic_years y ON y.id = cu.year_id WHERE y.school_id = ? ORDER BY cu.year_id, cu.grade, cu.subject_id, cu.profile",
        {school_id}, [&](const Row& r) {
          s.curriculum.push_back({r.Int(0), static_cast<int>(r.Int(1)), r.Int(2), r.Text(3), r.Real(4)});
        });
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT g.id, g.year_id, g.kind, g.name, g.subject_id FROM study_groups g "
        "JOIN academic_years y ON y.id = g.year_id WHERE y.school_id = ? ORDER BY g.id",
        {school_id}, [&](const Row& r) {
          Group g;
          g.id = r.Int(0);
          g.year_id = r.Int(1);
          g.kind = GroupKindFromCode(r.Text(2)).value_or(GroupKind::kWholeClass);
          g.name = r.Text(3);
          g.subject_id = r.Int(4);
          s.groups.push_back(std::move(g));
        });
  }
  if (st.ok()) {
    std::map<int64_t, Group*> by_id;
    for (auto& g : s.groups) by_id[g.id] = &g;
    st = c.Query(
        "SELECT gc.group_id, gc.class_id FROM group_classes gc JOIN classes c ON c.id = gc.class_id "
        "WHERE c.school_id = ? ORDER BY gc.group_id, gc.position",
        {school_id}, [&](const Row& r) {
          if (auto it = by_id.find(r.Int(0)); it != by_id.end()) it->second->class_ids.push_back(r.Int(1));
        });
    if (st.ok()) {
      st = c.Query(
          "SELECT gm.group_id, gm.student_id FROM group_members gm JOIN persons p ON p.id = gm.student_id "
          "WHERE p.school_id = ? ORDER BY gm.group_id, gm.student_id",
          {school_id}, [&](const Row& r) {
            if (auto it = by_id.find(r.Int(0)); it != by_id.end()) it->second->members.push_back(r.Int(1));
          });
    }
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT w.id, w.year_id, w.teacher_id, w.subject_id, w.group_id, w.hours FROM workload w "
        "JOIN academic_years y ON y.id = w.year_id WHERE y.school_id = ? ORDER BY w.id",
        {school_id}, [&](const Row& r) {
          s.workload.push_back({r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Real(5)});
        });
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT g.parent_id, g.student_id, g.kind FROM guardianships g JOIN persons p ON p.id = g.student_id "
        "WHERE p.school_id = ? ORDER BY g.student_id, g.parent_id",
        {school_id}, [&](const Row& r) { s.guardianships.push_back({r.Int(0), r.Int(1), r.Text(2)}); });
  }
  if (st.ok()) {
    st = c.Query(
        "SELECT i.year_id, i.student_id, i.subject_id, i.mode, i.hours FROM iup_lines i "
        "JOIN academic_years y ON y.id = i.year_id WHERE y.school_id = ?",
        {school_id}, [&](const Row& r) {
          s.iup.push_back({r.Int(0), r.Int(1), r.Int(2), IupModeFromCode(r.Text(3)).value_or(IupMode::kAdd), r.Real(4)});
        });
  }
  if (!st.ok()) return st;
  s.SortKeyedLists();  // SQL's text order is bytewise, the same as std::string's
  if (Status ids = RefreshNextIds(c, s); !ids.ok()) return ids;
  return s;
}

Status RefreshNextIds(Connection& c, Structure& s) {
  const std::pair<Entity, const char*> tables[] = {
      {Entity::kYear, "academic_years"}, {Entity::kPeriod, "study_periods"}, {Entity::kHoliday, "holidays"},
      {Entity::kClass, "classes"},       {Entity::kPerson, "persons"},       {Entity::kEnrollment, "enrollments"},
      {Entity::kSubject, "subjects"},    {Entity::kGroup, "study_groups"},   {Entity::kWorkload, "workload"}};
  for (const auto& [entity, table] : tables) {
    auto max = c.QueryInt(std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table, {});
    if (!max.ok()) return max.status();
    s.SetNextId(entity, *max + 1);
  }
  return Status::Ok();
}

Status PersistChanges(Connection& c, int64_t school_id, const Structure& s, const std::vector<Change>& changes,
                      int64_t now) {
  for (const Change& ch : changes) {
    Status st;
    switch (ch.entity) {
      case Entity::kYear: {
        const AcademicYear* y = s.FindYear(ch.id);
        st = Owned(c, c.Query(
            "INSERT INTO academic_years (id, school_id, name, starts_on, ends_on) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, starts_on = excluded.starts_on, "
            "ends_on = excluded.ends_on WHERE academic_years.school_id = excluded.school_id",
            {y->id, school_id, y->name, y->range.first.Iso(), y->range.last.Iso()}));
        break;
      }
      case Entity::kPeriod: {
        for (const auto& p : s.periods) {
          if (p.id != ch.id) continue;
          st = c.Query(
              "INSERT INTO study_periods (id, year_id, name, first_day, last_day, grade_from, grade_to) "
              "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
              "first_day = excluded.first_day, last_day = excluded.last_day, grade_from = excluded.grade_from, "
              "grade_to = excluded.grade_to",
              {p.id, p.year_id, p.name, p.range.first.Iso(), p.range.last.Iso(), int64_t{p.grade_from},
               int64_t{p.grade_to}});
        }
        break;
      }
      case Entity::kHoliday: {
        for (const auto& h : s.holidays) {
          if (h.id != ch.id) continue;
          st = c.Query(
              "INSERT INTO holidays (id, year_id, name, first_day, last_day) VALUES (?, ?, ?, ?, ?) "
              "ON CONFLICT(id) DO UPDATE SET name = excluded.name, first_day = excluded.first_day, "
              "last_day = excluded.last_day",
              {h.id, h.year_id, h.name, h.range.first.Iso(), h.range.last.Iso()});
        }
        break;
      }
      case Entity::kClass: {
        const SchoolClass* k = s.FindClass(ch.id);
        st = Owned(c, c.Query(
            "INSERT INTO classes (id, school_id, year_id, grade, letter, class_teacher_id) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET grade = excluded.grade, letter = excluded.letter, "
            "class_teacher_id = excluded.class_teacher_id WHERE classes.school_id = excluded.school_id",
            {k->id, school_id, k->year_id, int64_t{k->grade}, k->letter, IdOrNull(k->teacher_id)}));
        break;
      }
      case Entity::kPerson: {
        const Person* p = s.FindPerson(ch.id);
        std::string sex = p->sex ? std::string(1, p->sex) : std::string();
        st = Owned(c, c.Query(
            "INSERT INTO persons (id, school_id, last_name, first_name, middle_name, birth_date, sex) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET last_name = excluded.last_name, "
            "first_name = excluded.first_name, middle_name = excluded.middle_name, birth_date = excluded.birth_date, "
            "sex = excluded.sex WHERE persons.school_id = excluded.school_id",
            {p->id, school_id, p->name.last, p->name.first, p->name.middle, DateValue(p->birth_date),
             sex.empty() ? SqlValue(nullptr) : SqlValue(sex)}));
        if (st.ok()) st = c.Query("DELETE FROM person_roles WHERE person_id = ?", {p->id});
        for (Role role : p->roles) {
          if (st.ok()) {
            st = c.Query("INSERT INTO person_roles (person_id, role) VALUES (?, ?)", {p->id, std::string(RoleCode(role))});
          }
        }
        if (st.ok()) st = EnsureAccount(c, school_id, *p, now);
        break;
      }
      case Entity::kEnrollment: {
        for (const auto& e : s.enrollments) {
          if (e.id != ch.id) continue;
          st = c.Query(
              "INSERT INTO enrollments (id, student_id, class_id, from_date, to_date) VALUES (?, ?, ?, ?, ?) "
              "ON CONFLICT(id) DO UPDATE SET class_id = excluded.class_id, from_date = excluded.from_date, "
              "to_date = excluded.to_date",
              {e.id, e.student_id, e.class_id, e.from.Iso(), DateValue(e.to)});
        }
        break;
      }
      case Entity::kGuardianship: {
        // ch.id is the student: rewrite that student's parents.
        st = c.Query("DELETE FROM guardianships WHERE student_id = ?", {ch.id});
        for (const auto& g : s.guardianships) {
          if (!st.ok()) break;
          if (g.student_id != ch.id) continue;
          st = c.Query("INSERT INTO guardianships (parent_id, student_id, kind) VALUES (?, ?, ?)",
                       {g.parent_id, g.student_id, g.kind});
        }
        break;
      }
      case Entity::kIup: {
        // ch.id is the student: rewrite that student's plan lines.
        st = c.Query("DELETE FROM iup_lines WHERE student_id = ?", {ch.id});
        for (const auto& l : s.iup) {
          if (!st.ok()) break;
          if (l.student_id != ch.id) continue;
          st = c.Query("INSERT INTO iup_lines (year_id, student_id, subject_id, mode, hours) VALUES (?, ?, ?, ?, ?)",
                       {l.year_id, l.student_id, l.subject_id, std::string(IupModeCode(l.mode)), l.hours});
        }
        break;
      }
      case Entity::kSubject: {
        const Subject* x = s.FindSubject(ch.id);
        st = Owned(c, c.Query(
            "INSERT INTO subjects (id, school_id, name, short_name) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
            "SET name = excluded.name, short_name = excluded.short_name WHERE subjects.school_id = excluded.school_id",
            {x->id, school_id, x->name, x->short_name}));
        break;
      }
      case Entity::kCurriculum: {
        // The curriculum is small: rewrite the school's lines.
        st = c.Query(
            "DELETE FROM curriculum WHERE year_id IN (SELECT id FROM academic_years WHERE school_id = ?)", {school_id});
        for (const auto& l : s.curriculum) {
          if (!st.ok()) break;
          st = c.Query("INSERT INTO curriculum (year_id, grade, subject_id, profile, hours) VALUES (?, ?, ?, ?, ?)",
                       {l.year_id, int64_t{l.grade}, l.subject_id, l.profile, l.hours});
        }
        break;
      }
      case Entity::kGroup: {
        const Group* g = s.FindGroup(ch.id);
        st = c.Query(
            "INSERT INTO study_groups (id, year_id, kind, name, subject_id) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, subject_id = excluded.subject_id",
            {g->id, g->year_id, std::string(GroupKindCode(g->kind)), g->name, g->subject_id});
        if (st.ok()) st = c.Query("DELETE FROM group_classes WHERE group_id = ?", {g->id});
        for (size_t i = 0; st.ok() && i < g->class_ids.size(); ++i) {
          st = c.Query("INSERT INTO group_classes (group_id, class_id, position) VALUES (?, ?, ?)",
                       {g->id, g->class_ids[i], static_cast<int64_t>(i)});
        }
        if (st.ok()) st = c.Query("DELETE FROM group_members WHERE group_id = ?", {g->id});
        for (size_t i = 0; st.ok() && i < g->members.size(); ++i) {
          st = c.Query("INSERT INTO group_members (group_id, student_id) VALUES (?, ?)", {g->id, g->members[i]});
        }
        break;
      }
      case Entity::kWorkload: {
        const WorkloadLine* w = nullptr;
        for (const auto& x : s.workload) {
          if (x.id == ch.id) w = &x;
        }
        if (!w) {
          st = c.Query("DELETE FROM workload WHERE id = ?", {ch.id});
        } else {
          st = c.Query(
              "INSERT INTO workload (id, year_id, teacher_id, subject_id, group_id, hours) VALUES (?, ?, ?, ?, ?, ?) "
              "ON CONFLICT(id) DO UPDATE SET hours = excluded.hours",
              {w->id, w->year_id, w->teacher_id, w->subject_id, w->group_id, w->hours});
        }
        break;
      }
    }
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace ej::server
