// Sync (issue 6, R6): what offline work costs. Against a real server (durable SQLite,
// synchronous=FULL) on the demo school of today:
//   1. the server applying a pushed batch of 5,000 operations (mark.add of the teacher
//      «uchitel», sent as the client does: slices of kMaxOpsPerPush, each one transaction);
//      target: under 2 s on 2 cores;
//   2. the teacher's initial pull: the structure, the rules and the journals the device keeps
//      (current and previous period of every group, web::JournalsToKeep), as the desk asks;
//   3. the client's load of its local store at start (web::LocalStore over an in-memory
//      storage holding what the pull brought and an outbox of 5,000 operations): structure,
//      rules, outbox, and every kept journal parsed. Natively; in the browser wasm is slower.
//   4. the incremental pull since a cursor (GET /journal/changes, journal_pull.h) after N
//      changes, with the changes applied to the kept journals on the device as the desk does
//      (load, ApplyGroupChanges, save), next to the full initial pull of 2.
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "crypto.h"
#include "db.h"
#include "demo_school.h"
#include "http_server.h"
#include "journal.h"
#include "journal_pull.h"
#include "local_store.h"
#include "login_throttle.h"
#include "sqlite_store.h"

using namespace ej;
using namespace ej::server;

namespace {

constexpr size_t kOps = 5000;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::string Uuid(uint32_t n) {
  unsigned char bytes[16] = {0x5b, 0xe4};
  for (int i = 0; i < 4; ++i) bytes[12 + i] = static_cast<unsigned char>(n >> (8 * i));
  return FormatUuid(bytes);
}

}  // namespace

