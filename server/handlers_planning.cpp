#include "handlers_planning.h"

namespace ej::server {

Result<ApiResponse> HandlePlans(ServerContext& ctx, ApiRequest& req) {
  auto group_id = QueryId(req, protocol::route::kParamGroupId);
  if (!group_id.ok()) return group_id.status();
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  // The group's teacher, the class teacher of its classes and the administration: the core's
  // Authorize (kReadPlan) decides inside the store, where the structure is.
  auto plans = ctx.store.GroupPlans(*actor, *group_id);
  if (!plans.ok()) return plans.status();
  return ApiResponse{200, std::move(plans.value()), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleControlWorks(ServerContext& ctx, ApiRequest& req) {
  // Without ?year_id the current year (parents and students know no year ids).
  int64_t year_id = 0;
  if (req.query.count(protocol::route::kParamYearId)) {
    auto id = QueryId(req, protocol::route::kParamYearId);
    if (!id.ok()) return id.status();
    year_id = *id;
  }
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  // Everyone in the school; each sees the works the core's kReadControlWork allows.
  Date today = Date::FromDays(ctx.now() / 86400);
  auto schedule = ctx.store.ControlWorkSchedule(*actor, year_id, today);
  if (!schedule.ok()) return schedule.status();
  return ApiResponse{200, std::move(schedule.value()), {{"Cache-Control", "no-store"}}};
}

}  // namespace ej::server
