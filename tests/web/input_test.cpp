// The input queue that turns browser events into ImGui 1.86's per-frame input state.
#include <doctest/doctest.h>

#include <imgui.h>

#include "input.h"

namespace ej::test {
namespace {

using web::InputQueue;
using web::KeyFromDomKey;

struct Context {
  Context() : ctx(ImGui::CreateContext()) { web::ConfigureKeyMap(ImGui::GetIO()); }
  ~Context() { ImGui::DestroyContext(ctx); }
  ImGuiContext* ctx;
};

// The characters waiting in io as UTF-8-free code points, then cleared (as a frame would).
std::u32string TakeChars(ImGuiIO& io) {
  std::u32string s;
  for (ImWchar c : io.InputQueueCharacters) s.push_back(c);
  io.InputQueueCharacters.resize(0);
  return s;
}

TEST_CASE("a click that begins and ends between two frames is seen pressed, then released") {
  Context context;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue q;
  q.MouseMove(100, 50);
  q.MouseButton(0, true);
  q.MouseButton(0, false);
  q.Apply(io);
  CHECK(io.MousePos.x == 100);
  CHECK(io.MousePos.y == 50);
  CHECK(io.MouseDown[0]);
  q.Apply(io);
  CHECK_FALSE(io.MouseDown[0]);
  CHECK(q.empty());
}

TEST_CASE("a move after a press waits for the next frame so the press lands where it began") {
  Context context;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue q;
  q.MouseMove(10, 10);
  q.MouseButton(0, true);
  q.MouseMove(90, 90);
  q.Apply(io);
  CHECK(io.MousePos.x == 10);
  q.Apply(io);
  CHECK(io.MousePos.x == 90);
  CHECK(io.MouseDown[0]);
}

TEST_CASE("typed text and Enter reach ImGui in the order they were typed") {
  Context context;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue q;
  q.Text("Ив");
  q.Text("ан");
  q.Key(ImGuiKey_Enter, true, {});
  q.Key(ImGuiKey_Enter, false, {});
  q.Text("ов");
  q.Apply(io);
  CHECK(TakeChars(io) == U"Иван");
  CHECK_FALSE(io.KeysDown[ImGuiKey_Enter]);
  q.Apply(io);
  CHECK(io.KeysDown[ImGuiKey_Enter]);
  CHECK(TakeChars(io).empty());
  q.Apply(io);
  CHECK_FALSE(io.KeysDown[ImGuiKey_Enter]);
  q.Apply(io);
  CHECK(TakeChars(io) == U"ов");
  CHECK(q.empty());
}

TEST_CASE("two presses of Backspace between frames are two presses") {
  Context context;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue q;
  for (int i = 0; i < 2; ++i) {
    q.Key(ImGuiKey_Backspace, true, {});
    q.Key(ImGuiKey_Backspace, false, {});
  }
  int presses = 0;
  bool was_down = false;
  for (int frame = 0; frame < 6; ++frame) {
    q.Apply(io);
    if (io.KeysDown[ImGuiKey_Backspace] && !was_down) ++presses;
    was_down = io.KeysDown[ImGuiKey_Backspace];
  }
  CHECK(presses == 2);
}

TEST_CASE("modifiers travel with their key") {
  Context context;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue q;
  web::Modifiers ctrl;
  ctrl.ctrl = true;
  q.Key(ImGuiKey_A, true, ctrl);
  q.Apply(io);
  CHECK(io.KeyCtrl);
  CHECK(io.KeysDown[ImGuiKey_A]);
}

TEST_CASE("losing the page's focus releases every held key and button") {
  Context context;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue q;
  q.Key(ImGuiKey_Backspace, true, {});
  q.MouseButton(0, true);
  q.Apply(io);
  q.ReleaseAll();
  for (int i = 0; i < 3; ++i) q.Apply(io);
  CHECK_FALSE(io.KeysDown[ImGuiKey_Backspace]);
  CHECK_FALSE(io.MouseDown[0]);
}

TEST_CASE("DOM key names map to ImGui keys and printable characters do not") {
  CHECK(KeyFromDomKey("Backspace") == ImGuiKey_Backspace);
  CHECK(KeyFromDomKey("Enter") == ImGuiKey_Enter);
  CHECK(KeyFromDomKey("ArrowLeft") == ImGuiKey_LeftArrow);
  CHECK(KeyFromDomKey("Tab") == ImGuiKey_Tab);
  CHECK(KeyFromDomKey("a") == ImGuiKey_A);
  CHECK(KeyFromDomKey("V") == ImGuiKey_V);
  CHECK_FALSE(KeyFromDomKey("b").has_value());
  CHECK_FALSE(KeyFromDomKey("ы").has_value());
  CHECK_FALSE(KeyFromDomKey("Unidentified").has_value());
}

}  // namespace
}  // namespace ej::test
