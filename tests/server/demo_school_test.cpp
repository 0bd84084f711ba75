// The demo school on a real SQLite file: its size, its people, its logins, its determinism.
#include "demo_school.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "control_work_load.h"
#include "control_works.h"
#include "db.h"
#include "planning_store.h"
#include "structure_store.h"
#include "thematic_plan.h"
#include "timetable_store.h"

namespace ej::server {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system's temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "ej_demo_school_XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string FakeHash(std::string_view password) { return "fake$" + std::string(password); }

std::unique_ptr<Database> OpenDb(const std::string& path) {
  auto db = Database::Open(path, {});
  REQUIRE(db.ok());
  return std::move(db.value());
}

DemoSummary CreateOrFail(Database& db, const DemoOptions& options = {}) {
  DemoSummary summary;
  Status s = CreateDemoSchool(db, options, FakeHash, &summary);
  INFO(s.message());
  REQUIRE(s.ok());
  return summary;
}

// Rows of a query with `columns` columns, joined as text.
std::vector<std::string> TextRows(Database& db, const std::string& sql, int columns,
                                  const std::vector<SqlValue>& params = {}) {
  std::vector<std::string> rows;
  Status s = db.Read([&](Connection& c) {
    return c.Query(sql, params, [&](const Row& r) {
      std::string line;
      for (int col = 0; col < columns; ++col) {
        if (col > 0) line += '|';
        line += r.IsNull(col) ? std::string("∅") : r.Text(col);
      }
      rows.push_back(std::move(line));
    });
  });
  INFO(s.message());
  REQUIRE(s.ok());
  return rows;
}

int64_t Int(Database& db, const std::string& sql, const std::vector<SqlValue>& params = {}) {
  int64_t value = -1;
  Status s = db.Read([&](Connection& c) {
    auto v = c.QueryInt(sql, params, -1);
    if (!v.ok()) return v.status();
    value = *v;
    return Status::Ok();
  });
  INFO(s.message());
  REQUIRE(s.ok());
  return value;
}

// Every table of schema v1 in a fixed order, every column, for byte-for-byte comparison.
std::string Dump(Database& db) {
  struct Table {
    const char* sql;
    int columns;
  };
  const Table tables[] = {
      {"SELECT id, name, short_name, created_at FROM schools ORDER BY id", 4},
      {"SELECT id, school_id, last_name, first_name, middle_name, birth_date, sex, email, phone "
       "FROM persons ORDER BY id",
       9},
      {"SELECT person_id, role FROM person_roles ORDER BY person_id, role", 2},
      {"SELECT id, school_id, person_id, login, password_hash, disabled, created_at, "
       "password_changed_at FROM accounts ORDER BY id",
       8},
      {"SELECT id, school_id, name, starts_on, ends_on FROM academic_years ORDER BY id", 5},
      {"SELECT id, school_id, name, short_name FROM subjects ORDER BY id", 4},
      {"SELECT year_id, grade, subject_id, hours FROM curriculum ORDER BY year_id, grade, "
       "subject_id",
       4},
      {"SELECT id, school_id, year_id, grade, letter, class_teacher_id FROM classes ORDER BY id",
       6},
      {"SELECT id, student_id, class_id, from_date, to_date FROM enrollments ORDER BY id", 5},
      {"SELECT parent_id, student_id, kind FROM guardianships ORDER BY parent_id, student_id", 3},
      {"SELECT person_id, position FROM staff ORDER BY person_id", 2},
      {"SELECT person_id, subject_id FROM staff_subjects ORDER BY person_id, subject_id", 2},
      {"SELECT group_id, school_id, subject_id, version FROM thematic_plans ORDER BY group_id", 4},
      {"SELECT group_id, position, title, hours, control, control_form FROM plan_topics ORDER BY group_id, position", 6},
      {"SELECT id, group_id, day, lesson_number, form, title FROM control_works ORDER BY id", 6},
  };
  std::string out;
  for (const Table& t : tables) {
    out += t.sql;
    out += '\n';
    for (const std::string& row : TextRows(db, t.sql, t.columns)) out += row + '\n';
  }
  return out;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// One demo school shared by the read-only checks (building it once keeps the suite fast).
struct DemoFixture {
  TempDir dir;
  std::unique_ptr<Database> db;
  DemoSummary summary;
  DemoFixture() {
    db = OpenDb(dir.File("demo.sqlite"));
    summary = CreateOrFail(*db, {.now = 1788220800});
  }
};

TEST_CASE_FIXTURE(DemoFixture,
                  "the demo school has about 700 students in 2–3 classes of 25–30 per grade") {
  int64_t students = Int(*db,
                         "SELECT COUNT(*) FROM persons p JOIN person_roles r ON r.person_id = p.id "
                         "WHERE r.role = 'student'");
  CHECK(students >= 650);
  CHECK(students <= 780);
  CHECK(summary.students == students);
  CHECK(Int(*db, "SELECT COUNT(*) FROM enrollments WHERE to_date IS NULL") == students);
  CHECK(Int(*db, "SELECT COUNT(DISTINCT student_id) FROM enrollments") == students);

  for (int grade = 1; grade <= 11; ++grade) {
    CAPTURE(grade);
    int64_t classes = Int(*db, "SELECT COUNT(*) FROM classes WHERE grade = ?", {int64_t{grade}});
    CHECK(classes >= 2);
    CHECK(classes <= 3);
  }
  CHECK(Int(*db, "SELECT COUNT(*) FROM classes") == summary.classes);
  CHECK(TextRows(*db, "SELECT DISTINCT letter FROM classes ORDER BY letter", 1) ==
        std::vector<std::string>{"А", "Б", "В"});
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM (SELECT class_id, COUNT(*) AS n FROM enrollments "
            "GROUP BY class_id HAVING n < 25 OR n > 30)") == 0);
  CHECK(
      Int(*db, "SELECT COUNT(*) FROM classes WHERE id NOT IN (SELECT class_id FROM enrollments)") ==
      0);
  CHECK(
      TextRows(*db, "SELECT name, short_name FROM schools", 2) ==
      std::vector<std::string>{"МБОУ «Средняя общеобразовательная школа №\u00A017»|СОШ №\u00A017"});
  CHECK(TextRows(*db, "SELECT name, starts_on, ends_on FROM academic_years", 3) ==
        std::vector<std::string>{"2026/2027|2026-09-01|2027-08-31"});
}

TEST_CASE_FIXTURE(
    DemoFixture,
    "every student of the demo school has one or two parents and every parent a child") {
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM persons p JOIN person_roles r ON r.person_id = p.id AND "
            "r.role = 'student' WHERE (SELECT COUNT(*) FROM guardianships g "
            "WHERE g.student_id = p.id) NOT BETWEEN 1 AND 2") == 0);
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM person_roles r WHERE r.role = 'parent' AND NOT EXISTS "
            "(SELECT 1 FROM guardianships g WHERE g.parent_id = r.person_id)") == 0);
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM guardianships g WHERE NOT EXISTS (SELECT 1 FROM person_roles r "
            "WHERE r.person_id = g.parent_id AND r.role = 'parent')") == 0);
  // A mother is a woman, a father a man; nobody has two mothers.
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM guardianships g JOIN persons p ON p.id = g.parent_id "
            "WHERE (g.kind = 'mother' AND p.sex <> 'f') OR (g.kind = 'father' AND p.sex <> 'm')") ==
        0);
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM (SELECT student_id, kind, COUNT(*) AS n FROM guardianships "
            "GROUP BY student_id, kind HAVING n > 1)") == 0);
  CHECK(Int(*db, "SELECT COUNT(*) FROM person_roles WHERE role = 'parent'") == summary.parents);
  // Families with two children in the school are common enough to matter, and a few children
  // are in the care of a guardian.
  int64_t with_two = Int(*db,
                         "SELECT COUNT(*) FROM (SELECT parent_id FROM guardianships "
                         "GROUP BY parent_id HAVING COUNT(*) = 2)");
  CHECK(with_two >= 40);
  CHECK(Int(*db, "SELECT COUNT(*) FROM guardianships WHERE kind = 'guardian'") >= 5);
  CHECK(Int(*db, "SELECT COUNT(*) FROM guardianships WHERE kind = 'father'") >= 300);
}

