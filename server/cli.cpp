// [SECTION] argument parsing
// [SECTION] serve
// [SECTION] demo
// [SECTION] school add | school list
// [SECTION] user add | user passwd
// [SECTION] verify
// [SECTION] dispatch
#include "cli.h"

#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "accounts.h"
#include "crypto.h"
#include "db.h"
#include "demo_school.h"
#include "http_server.h"
#include "login_throttle.h"
#include "op_log.h"
#include "sqlite_store.h"

namespace ej::server {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

const char* kVersion = "0.1.0";

int64_t NowSeconds() { return static_cast<int64_t>(std::time(nullptr)); }

void PrintError(const std::string& message) { std::fprintf(stderr, "Ошибка: %s\n", message.c_str()); }

// ---- [SECTION] argument parsing ----

// Options of one sub-command: --name value pairs and --flags, nothing positional.
struct Options {
  std::map<std::string, std::string> values;
  std::map<std::string, bool> flags;
  bool help = false;

  std::optional<std::string> Get(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
  bool Flag(const std::string& name) const { return flags.count(name) > 0; }
};

// `value_names` take a value; `flag_names` do not. Unknown options are an error.
std::optional<Options> ParseOptions(const std::vector<std::string>& args, size_t start,
                                    const std::vector<std::string>& value_names,
                                    const std::vector<std::string>& flag_names, std::string* error) {
  Options out;
  auto is = [](const std::vector<std::string>& names, const std::string& n) {
    for (const auto& x : names) {
      if (x == n) return true;
    }
    return false;
  };
  for (size_t i = start; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out.help = true;
      continue;
    }
    if (a.rfind("--", 0) != 0) {
      *error = "лишний аргумент «" + a + "».";
      return std::nullopt;
    }
    std::string name = a.substr(2), value;
    bool has_inline = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline = true;
    }
    if (is(flag_names, name)) {
      out.flags[name] = true;
    } else if (is(value_names, name)) {
      if (!has_inline) {
        if (i + 1 >= args.size()) {
          *error = "у параметра --" + name + " нет значения.";
          return std::nullopt;
        }
        value = args[++i];
      }
      out.values[name] = value;
    } else {
      *error = "неизвестный параметр «" + a + "».";
      return std::nullopt;
    }
  }
  return out;
}

std::optional<int> ParsePort(const std::string& s) {
  if (s.empty() || s.size() > 5) return std::nullopt;
  int port = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    port = port * 10 + (c - '0');
  }
  if (port < 0 || port > 65535) return std::nullopt;
  return port;
}

int Usage(const char* text, const std::string& error = {}) {
  if (!error.empty()) {
    PrintError(error);
    std::fputs("\n", stderr);
    std::fputs(text, stderr);
    return kExitUsage;
  }
  std::fputs(text, stdout);
  return kExitOk;
}

const char* kMainHelp =
    "ejournal-server — сервер электронного журнала.\n"
    "\n"
    "Использование: ejournal-server КОМАНДА [ПАРАМЕТРЫ]\n"
    "\n"
    "Команды:\n"
    "  serve        запустить сервер (API, веб-клиент, статические файлы)\n"
    "  demo         создать демонстрационную школу в новой базе\n"
    "  school add   добавить школу (один сервер обслуживает несколько школ)\n"
    "  school list  показать школы базы\n"
    "  user add     добавить учётную запись\n"
    "  user passwd  задать новый пароль учётной записи\n"
    "  verify       проверить целостность журнала операций (цепочку хешей)\n"
    "  help         эта справка\n"
    "\n"
    "Справка по команде: ejournal-server КОМАНДА --help\n";

const char* kServeHelp =
    "Использование: ejournal-server serve --db ПУТЬ [--port N] [--host АДРЕС]\n"
    "                                     [--client КАТАЛОГ] [--public КАТАЛОГ]\n"
    "                                     [--threads N] [--cookie-secure]\n"
    "\n"
    "  --db ПУТЬ          файл базы SQLite (создаётся, если его нет)\n"
    "  --port N           порт (по умолчанию 8080; 0 — любой свободный)\n"
    "  --host АДРЕС       адрес (по умолчанию 127.0.0.1)\n"
    "  --client КАТАЛОГ   собранный веб-клиент (index.html, ejournal.wasm …)\n"
    "  --public КАТАЛОГ   статические файлы (значки, манифест)\n"
    "  --threads N        рабочих потоков (по умолчанию 64)\n"
    "  --cookie-secure    помечать cookie сеанса как Secure (за HTTPS)\n";

