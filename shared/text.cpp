#include "text.h"

namespace ej {
namespace {

// The position of a Cyrillic letter in the Russian alphabet (а = 0 … ё = 6 … я = 32), case
// folded; -1 for anything else.
int AlphabetRank(char32_t cp) {
  if (cp == 0x401 || cp == 0x451) return 6;                                 // Ё ё
  if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;                               // А..Я → а..я
  if (cp >= 0x430 && cp <= 0x435) return static_cast<int>(cp - 0x430);      // а..е
  if (cp >= 0x436 && cp <= 0x44F) return static_cast<int>(cp - 0x436) + 7;  // ж..я
  return -1;
}

constexpr std::string_view kLatin[33] = {
    "a", "b", "v", "g", "d", "e",  "e",  "zh", "z",  "i",    "y", "k", "l", "m", "n",  "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};

}  // namespace

char32_t NextCodePoint(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  if (b < 0x80) {
    ++i;
    return b;
  }
  int extra = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : 3;
  char32_t cp = b & (0x3F >> extra);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (byte(i) & 0x3F);
  return cp;
}

std::string Transliterate(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextCodePoint(s, i);
    int rank = AlphabetRank(cp);
    if (rank >= 0) {
      out += kLatin[rank];
    } else if (cp >= 'A' && cp <= 'Z') {
      out += static_cast<char>(cp - 'A' + 'a');
    } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-') {
      out += static_cast<char>(cp);
    }
  }
  return out;
}

std::vector<int> CollationKey(std::string_view s) {
  std::vector<int> key;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextCodePoint(s, i);
    int rank = AlphabetRank(cp);
    key.push_back(rank >= 0 ? 1000 + rank : static_cast<int>(cp));
  }
  return key;
}

bool RussianLess(std::string_view a, std::string_view b) { return CollationKey(a) < CollationKey(b); }

std::string LoginBase(const PersonName& name) {
  std::string base = Transliterate(name.last);
  if (base.empty() || base[0] < 'a' || base[0] > 'z') base = "user" + base;
  base += '.';
  base += Transliterate(name.first).substr(0, 1);
  base += Transliterate(name.middle).substr(0, 1);
  return base;
}

}  // namespace ej
