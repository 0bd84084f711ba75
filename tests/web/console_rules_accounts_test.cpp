// «Правила школы» and «Учётные записи» against the fake server, which applies rules.update
// with the core (ApplyRulesUpdate) and decides account work with the core
// (AuthorizeAccountWork), as the real server does.
#include <doctest/doctest.h>

#include <string>

#include "headless_client.h"
#include "school_rules.h"

namespace ej::test {
namespace {

using web::ConsolePage;
using web::Screen;

constexpr int64_t kZavuch = 2;
constexpr int64_t kAdmin = 3;     // the technical administrator
constexpr int64_t kParent = 8;    // belova.e, no password yet
constexpr const char* kWindow = "Срок исправлений без причины, дней после урока";

struct Session {
  explicit Session(int64_t person, ImVec2 display = ImVec2(1366, 3000)) {
    server.session = person;
    client = std::make_unique<HeadlessClient>(server, display);
    client->Settle(server);
  }
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  HeadlessClient& c() { return *client; }
  void Settle() { client->Settle(server); }
};

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Selects what a field holds and types over it.
void Replace(HeadlessClient& c, std::string_view label, std::string_view text) {
  c.Click(label, "input");
  c.PressCtrl(ImGuiKey_A);
  c.Type(text);
}

std::vector<Operation> Pushed(const FakeServer& server) {
  std::vector<Operation> out;
  for (const auto& r : server.Sent("POST", protocol::route::kOps)) {
    auto json = protocol::ParseJson(r.body);
    REQUIRE(json.ok());
    auto push = PushRequestFromJson(*json);
    REQUIRE(push.ok());
    for (const Operation& op : push->ops) out.push_back(op);
  }
  return out;
}

void OpenRules(Session& t) {
  t.c().Click("Правила школы", "tab");
  t.Settle();
  REQUIRE(t.c().app.ready());
}

TEST_CASE("the rules page lists the rules as the core describes them") {
  Session t(kZavuch);
  OpenRules(t);
  CHECK(t.c().Has("Правила школы", "heading"));
  const auto lines = DescribeRules(DefaultSchoolRules());
  REQUIRE_FALSE(lines.empty());
  for (const std::string& line : lines) CHECK(t.c().Has("•  " + line));
  CHECK(t.c().Has("Сохранить", "button"));
}

TEST_CASE("saving the rules sends one rules.update with the edited value and the base version") {
  Session t(kZavuch);
  OpenRules(t);
  Replace(t.c(), kWindow, "5");
  t.c().Click("Сохранить", "button");
  t.Settle();
  const auto ops = Pushed(t.server);
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].kind == "rules.update");
  CHECK(ops[0].base_version == 0);  // the version the page was loaded with
  CHECK(t.server.rules.corrections.correction_window_days == 5);
  CHECK(t.server.rules.version == 1);
  CHECK(t.c().Has("Правила сохранены.", "notice"));
  CHECK(t.c().Get(kWindow, "input").value == "5");
}

TEST_CASE("a rejected save keeps the edits and shows the server's message at the row") {
  Session t(kZavuch);
  OpenRules(t);
  const std::string weight = "Вес: " + DefaultSchoolRules().mark_types[1].name;
  Replace(t.c(), kWindow, "2");
  Replace(t.c(), weight, "11");
  t.c().Click("Сохранить", "button");
  t.Settle();
  CHECK(t.server.rules.version == 0);  // nothing saved
  const std::string message = "Вес вида работы «" + DefaultSchoolRules().mark_types[1].name + "» должен быть от 1 до 10.";
  const ui::Widget& error = t.c().After(weight, message, "error");
  CHECK_FALSE(error.label.empty());
  CHECK(t.c().Get(weight, "input").value == "11");
  CHECK(t.c().Get(kWindow, "input").value == "2");
}

TEST_CASE("a conflict says someone saved first and keeps the edits until «Загрузить заново»") {
  Session t(kZavuch);
  OpenRules(t);
  Replace(t.c(), kWindow, "6");
  t.server.rules.version = 1;  // another deputy saved meanwhile
  t.server.rules.corrections.correction_window_days = 4;
  t.c().Click("Сохранить", "button");
  t.Settle();
  CHECK(t.server.rules.corrections.correction_window_days == 4);
  bool said = false;
  for (const ui::Widget& w : t.c().All("error")) said |= Contains(w.label, "другой пользователь");
  CHECK(said);
  CHECK(t.c().Get(kWindow, "input").value == "6");
  t.c().Click("Загрузить заново", "button");
  t.Settle();
  CHECK(t.c().Get(kWindow, "input").value == "4");
}

