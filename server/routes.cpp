// The route table: every API endpoint, one line each. Paths come from the protocol.
#include "api.h"
#include "handlers_accounts.h"
#include "handlers_auth.h"
#include "handlers_structure.h"

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
      {"GET", route::kAccounts, Access::kSession, &HandleListAccounts},
      {"POST", route::kAccountPassword, Access::kSession, &HandleIssuePassword},
      {"POST", route::kAccountDisable, Access::kSession, &HandleDisableAccount},
      {"POST", route::kOps, Access::kSession, &HandlePushOps},
      {"GET", route::kJournal, Access::kSession, &HandleJournal},
      {"GET", route::kLessons, Access::kSession, &HandleLessons},
  };
  return kRoutes;
}

}  // namespace ej::server