TEST_CASE_FIXTURE(
    DemoFixture,
    "every class of the demo school has a class teacher who holds the class teacher role") {
  CHECK(Int(*db, "SELECT COUNT(*) FROM classes WHERE class_teacher_id IS NULL") == 0);
  CHECK(Int(*db, "SELECT COUNT(DISTINCT class_teacher_id) FROM classes") ==
        Int(*db, "SELECT COUNT(*) FROM classes"));
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM classes c WHERE NOT EXISTS (SELECT 1 FROM person_roles r "
            "WHERE r.person_id = c.class_teacher_id AND r.role = 'class_teacher')") == 0);
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM person_roles r WHERE r.role = 'class_teacher' AND NOT EXISTS "
            "(SELECT 1 FROM classes c WHERE c.class_teacher_id = r.person_id)") == 0);
  // Primary classes are led by primary-school teachers, 5–11 by subject teachers.
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM classes c JOIN staff s ON s.person_id = c.class_teacher_id "
            "WHERE (c.grade <= 4) <> (s.position = 'учитель начальных классов')") == 0);
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM classes c WHERE NOT EXISTS (SELECT 1 FROM person_roles r "
            "WHERE r.person_id = c.class_teacher_id AND r.role = 'teacher')") == 0);
}

TEST_CASE_FIXTURE(DemoFixture,
                  "the demo school's staff has a head, three deputies and qualified teachers") {
  int64_t staff = Int(*db, "SELECT COUNT(*) FROM staff");
  CHECK(staff >= 50);
  CHECK(staff <= 60);
  CHECK(summary.staff == staff);
  CHECK(Int(*db, "SELECT COUNT(*) FROM person_roles WHERE role = 'head'") == 1);
  CHECK(Int(*db, "SELECT COUNT(*) FROM person_roles WHERE role = 'deputy'") == 3);
  CHECK(Int(*db, "SELECT COUNT(*) FROM person_roles WHERE role = 'tech_admin'") == 1);
  CHECK(Int(*db, "SELECT COUNT(*) FROM person_roles WHERE role = 'other'") >= 2);
  CHECK(Int(*db, "SELECT COUNT(*) FROM staff WHERE position = 'педагог-психолог'") == 1);
  CHECK(Int(*db, "SELECT COUNT(*) FROM staff WHERE position = 'педагог-библиотекарь'") == 1);
  int64_t teachers = Int(*db, "SELECT COUNT(*) FROM person_roles WHERE role = 'teacher'");
  CHECK(teachers >= 40);
  // Every teacher is staff with at least one qualification; nobody else is qualified.
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM person_roles r WHERE r.role = 'teacher' AND (NOT EXISTS "
            "(SELECT 1 FROM staff_subjects q WHERE q.person_id = r.person_id) OR NOT EXISTS "
            "(SELECT 1 FROM staff s WHERE s.person_id = r.person_id))") == 0);
  CHECK(Int(*db, "SELECT COUNT(DISTINCT q.person_id) FROM staff_subjects q") == teachers);
  // Every subject of the curriculum has somebody qualified to teach it.
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM subjects s WHERE NOT EXISTS (SELECT 1 FROM staff_subjects q "
            "WHERE q.subject_id = s.id)") == 0);
  // Staff are not students or parents here, and students are not staff.
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM staff s JOIN person_roles r ON r.person_id = s.person_id "
            "WHERE r.role IN ('student', 'parent')") == 0);
}

