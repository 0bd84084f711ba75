#include <doctest/doctest.h>

#include <string>

#include "json_reader.h"
#include "protocol.h"

namespace ej::protocol {

TEST_CASE("malformed JSON is a bad request, not a crash") {
  for (const char* body : {"", "{", "{\"login\":", "not json", "\xff\xfe", "[1,2,"}) {
    auto r = ParseJson(body);
    CHECK_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kBadRequest);
    CHECK_FALSE(r.status().message().empty());
  }
  CHECK(ParseJson("{}").ok());
}

TEST_CASE("a login request reads login and password and rejects wrong shapes by field") {
  auto ok = LoginRequestFromJson(Json{{"login", "ivanova"}, {"password", "пароль"}});
  REQUIRE(ok.ok());
  CHECK(ok->login == "ivanova");
  CHECK(ok->password == "пароль");

  auto missing = LoginRequestFromJson(Json{{"login", "ivanova"}});
  CHECK(missing.status().code() == ErrorCode::kBadRequest);
  CHECK(missing.status().field() == "password");

  auto wrong_type = LoginRequestFromJson(Json{{"login", 5}, {"password", "x"}});
  CHECK(wrong_type.status().code() == ErrorCode::kBadRequest);
  CHECK(wrong_type.status().field() == "login");

  auto not_object = LoginRequestFromJson(Json::array({1, 2}));
  CHECK(not_object.status().code() == ErrorCode::kBadRequest);

  auto empty = LoginRequestFromJson(Json{{"login", ""}, {"password", "x"}});
  CHECK(empty.status().code() == ErrorCode::kValidation);
  CHECK(empty.status().message() == "Введите логин.");

  auto long_login = LoginRequestFromJson(Json{{"login", std::string(65, 'a')}, {"password", "x"}});
  CHECK(long_login.status().code() == ErrorCode::kValidation);

  // 64 Cyrillic letters are 128 bytes but 64 characters: allowed.
  std::string cyr;
  for (int i = 0; i < 64; ++i) cyr += "ж";
  CHECK(LoginRequestFromJson(Json{{"login", cyr}, {"password", "x"}}).ok());
}

TEST_CASE("a string that is not UTF-8 is rejected") {
  CHECK(IsValidUtf8("Привет, мир — №1"));
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xD0"));              // truncated
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  CHECK(Utf8Length("ёж") == 2);
}

TEST_CASE("login response round-trips through JSON with roles as codes") {
  LoginResponse r{"tok", UserInfo{7, "Петров Иван Сергеевич", {Role::kTeacher, Role::kClassTeacher}}};
  Json j = ToJson(r);
  CHECK(j["user"]["roles"] == Json::array({"teacher", "class_teacher"}));
  auto back = LoginResponseFromJson(j);
  REQUIRE(back.ok());
  CHECK(back->token == "tok");
  CHECK(back->user.id == 7);
  CHECK(back->user.name == "Петров Иван Сергеевич");
  CHECK(back->user.roles.size() == 2);
  CHECK(back->user.person_id == 0);
}

TEST_CASE("the user's person id travels with /me, and an older server's answer without it reads as 0") {
  UserInfo u{7, "Петров Иван Сергеевич", {Role::kTeacher}, 42};
  Json j = ToJson(MeResponse{u, "СОШ № 17"});
  CHECK(j["user"]["person_id"] == 42);
  auto back = MeResponseFromJson(j);
  REQUIRE(back.ok());
  CHECK(back->user.person_id == 42);
  j["user"].erase("person_id");
  back = MeResponseFromJson(j);
  REQUIRE(back.ok());
  CHECK(back->user.person_id == 0);
  j["user"]["person_id"] = "42";
  CHECK_FALSE(MeResponseFromJson(j).ok());
}

TEST_CASE("an unknown role from a newer server is skipped, a wrong roles type is an error") {
  auto u = UserInfoFromJson(Json{{"id", 1}, {"name", "X"}, {"roles", {"teacher", "astronaut"}}});
  REQUIRE(u.ok());
  CHECK(u->roles.size() == 1);
  CHECK_FALSE(UserInfoFromJson(Json{{"id", 1}, {"name", "X"}, {"roles", {1}}}).ok());
  CHECK_FALSE(UserInfoFromJson(Json{{"id", "1"}, {"name", "X"}, {"roles", Json::array()}}).ok());
}

TEST_CASE("errors have one JSON shape and map to HTTP statuses") {
  Status s = Status(ErrorCode::kTooManyRequests, "Слишком много попыток.").WithRetryAfter(60);
  Json j = ErrorToJson(s);
  CHECK(j["error"]["code"] == "too_many_requests");
  CHECK(j["error"]["message"] == "Слишком много попыток.");
  CHECK(j["error"]["retry_after"] == 60);
  Status back = ErrorFromJson(j, 429);
  CHECK(back.code() == ErrorCode::kTooManyRequests);
  CHECK(back.retry_after() == 60);

  CHECK(HttpStatus(ErrorCode::kBadRequest) == 400);
  CHECK(HttpStatus(ErrorCode::kUnauthenticated) == 401);
  CHECK(HttpStatus(ErrorCode::kForbidden) == 403);
  CHECK(HttpStatus(ErrorCode::kNotFound) == 404);
  CHECK(HttpStatus(ErrorCode::kConflict) == 409);
  CHECK(HttpStatus(ErrorCode::kPayloadTooLarge) == 413);
  CHECK(HttpStatus(ErrorCode::kTooManyRequests) == 429);
  CHECK(HttpStatus(ErrorCode::kInternal) == 500);
  CHECK(ErrorCodeForHttpStatus(413) == ErrorCode::kPayloadTooLarge);
  CHECK(ErrorCodeForHttpStatus(502) == ErrorCode::kInternal);

  // A body that is not an error document still yields a Russian message from the status.
  Status garbage = ErrorFromJson(Json{{"oops", 1}}, 404);
  CHECK(garbage.code() == ErrorCode::kNotFound);
  CHECK(garbage.message() == DefaultMessage(ErrorCode::kNotFound));
}

TEST_CASE("an error without a message gets the default Russian one") {
  Json j = ErrorToJson(Status(ErrorCode::kForbidden, ""));
  CHECK(j["error"]["message"] == "Недостаточно прав для этого действия.");
  CHECK_FALSE(j["error"].contains("field"));
}

}  // namespace ej::protocol
