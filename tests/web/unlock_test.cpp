// The offline start on a shared computer (issue 6, web/offline_unlock.h): the device's copy of
// the last teacher opens with no network only with that teacher's password, checked on the
// device against a salted verifier (never the password); a wrong password opens nothing; five
// in a row lock the offline start for five minutes and wipe nothing. The derivation is a fake
// (tests/web/fake_derivation.h); WebCrypto's PBKDF2 is checked by the browser test.
#include <doctest/doctest.h>

#include "fake_derivation.h"
#include "headless_client.h"
#include "local_store.h"
#include "offline_unlock.h"

namespace ej::test {
namespace {

using web::Screen;

struct Device {
  web::MemoryStorage storage;
  Device() { web::SetStorage(&storage); }
  ~Device() { web::SetStorage(nullptr); }
  bool Holds(const std::string& text) const {
    for (const auto& [k, v] : storage.data) {
      if (k.find(text) != std::string::npos || v.find(text) != std::string::npos) return true;
    }
    return false;
  }
};

}  // namespace

TEST_CASE("offline unlock: a salted verifier, never the password; right opens, wrong counts, five lock, nothing wiped") {
  Device device;
  DerivationScope scope;
  FakeEnv env;
  web::OfflineUnlock unlock(device.storage, env);
  CHECK(!unlock.HasVerifier(7));
  unlock.Remember(7, "Ромашка-2026");
  REQUIRE(unlock.HasVerifier(7));
  CHECK(scope.derivation.last_iterations == web::kUnlockIterations);
  CHECK(!device.Holds("Ромашка-2026"));
  CHECK(!unlock.HasVerifier(8));  // per account
  // A new login makes a new salt: the same password gives another verifier.
  const std::string first = device.storage.data["ej/7/verifier"];
  unlock.Remember(7, "Ромашка-2026");
  CHECK(device.storage.data["ej/7/verifier"] != first);
  device.storage.data["ej/7/outbox"] = "[{\"kind\":\"mark.add\"}]";  // waiting entries

  auto check = [&](const std::string& password) {
    std::optional<std::pair<bool, std::string>> answer;
    unlock.Check(7, password, [&](bool ok, std::string error) { answer = std::make_pair(ok, error); });
    REQUIRE(answer.has_value());
    return *answer;
  };
  CHECK(check("Ромашка-2026").first);
  auto wrong = check("ромашка-2026");
  CHECK(!wrong.first);
  CHECK(wrong.second == "Неверный пароль. Осталось попыток: 4.");
  CHECK(check("Ромашка-2026").first);  // a right one starts the count again
  for (int i = 1; i <= 4; ++i) CHECK(check("не тот").second == "Неверный пароль. Осталось попыток: " + std::to_string(5 - i) + ".");
  auto fifth = check("не тот");
  CHECK(!fifth.first);
  CHECK(fifth.second.find("Пять раз подряд введён неверный пароль") != std::string::npos);
  CHECK(fifth.second.find("5 мин") != std::string::npos);
  // Locked: even the right password is refused, without deriving anything.
  const int calls = scope.derivation.calls;
  auto locked = check("Ромашка-2026");
  CHECK(!locked.first);
  CHECK(locked.second.find("заблокирован") != std::string::npos);
  CHECK(scope.derivation.calls == calls);
  CHECK(unlock.Locked(7).has_value());
  // Nothing was wiped.
  CHECK(device.storage.data.count("ej/7/outbox") == 1);
  CHECK(unlock.HasVerifier(7));
  // Five minutes later the right password opens.
  env.now_ms += web::kUnlockLockMs + 1000;
  CHECK(!unlock.Locked(7).has_value());
  CHECK(check("Ромашка-2026").first);
}

TEST_CASE("offline unlock: the start with no network asks for the last teacher's password and opens nothing without it") {
  Device device;
  DerivationScope scope;
  FakeServer server;
  server.AddJournalSchool();
  auto client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 900));
  client->env.today = *Date::ParseIso("2026-09-14");
  client->Settle(server);
  REQUIRE(client->app.screen() == Screen::kLogin);
  client->Fill("Логин", "uchitel");
  client->Fill("Пароль", "demo2026");
  client->Click("Войти", "button");
  client->Settle(server);
  REQUIRE(client->app.screen() == Screen::kJournal);
  REQUIRE(device.storage.data.count("ej/7/verifier") == 1);
  CHECK(!device.Holds("demo2026"));

  // Someone else opens the browser with no network: the login screen, not the desk.
  server.unreachable = true;
  client.reset();  // one ImGui context at a time
  client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 900));
  client->env.today = *Date::ParseIso("2026-09-14");
  client->Settle(server);
  REQUIRE(client->app.screen() == Screen::kLogin);
  CHECK(!client->app.me().has_value());
  CHECK(client->Has("Нет связи с сервером. Журнал, сохранённый на этом устройстве, откроется после ввода пароля: "
                    "Иванова Мария Петровна."));
  CHECK(client->Get("Логин").value == "uchitel");
  CHECK(!client->Has("Белов Артём · 14.09", "cell"));

  // A wrong password: a Russian error, still nothing open.
  client->Fill("Пароль", "demo2025");
  client->Click("Войти", "button");
  client->Settle(server);
  CHECK(client->app.screen() == Screen::kLogin);
  CHECK(client->Has("Неверный пароль. Осталось попыток: 4.", "error"));
  CHECK(!client->app.me().has_value());
  // Another login cannot be opened with no network.
  auto replace_login = [&](std::string_view login) {
    client->Click("Логин", "input");
    client->PressCtrl(ImGuiKey_A);
    client->Type(login);
  };
  replace_login("direktor");
  client->Fill("Пароль", "demo2026");
  client->Click("Войти", "button");
  client->Settle(server);
  CHECK(client->app.screen() == Screen::kLogin);
  CHECK(client->Has("Нет связи с сервером: на этом устройстве без сети открывается только журнал пользователя «uchitel».",
                    "error"));

  // Four more wrong ones lock it; the right one is refused until the lock ends.
  replace_login("uchitel");
  CHECK(client->Get("Логин").value == "uchitel");
  for (int i = 0; i < 4; ++i) {
    client->Fill("Пароль", "не тот");
    client->Click("Войти", "button");
    client->Settle(server);
  }
  CHECK(client->app.error().find("Пять раз подряд введён неверный пароль") != std::string::npos);
  client->Fill("Пароль", "demo2026");
  client->Click("Войти", "button");
  client->Settle(server);
  CHECK(client->app.screen() == Screen::kLogin);
  CHECK(client->app.error().find("заблокирован") != std::string::npos);

  // Later, the right password opens the device's copy.
  client->env.now_ms += web::kUnlockLockMs + 1000;
  client->Fill("Пароль", "demo2026");
  client->Click("Войти", "button");
  client->Settle(server);
  REQUIRE(client->app.screen() == Screen::kJournal);
  CHECK(client->app.me()->user.id == 7);
  CHECK(client->Get("Белов Артём · 14.09", "cell").label == "Белов Артём · 14.09");
}

TEST_CASE("offline unlock: without a verifier (no password typed on this device) the start with no network opens nothing") {
  Device device;
  DerivationScope scope;
  FakeServer server;
  server.AddJournalSchool();
  server.session = 7;  // the session was there: no password typed here
  auto client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 900));
  client->env.today = *Date::ParseIso("2026-09-14");
  client->Settle(server);
  REQUIRE(client->app.screen() == Screen::kJournal);
  server.unreachable = true;
  client.reset();  // one ImGui context at a time
  client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 900));
  client->Settle(server);
  CHECK(client->app.screen() == Screen::kLogin);
  CHECK(!client->app.me().has_value());
  CHECK(device.storage.data.count("ej/last_user") == 1);  // kept for when the password is typed online
}

}  // namespace ej::test
