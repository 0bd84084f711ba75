// Internal to the server: the school's structure and the operations push.
#pragma once

#include "api.h"

namespace ej::server {

Result<ApiResponse> HandleStructure(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandlePushOps(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleRules(ServerContext& ctx, ApiRequest& req);
// GET journal and lessons of a day (journal.h).
Result<ApiResponse> HandleJournal(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleLessons(ServerContext& ctx, ApiRequest& req);
// GET the corrections audit as JSON or CSV (audit.h).
Result<ApiResponse> HandleAudit(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleTimetable(ServerContext& ctx, ApiRequest& req);

}  // namespace ej::server
