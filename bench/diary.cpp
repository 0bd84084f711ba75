// The parents' week view under load (issue 7): requests per second and p99 latency of
// GET /api/v1/diary for a mix of the demo school's parents (each with their own bearer token
// and children, over three weeks of the journal), side by side in the same run with the same
// server answering a static file of the same size. wrk (Debian package `wrk`), 64 connections,
// 127.0.0.1. Target: the diary at no less than half the static rate, p99 under 50 ms.
// Then the same read mix again WHILE teachers push: a writer thread sends one mark.add through
// POST /api/v1/ops every kPushEveryMs (teachers at work, marks rotated over their groups), and
// the reads' req/s, p50 and p99 are printed with the pushes applied (R19: a push must not stall
// the parents' diaries).
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "crypto.h"
#include "db.h"
#include "demo_school.h"
#include "diary.h"
#include "http_server.h"
#include "journal.h"
#include "login_throttle.h"
#include "sqlite_store.h"

using namespace ej;
using namespace ej::server;

namespace {

constexpr int kParents = 40;
constexpr int kConnections = 64;
constexpr int kSeconds = 5;
constexpr int kPushEveryMs = 50;  // 20 pushes a second, each one mark.add

struct WrkFigures {
  double rps = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  long long requests = 0;
  long long errors = 0;  // non-2xx/3xx and socket errors
  bool ok = false;
};

double ToMs(const std::string& value, const std::string& unit) {
  double v = std::atof(value.c_str());
  if (unit == "us") return v / 1000;
  if (unit == "s") return v * 1000;
  if (unit == "m") return v * 60000;
  return v;
}

WrkFigures RunWrk(const std::string& args) {
  std::string cmd = "wrk -t2 -c" + std::to_string(kConnections) + " -d" + std::to_string(kSeconds) + "s --latency " +
                    args + " 2>&1";
  WrkFigures f;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return f;
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  if (pclose(pipe) != 0) {
    std::fprintf(stderr, "%s\n", out.c_str());
    return f;
  }
  std::smatch m;
  if (std::regex_search(out, m, std::regex(R"(Requests/sec:\s+([0-9.]+))"))) f.rps = std::atof(m[1].str().c_str());
  if (std::regex_search(out, m, std::regex(R"(50%\s+([0-9.]+)(us|ms|s|m))"))) f.p50_ms = ToMs(m[1].str(), m[2].str());
  if (std::regex_search(out, m, std::regex(R"(99%\s+([0-9.]+)(us|ms|s|m))"))) f.p99_ms = ToMs(m[1].str(), m[2].str());
  if (std::regex_search(out, m, std::regex(R"((\d+) requests in)"))) f.requests = std::atoll(m[1].str().c_str());
  if (std::regex_search(out, m, std::regex(R"(Non-2xx or 3xx responses:\s+(\d+))"))) f.errors += std::atoll(m[1].str().c_str());
  if (std::regex_search(out, m, std::regex(R"(Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+))"))) {
    for (int i = 1; i <= 4; ++i) f.errors += std::atoll(m[i].str().c_str());
  }
  f.ok = f.rps > 0;
  return f;
}

std::string Token(httplib::Client& c, const std::string& login, const std::string& password) {
  auto r = c.Post("/api/v1/auth/login", protocol::ToJson(protocol::LoginRequest{login, password}).dump(), "application/json");
  if (!r || r->status != 200) return {};
  return protocol::LoginResponseFromJson(protocol::ParseJson(r->body).value()).value().token;
}

// A cell a teacher may mark: a held lesson of their own group in an open period, a student of the
// group on that day.
struct Cell {
  int64_t lesson = 0;
  int64_t student = 0;
};

struct Teacher {
  std::string login;
  httplib::Headers auth;
  std::vector<Cell> cells;  // rotated over the teacher's groups
};

// What the teacher's desk would offer: their groups from the workload, each group's journal, the
// lessons before today (the latest first, at most kLessonsPerGroup), not another's substitution.
Teacher LoadTeacher(httplib::Client& c, Database& db, const std::string& login, Date today) {
  constexpr size_t kLessonsPerGroup = 10;
  Teacher t;
  t.login = login;
  std::string token = Token(c, login, std::string(kDemoPassword));
  if (token.empty()) return t;
  t.auth = {{"Authorization", "Bearer " + token}};
  int64_t me = 0;
  (void)db.Read([&](Connection& conn) {
    auto id = conn.QueryInt("SELECT person_id FROM accounts WHERE login = ?", {login}, 0);
    if (id.ok()) me = *id;
    return id.status();
  });
  auto snap = c.Get(std::string(protocol::route::kStructure), t.auth);
  if (!snap || snap->status != 200) return t;
  auto structure = StructureFromJson(protocol::ParseJson(snap->body).value());
  if (!structure.ok()) return t;
  const Structure& s = *structure;
  std::vector<std::vector<Cell>> per_group;
  std::vector<int64_t> seen_groups;
  for (const auto& w : s.workload) {
    if (w.teacher_id != me) continue;
    if (std::find(seen_groups.begin(), seen_groups.end(), w.group_id) != seen_groups.end()) continue;
    seen_groups.push_back(w.group_id);
    auto r = c.Get(std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(w.group_id), t.auth);
    if (!r || r->status != 200) continue;
    auto j = JournalFromJson(protocol::ParseJson(r->body).value());
    if (!j.ok()) continue;
    const int grade = GradeOfGroup(s, w.group_id);
    auto lessons = j->LessonsOf(w.group_id, {Date::FromDays(0), today.AddDays(-1)});
    std::reverse(lessons.begin(), lessons.end());
    std::vector<Cell> cells;
    size_t used = 0;
    for (const JournalLesson* l : lessons) {
      if (used >= kLessonsPerGroup) break;
      if (l->lesson.substitute_id != 0 && l->lesson.substitute_id != me) continue;
      const StudyPeriod* period = PeriodOf(s, grade, l->lesson.date);
      if (!period || j->locked_periods.count(period->id)) continue;
      for (int64_t student : s.GroupStudents(w.group_id, l->lesson.date)) cells.push_back({l->lesson.id, student});
      ++used;
    }
    if (!cells.empty()) per_group.push_back(std::move(cells));
  }
  // Round robin over the groups: consecutive pushes land in different groups.
  for (size_t i = 0;; ++i) {
    bool any = false;
    for (const auto& cells : per_group) {
      if (i < cells.size()) {
        t.cells.push_back(cells[i]);
        any = true;
      }
    }
    if (!any) break;
  }
  return t;
}

std::string PushOpId(uint32_t n) {
  unsigned char bytes[16] = {0xd1, 0xa7, 0x00, 0x07};
  for (int i = 0; i < 4; ++i) bytes[12 + i] = static_cast<unsigned char>(n >> (8 * i));
  return FormatUuid(bytes);
}

struct PushFigures {
  int sent = 0;
  int applied = 0;
  int mix_students = 0;  // applied marks that went to a child of the read mix
  std::vector<double> ms;
};

}  // namespace

