// Public API of the client: how the app talks to the server. Asynchronous by callback: Send
// returns at once and the answer arrives later (on the browser's event loop in wasm, when a
// test says so with the fake), so the app never blocks a frame.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "status.h"

namespace ej::web {

struct HttpRequest {
  std::string method;  // "GET", "POST"
  std::string path;    // a route from protocol.h, same origin: "/api/v1/me"
  std::string body;    // JSON, empty for GET
};

struct HttpResponse {
  int status = 0;    // the HTTP status; 0 = the server could not be reached
  std::string body;  // JSON (a DTO or {"error":{...}}), possibly empty
};

// Shown when a request could not reach the server at all (HTTP status 0).
inline constexpr std::string_view kUnreachableMessage =
    "Сервер недоступен. Проверьте подключение к сети.";

// The error of an answer that is not a success: the server's JSON error (code, Russian
// message, field), or kUnavailable with kUnreachableMessage for status 0.
Status ErrorOf(const HttpResponse& response);

// Percent-encoding of a query value: UTF-8 bytes outside the unreserved set (A–Z a–z 0–9 - _ . ~)
// become %XX, so «Тема урока» travels as %D0%A2…
std::string UrlEncode(std::string_view value);

// `path` with the parameters as a query string (values percent-encoded), in the order given:
// Query("/api/v1/journal", {{"group_id", "7"}}) is "/api/v1/journal?group_id=7".
std::string Query(std::string_view path, const std::vector<std::pair<std::string, std::string>>& params);

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends a request; `done` is called exactly once, later, with the answer.
  virtual void Send(HttpRequest request, std::function<void(HttpResponse)> done) = 0;
};

}  // namespace ej::web