int main() {
  std::string dir = (std::filesystem::temp_directory_path() / "ej-bench-sync").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = Database::Open(dir + "/ej.db", {.durable = true});
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().message().c_str());
    return 1;
  }
  PasswordHasher::Params cheap;  // logins are not measured here
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
  HttpServer server(ctx, HttpServer::Options{.port = 0});
  if (!server.Bind().ok()) return 1;
  std::thread serving([&] { server.Run(); });
  httplib::Client c("127.0.0.1", server.port());
  c.set_read_timeout(120);

  auto login = c.Post(std::string(protocol::route::kLogin),
                      protocol::ToJson(protocol::LoginRequest{"uchitel", std::string(kDemoPassword)}).dump(), "application/json");
  if (!login || login->status != 200) {
    std::fprintf(stderr, "sync: login failed\n");
    return 1;
  }
  httplib::Headers auth{{"Authorization", "Bearer " + protocol::LoginResponseFromJson(*protocol::ParseJson(login->body)).value().token}};

  // ---- 2. The initial pull (first: it also gives the lessons for the batch) ----
  auto t0 = std::chrono::steady_clock::now();
  size_t bytes = 0;
  auto me_r = c.Get(std::string(protocol::route::kMe), auth);
  auto structure_r = c.Get(std::string(protocol::route::kStructure), auth);
  auto rules_r = c.Get(std::string(protocol::route::kRules), auth);
  if (!me_r || !structure_r || !rules_r || structure_r->status != 200) return 1;
  bytes += me_r->body.size() + structure_r->body.size() + rules_r->body.size();
  auto me = protocol::MeResponseFromJson(*protocol::ParseJson(me_r->body)).value();
  Structure s = StructureFromJson(*protocol::ParseJson(structure_r->body)).value();
  std::vector<int64_t> groups;
  for (const auto& w : s.workload) {
    if (w.teacher_id == me.user.person_id) groups.push_back(w.group_id);
  }
  Date today = LocalDate(static_cast<int64_t>(std::time(nullptr)));
  std::vector<web::KeptJournal> kept = web::JournalsToKeep(s, groups, today);
  web::MemoryStorage device;
  web::LocalStore local(device);
  std::vector<std::pair<web::KeptJournal, Journal>> journals;
  for (const web::KeptJournal& k : kept) {
    auto r = c.Get(std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(k.group_id) +
                   "&from=" + k.range.first.Iso() + "&to=" + k.range.last.Iso(), auth);
    if (!r || r->status != 200) return 1;
    bytes += r->body.size();
    Journal j = JournalFromJson(*protocol::ParseJson(r->body)).value();
    local.SaveJournal(me.user.id, k.group_id, k.period_id, j);
    journals.push_back({k, std::move(j)});
  }
  double pull = Seconds(t0);
  local.SaveStructure(me.user.id, structure_r->body);
  local.SaveRules(me.user.id, rules_r->body);

  // ---- 4. (set-up) The cursor the device keeps after its initial pull ----
  auto changes = [&](int64_t cursor, size_t* body) -> JournalPull {
    auto r = c.Get(std::string(protocol::route::kJournalChanges) + (cursor ? "?cursor=" + std::to_string(cursor) : ""), auth);
    if (!r || r->status != 200) return ResyncPull(-1);
    if (body) *body = r->body.size();
    return JournalPullFromJson(*protocol::ParseJson(r->body)).value();
  };
  const int64_t cursor0 = changes(0, nullptr).cursor;
  // The desk's incremental pull: ask, then bring every kept journal the answer concerns up to date.
  struct Incremental {
    double seconds = 0;
    size_t bytes = 0, groups = 0;
    int64_t cursor = 0;
    bool resync = false;
  };
  auto incremental = [&](int64_t cursor) {
    Incremental out;
    auto t = std::chrono::steady_clock::now();
    JournalPull p = changes(cursor, &out.bytes);
    out.resync = p.resync;
    out.cursor = p.cursor;
    out.groups = p.groups.size();
    for (const web::KeptJournal& k : kept) {
      for (const GroupChanges& g : p.groups) {
        if (g.group_id != k.group_id) continue;
        auto j = local.LoadJournal(me.user.id, k.group_id, k.period_id);
        if (!j) continue;
        ApplyGroupChanges(*j, k.group_id, k.range, g, p.locked_periods);
        local.SaveJournal(me.user.id, k.group_id, k.period_id, *j);
      }
    }
    out.seconds = Seconds(t);
    return out;
  };

  // ---- 1. A pushed batch of 5,000 operations ----
  std::vector<Operation> ops;
  for (size_t round = 0; ops.size() < kOps && round < 20; ++round) {
    for (const auto& [k, j] : journals) {
      for (const JournalLesson* l : j.LessonsOf(k.group_id, {today.AddDays(-60), today})) {
        for (int64_t student : s.GroupStudents(k.group_id, l->lesson.date)) {
          if (ops.size() >= kOps) break;
          Operation op;
          op.op_id = Uuid(static_cast<uint32_t>(ops.size() + 1));
          op.kind = std::string(op_kind::kMarkAdd);
          op.payload = MarkAddPayload(l->lesson.id, student, "4", "answer", "", "запись с бумажного листа");
          op.client_time = static_cast<int64_t>(std::time(nullptr)) * 1000;
          op.device = "bench";
          ops.push_back(std::move(op));
        }
      }
    }
  }
  if (ops.size() < kOps) {
    std::fprintf(stderr, "sync: only %zu operations could be made\n", ops.size());
    return 1;
  }
  size_t applied = 0, refused = 0;
  auto t1 = std::chrono::steady_clock::now();
  for (size_t at = 0; at < ops.size(); at += kMaxOpsPerPush) {
    PushRequest request;
    request.ops.assign(ops.begin() + static_cast<long>(at), ops.begin() + static_cast<long>(std::min(ops.size(), at + kMaxOpsPerPush)));
    auto r = c.Post(std::string(protocol::route::kOps), auth, ToJson(request).dump(), "application/json");
    if (!r || r->status != 200) {
      std::fprintf(stderr, "sync: push failed\n");
      return 1;
    }
    PushResponse answer = PushResponseFromJson(*protocol::ParseJson(r->body)).value();
    for (const OpResult& res : answer.results) {
      (res.outcome == OpOutcome::kApplied ? applied : refused)++;
    }
  }
  double push = Seconds(t1);

  // ---- 4. The incremental pull after the 5,000, then after 50 more (absences) ----
  Incremental after_batch = incremental(cursor0);
  std::vector<Operation> few;
  for (const auto& [k, j] : journals) {
    for (const JournalLesson* l : j.LessonsOf(k.group_id, {today.AddDays(-60), today})) {
      for (int64_t student : s.GroupStudents(k.group_id, l->lesson.date)) {
        if (few.size() >= 50 || j.FindAttendance(l->lesson.id, student)) continue;
        Operation op;
        op.op_id = Uuid(static_cast<uint32_t>(kOps + few.size() + 1));
        op.kind = std::string(op_kind::kAttendanceSet);
        op.payload = AttendanceSetPayload(l->lesson.id, student, "н", "запись с бумажного листа");
        op.client_time = static_cast<int64_t>(std::time(nullptr)) * 1000;
        op.device = "bench";
        few.push_back(std::move(op));
      }
    }
  }
  c.Post(std::string(protocol::route::kOps), auth, ToJson(PushRequest{few}).dump(), "application/json");
  Incremental after_few = incremental(after_batch.cursor);

  // ---- 3. The client's start from its local store ----
  local.SaveOutbox(me.user.id, ops);
  size_t stored = 0;
  for (const auto& [k, v] : device.data) stored += v.size();
  auto t2 = std::chrono::steady_clock::now();
  auto ls = local.LoadStructure(me.user.id);
  auto lr = local.LoadRules(me.user.id);
  auto outbox = local.LoadOutbox(me.user.id);
  size_t loaded = 0;
  for (const web::KeptJournal& k : kept) loaded += local.LoadJournal(me.user.id, k.group_id, k.period_id).has_value();
  double start = Seconds(t2);
  if (!ls || !lr || outbox.size() != kOps || loaded != kept.size()) {
    std::fprintf(stderr, "sync: the local store did not give back what was stored\n");
    return 1;
  }

  std::printf("sync: server applies a pushed batch of %zu operations (%zu requests of up to %zu, synchronous=FULL): "
              "%.2f s (%.0f ops/s; applied %zu, refused %zu); target < 2 s\n",
              ops.size(), (ops.size() + kMaxOpsPerPush - 1) / kMaxOpsPerPush, kMaxOpsPerPush, push, ops.size() / push,
              applied, refused);
  std::printf("sync: teacher's initial pull (me, structure, rules, %zu journals: current and previous period of %zu groups): "
              "%.2f s, %.1f MB\n",
              kept.size(), groups.size(), pull, bytes / 1e6);
  std::printf("sync: client's load of its local store at start (%.1f MB: structure, rules, %zu journals, outbox of %zu): "
              "%.2f s natively\n",
              stored / 1e6, kept.size(), outbox.size(), start);
  for (const auto& [n, inc] : {std::pair<size_t, Incremental>{kOps, after_batch}, {few.size(), after_few}}) {
    std::printf("sync: incremental pull since a cursor after %zu changes (%zu of %zu groups answered, applied to the "
                "kept journals): %.3f s, %.2f MB%s; the full initial pull: %.2f s\n",
                n, inc.groups, groups.size(), inc.seconds, inc.bytes / 1e6, inc.resync ? " (RESYNC)" : "", pull);
  }
  server.Stop();
  serving.join();
  std::filesystem::remove_all(dir);
  return applied == kOps ? 0 : 1;
}
