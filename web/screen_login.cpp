// The login screen: a centred card (the full width on a phone) with the product's name, the
// school, «Логин», «Пароль», «Войти» and the error under the form.
#include <algorithm>
#include <cmath>

#include "screens.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {

LoginAction DrawLoginScreen(LoginForm& form, const LoginView& view) {
  const ImGuiIO& io = ImGui::GetIO();
  const float screen_w = io.DisplaySize.x;
  const float screen_h = io.DisplaySize.y;
  const bool narrow = screen_w < theme::kNarrowWidth;
  const float margin = narrow ? 12 : 24;
  const float width = narrow ? screen_w - 2 * margin : 420;
  const float x = std::round((screen_w - width) / 2);
  // Centred vertically by the height measured last frame; a little above the middle.
  const float y = std::max(margin, std::round((screen_h - form.card_height) * 0.42f));

  ui::PanelStyle style;
  style.padding = narrow ? 20 : 32;
  ui::BeginPanel(ImVec2(x, y), width, style);

  ui::Logo(44);
  ui::Space(2);
  ui::Heading("Электронный журнал");
  if (!view.subtitle.empty()) ui::MutedText(view.subtitle);
  ui::Space(8);
  if (!view.notice.empty()) {
    ui::StrongText(view.notice, width - 2 * style.padding);
    ui::Space(6);
  }

  ui::InputOptions login_options;
  login_options.focus = form.focus_login;
  bool enter_in_login = ui::InputText("Логин", &form.login, login_options);
  ui::Space(2);
  ui::InputOptions password_options;
  password_options.password = true;
  password_options.focus = form.focus_password;
  bool enter_in_password = ui::InputText("Пароль", &form.password, password_options);
  form.focus_login = false;
  form.focus_password = false;
  ui::Space(8);

  ui::ButtonOptions submit_options;
  submit_options.width = -1;
  submit_options.enabled = !view.busy && view.can_submit;
  bool clicked = ui::Button(view.busy ? "Вход…###submit" : "Войти###submit", submit_options);

  if (!view.error.empty()) {
    ui::Space(2);
    ui::ErrorText(view.error);
  }
  ui::Space(4);
  ui::MutedText(
      "Забыли пароль? Обратитесь к\u00A0администратору электронного журнала вашей школы.");

  form.card_height = ui::EndPanel();

  if (enter_in_login && form.password.empty()) {
    form.focus_password = true;
    return LoginAction::kNone;
  }
  if (clicked || enter_in_login || enter_in_password) return LoginAction::kSubmit;
  return LoginAction::kNone;
}

}  // namespace ej::web