TEST_CASE_FIXTURE(
    DemoFixture,
    "the demo school's curriculum follows the federal plan and fits the weekly limits") {
  auto grades_of = [&](const std::string& subject) {
    std::vector<std::string> grades =
        TextRows(*db,
                 "SELECT c.grade FROM curriculum c JOIN subjects s ON s.id = c.subject_id "
                 "WHERE s.name = ? ORDER BY c.grade",
                 1, {subject});
    std::string out;
    for (const std::string& g : grades) out += (out.empty() ? "" : ",") + g;
    return out;
  };
  CHECK(grades_of("Литературное чтение") == "1,2,3,4");
  CHECK(grades_of("Литература") == "5,6,7,8,9,10,11");
  CHECK(grades_of("Математика") == "1,2,3,4,5,6");
  CHECK(grades_of("Алгебра") == "7,8,9,10,11");
  CHECK(grades_of("Вероятность и статистика") == "7,8,9,10,11");
  CHECK(grades_of("Химия") == "8,9,10,11");
  CHECK(grades_of("Основы религиозных культур и светской этики") == "4");
  CHECK(grades_of("Русский язык") == "1,2,3,4,5,6,7,8,9,10,11");
  CHECK(grades_of("Физическая культура") == "1,2,3,4,5,6,7,8,9,10,11");
  // The maximum weekly load of a five-day week (СанПиН 1.2.3685-21).
  const int max_hours[11] = {21, 23, 23, 23, 29, 30, 32, 33, 33, 34, 34};
  for (int grade = 1; grade <= 11; ++grade) {
    CAPTURE(grade);
    int64_t total = Int(*db, "SELECT CAST(SUM(hours) AS INTEGER) FROM curriculum WHERE grade = ?",
                        {int64_t{grade}});
    CHECK(total >= max_hours[grade - 1] - 10);
    CHECK(total <= max_hours[grade - 1]);
  }
}

