#include "input.h"

#include <cctype>
#include <utility>

namespace ej::web {

void ConfigureKeyMap(ImGuiIO& io) {
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
}

std::optional<ImGuiKey> KeyFromDomKey(std::string_view key) {
  struct Named {
    std::string_view name;
    ImGuiKey key;
  };
  static constexpr Named kNamed[] = {
      {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow},
      {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow},
      {"ArrowDown", ImGuiKey_DownArrow},   {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown},     {"Home", ImGuiKey_Home},
      {"End", ImGuiKey_End},               {"Insert", ImGuiKey_Insert},
      {"Delete", ImGuiKey_Delete},         {"Backspace", ImGuiKey_Backspace},
      {" ", ImGuiKey_Space},               {"Enter", ImGuiKey_Enter},
      {"Escape", ImGuiKey_Escape},
  };
  for (const Named& n : kNamed) {
    if (n.name == key) return n.key;
  }
  if (key.size() == 1) {
    switch (std::tolower(static_cast<unsigned char>(key[0]))) {
      case 'a': return ImGuiKey_A;
      case 'c': return ImGuiKey_C;
      case 'v': return ImGuiKey_V;
      case 'x': return ImGuiKey_X;
      case 'y': return ImGuiKey_Y;
      case 'z': return ImGuiKey_Z;
      default: break;
    }
  }
  return std::nullopt;
}

void InputQueue::MouseMove(float x, float y) {
  // Consecutive moves collapse into the last one.
  if (!events_.empty() && events_.back().type == Type::kMove) {
    events_.back().x = x;
    events_.back().y = y;
    return;
  }
  Event e;
  e.type = Type::kMove;
  e.x = x;
  e.y = y;
  events_.push_back(std::move(e));
}

void InputQueue::MouseButton(int button, bool down) {
  if (button < 0 || button >= 5) return;
  Event e;
  e.type = Type::kButton;
  e.index = button;
  e.down = down;
  events_.push_back(std::move(e));
}

void InputQueue::MouseWheel(float dx, float dy) {
  Event e;
  e.type = Type::kWheel;
  e.x = dx;
  e.y = dy;
  events_.push_back(std::move(e));
}

void InputQueue::Key(ImGuiKey key, bool down, Modifiers mods) {
  if (key < 0 || key >= 512) return;
  Event e;
  e.type = Type::kKey;
  e.index = key;
  e.down = down;
  e.mods = mods;
  events_.push_back(std::move(e));
}

void InputQueue::SetModifiers(Modifiers mods) {
  Event e;
  e.type = Type::kModifiers;
  e.mods = mods;
  events_.push_back(std::move(e));
}

void InputQueue::Text(std::string_view utf8) {
  if (utf8.empty()) return;
  if (!events_.empty() && events_.back().type == Type::kText) {
    events_.back().text.append(utf8);
    return;
  }
  Event e;
  e.type = Type::kText;
  e.text = std::string(utf8);
  events_.push_back(std::move(e));
}

void InputQueue::ReleaseAll() {
  for (int b = 0; b < 5; ++b) {
    if (buttons_down_[b]) MouseButton(b, false);
  }
  for (int k = 0; k < 512; ++k) {
    if (keys_down_[k]) Key(k, false, Modifiers());
  }
  SetModifiers(Modifiers());
}

void InputQueue::Apply(ImGuiIO& io) {
  bool button_changed = false;
  bool key_changed[512] = {};
  bool any_key = false;
  bool any_text = false;
  while (!events_.empty()) {
    Event& e = events_.front();
    switch (e.type) {
      case Type::kMove:
        // A move after a click in the same frame would move the click.
        if (button_changed) return;
        io.MousePos = ImVec2(e.x, e.y);
        break;
      case Type::kButton:
        if (button_changed) return;
        io.MouseDown[e.index] = e.down;
        buttons_down_[e.index] = e.down;
        button_changed = true;
        break;
      case Type::kWheel:
        io.MouseWheelH += e.x;
        io.MouseWheel += e.y;
        break;
      case Type::kKey:
        if (key_changed[e.index] || any_text) return;
        io.KeysDown[e.index] = e.down;
        keys_down_[e.index] = e.down;
        io.KeyCtrl = e.mods.ctrl;
        io.KeyShift = e.mods.shift;
        io.KeyAlt = e.mods.alt;
        io.KeySuper = e.mods.super;
        key_changed[e.index] = true;
        any_key = true;
        break;
      case Type::kModifiers:
        if (any_text) return;
        io.KeyCtrl = e.mods.ctrl;
        io.KeyShift = e.mods.shift;
        io.KeyAlt = e.mods.alt;
        io.KeySuper = e.mods.super;
        break;
      case Type::kText:
        if (any_key) return;
        io.AddInputCharactersUTF8(e.text.c_str());
        any_text = true;
        break;
    }
    events_.pop_front();
  }
}

}  // namespace ej::web
