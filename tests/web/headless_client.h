// Drives the client application headlessly: a Dear ImGui context with the product's theme
// and fonts and no renderer, a display of a given size, and input fed through ImGui's io the
// way the browser layer feeds it (mouse at a widget's recorded rectangle, UTF-8 text, keys).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include <imgui.h>

#include "app.h"
#include "env.h"
#include "fake_server.h"
#include "theme.h"
#include "ui.h"

namespace ej::test {

// A fixed day in the school year and predictable "random" bytes.
class FakeEnv : public web::Env {
 public:
  Date today = *Date::ParseIso("2026-10-15");
  int64_t now_ms = 1792051200000;  // 2026-10-15 in Unix ms
  int64_t NowMs() override { return now_ms; }
  Date Today() override { return today; }
  void RandomBytes(unsigned char* out, size_t n) override {
    for (size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(counter_++ * 37 + i);
  }
  void OpenUrl(const std::string& url) override { opened.push_back(url); }
  std::vector<std::string> opened;  // what the app asked the browser to open
  // A file the user is asked for: the test answers through `pick` (or never, as a cancel).
  void PickTextFile(const std::string& accept, FilePicked done) override {
    pick_accept = accept;
    pick = std::move(done);
  }
  std::string pick_accept;
  FilePicked pick;

 private:
  unsigned counter_ = 1;
};

class HeadlessClient {
 public:
  explicit HeadlessClient(FakeServer& server, ImVec2 display = ImVec2(1280, 800))
      : context_(ImGui::CreateContext()), app(server, env) {
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

  // The first widget labelled `label` drawn after the widget labelled `anchor` (e.g. the
  // «Открыть» of a checklist item, the error under a field).
  const ui::Widget& After(std::string_view anchor, std::string_view label, std::string_view kind = {}) {
    const auto& all = ui::Widgets();
    size_t i = 0;
    while (i < all.size() && all[i].label != anchor) ++i;
    INFO("no «" << std::string(label) << "» after «" << std::string(anchor) << "» in " << ui::WidgetsJson());
    REQUIRE(i < all.size());
    for (++i; i < all.size(); ++i) {
      if (all[i].label == label && (kind.empty() || all[i].kind == kind)) return all[i];
    }
    FAIL("not found");
    return all.front();
  }

  // The widgets of a kind, in drawing order.
  std::vector<ui::Widget> All(std::string_view kind) {
    std::vector<ui::Widget> out;
    for (const ui::Widget& w : ui::Widgets()) {
      if (w.kind == kind) out.push_back(w);
    }
    return out;
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

  // A click at the centre of a widget's recorded rectangle: move there on one frame, press on
  // the next, release on the one after; one more frame draws what the click did.
  void Click(std::string_view label, std::string_view kind = {}) {
    Frame();  // a moment after the last action (layouts may move once, e.g. a card re-centres)
    ClickAt(Get(label, kind));
  }

  void ClickAt(const ui::Widget& widget) {
    const ui::Widget w = widget;  // the record changes with the next frame
    INFO("«" << w.label << "» is scrolled out of view");
    REQUIRE(w.visible);
    ImVec2 centre(w.x + w.w / 2, w.y + w.h / 2);
    ImGuiIO& io = ImGui::GetIO();
    // The pointer arrives first (as in a browser), then presses and releases.
    io.MousePos = centre;
    Frame();
    io.MouseDown[0] = true;
    Frame();
    io.MouseDown[0] = false;
    Frame();
    Frame();  // the record shows what the click did
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

  // Presses a shortcut: Ctrl and a key.
  void PressCtrl(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    Frame();
    io.KeysDown[key] = true;
    Frame();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    Frame();
  }

  // Pastes text the way the browser bridge does: the clipboard holds it, then Ctrl+V.
  void Paste(std::string_view text) {
    ImGui::SetClipboardText(std::string(text).c_str());
    PressCtrl(ImGuiKey_V);
  }

  // Clicks a field and types into it.
  void Fill(std::string_view label, std::string_view text) {
    Click(label, "input");
    Type(text);
  }

  // Opens a drop-down and picks an item.
  void Choose(std::string_view combo, std::string_view option) {
    Click(combo, "combo");
    Click(option, "option");
  }

 private:
  ImGuiContext* context_;

 public:
  FakeEnv env;
  web::App app;
};

}  // namespace ej::test
