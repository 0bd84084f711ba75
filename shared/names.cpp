#include "names.h"

namespace ej {

std::string_view FirstChar(std::string_view s) {
  if (s.empty()) return {};
  size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}

std::string FullName(const PersonName& n) {
  std::string out = n.last;
  for (const std::string* part : {&n.first, &n.middle}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

std::string ShortName(const PersonName& n) {
  constexpr std::string_view kNoBreakSpace = "\u00A0";
  std::string out = n.last;
  if (!n.first.empty()) {
    out += ' ';
    out += FirstChar(n.first);
    out += '.';
    if (!n.middle.empty()) {
      out += kNoBreakSpace;
      out += FirstChar(n.middle);
      out += '.';
    }
  }
  return out;
}

}  // namespace ej

namespace ej {

std::string_view Plural(int64_t n, std::string_view one, std::string_view few, std::string_view many) {
  int64_t a = n < 0 ? -n : n;
  int64_t last2 = a % 100, last = a % 10;
  if (last2 >= 11 && last2 <= 14) return many;
  if (last == 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

}  // namespace ej
