// Public API of the client's look: a calm light theme for a school product (light background,
// white panels with subtle borders, one blue accent, generous spacing, dark-grey text) and its
// fonts (DejaVu Sans, regular and bold, with Cyrillic and Russian typography glyphs).
#pragma once

#include <string>

#include <imgui.h>

namespace ej::theme {

// ---- Colours (sRGB) ----
inline constexpr ImU32 kBackground = IM_COL32(0xF5, 0xF7, 0xFA, 0xFF);
inline constexpr ImU32 kPanel = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kBorder = IM_COL32(0xDD, 0xE3, 0xEA, 0xFF);
inline constexpr ImU32 kFieldBorder = IM_COL32(0xC3, 0xCC, 0xD6, 0xFF);
inline constexpr ImU32 kText = IM_COL32(0x1F, 0x29, 0x33, 0xFF);
inline constexpr ImU32 kMutedText = IM_COL32(0x5F, 0x6B, 0x7A, 0xFF);
inline constexpr ImU32 kAccent = IM_COL32(0x25, 0x63, 0xC9, 0xFF);
inline constexpr ImU32 kAccentHovered = IM_COL32(0x1E, 0x56, 0xB3, 0xFF);
inline constexpr ImU32 kAccentActive = IM_COL32(0x1A, 0x4A, 0x9A, 0xFF);
inline constexpr ImU32 kAccentSoft = IM_COL32(0xE8, 0xF0, 0xFC, 0xFF);
inline constexpr ImU32 kOnAccent = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kSecondaryHovered = IM_COL32(0xF0, 0xF3, 0xF7, 0xFF);
inline constexpr ImU32 kSecondaryActive = IM_COL32(0xE4, 0xE9, 0xEF, 0xFF);
inline constexpr ImU32 kErrorText = IM_COL32(0xA8, 0x2A, 0x22, 0xFF);
inline constexpr ImU32 kErrorBackground = IM_COL32(0xFD, 0xEF, 0xEE, 0xFF);
inline constexpr ImU32 kErrorBorder = IM_COL32(0xF2, 0xC4, 0xC0, 0xFF);
inline constexpr ImU32 kErrorField = IM_COL32(0xC8, 0x3A, 0x30, 0xFF);  // a field's border
inline constexpr ImU32 kSuccessText = IM_COL32(0x1B, 0x6E, 0x3E, 0xFF);
inline constexpr ImU32 kSuccessBackground = IM_COL32(0xEA, 0xF6, 0xEE, 0xFF);
inline constexpr ImU32 kSuccessBorder = IM_COL32(0xBF, 0xE3, 0xCB, 0xFF);
inline constexpr ImU32 kWarning = IM_COL32(0xD9, 0x8A, 0x00, 0xFF);      // «to do» marks
inline constexpr ImU32 kRowHovered = IM_COL32(0xF3, 0xF6, 0xFB, 0xFF);

// ---- Sizes (CSS px) ----
inline constexpr float kBodyFontSize = 17;
inline constexpr float kHeadingFontSize = 24;
inline constexpr float kRounding = 6;
inline constexpr float kButtonHeight = 44;  // a comfortable touch target
// Below this width the layout is a phone's: panels take the full width.
inline constexpr float kNarrowWidth = 560;
// From this width the console has a navigation column on the left; below it, a row of tabs.
inline constexpr float kWideWidth = 960;

struct Fonts {
  ImFont* body = nullptr;
  ImFont* strong = nullptr;
  ImFont* heading = nullptr;
};
// The fonts loaded by LoadFonts (ImGui's default font for all three if loading failed).
const Fonts& GetFonts();

// The glyphs the product draws: Basic Latin, Latin-1 (« » are there), Cyrillic, general
// punctuation U+2010–U+205E (— … •), U+20BD (₽), U+2116 (№), arrows U+2190–U+2193 (← →) and
// U+2713 (✓). wasm/CMakeLists.txt subsets the fonts to the same set.
const ImWchar* GlyphRanges();

// Sets what the app needs from ImGui's io: no ini or log files, the key map (see input.h).
void ConfigureIo(ImGuiIO& io);
// Applies the theme's colours and sizes to a style.
void Apply(ImGuiStyle& style);

// Clears the font atlas and loads DejaVuSans.ttf and DejaVuSans-Bold.ttf from `dir`,
// rasterised at size × `pixel_ratio` and drawn at 1 / `pixel_ratio` (io.FontGlobalScale), so
// text is sharp on high-density screens. The caller (re)builds the atlas texture. Returns
// false, and falls back to ImGui's built-in font, if a file cannot be read.
bool LoadFonts(ImGuiIO& io, const std::string& dir, float pixel_ratio);

}  // namespace ej::theme
