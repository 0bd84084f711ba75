// Internal to the server: what a handler sees and returns. No httplib types here: the HTTP
// layer (http_server.cpp) turns requests into ApiRequest and ApiResponse/Status into HTTP.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crypto.h"
#include "date.h"
#include "login_throttle.h"
#include "protocol.h"
#include "status.h"
#include "store.h"

namespace ej::server {

struct ApiRequest {
  std::string method;
  std::string path;
  std::string body;
  std::string ip;
  std::string user_agent;
  std::string token;           // the session token from the cookie or the bearer header
  bool token_from_cookie = false;
  std::optional<SessionRecord> session;  // set for routes that need a session
  std::map<std::string, std::string, std::less<>> query;  // ?name=value (the first of a repeated name)
};

// A required id in the query (?group_id=12): kBadRequest naming the parameter otherwise.
Result<int64_t> QueryId(const ApiRequest& req, std::string_view name);
// A date in the query (?from=2026-09-01): none when absent (kBadRequest when required), kBadRequest
// naming the parameter when it is not an ISO date.
Result<std::optional<Date>> QueryDate(const ApiRequest& req, std::string_view name, bool required);

struct ApiResponse {
  int status = 200;
  protocol::Json body;
  std::vector<std::pair<std::string, std::string>> headers;
  // A body that is not JSON (a CSV export): sent as it is with this content type.
  std::string raw;
  std::string content_type;
  std::string raw_json;  // when set, sent as the body instead of `body` (a response kept as text)
};

// Everything a handler may use. Owned by the server; handlers get a reference.
struct ServerContext {
  Store& store;
  PasswordHasher& hasher;
  LoginThrottle& throttle;
  std::function<int64_t()> now;  // Unix seconds; tests may replace it
  std::string version;
  int64_t session_ttl_seconds = 14 * 24 * 3600;
  bool cookie_secure = false;    // add `Secure` to the session cookie (behind HTTPS)
};

enum class Access {
  kPublic,   // anyone
  kSession,  // a live session is required (401 otherwise)
};

using ApiHandler = Result<ApiResponse> (*)(ServerContext&, ApiRequest&);

struct Route {
  std::string_view method;
  std::string_view path;
  Access access;
  ApiHandler handler;
};

// The route table (routes.cpp): one line a route.
const std::vector<Route>& Routes();

}  // namespace ej::server
