#include "handlers_substitution.h"

namespace ej::server {

Result<ApiResponse> HandleDayLessons(ServerContext& ctx, ApiRequest& req) {
  auto day = QueryDate(req, "date", true);
  if (!day.ok()) return day.status();
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  auto lessons = ctx.store.SchoolLessonsOfDay(*actor, **day);
  if (!lessons.ok()) return lessons.status();
  return ApiResponse{200, protocol::Json{{"lessons", std::move(lessons.value())}}, {{"Cache-Control", "no-store"}}};
}

}  // namespace ej::server
