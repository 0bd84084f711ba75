// The corrections audit: see audit.h.
#include "audit.h"

#include "names.h"

namespace ej {
namespace {

using protocol::Json;

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
  if (kind == op_kind::kMarkAdd || kind == op_kind::kMarkSet || kind == op_kind::kMarkRemove) return Str(j, "value");
  if (kind == op_kind::kAttendanceSet) return Str(j, "code").empty() ? "—" : Str(j, "code");
  if (kind == op_kind::kLessonSetTopic) return Str(j, "topic");
  if (kind == op_kind::kLessonSetHomework) return Str(j, "text");
  if (kind == op_kind::kFinalSet) return Str(j, "value").empty() ? "—" : Str(j, "value");
  return j.dump();
}

std::string WhatOf(std::string_view kind) {
  if (kind == op_kind::kMarkAdd || kind == op_kind::kMarkSet || kind == op_kind::kMarkRemove) return "Отметка";
  if (kind == op_kind::kAttendanceSet) return "Посещаемость";
  if (kind == op_kind::kLessonSetTopic) return "Тема урока";
  if (kind == op_kind::kLessonSetHomework) return "Домашнее задание";
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

AuditRow DescribeCorrection(const Structure& s, const Journal& j, const AuditSource& e) {
  AuditRow row;
  row.seq = e.seq;
  row.when = e.when;
  row.who = PersonName_(s, e.author_id, true);
  row.teacher_id = e.author_id;
  row.what = WhatOf(e.kind);
  row.reason = Str(e.result, "reason");
  auto old = e.result.find("old");
  row.old_value = ValueText(e.kind, old == e.result.end() ? Json() : *old);
  row.new_value = e.kind == op_kind::kMarkRemove ? "удалена" : ValueText(e.kind, e.payload);
  int64_t lesson_id = Int(e.payload, "lesson_id");
  int64_t student_id = Int(e.payload, "student_id");
  if (std::string mark = Str(e.payload, "mark_id"); !mark.empty()) {
    if (const Mark* m = j.FindMark(mark)) {
      lesson_id = m->lesson_id;
      student_id = m->student_id;
    }
  }
  if (const JournalLesson* l = j.FindLesson(lesson_id)) {
    row.lesson = l->lesson.date.Russian();
    row.day = l->lesson.date;
    GroupInto(s, l->lesson.group_id, row);
  } else if (e.kind == op_kind::kFinalSet) {
    GroupInto(s, Int(e.payload, "group_id"), row);
    for (const auto& p : s.periods) {
      if (p.id == Int(e.payload, "period_id")) {
        row.lesson = p.name;
        row.day = p.range.last;
      }
    }
    if (row.lesson.empty()) row.lesson = std::string(FinalKindTitle(FinalKindFromCode(Str(e.payload, "kind")).value_or(FinalKind::kYear)));
  }
  row.student = PersonName_(s, student_id, false);
  return row;
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
