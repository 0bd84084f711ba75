// [SECTION] The record (the test seam)
// [SECTION] Layout: screens, panels, scroll areas
// [SECTION] Widgets: buttons, fields, drop-downs, navigation
// [SECTION] Tables
// [SECTION] Texts
#include "ui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>

#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include "theme.h"

namespace ej::ui {

std::string Shortened(const std::string& text, ImFont* font, float size, float width) {
  if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) return text;
  const float ellipsis = font->CalcTextSizeA(size, FLT_MAX, 0, "…").x;
  size_t end = text.size();
  while (end > 0) {
    do {
      --end;
    } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
    if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str(), text.c_str() + end).x + ellipsis <= width) break;
  }
  std::string out = text.substr(0, end);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string Shortened(const std::string& text, float width) {
  return Shortened(text, ImGui::GetFont(), ImGui::GetFontSize(), width);
}

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

// Records a widget with the rectangle it occupies; `visible` says whether all of it is inside
// the current window's clip rectangle (the scroll area's visible part).
Widget& RecordRect(std::string_view label, const char* kind, ImVec2 min, ImVec2 max) {
  Widget w;
  w.label = std::string(VisibleLabel(label));
  w.kind = kind;
  w.x = min.x;
  w.y = min.y;
  w.w = max.x - min.x;
  w.h = max.y - min.y;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 clip_min = dl->GetClipRectMin();
  ImVec2 clip_max = dl->GetClipRectMax();
  w.visible = min.x >= clip_min.x - 1 && min.y >= clip_min.y - 1 && max.x <= clip_max.x + 1 &&
              max.y <= clip_max.y + 1;
  g_widgets.push_back(std::move(w));
  return g_widgets.back();
}

Widget& Record(std::string_view label, const char* kind) {
  return RecordRect(label, kind, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

ImU32 ToneColor(Tone tone) {
  switch (tone) {
    case Tone::kMuted: return theme::kMutedText;
    case Tone::kError: return theme::kErrorText;
    case Tone::kSuccess: return theme::kSuccessText;
    case Tone::kWarning: return theme::kWarning;
    case Tone::kNormal:
    case Tone::kStrong: break;
  }
  return theme::kText;
}

ImFont* ToneFont(Tone tone) {
  ImFont* strong = theme::GetFonts().strong;
  return tone == Tone::kStrong && strong ? strong : ImGui::GetFont();
}

// A red message under a field, wrapped at the field's width.
void FieldError(const std::string& error, float width) {
  if (error.empty()) return;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 6);
  ColoredText(error, theme::kErrorText, false, width);
}

// The caption above a field.
void Caption(std::string_view visible) {
  ImGui::TextUnformatted(visible.data(), visible.data() + visible.size());
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 6);
}

bool Contains(const Widget& w, float x, float y) {
  return x >= w.x && x < w.x + w.w && y >= w.y && y < w.y + w.h;
}

// Draws wrapped text in a font and colour and records it.
// Dear ImGui wraps a line after any '.', even inside «31.08.2027» or «Иванова И.\u00A0П.». For
// drawing (never for the record) a dot with a letter or digit right after it becomes U+2024
// ONE DOT LEADER, which looks the same and is not a break point.
std::string Unbreakable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      // A digit, a Latin letter, or any UTF-8 sequence (Cyrillic, a no-break space) right after.
      const bool glued = (next >= '0' && next <= '9') || (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') ||
                         next >= 0x80;
      if (glued) {
        out += "\u2024";
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

void WrappedText(std::string_view text, ImFont* font, ImU32 color, const char* kind,
                 float max_width) {
  if (font) ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  float width = AvailableWidth();
  if (max_width > 0) width = std::min(width, max_width);
  float wrap_x = ImGui::GetCursorPosX() + width;
  ImGui::PushTextWrapPos(wrap_x);
  const std::string drawn = Unbreakable(text);
  ImGui::TextUnformatted(drawn.data(), drawn.data() + drawn.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  if (font) ImGui::PopFont();
  Record(text, kind).value = std::string(text);
}

}  // namespace

Widget& RecordCell(std::string_view label, const char* kind, ImVec2 min, ImVec2 max) {
  return RecordRect(label, kind, min, max);
}
std::string NoBreakAtDots(std::string_view text) { return Unbreakable(text); }

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
                    {"password", w.password},
                    {"multiline", w.multiline},
                    {"selected", w.selected},
                    {"visible", w.visible}});
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
    if (w.kind == "input" && w.enabled && w.visible && Contains(w, x, y)) return &w;
  }
  return nullptr;
}

