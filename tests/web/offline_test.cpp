// Offline work (issue 6, R6), driven headlessly against the fake server with a fake device
// storage (web::MemoryStorage): what the desk keeps on the device and restores with no network,
// the badge, refused entries kept for the user's decision (a conflict with both values and the
// choice), the password asked over the desk when the session expired, logout that never loses
// unsent entries silently, the printable lesson sheet from the local copy.
#include <doctest/doctest.h>

#include "fake_derivation.h"
#include "headless_client.h"
#include "lesson_sheet.h"
#include "local_store.h"
#include "sync.h"

namespace ej::test {
namespace {

using web::Screen;

Date D(const char* iso) { return *Date::ParseIso(iso); }

std::string HtmlText(const std::string& s) { return web::HtmlEscape(s); }

// The device's storage for one test (the app finds it through web::Storage()).
struct DeviceStorage {
  web::MemoryStorage storage;
  DeviceStorage() { web::SetStorage(&storage); }
  ~DeviceStorage() { web::SetStorage(nullptr); }
  size_t KeysStartingWith(const std::string& prefix) const {
    size_t n = 0;
    for (const auto& [k, v] : storage.data) n += k.compare(0, prefix.size(), prefix) == 0;
    return n;
  }
};

// «uchitel» (account 7, Иванова, 101: mathematics of 5А), 14.09.2026. A new client is a reload
// (or a browser restart): the same device storage, a new App.
struct Offline {
  DeviceStorage device;
  DerivationScope derivation;  // the platform's PBKDF2 (offline_unlock.h)
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  int reloads = 0;
  Offline() {
    server.AddJournalSchool();
    // Signed in on this device by typing the password: the offline start needs it again.
    Reload();
    c().Fill("Логин", "uchitel");
    c().Fill("Пароль", "demo2026");
    c().Click("Войти", "button");
    c().Settle(server);
  }
  // A start with no network asks for the last user's password (a shared computer) and opens
  // the device's copy with it.
  void UnlockOffline() {
    REQUIRE(c().app.screen() == Screen::kLogin);
    c().Fill("Пароль", "demo2026");
    c().Click("Войти", "button");
    c().Settle(server);
  }
  void Reload(ImVec2 size = ImVec2(1366, 900), bool settle = true) {
    client.reset();
    client = std::make_unique<HeadlessClient>(server, size);
    client->env.today = D("2026-09-14");
    // The fake's "random" bytes start over with every client; a browser's never do: skip the
    // ids the clients before this one made.
    unsigned char skip[85];  // the fake repeats every 256 bytes: up to 5 ops a client stay apart
    for (int i = 0; i < reloads; ++i) client->env.RandomBytes(skip, sizeof skip);
    ++reloads;
    if (settle) c().Settle(server);
  }
  HeadlessClient& c() { return *client; }
  const web::JournalDesk& desk() { return client->app.desk(); }
  void Key(const std::string& cell, std::string_view text) {
    c().Click(cell, "cell");
    c().Type(text);
    c().Frame();
  }
  size_t ServerMarks(int64_t student) {
    size_t n = 0;
    for (const auto& [id, m] : server.journal.marks) n += m.student_id == student;
    return n;
  }
};

TEST_CASE("the badge: online, offline, sending N, N need attention (attention first)") {
  CHECK(web::BadgeOf(false, 0, 0).text == "В сети");
  CHECK(web::BadgeOf(true, 3, 0).text == "Нет сети");
  CHECK(web::BadgeOf(false, 3, 0).text == "Отправка: 3");
  CHECK(web::BadgeOf(true, 3, 2).text == "Требуют внимания: 2");
  CHECK(web::BadgeOf(false, 0, 1).kind == web::BadgeKind::kAttention);
}

TEST_CASE("retries back off: 2, 4, 8 … up to 60 s, and start again after a success") {
  web::Backoff b;
  CHECK(b.Next() == 2);
  CHECK(b.Next() == 4);
  CHECK(b.Next() == 8);
  for (int i = 0; i < 10; ++i) b.Next();
  CHECK(b.Next() == 60);
  b.Reset();
  CHECK(b.Next() == 2);
}

TEST_CASE("the local store: outbox and journals per user, logout wipes only with nothing unsent") {
  web::MemoryStorage storage;
  web::LocalStore store(storage);
  Operation op;
  op.op_id = "3f2a0000-0000-4000-8000-000000000001";
  op.kind = std::string(op_kind::kMarkAdd);
  op.payload = MarkAddPayload(5, 201, "4", "");
  store.SaveOutbox(7, {op});
  store.SaveJournal(7, 1, 1, Journal());
  store.SaveJournal(8, 1, 1, Journal());
  store.SaveUser({{7, "Иванова Анна Сергеевна", {Role::kTeacher}, 101}, "Школа № 1"});
  REQUIRE(store.LoadOutbox(7).size() == 1);
  CHECK(store.LoadOutbox(7)[0].op_id == op.op_id);
  CHECK(store.LoadOutbox(8).empty());
  CHECK(store.LastUser()->user.id == 7);
  // Unsent entries: the wipe is refused and nothing goes.
  CHECK(!store.Wipe(7));
  CHECK(store.LoadJournal(7, 1, 1).has_value());
  store.SaveOutbox(7, {});
  CHECK(store.Wipe(7));
  CHECK(!store.LoadJournal(7, 1, 1).has_value());
  CHECK(!store.LastUser().has_value());
  CHECK(store.LoadJournal(8, 1, 1).has_value());  // another user's copy stays
}

TEST_CASE("the desk keeps the current and the previous period of each group on the device") {
  Offline t;
  const Structure* s = nullptr;
  (void)s;
  auto kept = t.device.KeysStartingWith("ej/7/journal/");
  CHECK(kept >= 2);
  CHECK(t.device.storage.data.count("ej/7/structure") == 1);
  CHECK(t.device.storage.data.count("ej/7/rules") == 1);
  CHECK(t.device.storage.data.count("ej/last_user") == 1);
}

TEST_CASE("offline: entries wait on the device, survive a reload with no network, then reach the server once") {
  Offline t;
  CHECK(t.c().Get("В сети", "badge").value == "В сети");
  t.server.unreachable = true;
  t.Key("Белов Артём · 14.09", "5");
  t.Key("Андреева Дарья · 14.09", "н");
  t.c().Settle(t.server);
  CHECK(t.desk().outbox_size() == 2);
  CHECK(t.c().Has("Нет сети", "badge"));

  // A reload with no network: /me fails, the device's user and copy open the desk once the
  // password is typed again.
  t.Reload();
  t.UnlockOffline();
  REQUIRE(t.c().app.screen() == Screen::kJournal);
  CHECK(t.desk().outbox_size() == 2);
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value == "5");
  CHECK(t.c().Get("Андреева Дарья · 14.09", "cell").value == "н");
  CHECK(t.c().Has("Нет сети", "badge"));
  // More entries offline after the reload.
  t.Key("Григорьева Алиса · 14.09", "4");
  CHECK(t.desk().outbox_size() == 3);
  CHECK(t.ServerMarks(201) == 0);

