// The home screen of users without a console: the top bar and a welcome below it.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "screens.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

// "Иванова Мария Петровна" -> "Мария Петровна" (how a Russian school addresses a person).
std::string GivenNames(std::string_view full) {
  size_t space = full.find(' ');
  if (space == std::string_view::npos) return std::string(full);
  std::string_view rest = full.substr(space + 1);
  return rest.empty() ? std::string(full) : std::string(rest);
}

}  // namespace

HomeAction DrawHomeScreen(const HomeView& view) {
  const float screen_w = ImGui::GetIO().DisplaySize.x;
  const bool narrow = screen_w < theme::kNarrowWidth;
  float bar_h = 0;
  const bool logout = DrawTopBar(view.bar, &bar_h) == TopBarAction::kLogout;

  // ---- The welcome ----
  const float margin = narrow ? 12 : 32;
  const float width = std::min(720.0f, screen_w - 2 * margin);
  ui::PanelStyle card;
  card.padding = narrow ? 20 : 32;
  ui::BeginPanel(ImVec2(std::round((screen_w - width) / 2), bar_h + margin), width, card);
  ui::Heading("Здравствуйте, " + GivenNames(view.bar.name) + "!");
  ui::Space(2);
  if (view.role_count > 0) {
    ui::Text((view.role_count == 1 ? "Ваша роль: " : "Ваши роли: ") + view.bar.roles + ".");
  }
  ui::MutedText(
      "Разделы журнала\u00A0— расписание, оценки, домашние задания и\u00A0отчёты\u00A0— "
      "появятся здесь.");
  if (!view.error.empty()) {
    ui::Space(2);
    ui::ErrorText(view.error);
  }
  ui::EndPanel();

  return logout ? HomeAction::kLogout : HomeAction::kNone;
}

}  // namespace ej::web