const Widget* FocusedInput() {
  for (const Widget& w : Widgets()) {
    if (w.kind == "input" && w.focused) return &w;
  }
  return nullptr;
}

// [SECTION] Layout: screens, panels, scroll areas

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

void PanelBesideOrBelow(const SidePanel& l, const PanelStyle& style, const std::function<void()>& draw) {
  if (l.beside) {
    BeginPanel(ImVec2(l.top.x + l.main_w + l.gap, l.top.y), l.panel_w, style);
    draw();
    const float panel_h = EndPanel();
    ImGui::SetCursorScreenPos(ImVec2(l.top.x, l.top.y + std::max(l.main_h, panel_h)));
    ImGui::Dummy(ImVec2(0, 0));
  } else {
    ImGui::SetCursorPosX(l.x);
    Space(l.gap - ImGui::GetStyle().ItemSpacing.y * 2);
    ImGui::SetCursorPosX(l.x);
    BeginPanel(ImGui::GetCursorScreenPos(), l.page_w, style);
    draw();
    EndPanel();
  }
  ImGui::SetCursorPosX(l.x);
}

float ButtonWidth(std::string_view label, const ButtonOptions& options) {
  std::string_view visible = VisibleLabel(label);
  // The strong font of a primary button is pushed by the caller of CalcTextSize below.
  const bool primary = options.kind == ButtonKind::kPrimary;
  const bool pushed = primary && ImGui::GetFont() != theme::GetFonts().strong && theme::GetFonts().strong;
  if (pushed) ImGui::PushFont(theme::GetFonts().strong);
  // A compact button (in a table row) has less room around its label.
  const float pad = options.compact ? 8 : ImGui::GetStyle().FramePadding.x;
  const float width = ImGui::CalcTextSize(visible.data(), visible.data() + visible.size()).x + pad * 2 +
                      (options.kind == ButtonKind::kLink || options.compact ? 0 : 8);
  if (pushed) ImGui::PopFont();
  return width;
}

float AvailableWidth() {
  if (g_panel.open) {
    float right = g_panel.pos.x + g_panel.width - g_panel.style.padding;
    return std::max(1.0f, right - ImGui::GetCursorScreenPos().x);
  }
  return std::max(1.0f, ImGui::GetContentRegionAvail().x);
}

bool SameLineIfFits(float width, float gap) {
  const float right = g_panel.open ? g_panel.pos.x + g_panel.width - g_panel.style.padding
                                   : ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + gap + width > right) return false;
  ImGui::SameLine(0, gap);
  return true;
}

void Space(float height) { ImGui::Dummy(ImVec2(0, height)); }

