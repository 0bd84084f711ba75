// Account work over HTTP on the demo school (R9, R22–R24).
#include <doctest/doctest.h>

#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::DemoServer;

Json Body(const httplib::Result& r) {
  REQUIRE(r);
  auto j = protocol::ParseJson(r->body);
  REQUIRE(j.ok());
  return *j;
}

protocol::AccountList Accounts(const DemoServer& server, const httplib::Headers& auth) {
  auto r = server.Client().Get(std::string(protocol::route::kAccounts), auth);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  auto list = protocol::AccountListFromJson(Body(r));
  REQUIRE(list.ok());
  return std::move(list.value());
}

int64_t AccountId(const protocol::AccountList& list, const std::string& login) {
  for (const auto& a : list.accounts) {
    if (a.login == login) return a.account_id;
  }
  FAIL("no account " << login);
  return 0;
}

httplib::Result Post(const DemoServer& server, const httplib::Headers& auth, std::string_view route, const Json& body) {
  return server.Client().Post(std::string(route), auth, body.dump(), "application/json");
}

int LoginStatus(const DemoServer& server, const std::string& login, const std::string& password) {
  auto r = server.Client().Post(std::string(protocol::route::kLogin),
                                protocol::ToJson(protocol::LoginRequest{login, password}).dump(), "application/json");
  REQUIRE(r);
  return r->status;
}

}  // namespace

TEST_CASE("the technical administrator lists accounts with names and roles but no personal data") {
  DemoServer server;
  auto r = server.Client().Get(std::string(protocol::route::kAccounts), server.As("admin"));
  REQUIRE(r);
  REQUIRE(r->status == 200);
  Json body = Body(r);
  REQUIRE(body["accounts"].size() == 1852);
  for (const auto& a : body["accounts"]) {
    CHECK_FALSE(a.contains("birth_date"));
    CHECK_FALSE(a.contains("phone"));
    CHECK_FALSE(a.contains("email"));
  }
  auto list = protocol::AccountListFromJson(body).value();
  int with_password = 0;
  for (const auto& a : list.accounts) with_password += a.has_password;
  CHECK(with_password == 7);

  for (const char* login : {"uchitel", "klruk", "roditel", "uchenik"}) {
    auto refused = server.Client().Get(std::string(protocol::route::kAccounts), server.As(login));
    REQUIRE(refused);
    CHECK(refused->status == 403);
  }
}

TEST_CASE("a new password is shown once, works, ends the old sessions and is logged without the password") {
  DemoServer server;
  auto admin = server.As("admin");
  auto teacher_session = server.As("uchitel");
  int64_t id = AccountId(Accounts(server, admin), "uchitel");
  auto r = Post(server, admin, protocol::route::kAccountPassword, protocol::ToJson(protocol::AccountRef{id}));
  REQUIRE(r);
  REQUIRE(r->status == 200);
  auto issued = protocol::IssuedPasswordFromJson(Body(r));
  REQUIRE(issued.ok());
  CHECK(issued->login == "uchitel");
  CHECK(issued->password.size() == 12);
  CHECK(LoginStatus(server, "uchitel", issued->password) == 200);
  CHECK(LoginStatus(server, "uchitel", std::string(kDemoPassword)) == 401);
  auto me = server.Client().Get(std::string(protocol::route::kMe), teacher_session);
  CHECK(me->status == 401);

  std::string payloads;
  REQUIRE(server.db().Read([&](Connection& c) {
    return c.Query("SELECT kind, payload FROM op_log", {}, [&](const Row& row) { payloads += row.Text(0) + row.Text(1); });
  }).ok());
  CHECK(payloads.find("account.password_issued") != std::string::npos);
  CHECK(payloads.find(issued->password) == std::string::npos);
}

TEST_CASE("the technical administrator cannot take over the administration's accounts") {
  DemoServer server;
  auto admin = server.As("admin");
  auto list = Accounts(server, admin);
  for (const char* login : {"direktor", "zavuch"}) {
    auto r = Post(server, admin, protocol::route::kAccountPassword, protocol::ToJson(protocol::AccountRef{AccountId(list, login)}));
    REQUIRE(r);
    CHECK(r->status == 403);
    CHECK(LoginStatus(server, login, std::string(kDemoPassword)) == 200);
  }
  // The deputy may, for the technical administrator; only the head for the head.
  auto deputy = server.As("zavuch");
  CHECK(Post(server, deputy, protocol::route::kAccountPassword, protocol::ToJson(protocol::AccountRef{AccountId(list, "admin")}))
            ->status == 200);
  CHECK(Post(server, deputy, protocol::route::kAccountPassword,
             protocol::ToJson(protocol::AccountRef{AccountId(list, "direktor")}))
            ->status == 403);
  // The deputy's new password for the technical administrator ended the administrator's session.
  CHECK(Post(server, admin, protocol::route::kAccountPassword, protocol::ToJson(protocol::AccountRef{999999}))->status == 401);
  auto head = server.As("direktor");
  CHECK(Post(server, head, protocol::route::kAccountPassword, protocol::ToJson(protocol::AccountRef{999999}))->status == 404);
}

TEST_CASE("a disabled account cannot log in or use its session until it is enabled again") {
  DemoServer server;
  auto admin = server.As("admin");
  auto parent_session = server.As("roditel");
  auto list = Accounts(server, admin);
  int64_t parent = AccountId(list, "roditel");
  auto off = Post(server, admin, protocol::route::kAccountDisable, protocol::ToJson(protocol::AccountDisable{parent, true}));
  REQUIRE(off);
  REQUIRE(off->status == 200);
  CHECK(protocol::AccountInfoFromJson(Body(off)).value().disabled);
  CHECK(LoginStatus(server, "roditel", std::string(kDemoPassword)) == 401);
  CHECK(server.Client().Get(std::string(protocol::route::kMe), parent_session)->status == 401);

  auto on = Post(server, admin, protocol::route::kAccountDisable, protocol::ToJson(protocol::AccountDisable{parent, false}));
  CHECK(on->status == 200);
  CHECK(LoginStatus(server, "roditel", std::string(kDemoPassword)) == 200);

  auto self = Post(server, admin, protocol::route::kAccountDisable,
                   protocol::ToJson(protocol::AccountDisable{AccountId(list, "admin"), true}));
  CHECK(self->status == 403);
  auto bad = server.Client().Post(std::string(protocol::route::kAccountDisable), admin, "{\"account_id\": 1, \"disabled\": \"да\"}",
                                  "application/json");
  CHECK(bad->status == 400);
  CHECK(Body(bad)["error"]["field"] == "disabled");
}

}  // namespace ej::server
