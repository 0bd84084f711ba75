#include "handlers_accounts.h"

namespace ej::server {
namespace {

// The actor, authorised for account work on the target account (which must be in the
// actor's school: another school's account is "not found").
struct Authorised {
  Actor actor;
  protocol::AccountInfo target;
};

Result<Authorised> AuthoriseOn(ServerContext& ctx, ApiRequest& req, int64_t account_id, bool disabling) {
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  if (Status s = Authorize(*actor, Action::kManageAccounts); !s.ok()) return s;
  auto target = ctx.store.FindAccount(actor->school_id, account_id);
  if (!target.ok()) return target.status();
  if (Status s = AuthorizeAccountWork(*actor, target->person_id, target->roles, disabling); !s.ok()) return s;
  return Authorised{std::move(actor.value()), std::move(target.value())};
}

}  // namespace

Result<ApiResponse> HandleListAccounts(ServerContext& ctx, ApiRequest& req) {
  auto actor = ctx.store.LoadActor(req.session->account_id);
  if (!actor.ok()) return actor.status();
  if (Status s = Authorize(*actor, Action::kManageAccounts); !s.ok()) return s;
  auto list = ctx.store.ListAccounts(actor->school_id);
  if (!list.ok()) return list.status();
  return ApiResponse{200, protocol::ToJson(*list), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleIssuePassword(ServerContext& ctx, ApiRequest& req) {
  auto json = protocol::ParseJson(req.body);
  if (!json.ok()) return json.status();
  auto ref = protocol::AccountRefFromJson(*json);
  if (!ref.ok()) return ref.status();
  auto who = AuthoriseOn(ctx, req, ref->account_id, false);
  if (!who.ok()) return who.status();
  std::string password = NewReadablePassword();
  auto hash = ctx.hasher.Hash(password);
  if (!hash.ok()) return hash.status();
  if (Status s = ctx.store.IssuePassword(who->actor, ref->account_id, *hash, ctx.now()); !s.ok()) return s;
  protocol::IssuedPassword out{who->target.login, password};
  return ApiResponse{200, protocol::ToJson(out), {{"Cache-Control", "no-store"}}};
}

Result<ApiResponse> HandleDisableAccount(ServerContext& ctx, ApiRequest& req) {
  auto json = protocol::ParseJson(req.body);
  if (!json.ok()) return json.status();
  auto cmd = protocol::AccountDisableFromJson(*json);
  if (!cmd.ok()) return cmd.status();
  auto who = AuthoriseOn(ctx, req, cmd->account_id, cmd->disabled);
  if (!who.ok()) return who.status();
  if (Status s = ctx.store.SetAccountDisabled(who->actor, cmd->account_id, cmd->disabled, ctx.now()); !s.ok()) return s;
  auto after = ctx.store.FindAccount(who->actor.school_id, cmd->account_id);
  if (!after.ok()) return after.status();
  return ApiResponse{200, protocol::ToJson(*after), {{"Cache-Control", "no-store"}}};
}

}  // namespace ej::server
