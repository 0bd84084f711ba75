// The query string of a request (transport.h): values percent-encoded, parameters in order.
#include <doctest/doctest.h>

#include "transport.h"

namespace ej::test {
namespace {

TEST_CASE("a query value keeps the unreserved characters and percent-encodes every other UTF-8 byte") {
  CHECK(web::UrlEncode("2026-09-01") == "2026-09-01");
  CHECK(web::UrlEncode("Az09-_.~") == "Az09-_.~");
  CHECK(web::UrlEncode("Тема урока") == "%D0%A2%D0%B5%D0%BC%D0%B0%20%D1%83%D1%80%D0%BE%D0%BA%D0%B0");
  CHECK(web::UrlEncode("a&b=c?d/e+f") == "a%26b%3Dc%3Fd%2Fe%2Bf");
  CHECK(web::UrlEncode("").empty());
}

TEST_CASE("a path with parameters: the first after ?, the others after &, the values encoded") {
  CHECK(web::Query("/api/v1/journal", {}) == "/api/v1/journal");
  CHECK(web::Query("/api/v1/journal", {{"group_id", "7"}}) == "/api/v1/journal?group_id=7");
  CHECK(web::Query("/api/v1/audit", {{"from", "2026-09-01"}, {"what", "Тема урока"}}) ==
        "/api/v1/audit?from=2026-09-01&what=%D0%A2%D0%B5%D0%BC%D0%B0%20%D1%83%D1%80%D0%BE%D0%BA%D0%B0");
}

}  // namespace
}  // namespace ej::test
