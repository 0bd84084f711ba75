#include "protocol.h"

#include "json_reader.h"

namespace ej::protocol {
namespace {

// JSON keys, each spelled once.
constexpr const char* kKeyError = "error";
constexpr const char* kKeyCode = "code";
constexpr const char* kKeyMessage = "message";
constexpr const char* kKeyField = "field";
constexpr const char* kKeyRetryAfter = "retry_after";
constexpr const char* kKeyLogin = "login";
constexpr const char* kKeyPassword = "password";
constexpr const char* kKeyToken = "token";
constexpr const char* kKeyUser = "user";
constexpr const char* kKeyId = "id";
constexpr const char* kKeyName = "name";
constexpr const char* kKeyRoles = "roles";
constexpr const char* kKeySchool = "school";
constexpr const char* kKeyStatus = "status";
constexpr const char* kKeyVersion = "version";
constexpr const char* kKeyProtocol = "protocol";
constexpr const char* kKeyAccountId = "account_id";
constexpr const char* kKeyPersonId = "person_id";
constexpr const char* kKeyHasPassword = "has_password";
constexpr const char* kKeyDisabled = "disabled";
constexpr const char* kKeyAccounts = "accounts";

struct ErrorInfo {
  ErrorCode code;
  std::string_view name;
  int http;
  std::string_view message;
};

constexpr ErrorInfo kErrors[] = {
    {ErrorCode::kOk, "ok", 200, "Готово."},
    {ErrorCode::kBadRequest, "bad_request", 400, "Запрос составлен неверно."},
    {ErrorCode::kValidation, "validation", 422, "Данные не прошли проверку."},
    {ErrorCode::kUnauthenticated, "unauthenticated", 401, "Требуется вход в систему."},
    {ErrorCode::kForbidden, "forbidden", 403, "Недостаточно прав для этого действия."},
    {ErrorCode::kNotFound, "not_found", 404, "Не найдено."},
    {ErrorCode::kConflict, "conflict", 409, "Данные уже изменены другим пользователем."},
    {ErrorCode::kPayloadTooLarge, "payload_too_large", 413, "Слишком большой запрос."},
    {ErrorCode::kTooManyRequests, "too_many_requests", 429,
     "Слишком много попыток. Повторите позже."},
    {ErrorCode::kUnavailable, "unavailable", 503, "Сервис временно недоступен."},
    {ErrorCode::kInternal, "internal", 500, "Внутренняя ошибка сервера."},
};

const ErrorInfo& Info(ErrorCode code) {
  for (const auto& e : kErrors) {
    if (e.code == code) return e;
  }
  return kErrors[std::size(kErrors) - 1];
}

Status BadShape(std::string_view what) {
  return Status(ErrorCode::kBadRequest, std::string(what));
}

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) { return Info(code).name; }

ErrorCode ErrorCodeFromName(std::string_view name) {
  for (const auto& e : kErrors) {
    if (e.name == name) return e.code;
  }
  return ErrorCode::kInternal;
}

int HttpStatus(ErrorCode code) { return Info(code).http; }

ErrorCode ErrorCodeForHttpStatus(int http_status) {
  for (const auto& e : kErrors) {
    if (e.http == http_status) return e.code;
  }
  if (http_status == 405) return ErrorCode::kNotFound;
  return http_status >= 500 ? ErrorCode::kInternal : ErrorCode::kBadRequest;
}

std::string_view DefaultMessage(ErrorCode code) { return Info(code).message; }

Json ErrorToJson(const Status& status) {
  Json err = {{kKeyCode, ErrorCodeName(status.code())},
              {kKeyMessage, status.message().empty() ? std::string(DefaultMessage(status.code()))
                                                     : status.message()}};
  if (!status.field().empty()) err[kKeyField] = status.field();
  if (status.retry_after() > 0) err[kKeyRetryAfter] = status.retry_after();
  return Json{{kKeyError, std::move(err)}};
}

Status ErrorFromJson(const Json& j, int http_status) {
  ErrorCode fallback = ErrorCodeForHttpStatus(http_status);
  const Json* err = nullptr;
  JsonReader top(j);
  top.Object(kKeyError, &err);
  if (!top.ok()) return Status(fallback, std::string(DefaultMessage(fallback)));
  std::string code, message, field;
  int64_t retry_after = 0;
  JsonReader r(*err);
  r.String(kKeyCode, &code).String(kKeyMessage, &message);
  r.String(kKeyField, &field, false).Int(kKeyRetryAfter, &retry_after, false);
  if (!r.ok()) return Status(fallback, std::string(DefaultMessage(fallback)));
  Status s(ErrorCodeFromName(code), message, field);
  if (retry_after > 0) s.WithRetryAfter(static_cast<int>(retry_after));
  return s;
}

Result<Json> ParseJson(std::string_view body) {
  Json j = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return BadShape("Тело запроса — некорректный JSON.");
  }
  return j;
}

