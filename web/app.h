// Public API of the client application: its state and which screen is shown. Platform-free:
// the browser (wasm/main.cpp) and the tests (tests/web) give it a Transport and call Frame()
// once a frame between ImGui::NewFrame() and ImGui::Render().
//
// Start-up asks the server who is logged in (GET /me: the browser holds an HttpOnly session
// cookie); 200 shows the console to those who set up the school (console.h) and home to
// everyone else, 401 shows login. Login posts LoginRequest and ignores the token in
// the answer (the browser keeps the cookie; the token is never stored). Logout posts and then
// shows login. Errors come from the server's JSON error; the client adds only the
// «unreachable» text and the «Повторите через N с» wording.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "console.h"
#include "diary_view.h"
#include "env.h"
#include "journal_desk.h"
#include "offline_unlock.h"
#include "protocol.h"
#include "screens.h"
#include "transport.h"

namespace ej::web {

enum class Screen { kStarting, kLogin, kHome, kConsole, kJournal, kDiary };

class App {
 public:
  explicit App(Transport& transport, Env& env = SystemEnv());
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Asks the server who is logged in; until it answers, a «Загрузка…» screen.
  void Start();
  // Draws one frame; call between ImGui::NewFrame() and ImGui::Render().
  void Frame();

  Screen screen() const { return screen_; }
  // True once the login, home or console screen has been drawn with a settled layout (the
  // console: with its data loaded); the browser prints EJ_READY then, for tests.
  bool ready() const;
  // The error shown on the current screen, "" if none.
  std::string error() const;
  // The logged-in user, if any.
  const std::optional<protocol::MeResponse>& me() const { return me_; }
  const Console& console() const { return console_; }
  const JournalDesk& desk() const { return desk_; }
  DiaryCabinet& diary() { return diary_; }

 private:
  using Handler = void (App::*)(const HttpResponse&);
  void Call(const char* method, std::string_view path, std::string body, Handler handler);
  void Show(Screen screen);
  // Home or the console, by the user's rights.
  void ShowSignedIn();
  TopBarView Bar() const;

  void OnStartMe(const HttpResponse& r);
  void SubmitLogin();
  void OnLogin(const HttpResponse& r);
  void OnLoginMe(const HttpResponse& r);
  void Logout();
  void OnLogout(const HttpResponse& r);

  // The message for a failed request: the server's, or the unreachable text; sets a wait
  // for 429.
  std::string FailureMessage(const HttpResponse& r);
  std::string LoginError() const;

  Transport& transport_;
  std::shared_ptr<int> alive_;  // callbacks hold a weak_ptr: answers after destruction are dropped
  int epoch_ = 0;               // bumped on login/logout: answers from before are dropped

  Screen screen_ = Screen::kStarting;
  int frames_on_screen_ = 0;

  LoginForm login_;
  std::string login_error_;
  bool login_busy_ = false;
  double retry_until_ = 0;  // ImGui time until which the server asked to wait (429)
  std::string school_;      // from the last /me, shown on the login screen after logout

  std::optional<protocol::MeResponse> me_;
  std::string home_error_;  // on home and on the console (a failed logout)
  bool logout_busy_ = false;

  Console console_;
  JournalDesk desk_;
  DiaryCabinet diary_;  // parents and students

  // The start with no network on a shared computer (offline_unlock.h): the last teacher's desk
  // opens only with their password, checked on the device.
  void UnlockOffline();
  Env& env_;
  std::optional<protocol::MeResponse> offline_user_;  // waiting for the password
};

}  // namespace ej::web
