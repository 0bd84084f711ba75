#include <doctest/doctest.h>

#include "names.h"

namespace ej {

TEST_CASE("a Russian name is written in full and shortened to initials") {
  PersonName n{"Иванова", "Мария", "Петровна"};
  CHECK(FullName(n) == "Иванова Мария Петровна");
  CHECK(ShortName(n) == "Иванова М.\u00A0П.");
}

TEST_CASE("a name without a patronymic has one initial") {
  PersonName n{"Смит", "Джон", ""};
  CHECK(FullName(n) == "Смит Джон");
  CHECK(ShortName(n) == "Смит Д.");
}

TEST_CASE("the first character of a UTF-8 string is a whole code point") {
  CHECK(FirstChar("Ёлкин") == "Ё");
  CHECK(FirstChar("A") == "A");
  CHECK(FirstChar("") == "");
}

}  // namespace ej

namespace ej {

TEST_CASE("Russian plural forms follow the last digits of the count") {
  auto f = [](int64_t n) { return std::string(Plural(n, "ученик", "ученика", "учеников")); };
  CHECK(f(1) == "ученик");
  CHECK(f(21) == "ученик");
  CHECK(f(3) == "ученика");
  CHECK(f(723) == "ученика");
  CHECK(f(5) == "учеников");
  CHECK(f(11) == "учеников");
  CHECK(f(112) == "учеников");
  CHECK(f(0) == "учеников");
}

}  // namespace ej

#include "text.h"

namespace ej {

TEST_CASE("Russian names transliterate to logins and sort in alphabetical order") {
  CHECK(Transliterate("Щербакова") == "shcherbakova");
  CHECK(Transliterate("Ёлкин-Юрьев") == "elkin-yurev");
  CHECK(LoginBase({"Иванова", "Мария", "Петровна"}) == "ivanova.mp");
  CHECK(LoginBase({"Ъ", "Юлия", ""}) == "user.y");
  CHECK(RussianLess("Ежов", "Ёлкин"));
  CHECK(RussianLess("Ёлкин", "Жуков"));
  CHECK(RussianLess("абрамов", "Борисов"));
  CHECK_FALSE(RussianLess("Яковлев", "Абрамов"));
}

}  // namespace ej