// ---- LoginRequest ----

Json ToJson(const LoginRequest& r) { return Json{{kKeyLogin, r.login}, {kKeyPassword, r.password}}; }

Result<LoginRequest> LoginRequestFromJson(const Json& j) {
  LoginRequest r;
  JsonReader reader(j);
  reader.String(kKeyLogin, &r.login).String(kKeyPassword, &r.password);
  if (!reader.ok()) return reader.status();
  if (r.login.empty()) return Status(ErrorCode::kValidation, "Введите логин.", kKeyLogin);
  if (r.password.empty()) return Status(ErrorCode::kValidation, "Введите пароль.", kKeyPassword);
  if (Utf8Length(r.login) > kMaxLoginChars) {
    return Status(ErrorCode::kValidation, "Логин слишком длинный.", kKeyLogin);
  }
  if (Utf8Length(r.password) > kMaxPasswordChars) {
    return Status(ErrorCode::kValidation, "Пароль слишком длинный.", kKeyPassword);
  }
  return r;
}

// ---- UserInfo ----

Json ToJson(const UserInfo& u) {
  Json roles = Json::array();
  for (Role role : u.roles) roles.push_back(RoleCode(role));
  return Json{{kKeyId, u.id}, {kKeyName, u.name}, {kKeyRoles, std::move(roles)}, {kKeyPersonId, u.person_id}};
}

Result<UserInfo> UserInfoFromJson(const Json& j) {
  UserInfo u;
  const Json* roles = nullptr;
  JsonReader reader(j);
  reader.Int(kKeyId, &u.id).String(kKeyName, &u.name).Array(kKeyRoles, &roles).Int(kKeyPersonId, &u.person_id, false);
  if (!reader.ok()) return reader.status();
  for (const auto& item : *roles) {
    if (!item.is_string()) return BadShape("Поле «roles»: ожидался список строк.");
    // A role this client does not know yet is skipped, not an error: newer servers may add roles.
    if (auto role = RoleFromCode(item.get_ref<const std::string&>())) u.roles.push_back(*role);
  }
  return u;
}

// ---- LoginResponse ----

Json ToJson(const LoginResponse& r) { return Json{{kKeyToken, r.token}, {kKeyUser, ToJson(r.user)}}; }

Result<LoginResponse> LoginResponseFromJson(const Json& j) {
  LoginResponse r;
  const Json* user = nullptr;
  JsonReader reader(j);
  reader.String(kKeyToken, &r.token).Object(kKeyUser, &user);
  if (!reader.ok()) return reader.status();
  auto u = UserInfoFromJson(*user);
  if (!u.ok()) return u.status();
  r.user = std::move(u.value());
  return r;
}

// ---- MeResponse ----

Json ToJson(const MeResponse& r) { return Json{{kKeyUser, ToJson(r.user)}, {kKeySchool, r.school}}; }

Result<MeResponse> MeResponseFromJson(const Json& j) {
  MeResponse r;
  const Json* user = nullptr;
  JsonReader reader(j);
  reader.Object(kKeyUser, &user).String(kKeySchool, &r.school);
  if (!reader.ok()) return reader.status();
  auto u = UserInfoFromJson(*user);
  if (!u.ok()) return u.status();
  r.user = std::move(u.value());
  return r;
}

// ---- HealthResponse ----

Json ToJson(const HealthResponse& r) {
  return Json{{kKeyStatus, r.status}, {kKeyVersion, r.version}, {kKeyProtocol, r.protocol}};
}

Result<HealthResponse> HealthResponseFromJson(const Json& j) {
  HealthResponse r;
  int64_t protocol = 0;
  JsonReader reader(j);
  reader.String(kKeyStatus, &r.status).String(kKeyVersion, &r.version).Int(kKeyProtocol, &protocol);
  if (!reader.ok()) return reader.status();
  r.protocol = static_cast<int>(protocol);
  return r;
}

// ---- Accounts ----

namespace {

Json RolesJson(const std::vector<Role>& roles) {
  Json out = Json::array();
  for (Role role : roles) out.push_back(RoleCode(role));
  return out;
}

}  // namespace

Json ToJson(const AccountInfo& a) {
  return Json{{kKeyAccountId, a.account_id}, {kKeyPersonId, a.person_id},   {kKeyLogin, a.login},
              {kKeyName, a.name},            {kKeyRoles, RolesJson(a.roles)}, {kKeyHasPassword, a.has_password},
              {kKeyDisabled, a.disabled}};
}

