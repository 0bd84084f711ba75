#include <doctest/doctest.h>

#include "roster_import.h"

namespace ej {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

struct School {
  Structure s;
  int64_t cls = 2;
  School() {
    s.years.push_back({1, "2026/2027", {D("2026-09-01"), D("2027-08-31")}});
    s.classes.push_back({cls, 1, 5, "А", 0});
    s.persons[7] = Person{7, {"Орлов", "Пётр", "Ильич"}, D("2014-03-01"), 'm', {Role::kStudent}};
    s.enrollments.push_back({1, 7, cls, D("2026-09-01"), std::nullopt});
  }
};

}  // namespace

TEST_CASE("pasted rows are checked one by one: good rows become drafts, bad rows say why") {
  School school;
  std::string text =
      "Фамилия\tИмя\tОтчество\tДата рождения\tПол\n"
      "Смирнова\tАнна\tСергеевна\t12.04.2014\tж\n"
      "Кузнецов\tИван\t\t31.02.2014\tм\n"
      "\n"
      "Попов\tАртём\tИгоревич\t2014-07-01\tМ\r\n"
      "Орлов\tПётр\tИльич\t01.03.2014\tм\n"
      "Смирнова\tАнна\tСергеевна\t12.04.2014\tж\n"
      "Иван0в\tИван\t\t01.01.2014\t\n"
      "Одинокий\n"
      "Зайцев\tОлег\t\t01.01.2014\tx\n"
      "Старый\tИван\t\t01.01.1990\tм\n";
  auto rows = ParseStudentRows(text, school.s, school.cls);
  REQUIRE(rows.size() == 9);

  CHECK(rows[0].ok);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].draft.name.last == "Смирнова");
  CHECK(rows[0].draft.birth_date == D("2014-04-12"));
  CHECK(rows[0].draft.sex == 'f');
  CHECK(rows[0].text == "Смирнова | Анна | Сергеевна | 12.04.2014 | ж");

  CHECK_FALSE(rows[1].ok);
  CHECK(rows[1].error.find("«31.02.2014» не распознана") != std::string::npos);

  CHECK(rows[2].ok);  // ISO date, capital М, Windows line end
  CHECK(rows[2].line == 5);
  CHECK(rows[2].draft.sex == 'm');

  CHECK_FALSE(rows[3].ok);
  CHECK(rows[3].error.find("уже есть в школе") != std::string::npos);

  CHECK_FALSE(rows[4].ok);
  CHECK(rows[4].error.find("повторяет") != std::string::npos);

  CHECK_FALSE(rows[5].ok);
  CHECK(rows[5].error.find("недопустимые символы") != std::string::npos);

  CHECK_FALSE(rows[6].ok);
  CHECK(rows[6].error.find("фамилия и имя") != std::string::npos);

  CHECK_FALSE(rows[7].ok);
  CHECK(rows[7].error.find("Пол «x»") != std::string::npos);

  CHECK_FALSE(rows[8].ok);
  CHECK(rows[8].error.find("не подходит для ученика") != std::string::npos);
}

TEST_CASE("a paste into a class that does not exist reports every row") {
  School school;
  auto rows = ParseStudentRows("Смирнова\tАнна\n", school.s, 999);
  REQUIRE(rows.size() == 1);
  CHECK_FALSE(rows[0].ok);
  CHECK(rows[0].error == "Класс не найден.");
}

TEST_CASE("an accepted row becomes a student.create operation the core accepts") {
  School school;
  auto rows = ParseStudentRows("Смирнова\tАнна\tСергеевна\t12.04.2014\tж", school.s, school.cls);
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].ok);
  Operation op;
  op.op_id = "00000000-0000-4000-8000-000000000001";
  op.kind = std::string(op_kind::kStudentCreate);
  op.payload = StudentCreatePayload(rows[0].draft, school.cls, D("2026-11-28"));
  Actor deputy;
  deputy.roles = {Role::kDeputy};
  auto applied = ApplyStructureOp(school.s, op, deputy);
  REQUIRE(applied.ok());
  CHECK(school.s.StudentsOf(school.cls, D("2026-12-01")).size() == 2);
  // Pasting the same rows again adds nothing twice.
  auto again = ParseStudentRows("Смирнова\tАнна\tСергеевна\t12.04.2014\tж", school.s, school.cls);
  CHECK_FALSE(again[0].ok);
}

}  // namespace ej

namespace ej {

TEST_CASE("staff pasted from a spreadsheet get roles from Russian words — duplicates are reported") {
  School school;
  school.s.persons[20] = Person{20, {"Цветкова", "Тамара", "Андреевна"}, std::nullopt, 'f', {Role::kTeacher}};
  std::string text =
      "Фамилия\tИмя\tОтчество\tРоли\n"
      "Белова\tОльга\tИгоревна\tУчитель, заместитель директора\n"
      "Цветкова\tТамара\tАндреевна\tучитель\n"
      "Громов\tАртём\t\tпсихолог; библиотекарь\n"
      "Громов\tАртём\t\tсотрудник\n"
      "Лебедев\tИван\tПетрович\tкосмонавт\n"
      "Лебедев\tИван\tПетрович\n";
  auto rows = ParseStaffRows(text, school.s);
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].ok);
  CHECK(rows[0].roles == std::vector<Role>{Role::kTeacher, Role::kDeputy});
  CHECK_FALSE(rows[1].ok);
  CHECK(rows[1].error.find("уже есть") != std::string::npos);
  CHECK(rows[2].ok);
  CHECK(rows[2].roles == std::vector<Role>{Role::kOther});
  CHECK(rows[2].name.middle.empty());
  CHECK_FALSE(rows[3].ok);
  CHECK(rows[3].error.find("повторяет") != std::string::npos);
  CHECK_FALSE(rows[4].ok);
  CHECK(rows[4].error == "Роль «космонавт» не распознана.");
  CHECK_FALSE(rows[5].ok);
  CHECK(rows[5].line == 7);
}

TEST_CASE("a paste of more than 500 rows is refused as a whole with the count named") {
  std::string text = "Фамилия\tИмя\n";
  for (int i = 0; i < 500; ++i) text += "Иванов\tИван\n\n";
  CHECK(PastedRowCount(text) == 500);
  CHECK(CheckPastedRowCount(text).ok());
  text += "Петров\tПётр\n";
  CHECK(PastedRowCount(text) == 501);
  Status st = CheckPastedRowCount(text);
  REQUIRE_FALSE(st.ok());
  CHECK(st.code() == ErrorCode::kValidation);
  CHECK(st.message() == "Вставлено 501 строка, а за один раз можно добавить не больше 500. Вставьте таблицу частями, "
                        "например по классам.");
}

}  // namespace ej
