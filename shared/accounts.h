// Public API of the core: rules for accounts (R22–R24) shared by the server's command line,
// the admin console and the client.
#pragma once

#include <string_view>

#include "status.h"

namespace ej {

inline constexpr size_t kMinPasswordChars = 8;

// A new password must be at least kMinPasswordChars characters, must not equal the login and
// must not be one repeated character. The message says what is wrong, in Russian.
Status ValidateNewPassword(std::string_view password, std::string_view login);

// A login is 3–64 characters of Latin letters, digits, '.', '_' and '-', starting with a letter.
Status ValidateLogin(std::string_view login);

}  // namespace ej