  // The network is back: the retry (with backoff) sends everything, once.
  t.server.unreachable = false;
  t.c().Frame(61.0f);
  t.c().Settle(t.server);
  CHECK(t.desk().outbox_size() == 0);
  CHECK(t.ServerMarks(201) == 1);
  CHECK(t.ServerMarks(204) == 1);
  CHECK(t.c().Has("В сети", "badge"));
  // The device's outbox is empty too: another reload sends nothing again.
  size_t pushed = t.server.ops.size();
  t.Reload();
  t.c().Settle(t.server);
  CHECK(t.server.ops.size() == pushed);
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value == "5");
}

TEST_CASE("after a reload the device's journal stays on screen and takes a click while the server's answers come in any order") {
  Offline t;
  t.Reload(ImVec2(1366, 900), false);
  REQUIRE(t.server.AnswerFirst(protocol::route::kMe));
  t.c().Frame();
  REQUIRE(t.c().app.screen() == Screen::kJournal);
  // The device's copy is drawn before the server has answered anything else.
  REQUIRE(t.c().Has("14.09", "header"));
  // A press on a lesson's header; the school's rules arrive before the journal, then the
  // release: the grid never left the screen, so the click opens the lesson.
  const ui::Widget header = t.c().Get("14.09", "header");
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(header.x + header.w / 2, header.y + header.h / 2);
  t.c().Frame();
  io.MouseDown[0] = true;
  t.c().Frame();
  REQUIRE(t.server.AnswerFirst(protocol::route::kRules));
  t.c().Frame();
  CHECK(t.c().Has("14.09", "header"));
  io.MouseDown[0] = false;
  t.c().Frame();
  t.c().Frame();
  CHECK(t.c().Has("Тема", "input"));
  // The structure and the server's journal replace the device's copy: the lesson stays open.
  t.c().Settle(t.server);
  CHECK(t.c().Has("Тема", "input"));
  CHECK(t.c().Get("14.09", "header").selected);
}

