// The substitution screen's data: every lesson of a day (route::kDayLessons).
#pragma once

#include "api.h"

namespace ej::server {

Result<ApiResponse> HandleDayLessons(ServerContext& ctx, ApiRequest& req);

}  // namespace ej::server