const char* kDemoHelp =
    "Использование: ejournal-server demo --db ПУТЬ [--seed N]\n"
    "\n"
    "Создаёт в базе демонстрационную школу (11 параллелей, около 700 учеников, их родители,\n"
    "около 55 сотрудников) и печатает демонстрационные логины. База должна быть пустой.\n"
    "\n"
    "  --db ПУТЬ    файл базы SQLite (создаётся, если его нет)\n"
    "  --seed N     зерно генератора (по умолчанию 20260901): одно зерно — одна и та же школа\n";

const char* kUserHelp =
    "Использование:\n"
    "  ejournal-server user add --db ПУТЬ --login ЛОГИН --name \"Фамилия Имя Отчество\"\n"
    "                           --roles РОЛЬ[,РОЛЬ…] [--school НАЗВАНИЕ]\n"
    "  ejournal-server user passwd --db ПУТЬ --login ЛОГИН\n"
    "\n"
    "Пароль читается со стандартного ввода (в терминале — без отображения, дважды).\n"
    "Роли: head, deputy, teacher, class_teacher, tech_admin, parent, student, other.\n"
    "--school — полное или краткое название школы: нужно, если в базе ещё нет школы (она\n"
    "будет создана) или если школ несколько.\n"
    "user passwd завершает все открытые сеансы учётной записи.\n";

const char* kSchoolHelp =
    "Использование:\n"
    "  ejournal-server school add --db ПУТЬ --name \"Полное название\" [--short-name \"Краткое\"]\n"
    "  ejournal-server school list --db ПУТЬ\n"
    "\n"
    "Один сервер может обслуживать несколько школ: у каждой свои классы, люди, журнал и\n"
    "учётные записи. Первую учётную запись новой школы создаёт user add --school НАЗВАНИЕ.\n";

const char* kVerifyHelp =
    "Использование: ejournal-server verify --db ПУТЬ\n"
    "\n"
    "Проходит по журналу операций каждой школы и пересчитывает хеши. Сообщает первую\n"
    "испорченную запись (изменённую, удалённую или вставленную) и завершается с кодом 1.\n";

Result<std::unique_ptr<Database>> OpenDatabase(const Options& o, bool create_if_missing) {
  auto path = o.Get("db");
  if (!path || path->empty()) return Status(ErrorCode::kBadRequest, "не указан файл базы (--db ПУТЬ).");
  if (!create_if_missing && access(path->c_str(), F_OK) != 0) {
    return Status(ErrorCode::kNotFound, "файл базы «" + *path + "» не найден.");
  }
  return Database::Open(*path, {.create_if_missing = create_if_missing});
}

void PrintDemoLogins(const std::vector<DemoLogin>& logins) {
  if (logins.empty()) return;
  std::printf("Демонстрационные логины (пароль у всех — %s):\n", std::string(kDemoPassword).c_str());
  for (const auto& l : logins) {
    std::printf("  %-10s %s — %s\n", l.login.c_str(), l.role_title.c_str(), l.full_name.c_str());
  }
}

// ---- [SECTION] serve ----

// Ctrl+C or SIGTERM only sets a flag (all a signal handler may safely do); a watcher thread
// stops the server, again and again until it has stopped: a signal that comes before the
// server listens (a slow start on a busy machine) would otherwise be lost and serve hang.
std::atomic<bool> g_stop_requested{false};

void OnSignal(int) { g_stop_requested = true; }

