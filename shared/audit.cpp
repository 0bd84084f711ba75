// The corrections audit: see audit.h.
#include "audit.h"

#include <algorithm>

#include "journal_keys.h"
#include "names.h"

namespace ej {
namespace {

using protocol::Json;
using namespace journal_key;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
int64_t Int(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

std::string PersonName_(const Structure& s, int64_t id, bool short_form) {
  const Person* p = s.FindPerson(id);
  if (!p) return id ? "№ " + std::to_string(id) : std::string();
  return short_form ? ShortName(p->name) : p->name.last + " " + p->name.first;
}

// The value a payload or an "old" object holds, as a person reads it.
std::string ValueText(std::string_view kind, const Json& j) {
  if (j.is_null()) return "—";
  if (kind == op_kind::kMarkAdd || kind == op_kind::kMarkSet || kind == op_kind::kMarkRemove) return Str(j, kKeyValue);
  if (kind == op_kind::kAttendanceSet) return Str(j, kKeyCode).empty() ? "—" : Str(j, kKeyCode);
  if (kind == op_kind::kLessonSetTopic) return Str(j, kKeyTopic);
  if (kind == op_kind::kLessonSetHomework) return Str(j, kKeyText);
  if (kind == op_kind::kLessonSetNotes) return Str(j, kKeyNotes);
  if (kind == op_kind::kFinalSet) return Str(j, kKeyValue).empty() ? "—" : Str(j, kKeyValue);
  return j.dump();
}

std::string WhatOf(std::string_view kind) {
  if (kind == op_kind::kMarkAdd || kind == op_kind::kMarkSet || kind == op_kind::kMarkRemove) return "Отметка";
  if (kind == op_kind::kAttendanceSet) return "Посещаемость";
  if (kind == op_kind::kLessonSetTopic) return "Тема урока";
  if (kind == op_kind::kLessonSetHomework) return "Домашнее задание";
  if (kind == op_kind::kLessonSetNotes) return "Примечание к уроку";
  if (kind == op_kind::kFinalSet) return "Итоговая отметка";
  return std::string(kind);
}

void GroupInto(const Structure& s, int64_t group_id, AuditRow& row) {
  const Group* g = s.FindGroup(group_id);
  if (!g) return;
  row.class_ids = g->class_ids;
  row.subject_id = g->subject_id;
  for (int64_t c : g->class_ids) {
    if (const SchoolClass* cls = s.FindClass(c)) row.class_name += (row.class_name.empty() ? "" : ", ") + cls->Name();
  }
  if (const Subject* subj = s.FindSubject(g->subject_id)) row.subject = subj->name;
}

std::string CsvField(const std::string& v) {
  if (v.find_first_of(";\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

AuditRow DescribeCorrection(const Structure& s, const Journal& j, const AuditSource& entry) {
  // An approved request is described as the change it made, by the teacher who asked for it.
  AuditSource e = entry;
  std::string approved_by;
  if (e.kind == op_kind::kCorrectionDecide) {
    if (auto it = j.requests.find(Int(e.payload, kKeyRequestId)); it != j.requests.end()) {
      approved_by = PersonName_(s, e.author_id, true);
      e.kind = it->second.op.kind;
      e.payload = it->second.op.payload;
      e.author_id = it->second.author_id;
    }
  }
  AuditRow row;
  row.seq = e.seq;
  row.when = e.when;
  row.who = PersonName_(s, e.author_id, true);
  row.teacher_id = e.author_id;
  row.what = WhatOf(e.kind);
  row.reason = Str(e.result, kKeyReason);
  auto old = e.result.find(kKeyOld);
  row.old_value = ValueText(e.kind, old == e.result.end() ? Json() : *old);
  row.new_value = e.kind == op_kind::kMarkRemove ? "удалена" : ValueText(e.kind, e.payload);
  int64_t lesson_id = Int(e.payload, kKeyLessonId);
  int64_t student_id = Int(e.payload, kKeyStudentId);
  if (std::string mark = Str(e.payload, kKeyMarkId); !mark.empty()) {
    if (const Mark* m = j.FindMark(mark)) {
      lesson_id = m->lesson_id;
      student_id = m->student_id;
    } else if (old != e.result.end() && old->is_object()) {  // removed: the log's old value names them
      lesson_id = Int(*old, kKeyLessonId);
      student_id = Int(*old, kKeyStudentId);
    }
  }
  if (const JournalLesson* l = j.FindLesson(lesson_id)) {
    row.lesson = l->lesson.date.Russian();
    row.day = l->lesson.date;
    GroupInto(s, l->lesson.group_id, row);
  } else if (e.kind == op_kind::kFinalSet) {
    GroupInto(s, Int(e.payload, kKeyGroupId), row);
    for (const auto& p : s.periods) {
      if (p.id == Int(e.payload, kKeyPeriodId)) {
        row.lesson = p.name;
        row.day = p.range.last;
      }
    }
    if (row.lesson.empty()) row.lesson = std::string(FinalKindTitle(FinalKindFromCode(Str(e.payload, kKeyKind)).value_or(FinalKind::kYear)));
  }
  row.student = PersonName_(s, student_id, false);
  if (!approved_by.empty()) row.reason += (row.reason.empty() ? "" : " ") + std::string("(одобрил ") + approved_by + ")";
  return row;
}

namespace {

// The value an entry operation would change, as it is now (null when there is none).
Json CurrentValue(const Journal& j, const Operation& op) {
  const Json& p = op.payload;
  if (op.kind == op_kind::kMarkSet || op.kind == op_kind::kMarkRemove) {
    if (const Mark* m = j.FindMark(Str(p, kKeyMarkId))) return Json{{kKeyValue, m->value}};
  } else if (op.kind == op_kind::kAttendanceSet) {
    if (const AttendanceMark* a = j.FindAttendance(Int(p, kKeyLessonId), Int(p, kKeyStudentId))) return Json{{kKeyCode, a->code}};
  } else if (op.kind == op_kind::kLessonSetTopic) {
    if (const JournalLesson* l = j.FindLesson(Int(p, kKeyLessonId))) return Json{{kKeyTopic, l->topic}};
  } else if (op.kind == op_kind::kLessonSetHomework) {
    if (const JournalLesson* l = j.FindLesson(Int(p, kKeyLessonId))) return Json{{kKeyText, l->homework.text}};
  } else if (op.kind == op_kind::kLessonSetNotes) {
    if (const JournalLesson* l = j.FindLesson(Int(p, kKeyLessonId))) return Json{{kKeyNotes, l->notes}};
  } else if (op.kind == op_kind::kFinalSet) {
    auto kind = FinalKindFromCode(Str(p, kKeyKind));
    FinalKey key{Int(p, kKeyGroupId), Int(p, kKeyStudentId), kind.value_or(FinalKind::kPeriod), Int(p, kKeyPeriodId)};
    if (const FinalMark* f = j.FindFinal(key)) return Json{{kKeyValue, f->value}};
  }
  return Json();
}

}  // namespace

std::vector<RequestRow> DescribeRequests(const Structure& s, const Journal& j, const Actor& actor) {
  const bool all = Authorize(actor, Action::kApproveCorrections).ok();
  std::vector<RequestRow> out;
  for (const auto& [id, r] : j.requests) {
    if (!all && r.author_id != actor.person_id) continue;
    AuditSource e;
    e.seq = id;
    e.author_id = r.author_id;
    e.kind = r.op.kind;
    e.payload = r.op.payload;
    e.result = Json{{kKeyOld, r.state == RequestState::kPending ? CurrentValue(j, r.op) : Json()}, {kKeyReason, r.reason}};
    RequestRow row;
    row.id = id;
    row.state = std::string(RequestStateCode(r.state));
    row.row = DescribeCorrection(s, j, e);
    if (r.state != RequestState::kPending) row.row.old_value = "";
    if (r.decided_by) row.decided_by = PersonName_(s, r.decided_by, true);
    row.decision_comment = r.decision_comment;
    out.push_back(std::move(row));
  }
  std::stable_sort(out.begin(), out.end(), [](const RequestRow& a, const RequestRow& b) {
    bool pa = a.state == "pending", pb = b.state == "pending";
    if (pa != pb) return pa;
    return a.id > b.id;
  });
  return out;
}

protocol::Json ToJson(const RequestRow& r) {
  Json o = ToJson(r.row);
  o.erase("seq");
  o["id"] = r.id;
  o["state"] = r.state;
  o["decided_by"] = r.decided_by;
  o["decision_comment"] = r.decision_comment;
  return o;
}

bool Matches(const AuditRow& row, const AuditFilter& f) {
  if (f.class_id) {
    bool in = false;
    for (int64_t c : row.class_ids) in = in || c == f.class_id;
    if (!in) return false;
  }
  if (f.teacher_id && row.teacher_id != f.teacher_id) return false;
  if (f.subject_id && row.subject_id != f.subject_id) return false;
  if (f.from && (!row.day || *row.day < *f.from)) return false;
  if (f.to && (!row.day || *row.day > *f.to)) return false;
  if (!f.what.empty() && row.what != f.what) return false;
  return true;
}

protocol::Json ToJson(const AuditRow& r) {
  return {{"seq", r.seq},         {"when", r.when},       {"who", r.who},         {"what", r.what},
          {"class", r.class_name}, {"subject", r.subject}, {"student", r.student}, {"lesson", r.lesson},
          {"old", r.old_value},   {"new", r.new_value},   {"reason", r.reason}};
}

std::string AuditCsv(const std::vector<AuditRow>& rows) {
  std::string out = "\xEF\xBB\xBF" "Когда;Кто;Что;Класс;Предмет;Ученик;Урок;Было;Стало;Причина\r\n";
  for (const AuditRow& r : rows) {
    for (const std::string* f : {&r.when, &r.who, &r.what, &r.class_name, &r.subject, &r.student, &r.lesson, &r.old_value,
                                 &r.new_value, &r.reason}) {
      if (f != &r.when) out += ';';
      out += CsvField(*f);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace ej
