// The class journal (issue 5), three figures:
// 1. operations applied per second through the API: the demo teacher `uchitel` pushes 1,000
//    valid mark.add operations (lessons of their own groups, students of the group on that day)
//    to a real server on a fresh demo database; every result must come back applied;
// 2. the time to draw one frame of the journal grid (35 students × 80 lessons with marks) with
//    the client's DrawJournalScreen in a headless Dear ImGui context of 1920×1080 (target: under
//    4 ms);
// 3. the time to verify the hash chain of the demo school's operation log (the code of
//    `ejournal-server verify`).
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <imgui.h>

#include "crypto.h"
#include "db.h"
#include "demo_school.h"
#include "http_server.h"
#include "journal.h"
#include "journal_grid.h"
#include "login_throttle.h"
#include "op_log.h"
#include "screen_journal.h"
#include "sqlite_store.h"
#include "structure.h"
#include "theme.h"
#include "ui.h"

using namespace ej;
using namespace ej::server;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int64_t kDemoNow = 1'795'953'600;  // 29.11.2026, noon in Moscow (as bench_timetable)
constexpr int kBatch = 1000;                  // mark.add operations per measured run
constexpr int kPushRuns = 5;
constexpr int kVerifyRuns = 3;
constexpr int kFrames = 300;                  // measured frames (after a few warm-up frames)
constexpr int kStudents = 35;
constexpr int kLessons = 80;

double MsSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// The value at or below which `p` (0…1) of the samples lie.
double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000 + static_cast<double>(ts.tv_nsec) / 1e6;
}

bool Fail(const std::string& what) {
  std::fprintf(stderr, "journal: %s\n", what.c_str());
  return false;
}

// ---- 1. mark.add through POST /api/v1/ops ----

std::string NextOpId(uint32_t n) {
  unsigned char bytes[16] = {0xbe, 0x5c, 0x00, 0x05};
  for (int i = 0; i < 4; ++i) bytes[12 + i] = static_cast<unsigned char>(n >> (8 * i));
  return FormatUuid(bytes);
}

int64_t CountRows(Database& db, const std::string& sql) {
  int64_t n = -1;
  Status s = db.Read([&](Connection& c) {
    auto r = c.QueryInt(sql, {});
    if (!r.ok()) return r.status();
    n = *r;
    return Status::Ok();
  });
  return s.ok() ? n : -1;
}

// A (lesson, student) cell that may take one more mark.
struct Slot {
  int64_t lesson = 0;
  int64_t student = 0;
};