int Serve(const Options& o) {
  // Usage errors first: a mistyped port is reported without touching the database.
  HttpServer::Options http;
  if (auto p = o.Get("port")) {
    auto port = ParsePort(*p);
    if (!port) return Usage(kServeHelp, "порт должен быть числом от 0 до 65535, а не «" + *p + "».");
    http.port = *port;
  }
  if (auto h = o.Get("host")) http.host = *h;
  if (auto t = o.Get("threads")) {
    auto n = ParsePort(*t);
    if (!n || *n < 1 || *n > 1024) return Usage(kServeHelp, "число потоков должно быть от 1 до 1024.");
    http.threads = *n;
  }
  for (const char* key : {"client", "public"}) {
    if (auto dir = o.Get(key)) http.static_dirs.push_back(*dir);
  }
  auto db = OpenDatabase(o, true);
  if (!db.ok()) {
    PrintError(db.status().message());
    return kExitFailure;
  }

  SqliteStore store(**db);
  PasswordHasher hasher;
  LoginThrottle throttle;
  ServerContext ctx{store, hasher, throttle, &NowSeconds, kVersion};
  ctx.cookie_secure = o.Flag("cookie-secure");
  HttpServer server(ctx, http);
  if (Status s = server.Bind(); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  signal(SIGINT, OnSignal);
  signal(SIGTERM, OnSignal);
  std::atomic<bool> stopped{false};
  std::thread watcher([&] {
    while (!g_stop_requested && !stopped) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    while (!stopped) {
      server.Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  std::printf("Электронный журнал: http://%s:%d/\n", http.host.c_str(), server.port());
  std::printf("База данных: %s\n", (*db)->path().c_str());
  if (auto logins = FindDemoLogins(**db); logins.ok()) PrintDemoLogins(*logins);
  std::fflush(stdout);
  server.Run();
  stopped = true;
  watcher.join();
  std::printf("Сервер остановлен.\n");
  return kExitOk;
}

// ---- [SECTION] demo ----

int Demo(const Options& o) {
  auto db = OpenDatabase(o, true);
  if (!db.ok()) {
    PrintError(db.status().message());
    return kExitFailure;
  }
  DemoOptions options;
  if (auto seed = o.Get("seed")) {
    char* end = nullptr;
    unsigned long long v = std::strtoull(seed->c_str(), &end, 10);
    if (seed->empty() || *end != '\0') return Usage(kDemoHelp, "зерно должно быть целым числом.");
    options.seed = v;
  }
  options.now = NowSeconds();
  PasswordHasher hasher;
  DemoSummary summary;
  Status s = CreateDemoSchool(**db, options,
                              [&](std::string_view password) {
                                auto h = hasher.Hash(password);
                                return h.ok() ? *h : std::string();
                              },
                              &summary);
  if (!s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  auto count = [](int n, std::string_view one, std::string_view few, std::string_view many) {
    return std::to_string(n) + " " + std::string(Plural(n, one, few, many));
  };
  std::printf("Демонстрационная школа создана: %s, %s, %s, %s.\n",
              count(summary.students, "ученик", "ученика", "учеников").c_str(),
              count(summary.parents, "родитель", "родителя", "родителей").c_str(),
              count(summary.staff, "сотрудник", "сотрудника", "сотрудников").c_str(),
              count(summary.classes, "класс", "класса", "классов").c_str());
  PrintDemoLogins(summary.logins);
  return kExitOk;
}

// ---- [SECTION] school add | school list ----

// A school's name: trimmed, 2–200 characters.
std::optional<std::string> SchoolName(const std::string& text) {
  size_t b = text.find_first_not_of(" \t");
  if (b == std::string::npos) return std::nullopt;
  std::string name = text.substr(b, text.find_last_not_of(" \t") - b + 1);
  size_t chars = 0;
  for (unsigned char ch : name) chars += (ch & 0xC0) != 0x80;  // UTF-8 lead bytes
  if (chars < 2 || chars > 200) return std::nullopt;
  return name;
}

int SchoolAdd(const Options& o) {
  auto name_text = o.Get("name");
  if (!name_text) return Usage(kSchoolHelp, "нужен --name.");
  auto name = SchoolName(*name_text);
  if (!name) return Usage(kSchoolHelp, "название школы — от 2 до 200 символов.");
  std::optional<std::string> short_name = name;
  if (auto s = o.Get("short-name")) short_name = SchoolName(*s);
  if (!short_name) return Usage(kSchoolHelp, "краткое название школы — от 2 до 200 символов.");
  auto db = OpenDatabase(o, true);
  if (!db.ok()) {
    PrintError(db.status().message());
    return kExitFailure;
  }
  SqliteStore store(**db);
  auto id = store.AddSchool(*name, *short_name, NowSeconds());
  if (!id.ok()) {
    PrintError(id.status().message());
    return kExitFailure;
  }
  std::printf("Школа «%s» добавлена (номер в базе %lld).\n", name->c_str(), static_cast<long long>(*id));
  std::printf("Первая учётная запись: ejournal-server user add --db ПУТЬ --school \"%s\" …\n", short_name->c_str());
  return kExitOk;
}

int SchoolList(const Options& o) {
  auto db = OpenDatabase(o, false);
  if (!db.ok()) {
    PrintError(db.status().message());
    return kExitFailure;
  }
  SqliteStore store(**db);
  auto schools = store.ListSchools();
  if (!schools.ok()) {
    PrintError(schools.status().message());
    return kExitFailure;
  }
  if (schools->empty()) std::printf("В базе нет школ.\n");
  for (const auto& school : *schools) {
    std::printf("%lld  %s", static_cast<long long>(school.id), school.name.c_str());
    if (school.short_name != school.name) std::printf(" (%s)", school.short_name.c_str());
    std::printf("\n");
  }
  return kExitOk;
}

// ---- [SECTION] user add | user passwd ----

std::optional<std::string> ReadPassword(std::string* error) {
  auto read_line = [](bool hidden, const char* prompt) -> std::optional<std::string> {
    termios old{};
    if (hidden) {
      std::fputs(prompt, stderr);
      tcgetattr(STDIN_FILENO, &old);
      termios quiet = old;
      quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    bool got = static_cast<bool>(std::getline(std::cin, line));
    if (hidden) {
      tcsetattr(STDIN_FILENO, TCSANOW, &old);
      std::fputs("\n", stderr);
    }
    if (!got) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  };
  bool tty = isatty(STDIN_FILENO);
  auto first = read_line(tty, "Новый пароль: ");
  if (!first) {
    *error = "пароль не получен со стандартного ввода.";
    return std::nullopt;
  }
  if (tty) {
    auto again = read_line(true, "Повторите пароль: ");
    if (!again || *again != *first) {
      *error = "пароли не совпадают.";
      return std::nullopt;
    }
  }
  return first;
}

// Reads a new password from stdin, checks it by the core's rule and hashes it; prints the
// problem and returns nullopt on failure.
std::optional<std::string> ReadNewPasswordHash(const std::string& login) {
  std::string error;
  auto password = ReadPassword(&error);
  if (!password) {
    PrintError(error);
    return std::nullopt;
  }
  if (Status s = ValidateNewPassword(*password, login); !s.ok()) {
    PrintError(s.message());
    return std::nullopt;
  }
  PasswordHasher hasher;
  auto hash = hasher.Hash(*password);
  if (!hash.ok()) {
    PrintError(hash.status().message());
    return std::nullopt;
  }
  return *hash;
}

std::optional<PersonName> ParseName(const std::string& s) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(' ', pos);
    if (end == std::string::npos) end = s.size();
    if (end > pos) parts.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  return PersonName{parts[0], parts[1], parts.size() == 3 ? parts[2] : ""};
}

int UserAdd(const Options& o) {
  auto login = o.Get("login");
  auto name_text = o.Get("name");
  auto roles_text = o.Get("roles");
  if (!login || !name_text || !roles_text) {
    return Usage(kUserHelp, "нужны --login, --name и --roles.");
  }
  if (Status s = ValidateLogin(*login); !s.ok()) return Usage(kUserHelp, s.message());
  auto name = ParseName(*name_text);
  if (!name) return Usage(kUserHelp, "имя должно быть в виде «Фамилия Имя Отчество» (отчество можно опустить).");
  std::vector<Role> roles;
  size_t pos = 0;
  while (pos <= roles_text->size()) {
    size_t end = roles_text->find(',', pos);
    if (end == std::string::npos) end = roles_text->size();
    std::string code = roles_text->substr(pos, end - pos);
    auto role = RoleFromCode(code);
    if (!role) return Usage(kUserHelp, "неизвестная роль «" + code + "».");
    roles.push_back(*role);
    pos = end + 1;
  }
  auto db = OpenDatabase(o, true);
  if (!db.ok()) {
    PrintError(db.status().message());
    return kExitFailure;
  }
  auto hash = ReadNewPasswordHash(*login);
  if (!hash) return kExitFailure;
  SqliteStore store(**db);
  NewUser user{o.Get("school").value_or(""), *login, *name, roles, *hash, NowSeconds()};
  auto id = store.AddUser(user);
  if (!id.ok()) {
    PrintError(id.status().message());
    return kExitFailure;
  }
  std::printf("Учётная запись «%s» создана: %s (%s).\n", login->c_str(), FullName(*name).c_str(),
              RoleTitles(roles).c_str());
  return kExitOk;
}

int UserPasswd(const Options& o) {
  auto login = o.Get("login");
  if (!login) return Usage(kUserHelp, "нужен --login.");
  auto db = OpenDatabase(o, false);
  if (!db.ok()) {
    PrintError(db.status().message());
    return kExitFailure;
  }
  SqliteStore store(**db);
  auto account = store.FindAccountByLogin(*login);
  if (!account.ok() || !*account) {
    PrintError("учётная запись «" + *login + "» не найдена.");
    return kExitFailure;
  }
  auto hash = ReadNewPasswordHash(*login);
  if (!hash) return kExitFailure;
  if (Status s = store.SetPassword(*login, *hash, NowSeconds()); !s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  std::printf("Пароль учётной записи «%s» изменён; открытые сеансы завершены.\n", login->c_str());
  return kExitOk;
}

// ---- [SECTION] verify ----

int Verify(const Options& o) {
  auto db = OpenDatabase(o, false);
  if (!db.ok()) {
    PrintError(db.status().message());
    return kExitFailure;
  }
  Result<ChainReport> report = Status(ErrorCode::kInternal, "");
  Status s = (*db)->Read([&](Connection& c) {
    report = VerifyLog(c);
    return report.ok() ? Status::Ok() : report.status();
  });
  if (!s.ok()) {
    PrintError(s.message());
    return kExitFailure;
  }
  if (!report->first_break.empty()) {
    std::printf("Журнал операций повреждён: %s.\n", report->first_break.c_str());
    return kExitFailure;
  }
  std::printf("Журнал операций цел: %lld %s, %lld %s.\n", static_cast<long long>(report->entries),
              std::string(Plural(report->entries, "запись", "записи", "записей")).c_str(),
              static_cast<long long>(report->schools),
              std::string(Plural(report->schools, "школа", "школы", "школ")).c_str());
  return kExitOk;
}

}  // namespace

// ---- [SECTION] dispatch ----

int RunCli(const std::vector<std::string>& args) {
  if (args.empty()) return Usage(kMainHelp, "не указана команда.");
  const std::string& command = args[0];
  std::string error;
  if (command == "help" || command == "--help" || command == "-h") return Usage(kMainHelp);
  if (command == "--version") {
    std::printf("ejournal-server %s (протокол %d)\n", kVersion, protocol::kVersion);
    return kExitOk;
  }
  if (command == "serve") {
    auto o = ParseOptions(args, 1, {"db", "port", "host", "client", "public", "threads"}, {"cookie-secure"}, &error);
    if (!o) return Usage(kServeHelp, error);
    if (o->help) return Usage(kServeHelp);
    return Serve(*o);
  }
  if (command == "demo") {
    auto o = ParseOptions(args, 1, {"db", "seed"}, {}, &error);
    if (!o) return Usage(kDemoHelp, error);
    if (o->help) return Usage(kDemoHelp);
    return Demo(*o);
  }
  if (command == "verify") {
    auto o = ParseOptions(args, 1, {"db"}, {}, &error);
    if (!o) return Usage(kVerifyHelp, error);
    if (o->help) return Usage(kVerifyHelp);
    return Verify(*o);
  }
  if (command == "school") {
    if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
      return args.size() < 2 ? Usage(kSchoolHelp, "укажите add или list.") : Usage(kSchoolHelp);
    }
    auto o = ParseOptions(args, 2, {"db", "name", "short-name"}, {}, &error);
    if (!o) return Usage(kSchoolHelp, error);
    if (o->help) return Usage(kSchoolHelp);
    if (args[1] == "add") return SchoolAdd(*o);
    if (args[1] == "list") return SchoolList(*o);
    return Usage(kSchoolHelp, "неизвестная команда school " + args[1] + ".");
  }
  if (command == "user") {
    if (args.size() < 2 || args[1] == "--help" || args[1] == "-h") {
      return args.size() < 2 ? Usage(kUserHelp, "укажите add или passwd.") : Usage(kUserHelp);
    }
    auto o = ParseOptions(args, 2, {"db", "login", "name", "roles", "school"}, {}, &error);
    if (!o) return Usage(kUserHelp, error);
    if (o->help) return Usage(kUserHelp);
    if (args[1] == "add") return UserAdd(*o);
    if (args[1] == "passwd") return UserPasswd(*o);
    return Usage(kUserHelp, "неизвестная команда user " + args[1] + ".");
  }
  return Usage(kMainHelp, "неизвестная команда «" + command + "».");
}

}  // namespace ej::server
