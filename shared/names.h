// Public API of the core: how a person's name is written in Russian documents.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ej {

struct PersonName {
  std::string last;    // фамилия
  std::string first;   // имя
  std::string middle;  // отчество (may be empty)
};

// "Иванова Мария Петровна"
std::string FullName(const PersonName& n);
// "Иванова М. П." (with a no-break space between the initials, as in Russian typesetting)
std::string ShortName(const PersonName& n);
// The first character (code point) of a UTF-8 string, as UTF-8; empty for an empty string.
std::string_view FirstChar(std::string_view s);

}  // namespace ej

namespace ej {

// The Russian plural form for a count: Plural(1, "ученик", "ученика", "учеников") → "ученик",
// 3 → "ученика", 11 → "учеников", 21 → "ученик", 723 → "ученика".
std::string_view Plural(int64_t n, std::string_view one, std::string_view few, std::string_view many);

}  // namespace ej