TEST_CASE_FIXTURE(
    DemoFixture,
    "every person of the demo school has one account with a unique login and no password yet") {
  int64_t persons = Int(*db, "SELECT COUNT(*) FROM persons");
  CHECK(Int(*db, "SELECT COUNT(*) FROM accounts") == persons);
  CHECK(Int(*db, "SELECT COUNT(DISTINCT person_id) FROM accounts") == persons);
  CHECK(Int(*db, "SELECT COUNT(DISTINCT lower(login)) FROM accounts") == persons);
  CHECK(summary.accounts == persons);
  CHECK(persons == summary.students + summary.parents + summary.staff);
  // Only the seven demo accounts can log in; every login is plain ASCII.
  CHECK(Int(*db, "SELECT COUNT(*) FROM accounts WHERE password_hash IS NOT NULL") == 7);
  CHECK(Int(*db, "SELECT COUNT(*) FROM accounts WHERE login GLOB '*[^a-z0-9.]*'") == 0);
  CHECK(Int(*db, "SELECT COUNT(*) FROM accounts WHERE created_at <> 1788220800") == 0);
  // Logins are the transliterated surname and initials: Иванова Мария Петровна → ivanova.mp.
  std::vector<std::string> rows = TextRows(
      *db,
      "SELECT p.last_name, p.first_name, p.middle_name, a.login FROM accounts a "
      "JOIN persons p ON p.id = a.person_id WHERE a.password_hash IS NULL ORDER BY a.id LIMIT 5",
      4);
  REQUIRE(rows.size() == 5);
  for (const std::string& row : rows) {
    CAPTURE(row);
    CHECK(row.find('.') != std::string::npos);
  }
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM accounts WHERE password_hash IS NULL AND login NOT GLOB "
            "'[a-z]*.[a-z][a-z]*'") == 0);
}

TEST_CASE_FIXTURE(DemoFixture, "the seven demo logins have the demo password and the right roles") {
  const std::map<std::string, std::set<std::string>> expected = {
      {"direktor", {"head"}},    {"zavuch", {"deputy"}},
      {"uchitel", {"teacher"}},  {"klruk", {"teacher", "class_teacher"}},
      {"admin", {"tech_admin"}}, {"roditel", {"parent"}},
      {"uchenik", {"student"}},
  };
  for (const auto& [login, roles] : expected) {
    CAPTURE(login);
    CHECK(TextRows(*db, "SELECT password_hash FROM accounts WHERE login = ?", 1, {login}) ==
          std::vector<std::string>{"fake$demo2026"});
    std::vector<std::string> got =
        TextRows(*db,
                 "SELECT r.role FROM accounts a JOIN person_roles r ON r.person_id = a.person_id "
                 "WHERE a.login = ? ORDER BY r.role",
                 1, {login});
    CHECK(std::set<std::string>(got.begin(), got.end()) == roles);
  }
  CHECK(TextRows(*db,
                 "SELECT s.position FROM accounts a JOIN staff s ON s.person_id = a.person_id "
                 "WHERE a.login = 'zavuch'",
                 1) == std::vector<std::string>{"заместитель директора по УВР"});
  CHECK(TextRows(*db,
                 "SELECT s.position FROM accounts a JOIN staff s ON s.person_id = a.person_id "
                 "WHERE a.login = 'uchitel'",
                 1) == std::vector<std::string>{"учитель математики"});
  // klruk leads a class of grade 5–9; uchenik is in it.
  int64_t klruk_grade = Int(*db,
                            "SELECT c.grade FROM classes c JOIN accounts a ON "
                            "a.person_id = c.class_teacher_id WHERE a.login = 'klruk'");
  CHECK(klruk_grade >= 5);
  CHECK(klruk_grade <= 9);
  CHECK(
      Int(*db,
          "SELECT COUNT(*) FROM enrollments e JOIN accounts s ON s.person_id = e.student_id "
          "JOIN classes c ON c.id = e.class_id JOIN accounts t ON t.person_id = c.class_teacher_id "
          "WHERE s.login = 'uchenik' AND t.login = 'klruk'") == 1);

  REQUIRE(summary.logins.size() == 7);
  const char* order[] = {"direktor", "zavuch", "uchitel", "klruk", "admin", "roditel", "uchenik"};
  for (size_t i = 0; i < 7; ++i) {
    CAPTURE(i);
    CHECK(summary.logins[i].login == order[i]);
    CHECK(summary.logins[i].password == "demo2026");
    CHECK(TextRows(
              *db,
              "SELECT p.last_name || ' ' || p.first_name || ' ' || p.middle_name FROM accounts a "
              "JOIN persons p ON p.id = a.person_id WHERE a.login = ?",
              1,
              {summary.logins[i].login}) == std::vector<std::string>{summary.logins[i].full_name});
  }
  CHECK(summary.logins[0].role_title == "Директор");
  CHECK(summary.logins[1].role_title == "Заместитель директора");
  CHECK(summary.logins[2].role_title == "Учитель");
  CHECK(summary.logins[3].role_title == "Учитель, классный руководитель");
  CHECK(summary.logins[4].role_title == "Технический администратор");
  CHECK(summary.logins[5].role_title == "Родитель");
  CHECK(summary.logins[6].role_title == "Обучающийся");
}

