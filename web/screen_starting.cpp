// The first screen: a quiet «Загрузка…» while the app asks the server who is logged in.
#include <cmath>

#include "screens.h"
#include "ui.h"

namespace ej::web {

void DrawStartingScreen() {
  const ImGuiIO& io = ImGui::GetIO();
  const char* text = "Загрузка…";
  float w = ui::TextWidth(text);
  ImGui::SetCursorScreenPos(ImVec2(std::round((io.DisplaySize.x - w) / 2),
                                   std::round(io.DisplaySize.y * 0.45f)));
  ui::MutedText(text);
}

}  // namespace ej::web
