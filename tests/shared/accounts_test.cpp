#include <doctest/doctest.h>

#include "accounts.h"

namespace ej {

TEST_CASE("a new password needs eight characters, counted as letters, not bytes") {
  CHECK(ValidateNewPassword("korotko", "ivanov").code() == ErrorCode::kValidation);
  CHECK(ValidateNewPassword("дом", "ivanov").message().find("не меньше 8") != std::string::npos);
  CHECK(ValidateNewPassword("школа2026", "ivanov").ok());
  CHECK(ValidateNewPassword("ivanov.ab", "ivanov.ab").code() == ErrorCode::kValidation);
  CHECK(ValidateNewPassword("aaaaaaaaaa", "ivanov").code() == ErrorCode::kValidation);
  CHECK(ValidateNewPassword("\xff\xff\xff\xff\xff\xff\xff\xff", "x").code() == ErrorCode::kValidation);
}

TEST_CASE("a login is Latin letters, digits and . _ - and starts with a letter") {
  CHECK(ValidateLogin("ivanova.mp").ok());
  CHECK(ValidateLogin("uchitel").ok());
  CHECK_FALSE(ValidateLogin("иванова").ok());
  CHECK_FALSE(ValidateLogin("1abc").ok());
  CHECK_FALSE(ValidateLogin("ab").ok());
  CHECK_FALSE(ValidateLogin("a b c").ok());
  CHECK(ValidateLogin("a b c").field() == "login");
}

}  // namespace ej