void BeginScrollArea(const char* id, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
  ImGui::BeginChild(id, size, false);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

void EndScrollArea() { ImGui::EndChild(); }

// [SECTION] Widgets: buttons, fields, drop-downs, navigation

bool Button(std::string_view label, const ButtonOptions& options) {
  std::string id(label);
  std::string_view visible = VisibleLabel(label);
  const bool primary = options.kind == ButtonKind::kPrimary;
  const bool link = options.kind == ButtonKind::kLink;
  ImFont* font = primary ? theme::GetFonts().strong : nullptr;
  if (font) ImGui::PushFont(font);
  float width = options.width;
  if (width == 0) {
    width = ButtonWidth(label, options);
  } else if (width < 0) {
    width = AvailableWidth();
  }
  const ImU32 transparent = IM_COL32(0, 0, 0, 0);
  ImGui::PushStyleColor(ImGuiCol_Button,
                        primary ? theme::kAccent : link ? transparent : theme::kPanel);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, primary ? theme::kAccentHovered
                                                : link  ? theme::kAccentSoft
                                                        : theme::kSecondaryHovered);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, primary ? theme::kAccentActive
                                               : link  ? theme::kAccentSoft
                                                       : theme::kSecondaryActive);
  ImGui::PushStyleColor(ImGuiCol_Text, primary ? theme::kOnAccent : link ? theme::kAccent : theme::kText);
  ImGui::PushStyleColor(ImGuiCol_Border,
                        primary ? theme::kAccent : link ? transparent : theme::kFieldBorder);
  ImGui::BeginDisabled(!options.enabled);
  // A compact button's label keeps its own padding (ImGui lays the label out inside it).
  if (options.compact) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 4));
  bool clicked = ImGui::Button(id.c_str(), ImVec2(width, options.compact ? theme::kButtonHeight - 12 : theme::kButtonHeight));
  if (options.compact) ImGui::PopStyleVar();
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
  if (options.caption) Caption(visible);

  std::string id = "##" + std::string(label);
  float width = options.width < 0 ? AvailableWidth() : options.width;
  const bool multiline = options.height > 0;
  ImGui::SetNextItemWidth(width);
  if (options.focus) ImGui::SetKeyboardFocusHere();
  ImGuiInputTextFlags flags = 0;
  if (multiline) {
    flags |= ImGuiInputTextFlags_AllowTabInput;  // cells copied from a spreadsheet
  } else {
    flags |= ImGuiInputTextFlags_EnterReturnsTrue;
  }
  if (options.password) flags |= ImGuiInputTextFlags_Password;
  ImGui::PushStyleColor(ImGuiCol_Border,
                        options.error.empty() && !options.invalid ? theme::kFieldBorder : theme::kErrorField);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kPanel);
  ImGui::BeginDisabled(!options.enabled);
  bool entered = false;
  if (multiline) {
    ImGui::InputTextMultiline(id.c_str(), value, ImVec2(width, options.height), flags);
  } else if (!options.hint.empty()) {
    entered = ImGui::InputTextWithHint(id.c_str(), options.hint.c_str(), value, flags);
  } else {
    entered = ImGui::InputText(id.c_str(), value, flags);
  }
  bool active = ImGui::IsItemActive();
  ImGui::EndDisabled();
  ImGui::PopStyleColor(2);
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
  w.multiline = multiline;
  if (options.password) {
    w.value = value->empty() ? "" : "•••";
  } else {
    w.value = *value;
  }
  FieldError(options.error, width);
  return entered && options.enabled;
}

bool Checkbox(std::string_view label, bool* checked, bool enabled) {
  const std::string id(label);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, theme::kPanel);
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, theme::kSecondaryHovered);
  ImGui::PushStyleColor(ImGuiCol_Border, theme::kFieldBorder);
  ImGui::PushStyleColor(ImGuiCol_CheckMark, theme::kAccent);
  ImGui::BeginDisabled(!enabled);
  const bool toggled = ImGui::Checkbox(id.c_str(), checked);
  if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImGui::EndDisabled();
  ImGui::PopStyleColor(4);
  Widget& w = Record(label, "checkbox");
  w.selected = *checked;
  w.value = *checked ? "1" : "0";
  w.enabled = enabled;
  return toggled && enabled;
}