bool BenchOps(Database& db, PasswordHasher& hasher) {
  SqliteStore store(db);
  LoginThrottle throttle;
  ServerContext ctx{store, hasher, throttle, [] { return kDemoNow; }, "bench"};
  HttpServer server(ctx, HttpServer::Options{.port = 0});
  if (!server.Bind().ok()) return Fail("the server could not bind a port");
  std::thread serving([&] { server.Run(); });
  struct StopServer {
    HttpServer& server;
    std::thread& serving;
    ~StopServer() {
      server.Stop();
      serving.join();
    }
  } stop{server, serving};

  httplib::Client c("127.0.0.1", server.port());
  c.set_read_timeout(120);
  c.set_write_timeout(120);
  auto login = c.Post("/api/v1/auth/login", protocol::ToJson(protocol::LoginRequest{"uchitel", std::string(kDemoPassword)}).dump(),
                      "application/json");
  if (!login || login->status != 200) return Fail("uchitel could not log in");
  httplib::Headers auth{
      {"Authorization",
       "Bearer " + protocol::LoginResponseFromJson(protocol::ParseJson(login->body).value()).value().token}};

  // What the teacher's desk loads: the structure snapshot and the journal of each of their groups.
  auto snap = c.Get(std::string(protocol::route::kStructure), auth);
  if (!snap || snap->status != 200) return Fail("GET /structure failed for uchitel");
  auto structure = StructureFromJson(protocol::ParseJson(snap->body).value());
  if (!structure.ok()) return Fail(structure.status().message());
  const Structure& s = *structure;
  int64_t me = CountRows(db, "SELECT person_id FROM accounts WHERE login = 'uchitel'");
  std::vector<int64_t> groups;
  for (const auto& w : s.workload) {
    if (w.teacher_id == me && std::find(groups.begin(), groups.end(), w.group_id) == groups.end()) {
      groups.push_back(w.group_id);
    }
  }
  const Date today = LocalDate(kDemoNow);
  // Every cell of a held lesson in an open period, up to the core's 5 marks per cell: the first
  // pass gives each cell one more mark, the next pass a second one, and so on.
  std::vector<std::pair<Slot, int>> cells;  // (cell, marks it may still take)
  size_t lessons_used = 0;
  for (int64_t group : groups) {
    auto r = c.Get(std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(group), auth);
    if (!r || r->status != 200) return Fail("GET /journal failed for group " + std::to_string(group));
    auto j = JournalFromJson(protocol::ParseJson(r->body).value());
    if (!j.ok()) return Fail(j.status().message());
    const int grade = GradeOfGroup(s, group);
    for (const JournalLesson* l : j->LessonsOf(group, {Date::FromDays(0), today.AddDays(-1)})) {
      // A substituted lesson belongs to its substitute alone (R10).
      if (l->lesson.substitute_id != 0 && l->lesson.substitute_id != me) continue;
      const StudyPeriod* period = PeriodOf(s, grade, l->lesson.date);
      if (!period || j->locked_periods.count(period->id)) continue;
      std::map<int64_t, int> given;
      for (const Mark* m : j->MarksOf(l->lesson.id)) ++given[m->student_id];
      bool used = false;
      for (int64_t student : s.GroupStudents(group, l->lesson.date)) {
        int free = 5 - given[student];
        if (free <= 0) continue;
        cells.push_back({{l->lesson.id, student}, free});
        used = true;
      }
      lessons_used += used;
    }
  }
  std::vector<Slot> slots;
  for (int pass = 0; pass < 5 && slots.size() < static_cast<size_t>(kBatch * kPushRuns); ++pass) {
    for (const auto& [cell, free] : cells) {
      if (free > pass) slots.push_back(cell);
    }
  }
  if (slots.size() < static_cast<size_t>(kBatch * kPushRuns)) {
    return Fail("uchitel's groups have only " + std::to_string(slots.size()) + " free cells in open periods");
  }

  // The protocol takes at most kMaxOpsPerPush operations in one request (ops.h), so a batch of
  // 1,000 goes in as few requests as it allows, one after another, as the desk sends its outbox.
  const size_t per_push = std::min<size_t>(kBatch, kMaxOpsPerPush);
  const size_t pushes = (kBatch + per_push - 1) / per_push;
  const char* values[] = {"5", "4", "3", "5", "4", "2"};
  int64_t marks_before = CountRows(db, "SELECT COUNT(*) FROM marks");
  int64_t log_before = CountRows(db, "SELECT COUNT(*) FROM op_log");
  std::vector<double> runs;
  uint32_t next = 0;
  size_t slot = 0;
  for (int run = 0; run < kPushRuns; ++run) {
    std::vector<std::string> bodies;
    for (size_t p = 0; p < pushes; ++p) {
      PushRequest req;
      for (size_t i = 0; i < per_push && p * per_push + i < static_cast<size_t>(kBatch); ++i) {
        const Slot& cell = slots[slot++];
        Operation op;
        op.op_id = NextOpId(++next);
        op.kind = std::string(op_kind::kMarkAdd);
        // With a reason: the ones past the marking deadline need it, the others keep it in the log.
        op.payload = MarkAddPayload(cell.lesson, cell.student, values[next % 6], "answer", "", "внесено позже");
        op.client_time = kDemoNow * 1000;
        op.device = "bench";
        req.ops.push_back(std::move(op));
      }
      bodies.push_back(ToJson(req).dump());
    }
    std::vector<std::string> answers;
    auto t0 = Clock::now();
    for (const std::string& body : bodies) {
      auto r = c.Post(std::string(protocol::route::kOps), auth, body, "application/json");
      if (!r || r->status != 200) return Fail("POST /ops answered " + (r ? std::to_string(r->status) + " " + r->body : "nothing"));
      answers.push_back(r->body);
    }
    double ms = MsSince(t0);
    size_t applied = 0;
    for (const std::string& body : answers) {
      auto resp = PushResponseFromJson(protocol::ParseJson(body).value());
      if (!resp.ok()) return Fail(resp.status().message());
      for (const OpResult& r : resp->results) {
        if (r.outcome != OpOutcome::kApplied) {
          return Fail("mark.add " + r.op_id + " was not applied: " + r.error.message());
        }
        ++applied;
      }
    }
    if (applied != static_cast<size_t>(kBatch)) return Fail(std::to_string(applied) + " results for " + std::to_string(kBatch) + " ops");
    runs.push_back(ms);
    std::printf("journal: ops run %d: %d mark.add in %zu POST /api/v1/ops: %.0f ms, %.0f ops/s\n", run + 1, kBatch,
                bodies.size(), ms, kBatch / ms * 1000);
  }
  // The marks and the log entries really are there.
  int64_t added = CountRows(db, "SELECT COUNT(*) FROM marks") - marks_before;
  int64_t logged = CountRows(db, "SELECT COUNT(*) FROM op_log") - log_before;
  if (added != kBatch * kPushRuns || logged != kBatch * kPushRuns) {
    return Fail("the database gained " + std::to_string(added) + " marks and " + std::to_string(logged) + " log entries, not " +
                std::to_string(kBatch * kPushRuns));
  }
  double median = Median(runs);
  std::printf("journal: ops through the API: uchitel, %zu groups, %zu held lessons in open periods; %d × %d mark.add, "
              "%zu requests of ≤ %zu each (kMaxOpsPerPush), all applied\n",
              groups.size(), lessons_used, kPushRuns, kBatch, pushes, per_push);
  std::printf("journal: ops through the API: median %.0f ms per %d ops, %.0f ops/s (min %.0f ms, max %.0f ms)\n", median,
              kBatch, kBatch / median * 1000, *std::min_element(runs.begin(), runs.end()),
              *std::max_element(runs.begin(), runs.end()));
  return true;
}

