// Public API of the core: the roles a person can hold (R1, R9). A person may hold several.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ej {

enum class Role {
  kHead,          // директор
  kDeputy,        // заместитель директора, ответственный за ЭЖ
  kTeacher,       // учитель
  kClassTeacher,  // классный руководитель
  kTechAdmin,     // технический администратор
  kParent,        // родитель (законный представитель)
  kStudent,       // обучающийся
  kOther,         // психолог, библиотекарь, аудитор …
};

inline constexpr Role kAllRoles[] = {Role::kHead,      Role::kDeputy, Role::kTeacher,
                                     Role::kClassTeacher, Role::kTechAdmin, Role::kParent,
                                     Role::kStudent,   Role::kOther};

// The stable wire and storage spelling ("head", "deputy" …).
std::string_view RoleCode(Role role);
std::optional<Role> RoleFromCode(std::string_view code);
// The Russian title shown on screen ("Директор", "Заместитель директора" …).
std::string_view RoleTitle(Role role);
// Titles joined for display: "Учитель, классный руководитель".
std::string RoleTitles(const std::vector<Role>& roles);

}  // namespace ej
