// [SECTION] The record (the test seam)
// [SECTION] Layout: screens and panels
// [SECTION] Widgets
#include "ui.h"

#include <algorithm>
#include <cmath>

#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include "theme.h"

namespace ej::ui {
namespace {

std::vector<Widget> g_widgets;  // this frame's (between frames: the last frame's)

struct PanelState {
  bool open = false;
  ImVec2 pos;
  float width = 0;
  PanelStyle style;
};
PanelState g_panel;

// "Войти###submit" -> "Войти"; "##login" -> "".
std::string_view VisibleLabel(std::string_view label) {
  size_t hashes = label.find("##");
  return hashes == std::string_view::npos ? label : label.substr(0, hashes);
}

Widget& Record(std::string_view label, const char* kind) {
  Widget w;
  w.label = std::string(VisibleLabel(label));
  w.kind = kind;
  ImVec2 min = ImGui::GetItemRectMin();
  ImVec2 max = ImGui::GetItemRectMax();
  w.x = min.x;
  w.y = min.y;
  w.w = max.x - min.x;
  w.h = max.y - min.y;
  g_widgets.push_back(std::move(w));
  return g_widgets.back();
}

bool Contains(const Widget& w, float x, float y) {
  return x >= w.x && x < w.x + w.w && y >= w.y && y < w.y + w.h;
}

// Draws wrapped text in a font and colour and records it.
void WrappedText(std::string_view text, ImFont* font, ImU32 color, const char* kind,
                 float max_width) {
  if (font) ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  float width = AvailableWidth();
  if (max_width > 0) width = std::min(width, max_width);
  float wrap_x = ImGui::GetCursorPosX() + width;
  ImGui::PushTextWrapPos(wrap_x);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  if (font) ImGui::PopFont();
  Record(text, kind).value = std::string(text);
}

}  // namespace

// [SECTION] The record (the test seam)

void BeginFrame() { g_widgets.clear(); }

const std::vector<Widget>& Widgets() { return g_widgets; }

std::string WidgetsJson() {
  nlohmann::json list = nlohmann::json::array();
  auto round1 = [](float v) { return std::round(v * 10.0f) / 10.0f; };
  for (const Widget& w : Widgets()) {
    list.push_back({{"label", w.label},
                    {"kind", w.kind},
                    {"x", round1(w.x)},
                    {"y", round1(w.y)},
                    {"w", round1(w.w)},
                    {"h", round1(w.h)},
                    {"value", w.value},
                    {"enabled", w.enabled},
                    {"focused", w.focused},
                    {"password", w.password}});
  }
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const Widget* Find(std::string_view label, std::string_view kind) {
  for (const Widget& w : Widgets()) {
    if (w.label == label && (kind.empty() || w.kind == kind)) return &w;
  }
  return nullptr;
}

const Widget* InputAt(float x, float y) {
  for (const Widget& w : Widgets()) {
    if (w.kind == "input" && w.enabled && Contains(w, x, y)) return &w;
  }
  return nullptr;
}

const Widget* FocusedInput() {
  for (const Widget& w : Widgets()) {
    if (w.kind == "input" && w.focused) return &w;
  }
  return nullptr;
}

// [SECTION] Layout: screens and panels

void BeginScreen(const char* id) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin(id, nullptr, flags);
}

void EndScreen() {
  ImGui::End();
}

void BeginPanel(ImVec2 pos, float width, const PanelStyle& style) {
  IM_ASSERT(!g_panel.open && "panels do not nest");
  g_panel = PanelState{true, pos, width, style};
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(pos.x + style.padding, pos.y + style.padding));
  ImGui::BeginGroup();
}

float EndPanel() {
  IM_ASSERT(g_panel.open);
  ImGui::EndGroup();
  const PanelStyle& style = g_panel.style;
  float bottom = ImGui::GetItemRectMax().y + style.padding;
  ImVec2 min = g_panel.pos;
  ImVec2 max(g_panel.pos.x + g_panel.width, bottom);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(min, max, theme::kPanel, style.rounding);
  if (style.border_all) {
    dl->AddRect(min, max, theme::kBorder, style.rounding);
  } else {
    dl->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), theme::kBorder);
  }
  dl->ChannelsMerge();
  // Leave the cursor below the panel.
  ImGui::SetCursorScreenPos(ImVec2(g_panel.pos.x, bottom));
  ImGui::Dummy(ImVec2(0, 0));
  g_panel.open = false;
  return max.y - min.y;
}

float AvailableWidth() {
  if (g_panel.open) {
    float right = g_panel.pos.x + g_panel.width - g_panel.style.padding;
    return std::max(1.0f, right - ImGui::GetCursorScreenPos().x);
  }
  return std::max(1.0f, ImGui::GetContentRegionAvail().x);
}

void Space(float height) { ImGui::Dummy(ImVec2(0, height)); }

// [SECTION] Widgets