Result<AccountInfo> AccountInfoFromJson(const Json& j) {
  AccountInfo a;
  const Json* roles = nullptr;
  JsonReader r(j);
  r.Int(kKeyAccountId, &a.account_id).Int(kKeyPersonId, &a.person_id).String(kKeyLogin, &a.login);
  r.String(kKeyName, &a.name).Array(kKeyRoles, &roles).Bool(kKeyHasPassword, &a.has_password).Bool(kKeyDisabled, &a.disabled);
  if (!r.ok()) return r.status();
  for (const auto& item : *roles) {
    if (item.is_string()) {
      if (auto role = RoleFromCode(item.get_ref<const std::string&>())) a.roles.push_back(*role);
    }
  }
  return a;
}

Json ToJson(const AccountList& l) {
  Json items = Json::array();
  for (const auto& a : l.accounts) items.push_back(ToJson(a));
  return Json{{kKeyAccounts, std::move(items)}};
}

Result<AccountList> AccountListFromJson(const Json& j) {
  AccountList out;
  const Json* items = nullptr;
  JsonReader r(j);
  r.Array(kKeyAccounts, &items);
  if (!r.ok()) return r.status();
  for (const auto& item : *items) {
    auto a = AccountInfoFromJson(item);
    if (!a.ok()) return a.status();
    out.accounts.push_back(std::move(a.value()));
  }
  return out;
}

Json ToJson(const AccountRef& ref) { return Json{{kKeyAccountId, ref.account_id}}; }

Result<AccountRef> AccountRefFromJson(const Json& j) {
  AccountRef out;
  JsonReader r(j);
  r.Int(kKeyAccountId, &out.account_id);
  if (!r.ok()) return r.status();
  return out;
}

Json ToJson(const IssuedPassword& p) { return Json{{kKeyLogin, p.login}, {kKeyPassword, p.password}}; }

Result<IssuedPassword> IssuedPasswordFromJson(const Json& j) {
  IssuedPassword out;
  JsonReader r(j);
  r.String(kKeyLogin, &out.login).String(kKeyPassword, &out.password);
  if (!r.ok()) return r.status();
  return out;
}

Json ToJson(const AccountDisable& d) { return Json{{kKeyAccountId, d.account_id}, {kKeyDisabled, d.disabled}}; }

Result<AccountDisable> AccountDisableFromJson(const Json& j) {
  AccountDisable out;
  JsonReader r(j);
  r.Int(kKeyAccountId, &out.account_id).Bool(kKeyDisabled, &out.disabled);
  if (!r.ok()) return r.status();
  return out;
}

}  // namespace ej::protocol

namespace ej::protocol {

namespace {
constexpr const char* kKeyEntries = "entries";
constexpr const char* kKeyAt = "at";
constexpr const char* kKeyWho = "who";
constexpr const char* kKeyRoute = "route";
constexpr const char* kKeyStudentIds = "student_ids";
constexpr const char* kKeyGroupId = "group_id";
constexpr const char* kKeyEntryId = "id";
constexpr const char* kKeyEntryAccount = "account_id";
}  // namespace

Json ToJson(const PdAccessEntry& e) {
  return Json{{kKeyEntryId, e.id},       {kKeyAt, e.at},       {kKeyEntryAccount, e.account_id},
              {kKeyWho, e.who},          {kKeyRoute, e.route}, {kKeyStudentIds, e.student_ids},
              {kKeyGroupId, e.group_id}};
}

Result<PdAccessEntry> PdAccessEntryFromJson(const Json& j) {
  if (!j.is_object()) return Status(ErrorCode::kBadRequest, "Запись журнала доступа должна быть объектом.");
  PdAccessEntry e;
  JsonReader r(j);
  r.Int(kKeyEntryId, &e.id).Int(kKeyAt, &e.at).Int(kKeyEntryAccount, &e.account_id).String(kKeyWho, &e.who);
  r.String(kKeyRoute, &e.route).IntArray(kKeyStudentIds, &e.student_ids).Int(kKeyGroupId, &e.group_id);
  if (!r.ok()) return r.status();
  return e;
}

Json ToJson(const PdAccessLog& l) {
  Json a = Json::array();
  for (const auto& e : l.entries) a.push_back(ToJson(e));
  return Json{{kKeyEntries, std::move(a)}};
}

Result<PdAccessLog> PdAccessLogFromJson(const Json& j) {
  if (!j.is_object()) return Status(ErrorCode::kBadRequest, "Журнал доступа должен быть объектом.");
  const Json* items = nullptr;
  JsonReader r(j);
  r.Array(kKeyEntries, &items);
  if (!r.ok()) return r.status();
  PdAccessLog out;
  for (const auto& item : *items) {
    auto e = PdAccessEntryFromJson(item);
    if (!e.ok()) return e.status();
    out.entries.push_back(std::move(e.value()));
  }
  return out;
}

}  // namespace ej::protocol
