// Internal to the server: the school's structure and the operations push.
#pragma once

#include "api.h"

namespace ej::server {

Result<ApiResponse> HandleStructure(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandlePushOps(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleRules(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleTimetable(ServerContext& ctx, ApiRequest& req);

}  // namespace ej::server
