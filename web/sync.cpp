// The state of sync: see sync.h.
#include "sync.h"

#include <algorithm>

#include "journal_keys.h"

namespace ej::web {
namespace {

using namespace journal_key;

int64_t Int(const protocol::Json& p, const char* key) {
  auto it = p.find(key);
  return it != p.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

std::string Text(const protocol::Json& p, const char* key) {
  auto it = p.find(key);
  return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

SyncBadge BadgeOf(bool offline, size_t outbox, size_t attention) {
  if (attention > 0) return {BadgeKind::kAttention, "Требуют внимания: " + std::to_string(attention)};
  if (offline) return {BadgeKind::kOffline, "Нет сети"};
  if (outbox > 0) return {BadgeKind::kSending, "Отправка: " + std::to_string(outbox)};
  return {BadgeKind::kOnline, "В сети"};
}

double Backoff::Next() {
  double delay = 2;
  for (int i = 0; i < attempt_ && delay < 60; ++i) delay *= 2;
  ++attempt_;
  return std::min(delay, 60.0);
}

std::string OpValueText(const Operation& op) {
  const protocol::Json& p = op.payload;
  auto quoted = [](const std::string& t) { return t.empty() ? std::string("пусто") : "«" + t + "»"; };
  if (op.kind == op_kind::kMarkAdd || op.kind == op_kind::kMarkSet || op.kind == op_kind::kFinalSet) {
    return quoted(Text(p, kKeyValue));
  }
  if (op.kind == op_kind::kAttendanceSet) return quoted(Text(p, kKeyCode));
  if (op.kind == op_kind::kMarkRemove) return "удаление отметки";
  if (op.kind == op_kind::kLessonSetTopic) return quoted(Text(p, kKeyTopic));
  if (op.kind == op_kind::kLessonSetNotes) return quoted(Text(p, kKeyNotes));
  if (op.kind == op_kind::kLessonSetHomework) {
    auto it = p.find(kKeyHomework);
    if (it != p.end() && it->is_object()) return quoted(Text(*it, kKeyText));
    return quoted(Text(p, kKeyText));
  }
  return "изменение";
}

int64_t CurrentVersion(const Journal& j, const Operation& op) {
  const protocol::Json& p = op.payload;
  if (op.kind == op_kind::kAttendanceSet) {
    const AttendanceMark* a = j.FindAttendance(Int(p, kKeyLessonId), Int(p, kKeyStudentId));
    return a ? a->version : 0;
  }
  if (op.kind == op_kind::kMarkRemove || op.kind == op_kind::kMarkSet) {
    const Mark* m = j.FindMark(Text(p, kKeyMarkId));
    return m ? m->version : 0;
  }
  if (op.kind == op_kind::kLessonSetTopic) {
    const JournalLesson* l = j.FindLesson(Int(p, kKeyLessonId));
    return l ? l->topic_version : 0;
  }
  if (op.kind == op_kind::kLessonSetHomework) {
    const JournalLesson* l = j.FindLesson(Int(p, kKeyLessonId));
    return l ? l->homework.version : 0;
  }
  if (op.kind == op_kind::kLessonSetNotes) {
    const JournalLesson* l = j.FindLesson(Int(p, kKeyLessonId));
    return l ? l->notes_version : 0;
  }
  if (op.kind == op_kind::kFinalSet) {
    auto kind = FinalKindFromCode(Text(p, kKeyKind));
    if (!kind) return 0;
    const FinalMark* f = j.FindFinal({Int(p, kKeyGroupId), Int(p, kKeyStudentId), *kind, Int(p, kKeyPeriodId)});
    return f ? f->version : 0;
  }
  return op.base_version;
}

}  // namespace ej::web
