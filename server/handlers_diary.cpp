#include "handlers_diary.h"

#include <ctime>

#include "sqlite_store.h"

namespace ej::server {

namespace {

// Unix seconds of the server's local midnight starting the day.
int64_t LocalMidnight(Date d) {
  struct tm local {};
  local.tm_year = d.year() - 1900;
  local.tm_mon = d.month() - 1;
  local.tm_mday = d.day();
  local.tm_isdst = -1;
  return static_cast<int64_t>(mktime(&local));
}

}  // namespace

Result<ApiResponse> HandleDiary(ServerContext& ctx, ApiRequest& req) {
  auto student = QueryId(req, protocol::route::kParamStudentId);
  if (!student.ok()) return student.status();
  auto from = QueryDate(req, protocol::route::kParamFrom, false);
  if (!from.ok()) return from.status();
  auto to = QueryDate(req, protocol::route::kParamTo, false);
  if (!to.ok()) return to.status();
  Date first = from->value_or(LocalDate(ctx.now()));
  if (!*from) first = first.AddDays(1 - first.Weekday());  // this week's Monday
  DateRange range{first, to->value_or(first.AddDays(6))};
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  auto diary = ctx.store.Diary(*actor, *student, range);
  if (!diary.ok()) return diary.status();
  // A student's data read by staff (not by the student or their family) is logged (R7, R22).
  if (*student != actor->person_id && actor->children.count(*student) == 0) {
    if (Status logged = ctx.store.LogPersonalDataRead(*actor, protocol::route::kDiary, {*student}, 0, ctx.now());
        !logged.ok()) {
      return logged;
    }
  }
  ApiResponse response{200, nullptr, {{"Cache-Control", "no-store"}}};
  response.raw_json = std::move(diary.value());
  return response;
}

Result<ApiResponse> HandleChildren(ServerContext& ctx, ApiRequest& req) {
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  auto children = ctx.store.Children(*actor, LocalDate(ctx.now()));
  if (!children.ok()) return children.status();
  return ApiResponse{200, std::move(children.value()), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandlePdLog(ServerContext& ctx, ApiRequest& req) {
  auto from = QueryDate(req, protocol::route::kParamFrom, false);
  if (!from.ok()) return from.status();
  auto to = QueryDate(req, protocol::route::kParamTo, false);
  if (!to.ok()) return to.status();
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  if (Status a = Authorize(*actor, Action::kReadAccessLog); !a.ok()) return a;
  int64_t first = *from ? LocalMidnight(**from) : 0;
  int64_t end = *to ? LocalMidnight(to->value().AddDays(1)) : INT64_MAX;
  if (end <= first) return Status(ErrorCode::kBadRequest, "Конец периода раньше начала.", "to");
  auto log = ctx.store.PersonalDataLog(actor->school_id, first, end);
  if (!log.ok()) return log.status();
  return ApiResponse{200, ToJson(*log), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleDiarySeen(ServerContext& ctx, ApiRequest& req) {
  auto student = QueryId(req, protocol::route::kParamStudentId);
  if (!student.ok()) return student.status();
  auto seq = QueryId(req, protocol::route::kParamSeq);
  if (!seq.ok()) return seq.status();
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  if (Status s = ctx.store.MarkDiarySeen(*actor, *student, *seq, LocalDate(ctx.now())); !s.ok()) return s;
  return ApiResponse{200, protocol::Json::object(), {{"Cache-Control", "no-store"}}};
}

}  // namespace ej::server
