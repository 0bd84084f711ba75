// Test helpers over real HTTP, shared by the server's API tests (journal, sync, pull, diary,
// diary feed, planning, structure, caches): answers as JSON, operations with ids unique in a run,
// a push, a journal's path, a count in the database, and the real binary started and killed
// with SIGKILL.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "db.h"
#include "demo_school.h"
#include "ops.h"
#include "protocol.h"

namespace ej::server::testing {

// ---- answers and operations ----

// The answer's body as JSON (the test stops when there is no answer or it is not JSON).
inline protocol::Json BodyOf(const httplib::Result& r) {
  REQUIRE(r);
  auto j = protocol::ParseJson(r->body);
  REQUIRE_MESSAGE(j.ok(), r->body.substr(0, 200));
  return *j;
}

// Makes a test file's operations: `Op(kind, payload, base_version)`. The ids are the file's
// prefix bytes and a counter (a UUID), so ids of different files never meet; every operation
// comes from the device "test" at the file's client time (the time a mark was added).
class OpMaker {
 public:
  OpMaker(std::initializer_list<unsigned char> prefix, int64_t client_time = 0) : client_time_(client_time) {
    size_t i = 0;
    for (unsigned char b : prefix) prefix_[i++] = b;
  }
  Operation operator()(std::string_view kind, protocol::Json payload, int64_t base_version = 0) {
    unsigned char bytes[16] = {};
    for (int i = 0; i < 12; ++i) bytes[i] = prefix_[i];
    int n = ++next_;
    for (int i = 0; i < 4; ++i) bytes[12 + i] = static_cast<unsigned char>(n >> (8 * i));
    Operation op;
    op.op_id = FormatUuid(bytes);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    op.device = "test";
    op.client_time = client_time_;
    op.base_version = base_version;
    return op;
  }

 private:
  unsigned char prefix_[12] = {};
  int64_t client_time_ = 0;
  int next_ = 0;
};

// POST /ops with the operations; the answer must be 200 with a push response.
inline PushResponse Push(httplib::Client& client, const httplib::Headers& auth, std::vector<Operation> ops) {
  auto r = client.Post(std::string(protocol::route::kOps), auth, ToJson(PushRequest{std::move(ops)}).dump(),
                       "application/json");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  auto resp = PushResponseFromJson(BodyOf(r));
  REQUIRE(resp.ok());
  return std::move(resp.value());
}
inline PushResponse Push(httplib::Client&& client, const httplib::Headers& auth, std::vector<Operation> ops) {
  return Push(client, auth, std::move(ops));
}

// GET /journal of a group (the server's default range), or over a range.
inline std::string JournalPath(int64_t group) {
  return std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(group);
}
inline std::string JournalPath(int64_t group, DateRange range) {
  return JournalPath(group) + "&from=" + range.first.Iso() + "&to=" + range.last.Iso();
}

// The one integer a query gives.
inline int64_t Count(Database& db, const std::string& sql) {
  int64_t n = 0;
  REQUIRE(db.Read([&](Connection& c) {
    n = c.QueryInt(sql, {}).value();
    return Status::Ok();
  }).ok());
  return n;
}

// ---- the real binary ----

struct Process {
  pid_t pid = -1;
  int port = 0;
};

// Starts `ejournal-server serve --port 0 --db PATH`, its output going to `log`, and waits for
// the address it prints.
inline Process StartServer(const std::string& db, const std::string& log) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    FILE* out = std::fopen(log.c_str(), "w");
    if (!out) _exit(126);
    dup2(fileno(out), STDOUT_FILENO);
    execl(EJ_SERVER_BIN, EJ_SERVER_BIN, "serve", "--port", "0", "--db", db.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  static const std::regex kAddress("http://127\\.0\\.0\\.1:([0-9]+)/");
  std::string text;
  for (int attempt = 0; attempt < 300; ++attempt) {
    std::ifstream in(log);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::smatch m;
    if (std::regex_search(text, m, kAddress)) return {pid, std::stoi(m[1])};
    usleep(100 * 1000);
  }
  kill(pid, SIGKILL);
  FAIL("the server printed no address: " << text);
  return {};
}

// SIGKILL, and waits until the process is gone.
inline void Kill(Process& p) {
  kill(p.pid, SIGKILL);
  int status = 0;
  waitpid(p.pid, &status, 0);
}

// Logs in with a demo login; the headers that carry the session.
inline httplib::Headers Login(httplib::Client& client, const char* login) {
  auto r = client.Post(std::string(protocol::route::kLogin),
                       protocol::ToJson(protocol::LoginRequest{login, std::string(kDemoPassword)}).dump(), "application/json");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return {{"Authorization", "Bearer " + protocol::LoginResponseFromJson(BodyOf(r)).value().token}};
}

}  // namespace ej::server::testing