bool Combo(std::string_view label, const std::vector<ComboItem>& items, int* index,
           const ComboOptions& options) {
  std::string_view visible = VisibleLabel(label);
  if (options.caption) Caption(visible);
  const std::string id = "##" + std::string(label);
  const float width = options.width < 0 ? AvailableWidth() : options.width;
  const bool valid = *index >= 0 && *index < static_cast<int>(items.size());
  const std::string chosen = valid ? items[*index].text : std::string();
  // The chosen item's text stops before the chevron, cut with «…» when it is longer.
  const std::string preview = Shortened(chosen, width - 2 * ImGui::GetStyle().FramePadding.x - 30);
  const ImVec2 frame_min = ImGui::GetCursorScreenPos();
  const ImVec2 frame_max(frame_min.x + width, frame_min.y + ImGui::GetFrameHeight());
  // An empty list (still loading, nothing to choose) does not open: an empty pop-up says nothing.
  const bool enabled = options.enabled && !items.empty();

  ImGui::PushStyleColor(ImGuiCol_Border, options.error.empty() ? theme::kFieldBorder : theme::kErrorField);
  ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, theme::kSecondaryHovered);
  ImGui::PushStyleColor(ImGuiCol_Button, theme::kPanel);  // the arrow's box
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::kSecondaryHovered);
  ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
  ImGui::BeginDisabled(!enabled);
  ImGui::SetNextItemWidth(width);
  // The list shows up to 60 % of the screen's height, then scrolls.
  const float item_h = 34;
  const float spacing = 2;
  const float list_h = static_cast<float>(items.size()) * (item_h + spacing) - spacing + 12;
  const float max_h = std::max(240.0f, std::min(520.0f, ImGui::GetIO().DisplaySize.y * 0.6f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(FLT_MAX, std::min(list_h, max_h)));
  bool changed = false;
  const bool open = ImGui::BeginCombo(id.c_str(), preview.c_str(), ImGuiComboFlags_NoArrowButton);
  if (enabled && !open) {
    if (ImGui::IsMouseHoveringRect(frame_min, frame_max)) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
  {
    // A light chevron instead of ImGui's heavy arrow; it points up while the list is open.
    ImDrawList* dl = open ? ImGui::GetForegroundDrawList() : ImGui::GetWindowDrawList();
    const float cx = frame_max.x - 18;
    const float cy = std::round((frame_min.y + frame_max.y) / 2);
    const float d = open ? -1.0f : 1.0f;
    const ImVec2 chevron[3] = {ImVec2(cx - 5, cy - 2.5f * d), ImVec2(cx, cy + 2.5f * d), ImVec2(cx + 5, cy - 2.5f * d)};
    dl->AddPolyline(chevron, 3, theme::kMutedText, 0, 1.8f);
  }
  {
    Widget& w = RecordRect(label, "combo", frame_min, frame_max);
    w.value = chosen;
    w.enabled = enabled;
    w.focused = open;
  }
  if (open) {
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, spacing));
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
      const ComboItem& item = items[i];
      const bool selected = i == *index;
      ImGui::PushID(i);
      ImGui::PushStyleColor(ImGuiCol_Header, theme::kAccentSoft);
      ImGui::PushStyleColor(ImGuiCol_HeaderHovered, theme::kRowHovered);
      ImGui::PushStyleColor(ImGuiCol_HeaderActive, theme::kAccentSoft);
      // Padding on the left: the text does not touch the popup's border.
      std::string text = "  " + item.text;
      if (ImGui::Selectable(text.c_str(), selected, 0, ImVec2(0, item_h))) {
        *index = i;
        changed = true;
      }
      ImGui::PopStyleColor(3);
      if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      if (selected && ImGui::IsWindowAppearing()) {
        ImGui::SetItemDefaultFocus();
        ImGui::SetScrollHereY(0.3f);
      }
      ImVec2 min = ImGui::GetItemRectMin();
      ImVec2 max = ImGui::GetItemRectMax();
      if (!item.detail.empty()) {
        ImVec2 size = ImGui::CalcTextSize(item.detail.c_str());
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(std::round(max.x - size.x - 10), std::round(min.y + (item_h - size.y) / 2)),
            theme::kMutedText, item.detail.c_str());
      }
      Widget& w = RecordRect(item.text, "option", min, max);
      w.value = item.detail;
      w.selected = selected;
      ImGui::PopID();
    }
    ImGui::PopStyleVar(2);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(4);
  FieldError(options.error, width);
  return changed;
}

