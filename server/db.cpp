#include "db.h"

#include <cstdio>

#include "migrations.h"

namespace ej::server {
namespace {

Status StorageError(std::string message) {
  return Status(ErrorCode::kUnavailable, std::move(message));
}

}  // namespace

std::string Row::Text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string Row::Blob(int col) const {
  const auto* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, Options options) {
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    if (rc == SQLITE_CANTOPEN) {
      return StorageError("Не удаётся открыть файл базы данных «" + path + "» (" + detail + ").");
    }
    return StorageError("Ошибка открытия базы данных «" + path + "»: " + detail);
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status Connection::Error(std::string_view what) const {
  int rc = sqlite3_errcode(db_);
  std::string detail = sqlite3_errmsg(db_);
  if ((rc & 0xFF) == SQLITE_NOTADB) {
    return StorageError("Файл не является базой данных SQLite или повреждён.");
  }
  if ((rc & 0xFF) == SQLITE_CONSTRAINT) {
    return Status(ErrorCode::kConflict, "Нарушено ограничение целостности данных (" + detail + ").");
  }
  if ((rc & 0xFF) == SQLITE_READONLY) {
    return StorageError("База данных доступна только для чтения.");
  }
  return StorageError("Ошибка базы данных при операции «" + std::string(what) + "»: " + detail);
}

Status Connection::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    return Error("exec");
  }
  return Status::Ok();
}

Status Connection::Query(std::string_view sql, const std::vector<SqlValue>& params,
                         const std::function<void(const Row&)>& on_row) {
  sqlite3_stmt* stmt = nullptr;
  auto it = statements_.find(sql);
  if (it != statements_.end()) {
    stmt = it->second;
  } else {
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      return Error("prepare");
    }
    statements_.emplace(std::string(sql), stmt);
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  for (size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i + 1);
    const SqlValue& v = params[i];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(v)) {
      rc = sqlite3_bind_null(stmt, idx);
    } else if (const auto* n = std::get_if<int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, idx, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, idx, *d);
    } else {
      const auto& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) return Error("bind");
  }
  Row row(stmt);
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      if (on_row) on_row(row);
      continue;
    }
    if (rc == SQLITE_DONE) break;
    Status s = Error("step");
    sqlite3_reset(stmt);
    return s;
  }
  sqlite3_reset(stmt);
  return Status::Ok();
}

Result<int64_t> Connection::QueryInt(std::string_view sql, const std::vector<SqlValue>& params,
                                     int64_t fallback) {
  int64_t value = fallback;
  bool seen = false;
  Status s = Query(sql, params, [&](const Row& r) {
    if (!seen) value = r.Int(0);
    seen = true;
  });
  if (!s.ok()) return s;
  return value;
}

// ---- Database ----

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Options options) {
  auto conn = Connection::Open(path, {.create_if_missing = options.create_if_missing});
  if (!conn.ok()) return conn.status();
  Connection& c = **conn;
  // Reading the schema is the first thing that fails for a file that is not a database.
  auto version = c.QueryInt("PRAGMA user_version", {});
  if (!version.ok()) return version.status();
  int latest = LatestSchemaVersion();
  if (*version > latest) {
    return Status(ErrorCode::kUnavailable,
                  "База данных создана более новой версией программы (версия схемы " +
                      std::to_string(*version) + ", эта программа знает версии до " +
                      std::to_string(latest) + "). Обновите программу.");
  }
  Status s = c.Exec("PRAGMA journal_mode=WAL");
  if (s.ok()) s = c.Exec(options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  if (s.ok()) s = c.Exec("PRAGMA foreign_keys=ON");
  if (!s.ok()) return s;

  for (const Migration& m : Migrations()) {
    if (m.version <= *version) continue;
    s = c.Exec("BEGIN IMMEDIATE");
    if (s.ok()) s = c.Exec(m.sql);
    if (s.ok()) s = c.Exec("PRAGMA user_version=" + std::to_string(m.version));
    if (s.ok()) s = c.Exec("COMMIT");
    if (!s.ok()) {
      (void)c.Exec("ROLLBACK");
      return Status(s.code(), "Не удалось обновить схему базы данных до версии " +
                                  std::to_string(m.version) + ": " + s.message());
    }
  }

  auto db = std::unique_ptr<Database>(new Database());
  static std::atomic<uint64_t> instances{0};
  db->instance_ = ++instances;
  db->path_ = path;
  db->options_ = options;
  db->schema_version_ = latest;
  db->writer_ = std::move(conn.value());
  return db;
}

Result<Connection*> Database::ReaderForThisThread() {
  // Every request reads: the thread remembers its connection without taking the shared lock.
  struct Last {
    uint64_t instance = 0;
    Connection* conn = nullptr;
  };
  thread_local Last last;
  if (last.instance == instance_ && last.conn) return last.conn;
  std::lock_guard lock(readers_mutex_);
  auto& slot = readers_[std::this_thread::get_id()];
  if (!slot) {
    auto conn = Connection::Open(path_, {.create_if_missing = false});
    if (!conn.ok()) return conn.status();
    Status s = (*conn)->Exec("PRAGMA foreign_keys=ON");
    if (!s.ok()) return s;
    slot = std::move(conn.value());
  }
  last = {instance_, slot.get()};
  return slot.get();
}

Status Database::Read(const std::function<Status(Connection&)>& fn) {
  auto conn = ReaderForThisThread();
  if (!conn.ok()) return conn.status();
  return fn(**conn);
}

Status Database::Write(const std::function<Status(Connection&)>& fn) {
  std::lock_guard lock(write_mutex_);
  Status s = writer_->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  // Rolls back unless committed, also when `fn` throws (a library call outside the core may):
  // a transaction is never left open for the next writer.
  struct Rollback {
    Connection* c;
    bool armed = true;
    ~Rollback() {
      if (armed) (void)c->Exec("ROLLBACK");
    }
  } guard{writer_.get()};
  s = fn(*writer_);
  if (s.ok()) s = writer_->Exec("COMMIT");
  if (s.ok()) guard.armed = false;
  return s;
}

Result<int64_t> Database::OutsideChanges() {
  // The reader's data_version moves on any commit by another connection (ours or another
  // process's). Unmoved since this thread last asked the writer (below, after reading it):
  // nobody committed since, so the writer's answer then still holds.
  auto reader = ReaderForThisThread();
  if (!reader.ok()) return reader.status();
  auto seen = (*reader)->QueryInt("PRAGMA data_version", {});
  if (!seen.ok()) return seen.status();
  int64_t known = outside_version_.load();
  if (*seen == (*reader)->seen_data_version && known >= 0) return known;
  std::lock_guard lock(write_mutex_);
  auto version = writer_->QueryInt("PRAGMA data_version", {});
  if (!version.ok()) return version.status();
  outside_version_.store(*version);
  (*reader)->seen_data_version = *seen;
  return *version;
}

}  // namespace ej::server
