// Internal to the server: thematic plans and the control-work schedule (issue 4). Changes
// come through POST /api/v1/ops (plan.set, control_work.*); these are the reads.
#pragma once

#include "api.h"

namespace ej::server {

Result<ApiResponse> HandlePlans(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleControlWorks(ServerContext& ctx, ApiRequest& req);

}  // namespace ej::server