bool NavItem(std::string_view label, bool selected, std::string_view badge, float width,
             Tone badge_tone) {
  std::string_view visible = VisibleLabel(label);
  const float height = 44;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(std::string(label).c_str(), ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + width, pos.y + height);
  if (selected) {
    dl->AddRectFilled(pos, max, theme::kAccentSoft, 8);
    dl->AddRectFilled(pos, ImVec2(pos.x + 4, max.y), theme::kAccent, 2);
  } else if (hovered) {
    dl->AddRectFilled(pos, max, theme::kSecondaryHovered, 8);
  }
  ImFont* font = selected && theme::GetFonts().strong ? theme::GetFonts().strong : ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, visible.data(), visible.data() + visible.size());
  const float text_y = std::round(pos.y + (height - text.y) / 2);
  dl->AddText(font, size, ImVec2(pos.x + 16, text_y), selected ? theme::kAccent : theme::kText,
              visible.data(), visible.data() + visible.size());
  if (!badge.empty()) {
    ImFont* bold = theme::GetFonts().strong ? theme::GetFonts().strong : ImGui::GetFont();
    const ImVec2 b = bold->CalcTextSizeA(size * 0.82f, FLT_MAX, 0, badge.data(), badge.data() + badge.size());
    const float bw = std::max(b.x + 14, 26.0f);
    const float bh = b.y + 6;
    const ImVec2 bmin(std::round(max.x - 12 - bw), std::round(pos.y + (height - bh) / 2));
    const bool warning = badge_tone == Tone::kWarning;
    dl->AddRectFilled(bmin, ImVec2(bmin.x + bw, bmin.y + bh),
                      warning ? theme::kWarning : (selected ? theme::kPanel : theme::kBackground), bh / 2);
    dl->AddText(bold, size * 0.82f, ImVec2(std::round(bmin.x + (bw - b.x) / 2), bmin.y + 3),
                warning ? theme::kOnAccent : theme::kMutedText, badge.data(), badge.data() + badge.size());
  }
  Widget& w = Record(label, "tab");
  w.selected = selected;
  w.value = std::string(badge);
  return clicked;
}

bool Tab(std::string_view label, bool selected, float width) {
  std::string_view visible = VisibleLabel(label);
  const float height = 46;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(std::string(label).c_str(), ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + width, pos.y + height);
  if (hovered && !selected) dl->AddRectFilled(pos, max, theme::kSecondaryHovered);
  ImFont* font = selected && theme::GetFonts().strong ? theme::GetFonts().strong : ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, visible.data(), visible.data() + visible.size());
  dl->AddText(font, size, ImVec2(std::round(pos.x + (width - text.x) / 2), std::round(pos.y + (height - text.y) / 2)),
              selected ? theme::kAccent : theme::kMutedText, visible.data(), visible.data() + visible.size());
  if (selected) dl->AddRectFilled(ImVec2(pos.x + 8, max.y - 3), ImVec2(max.x - 8, max.y), theme::kAccent, 1.5f);
  Widget& w = Record(label, "tab");
  w.selected = selected;
  return clicked;
}

namespace {

constexpr float kTabHeight = 46;

struct StripState {
  bool open = false;
  float width = 0;
  int index = 0;     // the tab being drawn
  int selected = -1;  // the selected tab this frame
};
StripState g_strip;
std::map<ImGuiID, int> g_strip_selected;  // by strip: the selected tab last scrolled to

}  // namespace

void BeginTabStrip(const char* id, ImVec2 pos, float width) {
  IM_ASSERT(!g_strip.open);
  g_strip = StripState{true, width, 0, -1};
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::BeginChild(id, ImVec2(width, kTabHeight), false,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
}

bool StripTab(std::string_view label, bool selected) {
  IM_ASSERT(g_strip.open);
  if (g_strip.index > 0) ImGui::SameLine(0, 0);
  std::string_view visible = VisibleLabel(label);
  ImFont* bold = theme::GetFonts().strong ? theme::GetFonts().strong : ImGui::GetFont();
  const float text_w = bold->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, visible.data(),
                                           visible.data() + visible.size()).x;
  const bool clicked = Tab(label, selected, std::round(text_w + 32));
  if (selected) {
    g_strip.selected = g_strip.index;
    const ImGuiID strip = ImGui::GetID("##strip");
    auto it = g_strip_selected.find(strip);
    if (it == g_strip_selected.end() || it->second != g_strip.index) {
      ImGui::SetScrollHereX(0.5f);
      g_strip_selected[strip] = g_strip.index;
    }
  }
  ++g_strip.index;
  return clicked;
}