// ---- 2. one frame of the journal grid ----

// A grade-10 class of 35 students, one mathematics group for the whole class (Mon–Fri, 2nd
// lesson), a study period of exactly its first 80 lessons, marks in about a third of the cells
// (some with two), a few absences, topics on most lessons; "today" is the day after the period.
struct SyntheticJournal {
  Structure s;
  Timetable t;
  SchoolRules rules = DefaultSchoolRules();
  Journal j;
  Actor head, teacher;
  int64_t year = 0, group = 0, period = 0;
  int64_t teacher_id = 100;
  Date today;
  int n = 0;

  Result<int64_t> Structural(std::string_view kind, protocol::Json payload) {
    Operation op;
    op.op_id = "st-" + std::to_string(++n);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    auto r = ApplyStructureOp(s, op, head);
    if (!r.ok()) return r.status();
    return r->created_id;
  }
  Status Entry(const Actor& who, std::string_view kind, protocol::Json payload) {
    Operation op;
    op.op_id = NextOpId(0x10000000u + static_cast<uint32_t>(++n));
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    Actor a = who;
    AddJournalRelations(a, s, j);
    JournalContext ctx{s, t, rules, today};
    auto r = ApplyJournalOp(j, ctx, op, a);
    return r.ok() ? Status::Ok() : r.status();
  }

