#include <doctest/doctest.h>

#include "protocol.h"
#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::kTeacherLogin;
using testing::kTeacherPassword;
using testing::TestServer;

const char* kJson = "application/json";

std::string LoginBody(const std::string& login, const std::string& password) {
  return protocol::ToJson(protocol::LoginRequest{login, password}).dump();
}

Json Body(const httplib::Result& r) {
  REQUIRE(r);
  auto j = protocol::ParseJson(r->body);
  REQUIRE(j.ok());
  return *j;
}

// Checks the one error shape and returns the error code.
std::string ErrorCodeOf(const httplib::Result& r) {
  Json j = Body(r);
  REQUIRE(j.contains("error"));
  CHECK(j["error"]["message"].is_string());
  CHECK_FALSE(j["error"]["message"].get<std::string>().empty());
  CHECK(r->get_header_value("Content-Type").find("application/json") == 0);
  return j["error"]["code"].get<std::string>();
}

std::string TokenFrom(const httplib::Result& r) { return Body(r)["token"].get<std::string>(); }

}  // namespace

TEST_CASE("health answers with the protocol version") {
  TestServer server;
  auto r = server.Client().Get(std::string(protocol::route::kHealth));
  REQUIRE(r);
  CHECK(r->status == 200);
  auto h = protocol::HealthResponseFromJson(Body(r));
  REQUIRE(h.ok());
  CHECK(h->status == "ok");
  CHECK(h->protocol == protocol::kVersion);
}

TEST_CASE("a correct login returns a token, the user, and an HttpOnly SameSite=Strict cookie") {
  TestServer server;
  auto r = server.Client().Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, kTeacherPassword), kJson);
  REQUIRE(r);
  CHECK(r->status == 200);
  auto login = protocol::LoginResponseFromJson(Body(r));
  REQUIRE(login.ok());
  CHECK(login->token.size() == 43);  // 256 bits, base64url
  CHECK(login->user.id == server.teacher_id());
  CHECK(login->user.name == "Петрова Анна Сергеевна");
  CHECK(login->user.roles == std::vector<Role>{Role::kTeacher, Role::kClassTeacher});

  std::string cookie = r->get_header_value("Set-Cookie");
  CHECK(cookie.find("ej_session=" + login->token) == 0);
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  CHECK(cookie.find("Path=/") != std::string::npos);
}

TEST_CASE("the session token is stored only as its hash") {
  TestServer server;
  auto r = server.Client().Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, kTeacherPassword), kJson);
  std::string token = TokenFrom(r);
  CHECK(server.store().FindLiveSession(Sha256(token), 1'800'000'001).value().has_value());
  // Presenting the stored value itself does not open a session.
  CHECK_FALSE(server.store().FindLiveSession(token, 1'800'000'001).value().has_value());
}

TEST_CASE("a wrong password and an unknown login get the same 401 answer") {
  TestServer server;
  auto c = server.Client();
  auto wrong = c.Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, "не тот пароль"), kJson);
  auto unknown = c.Post(std::string(protocol::route::kLogin), LoginBody("nobody", "не тот пароль"), kJson);
  REQUIRE(wrong);
  REQUIRE(unknown);
  CHECK(wrong->status == 401);
  CHECK(unknown->status == 401);
  CHECK(wrong->body == unknown->body);
  CHECK(Body(wrong)["error"]["message"] == "Неверный логин или пароль.");
  CHECK(wrong->get_header_value("Set-Cookie").empty());
}

TEST_CASE("me answers for a bearer token and for the session cookie, and 401 without either") {
  TestServer server;
  auto c = server.Client();
  std::string token = TokenFrom(c.Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, kTeacherPassword), kJson));

  auto bearer = c.Get(std::string(protocol::route::kMe), {{"Authorization", "Bearer " + token}});
  REQUIRE(bearer);
  CHECK(bearer->status == 200);
  auto me = protocol::MeResponseFromJson(Body(bearer));
  REQUIRE(me.ok());
  CHECK(me->user.name == "Петрова Анна Сергеевна");
  CHECK(me->school == "СОШ № 1");

  auto cookie = c.Get(std::string(protocol::route::kMe), {{"Cookie", "other=1; ej_session=" + token}});
  REQUIRE(cookie);
  CHECK(cookie->status == 200);

  auto none = c.Get(std::string(protocol::route::kMe));
  REQUIRE(none);
  CHECK(none->status == 401);
  CHECK(ErrorCodeOf(none) == "unauthenticated");

  auto forged = c.Get(std::string(protocol::route::kMe), {{"Authorization", "Bearer " + std::string(43, 'A')}});
  CHECK(forged->status == 401);
}

