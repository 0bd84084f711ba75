// Drives the client application headlessly: a Dear ImGui context with the product's theme
// and fonts and no renderer, a display of a given size, and input fed through ImGui's io the
// way the browser layer feeds it (mouse at a widget's recorded rectangle, UTF-8 text, keys).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include <imgui.h>

#include "app.h"
#include "fake_server.h"
#include "theme.h"
#include "ui.h"

namespace ej::test {

class HeadlessClient {
 public:
  explicit HeadlessClient(FakeServer& server, ImVec2 display = ImVec2(1280, 800))
      : context_(ImGui::CreateContext()), app(server) {
    ImGuiIO& io = ImGui::GetIO();
    theme::ConfigureIo(io);
    theme::Apply(ImGui::GetStyle());
    REQUIRE(theme::LoadFonts(io, EJ_TEST_FONT_DIR, 1.0f));
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60;
    app.Start();
    Frame();
  }
  ~HeadlessClient() { ImGui::DestroyContext(context_); }
  HeadlessClient(const HeadlessClient&) = delete;
  HeadlessClient& operator=(const HeadlessClient&) = delete;

  void Frame(float seconds = 1.0f / 60) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = seconds;
    ImGui::NewFrame();
    app.Frame();
    ImGui::Render();
  }

  // Lets the server answer everything and draws a few frames.
  void Settle(FakeServer& server) {
    for (int i = 0; i < 4; ++i) {
      server.AnswerAll();
      Frame();
    }
  }

  const ui::Widget& Get(std::string_view label, std::string_view kind = {}) {
    const ui::Widget* w = ui::Find(label, kind);
    INFO("no widget labelled «" << std::string(label) << "» in " << ui::WidgetsJson());
    REQUIRE(w != nullptr);
    return *w;
  }
  bool Has(std::string_view label, std::string_view kind = {}) {
    return ui::Find(label, kind) != nullptr;
  }

  // A click at the centre of a widget's recorded rectangle: press on one frame, release on
  // the next.
  void Click(std::string_view label, std::string_view kind = {}) {
    const ui::Widget& w = Get(label, kind);
    ImVec2 centre(w.x + w.w / 2, w.y + w.h / 2);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = centre;
    io.MouseDown[0] = true;
    Frame();
    io.MouseDown[0] = false;
    Frame();
  }

  void Type(std::string_view utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(std::string(utf8).c_str());
    Frame();
  }

  void Press(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[key] = true;
    Frame();
    io.KeysDown[key] = false;
    Frame();
  }

  // Clicks a field and types into it.
  void Fill(std::string_view label, std::string_view text) {
    Click(label, "input");
    Type(text);
  }

 private:
  ImGuiContext* context_;

 public:
  web::App app;
};

}  // namespace ej::test