  Status Make() {
    head.person_id = 1;
    head.roles = {Role::kHead};
    s.persons[1] = Person{1, {"Орлова", "Елена", "Петровна"}, std::nullopt, 'f', {Role::kHead}};
    s.persons[teacher_id] = Person{teacher_id, {"Цветкова", "Тамара", "Андреевна"}, std::nullopt, 'f', {Role::kTeacher}};
    const Date first = *Date::ParseIso("2026-09-01");
    auto y = Structural(op_kind::kYearCreate, YearCreatePayload("2026/2027", {first, *Date::ParseIso("2027-08-31")}));
    if (!y.ok()) return y.status();
    year = *y;
    auto math = Structural(op_kind::kSubjectCreate, SubjectCreatePayload("Алгебра и начала анализа", ""));
    if (!math.ok()) return math.status();
    if (auto r = Structural(op_kind::kCurriculumSet, CurriculumSetPayload(year, 10, *math, 5)); !r.ok()) return r.status();
    auto cls = Structural(op_kind::kClassCreate, ClassCreatePayload(year, 10, "А", 0));
    if (!cls.ok()) return cls.status();
    const char* last[] = {"Абрамов", "Белов", "Васильев", "Громов", "Дмитриев", "Егоров", "Жуков"};
    const char* given[] = {"Иван", "Пётр", "Максим", "Артём", "Кирилл"};
    for (int i = 0; i < kStudents; ++i) {
      StudentDraft d{{last[i % 7], given[i / 7], "Сергеевич"}, *Date::ParseIso("2010-03-03"), 'm'};
      if (auto r = Structural(op_kind::kStudentCreate, StudentCreatePayload(d, *cls, first)); !r.ok()) return r.status();
    }
    auto g = Structural(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kWholeClass, "", *math, {*cls}));
    if (!g.ok()) return g.status();
    group = *g;
    if (auto r = Structural(op_kind::kWorkloadSet, WorkloadSetPayload(teacher_id, group, 5)); !r.ok()) return r.status();
    BellSchedule bells{1, "1 смена", {}};
    for (int i = 1; i <= 7; ++i) {
      bells.slots.push_back({i, ClockTime{8 * 60 + 30 + (i - 1) * 55}, ClockTime{8 * 60 + 30 + (i - 1) * 55 + 45}});
    }
    t.bells = {bells};
    for (int wd = 1; wd <= 5; ++wd) {
      t.entries.push_back(TimetableEntry{wd, year, group, teacher_id, wd, 2, "204", WeekParity::kEvery, TimetableKind::kMain});
    }
    // The period ends on its 80th study day (Mon–Fri, no holidays in this calendar); the year's
    // lessons are generated inside periods only.
    Date last_day = first;
    for (int days = 0;; last_day = last_day.AddDays(1)) {
      if (last_day.Weekday() <= 5 && ++days == kLessons) break;
    }
    auto p = Structural(op_kind::kPeriodCreate, PeriodCreatePayload(year, "1 полугодие", {first, last_day}, 10, 10));
    if (!p.ok()) return p.status();
    period = *p;
    today = first;
    if (Status st = Entry(head, op_kind::kLessonsGenerate, LessonsGeneratePayload(year, first)); !st.ok()) return st;
    auto all = j.LessonsOf(group, {first, first.AddDays(400)});
    if (all.size() != static_cast<size_t>(kLessons)) {
      return Status(ErrorCode::kInternal, std::to_string(all.size()) + " lessons generated, not " + std::to_string(kLessons));
    }
    today = last_day.AddDays(1);
    teacher.person_id = teacher_id;
    teacher.roles = {Role::kTeacher};
    // Marks and absences by a fixed pseudo-random sequence (the same grid every run).
    uint32_t rnd = 20260901;
    auto next = [&] {
      rnd = rnd * 1664525u + 1013904223u;
      return rnd >> 8;
    };
    const char* values[] = {"5", "4", "4", "3", "5", "2", "4", "5"};
    for (int k = 0; k < kLessons; ++k) {
      const JournalLesson* l = all[static_cast<size_t>(k)];
      if (k % 5 != 4) {
        if (Status st = Entry(teacher, op_kind::kLessonSetTopic, LessonSetTopicPayload(l->lesson.id, "Тема урока №\u00A0" + std::to_string(k + 1), "x"));
            !st.ok()) {
          return st;
        }
      }
      for (int64_t student : s.GroupStudents(group, l->lesson.date)) {
        uint32_t r = next() % 100;
        if (r < 5) {
          if (Status st = Entry(teacher, op_kind::kAttendanceSet, AttendanceSetPayload(l->lesson.id, student, "н", "x")); !st.ok()) {
            return st;
          }
          continue;
        }
        int marks = r < 30 ? 1 : r < 36 ? 2 : 0;
        for (int m = 0; m < marks; ++m) {
          if (Status st = Entry(teacher, op_kind::kMarkAdd,
                                MarkAddPayload(l->lesson.id, student, values[next() % 8], m ? "control" : "answer", "", "x"));
              !st.ok()) {
            return st;
          }
        }
      }
    }
    return Status::Ok();
  }
};

