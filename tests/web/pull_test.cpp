// Pull since a cursor (issue 6, journal_pull.h), driven headlessly against the fake server with a
// fake device storage: the desk keeps the cursor with its journals; online, after its outbox is
// sent, it asks for the changes after the cursor and puts them into the kept journals (no whole
// reload); another teacher's change in a group the user may read arrives, a group the user may
// not read never does; a «resync» answer reloads the kept journals whole and keeps its cursor.
#include <doctest/doctest.h>

#include "headless_client.h"
#include "journal_pull.h"
#include "local_store.h"

namespace ej::test {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

struct Device {
  web::MemoryStorage storage;
  Device() { web::SetStorage(&storage); }
  ~Device() { web::SetStorage(nullptr); }
};

// «uchitel» (account 7, Иванова, 101): mathematics of 5А (group 1), and as class teacher of 5А
// the Russian of 5А (group 2, Смирнова's) read-only. Алексеева (104) teaches Russian of 6А
// (group 4), which Иванова may not read.
struct Pulling {
  Device device;
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  int op_counter = 0;

  Pulling() {
    server.AddSubstitutionSchool();
    server.accounts.push_back({"smirnova", "demo2026", {10, "Смирнова Ольга Викторовна", {Role::kTeacher, Role::kClassTeacher}}, 102});
    server.accounts.back().user.person_id = 102;
    server.accounts.push_back({"alekseeva", "demo2026", {11, "Алексеева Елена Николаевна", {Role::kTeacher}}, 104});
    server.accounts.back().user.person_id = 104;
    Person student;  // 6А has no students in the fake: one for Алексеева's mark
    student.id = 205;
    student.name = {"Зайцев", "Пётр", "Ильич"};
    student.roles = {Role::kStudent};
    server.structure.persons.emplace(student.id, student);
    server.structure.enrollments.push_back({5, 205, 3, D("2026-09-01"), std::nullopt});
    // Something in the log before the first start (an empty log has no cursor to keep).
    As(10, Mark(LessonOf(2, "2026-09-14"), 202, "4"));
    server.session = 7;
    client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 900));
    client->env.today = D("2026-09-14");
    client->Settle(server);
  }

  int64_t LessonOf(int64_t group, const char* iso) {
    for (const auto& [id, l] : server.journal.lessons) {
      if (l.lesson.group_id == group && l.lesson.date == D(iso)) return id;
    }
    FAIL("no lesson");
    return 0;
  }

  Operation Mark(int64_t lesson, int64_t student, const char* value) {
    Operation op;
    unsigned char bytes[16] = {0x7e, 0x57};
    bytes[15] = static_cast<unsigned char>(++op_counter);
    op.op_id = FormatUuid(bytes);
    op.kind = std::string(op_kind::kMarkAdd);
    op.payload = MarkAddPayload(lesson, student, value, "");
    return op;
  }

  // Another user's push, straight to the fake (the client's requests are all answered first).
  void As(int64_t account, const Operation& op) {
    server.AnswerAll();
    std::optional<int64_t> was = server.session;
    server.session = account;
    PushResponse response;
    server.Send(web::HttpRequest{"POST", std::string(protocol::route::kOps), ToJson(PushRequest{{op}}).dump()},
                [&](web::HttpResponse r) { response = PushResponseFromJson(protocol::ParseJson(r.body).value()).value(); });
    server.AnswerAll();
    server.session = was;
    REQUIRE(response.results.size() == 1);
    REQUIRE_MESSAGE(response.results[0].outcome == OpOutcome::kApplied, response.results[0].error.message());
  }

  int64_t Cursor() { return web::LocalStore(device.storage).LoadCursor(7); }
  std::optional<Journal> Kept(int64_t group) { return web::LocalStore(device.storage).LoadJournal(7, group, 1); }
  // Whole-journal reads of a group (GET /journal?group_id=N…).
  size_t Reads(int64_t group) {
    size_t n = 0;
    const std::string prefix = std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(group) + "&";
    for (const auto& r : server.requests) n += r.method == "GET" && r.path.compare(0, prefix.size(), prefix) == 0;
    return n;
  }
  size_t PullsWith(int64_t cursor) {
    size_t n = 0;
    const std::string path = std::string(protocol::route::kJournalChanges) + "?cursor=" + std::to_string(cursor);
    for (const auto& r : server.requests) n += r.method == "GET" && r.path == path;
    return n;
  }
  void Key(const std::string& cell, std::string_view text) {
    client->Click(cell, "cell");
    client->Type(text);
    client->Frame();
  }
  // The server's slice of the group over the range the desk keeps (the year's start to the
  // period's end), as JSON.
  std::string ServerSlice(int64_t group) {
    return ToJson(SliceForGroup(server.journal, group, DateRange{D("2026-09-01"), D("2027-05-31")})).dump();
  }
};

}  // namespace