void EndTabStrip() {
  IM_ASSERT(g_strip.open);
  // The wheel scrolls the strip sideways (a finger's horizontal drag does already).
  if (ImGui::IsWindowHovered() && ImGui::GetIO().MouseWheel != 0) {
    ImGui::SetScrollX(ImGui::GetScrollX() - ImGui::GetIO().MouseWheel * 60);
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
  g_strip.open = false;
}

// [SECTION] Tables

namespace {

struct TableState {
  bool open = false;
  float left = 0;
  float width = 0;
  float pad_x = 14;      // inside each cell, left and right
  float pad_y = 9;       // above and below a row's content (dense enough for a dozen rows at 768 px)
  std::vector<float> x;  // each column's left edge, relative to `left`
  std::vector<float> w;  // each column's width
  std::vector<bool> right;
  std::vector<bool> one_line;
};
TableState g_table;

float CellWrap(const TableState& t, size_t i) { return std::max(10.0f, t.w[i] - 2 * t.pad_x); }


// The x of a text in a column (left- or right-aligned).
float CellTextX(const TableState& t, size_t i, float left, float text_w) {
  return t.right[i] ? left + t.x[i] + t.w[i] - t.pad_x - text_w : left + t.x[i] + t.pad_x;
}

}  // namespace

void BeginTable(const char* id, const std::vector<TableColumn>& columns, TableSort* sort, bool dense) {
  IM_ASSERT(!g_table.open && "tables do not nest");
  ImGui::PushID(id);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  TableState& t = g_table;
  t = TableState();
  t.open = true;
  t.left = ImGui::GetCursorScreenPos().x;
  t.width = AvailableWidth();
  if (ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth) {
    t.pad_x = 8;
    t.pad_y = 10;
  } else if (dense) {
    t.pad_x = 10;
  }
  float fixed = 0;
  int shares = 0;
  for (const TableColumn& c : columns) {
    fixed += c.width;
    if (c.width <= 0) ++shares;
  }
  const float share = shares > 0 ? std::max(60.0f, (t.width - fixed) / shares) : 0;
  float x = 0;
  for (const TableColumn& c : columns) {
    float w = c.width > 0 ? c.width : share;
    t.x.push_back(x);
    t.w.push_back(w);
    t.right.push_back(c.right);
    t.one_line.push_back(c.one_line);
    x += w;
  }

  // The header: column titles in bold grey on the page's background (wrapped in their
  // column if need be), a line below; a sorted column's title in the text colour with an arrow.
  ImFont* bold = theme::GetFonts().strong ? theme::GetFonts().strong : ImGui::GetFont();
  const float size = ImGui::GetFontSize() * 0.88f;
  std::vector<std::string> titles;
  std::vector<ImVec2> sizes;
  float text_h = size * 1.2f;
  for (size_t i = 0; i < columns.size(); ++i) {
    std::string title = columns[i].title;
    if (sort && sort->column == static_cast<int>(i)) title += sort->descending ? " ↓" : " ↑";
    titles.push_back(title);
    sizes.push_back(bold->CalcTextSizeA(size, FLT_MAX, CellWrap(t, i), title.c_str()));
    text_h = std::max(text_h, sizes.back().y);
  }
  const float header_h = std::round(text_h + 2 * 10);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(t.width, header_h));
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + t.width, pos.y + header_h), theme::kBackground, 6);
  for (size_t i = 0; i < columns.size(); ++i) {
    const ImVec2 cmin(pos.x + t.x[i], pos.y);
    const ImVec2 cmax(cmin.x + t.w[i], pos.y + header_h);
    const bool sorted = sort && sort->column == static_cast<int>(i);
    bool hovered = false;
    if (sort && columns[i].sortable) {
      ImGui::SetCursorScreenPos(cmin);
      if (ImGui::InvisibleButton(("##sort" + std::to_string(i)).c_str(), ImVec2(t.w[i], header_h))) {
        if (sorted) {
          sort->descending = !sort->descending;
        } else {
          sort->column = static_cast<int>(i);
          sort->descending = false;
        }
      }
      hovered = ImGui::IsItemHovered();
      if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    ImVec2 tmin(std::round(CellTextX(t, i, pos.x, sizes[i].x)), std::round(pos.y + (header_h - sizes[i].y) / 2));
    dl->AddText(bold, size, tmin, sorted || hovered ? theme::kText : theme::kMutedText, titles[i].c_str(), nullptr,
                CellWrap(t, i));
    Widget& w = RecordRect(columns[i].title, "header", cmin, cmax);
    w.selected = sorted;
    if (sorted) w.value = sort->descending ? "↓" : "↑";
  }
  ImGui::SetCursorScreenPos(after);
}

