// Public API of the client's input layer: platform input (browser events in wasm, synthetic
// events in tests) queued and fed to Dear ImGui 1.86, which reads input as per-frame state.
// A click or a key press that begins and ends between two frames would be lost; the queue
// applies events in order, one distinguishable step per frame (a button or key changes at
// most once a frame; text and keys do not mix within a frame), so nothing is dropped and the
// order of typed text and Backspace/Enter is kept.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

namespace ej::web {

// io.KeyMap maps each ImGuiKey_ to the index of the same value; platforms set
// io.KeysDown[ImGuiKey_X] (through InputQueue).
void ConfigureKeyMap(ImGuiIO& io);

// The ImGui key for a DOM KeyboardEvent.key ("Backspace", "ArrowLeft", "Enter" …), or for the
// Latin letters a c v x y z of shortcuts (the browser bridge sends the letter of the physical
// key, so Ctrl+A works with a Russian layout too).
std::optional<ImGuiKey> KeyFromDomKey(std::string_view key);

struct Modifiers {
  bool ctrl = false;
  bool shift = false;
  bool alt = false;
  bool super = false;
};

class InputQueue {
 public:
  void MouseMove(float x, float y);
  void MouseButton(int button, bool down);  // 0 left, 1 right, 2 middle
  void MouseWheel(float dx, float dy);      // in lines: + is up / left
  void Key(ImGuiKey key, bool down, Modifiers mods);
  void SetModifiers(Modifiers mods);
  void Text(std::string_view utf8);
  // The page lost focus: everything held is released.
  void ReleaseAll();

  // Applies the events one frame can tell apart to io; call before ImGui::NewFrame().
  void Apply(ImGuiIO& io);
  bool empty() const { return events_.empty(); }

 private:
  enum class Type { kMove, kButton, kWheel, kKey, kModifiers, kText };
  struct Event {
    Type type = Type::kMove;
    float x = 0, y = 0;
    int index = 0;  // button or key
    bool down = false;
    Modifiers mods;
    std::string text;
  };
  std::deque<Event> events_;
  bool buttons_down_[5] = {};
  bool keys_down_[512] = {};
};

}  // namespace ej::web
