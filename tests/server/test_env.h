// Test helpers for the server: a temp folder, a database with one user, a real server on a
// free port with a controllable clock.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "crypto.h"
#include "demo_school.h"
#include "db.h"
#include "http_server.h"
#include "login_throttle.h"
#include "sqlite_store.h"

namespace ej::server::testing {

// A fresh folder under /tmp, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ejtest-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (std::filesystem::path(path_) / name).string(); }

 private:
  std::string path_;
};

// Cheap Argon2id parameters: the same code path, milliseconds instead of tens of them.
inline PasswordHasher::Params FastHashing() {
  PasswordHasher::Params p;
  p.time_cost = 1;
  p.memory_kib = 256;
  return p;
}

inline constexpr const char* kTeacherLogin = "petrova";
inline constexpr const char* kTeacherPassword = "Пароль-учителя-1";

// A real server over a real SQLite file, with one teacher account.
class TestServer {
 public:
  TestServer() : hasher_(FastHashing()) {
    auto db = Database::Open(dir_.File("ej.db"), {.durable = false});
    REQUIRE(db.ok());
    db_ = std::move(db.value());
    store_ = std::make_unique<SqliteStore>(*db_);
    auto hash = hasher_.Hash(kTeacherPassword);
    REQUIRE(hash.ok());
    auto id = store_->AddUser(NewUser{"СОШ № 1", kTeacherLogin, {"Петрова", "Анна", "Сергеевна"},
                                      {Role::kTeacher, Role::kClassTeacher}, *hash, 1000});
    REQUIRE(id.ok());
    teacher_id_ = *id;
    ctx_ = std::make_unique<ServerContext>(ServerContext{*store_, hasher_, throttle_,
                                                         [this] { return now_.load(); }, "test"});
    server_ = std::make_unique<HttpServer>(*ctx_, HttpServer::Options{.port = 0, .threads = 8});
    REQUIRE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~TestServer() {
    server_->Stop();
    thread_.join();
  }

  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(5);
    c.set_read_timeout(10);
    return c;
  }
  void Advance(int64_t seconds) { now_ += seconds; }
  int64_t teacher_id() const { return teacher_id_; }
  Store& store() { return *store_; }

 private:
  TempDir dir_;
  PasswordHasher hasher_;
  LoginThrottle throttle_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<ServerContext> ctx_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::atomic<int64_t> now_{1'800'000'000};
  int64_t teacher_id_ = 0;
};

// A real server over the demo school (cheap hashing for the demo password).
class DemoServer {
 public:
  DemoServer() : hasher_(FastHashing()) {
    auto db = Database::Open(dir_.File("demo.db"), {.durable = false});
    REQUIRE(db.ok());
    db_ = std::move(db.value());
    DemoOptions options;
    options.now = 1'790'000'000;
    Status s = CreateDemoSchool(*db_, options, [&](std::string_view p) { return hasher_.Hash(p).value(); }, &summary_);
    REQUIRE_MESSAGE(s.ok(), s.message());
    store_ = std::make_unique<SqliteStore>(*db_);
    ctx_ = std::make_unique<ServerContext>(ServerContext{*store_, hasher_, throttle_, [] { return int64_t{1'795'000'000}; }, "test"});
    server_ = std::make_unique<HttpServer>(*ctx_, HttpServer::Options{.port = 0, .threads = 8});
    REQUIRE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~DemoServer() {
    server_->Stop();
    thread_.join();
  }

  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(20);
    return c;
  }
  // Logs in with the demo password and returns the bearer header.
  httplib::Headers As(const std::string& login) const {
    auto r = Client().Post(std::string(protocol::route::kLogin),
                           protocol::ToJson(protocol::LoginRequest{login, std::string(kDemoPassword)}).dump(),
                           "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    auto body = protocol::LoginResponseFromJson(protocol::ParseJson(r->body).value());
    REQUIRE(body.ok());
    return {{"Authorization", "Bearer " + body->token}};
  }
  Database& db() { return *db_; }
  SqliteStore& store() { return *store_; }
  const DemoSummary& summary() const { return summary_; }
  std::string db_path() const { return dir_.File("demo.db"); }

 private:
  TempDir dir_;
  PasswordHasher hasher_;
  LoginThrottle throttle_;
  DemoSummary summary_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<ServerContext> ctx_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

}  // namespace ej::server::testing
