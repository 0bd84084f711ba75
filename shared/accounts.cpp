#include "accounts.h"

#include <string>

#include "json_reader.h"
#include "protocol.h"

namespace ej {

Status ValidateNewPassword(std::string_view password, std::string_view login) {
  if (!IsValidUtf8(password)) {
    return Status(ErrorCode::kValidation, "Пароль содержит недопустимые символы.", "password");
  }
  size_t length = Utf8Length(password);
  if (length < kMinPasswordChars) {
    return Status(ErrorCode::kValidation,
                  "Пароль слишком короткий: нужно не меньше " + std::to_string(kMinPasswordChars) +
                      " символов.",
                  "password");
  }
  if (length > protocol::kMaxPasswordChars) {
    return Status(ErrorCode::kValidation, "Пароль слишком длинный.", "password");
  }
  if (password == login) {
    return Status(ErrorCode::kValidation, "Пароль не должен совпадать с логином.", "password");
  }
  if (password.find_first_not_of(password[0]) == std::string_view::npos) {
    return Status(ErrorCode::kValidation, "Пароль не должен состоять из одного повторяющегося символа.",
                  "password");
  }
  return Status::Ok();
}

Status ValidateLogin(std::string_view login) {
  auto bad = [](std::string message) {
    return Status(ErrorCode::kValidation, std::move(message), "login");
  };
  if (login.size() < 3) return bad("Логин слишком короткий: нужно не меньше 3 символов.");
  if (login.size() > protocol::kMaxLoginChars) return bad("Логин слишком длинный.");
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_letter(login[0])) return bad("Логин должен начинаться с латинской буквы.");
  for (char c : login) {
    bool ok = is_letter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return bad("Логин может содержать только латинские буквы, цифры и знаки . _ -");
  }
  return Status::Ok();
}

}  // namespace ej
