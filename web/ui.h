// Public API of the client's widget layer: thin wrappers over Dear ImGui that draw in the
// product's style AND record every widget drawn this frame: its visible label, kind, rectangle
// in CSS pixels, value and whether it is enabled. That record is THE TEST SEAM: the native tests
// (tests/web) and the browser tests (window.__ejWidgets, see wasm/) find widgets by label and
// click their centres. Screens draw anything a test may look for through these wrappers only.
//
// Labels follow ImGui's convention: "Войти###submit" shows «Войти» and is identified by
// "###submit"; "##x" suffixes are never recorded. Password values are never recorded.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace ej::ui {

struct Widget {
  std::string label;  // the visible Russian text
  std::string kind;   // "button", "input" (its label is the caption above it), "combo" (a
                      // drop-down; value = the chosen item), "option" (an item of an open
                      // drop-down), "tab" (navigation), "header" (a table's column title),
                      // "row" (a table row; label = its first cell, value = the cells joined
                      // by TABs), "text", "heading", "error", "notice"
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels from the top-left corner of the page
  std::string value;  // text of inputs and texts; "•••" (or "") for a password field
  bool enabled = true;
  bool focused = false;    // an input being edited
  bool password = false;   // an input that hides its text
  bool multiline = false;  // an input of several lines (TAB and Enter are typed into it)
  bool selected = false;   // the current tab
  bool visible = true;     // wholly inside its scroll area (false: scroll before clicking)
};

// ---- The record ----

// Starts a new record; call once a frame after ImGui::NewFrame().
void BeginFrame();
// The widgets drawn so far this frame (between frames: the whole last frame), in drawing order.
const std::vector<Widget>& Widgets();
// The record as a JSON array of {label, kind, x, y, w, h, value, enabled, focused, password,
// multiline, selected, visible}.
std::string WidgetsJson();
// The first widget with this label (and this kind, if given), or nullptr.
const Widget* Find(std::string_view label, std::string_view kind = {});
// The visible input field at a point of the last frame, or nullptr (the browser focuses its
// hidden text input synchronously in a tap, which phones require to show the keyboard).
const Widget* InputAt(float x, float y);
// The input being edited, or nullptr.
const Widget* FocusedInput();

// Records a widget the caller drew itself (a cell of the journal grid) with its rectangle in
// screen coordinates; the caller fills value / selected / enabled.
Widget& RecordCell(std::string_view label, const char* kind, ImVec2 min, ImVec2 max);

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
// A page's editor panel beside its main part (a table, a grid, a calendar) on a wide screen,
// or under it, the page's full width, on a narrow one. `top` is where the main part began (its
// panel at `top`, `main_w` × `main_h`), `x` the page's left edge in window coordinates, `page_w`
// its width. `draw` draws the panel's content. The cursor ends at `x`, below both.
struct SidePanel {
  bool beside = true;
  ImVec2 top;
  float main_w = 0;
  float main_h = 0;
  float panel_w = 0;
  float page_w = 0;
  float x = 0;
  float gap = 24;
};
void PanelBesideOrBelow(const SidePanel& layout, const PanelStyle& style, const std::function<void()>& draw);
// Width left for widgets on the current line (inside a panel: up to the panel's padding).
float AvailableWidth();
struct ButtonOptions;
// The width a button with this label takes (its options: kind, compact).
float ButtonWidth(std::string_view label, const ButtonOptions& options);
// The next item goes on the current line, `gap` after the last one, when `width` more fits in
// the panel (true); otherwise it goes on the next line (false).
bool SameLineIfFits(float width, float gap = 12);
// Vertical space in CSS px.
void Space(float height);
// The text cut to fit `width` on one line, ending with «…» when cut (at a character boundary);
// in the given font and size, or the current ones.
std::string Shortened(const std::string& text, ImFont* font, float size, float width);
std::string Shortened(const std::string& text, float width);

// A region of the screen whose content scrolls vertically (the wheel; a scroll bar when the
// content is taller). Everything between Begin and End is drawn inside; the cursor starts at
// its top-left corner.
void BeginScrollArea(const char* id, ImVec2 pos, ImVec2 size);
void EndScrollArea();

// ---- Widgets ----

// How a text is coloured and weighted.
enum class Tone { kNormal, kStrong, kMuted, kError, kSuccess, kWarning };

enum class ButtonKind {
  kPrimary,    // filled with the accent
  kSecondary,  // white with a border
  kLink,       // accent text only («← Все классы»)
};
struct ButtonOptions {
  ButtonKind kind = ButtonKind::kPrimary;
  float width = 0;  // 0: fit the label; < 0: all the available width
  bool enabled = true;
  bool compact = false;  // 32 px high with less room around the label: inside a table row or beside a field
};
// True on the frame the button is clicked.
bool Button(std::string_view label, const ButtonOptions& options = {});

struct InputOptions {
  bool password = false;
  bool enabled = true;
  bool focus = false;    // take the keyboard focus this frame
  float width = -1;      // < 0: all the available width
  bool caption = true;   // false: no caption above (the label is still recorded)
  std::string hint;      // grey text in the empty field
  std::string error;     // shown in red under the field (kind "error"); the border turns red
  float height = 0;      // > 0: a multi-line field this tall (TAB and Enter type into it)
  bool invalid = false;  // a red border without a message (a grid's cell; the message is elsewhere)
};
// A caption above a field. Returns true when Enter is pressed in a one-line field.
bool InputText(std::string_view label, std::string* value, const InputOptions& options = {});

