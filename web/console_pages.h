// Internal to web/: two pages of the console that talk to the server on their own (they do not
// live in the structure snapshot): «Правила школы» (R4: GET route::kRules, one rules.update)
// and «Учётные записи» (R22–R24: the account list, one-time passwords, disabling). Each page
// is a small controller that owns its requests and its form; the Console opens, draws and
// closes it. What the user may do is the core's answer (ej::Authorize), asked by the Console.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "env.h"
#include "ops.h"
#include "protocol.h"
#include "school_rules.h"
#include "transport.h"
#include "ui.h"

namespace ej::web {

// Requests guarded against answers that arrive after Close (logout) or after the page is gone;
// a 401 ends the session (the Console reads `session_ended`).
class PageRequests {
 public:
  explicit PageRequests(Transport& transport) : transport_(transport), alive_(std::make_shared<int>(0)) {}
  using Callback = std::function<void(const HttpResponse&)>;
  void Call(const char* method, std::string_view path, std::string body, Callback done);
  void Reset() { ++epoch_; session_ended = false; session_message.clear(); }
  bool session_ended = false;
  std::string session_message;

 private:
  Transport& transport_;
  std::shared_ptr<int> alive_;
  int epoch_ = 0;
};

// ---- «Правила школы» (screen_rules.cpp) ----

struct RulesForm {
  std::optional<SchoolRules> loaded;  // as the server has them
  // The editable parts, as typed (numbers stay text until «Сохранить»).
  std::string window_days;
  std::string deadline_days;
  int plus_minus = 0;  // 0: нет, 1: да
  std::vector<std::string> homework;  // 11, minutes per grade
  std::vector<std::string> type_names;
  std::vector<std::string> type_weights;
  std::vector<std::string> attendance_names;
  bool edited = false;  // the inputs differ from `loaded` (a reload would replace them)

  std::string field;      // the rejected field's path ("mark_types[3].weight"), "" for none
  std::string error;      // the server's message (near `field` when there is one)
  std::string notice;     // «Правила сохранены.»
  bool conflict = false;  // someone else saved first: «Загрузить заново»
  bool busy = false;
};

class RulesPage {
 public:
  RulesPage(Transport& transport, Env& env) : requests_(transport), env_(env) {}
  void Open(bool can_edit);  // loads the rules
  void Close();
  // Draws the page into the console's scroll area.
  void Draw();
  std::string error() const { return load_error_.empty() ? form_.error : load_error_; }
  bool settled() const { return form_.loaded.has_value() || !load_error_.empty(); }
  const RulesForm& form() const { return form_; }
  PageRequests& requests() { return requests_; }
  const PageRequests& requests() const { return requests_; }

 private:
  void Load();
  void Save();
  void FillForm();  // the inputs from `loaded`

  PageRequests requests_;
  Env& env_;
  bool can_edit_ = false;
  bool loading_ = false;
  std::string load_error_;
  std::optional<Operation> waiting_;  // sent, not answered: a retry keeps its op_id
  RulesForm form_;
};

// ---- «Учётные записи» (screen_accounts.cpp) ----

struct AccountsForm {
  std::string search;  // login or surname
  int role_filter = 0;  // 0: all roles, else 1 + the index in kAllRoles
  ui::TableSort sort;   // by login, name, roles or state
  std::map<int64_t, std::string> row_errors;  // by account: the server's refusal
  std::map<int64_t, bool> row_busy;
  // The password just issued, shown once; overwritten when the box is closed.
  int64_t issued_account = 0;
  std::string issued_login;
  std::string issued_password;
  bool copied = false;
};

class AccountsPage {
 public:
  explicit AccountsPage(Transport& transport) : requests_(transport) {}
  void Open();
  void Close();
  void Draw();
  std::string error() const { return load_error_; }
  bool settled() const { return loaded_ || !load_error_.empty(); }
  const AccountsForm& form() const { return form_; }
  PageRequests& requests() { return requests_; }
  const PageRequests& requests() const { return requests_; }

 private:
  void Load();
  void IssuePassword(int64_t account_id);
  void SetDisabled(int64_t account_id, bool disabled);
  void CloseIssued();

  PageRequests requests_;
  bool loaded_ = false;
  std::string load_error_;
  std::vector<protocol::AccountInfo> accounts_;
  AccountsForm form_;
};

}  // namespace ej::web
