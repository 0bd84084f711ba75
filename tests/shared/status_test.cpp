#include <doctest/doctest.h>

#include "status.h"

namespace ej {

TEST_CASE("a default Status is ok and an error Status keeps its code, message and field") {
  CHECK(Status().ok());
  Status s(ErrorCode::kValidation, "Введите логин.", "login");
  CHECK_FALSE(s.ok());
  CHECK(s.code() == ErrorCode::kValidation);
  CHECK(s.message() == "Введите логин.");
  CHECK(s.field() == "login");
  CHECK(s.retry_after() == 0);
  CHECK(s.WithRetryAfter(30).retry_after() == 30);
}

TEST_CASE("a Result holds either a value or the error that explains its absence") {
  Result<int> good = 42;
  REQUIRE(good.ok());
  CHECK(*good == 42);

  Result<int> bad = Status(ErrorCode::kNotFound, "Нет такого класса.");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == ErrorCode::kNotFound);
  CHECK(bad.status().message() == "Нет такого класса.");
}

}  // namespace ej