TEST_CASE_FIXTURE(
    DemoFixture,
    "the demo teacher leads no class and the demo parent has two children in different classes") {
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM classes c JOIN accounts a ON a.person_id = c.class_teacher_id "
            "WHERE a.login = 'uchitel'") == 0);
  std::vector<std::string> children = TextRows(
      *db,
      "SELECT c.grade || c.letter FROM accounts a JOIN guardianships g ON g.parent_id = "
      "a.person_id "
      "JOIN enrollments e ON e.student_id = g.student_id JOIN classes c ON c.id = e.class_id "
      "WHERE a.login = 'roditel' ORDER BY c.grade",
      1);
  REQUIRE(children.size() == 2);
  CHECK(children[0] != children[1]);
  // The demo student is one of them.
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM guardianships g JOIN accounts p ON p.person_id = g.parent_id "
            "JOIN accounts s ON s.person_id = g.student_id "
            "WHERE p.login = 'roditel' AND s.login = 'uchenik'") == 1);
}

TEST_CASE_FIXTURE(DemoFixture,
                  "names in the demo school agree with sex in surnames and patronymics") {
  std::vector<std::string> rows =
      TextRows(*db, "SELECT sex, last_name, first_name, middle_name FROM persons ORDER BY id", 4);
  REQUIRE(rows.size() > 1000);
  int checked_female_ov = 0;
  for (const std::string& row : rows) {
    CAPTURE(row);
    size_t a = row.find('|'), b = row.find('|', a + 1), c = row.find('|', b + 1);
    const std::string sex = row.substr(0, a);
    const std::string last = row.substr(a + 1, b - a - 1);
    const std::string middle = row.substr(c + 1);
    if (sex == "f") {
      for (std::string_view male_end : {"ов", "ев", "ёв", "ин", "ын", "ий"}) {
        CHECK_FALSE(EndsWith(last, male_end));
      }
      if (EndsWith(last, "ова") || EndsWith(last, "ева") || EndsWith(last, "ина")) {
        ++checked_female_ov;
      }
      CHECK(EndsWith(middle, "на"));
    } else {
      REQUIRE(sex == "m");
      for (std::string_view female_end : {"ова", "ева", "ёва", "ина", "ая"}) {
        CHECK_FALSE(EndsWith(last, female_end));
      }
      CHECK(EndsWith(middle, "ич"));
    }
  }
  CHECK(checked_female_ov > 300);
}

TEST_CASE_FIXTURE(
    DemoFixture,
    "children in the demo school share their father's surname and siblings a patronymic") {
  std::vector<std::string> rows = TextRows(
      *db,
      "SELECT f.last_name, f.first_name, c.sex, c.last_name, c.middle_name FROM guardianships g "
      "JOIN persons f ON f.id = g.parent_id JOIN persons c ON c.id = g.student_id "
      "WHERE g.kind = 'father'",
      5);
  REQUIRE(rows.size() > 300);
  std::map<std::string, std::string> patronymic_of;  // father's first name → son's patronymic
  for (const std::string& row : rows) {
    CAPTURE(row);
    std::vector<std::string> f;
    size_t start = 0;
    for (size_t pos; (pos = row.find('|', start)) != std::string::npos; start = pos + 1) {
      f.push_back(row.substr(start, pos - start));
    }
    f.push_back(row.substr(start));
    REQUIRE(f.size() == 5);
    if (f[2] == "m") {
      CHECK(f[3] == f[0]);
    } else {
      // Иванов → Иванова, Вишневский → Вишневская, Шевченко → Шевченко.
      CHECK(f[3].compare(0, f[0].size() - 4, f[0], 0, f[0].size() - 4) == 0);
    }
  }
  // Siblings share the patronymic (one father's name gives both).
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM guardianships g1 JOIN guardianships g2 ON g1.parent_id = "
            "g2.parent_id AND g1.student_id < g2.student_id JOIN persons a ON a.id = g1.student_id "
            "JOIN persons b ON b.id = g2.student_id WHERE g1.kind = 'father' AND a.sex = b.sex "
            "AND a.middle_name <> b.middle_name") == 0);
}

