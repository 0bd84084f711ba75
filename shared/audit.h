// Public API of the core: the corrections audit (R3, R13). Every change to something already
// recorded in the journal (a mark, attendance, a topic, homework, a final) is an operation in
// the hash-chained log carrying the old value and the reason; this turns such log entries into
// rows a deputy reads (who, when, class, subject, student, lesson, old → new, why), filters
// them and exports them as CSV for a spreadsheet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "journal.h"
#include "protocol.h"
#include "structure.h"

namespace ej {

// A log entry as the server stores it (the parts the audit reads).
struct AuditSource {
  int64_t seq = 0;
  std::string when;        // the server's local time, «29.11.2026 10:15»
  int64_t author_id = 0;   // the person behind the account
  std::string kind;        // "mark.set" …
  protocol::Json payload;
  protocol::Json result;   // {"old": …, "reason": …, "correction": true}
};

struct AuditRow {
  int64_t seq = 0;
  std::string when;
  std::string who;         // «Цветкова Т. А.»
  std::string what;        // «Отметка», «Посещаемость», «Тема урока» …
  std::string class_name;  // «5А»
  std::string subject;
  std::string student;     // «Абрамов Иван» or ""
  std::string lesson;      // «08.09.2026» or the period for a final
  std::string old_value;
  std::string new_value;
  std::string reason;
  // For filtering.
  std::vector<int64_t> class_ids;
  int64_t subject_id = 0;
  int64_t teacher_id = 0;  // the author
  std::optional<Date> day;
};

// Rows for the entries (corrections only), newest first as given.
AuditRow DescribeCorrection(const Structure& s, const Journal& j, const AuditSource& e);

struct AuditFilter {
  int64_t class_id = 0;
  int64_t teacher_id = 0;
  int64_t subject_id = 0;
  std::optional<Date> from, to;  // the lesson's day
  std::string what;              // "" or a row's `what`
};
bool Matches(const AuditRow& row, const AuditFilter& f);

protocol::Json ToJson(const AuditRow& row);

// A correction request as the deputy reads it: the change asked for described like an audit
// row (who asked, the entry, its value now → the value asked, why), its state and decision.
struct RequestRow {
  int64_t id = 0;
  std::string state;           // "pending", "approved", "declined"
  AuditRow row;
  std::string decided_by;      // «Соколова Е. В.» or ""
  std::string decision_comment;
};
// The requests the actor may see (every one for who may decide them, else their own), the
// pending first, then the newest.
std::vector<RequestRow> DescribeRequests(const Structure& s, const Journal& j, const Actor& actor);
protocol::Json ToJson(const RequestRow& row);
// "Когда;Кто;Что;Класс;Предмет;Ученик;Урок;Было;Стало;Причина", a UTF-8 BOM first (Excel opens
// it as Unicode), fields with ; " or line breaks quoted.
std::string AuditCsv(const std::vector<AuditRow>& rows);

}  // namespace ej
