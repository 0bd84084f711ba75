// Public API of the core: the wire protocol, in one place. The server and the client both
// include this file; every route, error code and JSON key is spelled here and nowhere else.
// JSON mapping never throws: bad input comes back as a Status (kBadRequest) naming the field.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "roles.h"
#include "status.h"

namespace ej::protocol {

using Json = nlohmann::json;

// Bumped on every incompatible change of routes or DTOs.
inline constexpr int kVersion = 1;

// The largest request body the server reads, in bytes.
inline constexpr size_t kMaxBodyBytes = 1 << 20;

// The cookie that carries the session in a browser, and the bearer scheme for other clients.
inline constexpr std::string_view kSessionCookie = "ej_session";
inline constexpr std::string_view kBearerPrefix = "Bearer ";

namespace route {
inline constexpr std::string_view kApiPrefix = "/api/";
inline constexpr std::string_view kHealth = "/api/v1/health";
inline constexpr std::string_view kLogin = "/api/v1/auth/login";
inline constexpr std::string_view kLogout = "/api/v1/auth/logout";
inline constexpr std::string_view kMe = "/api/v1/me";
// The school's structure snapshot (structure.h ToJson) and the set-up checklist.
inline constexpr std::string_view kStructure = "/api/v1/structure";
// Bell schedules and the weekly timetable (timetable.h ToJson).
inline constexpr std::string_view kTimetable = "/api/v1/timetable";
// The school's rules (school_rules.h ToJson); changed by the rules.update operation.
inline constexpr std::string_view kRules = "/api/v1/rules";
// Accounts (R9, R22–R24): the list, a new password, disabling. For the administration and the
// technical administrator.
inline constexpr std::string_view kAccounts = "/api/v1/accounts";
inline constexpr std::string_view kAccountPassword = "/api/v1/accounts/password";
inline constexpr std::string_view kAccountDisable = "/api/v1/accounts/disable";
// A group's thematic plan (КТП, thematic_plan.h GroupPlansJson): ?group_id=N.
inline constexpr std::string_view kPlans = "/api/v1/plans";
// The year's control-work schedule (control_works.h ControlWorkScheduleJson): ?year_id=N.
inline constexpr std::string_view kControlWorks = "/api/v1/control-works";
// Query parameters.
inline constexpr std::string_view kParamGroupId = "group_id";
inline constexpr std::string_view kParamYearId = "year_id";
// Push a batch of operations (ops.h PushRequest → PushResponse).
inline constexpr std::string_view kOps = "/api/v1/ops";
// A group's journal over a range (journal.h ToJson of SliceForGroup):
// ?group_id=N[&from=YYYY-MM-DD&to=YYYY-MM-DD].
inline constexpr std::string_view kJournal = "/api/v1/journal";
// The lessons of a day the user keeps (as the group's teacher or as a substitute): ?date=YYYY-MM-DD.
inline constexpr std::string_view kLessons = "/api/v1/lessons";
// The corrections audit (audit.h): ?class_id=&teacher_id=&subject_id=&from=&to=&what=&format=csv.
inline constexpr std::string_view kAudit = "/api/v1/audit";
// A class teacher's view of their class (class_summary.h SliceForClass): ?class_id=N&from=&to=.
inline constexpr std::string_view kClassJournal = "/api/v1/class-journal";
inline constexpr std::string_view kParamClassId = "class_id";
// Correction requests (R3, R13) and the locked periods: the administration sees every request,
// a teacher their own.
inline constexpr std::string_view kCorrections = "/api/v1/corrections";
// One student's diary (diary.h DiaryView): ?student_id=N[&from=YYYY-MM-DD][&to=YYYY-MM-DD]; from
// defaults to the Monday of the current week, to to a week from `from`.
inline constexpr std::string_view kDiary = "/api/v1/diary";
// The students whose diary the user opens as family: a parent's children, a student themself.
inline constexpr std::string_view kChildren = "/api/v1/children";
// The personal-data access log (R7, R22), for the head: ?from=YYYY-MM-DD&to=YYYY-MM-DD.
inline constexpr std::string_view kPdLog = "/api/v1/pd-log";
inline constexpr std::string_view kParamStudentId = "student_id";
inline constexpr std::string_view kParamFrom = "from";
inline constexpr std::string_view kParamTo = "to";
// The family has seen a student's diary up to the log's seq: POST ?student_id=N&seq=M (the
// "seq" of the diary answer); what arrives after it is marked new (diary.h MarkNewSince).
inline constexpr std::string_view kDiarySeen = "/api/v1/diary/seen";
inline constexpr std::string_view kParamSeq = "seq";
// The journal's changes after the log's seq the client last saw (journal_pull.h): ?cursor=N.
inline constexpr std::string_view kJournalChanges = "/api/v1/journal/changes";
inline constexpr std::string_view kParamCursor = "cursor";
}  // namespace route

// ---- Errors: {"error":{"code","message"[,"field"][,"retry_after"]}} ----

// The wire spelling of an error code ("bad_request" …) and the HTTP status it maps to.
std::string_view ErrorCodeName(ErrorCode code);
ErrorCode ErrorCodeFromName(std::string_view name);
int HttpStatus(ErrorCode code);
// The code for an HTTP status the server produced without a handler (404, 413 …).
ErrorCode ErrorCodeForHttpStatus(int http_status);
// A generic Russian message for a code, for errors that arise outside any handler.
std::string_view DefaultMessage(ErrorCode code);

Json ErrorToJson(const Status& status);
// Reads an error body; a body that is not one gives kInternal with a generic message.
Status ErrorFromJson(const Json& j, int http_status);

// Parses a request or response body. Never throws; malformed JSON gives kBadRequest.
Result<Json> ParseJson(std::string_view body);

// ---- DTOs ----

struct LoginRequest {
  std::string login;
  std::string password;
};
inline constexpr size_t kMaxLoginChars = 64;
inline constexpr size_t kMaxPasswordChars = 256;
Json ToJson(const LoginRequest& r);
// Checks shape and limits: both fields present, strings, non-empty, within length limits.
Result<LoginRequest> LoginRequestFromJson(const Json& j);

struct UserInfo {
  int64_t id = 0;         // the account
  std::string name;       // "Иванова Мария Петровна"
  std::vector<Role> roles;
  int64_t person_id = 0;  // the person behind the account (the structure's Person id); 0 if unknown
};
Json ToJson(const UserInfo& u);
Result<UserInfo> UserInfoFromJson(const Json& j);

struct LoginResponse {
  std::string token;
  UserInfo user;
};
Json ToJson(const LoginResponse& r);
Result<LoginResponse> LoginResponseFromJson(const Json& j);

struct MeResponse {
  UserInfo user;
  std::string school;  // the school's short name
};
Json ToJson(const MeResponse& r);
Result<MeResponse> MeResponseFromJson(const Json& j);

struct HealthResponse {
  std::string status;  // "ok"
  std::string version;
  int protocol = kVersion;
};
Json ToJson(const HealthResponse& r);
Result<HealthResponse> HealthResponseFromJson(const Json& j);

// ---- Accounts ----

struct AccountInfo {
  int64_t account_id = 0;
  int64_t person_id = 0;
  std::string login;
  std::string name;
  std::vector<Role> roles;
  bool has_password = false;
  bool disabled = false;
};
Json ToJson(const AccountInfo& a);
Result<AccountInfo> AccountInfoFromJson(const Json& j);

struct AccountList {
  std::vector<AccountInfo> accounts;
};
Json ToJson(const AccountList& l);
Result<AccountList> AccountListFromJson(const Json& j);

// POST kAccountPassword {"account_id"} → {"login", "password"}: a new password, shown once.
struct AccountRef {
  int64_t account_id = 0;
};
Json ToJson(const AccountRef& r);
Result<AccountRef> AccountRefFromJson(const Json& j);

struct IssuedPassword {
  std::string login;
  std::string password;
};
Json ToJson(const IssuedPassword& p);
Result<IssuedPassword> IssuedPasswordFromJson(const Json& j);

// POST kAccountDisable {"account_id", "disabled"} → the account's AccountInfo.
struct AccountDisable {
  int64_t account_id = 0;
  bool disabled = true;
};
Json ToJson(const AccountDisable& d);
Result<AccountDisable> AccountDisableFromJson(const Json& j);

// ---- The personal-data access log (R7, R22) ----

// One read of students' data by staff: who, whose (students or a group), through which route,
// when.
struct PdAccessEntry {
  int64_t id = 0;
  int64_t at = 0;           // Unix seconds
  int64_t account_id = 0;
  std::string who;          // the reader's full name
  std::string route;        // "/api/v1/diary"
  std::vector<int64_t> student_ids;
  int64_t group_id = 0;     // 0 when the read was of students
};
Json ToJson(const PdAccessEntry& e);
Result<PdAccessEntry> PdAccessEntryFromJson(const Json& j);

struct PdAccessLog {
  std::vector<PdAccessEntry> entries;  // newest first
};
Json ToJson(const PdAccessLog& l);
Result<PdAccessLog> PdAccessLogFromJson(const Json& j);

}  // namespace ej::protocol

namespace ej::protocol::route {
// Every lesson of the school on a day, with substitutes and moves, for the substitution screen
// of the head and deputies (Action::kPlanLessons): ?date=YYYY-MM-DD → {"lessons": […]}.
inline constexpr std::string_view kDayLessons = "/api/v1/day-lessons";
}  // namespace ej::protocol::route
