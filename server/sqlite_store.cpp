#include "sqlite_store.h"

#include <algorithm>
#include <ctime>
#include <limits>
#include <memory>
#include <optional>

#include "class_summary.h"
#include "crypto.h"
#include "diary.h"
#include "journal_keys.h"
#include "journal_pull.h"
#include "journal_store.h"
#include "op_log.h"
#include "planning_store.h"
#include "substitution.h"
#include "recommendation_store.h"
#include "structure_store.h"
#include "timetable_store.h"

namespace ej::server {

Result<std::optional<AccountRecord>> SqliteStore::FindAccountByLogin(std::string_view login) {
  std::optional<AccountRecord> out;
  Status s = db_.Read([&](Connection& c) {
    return c.Query(
        "SELECT id, person_id, school_id, login, password_hash, disabled FROM accounts WHERE login = ?",
        {std::string(login)}, [&](const Row& r) {
          AccountRecord a;
          a.id = r.Int(0);
          a.person_id = r.Int(1);
          a.school_id = r.Int(2);
          a.login = r.Text(3);
          if (!r.IsNull(4)) a.password_hash = r.Text(4);
          a.disabled = r.Int(5) != 0;
          out = std::move(a);
        });
  });
  if (!s.ok()) return s;
  return out;
}

Result<protocol::MeResponse> SqliteStore::LoadUser(int64_t account_id) {
  protocol::MeResponse me;
  bool found = false;
  Status s = db_.Read([&](Connection& c) {
    Status q = c.Query(
        "SELECT a.id, p.last_name, p.first_name, p.middle_name, s.short_name, p.id "
        "FROM accounts a JOIN persons p ON p.id = a.person_id JOIN schools s ON s.id = a.school_id "
        "WHERE a.id = ?",
        {account_id}, [&](const Row& r) {
          found = true;
          me.user.id = r.Int(0);
          me.user.name = FullName({r.Text(1), r.Text(2), r.Text(3)});
          me.school = r.Text(4);
          me.user.person_id = r.Int(5);
        });
    if (!q.ok() || !found) return q;
    return c.Query(
        "SELECT pr.role FROM person_roles pr JOIN accounts a ON a.person_id = pr.person_id "
        "WHERE a.id = ?",
        {account_id}, [&](const Row& r) {
          if (auto role = RoleFromCode(r.Text(0))) me.user.roles.push_back(*role);
        });
  });
  if (!s.ok()) return s;
  if (!found) return Status(ErrorCode::kNotFound, "Учётная запись не найдена.");
  // Roles in the fixed order of kAllRoles, so every screen lists them the same way.
  std::vector<Role> ordered;
  for (Role role : kAllRoles) {
    for (Role held : me.user.roles) {
      if (held == role) ordered.push_back(role);
    }
  }
  me.user.roles = std::move(ordered);
  return me;
}

Status SqliteStore::CreateSession(const NewSession& n) {
  return db_.Write([&](Connection& c) {
    return c.Query(
        "INSERT INTO sessions (account_id, token_hash, created_at, expires_at, last_seen_at, ip, "
        "user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {n.account_id, n.token_hash, n.created_at, n.expires_at, n.created_at, n.ip, n.user_agent});
  });
}

Result<std::optional<SessionRecord>> SqliteStore::FindLiveSession(std::string_view token_hash, int64_t now) {
  auto version = db_.OutsideChanges();
  if (!version.ok()) return version.status();
  {
    // Most requests: a kept session, nothing changed outside.
    std::shared_lock shared(sessions_mutex_);
    if (*version == sessions_data_version_) {
      if (auto it = sessions_.find(std::string(token_hash)); it != sessions_.end()) {
        const CachedSession& kept = it->second;
        if (now >= kept.cached_at && now - kept.cached_at < kSessionCacheSeconds) {
          if (kept.record.expires_at > now) return std::optional<SessionRecord>(kept.record);
          return std::optional<SessionRecord>();
        }
      }
    }
  }
  uint64_t generation = 0;
  {
    std::lock_guard lock(sessions_mutex_);
    if (*version != sessions_data_version_) {
      sessions_.clear();
      ++sessions_generation_;
      sessions_data_version_ = *version;
    }
    if (auto it = sessions_.find(std::string(token_hash)); it != sessions_.end()) {
      const CachedSession& kept = it->second;
      if (now >= kept.cached_at && now - kept.cached_at < kSessionCacheSeconds) {
        if (kept.record.expires_at > now) return std::optional<SessionRecord>(kept.record);
        return std::optional<SessionRecord>();
      }
      sessions_.erase(it);
    }
    generation = sessions_generation_;
  }
  std::optional<SessionRecord> out;
  Status s = db_.Read([&](Connection& c) {
    return c.Query(
        "SELECT s.id, s.account_id, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id "
        "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND a.disabled = 0",
        {std::string(token_hash), now}, [&](const Row& r) {
          out = SessionRecord{r.Int(0), r.Int(1), r.Int(2)};
        });
  });
  if (!s.ok()) return s;
  if (out) {
    std::lock_guard lock(sessions_mutex_);
    if (generation == sessions_generation_) {
      if (sessions_.size() >= kMaxCachedSessions) sessions_.clear();
      sessions_[std::string(token_hash)] = CachedSession{*out, now};
    }
  }
  return out;
}

void SqliteStore::DropSessions() {
  std::lock_guard lock(sessions_mutex_);
  sessions_.clear();
  ++sessions_generation_;
}

Status SqliteStore::RevokeSession(std::string_view token_hash, int64_t now) {
  Status s = db_.Write([&](Connection& c) {
    return c.Query("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                   {now, std::string(token_hash)});
  });
  DropSessions();  // after the write: a lookup racing with it is not kept (the generation)
  return s;
}

Result<int64_t> SqliteStore::AddUser(const NewUser& u) {
  int64_t account_id = 0;
  Status s = db_.Write([&](Connection& c) -> Status {
    auto taken = c.QueryInt("SELECT count(*) FROM accounts WHERE login = ?", {u.login});
    if (!taken.ok()) return taken.status();
    if (*taken > 0) {
      return Status(ErrorCode::kConflict, "Логин «" + u.login + "» уже занят.", "login");
    }
    auto schools = c.QueryInt("SELECT count(*) FROM schools", {});
    if (!schools.ok()) return schools.status();
    int64_t school_id = 0;
    if (*schools > 0 && !u.school_name.empty()) {
      auto named = c.QueryInt("SELECT id FROM schools WHERE name = ? OR short_name = ? ORDER BY id LIMIT 1",
                              {u.school_name, u.school_name}, 0);
      if (!named.ok()) return named.status();
      if (*named == 0) {
        return Status(ErrorCode::kNotFound,
                      "Школа «" + u.school_name + "» не найдена; добавьте её командой school add.", "school");
      }
      school_id = *named;
    } else if (*schools == 1) {
      auto only = c.QueryInt("SELECT id FROM schools LIMIT 1", {});
      if (!only.ok()) return only.status();
      school_id = *only;
    } else if (*schools > 1) {
      return Status(ErrorCode::kValidation, "В базе несколько школ: укажите школу параметром --school.", "school");
    }
    if (school_id == 0) {
      if (u.school_name.empty()) {
        return Status(ErrorCode::kValidation,
                      "В базе ещё нет школы: укажите её название параметром --school.", "school");
      }
      Status q = c.Query("INSERT INTO schools (name, short_name, created_at) VALUES (?, ?, ?)",
                         {u.school_name, u.school_name, u.now});
      if (!q.ok()) return q;
      school_id = c.LastInsertId();
    }
    Status q = c.Query(
        "INSERT INTO persons (school_id, last_name, first_name, middle_name) VALUES (?, ?, ?, ?)",
        {school_id, u.name.last, u.name.first, u.name.middle});
    if (!q.ok()) return q;
    int64_t person_id = c.LastInsertId();
    for (Role role : u.roles) {
      q = c.Query("INSERT OR IGNORE INTO person_roles (person_id, role) VALUES (?, ?)",
                  {person_id, std::string(RoleCode(role))});
      if (!q.ok()) return q;
    }
    q = c.Query(
        "INSERT INTO accounts (school_id, person_id, login, password_hash, created_at, "
        "password_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
        {school_id, person_id, u.login, u.password_hash, u.now, u.now});
    if (!q.ok()) return q;
    account_id = c.LastInsertId();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return account_id;
}

Result<int64_t> SqliteStore::AddSchool(const std::string& name, const std::string& short_name, int64_t now) {
  int64_t id = 0;
  Status s = db_.Write([&](Connection& c) -> Status {
    auto taken = c.QueryInt(
        "SELECT count(*) FROM schools WHERE name IN (?, ?) OR short_name IN (?, ?)", {name, short_name, name, short_name});
    if (!taken.ok()) return taken.status();
    if (*taken > 0) return Status(ErrorCode::kConflict, "Школа «" + name + "» уже есть в базе.", "name");
    Status q = c.Query("INSERT INTO schools (name, short_name, created_at) VALUES (?, ?, ?)", {name, short_name, now});
    if (!q.ok()) return q;
    id = c.LastInsertId();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Result<std::vector<SqliteStore::SchoolRecord>> SqliteStore::ListSchools() {
  std::vector<SchoolRecord> out;
  Status s = db_.Read([&](Connection& c) {
    return c.Query("SELECT id, name, short_name FROM schools ORDER BY id", {},
                   [&](const Row& r) { out.push_back({r.Int(0), r.Text(1), r.Text(2)}); });
  });
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::SetPassword(std::string_view login, const std::string& password_hash, int64_t now) {
  Status s = db_.Write([&](Connection& c) -> Status {
    auto id = c.QueryInt("SELECT id FROM accounts WHERE login = ?", {std::string(login)}, 0);
    if (!id.ok()) return id.status();
    if (*id == 0) {
      return Status(ErrorCode::kNotFound, "Учётная запись «" + std::string(login) + "» не найдена.", "login");
    }
    Status q = c.Query("UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                       {password_hash, now, *id});
    if (!q.ok()) return q;
    return c.Query("UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                   {now, *id});
  });
  DropSessions();
  return s;
}

Result<bool> SqliteStore::HasSchool() {
  int64_t n = 0;
  Status s = db_.Read([&](Connection& c) {
    auto r = c.QueryInt("SELECT count(*) FROM schools", {});
    if (!r.ok()) return r.status();
    n = *r;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return n > 0;
}

Result<Actor> SqliteStore::LoadActor(int64_t account_id) {
  // Every request asks who its user is: the answer is kept until a push or an outside change
  // (the only ways roles, classes, children, workload and substitutions change).
  auto version = db_.OutsideChanges();
  if (!version.ok()) return version.status();
  uint64_t generation = 0;
  bool current = false;
  {
    // Only hot_mutex_: a push holding cache_mutex_ while it writes does not hold this up.
    std::shared_lock shared(hot_mutex_);
    current = *version == data_version_;
    if (current) {
      if (auto it = actors_.find(account_id); it != actors_.end()) return it->second;
    }
    generation = actors_generation_;
  }
  if (!current) {
    std::lock_guard lock(cache_mutex_);
    if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
    std::shared_lock shared(hot_mutex_);
    if (auto it = actors_.find(account_id); it != actors_.end()) return it->second;
    generation = actors_generation_;
  }
  auto loaded = LoadActorFromDb(account_id);
  if (loaded.ok()) {
    std::lock_guard lock(hot_mutex_);
    if (generation == actors_generation_) {
      if (actors_.size() >= 65536) actors_.clear();
      actors_[account_id] = *loaded;
    }
  }
  return loaded;
}

void SqliteStore::DropActors() {
  actors_.clear();
  diary_access_.clear();
  ++actors_generation_;
}

Result<Actor> SqliteStore::LoadActorFromDb(int64_t account_id) {
  Actor a;
  a.account_id = account_id;
  bool found = false;
  Status s = db_.Read([&](Connection& c) {
    Status q = c.Query("SELECT person_id, school_id FROM accounts WHERE id = ?", {account_id}, [&](const Row& r) {
      found = true;
      a.person_id = r.Int(0);
      a.school_id = r.Int(1);
    });
    if (!q.ok() || !found) return q;
    q = c.Query("SELECT role FROM person_roles WHERE person_id = ?", {a.person_id}, [&](const Row& r) {
      if (auto role = RoleFromCode(r.Text(0))) a.roles.push_back(*role);
    });
    if (!q.ok()) return q;
    q = c.Query("SELECT id FROM classes WHERE class_teacher_id = ?", {a.person_id},
                [&](const Row& r) { a.led_classes.insert(r.Int(0)); });
    if (!q.ok()) return q;
    q = c.Query("SELECT student_id FROM guardianships WHERE parent_id = ?", {a.person_id},
                [&](const Row& r) { a.children.insert(r.Int(0)); });
    if (!q.ok()) return q;
    // The journal's relations, as AddJournalRelations (journal.h) computes them from the state.
    q = c.Query("SELECT group_id FROM workload WHERE teacher_id = ?", {a.person_id},
                [&](const Row& r) { a.taught_groups.insert(r.Int(0)); });
    if (!q.ok()) return q;
    return c.Query("SELECT id, group_id FROM lessons WHERE substitute_id = ?", {a.person_id}, [&](const Row& r) {
      a.substituted_lessons.insert(r.Int(0));
      a.substituted_groups.insert(r.Int(1));
    });
  });
  if (!s.ok()) return s;
  if (!found) return Status(ErrorCode::kUnauthenticated, "Учётная запись не найдена.");
  return a;
}

Status SqliteStore::DropCachesIfChangedOutside() {
  auto version = db_.OutsideChanges();
  if (!version.ok()) return version.status();
  if (*version != data_version_) {
    structures_.clear();
    timetables_.clear();
    journals_.clear();
    plans_.clear();
    rules_.clear();
    control_works_.clear();
    recommendations_.clear();
    std::lock_guard hot(hot_mutex_);
    diaries_.clear();
    ++diary_generation_;
    last_seq_.clear();
    seen_.clear();
    DropActors();
    data_version_ = *version;
  }
  return Status::Ok();
}

Result<Structure*> SqliteStore::CachedStructure(Connection& c, int64_t school_id) {
  auto& slot = structures_[school_id];
  if (!slot) {
    auto loaded = LoadStructure(c, school_id);
    if (!loaded.ok()) return loaded.status();
    slot = std::make_unique<Structure>(std::move(loaded.value()));
  }
  return slot.get();
}

Result<Timetable*> SqliteStore::CachedTimetable(Connection& c, int64_t school_id) {
  auto& slot = timetables_[school_id];
  if (!slot) {
    auto loaded = LoadTimetable(c, school_id);
    if (!loaded.ok()) return loaded.status();
    slot = std::make_unique<Timetable>(std::move(loaded.value()));
  }
  return slot.get();
}

Result<Journal*> SqliteStore::CachedJournal(Connection& c, int64_t school_id) {
  auto& slot = journals_[school_id];
  if (!slot) {
    auto loaded = LoadJournal(c, school_id);
    if (!loaded.ok()) return loaded.status();
    slot = std::make_unique<Journal>(std::move(loaded.value()));
    // Builds under the shared lock read the group index: built now, while exclusive.
    slot->LessonsOf(0, DateRange{});
  }
  return slot.get();
}

Date LocalDate(int64_t unix_seconds) {
  time_t t = static_cast<time_t>(unix_seconds);
  struct tm local {};
  localtime_r(&t, &local);
  return Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value_or(Date());
}

Result<protocol::Json> SqliteStore::JournalSlice(const Actor& actor, int64_t group_id, std::optional<DateRange> range) {
  // Families read the diary, never a group's journal; to them no group exists (R22: not even
  // whether an id is a group leaks).
  if (!IsStaff(actor)) return Status(ErrorCode::kNotFound, "Группа не найдена.", "group_id");
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    if (!(*st)->FindGroup(group_id)) return Status(ErrorCode::kNotFound, "Группа не найдена.", "group_id");
    // A substitute reads only the lessons they keep in the group (R10).
    Status a = Authorize(actor, Action::kReadJournal, GroupTarget(**st, group_id));
    const bool substitute_only = !a.ok() && actor.substituted_groups.count(group_id) > 0;
    if (!a.ok() && !substitute_only) return a;
    auto j = CachedJournal(c, actor.school_id);
    if (!j.ok()) return j.status();
    out = ToJson(substitute_only ? SliceForSubstitute(**j, actor, group_id, range) : SliceForGroup(**j, group_id, range));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<protocol::Json> SqliteStore::LessonsOfDay(const Actor& actor, Date day) {
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out = protocol::Json::array();
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    auto j = CachedJournal(c, actor.school_id);
    if (!j.ok()) return j.status();
    Journal mine;
    for (const auto& [id, l] : (*j)->lessons) {
      if (l.lesson.date != day) continue;
      if (!Authorize(actor, Action::kWriteLesson, LessonTarget(**st, l)).ok()) continue;
      mine.lessons.emplace(id, l);
    }
    out = ToJson(mine)["lessons"];
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<ThematicPlans*> SqliteStore::CachedPlans(Connection& c, int64_t school_id) {
  auto& slot = plans_[school_id];
  if (!slot) {
    auto loaded = LoadPlans(c, school_id);
    if (!loaded.ok()) return loaded.status();
    slot = std::make_unique<ThematicPlans>(std::move(loaded.value()));
  }
  return slot.get();
}

Result<ControlWorks*> SqliteStore::CachedControlWorks(Connection& c, int64_t school_id) {
  auto& slot = control_works_[school_id];
  if (!slot) {
    auto loaded = LoadControlWorks(c, school_id);
    if (!loaded.ok()) return loaded.status();
    slot = std::make_unique<ControlWorks>(std::move(loaded.value()));
  }
  return slot.get();
}

Result<protocol::Json> SqliteStore::GroupPlans(const Actor& actor, int64_t group_id) {
  if (!IsStaff(actor)) return Status(ErrorCode::kNotFound, "Группа не найдена.", std::string(protocol::route::kParamGroupId));
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    const Group* g = (*st)->FindGroup(group_id);
    if (!g) return Status(ErrorCode::kNotFound, "Группа не найдена.", std::string(protocol::route::kParamGroupId));
    Target target{.group_id = g->id, .class_ids = g->class_ids};
    if (Status a = Authorize(TeachingActor(**st, actor), Action::kReadPlan, target); !a.ok()) return a;
    auto plans = CachedPlans(c, actor.school_id);
    if (!plans.ok()) return plans.status();
    out = GroupPlansJson(**plans, group_id);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<protocol::Json> SqliteStore::ControlWorkSchedule(const Actor& actor, int64_t year_id, Date today) {
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    if (year_id == 0) {
      const AcademicYear* current = (*st)->YearOf(today);
      for (const auto& y : (*st)->years) {
        if (!(*st)->YearOf(today) && (!current || current->range.first < y.range.first)) current = &y;
      }
      if (!current) return Status(ErrorCode::kNotFound, "В школе ещё нет учебного года.", std::string(protocol::route::kParamYearId));
      year_id = current->id;
    }
    if (!(*st)->FindYear(year_id)) {
      return Status(ErrorCode::kNotFound, "Учебный год не найден.", std::string(protocol::route::kParamYearId));
    }
    auto works = CachedControlWorks(c, actor.school_id);
    if (!works.ok()) return works.status();
    auto rules = CachedRules(c, actor.school_id);
    if (!rules.ok()) return rules.status();
    auto timetable = CachedTimetable(c, actor.school_id);
    if (!timetable.ok()) return timetable.status();
    out = ControlWorkScheduleJson(**st, **works, year_id, actor, (*rules)->control_load, **timetable);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<protocol::Json> SqliteStore::ClassJournalSlice(const Actor& actor, int64_t class_id,
                                                      std::optional<DateRange> range, std::vector<int64_t>* students) {
  const std::string field(protocol::route::kParamClassId);
  if (!IsStaff(actor)) return Status(ErrorCode::kNotFound, "Класс не найден.", field);
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    if (!(*st)->FindClass(class_id)) return Status(ErrorCode::kNotFound, "Класс не найден.", field);
    Target target;
    target.class_ids = {class_id};
    if (Status a = Authorize(actor, Action::kReadJournal, target); !a.ok()) {
      return Status(ErrorCode::kForbidden, "Сводный журнал класса видят его классный руководитель и администрация.", field);
    }
    auto j = CachedJournal(c, actor.school_id);
    if (!j.ok()) return j.status();
    out = ToJson(SliceForClass(**st, **j, class_id, range));
    if (students) *students = (*st)->StudentsEverIn(class_id);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<protocol::Json> SqliteStore::CorrectionRequests(const Actor& actor) {
  if (Status a = Authorize(actor, Action::kReadCorrectionRequests); !a.ok()) return a;
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    auto j = CachedJournal(c, actor.school_id);
    if (!j.ok()) return j.status();
    protocol::Json list = protocol::Json::array();
    for (const RequestRow& r : DescribeRequests(**st, **j, actor)) list.push_back(ToJson(r));
    protocol::Json locked = protocol::Json::array();
    for (int64_t id : (*j)->locked_periods) locked.push_back(id);
    out = protocol::Json{{"requests", std::move(list)}, {"locked_periods", std::move(locked)}};
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<AuditRow>> SqliteStore::CorrectionsAudit(const Actor& actor, const AuditFilter& filter) {
  if (Status a = Authorize(actor, Action::kReadAudit); !a.ok()) return a;
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  std::vector<AuditRow> rows;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    auto j = CachedJournal(c, actor.school_id);
    if (!j.ok()) return j.status();
    return c.Query(
        "SELECT l.seq, l.server_time, a.person_id, l.kind, l.payload, l.result FROM op_log l "
        "JOIN accounts a ON a.id = l.account_id WHERE l.school_id = ? AND json_extract(l.result, '$.correction') = 1 "
        "ORDER BY l.seq DESC LIMIT 20000",
        {actor.school_id}, [&](const Row& r) {
          AuditSource e;
          e.seq = r.Int(0);
          time_t t = static_cast<time_t>(r.Int(1));
          struct tm local {};
          localtime_r(&t, &local);
          char when[32];
          std::strftime(when, sizeof when, "%d.%m.%Y %H:%M", &local);
          e.when = when;
          e.author_id = r.Int(2);
          e.kind = r.Text(3);
          auto parse = [](const std::string& text) {
            auto parsed = protocol::ParseJson(text);
            return parsed.ok() ? *parsed : protocol::Json::object();
          };
          e.payload = parse(r.Text(4));
          e.result = parse(r.Text(5));
          AuditRow row = DescribeCorrection(**st, **j, e);
          if (Matches(row, filter)) rows.push_back(std::move(row));
        });
  });
  if (!s.ok()) return s;
  return rows;
}

Result<protocol::Json> SqliteStore::TimetableSnapshot(int64_t school_id) {
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto t = CachedTimetable(c, school_id);
    if (!t.ok()) return t.status();
    out = ToJson(**t);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<protocol::Json> SqliteStore::StructureSnapshot(const Actor& actor) {
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    out = ToJson(VisibleTo(**st, actor), SnapshotOptionsFor(actor));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

namespace {

Result<SchoolRules> ReadRules(Connection& c, int64_t school_id) {
  std::string text;
  Status s = c.Query("SELECT rules FROM school_rules WHERE school_id = ?", {school_id},
                     [&](const Row& r) { text = r.Text(0); });
  if (!s.ok()) return s;
  if (text.empty()) return DefaultSchoolRules();
  auto json = protocol::ParseJson(text);
  if (!json.ok()) return Status(ErrorCode::kInternal, "Правила школы в базе повреждены.");
  return SchoolRulesFromJson(*json);
}

// Whether a code the rules would remove is used by the journal's entries. A grading system or
// a mark value counts as used when any mark carries the value's code (conservative: a code
// shared by two systems keeps both).
InUsePredicate CodeInUse(Connection& c, int64_t school_id) {
  return [&c, school_id](std::string_view kind, std::string_view code) {
    std::string sql;
    std::string arg(code);
    if (kind == rules_in_use::kMarkType) {
      sql = "SELECT EXISTS (SELECT 1 FROM marks WHERE school_id = ? AND type = ?)";
    } else if (kind == rules_in_use::kAttendance) {
      sql = "SELECT EXISTS (SELECT 1 FROM attendance WHERE school_id = ? AND code = ?)";
    } else if (kind == rules_in_use::kMarkValue) {
      arg = std::string(SplitMarkValueKey(code).second);
      sql = "SELECT EXISTS (SELECT 1 FROM marks WHERE school_id = ? AND value = ?) OR "
            "EXISTS (SELECT 1 FROM finals WHERE school_id = ?1 AND value = ?2)";
    } else {
      sql = "SELECT EXISTS (SELECT 1 FROM marks WHERE school_id = ? AND ? <> '')";
    }
    auto used = c.QueryInt(sql, {school_id, arg});
    return !used.ok() || *used != 0;
  };
}

}  // namespace

Result<SchoolRules> SqliteStore::Rules(int64_t school_id) {
  Result<SchoolRules> out = Status(ErrorCode::kInternal, "");
  Status s = db_.Read([&](Connection& c) {
    out = ReadRules(c, school_id);
    return out.ok() ? Status::Ok() : out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<PushResponse> SqliteStore::PushOps(const Actor& actor, const std::vector<Operation>& ops, int64_t now) {
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  for (const Operation& op : ops) {
    if (IsRulesOp(op.kind)) rules_.erase(actor.school_id);  // rules.update changes them
  }
  PushResponse response;
  bool committed = false;
  // What the applied operations touched: the kept diaries of those students, and who people are
  // when an operation may change it, are dropped after the commit (below); the rest stay.
  DiaryTouch touched;
  bool relations_changed = false;
  int64_t last_seq = -1;
  // Whatever happens (an error, an exception from a library), a write that did not commit
  // leaves no cached state behind that the tables do not have.
  struct DropUnlessCommitted {
    SqliteStore* store;
    int64_t school;
    const bool& committed;
    ~DropUnlessCommitted() {
      if (!committed) {
        store->structures_.erase(school);
        store->timetables_.erase(school);
        store->journals_.erase(school);
        store->plans_.erase(school);
        store->control_works_.erase(school);
        store->recommendations_.erase(school);
        store->rules_.erase(school);
        std::lock_guard hot(store->hot_mutex_);
        DiaryTouch all;
        all.AddAll();
        store->DropDiaries(school, all);
        store->last_seq_.erase(school);
        store->DropActors();
      }
    }
  } drop{this, actor.school_id, committed};
  Status s = db_.Write([&](Connection& c) -> Status {
    response.results.clear();
    auto cached = CachedStructure(c, actor.school_id);
    if (!cached.ok()) return cached.status();
    Structure& structure = **cached;
    if (Status ids = RefreshNextIds(c, structure); !ids.ok()) return ids;
    auto timetable = CachedTimetable(c, actor.school_id);
    if (!timetable.ok()) return timetable.status();
    if (Status ids = RefreshNextIds(c, **timetable); !ids.ok()) return ids;
    auto journal = CachedJournal(c, actor.school_id);
    if (!journal.ok()) return journal.status();
    if (Status ids = RefreshNextIds(c, **journal); !ids.ok()) return ids;
    auto plans = CachedPlans(c, actor.school_id);
    if (!plans.ok()) return plans.status();
    auto control_works = CachedControlWorks(c, actor.school_id);
    if (!control_works.ok()) return control_works.status();
    if (Status ids = RefreshNextIds(c, **control_works); !ids.ok()) return ids;
    std::optional<SchoolRules> rules;  // read once per batch, after any rules.update in it
    Actor journal_actor = actor;       // with its relations, refreshed after planning ops
    bool relations_stale = true;
    for (const Operation& op : ops) {
      OpResult result;
      result.op_id = op.op_id;
      auto previous = FindLogEntry(c, op.op_id);
      if (!previous.ok()) return previous.status();
      if (*previous) {
        // A re-sent operation: same answer, no second effect.
        const LogEntry& e = **previous;
        if (e.school_id != actor.school_id || e.account_id != actor.account_id) {
          result.outcome = OpOutcome::kRejected;
          result.error = Status(ErrorCode::kConflict, "Операция с таким идентификатором уже есть.", "op_id");
        } else {
          result.seq = e.seq;
          if (e.result.contains(kResultCreatedId) && e.result[kResultCreatedId].is_number_integer()) {
            result.created_id = e.result[kResultCreatedId].get<int64_t>();
          }
        }
        response.results.push_back(std::move(result));
        continue;
      }
      auto reject = [&](Status why) {
        result.outcome = why.code() == ErrorCode::kConflict ? OpOutcome::kConflict : OpOutcome::kRejected;
        result.error = std::move(why);
        response.results.push_back(std::move(result));
      };
      Applied applied_effect;
      protocol::Json audit = protocol::Json::object();
      DiaryTouch op_touch = DiaryTouchOfKind(op.kind);  // journal and recommendation ops: narrower
      if (IsJournalOp(op.kind)) {
        if (!rules) {
          auto read = ReadRules(c, actor.school_id);
          if (!read.ok()) return read.status();
          rules = std::move(read).value();
        }
        if (relations_stale) {
          AddJournalRelations(journal_actor, structure, **journal);
          relations_stale = false;
        }
        JournalContext ctx{structure, **timetable, *rules, LocalDate(now)};
        auto applied = ApplyJournalOp(**journal, ctx, op, journal_actor);
        if (!applied.ok()) {
          reject(applied.status());
          continue;
        }
        if (Status p = PersistJournal(c, actor.school_id, **journal, *applied); !p.ok()) return p;
        applied_effect.created_id = applied->created_id;
        op_touch = DiaryTouchOfJournalOp(structure, **journal, op.kind, *applied);
        relations_stale = op.kind == op_kind::kLessonSubstitute || op.kind == op_kind::kLessonsGenerate;
        // The audit (R3, R13): old → new and why travel in the log entry.
        if (applied->correction) audit[journal_key::kKeyCorrection] = true;
        if (!applied->old.is_null()) audit[journal_key::kKeyOld] = applied->old;
        if (!applied->reason.empty()) audit[journal_key::kKeyReason] = applied->reason;
        // What it touched, for the pull since a cursor (journal_pull.h); generated lessons ask
        // for a resync, their (long) list is not kept.
        if (op.kind != op_kind::kLessonsGenerate) audit["touch"] = ToJson(TouchOf(**journal, *applied));
        result.summary = JournalOpSummary(op.kind, *applied);
        if (result.summary.is_object()) audit.update(result.summary);  // the log keeps the figures
      } else if (IsRulesOp(op.kind)) {
        rules.reset();
        auto current = ReadRules(c, actor.school_id);
        if (!current.ok()) return current.status();
        auto updated = ApplyRulesUpdate(*current, op, actor, CodeInUse(c, actor.school_id));
        if (!updated.ok()) {
          reject(updated.status());
          continue;
        }
        Status p = c.Query(
            "INSERT INTO school_rules (school_id, rules, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(school_id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at",
            {actor.school_id, ToJson(*updated).dump(), now});
        if (!p.ok()) return p;
      } else if (IsTimetableOp(op.kind)) {
        auto applied = ApplyTimetableOp(**timetable, structure, op, actor);
        if (!applied.ok()) {
          reject(applied.status());
          continue;
        }
        if (Status p = PersistTimetable(c, actor.school_id, **timetable, *applied); !p.ok()) return p;
        applied_effect.created_id = applied->created_id;
      } else if (IsPlanOp(op.kind)) {
        auto applied = ApplyPlanOp(**plans, structure, op, actor);
        if (!applied.ok()) {
          reject(applied.status());
          continue;
        }
        if (Status p = PersistPlan(c, actor.school_id, **plans, applied->group_id, now); !p.ok()) return p;
      } else if (IsControlWorkOp(op.kind)) {
        auto applied = ApplyControlWorkOp(**control_works, structure, (**timetable).six_day_classes, op, actor);
        if (!applied.ok()) {
          reject(applied.status());
          continue;
        }
        if (Status p = PersistControlWorks(c, actor.school_id, **control_works, *applied); !p.ok()) return p;
        applied_effect.created_id = applied->created_id;
      } else if (IsRecommendationOp(op.kind)) {
        if (relations_stale) {
          AddJournalRelations(journal_actor, structure, **journal);
          relations_stale = false;
        }
        auto recs = CachedRecommendations(c, actor.school_id);
        if (!recs.ok()) return recs.status();
        auto applied = ApplyRecommendationOp(**recs, structure, **journal, op, journal_actor, LocalDate(now));
        if (!applied.ok()) {
          reject(applied.status());
          continue;
        }
        if (Status p = PersistRecommendation(c, actor.school_id, *applied); !p.ok()) return p;
        op_touch = DiaryTouchOfRecommendation(*applied);
      } else if (IsStructureOp(op.kind)) {
        auto applied = ApplyStructureOp(structure, op, actor);
        if (!applied.ok()) {
          reject(applied.status());
          continue;
        }
        if (Status p = PersistChanges(c, actor.school_id, structure, applied->changes, now); !p.ok()) return p;
        applied_effect = *applied;
      } else {
        reject(Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + op.kind + "».", "kind"));
        continue;
      }
      const Applied* applied = &applied_effect;
      LogEntry entry;
      entry.school_id = actor.school_id;
      entry.account_id = actor.account_id;
      entry.op = op;
      entry.server_time = now;
      entry.result = std::move(audit);
      if (applied->created_id) entry.result[kResultCreatedId] = applied->created_id;
      if (Status l = AppendToLog(c, entry); !l.ok()) return l;
      touched.Add(op_touch);
      relations_changed = relations_changed || ChangesRelations(op.kind);
      result.created_id = applied->created_id;
      result.seq = entry.seq;
      response.results.push_back(std::move(result));
    }
    auto last = LastLogSeq(c, actor.school_id);
    if (!last.ok()) return last.status();
    last_seq = *last;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  committed = true;
  {
    // Before the answer leaves: the next request of a touched student's family builds anew (it
    // waits for cache_mutex_, released when this returns, and reads the journal after the push).
    std::lock_guard hot(hot_mutex_);
    DropDiaries(actor.school_id, touched);
    last_seq_[actor.school_id] = last_seq;
    if (relations_changed) DropActors();
  }
  // Builds under the shared lock read the journal's group index: rebuilt here, while exclusive.
  if (auto j = journals_.find(actor.school_id); j != journals_.end() && j->second) j->second->LessonsOf(0, DateRange{});
  return response;
}

// ---- Accounts ----

namespace {

constexpr const char* kSelectAccounts =
    "SELECT a.id, a.person_id, a.login, p.last_name, p.first_name, p.middle_name, a.password_hash IS NOT NULL, "
    "a.disabled, (SELECT group_concat(role) FROM person_roles pr WHERE pr.person_id = a.person_id) "
    "FROM accounts a JOIN persons p ON p.id = a.person_id WHERE a.school_id = ? ";

protocol::AccountInfo ReadAccount(const Row& r) {
  protocol::AccountInfo a;
  a.account_id = r.Int(0);
  a.person_id = r.Int(1);
  a.login = r.Text(2);
  a.name = FullName({r.Text(3), r.Text(4), r.Text(5)});
  a.has_password = r.Int(6) != 0;
  a.disabled = r.Int(7) != 0;
  std::string codes = r.Text(8);
  for (Role role : kAllRoles) {
    std::string code(RoleCode(role));
    size_t pos = 0;
    while ((pos = codes.find(code, pos)) != std::string::npos) {
      bool starts = pos == 0 || codes[pos - 1] == ',';
      bool ends = pos + code.size() == codes.size() || codes[pos + code.size()] == ',';
      if (starts && ends) {
        a.roles.push_back(role);
        break;
      }
      pos += code.size();
    }
  }
  return a;
}

// Appends a server-side account action to the school's log (who, when, what; no secrets).
Status LogAccountAction(Connection& c, const Actor& actor, std::string_view kind, int64_t account_id, int64_t now) {
  std::string raw = RandomBytes(16);
  LogEntry e;
  e.school_id = actor.school_id;
  e.account_id = actor.account_id;
  e.op.op_id = FormatUuid(reinterpret_cast<const unsigned char*>(raw.data()));
  e.op.kind = std::string(kind);
  e.op.payload = protocol::ToJson(protocol::AccountRef{account_id});
  e.op.client_time = now * 1000;
  e.op.device = "server";
  e.server_time = now;
  e.result = protocol::Json::object();
  return AppendToLog(c, e);
}

}  // namespace

Result<protocol::AccountList> SqliteStore::ListAccounts(int64_t school_id) {
  protocol::AccountList out;
  Status s = db_.Read([&](Connection& c) {
    return c.Query(std::string(kSelectAccounts) + "ORDER BY p.last_name, p.first_name, p.middle_name, a.id", {school_id},
                   [&](const Row& r) { out.accounts.push_back(ReadAccount(r)); });
  });
  if (!s.ok()) return s;
  return out;
}

Result<protocol::AccountInfo> SqliteStore::FindAccount(int64_t school_id, int64_t account_id) {
  std::optional<protocol::AccountInfo> out;
  Status s = db_.Read([&](Connection& c) {
    return c.Query(std::string(kSelectAccounts) + "AND a.id = ?", {school_id, account_id},
                   [&](const Row& r) { out = ReadAccount(r); });
  });
  if (!s.ok()) return s;
  if (!out) return Status(ErrorCode::kNotFound, "Учётная запись не найдена.", "account_id");
  return *out;
}

Status SqliteStore::IssuePassword(const Actor& actor, int64_t account_id, const std::string& password_hash, int64_t now) {
  Status s = db_.Write([&](Connection& c) -> Status {
    Status q = c.Query("UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE id = ? AND school_id = ?",
                       {password_hash, now, account_id, actor.school_id});
    if (!q.ok()) return q;
    if (c.Changes() == 0) return Status(ErrorCode::kNotFound, "Учётная запись не найдена.", "account_id");
    q = c.Query("UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", {now, account_id});
    if (!q.ok()) return q;
    return LogAccountAction(c, actor, "account.password_issued", account_id, now);
  });
  DropSessions();
  return s;
}

Status SqliteStore::SetAccountDisabled(const Actor& actor, int64_t account_id, bool disabled, int64_t now) {
  Status s = db_.Write([&](Connection& c) -> Status {
    Status q = c.Query("UPDATE accounts SET disabled = ? WHERE id = ? AND school_id = ?",
                       {int64_t{disabled ? 1 : 0}, account_id, actor.school_id});
    if (!q.ok()) return q;
    if (c.Changes() == 0) return Status(ErrorCode::kNotFound, "Учётная запись не найдена.", "account_id");
    if (disabled) {
      q = c.Query("UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", {now, account_id});
      if (!q.ok()) return q;
    }
    return LogAccountAction(c, actor, disabled ? "account.disabled" : "account.enabled", account_id, now);
  });
  DropSessions();  // the cut-off account loses access with the next request (152-ФЗ)
  return s;
}

// ---- the diary, the children, the personal-data access log ----

Result<SchoolRules*> SqliteStore::CachedRules(Connection& c, int64_t school_id) {
  auto& slot = rules_[school_id];
  if (!slot) {
    auto loaded = ReadRules(c, school_id);
    if (!loaded.ok()) return loaded.status();
    slot = std::make_unique<SchoolRules>(std::move(loaded.value()));
  }
  return slot.get();
}

namespace {

// The log's seq the answer reflects goes at its end: the client marks the diary seen up to it.
std::string WithSeq(const std::string& json, int64_t seq) {
  std::string out;
  out.reserve(json.size() + 24);
  out.append(json, 0, json.empty() ? 0 : json.size() - 1);
  out += ",\"seq\":" + std::to_string(seq) + "}";
  return out;
}

}  // namespace

Result<std::string> SqliteStore::Diary(const Actor& actor, int64_t student_id, DateRange range) {
  // A family asks only for its own: anything else is "not found" before anything is read.
  if (!IsStaff(actor) && student_id != actor.person_id && actor.children.count(student_id) == 0) {
    return Status(ErrorCode::kNotFound, "Ученик не найден.", std::string(protocol::route::kParamStudentId));
  }
  auto key = std::make_tuple(actor.school_id, student_id, range.first.Days(), range.last.Days());
  auto access_key = std::make_tuple(actor.account_id, student_id, range.first.Days(), range.last.Days());
  // The fastest path, side by side with other readers and with a push that is writing: nothing
  // changed outside, the reader's right to the whole diary is known, the diary is kept and
  // nothing is new for the reader.
  auto version = db_.OutsideChanges();
  if (!version.ok()) return version.status();
  {
    std::shared_lock shared(hot_mutex_);
    if (*version == data_version_) {
      auto known = diary_access_.find(access_key);
      auto hit = diaries_.find(key);
      auto last = last_seq_.find(actor.school_id);
      auto seen = seen_.find({actor.account_id, student_id});
      if (known != diary_access_.end() && known->second && hit != diaries_.end() && last != last_seq_.end() &&
          seen != seen_.end() && (seen->second < 0 || seen->second >= last->second)) {
        return WithSeq(hit->second.json, last->second);
      }
    }
  }
  // Built (or marked for the reader) from the kept sources under the shared lock: families whose
  // diaries a push touched rebuild side by side.
  {
    std::shared_lock shared(cache_mutex_);
    if (*version == data_version_ && DiarySourcesLoaded(actor.school_id)) {
      return DiaryFromSources(actor, student_id, range);
    }
  }
  // Something to load first: exclusively.
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  Status loaded = db_.Read([&](Connection& c) -> Status {
    if (auto st = CachedStructure(c, actor.school_id); !st.ok()) return st.status();
    if (auto j = CachedJournal(c, actor.school_id); !j.ok()) return j.status();
    if (auto t = CachedTimetable(c, actor.school_id); !t.ok()) return t.status();
    if (auto cw = CachedControlWorks(c, actor.school_id); !cw.ok()) return cw.status();
    if (auto rules = CachedRules(c, actor.school_id); !rules.ok()) return rules.status();
    if (auto recs = CachedRecommendations(c, actor.school_id); !recs.ok()) return recs.status();
    return Status::Ok();
  });
  if (!loaded.ok()) return loaded;
  return DiaryFromSources(actor, student_id, range);
}

bool SqliteStore::DiarySourcesLoaded(int64_t school_id) {
  auto loaded = [school_id](const auto& map) {
    auto it = map.find(school_id);
    return it != map.end() && it->second != nullptr;
  };
  return loaded(structures_) && loaded(journals_) && loaded(timetables_) && loaded(control_works_) &&
         loaded(rules_) && loaded(recommendations_);
}

Result<std::string> SqliteStore::DiaryFromSources(const Actor& actor, int64_t student_id, DateRange range) {
  const int64_t school = actor.school_id;
  const Structure& st = *structures_.at(school);
  auto key = std::make_tuple(school, student_id, range.first.Days(), range.last.Days());
  auto access_key = std::make_tuple(actor.account_id, student_id, range.first.Days(), range.last.Days());
  // Who may see it is decided on every request (the answer kept with who the reader is); a
  // whole diary is the same for all who see all of it, so that one is kept until a push touches
  // the student.
  std::optional<bool> known;
  std::string json;
  std::shared_ptr<const DiaryView> view;
  std::optional<int64_t> last, seen;
  uint64_t generation = 0;
  {
    std::shared_lock hot(hot_mutex_);
    if (auto it = diary_access_.find(access_key); it != diary_access_.end()) known = it->second;
    if (auto it = last_seq_.find(school); it != last_seq_.end()) last = it->second;
    if (auto it = seen_.find({actor.account_id, student_id}); it != seen_.end()) seen = it->second;
    generation = diary_generation_;
  }
  bool full = false;
  if (known) {
    full = *known;
  } else {
    auto allowed = AuthorizeDiary(st, actor, student_id, range);
    if (!allowed.ok()) return allowed.status();
    full = *allowed;
    std::lock_guard hot(hot_mutex_);
    if (diary_access_.size() >= 65536) diary_access_.clear();
    diary_access_[access_key] = full;
  }
  // One build per diary at a time: the families asking for a diary a push just dropped wait for
  // the first one's build instead of each building it again.
  struct BuildingGuard {
    SqliteStore* store = nullptr;
    std::tuple<int64_t, int64_t, int64_t, int64_t> key;
    ~BuildingGuard() {
      if (!store) return;
      {
        std::lock_guard b(store->building_mutex_);
        store->building_.erase(key);
      }
      store->building_cv_.notify_all();
    }
  } building;
  while (full) {
    {
      std::shared_lock hot(hot_mutex_);
      if (auto it = diaries_.find(key); it != diaries_.end()) {
        json = it->second.json;
        view = it->second.view;
        break;
      }
    }
    std::unique_lock b(building_mutex_);
    if (building_.insert(key).second) {
      building.store = this;
      building.key = key;
      break;
    }
    building_cv_.wait(b, [&] { return building_.count(key) == 0; });
  }
  if (!view) {
    auto built = BuildDiary(DiarySources{st, *journals_.at(school), *timetables_.at(school), *control_works_.at(school),
                                         *rules_.at(school), recommendations_.at(school).get()},
                            actor, student_id, range);
    if (!built.ok()) return built.status();
    diaries_built_.fetch_add(1, std::memory_order_relaxed);
    json = ToJson(*built).dump();
    view = std::make_shared<const DiaryView>(std::move(built).value());
    if (full) {
      // Kept only when nothing was dropped since the build began: a diary built from data older
      // than the last write is never kept (with cache_mutex_ held no push can run meanwhile;
      // the generation keeps that true whatever calls this).
      std::lock_guard hot(hot_mutex_);
      if (generation == diary_generation_) {
        if (diaries_.size() >= kMaxCachedDiaries) diaries_.clear();
        diaries_[key] = CachedDiary{json, view};
      }
    }
  }
  // What arrived since this reader's last visit (the core decides what it touches).
  std::string out = json;
  Status s = db_.Read([&](Connection& c) -> Status {
    if (!last) {
      auto read = LastLogSeq(c, school);
      if (!read.ok()) return read.status();
      last = *read;
      std::lock_guard hot(hot_mutex_);
      if (generation == diary_generation_) last_seq_.emplace(school, *last);
    }
    if (!seen) {
      auto read = DiarySeenSeq(c, actor.account_id, student_id);
      if (!read.ok()) return read.status();
      seen = read->value_or(-1);
      std::lock_guard hot(hot_mutex_);
      if (generation == diary_generation_) {
        if (seen_.size() >= 65536) seen_.clear();
        seen_.emplace(std::make_pair(actor.account_id, student_id), *seen);
      }
    }
    if (*seen >= 0 && *seen < *last) {
      auto ops = LoggedOpsAfter(c, school, *seen, DiaryNewsKinds());
      if (!ops.ok()) return ops.status();
      DiaryView marked = *view;
      if (MarkNewSince(marked, *ops) > 0) out = ToJson(marked).dump();
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return WithSeq(out, *last);
}

void SqliteStore::DropDiaries(int64_t school_id, const DiaryTouch& touched) {
  if (touched.Empty()) return;
  for (auto it = diaries_.lower_bound({school_id, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::min()});
       it != diaries_.end() && std::get<0>(it->first) == school_id;) {
    if (touched.Touches(std::get<1>(it->first))) {
      it = diaries_.erase(it);
    } else {
      ++it;
    }
  }
  ++diary_generation_;
}

Status SqliteStore::MarkDiarySeen(const Actor& actor, int64_t student_id, int64_t seq, Date today) {
  if (!IsStaff(actor) && student_id != actor.person_id && actor.children.count(student_id) == 0) {
    return Status(ErrorCode::kNotFound, "Ученик не найден.", std::string(protocol::route::kParamStudentId));
  }
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  Result<Structure*> st = Status(ErrorCode::kInternal, "");
  Status read = db_.Read([&](Connection& c) -> Status {
    st = CachedStructure(c, actor.school_id);
    return st.ok() ? Status::Ok() : st.status();
  });
  if (!read.ok()) return read;
  if (auto full = AuthorizeDiary(**st, actor, student_id, {today, today}); !full.ok()) return full.status();
  int64_t stored = 0;
  Status s = db_.Write([&](Connection& c) -> Status {
    auto last = LastLogSeq(c, actor.school_id);
    if (!last.ok()) return last.status();
    stored = std::clamp<int64_t>(seq, 0, *last);
    return SetDiarySeenSeq(c, actor.account_id, student_id, stored);
  });
  if (!s.ok()) return s;
  std::lock_guard hot(hot_mutex_);
  auto [cached, inserted] = seen_.try_emplace({actor.account_id, student_id}, stored);
  if (!inserted) cached->second = std::max(cached->second, stored);
  return Status::Ok();
}

Result<Recommendations*> SqliteStore::CachedRecommendations(Connection& c, int64_t school_id) {
  auto& slot = recommendations_[school_id];
  if (!slot) {
    auto loaded = LoadRecommendations(c, school_id);
    if (!loaded.ok()) return loaded.status();
    slot = std::make_unique<Recommendations>(std::move(loaded.value()));
  }
  return slot.get();
}

Result<protocol::Json> SqliteStore::Children(const Actor& actor, Date today) {
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out;
  Status s = db_.Read([&](Connection& c) -> Status {
    auto st = CachedStructure(c, actor.school_id);
    if (!st.ok()) return st.status();
    out = ToJson(ChildrenOf(**st, actor, today));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::LogPersonalDataRead(const Actor& actor, std::string_view route,
                                        const std::vector<int64_t>& student_ids, int64_t group_id, int64_t now) {
  return db_.Write([&](Connection& c) {
    return c.Query(
        "INSERT INTO pd_access_log (school_id, account_id, at, route, student_ids, group_id) VALUES (?, ?, ?, ?, ?, ?)",
        {actor.school_id, actor.account_id, now, std::string(route), protocol::Json(student_ids).dump(), group_id});
  });
}

Result<protocol::PdAccessLog> SqliteStore::PersonalDataLog(int64_t school_id, int64_t from, int64_t to) {
  protocol::PdAccessLog out;
  Status s = db_.Read([&](Connection& c) {
    return c.Query(
        "SELECT l.id, l.at, l.account_id, p.last_name, p.first_name, p.middle_name, l.route, l.student_ids, l.group_id "
        "FROM pd_access_log l JOIN accounts a ON a.id = l.account_id JOIN persons p ON p.id = a.person_id "
        "WHERE l.school_id = ? AND l.at >= ? AND l.at < ? ORDER BY l.at DESC, l.id DESC LIMIT 5000",
        {school_id, from, to}, [&](const Row& r) {
          protocol::PdAccessEntry e;
          e.id = r.Int(0);
          e.at = r.Int(1);
          e.account_id = r.Int(2);
          e.who = FullName({r.Text(3), r.Text(4), r.Text(5)});
          e.route = r.Text(6);
          if (auto ids = protocol::ParseJson(r.Text(7)); ids.ok() && ids->is_array()) {
            for (const auto& id : *ids) {
              if (id.is_number_integer()) e.student_ids.push_back(id.get<int64_t>());
            }
          }
          e.group_id = r.Int(8);
          out.entries.push_back(std::move(e));
        });
  });
  if (!s.ok()) return s;
  return out;
}

Result<protocol::Json> SqliteStore::SchoolLessonsOfDay(const Actor& actor, Date day) {
  if (Status a = Authorize(actor, Action::kPlanLessons); !a.ok()) return a;
  std::lock_guard lock(cache_mutex_);
  if (Status changed = DropCachesIfChangedOutside(); !changed.ok()) return changed;
  protocol::Json out = protocol::Json::array();
  Status s = db_.Read([&](Connection& c) -> Status {
    auto j = CachedJournal(c, actor.school_id);
    if (!j.ok()) return j.status();
    Journal day_lessons;
    for (const auto& [id, l] : (*j)->lessons) {
      if (l.lesson.date == day) day_lessons.lessons.emplace(id, l);
    }
    out = ToJson(day_lessons)["lessons"];
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace ej::server