TEST_CASE_FIXTURE(DemoFixture,
                  "birth dates in the demo school fit the students' grades and the parents' ages") {
  // A first-grader of 2026/2027 was born in 2019 (or late in 2018); an eleventh-grader in 2009.
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM enrollments e JOIN classes c ON c.id = e.class_id "
            "JOIN persons p ON p.id = e.student_id "
            "WHERE CAST(substr(p.birth_date, 1, 4) AS INTEGER) NOT IN (2020 - c.grade, 2019 - "
            "c.grade) "
            "OR (CAST(substr(p.birth_date, 1, 4) AS INTEGER) = 2019 - c.grade "
            "AND substr(p.birth_date, 6, 2) < '09')") == 0);
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM persons WHERE birth_date IS NULL OR date(birth_date) IS NULL") ==
        0);
  // A parent is 20–45 years older than each child (a guardian may be a grandparent).
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM guardianships g JOIN persons p ON p.id = g.parent_id "
            "JOIN persons c ON c.id = g.student_id WHERE g.kind <> 'guardian' AND "
            "(julianday(c.birth_date) - julianday(p.birth_date)) / 365.25 NOT BETWEEN 18 AND 52") ==
        0);
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM persons p JOIN staff s ON s.person_id = p.id "
            "WHERE p.birth_date NOT BETWEEN '1955-01-01' AND '2004-12-31'") == 0);
}

TEST_CASE_FIXTURE(
    DemoFixture,
    "contacts in the demo school use Russian mobile numbers and example domains only") {
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM persons WHERE phone IS NOT NULL AND phone NOT GLOB "
            "'+7 9[0-9][0-9] [0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'") == 0);
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM persons WHERE email IS NOT NULL AND email NOT GLOB "
            "'[a-z]*@example.ru'") == 0);
  CHECK(Int(*db, "SELECT COUNT(*) FROM persons WHERE email GLOB '*[^a-z0-9.@-]*'") == 0);
  CHECK(Int(*db, "SELECT COUNT(*) FROM persons WHERE phone IS NOT NULL") ==
        Int(*db, "SELECT COUNT(DISTINCT phone) FROM persons"));
  CHECK(Int(*db, "SELECT COUNT(*) FROM persons WHERE email IS NOT NULL") ==
        Int(*db, "SELECT COUNT(DISTINCT email) FROM persons"));
  // Every parent and every member of staff can be phoned.
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM persons p JOIN person_roles r ON r.person_id = p.id "
            "WHERE r.role IN ('parent', 'head', 'deputy', 'teacher') AND p.phone IS NULL") == 0);
}

TEST_CASE("the same seed gives identical demo databases and another seed gives other names") {
  TempDir dir;
  auto a = OpenDb(dir.File("a.sqlite"));
  auto b = OpenDb(dir.File("b.sqlite"));
  auto c = OpenDb(dir.File("c.sqlite"));
  CreateOrFail(*a, {.now = 1000});
  CreateOrFail(*b, {.now = 1000});
  CreateOrFail(*c, {.seed = 7, .now = 1000});
  const std::string dump_a = Dump(*a);
  CHECK(dump_a.size() > 100000);
  CHECK(dump_a == Dump(*b));

  const std::string names = "SELECT last_name, first_name, middle_name FROM persons ORDER BY id";
  std::vector<std::string> names_a = TextRows(*a, names, 3);
  std::vector<std::string> names_c = TextRows(*c, names, 3);
  size_t same = 0;
  for (size_t i = 0; i < std::min(names_a.size(), names_c.size()); ++i) {
    if (names_a[i] == names_c[i]) ++same;
  }
  CHECK(same < names_a.size() / 10);
}

TEST_CASE("a second demo school in the same database is refused with a Russian message") {
  TempDir dir;
  auto db = OpenDb(dir.File("demo.sqlite"));
  CreateOrFail(*db);
  const int64_t persons = Int(*db, "SELECT COUNT(*) FROM persons");
  DemoSummary summary;
  Status s = CreateDemoSchool(*db, {.seed = 2}, FakeHash, &summary);
  CHECK(s.code() == ErrorCode::kValidation);
  CHECK(s.message().find("уже есть школа") != std::string::npos);
  CHECK(Int(*db, "SELECT COUNT(*) FROM schools") == 1);
  CHECK(Int(*db, "SELECT COUNT(*) FROM persons") == persons);
}

