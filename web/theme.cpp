#include "theme.h"

#include <cstdio>
#include <cstdlib>

#include "input.h"

namespace ej::theme {
namespace {

Fonts g_fonts;

ImVec4 Color(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// Reads a whole file into memory owned by ImGui (the atlas frees it). nullptr on failure.
void* ReadFile(const std::string& path, int* size) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return nullptr;
  void* data = nullptr;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long n = std::ftell(f);
    if (n > 0 && std::fseek(f, 0, SEEK_SET) == 0) {
      data = IM_ALLOC(static_cast<size_t>(n));
      if (std::fread(data, 1, static_cast<size_t>(n), f) != static_cast<size_t>(n)) {
        IM_FREE(data);
        data = nullptr;
      } else {
        *size = static_cast<int>(n);
      }
    }
  }
  std::fclose(f);
  return data;
}

ImFont* AddFont(ImGuiIO& io, const std::string& path, float size_px) {
  int size = 0;
  void* data = ReadFile(path, &size);
  if (data == nullptr) return nullptr;
  ImFontConfig config;
  config.OversampleH = 1;  // rasterised at the device's own density: no oversampling needed
  config.OversampleV = 1;
  config.PixelSnapH = true;
  return io.Fonts->AddFontFromMemoryTTF(data, size, size_px, &config, GlyphRanges());
}

}  // namespace

const Fonts& GetFonts() { return g_fonts; }

const ImWchar* GlyphRanges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (« » № is not here)
      0x0400, 0x052F,  // Cyrillic + Cyrillic Supplement
      0x2DE0, 0x2DFF,  // Cyrillic Extended-A
      0xA640, 0xA69F,  // Cyrillic Extended-B
      0x2010, 0x205E,  // general punctuation: ‐ – — ‘ ’ “ ” „ • … ‰
      0x20BD, 0x20BD,  // ₽
      0x2116, 0x2116,  // №
      0x2190, 0x2193,  // ← ↑ → ↓
      0x2212, 0x2212,  // − (a true minus: «4−»)
      0x2713, 0x2713,  // ✓
      0,
  };
  return kRanges;
}

void ConfigureIo(ImGuiIO& io) {
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a steady caret lets the browser idle between inputs
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  ej::web::ConfigureKeyMap(io);
}

void Apply(ImGuiStyle& style) {
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildRounding = kRounding;
  style.ChildBorderSize = 1;
  style.PopupRounding = kRounding;
  style.PopupBorderSize = 1;
  style.FramePadding = ImVec2(12, 10);
  style.FrameRounding = kRounding;
  style.FrameBorderSize = 1;
  style.ItemSpacing = ImVec2(10, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 12;
  style.ScrollbarRounding = 6;
  style.GrabRounding = kRounding;
  style.DisabledAlpha = 0.6f;
  style.AntiAliasedLines = true;
  style.AntiAliasedFill = true;

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = Color(kText);
  c[ImGuiCol_TextDisabled] = Color(kMutedText);
  c[ImGuiCol_WindowBg] = Color(kBackground);
  c[ImGuiCol_ChildBg] = Color(kPanel);
  c[ImGuiCol_PopupBg] = Color(kPanel);
  c[ImGuiCol_Border] = Color(kBorder);
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = Color(kPanel);
  c[ImGuiCol_FrameBgHovered] = Color(kPanel);
  c[ImGuiCol_FrameBgActive] = Color(kPanel);
  c[ImGuiCol_TitleBg] = Color(kPanel);
  c[ImGuiCol_TitleBgActive] = Color(kPanel);
  c[ImGuiCol_TitleBgCollapsed] = Color(kPanel);
  c[ImGuiCol_MenuBarBg] = Color(kPanel);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = Color(kFieldBorder);
  c[ImGuiCol_ScrollbarGrabHovered] = Color(kMutedText);
  c[ImGuiCol_ScrollbarGrabActive] = Color(kMutedText);
  c[ImGuiCol_CheckMark] = Color(kAccent);
  c[ImGuiCol_SliderGrab] = Color(kAccent);
  c[ImGuiCol_SliderGrabActive] = Color(kAccentActive);
  c[ImGuiCol_Button] = Color(kAccent);
  c[ImGuiCol_ButtonHovered] = Color(kAccentHovered);
  c[ImGuiCol_ButtonActive] = Color(kAccentActive);
  c[ImGuiCol_Header] = Color(kAccentSoft);
  c[ImGuiCol_HeaderHovered] = Color(kAccentSoft);
  c[ImGuiCol_HeaderActive] = Color(kAccentSoft);
  c[ImGuiCol_Separator] = Color(kBorder);
  c[ImGuiCol_SeparatorHovered] = Color(kFieldBorder);
  c[ImGuiCol_SeparatorActive] = Color(kAccent);
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Tab] = Color(kPanel);
  c[ImGuiCol_TabHovered] = Color(kAccentSoft);
  c[ImGuiCol_TabActive] = Color(kAccentSoft);
  c[ImGuiCol_TableHeaderBg] = Color(kBackground);
  c[ImGuiCol_TableBorderStrong] = Color(kBorder);
  c[ImGuiCol_TableBorderLight] = Color(kBorder);
  c[ImGuiCol_TableRowBg] = Color(kPanel);
  c[ImGuiCol_TableRowBgAlt] = Color(kBackground);
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.15f, 0.39f, 0.79f, 0.25f);
  c[ImGuiCol_NavHighlight] = Color(kAccent);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.12f, 0.16f, 0.20f, 0.35f);
}

bool LoadFonts(ImGuiIO& io, const std::string& dir, float pixel_ratio) {
  if (pixel_ratio <= 0) pixel_ratio = 1;
  io.Fonts->Clear();
  g_fonts = Fonts();
  std::string regular = dir + "/DejaVuSans.ttf";
  std::string bold = dir + "/DejaVuSans-Bold.ttf";
  ImFont* body = AddFont(io, regular, kBodyFontSize * pixel_ratio);
  ImFont* strong = body ? AddFont(io, bold, kBodyFontSize * pixel_ratio) : nullptr;
  ImFont* heading = strong ? AddFont(io, bold, kHeadingFontSize * pixel_ratio) : nullptr;
  if (heading == nullptr) {
    io.Fonts->Clear();
    ImFontConfig config;
    config.SizePixels = 13 * pixel_ratio;
    ImFont* fallback = io.Fonts->AddFontDefault(&config);
    g_fonts = Fonts{fallback, fallback, fallback};
    io.FontDefault = fallback;
    io.FontGlobalScale = 1.0f / pixel_ratio;
    return false;
  }
  g_fonts = Fonts{body, strong, heading};
  io.FontDefault = body;
  io.FontGlobalScale = 1.0f / pixel_ratio;
  return true;
}

}  // namespace ej::theme