bool TableRow(std::string_view label, const std::vector<TableCell>& cells, bool clickable) {
  IM_ASSERT(g_table.open);
  const TableState& t = g_table;
  const size_t n = std::min(cells.size(), t.w.size());
  const float font_size = ImGui::GetFontSize();
  const float detail_gap = 2;
  // The row is as tall as its tallest cell.
  std::vector<ImVec2> sizes(n);
  std::vector<ImVec2> details(n);
  std::vector<std::string> texts(n), detail_texts(n);  // as drawn (see Unbreakable)
  for (size_t i = 0; i < n; ++i) {
    texts[i] = Unbreakable(cells[i].text);
    detail_texts[i] = Unbreakable(cells[i].detail);
    if (t.one_line[i]) {
      texts[i] = Shortened(texts[i], ToneFont(cells[i].tone), font_size, CellWrap(t, i));
      if (!detail_texts[i].empty()) {
        detail_texts[i] = Shortened(detail_texts[i], ToneFont(cells[i].detail_tone), font_size, CellWrap(t, i));
      }
    }
  }
  float content_h = ImGui::GetTextLineHeight();
  for (size_t i = 0; i < n; ++i) {
    const float wrap = CellWrap(t, i);
    sizes[i] = ToneFont(cells[i].tone)->CalcTextSizeA(font_size, FLT_MAX, wrap, texts[i].c_str());
    float h = sizes[i].y;
    if (!cells[i].detail.empty()) {
      details[i] = ToneFont(cells[i].detail_tone)->CalcTextSizeA(font_size, FLT_MAX, wrap, detail_texts[i].c_str());
      h += detail_gap + details[i].y;
    }
    content_h = std::max(content_h, h);
  }
  const float row_h = std::round(content_h + 2 * t.pad_y);
  ImGui::SetCursorScreenPos(ImVec2(t.left, ImGui::GetCursorScreenPos().y));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const std::string id = "##row" + std::string(label);
  bool clicked = false;
  bool hovered = false;
  if (clickable) {
    clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(t.width, row_h));
    hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  } else {
    ImGui::Dummy(ImVec2(t.width, row_h));
  }
  const ImVec2 max(pos.x + t.width, pos.y + row_h);
  std::string value;
  for (size_t i = 0; i < n; ++i) {
    if (i) value += '\t';
    value += cells[i].text;
    if (!cells[i].detail.empty()) value += '\t' + cells[i].detail;
  }
  if (ImGui::IsItemVisible()) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) dl->AddRectFilled(pos, max, theme::kRowHovered);
    for (size_t i = 0; i < n; ++i) {
      const TableCell& c = cells[i];
      const float wrap = CellWrap(t, i);
      const float y = pos.y + t.pad_y;
      dl->AddText(ToneFont(c.tone), font_size, ImVec2(std::round(CellTextX(t, i, pos.x, sizes[i].x)), y),
                  ToneColor(c.tone), texts[i].c_str(), nullptr, wrap);
      if (!c.detail.empty()) {
        dl->AddText(ToneFont(c.detail_tone), font_size,
                    ImVec2(std::round(CellTextX(t, i, pos.x, details[i].x)), y + sizes[i].y + detail_gap),
                    ToneColor(c.detail_tone), detail_texts[i].c_str(), nullptr, wrap);
      }
    }
    dl->AddLine(ImVec2(pos.x, max.y - 0.5f), ImVec2(max.x, max.y - 0.5f), theme::kBorder);
  }
  Widget& row = RecordRect(label, "row", pos, max);
  row.value = value;
  for (size_t i = 0; i < n; ++i) {
    const ImVec2 cmin(pos.x + t.x[i], pos.y);
    const ImVec2 cmax(cmin.x + t.w[i], max.y);
    if (cells[i].tone == Tone::kError) RecordRect(cells[i].text, "error", cmin, cmax).value = cells[i].text;
    if (cells[i].detail_tone == Tone::kError && !cells[i].detail.empty()) {
      RecordRect(cells[i].detail, "error", cmin, cmax).value = cells[i].detail;
    }
  }
  return clicked;
}

