// The client application against a fake server, driven through ImGui's io like a browser.
#include <doctest/doctest.h>

#include <string>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::Screen;

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// A client on the login screen with «roditel» (a parent: the family's diary) and `password` typed in.
void TypeCredentials(HeadlessClient& client, std::string_view password) {
  client.Fill("Логин", "roditel");
  client.Fill("Пароль", password);
}

TEST_CASE("the app starts on the login screen when the server says nobody is logged in") {
  FakeServer server;
  HeadlessClient client(server);
  CHECK(client.app.screen() == Screen::kStarting);
  CHECK(client.Has("Загрузка…"));
  REQUIRE(server.requests.size() == 1);
  CHECK(server.requests[0].method == "GET");
  CHECK(server.requests[0].path == protocol::route::kMe);

  client.Settle(server);
  CHECK(client.app.screen() == Screen::kLogin);
  CHECK(client.app.ready());
  CHECK(client.Has("Электронный журнал", "heading"));
  CHECK(client.Has("Логин", "input"));
  CHECK(client.Has("Пароль", "input"));
  CHECK(client.Has("Войти", "button"));
  CHECK(client.app.error().empty());
}

TEST_CASE("the app starts on the family's diary when the browser already has a session") {
  FakeServer server;
  server.session = 9;
  HeadlessClient client(server);
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kDiary);
  CHECK(client.Has("Иванова Мария Петровна"));
  CHECK(client.Has("МБОУ «Средняя школа № 17»"));
}

TEST_CASE("typing a login and a password and pressing Войти posts them to the login route") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  TypeCredentials(client, "demo2026");
  CHECK(client.Get("Логин", "input").value == "roditel");
  client.Click("Войти", "button");

  REQUIRE(server.requests.size() == 2);
  const web::HttpRequest& sent = server.requests[1];
  CHECK(sent.method == "POST");
  CHECK(sent.path == protocol::route::kLogin);
  auto json = protocol::ParseJson(sent.body);
  REQUIRE(json.ok());
  auto request = protocol::LoginRequestFromJson(*json);
  REQUIRE(request.ok());
  CHECK(request->login == "roditel");
  CHECK(request->password == "demo2026");
}

TEST_CASE("the login button says Вход… and is disabled while the server has not answered") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  TypeCredentials(client, "demo2026");
  client.Click("Войти", "button");
  client.Frame();
  const ui::Widget& busy = client.Get("Вход…", "button");
  CHECK_FALSE(busy.enabled);
  CHECK_FALSE(client.Has("Войти", "button"));
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kDiary);
}

TEST_CASE("a wrong password shows the server's message and keeps the typed password") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  TypeCredentials(client, "wrong");
  client.Click("Войти", "button");
  client.Settle(server);

  CHECK(client.app.screen() == Screen::kLogin);
  CHECK(client.app.error() == "Неверный логин или пароль.");
  CHECK(client.Get("Неверный логин или пароль.").kind == "error");
  CHECK(client.Get("Логин", "input").value == "roditel");
  CHECK(client.Get("Пароль", "input").value == "•••");

  // The kept password is really the typed one: fixing it by typing more gets the user in.
  client.Click("Пароль", "input");
  client.Press(ImGuiKey_End);
  for (int i = 0; i < 5; ++i) client.Press(ImGuiKey_Backspace);
  client.Type("demo2026");
  client.Press(ImGuiKey_Enter);
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kDiary);
}

TEST_CASE("Enter in the password field submits the form") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  TypeCredentials(client, "demo2026");
  client.Press(ImGuiKey_Enter);
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kDiary);
}

TEST_CASE("Enter in the login field moves to the empty password field") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  client.Fill("Логин", "roditel");
  client.Press(ImGuiKey_Enter);
  client.Frame();
  CHECK(client.Get("Пароль", "input").focused);
  client.Type("demo2026");
  client.Press(ImGuiKey_Enter);
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kDiary);
}

TEST_CASE("Tab moves from the login field to the password field") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  client.Fill("Логин", "roditel");
  client.Press(ImGuiKey_Tab);
  client.Frame();
  CHECK(client.Get("Пароль", "input").focused);
  CHECK_FALSE(client.Get("Логин", "input").focused);
}

TEST_CASE("empty fields are asked for before anything is sent") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  client.Click("Войти", "button");
  CHECK(client.app.error() == "Введите логин.");
  client.Fill("Логин", "roditel");
  client.Click("Войти", "button");
  CHECK(client.app.error() == "Введите пароль.");
  CHECK(server.requests.size() == 1);  // only the start-up /me
}

