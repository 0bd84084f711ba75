#include "app.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <imgui.h>

#include "roles.h"
#include "ui.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

// Overwrites a secret before its memory is released.
void Wipe(std::string& secret) {
  std::fill(secret.begin(), secret.end(), '\0');
  secret.clear();
}

std::string Trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

bool IsSuccess(int status) { return status >= 200 && status < 300; }

}  // namespace

App::App(Transport& transport, Env& env)
    : transport_(transport), alive_(std::make_shared<int>(0)), console_(transport, env), desk_(transport, env), diary_(transport, env), env_(env) {}

App::~App() { Wipe(login_.password); }

void App::Call(const char* method, std::string_view path, std::string body, Handler handler) {
  std::weak_ptr<int> alive = alive_;
  const int epoch = epoch_;
  transport_.Send(HttpRequest{method, std::string(path), std::move(body)},
                  [this, alive, epoch, handler](HttpResponse response) {
                    if (alive.expired() || epoch != epoch_) return;
                    (this->*handler)(response);
                  });
}

void App::Show(Screen screen) {
  if (screen == Screen::kLogin && screen_ != Screen::kLogin) {
    login_.focus_login = login_.login.empty();
    login_.focus_password = !login_.login.empty();
  }
  screen_ = screen;
  frames_on_screen_ = 0;
}

void App::ShowSignedIn() {
  if (me_ && HasConsole(me_->user)) {
    console_.Open(me_->user);
    Show(Screen::kConsole);
  } else if (me_ && HasJournal(me_->user)) {
    // The device keeps the teacher's journal (offline work): who signed in, and the login typed.
    LocalStore store(Storage());
    store.SaveUser(*me_);
    store.SaveLogin(me_->user.id, Trimmed(login_.login));
    desk_.Open(me_->user);
    Show(Screen::kJournal);
  } else if (me_ && HasDiary(me_->user)) {
    diary_.Open(me_->user);
    Show(Screen::kDiary);
  } else {
    Show(Screen::kHome);
  }
}

bool App::ready() const {
  switch (screen_) {
    case Screen::kLogin:
    case Screen::kHome: return frames_on_screen_ >= 3;
    case Screen::kConsole: return console_.settled() && frames_on_screen_ >= 3;
    case Screen::kJournal: return desk_.settled() && frames_on_screen_ >= 3;
    case Screen::kDiary: return diary_.settled() && frames_on_screen_ >= 3;
    case Screen::kStarting: break;
  }
  return false;
}

std::string App::error() const {
  switch (screen_) {
    case Screen::kLogin: return LoginError();
    case Screen::kHome: return home_error_;
    case Screen::kConsole: return home_error_.empty() ? console_.error() : home_error_;
    case Screen::kJournal: return home_error_.empty() ? desk_.error() : home_error_;
    case Screen::kDiary: return home_error_.empty() ? diary_.error() : home_error_;
    case Screen::kStarting: break;
  }
  return {};
}

// ---- Start-up ----

void App::Start() {
  Show(Screen::kStarting);
  Call("GET", route::kMe, {}, &App::OnStartMe);
}

void App::OnStartMe(const HttpResponse& r) {
  if (r.status == 200) {
    auto json = protocol::ParseJson(r.body);
    auto me = json.ok() ? protocol::MeResponseFromJson(*json)
                        : Result<protocol::MeResponse>(json.status());
    if (me.ok()) {
      me_ = std::move(me).value();
      school_ = me_->school;
      ShowSignedIn();
      return;
    }
    login_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
  } else if (r.status == 0) {
    // No network: the teacher who signed in last on this device works on the device's copy,
    // once they typed their password (a shared computer: offline_unlock.h).
    if (auto last = LocalStore(Storage()).LastUser(); last && HasJournal(last->user)) {
      OfflineUnlock unlock(Storage(), env_);
      if (unlock.HasVerifier(last->user.id)) {
        offline_user_ = std::move(*last);
        school_ = offline_user_->school;
        login_.login = LocalStore(Storage()).Login(offline_user_->user.id);
        login_error_ = unlock.Locked(offline_user_->user.id).value_or("");
        Show(Screen::kLogin);
        return;
      }
    }
    login_error_ = FailureMessage(r);
  } else if (r.status != 401) {
    login_error_ = FailureMessage(r);
  }
  Show(Screen::kLogin);
}

// ---- Login ----

std::string App::FailureMessage(const HttpResponse& r) {
  Status s = ErrorOf(r);
  if (s.retry_after() > 0) retry_until_ = ImGui::GetTime() + s.retry_after();
  return s.message();
}

std::string App::LoginError() const {
  std::string text = login_error_;
  double left = retry_until_ - ImGui::GetTime();
  if (left > 0) {
    if (!text.empty()) text += ' ';
    text += "Повторите через " + std::to_string(static_cast<int>(std::ceil(left))) + " с.";
  }
  return text;
}

void App::SubmitLogin() {
  if (login_busy_ || retry_until_ > ImGui::GetTime()) return;
  protocol::LoginRequest request{Trimmed(login_.login), login_.password};
  if (request.login.empty()) {
    login_error_ = "Введите логин.";
    login_.focus_login = true;
    return;
  }
  if (request.password.empty()) {
    login_error_ = "Введите пароль.";
    login_.focus_password = true;
    return;
  }
  login_error_.clear();
  login_busy_ = true;
  ++epoch_;
  std::string body = protocol::ToJson(request).dump();
  Wipe(request.password);
  Call("POST", route::kLogin, std::move(body), &App::OnLogin);
}