int main() {
  if (std::system("command -v wrk >/dev/null 2>&1") != 0) {
    std::fprintf(stderr, "diary: wrk is not installed (Debian package wrk; scripts/setup installs it)\n");
    return 1;
  }
  std::string dir = (std::filesystem::temp_directory_path() / "ej-bench-diary").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/static");
  auto db = Database::Open(dir + "/ej.db", {});
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().message().c_str());
    return 1;
  }
  PasswordHasher::Params cheap;  // the diary path is measured, not Argon2id
  cheap.time_cost = 1;
  cheap.memory_kib = 256;
  PasswordHasher hasher(cheap);
  DemoOptions demo;
  demo.now = static_cast<int64_t>(std::time(nullptr));
  if (Status s = CreateDemoSchool(**db, demo, [&](std::string_view p) { return hasher.Hash(p).value(); }, nullptr);
      !s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  SqliteStore store(**db);
  LoginThrottle throttle;
  ServerContext ctx{store, hasher, throttle, [] { return static_cast<int64_t>(std::time(nullptr)); }, "bench"};
  // One worker thread serves one keep-alive connection for its life: a few threads beyond wrk's
  // connections, or the teachers' pushes would wait for one of wrk's connections to close.
  HttpServer server(ctx, HttpServer::Options{.port = 0, .static_dirs = {dir + "/static"}, .threads = kConnections + 4});
  if (!server.Bind().ok()) return 1;
  std::thread serving([&] { server.Run(); });
  int port = server.port();

  // Parents: the technical administrator issues passwords to the first kParents parents with
  // an account; each logs in and lists their children.
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(30);
  std::string admin = Token(c, "admin", std::string(kDemoPassword));
  httplib::Headers admin_auth{{"Authorization", "Bearer " + admin}};
  auto list = protocol::AccountListFromJson(protocol::ParseJson(c.Get("/api/v1/accounts", admin_auth)->body).value()).value();
  std::vector<std::pair<std::string, int64_t>> mix;  // (token, child)
  int parents = 0;
  for (const auto& a : list.accounts) {
    if (parents >= kParents) break;
    if (std::find(a.roles.begin(), a.roles.end(), Role::kParent) == a.roles.end()) continue;
    std::string token;
    if (a.login == "roditel") {
      token = Token(c, a.login, std::string(kDemoPassword));
    } else {
      auto r = c.Post("/api/v1/accounts/password", admin_auth, protocol::ToJson(protocol::AccountRef{a.account_id}).dump(),
                      "application/json");
      if (!r || r->status != 200) continue;
      auto issued = protocol::IssuedPasswordFromJson(protocol::ParseJson(r->body).value()).value();
      token = Token(c, issued.login, issued.password);
    }
    if (token.empty()) continue;
    auto kids = c.Get("/api/v1/children", httplib::Headers{{"Authorization", "Bearer " + token}});
    auto children = ChildrenFromJson(protocol::ParseJson(kids->body).value()).value();
    for (const auto& child : children) mix.push_back({token, child.student_id});
    ++parents;
  }
  if (mix.empty()) {
    std::fprintf(stderr, "diary: no parent could log in\n");
    return 1;
  }
  // Three weeks of the journal (the demo's journal runs to its date), per child.
  const char* weeks[] = {"2026-09-14", "2026-09-21", "2026-09-28"};
  std::ofstream lua(dir + "/diary.lua");
  lua << "local reqs = {}\n";
  size_t total_bytes = 0, samples = 0;
  for (size_t i = 0; i < mix.size(); ++i) {
    for (const char* week : weeks) {
      std::string path = "/api/v1/diary?student_id=" + std::to_string(mix[i].second) + "&from=" + week;
      lua << "reqs[#reqs + 1] = wrk.format(\"GET\", \"" << path << "\", {[\"Authorization\"] = \"Bearer "
          << mix[i].first << "\"})\n";
      if (samples < 30) {
        auto r = c.Get(path, httplib::Headers{{"Authorization", "Bearer " + mix[i].first}});
        if (r && r->status == 200) {
          total_bytes += r->body.size();
          ++samples;
        }
      }
    }
  }
  lua << "local n = 0\n"
         "request = function()\n"
         "  n = n % #reqs + 1\n"
         "  return reqs[n]\n"
         "end\n";
  lua.close();
  size_t size = samples ? total_bytes / samples : 1000;
  {
    std::ofstream f(dir + "/static/same-size.json");
    std::string body(size, ' ');
    body.front() = '{';
    body.back() = '}';
    f << body;
  }
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  // Warm the caches (the first diary loads the school's journal).
  c.Get("/api/v1/diary?student_id=" + std::to_string(mix[0].second),
        httplib::Headers{{"Authorization", "Bearer " + mix[0].first}});

  // Every request of the mix once, one at a time, before the load: the first asks build each
  // diary (about 3 ms each, under the store's exclusive lock) and read each reader's «seen»
  // mark; wrk then measures the steady state a parent meets between two changes. Measured
  // separately so the cold cost stays visible.
  std::vector<double> cold;
  for (const auto& [token, child] : mix) {
    for (const char* week : weeks) {
      auto t0 = std::chrono::steady_clock::now();
      c.Get("/api/v1/diary?student_id=" + std::to_string(child) + "&from=" + week,
            httplib::Headers{{"Authorization", "Bearer " + token}});
      cold.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
  }
  double cold_total = 0;
  for (double ms : cold) cold_total += ms;
  std::sort(cold.begin(), cold.end());

  // One request at a time: what a single diary costs with no queueing.
  std::vector<double> single;
  for (size_t i = 0; i < std::min<size_t>(mix.size(), 40); ++i) {
    auto t0 = std::chrono::steady_clock::now();
    c.Get("/api/v1/diary?student_id=" + std::to_string(mix[i].second) + "&from=2026-09-21",
          httplib::Headers{{"Authorization", "Bearer " + mix[i].first}});
    single.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(single.begin(), single.end());

  WrkFigures stat = RunWrk(base + "/same-size.json");
  WrkFigures diary = RunWrk("-s " + dir + "/diary.lua " + base);

  // The same reads while teachers push: one mark.add every kPushEveryMs, rotated over the
  // teachers and their groups. Every push is acknowledged before the next is sent.
  const Date today = LocalDate(static_cast<int64_t>(std::time(nullptr)));
  std::vector<Teacher> teachers;
  for (const char* login : {"uchitel", "klruk"}) {
    Teacher t = LoadTeacher(c, **db, login, today);
    if (!t.cells.empty()) teachers.push_back(std::move(t));
  }
  std::vector<int64_t> mix_children;
  for (const auto& [token, child] : mix) mix_children.push_back(child);
  PushFigures pushes;
  std::atomic<bool> stop_pushing{false};
  std::thread writer([&] {
    if (teachers.empty()) return;
    httplib::Client w("127.0.0.1", port);
    w.set_read_timeout(30);
    const char* values[] = {"5", "4", "3", "5", "4", "2"};
    auto next = std::chrono::steady_clock::now();
    uint32_t n = 0;
    for (size_t i = 0; !stop_pushing.load(); ++i) {
      next += std::chrono::milliseconds(kPushEveryMs);
      const Teacher& t = teachers[i % teachers.size()];
      const Cell& cell = t.cells[(i / teachers.size()) % t.cells.size()];
      PushRequest req;
      Operation op;
      op.op_id = PushOpId(++n);
      op.kind = std::string(op_kind::kMarkAdd);
      op.payload = MarkAddPayload(cell.lesson, cell.student, values[n % 6], "answer", "", "внесено позже");
      op.client_time = static_cast<int64_t>(std::time(nullptr)) * 1000;
      op.device = "bench";
      req.ops.push_back(std::move(op));
      auto t0 = std::chrono::steady_clock::now();
      auto r = w.Post(std::string(protocol::route::kOps), t.auth, ToJson(req).dump(), "application/json");
      pushes.ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      ++pushes.sent;
      if (r && r->status == 200) {
        auto resp = PushResponseFromJson(protocol::ParseJson(r->body).value());
        if (resp.ok() && resp->results.size() == 1 && resp->results[0].outcome == OpOutcome::kApplied) {
          ++pushes.applied;
          if (std::find(mix_children.begin(), mix_children.end(), cell.student) != mix_children.end()) {
            ++pushes.mix_students;
          }
        } else if (pushes.applied == 0 && resp.ok() && !resp->results.empty()) {
          std::fprintf(stderr, "diary: a push was not applied: %s\n", resp->results[0].error.message().c_str());
        }
      }
      std::this_thread::sleep_until(next);
    }
  });
  // Diaries built while pushing (the store counts them; -1 where it does not).
  auto diaries_built = [](auto& st) -> long long {
    if constexpr (requires { st.DiariesBuilt(); }) {
      return static_cast<long long>(st.DiariesBuilt());
    } else {
      return -1;
    }
  };
  const long long built_before = diaries_built(store);
  WrkFigures pushed = RunWrk("-s " + dir + "/diary.lua " + base);
  const long long rebuilt = built_before < 0 ? -1 : diaries_built(store) - built_before;
  stop_pushing = true;
  writer.join();
  server.Stop();
  serving.join();

  std::printf("diary: %d parents, %zu children, 3 weeks each; a week's diary is %zu bytes on average (%zu sampled)\n",
              parents, mix.size(), size, samples);
  std::printf("diary: wrk, %d connections, %d s each, 127.0.0.1, %u hardware threads\n", kConnections, kSeconds,
              std::thread::hardware_concurrency());
  std::printf("diary: first asks of the mix (each diary built): %zu in %.0f ms, median %.2f ms, slowest %.2f ms\n",
              cold.size(), cold_total, cold[cold.size() / 2], cold.back());
  std::printf("diary: one request at a time: median %.2f ms, slowest %.2f ms\n", single[single.size() / 2], single.back());
  std::printf("diary: %-28s %10s %10s %10s %10s\n", "", "req/s", "p50 ms", "p99 ms", "errors");
  std::printf("diary: %-28s %10.0f %10.2f %10.2f %10lld\n", "static file (same size)", stat.rps, stat.p50_ms, stat.p99_ms,
              stat.errors);
  std::printf("diary: %-28s %10.0f %10.2f %10.2f %10lld\n", "parent's week (GET diary)", diary.rps, diary.p50_ms,
              diary.p99_ms, diary.errors);
  std::printf("diary: %-28s %10.0f %10.2f %10.2f %10lld\n", "the same while pushing", pushed.rps, pushed.p50_ms,
              pushed.p99_ms, pushed.errors);
  std::sort(pushes.ms.begin(), pushes.ms.end());
  std::printf("diary: pushes while reading: one mark.add every %d ms by %zu teachers, %d sent, %d applied "
              "(%d to children of the read mix), push median %.1f ms, slowest %.1f ms\n",
              kPushEveryMs, teachers.size(), pushes.sent, pushes.applied, pushes.mix_students,
              pushes.ms.empty() ? 0.0 : pushes.ms[pushes.ms.size() / 2], pushes.ms.empty() ? 0.0 : pushes.ms.back());
  std::printf("diary: diaries built while pushing: %lld (the mix keeps %zu)\n", rebuilt, mix.size() * 3);
  if (stat.ok && diary.ok) {
    std::printf("diary: the diary runs at %.0f%% of the static rate (target ≥ 50%%); p99 %.1f ms (target < 50 ms)\n",
                100.0 * diary.rps / stat.rps, diary.p99_ms);
  }
  std::filesystem::remove_all(dir);
  return stat.ok && diary.ok && pushed.ok && pushes.applied > 0 ? 0 : 1;
}
