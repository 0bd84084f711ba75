#include "roles.h"

namespace ej {
namespace {

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view title;
};

constexpr RoleInfo kRoleInfo[] = {
    {Role::kHead, "head", "Директор"},
    {Role::kDeputy, "deputy", "Заместитель директора"},
    {Role::kTeacher, "teacher", "Учитель"},
    {Role::kClassTeacher, "class_teacher", "Классный руководитель"},
    {Role::kTechAdmin, "tech_admin", "Технический администратор"},
    {Role::kParent, "parent", "Родитель"},
    {Role::kStudent, "student", "Обучающийся"},
    {Role::kOther, "other", "Сотрудник"},
};
static_assert(std::size(kRoleInfo) == std::size(kAllRoles), "every role needs a code and a title");

const RoleInfo& Info(Role role) {
  for (const auto& info : kRoleInfo) {
    if (info.role == role) return info;
  }
  return kRoleInfo[std::size(kRoleInfo) - 1];
}

// "Учитель" -> "учитель": lower-cases the first Cyrillic capital (two bytes in UTF-8).
std::string LowerFirst(std::string_view title) {
  std::string s(title);
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xD0) {
    unsigned char c = static_cast<unsigned char>(s[1]);
    if (c >= 0x90 && c <= 0x9F) {  // А..П -> а..п
      s[1] = static_cast<char>(c + 0x20);
    } else if (c >= 0xA0 && c <= 0xAF) {  // Р..Я -> р..я (0xD1 0x80..0x8F)
      s[0] = static_cast<char>(0xD1);
      s[1] = static_cast<char>(c - 0x20);
    }
  }
  return s;
}

}  // namespace

std::string_view RoleCode(Role role) { return Info(role).code; }

std::optional<Role> RoleFromCode(std::string_view code) {
  for (const auto& info : kRoleInfo) {
    if (info.code == code) return info.role;
  }
  return std::nullopt;
}

std::string_view RoleTitle(Role role) { return Info(role).title; }

std::string RoleTitles(const std::vector<Role>& roles) {
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i == 0) {
      out += RoleTitle(roles[i]);
    } else {
      out += ", ";
      out += LowerFirst(RoleTitle(roles[i]));
    }
  }
  return out;
}

}  // namespace ej