void App::OnLogin(const HttpResponse& r) {
  if (r.status == 200) {
    auto json = protocol::ParseJson(r.body);
    auto login = json.ok() ? protocol::LoginResponseFromJson(*json)
                           : Result<protocol::LoginResponse>(json.status());
    if (login.ok()) {
      // A teacher's device keeps a verifier of the password for the offline start (never the
      // password itself).
      if (HasJournal(login->user)) OfflineUnlock(Storage(), env_).Remember(login->user.id, login_.password);
      offline_user_.reset();
      // The browser keeps the HttpOnly session cookie; the token is not kept here.
      Wipe(login->token);
      Wipe(login_.password);
      me_ = protocol::MeResponse{std::move(login->user), school_};
      // The school's name comes with /me; «Вход…» stays until it answers.
      Call("GET", route::kMe, {}, &App::OnLoginMe);
      return;
    }
    login_busy_ = false;
    login_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
    return;
  }
  if (r.status == 0 && offline_user_) {
    UnlockOffline();  // still no network: the password is checked on the device
    return;
  }
  login_busy_ = false;
  login_error_ = FailureMessage(r);
  if (r.status == 401) login_.focus_password = true;
}

void App::UnlockOffline() {
  const protocol::MeResponse user = *offline_user_;
  const std::string login = LocalStore(Storage()).Login(user.user.id);
  if (Trimmed(login_.login) != login) {
    login_busy_ = false;
    login_error_ = "Нет связи с сервером: на этом устройстве без сети открывается только журнал пользователя «" + login + "».";
    return;
  }
  std::weak_ptr<int> alive = alive_;
  const int epoch = epoch_;
  OfflineUnlock(Storage(), env_).Check(user.user.id, login_.password, [this, alive, epoch, user](bool ok, std::string error) {
    if (alive.expired() || epoch != epoch_) return;
    login_busy_ = false;
    Wipe(login_.password);
    if (!ok) {
      login_error_ = std::move(error);
      login_.focus_password = true;
      return;
    }
    login_error_.clear();
    offline_user_.reset();
    me_ = user;
    school_ = user.school;
    ShowSignedIn();
  });
}

void App::OnLoginMe(const HttpResponse& r) {
  login_busy_ = false;
  if (r.status == 200) {
    auto json = protocol::ParseJson(r.body);
    if (json.ok()) {
      auto me = protocol::MeResponseFromJson(*json);
      if (me.ok()) {
        me_ = std::move(me).value();
        school_ = me_->school;
      }
    }
  } else if (r.status == 401) {
    // Logged in, yet the session is not there: the browser refused the cookie.
    me_.reset();
    login_error_ = FailureMessage(r);
    return;
  }
  ShowSignedIn();
}

// ---- Logout ----

void App::Logout() {
  if (logout_busy_) return;
  logout_busy_ = true;
  home_error_.clear();
  ++epoch_;
  Call("POST", route::kLogout, "{}", &App::OnLogout);
}

void App::OnLogout(const HttpResponse& r) {
  logout_busy_ = false;
  if (IsSuccess(r.status) || r.status == 401) {
    me_.reset();
    console_.Close();
    desk_.Close();
    diary_.Close();
    Wipe(login_.password);
    login_error_.clear();
    Show(Screen::kLogin);
    return;
  }
  home_error_ = FailureMessage(r);
}

// ---- Frame ----

TopBarView App::Bar() const {
  TopBarView bar;
  if (me_) {
    bar.name = me_->user.name;
    bar.roles = RoleTitles(me_->user.roles);
  }
  bar.school = me_ ? me_->school : school_;
  bar.busy = logout_busy_;
  return bar;
}

void App::Frame() {
  if (retry_until_ > 0 && retry_until_ <= ImGui::GetTime()) {
    // The wait is over: the message about it goes too.
    retry_until_ = 0;
    login_error_.clear();
  }
  ui::BeginFrame();
  ui::BeginScreen("##ejournal");
  switch (screen_) {
    case Screen::kStarting:
      DrawStartingScreen();
      break;
    case Screen::kLogin: {
      LoginView view;
      view.subtitle = school_.empty() ? "Вход для учителей, учеников и\u00A0родителей" : school_;
      view.error = LoginError();
      view.busy = login_busy_;
      view.can_submit = retry_until_ <= ImGui::GetTime();
      if (offline_user_) {
        view.notice = "Нет связи с сервером. Журнал, сохранённый на этом устройстве, откроется после ввода пароля: " +
                      offline_user_->user.name + ".";
      }
      if (DrawLoginScreen(login_, view) == LoginAction::kSubmit) SubmitLogin();
      break;
    }
    case Screen::kHome: {
      HomeView view;
      view.bar = Bar();
      view.role_count = me_ ? static_cast<int>(me_->user.roles.size()) : 0;
      view.error = home_error_;
      if (DrawHomeScreen(view) == HomeAction::kLogout) Logout();
      break;
    }
    case Screen::kConsole:
      if (console_.Frame(Bar(), home_error_) == TopBarAction::kLogout) Logout();
      if (console_.session_ended()) {
        // The session is over (expired, or ended elsewhere): log in again.
        login_error_ = console_.session_message();
        me_.reset();
        console_.Close();
        Show(Screen::kLogin);
      }
      break;
    case Screen::kJournal:
      if (desk_.Frame(Bar(), home_error_) == TopBarAction::kLogout) Logout();
      if (desk_.session_ended()) {
        login_error_ = desk_.session_message();
        me_.reset();
        desk_.Close();
        Show(Screen::kLogin);
      }
      break;
    case Screen::kDiary:
      if (diary_.Frame(Bar(), home_error_) == TopBarAction::kLogout) Logout();
      if (diary_.session_ended()) {
        login_error_ = diary_.session_message();
        me_.reset();
        diary_.Close();
        Show(Screen::kLogin);
      }
      break;
  }
  ui::EndScreen();
  ++frames_on_screen_;
}

}  // namespace ej::web
