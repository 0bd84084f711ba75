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

}  // namespace
}  // namespace ej::test
