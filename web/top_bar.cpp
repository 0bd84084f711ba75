// The top bar of every screen after login: the product's mark and the school on the left,
// the user's name and roles and «Выйти» on the right (two rows on a phone).
#include <algorithm>
#include <cmath>

#include "screens.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {

TopBarAction DrawTopBar(const TopBarView& view, float* height) {
  const ImGuiIO& io = ImGui::GetIO();
  const float screen_w = io.DisplaySize.x;
  const bool narrow = screen_w < theme::kNarrowWidth;
  const std::string& name = view.name;
  const std::string& roles = view.roles;
  const char* logout_label = view.busy ? "Выход…###logout" : "Выйти###logout";
  const float logout_w = ui::TextWidth("Выйти") + ImGui::GetStyle().FramePadding.x * 2 + 16;
  const float logo = narrow ? 36 : 40;
  const float gap = 12;
  bool logout = false;

  // ---- The top bar ----
  ui::PanelStyle bar;
  bar.padding = narrow ? 12 : 16;
  bar.rounding = 0;
  bar.border_all = false;
  const float inner_w = screen_w - 2 * bar.padding;
  ui::BeginPanel(ImVec2(0, 0), screen_w, bar);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float right = origin.x + inner_w;
  const float line_h = ImGui::GetTextLineHeight();
  ui::ButtonOptions logout_options;
  logout_options.kind = ui::ButtonKind::kSecondary;
  logout_options.width = logout_w;
  logout_options.enabled = !view.busy;

  if (narrow) {
    // Row 1: logo, school, «Выйти»; row 2: name and roles.
    const float row_h = std::max(logo, theme::kButtonHeight);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + (row_h - logo) / 2));
    ui::Logo(logo);
    const float school_x = origin.x + logo + gap;
    ImGui::SetCursorScreenPos(ImVec2(school_x, origin.y + (row_h - line_h) / 2));
    ui::StrongText(view.school, right - logout_w - gap - school_x);
    ImGui::SetCursorScreenPos(ImVec2(right - logout_w, origin.y + (row_h - theme::kButtonHeight) / 2));
    logout = ui::Button(logout_label, logout_options);
    const float row2_y = std::max(origin.y + row_h, ImGui::GetItemRectMax().y) + gap;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, row2_y));
    ui::StrongText(name, inner_w);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + 2);
    ui::MutedText(roles, inner_w);
  } else {
    // Logo and school on the left; name and roles right-aligned before «Выйти».
    const float row_h = std::max(logo, 2 * line_h + 2);
    const float block_w = std::min(std::max(ui::TextWidth(name, true), ui::TextWidth(roles)),
                                   inner_w * 0.45f);
    const float block_right = right - logout_w - 20;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + (row_h - logo) / 2));
    ui::Logo(logo);
    const float school_x = origin.x + logo + gap;
    ImGui::SetCursorScreenPos(ImVec2(school_x, origin.y + (row_h - line_h) / 2));
    ui::StrongText(view.school, block_right - block_w - 24 - school_x);
    const float name_w = std::min(ui::TextWidth(name, true), block_w);
    ImGui::SetCursorScreenPos(ImVec2(std::round(block_right - name_w), origin.y + (row_h - 2 * line_h - 2) / 2));
    ui::StrongText(name, block_w);
    const float roles_w = std::min(ui::TextWidth(roles), block_w);
    ImGui::SetCursorScreenPos(ImVec2(std::round(block_right - roles_w), origin.y + (row_h - 2 * line_h - 2) / 2 + line_h + 2));
    ui::MutedText(roles, block_w);
    ImGui::SetCursorScreenPos(ImVec2(right - logout_w, origin.y + (row_h - theme::kButtonHeight) / 2));
    logout = ui::Button(logout_label, logout_options);
  }
  const float bar_h = ui::EndPanel();
  if (height) *height = bar_h;
  return logout ? TopBarAction::kLogout : TopBarAction::kNone;
}

}  // namespace ej::web
