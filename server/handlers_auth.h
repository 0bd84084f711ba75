// Internal to the server: health, login, logout, me.
#pragma once

#include "api.h"

namespace ej::server {

Result<ApiResponse> HandleHealth(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleLogin(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleLogout(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleMe(ServerContext& ctx, ApiRequest& req);

// The Set-Cookie value for a session token (empty token and max_age 0 clear the cookie).
std::string SessionCookie(std::string_view token, int64_t max_age, bool secure);

}  // namespace ej::server