TEST_CASE("too many attempts show the server's message and the time to wait") {
  FakeServer server;
  server.throttle_seconds = 30;
  HeadlessClient client(server);
  client.Settle(server);
  TypeCredentials(client, "demo2026");
  client.Click("Войти", "button");
  client.Settle(server);

  CHECK(client.app.error() == "Слишком много попыток входа. Повторите через 30 с.");
  CHECK(client.Has("Слишком много попыток входа. Повторите через 30 с.", "error"));
  CHECK_FALSE(client.Get("Войти", "button").enabled);
  CHECK(client.Get("Пароль", "input").value == "•••");

  client.Frame(10.0f);
  CHECK(client.app.error() == "Слишком много попыток входа. Повторите через 20 с.");
  // When the wait is over the message goes and the button works again.
  server.throttle_seconds = 0;
  client.Frame(20.5f);
  client.Frame();
  CHECK(client.app.error().empty());
  CHECK(client.Get("Войти", "button").enabled);
  client.Click("Войти", "button");
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kDiary);
}

TEST_CASE("an unreachable server is reported in Russian and the input is kept") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  server.unreachable = true;
  TypeCredentials(client, "demo2026");
  client.Click("Войти", "button");
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kLogin);
  CHECK(client.app.error() == "Сервер недоступен. Проверьте подключение к сети.");
  CHECK(client.Has("Сервер недоступен. Проверьте подключение к сети.", "error"));
  CHECK(client.Get("Логин", "input").value == "roditel");
  CHECK(client.Get("Пароль", "input").value == "•••");
}

TEST_CASE("an unreachable server at start-up shows the login screen with the reason") {
  FakeServer server;
  server.unreachable = true;
  HeadlessClient client(server);
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kLogin);
  CHECK(client.app.error() == web::kUnreachableMessage);
}

TEST_CASE("a successful login shows the name, the roles and the school and clears the password") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  TypeCredentials(client, "demo2026");
  client.Click("Войти", "button");
  client.Settle(server);

  CHECK(client.app.screen() == Screen::kDiary);
  CHECK(client.Has("Иванова Мария Петровна"));
  CHECK(client.Has("Родитель"));
  CHECK(client.Has("МБОУ «Средняя школа № 17»"));
  // This parent has no child linked in the fake school: the diary says so.
  CHECK(client.Has("Дневник", "heading"));
  CHECK(client.Has("Выйти", "button"));
  // /me was asked after the login, for the school's name; then the children.
  REQUIRE(server.requests.size() >= 3);
  CHECK(server.requests[2].path == protocol::route::kMe);
}

TEST_CASE("logging out returns to the login screen with the login kept and the password empty") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  TypeCredentials(client, "demo2026");
  client.Press(ImGuiKey_Enter);
  client.Settle(server);
  REQUIRE(client.app.screen() == Screen::kDiary);

  client.Click("Выйти", "button");
  client.Settle(server);
  CHECK(server.requests.back().method == "POST");
  CHECK(server.requests.back().path == protocol::route::kLogout);
  CHECK_FALSE(server.session.has_value());
  CHECK(client.app.screen() == Screen::kLogin);
  CHECK(client.Get("Логин", "input").value == "roditel");
  CHECK(client.Get("Пароль", "input").value.empty());
  // The school is known now and is shown under the title.
  CHECK(client.Has("МБОУ «Средняя школа № 17»"));
}

TEST_CASE("a failed logout keeps the user on the diary and says why") {
  FakeServer server;
  server.session = 9;
  HeadlessClient client(server);
  client.Settle(server);
  server.unreachable = true;
  client.Click("Выйти", "button");
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kDiary);
  CHECK(client.Has("Сервер недоступен. Проверьте подключение к сети.", "error"));
}

TEST_CASE("the widget list names every control and never contains the password") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  TypeCredentials(client, "demo2026");
  client.Frame();

  const ui::Widget& login = client.Get("Логин", "input");
  CHECK(login.value == "roditel");
  CHECK_FALSE(login.password);
  const ui::Widget& password = client.Get("Пароль", "input");
  CHECK(password.password);
  CHECK(password.focused);
  CHECK(password.value == "•••");
  const ui::Widget& button = client.Get("Войти", "button");
  CHECK(button.enabled);
  CHECK(button.w > 200);
  CHECK(button.h >= 40);

  std::string json = ui::WidgetsJson();
  CHECK(Contains(json, "\"label\":\"Войти\""));
  CHECK(Contains(json, "\"kind\":\"input\""));
  CHECK_FALSE(Contains(json, "demo2026"));
  CHECK_FALSE(Contains(json, "###"));
}

TEST_CASE("the login card fills a phone's width and stays inside it") {
  FakeServer server;
  HeadlessClient client(server, ImVec2(360, 740));
  client.Settle(server);
  for (const ui::Widget& w : ui::Widgets()) {
    INFO(w.label);
    CHECK(w.x >= 12);
    CHECK(w.x + w.w <= 360 - 12);
    CHECK(w.y + w.h <= 740);
  }
  CHECK(client.Get("Войти", "button").w > 280);
  // And it still works there.
  TypeCredentials(client, "demo2026");
  client.Click("Войти", "button");
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kDiary);
  for (const ui::Widget& w : ui::Widgets()) {
    INFO(w.label);
    CHECK(w.x + w.w <= 360);
  }
}

}  // namespace
}  // namespace ej::test
