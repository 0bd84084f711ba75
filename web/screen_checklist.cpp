// «Настройка года»: what is still missing before lessons can start (ej::SetupChecklist), each
// item with «Открыть» that leads to the screen fixing it; «Учебный год настроен.» when none.
#include <algorithm>
#include <cmath>

#include "screens.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

// Whether the console has the screen that fixes an item (every item's screen now).
bool HasScreen(ChecklistScreen screen) {
  return screen == ChecklistScreen::kClasses || screen == ChecklistScreen::kClass ||
         screen == ChecklistScreen::kYear || screen == ChecklistScreen::kPeriods ||
         screen == ChecklistScreen::kHolidays || screen == ChecklistScreen::kWorkload ||
         screen == ChecklistScreen::kGroup;
}

// A round mark before an item: amber for «to do», green for «done».
void Mark(ImVec2 centre, ImU32 color) {
  ImGui::GetWindowDrawList()->AddCircleFilled(centre, 5, color, 16);
}

}  // namespace

ChecklistAction DrawChecklistScreen(const ConsoleContext& context, const std::vector<ChecklistItem>& items) {
  ChecklistAction action;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  PageHeader("Настройка года", context.year ? YearLine(*context.year) : std::string());

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  const float inner = width - 2 * style.padding;
  if (items.empty()) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(pos.x + 14, pos.y + 14);
    dl->AddCircleFilled(c, 14, theme::kSuccessBackground, 24);
    dl->AddCircle(c, 14, theme::kSuccessBorder, 24);
    dl->AddPolyline(std::vector<ImVec2>{ImVec2(c.x - 6, c.y), ImVec2(c.x - 2, c.y + 4), ImVec2(c.x + 6, c.y - 5)}.data(), 3,
                    theme::kSuccessText, 0, 2.2f);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 40, pos.y + 14 - line / 2));
    ui::StrongText("Учебный год настроен.", inner - 40);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + 40, ImGui::GetCursorScreenPos().y - 4));
    ui::MutedText("Всё, что нужно для начала занятий, задано.", inner - 40);
  } else {
    ui::StrongText("Осталось настроить: " + std::to_string(items.size()));
    ui::Space(2);
    const float button_w = ui::TextWidth("Открыть") + ImGui::GetStyle().FramePadding.x * 2 + 8;
    const float soon_w = ui::TextWidth("скоро") + 16;
    const float pad_y = 12;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < items.size(); ++i) {
      const ChecklistItem& item = items[i];
      const bool can_open = HasScreen(item.screen);
      const ImVec2 top = ImGui::GetCursorScreenPos();
      const float text_x = top.x + 24;
      const float side_w = can_open ? button_w : soon_w;
      const float text_w = inner - 24 - side_w - 16;
      const float text_h = ImGui::CalcTextSize(item.message.c_str(), nullptr, false, text_w).y;
      const float side_h = can_open ? theme::kButtonHeight : ImGui::GetTextLineHeight();
      const float row_h = std::max(text_h, side_h) + 2 * pad_y;
      dl->AddLine(ImVec2(top.x, top.y), ImVec2(top.x + inner, top.y), theme::kBorder);
      const float text_y = std::round(top.y + (row_h - text_h) / 2);
      Mark(ImVec2(top.x + 7, text_y + ImGui::GetTextLineHeight() / 2), theme::kWarning);
      ImGui::SetCursorScreenPos(ImVec2(text_x, text_y));
      ui::Text(item.message, text_w);
      const float side_y = std::round(top.y + (row_h - side_h) / 2);
      if (can_open) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + inner - button_w, side_y));
        ui::ButtonOptions open;
        open.kind = ui::ButtonKind::kSecondary;
        open.width = button_w;
        if (ui::Button("Открыть###open" + std::to_string(i), open)) {
          action.open = true;
          action.screen = item.screen;
          action.entity_id = item.entity_id;
        }
      } else {
        // The screen that fixes this comes with a later part of the console.
        ImGui::SetCursorScreenPos(ImVec2(top.x + inner - soon_w + 8, side_y));
        ui::MutedText("скоро");
      }
      ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + row_h));
    }
    // Keeps the panel as tall as the last row.
    ImGui::Dummy(ImVec2(inner, 0));
  }
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  return action;
}

}  // namespace ej::web
