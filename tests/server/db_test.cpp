#include <doctest/doctest.h>

#include <fstream>

#include "db.h"
#include "migrations.h"
#include "test_env.h"

namespace ej::server {

using testing::TempDir;

TEST_CASE("a new database gets every migration, WAL and foreign keys") {
  TempDir dir;
  auto db = Database::Open(dir.File("ej.db"), {});
  REQUIRE(db.ok());
  CHECK((*db)->schema_version() == LatestSchemaVersion());
  Status s = (*db)->Read([](Connection& c) {
    CHECK(c.QueryInt("PRAGMA user_version", {}).value() == LatestSchemaVersion());
    std::string mode;
    (void)c.Query("PRAGMA journal_mode", {}, [&](const Row& r) { mode = r.Text(0); });
    CHECK(mode == "wal");
    CHECK(c.QueryInt("PRAGMA foreign_keys", {}).value() == 1);
    return Status::Ok();
  });
  CHECK(s.ok());
}

TEST_CASE("opening an existing database again applies nothing twice") {
  TempDir dir;
  { REQUIRE(Database::Open(dir.File("ej.db"), {}).ok()); }
  auto again = Database::Open(dir.File("ej.db"), {});
  REQUIRE(again.ok());
  CHECK((*again)->schema_version() == LatestSchemaVersion());
}

TEST_CASE("a database from a newer program is refused with a clear message") {
  TempDir dir;
  {
    auto db = Database::Open(dir.File("ej.db"), {});
    REQUIRE(db.ok());
    REQUIRE((*db)->Write([](Connection& c) {
      return c.Exec("PRAGMA user_version=" + std::to_string(LatestSchemaVersion() + 1));
    }).ok());
  }
  auto db = Database::Open(dir.File("ej.db"), {});
  CHECK_FALSE(db.ok());
  CHECK(db.status().message().find("более новой версией") != std::string::npos);
}

TEST_CASE("a file that is not a database is refused, not overwritten") {
  TempDir dir;
  std::string path = dir.File("notes.txt");
  std::ofstream(path) << "Это не база данных, а список покупок: хлеб, молоко, мел для доски.\n";
  auto db = Database::Open(path, {});
  CHECK_FALSE(db.ok());
  CHECK(db.status().message().find("не является базой данных") != std::string::npos);
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  CHECK(first.find("список покупок") != std::string::npos);
}

TEST_CASE("a failed write rolls back the whole transaction") {
  TempDir dir;
  auto db = Database::Open(dir.File("ej.db"), {});
  REQUIRE(db.ok());
  Status s = (*db)->Write([](Connection& c) {
    Status q = c.Query("INSERT INTO schools (name, short_name, created_at) VALUES ('A', 'A', 1)", {});
    if (!q.ok()) return q;
    return Status(ErrorCode::kValidation, "отказ");
  });
  CHECK_FALSE(s.ok());
  (void)(*db)->Read([](Connection& c) {
    CHECK(c.QueryInt("SELECT count(*) FROM schools", {}).value() == 0);
    return Status::Ok();
  });
}

TEST_CASE("foreign keys are enforced on writes") {
  TempDir dir;
  auto db = Database::Open(dir.File("ej.db"), {});
  REQUIRE(db.ok());
  Status s = (*db)->Write([](Connection& c) {
    return c.Query("INSERT INTO persons (school_id, last_name, first_name) VALUES (999, 'X', 'Y')", {});
  });
  CHECK(s.code() == ErrorCode::kConflict);
}

}  // namespace ej::server