TEST_CASE("a change waiting for its reason survives a reload, blocks a silent logout, and is sent with the reason") {
  Offline t;
  // 01.09 is past the mark deadline: the change waits in the correction prompt.
  t.Key("Белов Артём · 01.09", "4");
  REQUIRE(t.desk().correction_pending());
  size_t sent = t.server.ops.size();
  CHECK(t.device.KeysStartingWith(web::LocalStore::Prefix(7) + "pending") == 1);

  t.Reload();
  REQUIRE(t.c().app.screen() == Screen::kJournal);
  REQUIRE(t.desk().correction_pending());
  CHECK(t.c().Has("Нужна причина исправления"));
  CHECK(web::LocalStore(t.device.storage).Unsent(7) == 1);
  // Logout does not drop it silently.
  t.c().Click("Выйти");
  t.c().Settle(t.server);
  CHECK(t.c().app.screen() == Screen::kJournal);
  CHECK(t.c().Has("Есть неотправленные записи", "heading"));
  t.c().Click("Остаться");
  t.c().Settle(t.server);

  t.c().Fill("Причина", "болел, писал работу позже");
  t.c().Click("Сохранить с причиной");
  t.c().Settle(t.server);
  CHECK_FALSE(t.desk().correction_pending());
  REQUIRE(t.server.ops.size() == sent + 1);
  CHECK(t.server.ops.back().payload["reason"] == "болел, писал работу позже");
  CHECK(t.device.KeysStartingWith(web::LocalStore::Prefix(7) + "pending") == 0);
  // Cancelled, it is gone from the device too.
  t.Key("Григорьева Алиса · 01.09", "5");
  REQUIRE(t.desk().correction_pending());
  t.c().Click("Отменить изменение");
  t.c().Frame();
  t.Reload();
  CHECK_FALSE(t.desk().correction_pending());
}

TEST_CASE("a conflict is kept with both values: «Оставить моё» sends mine over the server's") {
  Offline t;
  int64_t lesson = t.desk().grid()->columns[9].lesson_id;  // 14.09
  t.server.journal.attendance[{lesson, 201}] = AttendanceMark{lesson, 201, "б", 1};
  t.Key("Белов Артём · 14.09", "н");
  t.c().Settle(t.server);
  REQUIRE(t.desk().attention().size() == 1);
  CHECK(t.desk().attention()[0].outcome == OpOutcome::kConflict);
  CHECK(t.c().Has("Требуют внимания: 1", "badge"));
  // The dialog over the desk shows both values.
  CHECK(t.c().Has("Требуют внимания", "heading"));
  CHECK(t.c().Has("Ваше значение: «н»."));
  bool theirs = false;
  for (const ui::Widget& w : t.c().All("error")) theirs = theirs || w.label.find("«б»") != std::string::npos;
  CHECK(theirs);
  // Kept on the device until decided.
  CHECK(t.device.storage.data["ej/7/attention"].find("attendance.set") != std::string::npos);
  t.c().Click("Оставить моё");
  t.c().Settle(t.server);
  CHECK(t.desk().attention().empty());
  CHECK(t.server.journal.FindAttendance(lesson, 201)->code == "н");
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value == "н");
  CHECK(t.c().Has("В сети", "badge"));
}

TEST_CASE("a conflict resolved with «Оставить как на сервере» drops mine, the server's value stays") {
  Offline t;
  int64_t lesson = t.desk().grid()->columns[9].lesson_id;
  t.server.journal.attendance[{lesson, 201}] = AttendanceMark{lesson, 201, "б", 1};
  t.Key("Белов Артём · 14.09", "н");
  t.c().Settle(t.server);
  REQUIRE(t.desk().attention().size() == 1);
  size_t pushed = t.server.ops.size();
  t.c().Click("Оставить как на сервере");
  t.c().Settle(t.server);
  CHECK(t.desk().attention().empty());
  CHECK(t.server.ops.size() == pushed);
  CHECK(t.server.journal.FindAttendance(lesson, 201)->code == "б");
  CHECK(t.device.storage.data["ej/7/attention"] == "[]");
}

TEST_CASE("logout with unsent entries warns and keeps them, with none it wipes the device's copy") {
  Offline t;
  t.server.unreachable = true;
  t.Key("Белов Артём · 14.09", "5");
  t.c().Click("Выйти");
  CHECK(t.c().Has("Есть неотправленные записи", "heading"));
  CHECK(t.c().app.screen() == Screen::kJournal);
  t.c().Click("Остаться");
  CHECK(!t.c().Has("Есть неотправленные записи", "heading"));
  CHECK(t.desk().outbox_size() == 1);
  CHECK(t.device.storage.data["ej/7/outbox"].find("mark.add") != std::string::npos);

  t.server.unreachable = false;
  t.c().Frame(61.0f);
  t.c().Settle(t.server);
  CHECK(t.desk().outbox_size() == 0);
  t.c().Click("Выйти");
  t.c().Settle(t.server);
  CHECK(t.c().app.screen() == Screen::kLogin);
  CHECK(t.device.KeysStartingWith("ej/7/") == 0);
  CHECK(t.device.storage.data.count("ej/last_user") == 0);
}

