#include "handlers_journal.h"

namespace ej::server {

Result<ApiResponse> HandleClassJournal(ServerContext& ctx, ApiRequest& req) {
  auto class_id = QueryId(req, protocol::route::kParamClassId);
  if (!class_id.ok()) return class_id.status();
  auto from = QueryDate(req, protocol::route::kParamFrom, false);
  if (!from.ok()) return from.status();
  auto to = QueryDate(req, protocol::route::kParamTo, false);
  if (!to.ok()) return to.status();
  std::optional<DateRange> range;
  if (*from || *to) {
    range = DateRange{from->value_or(Date::FromDays(0)), to->value_or(Date::FromDays(2932896))};
    if (range->last < range->first) return Status(ErrorCode::kBadRequest, "Конец периода раньше начала.", "to");
  }
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  std::vector<int64_t> students;
  auto slice = ctx.store.ClassJournalSlice(*actor, *class_id, range, &students);
  if (!slice.ok()) return slice.status();
  // The class's marks and attendance are students' data: the read is logged (R7, R22).
  if (Status logged = ctx.store.LogPersonalDataRead(*actor, protocol::route::kClassJournal, students, 0, ctx.now());
      !logged.ok()) {
    return logged;
  }
  return ApiResponse{200, std::move(slice.value()), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleCorrections(ServerContext& ctx, ApiRequest& req) {
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  auto out = ctx.store.CorrectionRequests(*actor);
  if (!out.ok()) return out.status();
  return ApiResponse{200, std::move(out.value()), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleJournalChanges(ServerContext& ctx, ApiRequest& req) {
  int64_t cursor = 0;  // none: the client has nothing yet (a resync with the current seq)
  if (req.query.count(protocol::route::kParamCursor)) {
    auto c = QueryId(req, protocol::route::kParamCursor);
    if (!c.ok()) return c.status();
    cursor = *c;
  }
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  auto out = ctx.store.JournalChanges(*actor, cursor);
  if (!out.ok()) return out.status();
  // Students' marks and attendance: the read is logged per group answered (R7, R22).
  if (out->contains("groups") && (*out)["groups"].is_array()) {
    for (const auto& g : (*out)["groups"]) {
      if (Status logged = ctx.store.LogPersonalDataRead(*actor, protocol::route::kJournalChanges, {},
                                                        g["group_id"].get<int64_t>(), ctx.now());
          !logged.ok()) {
        return logged;
      }
    }
  }
  return ApiResponse{200, std::move(out.value()), {{"Cache-Control", "no-store"}}};
}

}  // namespace ej::server