TEST_CASE("wrong dates of the year are refused before a demo school is written") {
  TempDir dir;
  auto db = OpenDb(dir.File("demo.sqlite"));
  DemoOptions options;
  options.year_start = "2026-13-01";
  Status s = CreateDemoSchool(*db, options, FakeHash, nullptr);
  CHECK(s.code() == ErrorCode::kValidation);
  CHECK(s.field() == "year_start");
  options.year_start = "2027-09-01";
  s = CreateDemoSchool(*db, options, FakeHash, nullptr);
  CHECK(s.code() == ErrorCode::kValidation);
  CHECK(s.field() == "year_end");
  CHECK(Int(*db, "SELECT COUNT(*) FROM persons") == 0);
}

TEST_CASE("the demo school follows the year it is made for") {
  TempDir dir;
  auto db = OpenDb(dir.File("demo.sqlite"));
  CreateOrFail(*db,
               {.year_name = "2030/2031", .year_start = "2030-09-01", .year_end = "2031-08-31"});
  CHECK(Int(*db,
            "SELECT COUNT(*) FROM enrollments e JOIN classes c ON c.id = e.class_id "
            "JOIN persons p ON p.id = e.student_id "
            "WHERE CAST(substr(p.birth_date, 1, 4) AS INTEGER) NOT IN (2024 - c.grade, 2023 - "
            "c.grade)") == 0);
  CHECK(Int(*db, "SELECT COUNT(*) FROM enrollments WHERE from_date <> '2030-09-01'") == 0);
}

// How long it takes is measured by bench/demo_school (tests hold no timings).
TEST_CASE("the demo school hashes the password once") {
  TempDir dir;
  auto db = OpenDb(dir.File("demo.sqlite"));
  int hashes = 0;
  auto counting_hash = [&](std::string_view password) {
    ++hashes;
    return FakeHash(password);
  };
  Status s = CreateDemoSchool(*db, {}, counting_hash, nullptr);
  REQUIRE(s.ok());
  CHECK(hashes == 1);
}

// The demo's structure, timetable, plans and control works as the core sees them.
struct DemoPlanning {
  Structure s;
  Timetable t;
  ThematicPlans plans;
  ControlWorks works;
  int64_t school_id = 0;
  explicit DemoPlanning(Database& db) {
    REQUIRE(db.Read([&](Connection& c) -> Status {
      school_id = c.QueryInt("SELECT id FROM schools", {}).value();
      s = LoadStructure(c, school_id).value();
      t = LoadTimetable(c, school_id).value();
      plans = LoadPlans(c, school_id).value();
      works = LoadControlWorks(c, school_id).value();
      return Status::Ok();
    }).ok());
  }
  int Grade(const Group& g) const { return s.FindClass(g.class_ids.at(0))->grade; }
  std::string SubjectName(const Group& g) const { return s.FindSubject(g.subject_id)->name; }
};