void TableMessage(std::string_view text) {
  IM_ASSERT(g_table.open);
  const TableState& t = g_table;
  ImGui::SetCursorScreenPos(ImVec2(t.left, ImGui::GetCursorScreenPos().y));
  ImGui::Dummy(ImVec2(0, t.pad_y + 4));
  ImGui::SetCursorScreenPos(ImVec2(t.left + t.pad_x, ImGui::GetCursorScreenPos().y));
  MutedText(text, t.width - 2 * t.pad_x);
  ImGui::Dummy(ImVec2(0, t.pad_y + 4));
}

void EndTable() {
  IM_ASSERT(g_table.open);
  g_table.open = false;
  ImGui::PopStyleVar();
  ImGui::PopID();
  // Leave the usual spacing below the table.
  ImGui::Dummy(ImVec2(0, 0));
}

// [SECTION] Texts

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

void ErrorText(std::string_view text, float max_width) {
  const ImVec2 pad(14, 10);
  float width = AvailableWidth();
  if (max_width > 0) width = std::min(width, max_width);
  float wrap = width - pad.x * 2;
  const std::string drawn = Unbreakable(text);
  ImVec2 size = ImGui::CalcTextSize(drawn.data(), drawn.data() + drawn.size(), false, wrap);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 box(width, size.y + pad.y * 2);
  ImGui::Dummy(box);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + box.x, pos.y + box.y);
  dl->AddRectFilled(pos, max, theme::kErrorBackground, theme::kRounding);
  dl->AddRect(pos, max, theme::kErrorBorder, theme::kRounding);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad.x, pos.y + pad.y),
              theme::kErrorText, drawn.data(), drawn.data() + drawn.size(), wrap);
  Record(text, "error").value = std::string(text);
}

void Notice(std::string_view text, float max_width) {
  const ImVec2 pad(14, 10);
  float width = AvailableWidth();
  if (max_width > 0) width = std::min(width, max_width);
  float wrap = width - pad.x * 2;
  const std::string drawn = Unbreakable(text);
  ImVec2 size = ImGui::CalcTextSize(drawn.data(), drawn.data() + drawn.size(), false, wrap);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 box(width, size.y + pad.y * 2);
  ImGui::Dummy(box);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + box.x, pos.y + box.y);
  dl->AddRectFilled(pos, max, theme::kSuccessBackground, theme::kRounding);
  dl->AddRect(pos, max, theme::kSuccessBorder, theme::kRounding);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad.x, pos.y + pad.y),
              theme::kSuccessText, drawn.data(), drawn.data() + drawn.size(), wrap);
  Record(text, "notice").value = std::string(text);
}

void ColoredText(std::string_view text, ImU32 color, bool strong, float max_width) {
  WrappedText(text, strong ? theme::GetFonts().strong : nullptr, color,
              color == theme::kErrorText ? "error" : "text", max_width);
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
