// Internal to the server: the family's cabinet (the diary, the children) and the head's
// personal-data access log.
#pragma once

#include "api.h"

namespace ej::server {

// GET diary: ?student_id=N[&from][&to] (diary.h DiaryView); staff reads are logged.
Result<ApiResponse> HandleDiary(ServerContext& ctx, ApiRequest& req);
// GET children: a parent's children, a student themself (diary.h ChildInfo).
Result<ApiResponse> HandleChildren(ServerContext& ctx, ApiRequest& req);
// GET pd-log: ?from&to (protocol.h PdAccessLog), for the head.
Result<ApiResponse> HandlePdLog(ServerContext& ctx, ApiRequest& req);
// POST diary/seen: ?student_id=N&seq=M — the diary seen up to the log's seq (what is new).
Result<ApiResponse> HandleDiarySeen(ServerContext& ctx, ApiRequest& req);

}  // namespace ej::server