TEST_CASE("logout revokes the token and clears the cookie") {
  TestServer server;
  auto c = server.Client();
  std::string token = TokenFrom(c.Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, kTeacherPassword), kJson));
  httplib::Headers auth = {{"Authorization", "Bearer " + token}};
  auto out = c.Post(std::string(protocol::route::kLogout), auth, "", kJson);
  REQUIRE(out);
  CHECK(out->status == 200);
  CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
  auto me = c.Get(std::string(protocol::route::kMe), auth);
  REQUIRE(me);
  CHECK(me->status == 401);
}

TEST_CASE("a session expires after its lifetime") {
  TestServer server;
  auto c = server.Client();
  std::string token = TokenFrom(c.Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, kTeacherPassword), kJson));
  server.Advance(14 * 24 * 3600 + 1);
  auto me = c.Get(std::string(protocol::route::kMe), {{"Authorization", "Bearer " + token}});
  REQUIRE(me);
  CHECK(me->status == 401);
}

TEST_CASE("malformed JSON, a wrong field type and an empty login are answered with 400 or 422") {
  TestServer server;
  auto c = server.Client();
  auto bad = c.Post(std::string(protocol::route::kLogin), "{\"login\": ", kJson);
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(ErrorCodeOf(bad) == "bad_request");

  auto type = c.Post(std::string(protocol::route::kLogin), "{\"login\": 5, \"password\": \"x\"}", kJson);
  CHECK(type->status == 400);
  CHECK(Body(type)["error"]["field"] == "login");

  auto empty = c.Post(std::string(protocol::route::kLogin), LoginBody("", "x"), kJson);
  CHECK(empty->status == 422);
  CHECK(Body(empty)["error"]["message"] == "Введите логин.");
}

TEST_CASE("a huge body is refused with 413 and the server keeps serving") {
  TestServer server;
  auto c = server.Client();
  std::string huge(protocol::kMaxBodyBytes + 1024, 'x');
  auto r = c.Post(std::string(protocol::route::kLogin), huge, kJson);
  REQUIRE(r);
  CHECK(r->status == 413);
  CHECK(ErrorCodeOf(r) == "payload_too_large");
  auto after = server.Client().Get(std::string(protocol::route::kHealth));
  REQUIRE(after);
  CHECK(after->status == 200);
}

TEST_CASE("an unknown route is a JSON 404") {
  TestServer server;
  auto r = server.Client().Get("/api/v1/no-such-thing");
  REQUIRE(r);
  CHECK(r->status == 404);
  CHECK(ErrorCodeOf(r) == "not_found");
}

TEST_CASE("repeated failures for one login are throttled with a retry time, then heard again") {
  TestServer server;
  auto c = server.Client();
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    auto r = c.Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, "неверно"), kJson);
    CHECK(r->status == 401);
  }
  // The next failure starts a block; while it lasts even the right password waits.
  auto sixth = c.Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, "неверно"), kJson);
  CHECK(sixth->status == 401);
  auto blocked = c.Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, kTeacherPassword), kJson);
  REQUIRE(blocked);
  CHECK(blocked->status == 429);
  CHECK(ErrorCodeOf(blocked) == "too_many_requests");
  int retry = Body(blocked)["error"]["retry_after"].get<int>();
  CHECK(retry > 0);
  CHECK(retry <= LoginThrottle::kLoginMaxDelay);
  CHECK(blocked->get_header_value("Retry-After") == std::to_string(retry));

  // The real user is kept out only for the retry time.
  server.Advance(retry);
  auto ok = c.Post(std::string(protocol::route::kLogin), LoginBody(kTeacherLogin, kTeacherPassword), kJson);
  CHECK(ok->status == 200);
}

}  // namespace ej::server
