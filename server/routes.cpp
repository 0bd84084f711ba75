// The route table: every API endpoint, one line each. Paths come from the protocol.
#include <algorithm>

#include "api.h"
#include "handlers_accounts.h"
#include "handlers_auth.h"
#include "handlers_diary.h"
#include "handlers_journal.h"
#include "handlers_planning.h"
#include "handlers_structure.h"
#include "handlers_substitution.h"

namespace ej::server {

namespace route = protocol::route;

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", route::kHealth, Access::kPublic, &HandleHealth},
      {"POST", route::kLogin, Access::kPublic, &HandleLogin},
      {"POST", route::kLogout, Access::kSession, &HandleLogout},
      {"GET", route::kMe, Access::kSession, &HandleMe},
      {"GET", route::kStructure, Access::kSession, &HandleStructure},
      {"GET", route::kTimetable, Access::kSession, &HandleTimetable},
      {"GET", route::kRules, Access::kSession, &HandleRules},
      {"GET", route::kPlans, Access::kSession, &HandlePlans},
      {"GET", route::kControlWorks, Access::kSession, &HandleControlWorks},
      {"GET", route::kAccounts, Access::kSession, &HandleListAccounts},
      {"POST", route::kAccountPassword, Access::kSession, &HandleIssuePassword},
      {"POST", route::kAccountDisable, Access::kSession, &HandleDisableAccount},
      {"POST", route::kOps, Access::kSession, &HandlePushOps},
      {"GET", route::kJournal, Access::kSession, &HandleJournal},
      {"GET", route::kLessons, Access::kSession, &HandleLessons},
      {"GET", route::kAudit, Access::kSession, &HandleAudit},
      {"GET", route::kDiary, Access::kSession, &HandleDiary},
      {"GET", route::kChildren, Access::kSession, &HandleChildren},
      {"GET", route::kPdLog, Access::kSession, &HandlePdLog},
      {"GET", route::kClassJournal, Access::kSession, &HandleClassJournal},
      {"GET", route::kCorrections, Access::kSession, &HandleCorrections},
      {"GET", route::kDayLessons, Access::kSession, &HandleDayLessons},
      {"POST", route::kDiarySeen, Access::kSession, &HandleDiarySeen},
      {"GET", route::kJournalChanges, Access::kSession, &HandleJournalChanges},
  };
  return kRoutes;
}

Result<int64_t> QueryId(const ApiRequest& req, std::string_view name) {
  auto it = req.query.find(name);
  std::string what = "Параметр «" + std::string(name) + "»";
  if (it == req.query.end() || it->second.empty()) {
    return Status(ErrorCode::kBadRequest, what + " обязателен.", std::string(name));
  }
  const std::string& v = it->second;
  if (v.size() > 18 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status(ErrorCode::kBadRequest, what + ": ожидалось целое число.", std::string(name));
  }
  return std::stoll(v);
}

Result<std::optional<Date>> QueryDate(const ApiRequest& req, std::string_view name, bool required) {
  auto it = req.query.find(name);
  std::string key(name);
  if (it == req.query.end() || it->second.empty()) {
    if (required) return Status(ErrorCode::kBadRequest, "Не указан параметр «" + key + "».", key);
    return std::optional<Date>();
  }
  auto d = Date::ParseIso(it->second);
  if (!d) return Status(ErrorCode::kBadRequest, "Параметр «" + key + "» — дата в виде ГГГГ-ММ-ДД.", key);
  return std::optional<Date>(*d);
}

}  // namespace ej::server