TEST_CASE("the technical administrator gets «Учётные записи» and «Правила школы», not «Классы»") {
  Session t(kAdmin);
  CHECK(t.c().app.screen() == Screen::kConsole);
  CHECK(t.c().app.ready());
  CHECK(t.c().Get("Учётные записи", "tab").selected);
  CHECK(t.c().Has("Правила школы", "tab"));
  CHECK_FALSE(t.c().Has("Классы", "tab"));
  CHECK_FALSE(t.c().Has("Настройка года", "tab"));
  CHECK(t.c().Has("belova.e", "row"));
  OpenRules(t);
  CHECK_FALSE(t.c().Has("Сохранить", "button"));  // read-only: the core says no kEditStructure
}

TEST_CASE("a teacher gets no console and no accounts") {
  Session t(7);
  CHECK(t.c().app.screen() == Screen::kJournal);  // a teacher's desk, not the console
  CHECK(t.server.Sent("GET", protocol::route::kAccounts).empty());
}

TEST_CASE("issuing a password shows it once and it disappears after closing") {
  Session t(kAdmin);
  t.c().ClickAt(t.c().After("belova.e", "Выдать пароль", "button"));
  t.Settle();
  const std::string password = t.server.accounts[4].password;
  REQUIRE(t.server.accounts[4].user.id == kParent);
  REQUIRE_FALSE(password.empty());
  CHECK(t.c().Has(password));
  CHECK(t.c().Has("Логин: belova.e"));
  CHECK(t.c().Has("Передайте пароль лично; он больше не будет показан."));
  CHECK(t.c().After("belova.e", "Новый пароль", "button").enabled);  // a password now exists
  t.c().Click("Скопировать", "button");
  CHECK(Contains(ImGui::GetClipboardText(), password));
  t.c().Click("Закрыть", "button");
  CHECK_FALSE(Contains(ui::WidgetsJson(), password));
}

TEST_CASE("a refusal on a row shows the server's message on that row") {
  Session t(kAdmin);
  t.c().ClickAt(t.c().After("direktor", "Новый пароль", "button"));
  t.Settle();
  const ui::Widget& error = t.c().After("direktor", "Учётной записью директора управляет только директор.", "error");
  const ui::Widget& next_row = t.c().After("direktor", "zavuch", "row");
  CHECK(error.y < next_row.y);
  CHECK(t.server.accounts[1].password == "demo2026");  // unchanged
}

TEST_CASE("blocking an account shows it blocked and the server refuses its login") {
  Session t(kAdmin);
  t.c().ClickAt(t.c().After("uchitel", "Заблокировать", "button"));
  t.Settle();
  CHECK(t.server.accounts[0].disabled);
  CHECK(t.c().After("uchitel", "Разблокировать", "button").enabled);
}

TEST_CASE("the search finds an account by login or by surname") {
  Session t(kAdmin);
  t.c().Fill("Поиск", "бел");
  CHECK(t.c().Has("belova.e", "row"));
  CHECK_FALSE(t.c().Has("direktor", "row"));
  Replace(t.c(), "Поиск", "dir");
  CHECK(t.c().Has("direktor", "row"));
  CHECK_FALSE(t.c().Has("belova.e", "row"));
}

TEST_CASE("a school of 1850 accounts draws only the rows on screen") {
  FakeServer server;
  for (int i = 0; i < 1850; ++i) {
    server.accounts.push_back({"user" + std::to_string(i), "", {1000 + i, "Иванов Иван", {Role::kStudent}}, 5000 + i});
  }
  server.session = kAdmin;
  HeadlessClient client(server, ImVec2(1366, 768));
  client.Settle(server);
  const size_t rows = client.All("row").size();
  CHECK(client.Has("1856 учётных записей"));
  CHECK(rows >= 3);
  CHECK(rows < 40);
}

}  // namespace
}  // namespace ej::test
