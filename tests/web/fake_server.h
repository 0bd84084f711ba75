// A fake of the ejournal server for the client's tests: answers the client's requests in
// memory the way the real server does (same DTOs, same error JSON, a session "cookie"), and
// only when the test says so, so the app's asynchrony is exercised. Not a mock: it has no
// expectations, only behaviour and a log of what it was sent.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol.h"
#include "transport.h"

namespace ej::test {

struct FakeAccount {
  std::string login;
  std::string password;
  protocol::UserInfo user;
};

class FakeServer : public web::Transport {
 public:
  FakeServer() {
    accounts.push_back({"uchitel", "demo2026",
                        {7, "Иванова Мария Петровна", {Role::kTeacher, Role::kClassTeacher}}});
    accounts.push_back({"direktor", "demo2026", {1, "Петров Сергей Иванович", {Role::kHead}}});
  }

  void Send(web::HttpRequest request, std::function<void(web::HttpResponse)> done) override {
    requests.push_back(request);
    pending_.push_back({std::move(request), std::move(done)});
  }

  // Answers every waiting request, and those the app sends in reaction, in order.
  void AnswerAll() {
    for (int guard = 0; guard < 100 && !pending_.empty(); ++guard) {
      Pending p = std::move(pending_.front());
      pending_.pop_front();
      p.done(Handle(p.request));
    }
  }
  size_t waiting() const { return pending_.size(); }

  // ---- Behaviour switches ----
  bool unreachable = false;   // every request fails with status 0
  int throttle_seconds = 0;   // > 0: logins answer 429 with this retry_after
  std::optional<int64_t> session;  // the browser's session cookie: whose it is
  std::string school = "МБОУ «Средняя школа № 17»";
  std::vector<FakeAccount> accounts;

  // ---- What the app sent ----
  std::vector<web::HttpRequest> requests;

 private:
  struct Pending {
    web::HttpRequest request;
    std::function<void(web::HttpResponse)> done;
  };

  static web::HttpResponse Error(ErrorCode code, std::string message, int retry_after = 0) {
    Status s(code, std::move(message));
    if (retry_after > 0) s.WithRetryAfter(retry_after);
    return {protocol::HttpStatus(code), protocol::ErrorToJson(s).dump()};
  }

  const FakeAccount* AccountById(int64_t id) const {
    for (const FakeAccount& a : accounts) {
      if (a.user.id == id) return &a;
    }
    return nullptr;
  }

  web::HttpResponse Handle(const web::HttpRequest& r) {
    namespace route = protocol::route;
    if (unreachable) return {0, ""};
    if (r.method == "GET" && r.path == route::kMe) {
      const FakeAccount* a = session ? AccountById(*session) : nullptr;
      if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
      return {200, protocol::ToJson(protocol::MeResponse{a->user, school}).dump()};
    }
    if (r.method == "POST" && r.path == route::kLogin) {
      if (throttle_seconds > 0) {
        return Error(ErrorCode::kTooManyRequests, "Слишком много попыток входа.", throttle_seconds);
      }
      auto json = protocol::ParseJson(r.body);
      if (!json.ok()) return Error(ErrorCode::kBadRequest, json.status().message());
      auto login = protocol::LoginRequestFromJson(*json);
      if (!login.ok()) return Error(ErrorCode::kBadRequest, login.status().message());
      for (const FakeAccount& a : accounts) {
        if (a.login == login->login && a.password == login->password) {
          session = a.user.id;
          return {200, protocol::ToJson(protocol::LoginResponse{"secret-token", a.user}).dump()};
        }
      }
      return Error(ErrorCode::kUnauthenticated, "Неверный логин или пароль.");
    }
    if (r.method == "POST" && r.path == route::kLogout) {
      session.reset();
      return {200, "{}"};
    }
    return Error(ErrorCode::kNotFound, "Не найдено.");
  }

  std::deque<Pending> pending_;
};

}  // namespace ej::test