TEST_CASE_FIXTURE(DemoFixture, "every group with a teacher has a КТП that fills its hours for the year") {
  DemoPlanning d(*db);
  std::set<int64_t> taught;
  for (const auto& w : d.s.workload) taught.insert(w.group_id);
  CHECK(taught.size() > 300);
  CHECK(d.plans.plans.size() == taught.size());
  for (int64_t id : taught) {
    const Group& g = *d.s.FindGroup(id);
    CAPTURE(g.name);
    const ThematicPlan* plan = d.plans.Find(id);
    REQUIRE(plan != nullptr);
    CHECK(plan->version == 1);
    CHECK(plan->subject_id == g.subject_id);
    int weeks = d.Grade(g) == 1 ? 33 : 34;
    CHECK(plan->TotalHours() == static_cast<int>(d.s.GroupWorkloadHours(id) + 0.5) * weeks);
    std::set<std::string> titles;
    for (const PlanTopic& topic : plan->topics) {
      CHECK_MESSAGE(ValidatePlanTopic(topic).ok(), topic.title);
      CHECK(topic.hours <= 4);
      CHECK(titles.insert(topic.title).second);  // no topic twice in a plan
      if (d.Grade(g) == 1) CHECK_FALSE(topic.control);  // no marks in the first grade
    }
  }
  // Plausible content: a few known first topics and control works.
  auto plan_of = [&](const std::string& group) -> const ThematicPlan& {
    for (const auto& g : d.s.groups) {
      if (g.name == group) return *d.plans.Find(g.id);
    }
    FAIL("no group " << group);
    return d.plans.plans.front();
  };
  const ThematicPlan& math5 = plan_of("5А — Математика");
  CHECK(math5.topics.front().title == "Натуральные числа и нуль");
  CHECK(math5.TotalHours() == 170);
  auto first_control = std::find_if(math5.topics.begin(), math5.topics.end(), [](const PlanTopic& t) { return t.control; });
  REQUIRE(first_control != math5.topics.end());
  CHECK(first_control->title == "Контрольная работа № 1 по теме «Натуральные числа и нуль»");
  CHECK(first_control->control_form == "контрольная работа");
  const ThematicPlan& russian7 = plan_of("7А — Русский язык");
  CHECK(std::count_if(russian7.topics.begin(), russian7.topics.end(), [](const PlanTopic& t) { return t.control_form == "диктант"; }) >= 4);
  const ThematicPlan& pe = plan_of("9А — Физическая культура");
  CHECK(std::none_of(pe.topics.begin(), pe.topics.end(), [](const PlanTopic& t) { return t.control; }));
  // The next lesson of a group with nothing held yet is the plan's first topic.
  CHECK(NextPlannedTopic(math5, {})->topic->title == "Натуральные числа и нуль");
}

TEST_CASE_FIXTURE(DemoFixture, "the demo's control works fill the first half-year by the plans and keep the load rules") {
  DemoPlanning d(*db);
  CHECK(d.works.rules == ControlWorkRules{});
  CHECK(d.works.works.size() > 250);
  const AcademicYear& year = d.s.years.front();
  CHECK(FindControlWorkViolations(d.s, d.works, year.id).empty());
  // Every rule of the school: the daily and weekly limits and the ВСОКО ones (spacing, share of
  // hours, not the first or last lesson), as GET /control-works and the calendar check them.
  const ControlLoadRules load = DefaultSchoolRules().control_load;
  REQUIRE(load.subject_gap_days == 18);
  REQUIRE(load.max_hours_percent == 10);
  REQUIRE(load.not_first_or_last_lesson);
  auto all = FindAllControlWorkViolations(d.s, d.works, load, d.t, year.id);
  CHECK_MESSAGE(all.empty(), (all.empty() ? std::string() : all.front().message));
  std::map<int64_t, int> per_class;
  for (const ControlWork& w : d.works.works) {
    const Group& g = *d.s.FindGroup(w.group_id);
    CAPTURE(g.name);
    CAPTURE(w.date.Iso());
    CHECK(w.year_id == year.id);
    CHECK(w.date >= *Date::ParseIso("2026-09-01"));
    CHECK(w.date <= *Date::ParseIso("2026-12-28"));  // the first and second quarters
    CHECK(d.Grade(g) >= 2);
    for (int64_t c : g.class_ids) ++per_class[c];
    // On a lesson the group has by the timetable.
    bool on_lesson = std::any_of(d.t.entries.begin(), d.t.entries.end(), [&](const TimetableEntry& e) {
      return e.group_id == w.group_id && e.weekday == w.date.Weekday() && e.number == w.lesson_number;
    });
    CHECK(on_lesson);
    // A control topic of the group's plan, with its form.
    const ThematicPlan* plan = d.plans.Find(w.group_id);
    REQUIRE(plan != nullptr);
    bool planned = std::any_of(plan->topics.begin(), plan->topics.end(), [&](const PlanTopic& t) {
      return t.control && t.title == w.title && t.control_form == w.form;
    });
    CHECK(planned);
  }
  for (const SchoolClass* c : d.s.ClassesOf(year.id)) {
    CAPTURE(c->Name());
    if (c->grade == 1) {
      CHECK(per_class[c->id] == 0);
    } else {
      CHECK(per_class[c->id] >= 8);
    }
  }
  // Every row belongs to the school.
  CHECK(Int(*db, "SELECT COUNT(*) FROM control_works WHERE school_id <> ?", {d.school_id}) == 0);
  CHECK(Int(*db, "SELECT COUNT(*) FROM plan_topics WHERE school_id <> ?", {d.school_id}) == 0);
  CHECK(Int(*db, "SELECT COUNT(*) FROM thematic_plans WHERE school_id <> ?", {d.school_id}) == 0);
}

}  // namespace
}  // namespace ej::server
