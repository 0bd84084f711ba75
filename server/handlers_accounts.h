// Internal to the server: account work (R9, R22–R24) for the administration and the
// technical administrator.
#pragma once

#include "api.h"

namespace ej::server {

Result<ApiResponse> HandleListAccounts(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleIssuePassword(ServerContext& ctx, ApiRequest& req);
Result<ApiResponse> HandleDisableAccount(ServerContext& ctx, ApiRequest& req);

}  // namespace ej::server
