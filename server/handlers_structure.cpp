#include "handlers_structure.h"

namespace ej::server {

Result<ApiResponse> HandleStructure(ServerContext& ctx, ApiRequest& req) {
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  if (Status s = Authorize(*actor, Action::kReadStructure); !s.ok()) return s;
  auto snapshot = ctx.store.StructureSnapshot(*actor);
  if (!snapshot.ok()) return snapshot.status();
  return ApiResponse{200, std::move(snapshot.value()), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandlePushOps(ServerContext& ctx, ApiRequest& req) {
  auto json = protocol::ParseJson(req.body);
  if (!json.ok()) return json.status();
  auto push = PushRequestFromJson(*json);
  if (!push.ok()) return push.status();
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  // Each operation is authorised by the core as it is applied; a refusal is that op's outcome.
  auto response = ctx.store.PushOps(*actor, push->ops, ctx.now());
  if (!response.ok()) return response.status();
  return ApiResponse{200, ToJson(*response), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleTimetable(ServerContext& ctx, ApiRequest& req) {
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  if (Status s = Authorize(*actor, Action::kReadStructure); !s.ok()) return s;
  auto t = ctx.store.TimetableSnapshot(actor->school_id);
  if (!t.ok()) return t.status();
  return ApiResponse{200, std::move(t.value()), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleRules(ServerContext& ctx, ApiRequest& req) {
  // The school's rules are shown to every user (R4): no role check beyond a session.
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  auto rules = ctx.store.Rules(actor->school_id);
  if (!rules.ok()) return rules.status();
  return ApiResponse{200, ToJson(*rules), {{"Cache-Control", "no-store"}}};
}


Result<ApiResponse> HandleJournal(ServerContext& ctx, ApiRequest& req) {
  auto group = QueryId(req, protocol::route::kParamGroupId);
  if (!group.ok()) return group.status();
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
  auto slice = ctx.store.JournalSlice(*actor, *group, range);
  if (!slice.ok()) return slice.status();
  // A group's journal is students' data: every read by staff is logged (R7, R22).
  if (Status logged = ctx.store.LogPersonalDataRead(*actor, protocol::route::kJournal, {}, *group, ctx.now());
      !logged.ok()) {
    return logged;
  }
  return ApiResponse{200, std::move(slice.value()), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleLessons(ServerContext& ctx, ApiRequest& req) {
  // ?date=D, or a range ?from=D&to=D of at most 62 days (the journal desk looks for the
  // lessons the user substitutes in around today).
  const bool ranged = !req.query.count("date") && req.query.count(protocol::route::kParamFrom);
  auto first = QueryDate(req, ranged ? protocol::route::kParamFrom : "date", true);
  if (!first.ok()) return first.status();
  Date last = **first;
  if (ranged) {
    auto to = QueryDate(req, protocol::route::kParamTo, true);
    if (!to.ok()) return to.status();
    last = **to;
    if (last < **first) return Status(ErrorCode::kBadRequest, "Конец периода раньше начала.", "to");
    if (last.Days() - (*first)->Days() > 61) {
      return Status(ErrorCode::kBadRequest, "Период — не больше 62 дней.", "to");
    }
  }
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  protocol::Json all = protocol::Json::array();
  for (Date d = **first; d <= last; d = d.AddDays(1)) {
    auto lessons = ctx.store.LessonsOfDay(*actor, d);
    if (!lessons.ok()) return lessons.status();
    for (auto& l : *lessons) all.push_back(std::move(l));
  }
  return ApiResponse{200, protocol::Json{{"lessons", std::move(all)}}, {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleAudit(ServerContext& ctx, ApiRequest& req) {
  AuditFilter filter;
  for (auto [key, out] : {std::pair{"class_id", &filter.class_id}, std::pair{"teacher_id", &filter.teacher_id},
                          std::pair{"subject_id", &filter.subject_id}}) {
    if (req.query.count(key)) {
      auto id = QueryId(req, key);
      if (!id.ok()) return id.status();
      *out = *id;
    }
  }
  auto from = QueryDate(req, protocol::route::kParamFrom, false);
  if (!from.ok()) return from.status();
  auto to = QueryDate(req, protocol::route::kParamTo, false);
  if (!to.ok()) return to.status();
  filter.from = *from;
  filter.to = *to;
  if (auto it = req.query.find("what"); it != req.query.end()) filter.what = it->second;
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  auto rows = ctx.store.CorrectionsAudit(*actor, filter);
  if (!rows.ok()) return rows.status();
  if (auto f = req.query.find("format"); f != req.query.end() && f->second == "csv") {
    ApiResponse out;
    out.raw = AuditCsv(*rows);
    out.content_type = "text/csv; charset=utf-8";
    out.headers = {{"Cache-Control", "no-store"}, {"Content-Disposition", "attachment; filename=\"corrections.csv\""}};
    return out;
  }
  protocol::Json list = protocol::Json::array();
  for (const AuditRow& r : *rows) list.push_back(ToJson(r));
  return ApiResponse{200, protocol::Json{{"rows", std::move(list)}}, {{"Cache-Control", "no-store"}}};
}

}  // namespace ej::server