bool BenchFrame() {
  SyntheticJournal sj;
  if (Status st = sj.Make(); !st.ok()) return Fail("the synthetic journal: " + st.message());
  const StudyPeriod* period = nullptr;
  for (const auto& p : sj.s.periods) {
    if (p.id == sj.period) period = &p;
  }
  if (!period) return Fail("the synthetic period is missing");
  constexpr int kBuilds = 20;
  const double build_cpu0 = ThreadCpuMs();
  auto t0 = Clock::now();
  JournalGrid grid;
  for (int i = 0; i < kBuilds; ++i) grid = BuildJournalGrid(sj.s, sj.j, sj.rules, sj.group, *period, sj.today);
  double build_ms = MsSince(t0) / kBuilds;
  double build_cpu_ms = (ThreadCpuMs() - build_cpu0) / kBuilds;
  if (grid.rows.size() != static_cast<size_t>(kStudents) || grid.columns.size() != static_cast<size_t>(kLessons)) {
    return Fail("the grid is " + std::to_string(grid.rows.size()) + " × " + std::to_string(grid.columns.size()));
  }

  ImGuiContext* context = ImGui::CreateContext();
  struct DestroyContext {
    ImGuiContext* c;
    ~DestroyContext() { ImGui::DestroyContext(c); }
  } destroy{context};
  ImGuiIO& io = ImGui::GetIO();
  theme::ConfigureIo(io);
  theme::Apply(ImGui::GetStyle());
  if (!theme::LoadFonts(io, EJ_BENCH_FONT_DIR, 1.0f)) return Fail("the fonts did not load from " EJ_BENCH_FONT_DIR);
  unsigned char* pixels = nullptr;
  int tw = 0, th = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
  io.DisplaySize = ImVec2(1920, 1080);
  io.DeltaTime = 1.0f / 60;

  web::JournalView view;
  view.bar = {"Цветкова Тамара Андреевна", "Учитель", "СОШ №\u00A017", false};
  view.groups = {{"10А — " + grid.subject, ""}};
  view.periods = {{period->name, period->range.Russian()}};
  view.grid = &grid;
  if (const GradingSystem* system = FindGradingSystem(sj.rules, grid.system_id)) {
    for (const auto& v : system->values) {
      if (IsValidCurrentMark(sj.rules, system->id, v.code).ok()) view.mark_values.push_back(v.code);
    }
  }
  for (const auto& code : sj.rules.attendance) view.attendance_codes.push_back(code.code);
  view.can_write = true;
  view.status = "Все изменения сохранены";
  web::JournalForm form;
  form.row = 10;  // a selected cell, as while a teacher types
  form.col = kLessons - 3;

  size_t cells = 0, marks_drawn = 0;
  auto frame = [&] {
    ImGui::NewFrame();
    ui::BeginFrame();
    ui::BeginScreen("##ejournal");
    web::DrawJournalScreen(view, form);
    ui::EndScreen();
    ImGui::Render();
  };
  for (int i = 0; i < 10; ++i) frame();  // layouts settle, glyphs and windows are created
  for (const ui::Widget& w : ui::Widgets()) {
    // Lesson cells only (each row also has its final's cell, labelled «… · итог»).
    if (w.kind != "cell" || w.label.ends_with(" · итог")) continue;
    ++cells;
    marks_drawn += !w.value.empty();
  }
  const ImDrawData* draw = ImGui::GetDrawData();
  int vertices = draw ? draw->TotalVtxCount : 0;
  // Wall time, and this thread's CPU time (what the frame costs when the machine is busy and the
  // thread is preempted).
  std::vector<double> ms, cpu_ms;
  for (int i = 0; i < kFrames; ++i) {
    double c0 = ThreadCpuMs();
    auto f0 = Clock::now();
    frame();
    ms.push_back(MsSince(f0));
    cpu_ms.push_back(ThreadCpuMs() - c0);
  }
  auto mean_of = [](const std::vector<double>& v) {
    double sum = 0;
    for (double m : v) sum += m;
    return sum / static_cast<double>(v.size());
  };
  if (cells == 0) return Fail("no cell of the grid was drawn");
  std::printf("journal: grid: %d students × %d lessons, %zu marks; BuildJournalGrid %.2f ms (thread CPU %.2f ms), mean of %d\n",
              kStudents, kLessons, sj.j.marks.size(), build_ms, build_cpu_ms, kBuilds);
  std::printf("journal: grid frame at 1920×1080: %zu lesson cells drawn (%zu of %d columns fit, %zu cells with an entry), "
              "%d vertices\n",
              cells, cells / kStudents, kLessons, marks_drawn, vertices);
  std::printf("journal: grid frame (NewFrame → DrawJournalScreen → Render), %d frames: mean %.2f ms, median %.2f ms, "
              "p95 %.2f ms (target < 4 ms); thread CPU time: mean %.2f ms, p95 %.2f ms\n",
              kFrames, mean_of(ms), Median(ms), Percentile(ms, 0.95), mean_of(cpu_ms), Percentile(cpu_ms, 0.95));
  return true;
}