TEST_CASE("pull: the first start keeps the cursor with the journals, nothing is pulled twice") {
  Pulling t;
  REQUIRE(t.client->app.screen() == web::Screen::kJournal);
  CHECK(t.Cursor() == 1);  // the resync answer's cursor, kept once the journals arrived
  REQUIRE(t.Kept(2).has_value());
  CHECK(ToJson(*t.Kept(2)).dump() == t.ServerSlice(2));
  CHECK(!t.Kept(4).has_value());
}

TEST_CASE("pull: after the outbox is sent, another teacher's change in a readable group arrives, a foreign group's never") {
  Pulling t;
  REQUIRE(t.Cursor() == 1);
  const size_t reads = t.Reads(2);
  const int64_t l2 = t.LessonOf(2, "2026-09-14"), l4 = t.LessonOf(4, "2026-09-14");
  // Смирнова marks in her group (Иванова reads it as class teacher), Алексеева in 6А's.
  Operation smirnova = t.Mark(l2, 201, "5");
  t.As(10, smirnova);
  Operation alekseeva = t.Mark(l4, 205, "3");
  t.As(11, alekseeva);
  CHECK(t.Kept(2)->FindMark(smirnova.op_id) == nullptr);  // not yet

  // Иванова enters a mark online: the push, then the pull after cursor 1.
  t.Key("Белов Артём · 14.09", "4");
  t.client->Settle(t.server);
  CHECK(t.client->app.desk().outbox_size() == 0);
  CHECK(t.PullsWith(1) == 1);
  CHECK(t.Reads(2) == reads);  // no whole reload
  REQUIRE(t.Kept(2).has_value());
  CHECK(t.Kept(2)->FindMark(smirnova.op_id) != nullptr);
  CHECK(ToJson(*t.Kept(2)).dump() == t.ServerSlice(2));
  // The device never holds the foreign group or its mark.
  CHECK(!t.Kept(4).has_value());
  for (const auto& [key, value] : t.device.storage.data) {
    CHECK_MESSAGE(value.find(alekseeva.op_id) == std::string::npos, key);
  }
  CHECK(t.Cursor() == 4);  // Смирнова's two marks, Алексеева's, Иванова's
  // The journal on screen is the server's too (its own mark came back as the server keeps it).
  CHECK(ToJson(*t.Kept(1)).dump() == t.ServerSlice(1));
}

TEST_CASE("pull: a «resync» answer reloads the kept journals whole and keeps the new cursor") {
  Pulling t;
  const size_t reads = t.Reads(2);
  Operation smirnova = t.Mark(t.LessonOf(2, "2026-09-14"), 201, "5");
  t.As(10, smirnova);
  // A cursor the server cannot answer from (ahead of its log: another database).
  web::LocalStore(t.device.storage).SaveCursor(7, 99);
  t.Key("Белов Артём · 14.09", "4");
  t.client->Settle(t.server);
  CHECK(t.PullsWith(99) == 1);
  CHECK(t.Reads(2) == reads + 1);  // reloaded whole
  CHECK(t.Kept(2)->FindMark(smirnova.op_id) != nullptr);
  CHECK(ToJson(*t.Kept(2)).dump() == t.ServerSlice(2));
  CHECK(t.Cursor() == 3);
}

}  // namespace ej::test
