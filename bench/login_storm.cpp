// Login storm: how the server answers other requests while many clients log in at once.
// Argon2id costs ~40 ms and 19 MiB a hash; the server runs at most one hash at a time, so a
// storm must not stall health checks (or, later, the journal). Prints p50/p99 latency of
// GET /api/v1/health alone and during a storm of logins, and the login throughput.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "crypto.h"
#include "db.h"
#include "http_server.h"
#include "login_throttle.h"
#include "sqlite_store.h"

using namespace ej;
using namespace ej::server;
using Clock = std::chrono::steady_clock;

namespace {

struct Latencies {
  double p50 = 0, p99 = 0;
  size_t n = 0;
};

Latencies Measure(int port, std::chrono::milliseconds duration) {
  httplib::Client c("127.0.0.1", port);
  c.set_keep_alive(true);
  std::vector<double> ms;
  auto end = Clock::now() + duration;
  while (Clock::now() < end) {
    auto t0 = Clock::now();
    auto r = c.Get("/api/v1/health");
    auto t1 = Clock::now();
    if (r && r->status == 200) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  Latencies l;
  l.n = ms.size();
  if (!ms.empty()) {
    l.p50 = ms[ms.size() / 2];
    l.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  }
  return l;
}

}  // namespace

int main() {
  std::string dir = (std::filesystem::temp_directory_path() / "ej-bench-login").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = Database::Open(dir + "/ej.db", {});
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().message().c_str());
    return 1;
  }
  SqliteStore store(**db);
  PasswordHasher hasher;  // production parameters
  constexpr int kUsers = 32;
  std::string hash = hasher.Hash("пароль-для-нагрузки").value();
  for (int i = 0; i < kUsers; ++i) {
    auto id = store.AddUser({"Школа", "user" + std::to_string(i), {"Нагрузкин", "Пользователь", ""},
                             {Role::kTeacher}, hash, 0});
    if (!id.ok()) return 1;
  }
  LoginThrottle throttle;
  ServerContext ctx{store, hasher, throttle, [] { return static_cast<int64_t>(std::time(nullptr)); }, "bench"};
  HttpServer server(ctx, HttpServer::Options{.port = 0});
  if (!server.Bind().ok()) return 1;
  std::thread serving([&] { server.Run(); });

  auto quiet = Measure(server.port(), std::chrono::milliseconds(2000));

  std::atomic<bool> stop{false};
  std::atomic<int> logins{0}, refused{0};
  std::vector<std::thread> storm;
  constexpr int kStormClients = 16;
  for (int i = 0; i < kStormClients; ++i) {
    storm.emplace_back([&, i] {
      httplib::Client c("127.0.0.1", server.port());
      c.set_read_timeout(30);
      std::string body = "{\"login\":\"user" + std::to_string(i % kUsers) + "\",\"password\":\"пароль-для-нагрузки\"}";
      while (!stop) {
        auto r = c.Post("/api/v1/auth/login", body, "application/json");
        if (r && r->status == 200) logins++;
        else refused++;
      }
    });
  }
  auto t0 = Clock::now();
  auto busy = Measure(server.port(), std::chrono::milliseconds(5000));
  double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  stop = true;
  for (auto& t : storm) t.join();
  server.Stop();
  serving.join();

  std::printf("login_storm: health alone        p50 %.2f ms  p99 %.2f ms  (%zu requests)\n", quiet.p50, quiet.p99, quiet.n);
  std::printf("login_storm: health during storm p50 %.2f ms  p99 %.2f ms  (%zu requests, %d clients logging in)\n",
              busy.p50, busy.p99, busy.n, kStormClients);
  std::printf("login_storm: logins %.1f/s accepted, %d answered 429 (hash queue full)\n", logins / seconds, refused.load());
  std::filesystem::remove_all(dir);
  return 0;
}
