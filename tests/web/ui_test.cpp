// The widget layer's record: what tests and the browser bridge read.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "headless_client.h"

namespace ej::test {
namespace {

TEST_CASE("the widget record is JSON with label, kind, rectangle, value and state") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  auto list = nlohmann::json::parse(ui::WidgetsJson());
  REQUIRE(list.is_array());
  const nlohmann::json* button = nullptr;
  for (const auto& w : list) {
    if (w["label"] == "Войти") button = &w;
  }
  REQUIRE(button != nullptr);
  CHECK((*button)["kind"] == "button");
  CHECK((*button)["enabled"] == true);
  CHECK((*button)["w"].get<double>() > 100);
  CHECK((*button)["x"].get<double>() > 0);
  for (const char* key : {"y", "h", "value", "focused", "password"}) {
    CHECK(button->contains(key));
  }
}

TEST_CASE("the fonts have every sign the screens write: minus, the dot that does not break, arrows, №") {
  FakeServer server;
  HeadlessClient client(server);
  for (ImWchar c : {ImWchar(0x2212), ImWchar(0x2024), ImWchar(0x2191), ImWchar(0x2193), ImWchar(0x2116), ImWchar(0x00AB),
                    ImWchar(0x2014), ImWchar(0x0451)}) {
    CAPTURE(static_cast<int>(c));
    CHECK(ImGui::GetFont()->FindGlyphNoFallback(c) != nullptr);
  }
}

TEST_CASE("a date or initials are never split at a dot when a text wraps") {
  FakeServer server;
  HeadlessClient client(server, ImVec2(360, 740));
  CHECK(ui::NoBreakAtDots("31.08.2027") == "31\u202408\u20242027");
  CHECK(ui::NoBreakAtDots("Румянцева И.\u00A0Д.") == "Румянцева И\u2024\u00A0Д.");
  CHECK(ui::NoBreakAtDots("Англ. яз., 2 гр.") == "Англ. яз., 2 гр.");  // a dot before a space may break
  // ImGui's wrapping then keeps «И. Д.» together: at a width that ends between them, the break
  // comes before «И.», not after it.
  const std::string text = ui::NoBreakAtDots("Румянцева И.\u00A0Д.");
  const float upto_first = ImGui::CalcTextSize("Румянцева И.").x;
  const char* end = text.data() + text.size();
  const char* wrap = ImGui::GetFont()->CalcWordWrapPositionA(1.0f, text.data(), end, upto_first + 4);
  CHECK(std::string(text.data(), wrap) == "Румянцева");  // without the change: «Румянцева И.»
}

TEST_CASE("the input under a point is found from the last frame, with whether it is a password") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  const ui::Widget& field = client.Get("Пароль", "input");
  const ui::Widget* hit = ui::InputAt(field.x + 5, field.y + field.h / 2);
  REQUIRE(hit != nullptr);
  CHECK(hit->label == "Пароль");
  CHECK(hit->password);
  const ui::Widget& button = client.Get("Войти", "button");
  CHECK(ui::InputAt(button.x + 5, button.y + 5) == nullptr);
}

TEST_CASE("the focused input is the one being edited") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  client.Click("Пароль", "input");
  const ui::Widget* focused = ui::FocusedInput();
  REQUIRE(focused != nullptr);
  CHECK(focused->label == "Пароль");
}

TEST_CASE("a drop-down with nothing to choose yet is disabled and does not open, then opens once filled") {
  FakeServer server;
  server.AddJournalSchool();
  HeadlessClient client(server);
  client.Settle(server);
  client.Fill("Логин", "uchitel");
  client.Fill("Пароль", "demo2026");
  client.Click("Войти", "button");
  // Signed in; the school's structure (the teacher's groups) has not come yet.
  REQUIRE(server.AnswerFirst(protocol::route::kLogin));
  client.Frame();
  REQUIRE(server.AnswerFirst(protocol::route::kMe));
  client.Frame();
  REQUIRE(client.app.screen() == web::Screen::kJournal);
  CHECK_FALSE(client.Get("Группа", "combo").enabled);
  client.Click("Группа", "combo");
  CHECK_FALSE(client.Get("Группа", "combo").focused);
  CHECK(client.All("option").empty());
  // The groups arrive: the list opens and offers them.
  client.Settle(server);
  CHECK(client.Get("Группа", "combo").enabled);
  client.Click("Группа", "combo");
  CHECK(client.Get("Группа", "combo").focused);
  CHECK_FALSE(client.All("option").empty());
}

TEST_CASE("a text too long for its room is cut with «…» at a character, a short one is left alone") {
  FakeServer server;
  HeadlessClient client(server);
  const std::string name = "1А — Изобразительное искусство · Сорокина Анна Викторовна";
  const float room = ImGui::CalcTextSize(name.c_str()).x / 2;
  const std::string cut = ui::Shortened(name, room);
  CHECK(cut.size() < name.size());
  CHECK(cut.substr(cut.size() - std::string("…").size()) == "…");
  CHECK(ImGui::CalcTextSize(cut.c_str()).x <= room);
  CHECK(name.compare(0, cut.size() - std::string("…").size(), cut, 0, cut.size() - std::string("…").size()) == 0);
  CHECK(ui::Shortened("1А", room) == "1А");
}

}  // namespace
}  // namespace ej::test