struct ComboItem {
  std::string text;    // what is chosen (recorded as the option's label)
  std::string detail;  // grey, right-aligned in the list ("5А": the class a teacher leads)
};
struct ComboOptions {
  bool enabled = true;
  float width = -1;     // < 0: all the available width
  bool caption = true;  // false: no caption above (the label is still recorded)
  std::string error;    // as for InputText
};
// A caption above a drop-down list. `index` is the chosen item. True on the frame it changes.
bool Combo(std::string_view label, const std::vector<ComboItem>& items, int* index,
           const ComboOptions& options = {});
// A drop-down over values (an id, a room's name …), each shown as its text: `*value` is the
// chosen one (the first is shown when it is none of them). True on the frame the user chooses
// another; `*value` is then the new one.
template <typename T>
struct Choice {
  T value;
  std::string text;
  std::string detail;
};
template <typename T>
bool ChoiceCombo(std::string_view label, const std::vector<Choice<T>>& choices, T* value,
                 const ComboOptions& options = {}) {
  std::vector<ComboItem> items;
  int index = 0;
  for (size_t i = 0; i < choices.size(); ++i) {
    items.push_back({choices[i].text, choices[i].detail});
    if (choices[i].value == *value) index = static_cast<int>(i);
  }
  if (!Combo(label, items, &index, options)) return false;
  *value = choices[static_cast<size_t>(index)].value;
  return true;
}

// A check box with its label on the right; recorded as "checkbox" with `selected` when ticked.
// True on the frame it is toggled.
bool Checkbox(std::string_view label, bool* checked, bool enabled = true);

// Navigation: a tab of the console (vertical in the left column, horizontal in a row on a
// narrow screen). `badge` is a small count on the right, "" for none (kWarning: amber, for
// things left to do). True when clicked.
bool NavItem(std::string_view label, bool selected, std::string_view badge, float width,
             Tone badge_tone = Tone::kMuted);
bool Tab(std::string_view label, bool selected, float width);
// A row of tabs that scrolls sideways (a finger's drag, the wheel) when they do not fit; each
// tab is as wide as its label, and a newly selected tab is scrolled into view. Tabs are drawn
// with StripTab between Begin and End.
void BeginTabStrip(const char* id, ImVec2 pos, float width);
bool StripTab(std::string_view label, bool selected);
void EndTabStrip();

// ---- Tables ----
// Columns are laid out once in BeginTable over the available width; a row is as tall as its
// tallest cell (texts and column titles wrap inside their column; cells are padded less on a
// narrow screen). Clickable rows highlight under the pointer.
struct TableColumn {
  std::string title;
  float width = 0;        // CSS px; 0: a share of what the fixed columns leave
  bool right = false;     // right-aligned (numbers)
  bool sortable = false;  // with a TableSort, a click on the title sorts by this column
  bool one_line = false;  // never wraps: a text (and a detail) too long ends with «…» (rows keep one height)
};
// The column a table is sorted by: the caller keeps it and sorts its rows by it.
struct TableSort {
  int column = -1;  // -1: the table's own order
  bool descending = false;
};
struct TableCell {
  std::string text;
  Tone tone = Tone::kNormal;
  std::string detail;  // a second line under the text ("" for none)
  Tone detail_tone = Tone::kMuted;
};
// With `sort`, the titles of sortable columns are buttons: a click sorts by the column, a second
// click the other way round; the sorted column's title shows ↑ or ↓. Recorded as "header" with
// `selected` on the sorted column and value "↑" or "↓".
// `dense`: less room left and right in each cell, for a table with many columns.
void BeginTable(const char* id, const std::vector<TableColumn>& columns, TableSort* sort = nullptr, bool dense = false);
// Draws a row; `label` identifies it ("11В###class12"): recorded as a "row" whose value is the
// cells' texts (and details) joined by TABs; texts and details of Tone::kError are also
// recorded as "error". True on a click of a clickable row.
bool TableRow(std::string_view label, const std::vector<TableCell>& cells, bool clickable = false);
// A row with one muted message across all columns («Ничего не найдено»).
void TableMessage(std::string_view text);
void EndTable();

// Dear ImGui may break a line after any '.', even inside «31.08.2027» or «И.\u00A0П.»; texts are
// drawn (never recorded) with a dot followed by a letter or digit replaced by U+2024, which
// looks the same and is no break point. Exposed for tests.
std::string NoBreakAtDots(std::string_view text);

// Texts wrap at the available width, or at `max_width` (CSS px) if it is smaller.
void Heading(std::string_view text, float max_width = 0);     // bold, large
void Text(std::string_view text, float max_width = 0);        // body text
void StrongText(std::string_view text, float max_width = 0);  // bold body text; kind "text"
void MutedText(std::string_view text, float max_width = 0);   // secondary text; kind "text"
// The width of a one-line text in the body font (strong: bold) in CSS px, for layout.
float TextWidth(std::string_view text, bool strong = false);
// Message boxes as wide as the available width, or `max_width` if it is smaller.
void ErrorText(std::string_view text, float max_width = 0);  // calm red; kind "error"
void Notice(std::string_view text, float max_width = 0);     // calm green; kind "notice"
// Text in a colour (a row's outcome); recorded as kind "text", or "error" for kErrorText.
void ColoredText(std::string_view text, ImU32 color, bool strong = false, float max_width = 0);
// The product's mark: a blue rounded square with «ЭЖ»; not recorded.
void Logo(float size);

}  // namespace ej::ui