TEST_CASE("a session that expired while offline asks for the password over the desk, then sends the outbox") {
  Offline t;
  t.server.unreachable = true;
  t.Key("Белов Артём · 14.09", "5");
  t.c().Settle(t.server);
  t.server.session.reset();  // expired meanwhile
  t.server.unreachable = false;
  t.c().Frame(61.0f);
  t.c().Settle(t.server);
  REQUIRE(t.c().app.screen() == Screen::kJournal);
  CHECK(t.c().Has("Сеанс истёк", "heading"));
  CHECK(t.desk().outbox_size() == 1);
  CHECK(t.ServerMarks(201) == 0);
  t.c().Fill("Логин", "uchitel");  // not typed on this device (the session was there already)
  t.c().Fill("Пароль", "неверный");
  t.c().Click("Войти и отправить");
  t.c().Settle(t.server);
  CHECK(t.c().Has("Неверный логин или пароль.", "error"));
  t.c().Fill("Пароль", "demo2026");
  t.c().Click("Войти и отправить");
  t.c().Settle(t.server);
  CHECK(!t.c().Has("Сеанс истёк", "heading"));
  CHECK(t.desk().outbox_size() == 0);
  CHECK(t.ServerMarks(201) == 1);
}

TEST_CASE("the password typed when the session expired is the one the next offline start asks for") {
  Offline t;
  // The password was changed elsewhere (the deputy issued a new one) and the session ended.
  t.server.accounts[0].password = "Новый-пароль-7";
  t.server.session.reset();
  t.Key("Белов Артём · 14.09", "5");
  t.c().Settle(t.server);
  REQUIRE(t.c().Has("Сеанс истёк", "heading"));
  t.c().Fill("Логин", "uchitel");
  t.c().Fill("Пароль", "Новый-пароль-7");
  t.c().Click("Войти и отправить");
  t.c().Settle(t.server);
  REQUIRE(!t.c().Has("Сеанс истёк", "heading"));
  CHECK(t.desk().outbox_size() == 0);
  // No network at the next start: the old password no longer opens the device's copy, the new one does.
  t.server.unreachable = true;
  t.Reload();
  REQUIRE(t.c().app.screen() == Screen::kLogin);
  t.c().Fill("Пароль", "demo2026");
  t.c().Click("Войти", "button");
  t.c().Settle(t.server);
  CHECK(t.c().app.screen() == Screen::kLogin);
  t.c().Fill("Пароль", "Новый-пароль-7");
  t.c().Click("Войти", "button");
  t.c().Settle(t.server);
  CHECK(t.c().app.screen() == Screen::kJournal);
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value == "5");
}

TEST_CASE("the lesson sheet is made from the local copy with no network: school, class, subject, date, teacher, the list") {
  Offline t;
  t.server.unreachable = true;
  std::string html = t.desk().LessonSheet("Школа № 1");
  CHECK(html.find("Лист урока") != std::string::npos);
  CHECK(html.find("Школа № 1") != std::string::npos);
  CHECK(html.find("5А") != std::string::npos);
  CHECK(html.find("Математика") != std::string::npos);
  CHECK(html.find("14.09.2026") != std::string::npos);
  CHECK(html.find("Учитель") != std::string::npos);
  CHECK(html.find("Андреева Дарья") != std::string::npos);
  CHECK(html.find("Григорьева Алиса") != std::string::npos);
  CHECK(html.find("Посещаемость") != std::string::npos);
  // Alphabetical: Андреева before Белов before Григорьева.
  CHECK(html.find("Андреева") < html.find("Белов"));
  CHECK(html.find("Белов") < html.find("Григорьева"));
  // «Лист урока» hands the page to the platform.
  std::string printed;
  web::SetPrintHook([&](const std::string& page) { printed = page; });
  t.c().Click("Лист урока");
  web::SetPrintHook(nullptr);
  CHECK(printed == t.desk().LessonSheet(t.server.school));
  CHECK(printed.find(HtmlText(t.server.school)) != std::string::npos);
  CHECK(web::HtmlEscape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;");
}

}  // namespace
}  // namespace ej::test
