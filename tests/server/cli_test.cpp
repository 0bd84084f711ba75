// The command line, run as the real binary.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "op_log.h"
#include "test_env.h"

namespace ej::server {
namespace {

struct Run {
  int code = -1;
  std::string output;  // stdout and stderr together
};

// Runs ejournal-server with `args` (shell-quoted by the caller) and `input` on stdin.
Run RunServer(const std::string& args, const std::string& input = "") {
  testing::TempDir dir;
  std::string in_file = dir.File("stdin.txt");
  std::ofstream(in_file) << input;
  std::string cmd = std::string(EJ_SERVER_BIN) + " " + args + " < " + in_file + " 2>&1";
  Run run;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) run.output.append(buf.data(), n);
  int status = pclose(p);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

bool Has(const Run& r, const std::string& text) { return r.output.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("every command has Russian help and exits 0 for it") {
  for (const char* cmd : {"--help", "serve --help", "demo --help", "user --help", "user add --help", "school --help",
                          "school add --help"}) {
    Run r = RunServer(cmd);
    CHECK(r.code == 0);
    CHECK(Has(r, "Использование"));
  }
}

TEST_CASE("bad arguments give a message and exit code 2") {
  Run none = RunServer("");
  CHECK(none.code == 2);
  CHECK(Has(none, "не указана команда"));

  Run unknown = RunServer("launch");
  CHECK(unknown.code == 2);
  CHECK(Has(unknown, "неизвестная команда"));

  testing::TempDir tmp;
  Run port = RunServer("serve --db " + tmp.File("x.db") + " --port восемьдесят");
  CHECK(port.code == 2);
  CHECK(Has(port, "порт должен быть числом"));

  Run option = RunServer("serve --bogus");
  CHECK(option.code == 2);
  CHECK(Has(option, "неизвестный параметр"));

  Run missing = RunServer("serve --db");
  CHECK(missing.code == 2);
  CHECK(Has(missing, "нет значения"));
}

TEST_CASE("serve refuses a file that is not a database and a database from a newer version") {
  testing::TempDir dir;
  std::string junk = dir.File("junk.db");
  std::ofstream(junk) << std::string(8192, 'z');
  Run r = RunServer("serve --port 0 --db " + junk);
  CHECK(r.code == 1);
  CHECK(Has(r, "не является базой данных"));

  std::string newer = dir.File("newer.db");
  {
    auto db = Database::Open(newer, {});
    REQUIRE(db.ok());
    REQUIRE((*db)->Write([](Connection& c) { return c.Exec("PRAGMA user_version=9999"); }).ok());
  }
  Run n = RunServer("serve --port 0 --db " + newer);
  CHECK(n.code == 1);
  CHECK(Has(n, "более новой версией"));

  Run unreadable = RunServer("serve --port 0 --db /nonexistent-dir/ej.db");
  CHECK(unreadable.code == 1);
  CHECK(Has(unreadable, "Не удаётся открыть файл базы данных"));
}

TEST_CASE("user add creates an account that can log in, user passwd changes its password") {
  testing::TempDir dir;
  std::string db = dir.File("ej.db");
  Run add = RunServer("user add --db " + db +
                          " --login sidorov --name 'Сидоров Пётр Ильич' --roles teacher,deputy --school 'СОШ № 5'",
                      "первый-пароль\n");
  CHECK(add.code == 0);
  CHECK(Has(add, "Учётная запись «sidorov» создана"));

  Run twice = RunServer("user add --db " + db + " --login sidorov --name 'Сидоров Пётр' --roles teacher",
                        "первый-пароль\n");
  CHECK(twice.code == 1);
  CHECK(Has(twice, "уже занят"));

  Run weak = RunServer("user passwd --db " + db + " --login sidorov", "123\n");
  CHECK(weak.code == 1);
  CHECK(Has(weak, "слишком короткий"));

  Run passwd = RunServer("user passwd --db " + db + " --login sidorov", "второй-пароль\n");
  CHECK(passwd.code == 0);

  auto opened = Database::Open(db, {});
  REQUIRE(opened.ok());
  SqliteStore store(**opened);
  auto account = store.FindAccountByLogin("sidorov");
  REQUIRE(account.ok());
  REQUIRE(account->has_value());
  PasswordHasher hasher;
  CHECK(hasher.Verify("второй-пароль", (*account)->password_hash).value());
  CHECK_FALSE(hasher.Verify("первый-пароль", (*account)->password_hash).value());
  auto me = store.LoadUser((*account)->id);
  REQUIRE(me.ok());
  CHECK(me->user.roles == std::vector<Role>{Role::kDeputy, Role::kTeacher});
  CHECK(me->school == "СОШ № 5");

  Run nobody = RunServer("user passwd --db " + db + " --login nobody", "второй-пароль\n");
  CHECK(nobody.code == 1);
  CHECK(Has(nobody, "не найдена"));
}

TEST_CASE("user add without a school in the database asks for --school") {
  testing::TempDir dir;
  Run r = RunServer("user add --db " + dir.File("ej.db") + " --login ivanov --name 'Иванов Иван' --roles head",
                    "пароль-директора\n");
  CHECK(r.code == 1);
  CHECK(Has(r, "--school"));
}

TEST_CASE("school add lets one database host several schools, each with its own accounts") {
  testing::TempDir dir;
  std::string db = dir.File("ej.db");
  Run first = RunServer("school add --db " + db + " --name 'МБОУ «Средняя школа № 5»' --short-name 'СОШ № 5'");
  CHECK(first.code == 0);
  CHECK(Has(first, "Школа «МБОУ «Средняя школа № 5»» добавлена"));
  Run second = RunServer("school add --db " + db + " --name 'Гимназия № 2'");
  CHECK(second.code == 0);
  Run again = RunServer("school add --db " + db + " --name 'Гимназия № 2'");
  CHECK(again.code == 1);
  CHECK(Has(again, "уже есть"));
  Run empty = RunServer("school add --db " + db + " --name ' '");
  CHECK(empty.code == 2);
  CHECK(Has(empty, "от 2 до 200 символов"));
  Run list = RunServer("school list --db " + db);
  CHECK(list.code == 0);
  CHECK(Has(list, "1  МБОУ «Средняя школа № 5» (СОШ № 5)"));
  CHECK(Has(list, "2  Гимназия № 2"));

  // With two schools an account must name its school.
  Run unnamed = RunServer("user add --db " + db + " --login head2 --name 'Орлов Олег' --roles head", "пароль-директора\n");
  CHECK(unnamed.code == 1);
  CHECK(Has(unnamed, "несколько школ"));
  Run unknown = RunServer("user add --db " + db + " --login head2 --name 'Орлов Олег' --roles head --school 'Лицей'",
                          "пароль-директора\n");
  CHECK(unknown.code == 1);
  CHECK(Has(unknown, "school add"));
  Run head5 = RunServer("user add --db " + db + " --login head5 --name 'Павлов Иван' --roles head --school 'СОШ № 5'",
                        "пароль-директора\n");
  CHECK(head5.code == 0);
  Run head2 = RunServer("user add --db " + db + " --login head2 --name 'Орлов Олег' --roles head --school 'Гимназия № 2'",
                        "пароль-директора\n");
  CHECK(head2.code == 0);

  auto opened = Database::Open(db, {});
  REQUIRE(opened.ok());
  SqliteStore store(**opened);
  auto school_of = [&](const char* login) {
    auto account = store.FindAccountByLogin(login);
    REQUIRE(account.ok());
    REQUIRE(account->has_value());
    auto me = store.LoadUser((*account)->id);
    REQUIRE(me.ok());
    return me->school;
  };
  CHECK(school_of("head5") == "СОШ № 5");
  CHECK(school_of("head2") == "Гимназия № 2");
}

}  // namespace ej::server

namespace ej::server {

TEST_CASE("verify reports an intact log with exit 0 and a tampered one with exit 1") {
  testing::TempDir dir;
  std::string db = dir.File("ej.db");
  Run demo = RunServer("demo --db " + db);
  REQUIRE(demo.code == 0);
  CHECK(Has(demo, "Демонстрационная школа создана"));
  CHECK(Has(demo, "zavuch"));
  {
    auto opened = Database::Open(db, {});
    REQUIRE(opened.ok());
    REQUIRE((*opened)->Write([](Connection& c) {
      LogEntry e;
      e.school_id = 1;
      e.account_id = 1;
      e.op.op_id = "00000000-0000-4000-8000-0000000000aa";
      e.op.kind = "class.create";
      e.op.payload = protocol::Json{{"grade", 5}};
      e.result = protocol::Json::object();
      return AppendToLog(c, e);
    }).ok());
  }
  Run ok = RunServer("verify --db " + db);
  CHECK(ok.code == 0);
  // The demo's journal entries and the one added here, one school.
  CHECK(Has(ok, "Журнал операций цел: "));
  CHECK(Has(ok, "1 школа."));

  {
    auto opened = Database::Open(db, {});
    REQUIRE((*opened)->Write([](Connection& c) { return c.Exec("UPDATE op_log SET account_id = 2"); }).ok());
  }
  Run broken = RunServer("verify --db " + db);
  CHECK(broken.code == 1);
  CHECK(Has(broken, "повреждён"));

  Run missing = RunServer("verify --db " + dir.File("nothing.db"));
  CHECK(missing.code == 1);
  CHECK(Has(missing, "не найден"));
}

}  // namespace ej::server

namespace ej::server {

TEST_CASE("serve prints the address and, for the demo school, the demo logins") {
  testing::TempDir dir;
  std::string db = dir.File("ej.db");
  REQUIRE(RunServer("demo --db " + db).code == 0);
  // SIGINT after a second stops the server, as Ctrl+C would.
  Run r = RunServer("serve --port 0 --db " + db + " & pid=$!; sleep 1; kill -INT $pid; wait $pid; #");
  CHECK(Has(r, "Электронный журнал: http://127.0.0.1:"));
  CHECK(Has(r, "uchitel"));
  CHECK(Has(r, "пароль у всех — demo2026"));
  CHECK(Has(r, "Сервер остановлен."));
}

}  // namespace ej::server
