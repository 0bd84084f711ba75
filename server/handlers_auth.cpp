#include "handlers_auth.h"

#include "names.h"

namespace ej::server {
namespace {

Status WrongCredentials() {
  // The same words whether the login exists or not.
  return Status(ErrorCode::kUnauthenticated, "Неверный логин или пароль.");
}

Status Throttled(int64_t seconds) {
  int64_t minutes = (seconds + 59) / 60;
  std::string wait = seconds < 60 ? std::to_string(seconds) + " " + std::string(Plural(seconds, "секунду", "секунды", "секунд"))
                                   : std::to_string(minutes) + " " + std::string(Plural(minutes, "минуту", "минуты", "минут"));
  return Status(ErrorCode::kTooManyRequests, "Слишком много неудачных попыток входа. Повторите через " + wait + ".")
      .WithRetryAfter(static_cast<int>(seconds));
}

}  // namespace

std::string SessionCookie(std::string_view token, int64_t max_age, bool secure) {
  std::string c(protocol::kSessionCookie);
  c += '=';
  c += token;
  c += "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

Result<ApiResponse> HandleHealth(ServerContext& ctx, ApiRequest&) {
  auto school = ctx.store.HasSchool();
  if (!school.ok()) return school.status();
  protocol::HealthResponse h{"ok", ctx.version, protocol::kVersion};
  return ApiResponse{200, protocol::ToJson(h), {}};
}

Result<ApiResponse> HandleLogin(ServerContext& ctx, ApiRequest& req) {
  auto json = protocol::ParseJson(req.body);
  if (!json.ok()) return json.status();
  auto login = protocol::LoginRequestFromJson(*json);
  if (!login.ok()) return login.status();

  int64_t now = ctx.now();
  if (int64_t wait = ctx.throttle.BeginAttempt(login->login, req.ip, now); wait > 0) {
    return Throttled(wait);
  }
  auto account = ctx.store.FindAccountByLogin(login->login);
  if (!account.ok()) return account.status();
  std::optional<std::string> hash;
  if (*account && !(*account)->disabled) hash = (*account)->password_hash;
  auto match = ctx.hasher.Verify(login->password, hash);
  if (!match.ok()) return match.status();
  if (!*match) return WrongCredentials();  // the attempt was counted as a failure already
  ctx.throttle.RecordSuccess(login->login, req.ip, now);

  std::string token = NewSessionToken();
  NewSession session{(*account)->id, Sha256(token), now, now + ctx.session_ttl_seconds, req.ip,
                     req.user_agent.substr(0, 256)};
  if (Status s = ctx.store.CreateSession(session); !s.ok()) return s;
  auto me = ctx.store.LoadUser((*account)->id);
  if (!me.ok()) return me.status();

  protocol::LoginResponse out{token, me->user};
  ApiResponse res{200, protocol::ToJson(out), {}};
  res.headers.emplace_back("Set-Cookie", SessionCookie(token, ctx.session_ttl_seconds, ctx.cookie_secure));
  res.headers.emplace_back("Cache-Control", "no-store");
  return res;
}

Result<ApiResponse> HandleLogout(ServerContext& ctx, ApiRequest& req) {
  if (Status s = ctx.store.RevokeSession(Sha256(req.token), ctx.now()); !s.ok()) return s;
  ApiResponse res{200, protocol::Json::object(), {}};
  res.headers.emplace_back("Set-Cookie", SessionCookie("", 0, ctx.cookie_secure));
  return res;
}

Result<ApiResponse> HandleMe(ServerContext& ctx, ApiRequest& req) {
  auto me = ctx.store.LoadUser(req.session->account_id);
  if (!me.ok()) return me.status();
  return ApiResponse{200, protocol::ToJson(*me), {{"Cache-Control", "no-store"}}};
}

}  // namespace ej::server
