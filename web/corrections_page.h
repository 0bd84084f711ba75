// Internal to web/: the console's page «Исправления» for the head and the deputies (R3, R13):
// the correction requests teachers sent for locked periods (approve or decline, with a
// comment), the corrections audit (every change to a recorded entry: who, when, old → new,
// why; filtered by class, teacher, subject, dates and kind; downloaded as CSV) and the locking
// of study periods. A small controller like RulesPage: it owns its requests; decisions and
// locks are operations (correction.decide, period.lock) the core on the server checks.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "console_pages.h"
#include "env.h"
#include "structure.h"

namespace ej::web {

// One row of GET route::kCorrections or route::kAudit, as the server described it.
struct CorrectionItem {
  int64_t id = 0;              // the request (requests) or the log's seq (audit)
  std::string state;           // requests: "pending", "approved", "declined"
  std::string when, who, what, class_name, subject, student, lesson, old_value, new_value, reason;
  std::string decided_by, decision_comment;
};

struct CorrectionsForm {
  int tab = 0;  // 0: «Заявки», 1: «Журнал исправлений», 2: «Закрытие периодов»
  // The audit's filters (0: all) as chosen.
  int64_t class_id = 0, teacher_id = 0, subject_id = 0;
  std::string from, to;  // «01.09.2026» as typed
  int what = 0;          // 0: all, else the kinds below
  std::map<int64_t, std::string> comments;  // a decision's comment, by request
  std::map<int64_t, std::string> row_errors;
  std::string error, notice;
  bool busy = false;
};

class CorrectionsPage {
 public:
  CorrectionsPage(Transport& transport, Env& env) : requests_(transport), env_(env) {}
  void Open();
  void Close();
  // Draws the page into the console's scroll area; the structure names classes, teachers,
  // subjects and the periods to lock.
  void Draw(const Structure* structure, const AcademicYear* year);
  std::string error() const { return load_error_; }
  bool settled() const { return (loaded_ && audit_loaded_) || !load_error_.empty(); }
  int pending() const;  // requests waiting for a decision (the badge in the navigation)
  const CorrectionsForm& form() const { return form_; }
  const std::vector<CorrectionItem>& requests() const { return items_; }
  const std::vector<CorrectionItem>& audit() const { return audit_; }
  const std::set<int64_t>& locked() const { return locked_; }
  PageRequests& http() { return requests_; }
  const PageRequests& http() const { return requests_; }
  // The audit's CSV address for the current filters (what «Скачать CSV» opens).
  std::string CsvUrl() const;

 private:
  void DrawBody(const Structure* structure, const AcademicYear* year);
  void Load();
  void LoadAudit();
  std::string AuditQuery() const;
  void Decide(int64_t request_id, bool approve);
  void Lock(int64_t period_id, bool locked);
  void Send(Operation op, int64_t row);

  PageRequests requests_;
  Env& env_;
  bool loaded_ = false, audit_loaded_ = false;
  std::string load_error_;
  std::vector<CorrectionItem> items_;
  std::vector<CorrectionItem> audit_;
  std::set<int64_t> locked_;
  std::optional<Operation> waiting_;  // sent, not answered: a retry keeps its op_id
  CorrectionsForm form_;
};

}  // namespace ej::web
