// Public API of the core: Russian text helpers (UTF-8 code points, alphabetical order,
// transliteration for logins).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "names.h"

namespace ej {

// Reads the code point at byte offset i and advances i past it.
char32_t NextCodePoint(std::string_view s, size_t& i);

// Practical transliteration as in e-mail addresses: Щербакова → shcherbakova. Latin letters
// are lower-cased, digits and '-' kept, anything else dropped.
std::string Transliterate(std::string_view s);

// A sort key in Russian alphabetical order (Ё right after Е, case folded).
std::vector<int> CollationKey(std::string_view s);
// a < b in Russian alphabetical order.
bool RussianLess(std::string_view a, std::string_view b);

// The login stem for a person: surname + "." + Latin initials (Иванова Мария Петровна →
// ivanova.mp). A caller adds 2, 3 … when the stem is taken.
std::string LoginBase(const PersonName& name);

}  // namespace ej