bool Button(std::string_view label, const ButtonOptions& options) {
  std::string id(label);
  std::string_view visible = VisibleLabel(label);
  const bool primary = options.kind == ButtonKind::kPrimary;
  ImFont* font = primary ? theme::GetFonts().strong : nullptr;
  if (font) ImGui::PushFont(font);
  float width = options.width;
  if (width == 0) {
    width = ImGui::CalcTextSize(visible.data(), visible.data() + visible.size()).x +
            ImGui::GetStyle().FramePadding.x * 2 + 8;
  } else if (width < 0) {
    width = AvailableWidth();
  }
  ImGui::PushStyleColor(ImGuiCol_Button, primary ? theme::kAccent : theme::kPanel);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        primary ? theme::kAccentHovered : theme::kSecondaryHovered);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                        primary ? theme::kAccentActive : theme::kSecondaryActive);
  ImGui::PushStyleColor(ImGuiCol_Text, primary ? theme::kOnAccent : theme::kText);
  ImGui::PushStyleColor(ImGuiCol_Border, primary ? theme::kAccent : theme::kFieldBorder);
  ImGui::BeginDisabled(!options.enabled);
  bool clicked = ImGui::Button(id.c_str(), ImVec2(width, theme::kButtonHeight));
  if (options.enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::EndDisabled();
  ImGui::PopStyleColor(5);
  if (font) ImGui::PopFont();
  Widget& w = Record(label, "button");
  w.value = std::string(visible);
  w.enabled = options.enabled;
  return clicked && options.enabled;
}

bool InputText(std::string_view label, std::string* value, const InputOptions& options) {
  std::string_view visible = VisibleLabel(label);
  // The caption above the field.
  ImGui::TextUnformatted(visible.data(), visible.data() + visible.size());
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 6);

  std::string id = "##" + std::string(label);
  float width = options.width < 0 ? AvailableWidth() : options.width;
  ImGui::SetNextItemWidth(width);
  if (options.focus) ImGui::SetKeyboardFocusHere();
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
  if (options.password) flags |= ImGuiInputTextFlags_Password;
  ImGui::PushStyleColor(ImGuiCol_Border, theme::kFieldBorder);
  ImGui::BeginDisabled(!options.enabled);
  bool entered = ImGui::InputText(id.c_str(), value, flags);
  bool active = ImGui::IsItemActive();
  ImGui::EndDisabled();
  ImGui::PopStyleColor();
  if (active) {
    // A focus ring in the accent colour.
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 1, min.y - 1), ImVec2(max.x + 1, max.y + 1),
                                        theme::kAccent, theme::kRounding + 1, 0, 2.0f);
  }
  Widget& w = Record(label, "input");
  w.enabled = options.enabled;
  w.focused = active;
  w.password = options.password;
  if (options.password) {
    w.value = value->empty() ? "" : "•••";
  } else {
    w.value = *value;
  }
  return entered && options.enabled;
}

void Heading(std::string_view text, float max_width) {
  WrappedText(text, theme::GetFonts().heading, theme::kText, "heading", max_width);
}

void Text(std::string_view text, float max_width) {
  WrappedText(text, nullptr, theme::kText, "text", max_width);
}

void StrongText(std::string_view text, float max_width) {
  WrappedText(text, theme::GetFonts().strong, theme::kText, "text", max_width);
}

void MutedText(std::string_view text, float max_width) {
  WrappedText(text, nullptr, theme::kMutedText, "text", max_width);
}

float TextWidth(std::string_view text, bool strong) {
  ImFont* font = strong ? theme::GetFonts().strong : nullptr;
  if (font) ImGui::PushFont(font);
  float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
  if (font) ImGui::PopFont();
  return w;
}

void ErrorText(std::string_view text) {
  const ImVec2 pad(14, 10);
  float width = AvailableWidth();
  float wrap = width - pad.x * 2;
  ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrap);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 box(width, size.y + pad.y * 2);
  ImGui::Dummy(box);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + box.x, pos.y + box.y);
  dl->AddRectFilled(pos, max, theme::kErrorBackground, theme::kRounding);
  dl->AddRect(pos, max, theme::kErrorBorder, theme::kRounding);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad.x, pos.y + pad.y),
              theme::kErrorText, text.data(), text.data() + text.size(), wrap);
  Record(text, "error").value = std::string(text);
}

void Logo(float size) {
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size, size));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), theme::kAccent, size * 0.22f);
  ImFont* font = theme::GetFonts().strong;
  if (font == nullptr) return;
  float font_size = size * 0.42f;
  const char* mark = "ЭЖ";
  ImVec2 text = font->CalcTextSizeA(font_size, 1e9f, 0, mark);
  dl->AddText(font, font_size,
              ImVec2(std::round(pos.x + (size - text.x) / 2), std::round(pos.y + (size - text.y) / 2)),
              theme::kOnAccent, mark);
}

}  // namespace ej::ui
