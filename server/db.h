// Internal to the server: a thin SQLite layer. One Connection per thread for reads, one
// writer at a time (Database::Write serialises writers and wraps them in a transaction).
// Errors are values; SQLite's text is kept for the log, a Russian message for people.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "status.h"

namespace ej::server {

using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;

// One result row, read by column index.
class Row {
 public:
  explicit Row(sqlite3_stmt* stmt) : stmt_(stmt) {}
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  std::string Blob(int col) const;

 private:
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  struct Options {
    bool create_if_missing = true;
    bool read_only = false;
  };
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, Options options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without parameters (schema, pragmas).
  Status Exec(std::string_view sql);
  // Runs one statement with parameters; calls on_row for each row. The statement is
  // prepared once per connection and cached.
  Status Query(std::string_view sql, const std::vector<SqlValue>& params,
               const std::function<void(const Row&)>& on_row = {});
  // The first column of the first row as an integer, or `fallback` if there is no row.
  Result<int64_t> QueryInt(std::string_view sql, const std::vector<SqlValue>& params,
                           int64_t fallback = 0);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  // The last `PRAGMA data_version` this connection answered (Database::OutsideChanges).
  int64_t seen_data_version = -1;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  Status Error(std::string_view what) const;
  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

// A database file with its schema brought up to date.
class Database {
 public:
  struct Options {
    bool create_if_missing = true;
    // synchronous=FULL: an acknowledged write survives power loss.
    bool durable = true;
  };
  // Opens the file, checks it is an ejournal database (or creates one) and applies pending
  // migrations. A file from a newer version of the program is refused.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Options options);

  const std::string& path() const { return path_; }
  int schema_version() const { return schema_version_; }

  // Runs `fn` on this thread's read connection.
  Status Read(const std::function<Status(Connection&)>& fn);
  // Runs `fn` in a write transaction (BEGIN IMMEDIATE … COMMIT); writers are serialised.
  // The transaction is rolled back when `fn` returns an error.
  Status Write(const std::function<Status(Connection&)>& fn);
  // A number that changes when another process (the command line, a second server) has
  // committed to the file since the last call: our own writes go through the writer
  // connection and do not change it (SQLite's PRAGMA data_version). Asked on every request:
  // the calling thread's reader checks first without any lock (its data_version moves on any
  // commit by another connection); only then is the writer asked, under the writer's lock.
  Result<int64_t> OutsideChanges();

 private:
  Database() = default;
  Result<Connection*> ReaderForThisThread();

  std::string path_;
  Options options_;
  int schema_version_ = 0;
  std::mutex write_mutex_;
  std::unique_ptr<Connection> writer_;
  std::mutex readers_mutex_;
  std::map<std::thread::id, std::unique_ptr<Connection>> readers_;
  // Tells this database from one opened later at the same address (a thread's cached reader).
  uint64_t instance_ = 0;
  // The writer's data_version as last read (-1: never).
  std::atomic<int64_t> outside_version_{-1};
};

}  // namespace ej::server