// ---- 3. the hash chain of the demo school's log ----

bool BenchVerify(Database& db) {
  std::vector<double> runs;
  ChainReport report;
  for (int i = 0; i < kVerifyRuns; ++i) {
    Result<ChainReport> r = Status(ErrorCode::kInternal, "");
    auto t0 = Clock::now();
    Status s = db.Read([&](Connection& c) {
      r = VerifyLog(c);
      return r.ok() ? Status::Ok() : r.status();
    });
    runs.push_back(MsSince(t0));
    if (!s.ok()) return Fail(s.message());
    if (!r->first_break.empty()) return Fail("the demo log is broken: " + r->first_break);
    report = *r;
  }
  double median = Median(runs);
  std::printf("journal: verify the log (VerifyLog, as `ejournal-server verify`): %lld entries, %lld school(s): "
              "median %.0f ms of %d runs, %.0f entries/s\n",
              static_cast<long long>(report.entries), static_cast<long long>(report.schools), median, kVerifyRuns,
              static_cast<double>(report.entries) / median * 1000);
  return true;
}

}  // namespace

int main() {
  std::string dir = (std::filesystem::temp_directory_path() / "ej-bench-journal").string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  bool ok = true;
  {
    auto db = Database::Open(dir + "/ej.db", {});
    if (!db.ok()) {
      std::fprintf(stderr, "%s\n", db.status().message().c_str());
      return 1;
    }
    PasswordHasher::Params cheap;  // the journal is measured, not Argon2id
    cheap.time_cost = 1;
    cheap.memory_kib = 256;
    PasswordHasher hasher(cheap);
    DemoOptions demo;
    demo.now = kDemoNow;
    DemoSummary summary;
    auto t0 = Clock::now();
    if (Status s = CreateDemoSchool(**db, demo, [&](std::string_view p) { return hasher.Hash(p).value(); }, &summary); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
    std::printf("journal: a fresh demo school on 29.11.2026 (%lld lessons, %lld marks) made in %.0f ms, %u hardware threads\n",
                static_cast<long long>(summary.lessons), static_cast<long long>(summary.marks), MsSince(t0),
                std::thread::hardware_concurrency());
    // The log first, as the demo made it; then the pushes add to it.
    ok = BenchVerify(**db) && ok;
    ok = BenchOps(**db, hasher) && ok;
  }
  ok = BenchFrame() && ok;
  std::filesystem::remove_all(dir);
  return ok ? 0 : 1;
}
