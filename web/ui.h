// Public API of the client's widget layer: thin wrappers over Dear ImGui that draw in the
// product's style AND record every widget drawn this frame: its visible label, kind, rectangle
// in CSS pixels, value and whether it is enabled. That record is THE TEST SEAM: the native tests
// (tests/web) and the browser tests (window.__ejWidgets, see wasm/) find widgets by label and
// click their centres. Screens draw anything a test may look for through these wrappers only.
//
// Labels follow ImGui's convention: "Войти###submit" shows «Войти» and is identified by
// "###submit"; "##x" suffixes are never recorded. Password values are never recorded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace ej::ui {

struct Widget {
  std::string label;  // the visible Russian text
  std::string kind;   // "button", "input" (its label is the caption above it), "text",
                      // "heading", "error"
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels from the top-left corner of the page
  std::string value;  // text of inputs and texts; "•••" (or "") for a password field
  bool enabled = true;
  bool focused = false;   // an input being edited
  bool password = false;  // an input that hides its text
};

// ---- The record ----

// Starts a new record; call once a frame after ImGui::NewFrame().
void BeginFrame();
// The widgets drawn so far this frame (between frames: the whole last frame), in drawing order.
const std::vector<Widget>& Widgets();
// The record as a JSON array of {label, kind, x, y, w, h, value, enabled, focused, password}.
std::string WidgetsJson();
// The first widget with this label (and this kind, if given), or nullptr.
const Widget* Find(std::string_view label, std::string_view kind = {});
// The input field at a point of the last frame, or nullptr (the browser focuses its hidden
// text input synchronously in a tap, which phones require to show the keyboard).
const Widget* InputAt(float x, float y);
// The input being edited, or nullptr.
const Widget* FocusedInput();

// ---- Layout ----

// A full-window screen without decorations; everything is drawn between these two.
void BeginScreen(const char* id);
void EndScreen();

// A white panel: content drawn between Begin/EndPanel at `pos` within `width` (CSS px),
// with `padding` inside; the background is drawn behind once the content's height is known.
// Returns the panel's height. Panels do not nest.
struct PanelStyle {
  float padding = 24;
  float rounding = 10;
  bool border_all = true;  // false: a bottom border only (a top bar)
};
void BeginPanel(ImVec2 pos, float width, const PanelStyle& style = {});
float EndPanel();
// Width left for widgets on the current line (inside a panel: up to the panel's padding).
float AvailableWidth();
// Vertical space in CSS px.
void Space(float height);

// ---- Widgets ----

enum class ButtonKind { kPrimary, kSecondary };
struct ButtonOptions {
  ButtonKind kind = ButtonKind::kPrimary;
  float width = 0;  // 0: fit the label; < 0: all the available width
  bool enabled = true;
};
// True on the frame the button is clicked.
bool Button(std::string_view label, const ButtonOptions& options = {});

struct InputOptions {
  bool password = false;
  bool enabled = true;
  bool focus = false;  // take the keyboard focus this frame
  float width = -1;    // < 0: all the available width
};
// A caption above a one-line field. Returns true when Enter is pressed in the field.
bool InputText(std::string_view label, std::string* value, const InputOptions& options = {});

// Texts wrap at the available width, or at `max_width` (CSS px) if it is smaller.
void Heading(std::string_view text, float max_width = 0);     // bold, large
void Text(std::string_view text, float max_width = 0);        // body text
void StrongText(std::string_view text, float max_width = 0);  // bold body text; kind "text"
void MutedText(std::string_view text, float max_width = 0);   // secondary text; kind "text"
// The width of a one-line text in the body font (strong: bold) in CSS px, for layout.
float TextWidth(std::string_view text, bool strong = false);
void ErrorText(std::string_view text);   // a calm red message box; kind "error"
// The product's mark: a blue rounded square with «ЭЖ»; not recorded.
void Logo(float size);

}  // namespace ej::ui
