// Sessions are kept in memory between requests (server/sqlite_store.h, FindLiveSession); a
// cut-off must still end access with the very next request (152-ФЗ): every path that ends a
// session or an account drops the kept sessions, and so does a write by another process.
// Each case first uses the session twice, so it is certainly kept when the cut-off comes.
#include <doctest/doctest.h>

#include "journal_client.h"
#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::BodyOf;
using testing::DemoServer;


int MeStatus(const DemoServer& server, const httplib::Headers& auth) {
  auto r = server.Client().Get(std::string(protocol::route::kMe), auth);
  REQUIRE(r);
  return r->status;
}

// The session works (and is now kept).
void UseTwice(const DemoServer& server, const httplib::Headers& auth) {
  REQUIRE(MeStatus(server, auth) == 200);
  REQUIRE(MeStatus(server, auth) == 200);
}

int64_t AccountOf(const DemoServer& server, const httplib::Headers& admin, const std::string& login) {
  auto list = protocol::AccountListFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kAccounts), admin)));
  REQUIRE(list.ok());
  for (const auto& a : list->accounts) {
    if (a.login == login) return a.account_id;
  }
  FAIL("no account " << login);
  return 0;
}

httplib::Result Post(const DemoServer& server, const httplib::Headers& auth, std::string_view route, const Json& body) {
  return server.Client().Post(std::string(route), auth, body.dump(), "application/json");
}

TEST_CASE("a kept session ends with the next request when its account is disabled") {
  DemoServer server;
  auto admin = server.As("admin");
  auto parent = server.As("roditel");
  auto other = server.As("uchenik");
  UseTwice(server, parent);
  UseTwice(server, other);
  auto off = Post(server, admin, protocol::route::kAccountDisable,
                  protocol::ToJson(protocol::AccountDisable{AccountOf(server, admin, "roditel"), true}));
  REQUIRE(off);
  REQUIRE(off->status == 200);
  CHECK(MeStatus(server, parent) == 401);
  auto diary = server.Client().Get(std::string(protocol::route::kDiary) + "?student_id=1", parent);
  REQUIRE(diary);
  CHECK(diary->status == 401);
  // Another user's kept session is not affected.
  CHECK(MeStatus(server, other) == 200);
}

TEST_CASE("a kept session ends with the next request when a new password is issued or on logout") {
  DemoServer server;
  auto admin = server.As("admin");
  auto parent = server.As("roditel");
  UseTwice(server, parent);
  auto issued = Post(server, admin, protocol::route::kAccountPassword,
                     protocol::ToJson(protocol::AccountRef{AccountOf(server, admin, "roditel")}));
  REQUIRE(issued);
  REQUIRE(issued->status == 200);
  CHECK(MeStatus(server, parent) == 401);

  auto student = server.As("uchenik");
  UseTwice(server, student);
  auto out = server.Client().Post(std::string(protocol::route::kLogout), student, "", "application/json");
  REQUIRE(out);
  REQUIRE(out->status == 200);
  CHECK(MeStatus(server, student) == 401);
}

TEST_CASE("a kept session ends with the next request when another process changes the password") {
  DemoServer server;
  auto parent = server.As("roditel");
  auto teacher = server.As("uchitel");
  UseTwice(server, parent);
  UseTwice(server, teacher);
  {
    // As `ejournal-server user passwd` does it: its own connection to the file.
    auto other = Database::Open(server.db_path(), {.durable = false});
    REQUIRE(other.ok());
    SqliteStore store(**other);
    REQUIRE(store.SetPassword("roditel", "not-a-real-hash", 1'795'000'000).ok());
  }
  CHECK(MeStatus(server, parent) == 401);
  CHECK(MeStatus(server, teacher) == 200);
}

}  // namespace
}  // namespace ej::server
