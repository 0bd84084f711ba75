#include <doctest/doctest.h>

#include <set>
#include <string>

#include "roles.h"

namespace ej {

TEST_CASE("every role has a distinct wire code that reads back to the same role") {
  std::set<std::string> codes;
  for (Role role : kAllRoles) {
    auto code = std::string(RoleCode(role));
    CHECK(codes.insert(code).second);
    auto back = RoleFromCode(code);
    REQUIRE(back.has_value());
    CHECK(*back == role);
  }
  CHECK_FALSE(RoleFromCode("superuser").has_value());
  CHECK_FALSE(RoleFromCode("").has_value());
}

TEST_CASE("role titles are Russian and joined with the second and later ones in lower case") {
  CHECK(RoleTitle(Role::kHead) == "Директор");
  CHECK(RoleTitles({Role::kTeacher, Role::kClassTeacher}) == "Учитель, классный руководитель");
  CHECK(RoleTitles({Role::kTeacher, Role::kParent}) == "Учитель, родитель");
  CHECK(RoleTitles({}) == "");
}

}  // namespace ej
