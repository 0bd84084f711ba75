// Internal to web/: the screens, one per file. A screen draws the state it is given and
// returns what the user asked for; the rules (what a request means, what an answer shows)
// live in app.cpp and the core.
#pragma once

#include <string>

namespace ej::web {

// ---- screen_login.cpp ----

struct LoginForm {
  std::string login;
  std::string password;  // kept after an error (input is never lost), cleared after success
  bool focus_login = false;     // one-frame focus requests
  bool focus_password = false;
  float card_height = 0;        // measured in the last frame, for vertical centring
};

struct LoginView {
  std::string subtitle;  // the school's name when known
  std::string error;     // under the form; empty for none
  bool busy = false;     // a login request is in flight: «Вход…»
  bool can_submit = true;
};

enum class LoginAction { kNone, kSubmit };

LoginAction DrawLoginScreen(LoginForm& form, const LoginView& view);

// ---- screen_home.cpp ----

struct HomeView {
  std::string name;    // "Иванова Мария Петровна"
  std::string roles;   // "Учитель, классный руководитель"
  int role_count = 0;
  std::string school;
  std::string error;  // e.g. logout failed
  bool busy = false;  // logging out
};

enum class HomeAction { kNone, kLogout };

HomeAction DrawHomeScreen(const HomeView& view);

// ---- screen_starting.cpp: shown while the app asks the server who is logged in ----

void DrawStartingScreen();

}  // namespace ej::web
