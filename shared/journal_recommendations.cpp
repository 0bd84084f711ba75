// Teachers' recommendations: see journal_recommendations.h.
#include "journal_recommendations.h"

#include <algorithm>

#include "json_reader.h"

namespace ej {

using protocol::Json;

namespace {

constexpr const char* kKeyStudentId = "student_id";
constexpr const char* kKeyGroupId = "group_id";
constexpr const char* kKeyLessonId = "lesson_id";
constexpr const char* kKeyText = "text";

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool InGroupOn(const Structure& s, const Group& g, int64_t student_id, Date d) {
  const SchoolClass* c = s.ClassOf(student_id, d);
  if (!c || std::find(g.class_ids.begin(), g.class_ids.end(), c->id) == g.class_ids.end()) return false;
  if (g.kind == GroupKind::kWholeClass) return true;
  return std::find(g.members.begin(), g.members.end(), student_id) != g.members.end();
}

}  // namespace

std::vector<const Recommendation*> Recommendations::Of(int64_t student_id) const {
  std::vector<const Recommendation*> out;
  for (const auto& [id, r] : items) {
    if (r.student_id == student_id) out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(), [](const Recommendation* a, const Recommendation* b) {
    return a->date != b->date ? b->date < a->date : a->id < b->id;
  });
  return out;
}

bool IsRecommendationOp(std::string_view kind) { return kind == op_kind::kRecommendationAdd; }

Json RecommendationAddPayload(int64_t student_id, int64_t group_id, int64_t lesson_id, const std::string& text) {
  return {{kKeyStudentId, student_id}, {kKeyGroupId, group_id}, {kKeyLessonId, lesson_id}, {kKeyText, text}};
}

Result<Recommendation> ApplyRecommendationOp(Recommendations& r, const Structure& s, const Journal& j,
                                             const Operation& op, const Actor& actor, Date today) {
  if (!IsRecommendationOp(op.kind)) {
    return Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + op.kind + "».", "kind");
  }
  Recommendation rec;
  std::string text;
  JsonReader reader(op.payload);
  reader.Int(kKeyStudentId, &rec.student_id).Int(kKeyGroupId, &rec.group_id).Int(kKeyLessonId, &rec.lesson_id, false);
  reader.String(kKeyText, &text);
  if (!reader.ok()) return reader.status();
  if (r.items.count(op.op_id)) return Status(ErrorCode::kConflict, "Рекомендация с таким идентификатором уже есть.", "op_id");
  const Group* g = s.FindGroup(rec.group_id);
  if (!g) return Status(ErrorCode::kNotFound, "Группа № " + std::to_string(rec.group_id) + " не найдена.", kKeyGroupId);
  rec.date = today;
  if (rec.lesson_id != 0) {
    const JournalLesson* l = j.FindLesson(rec.lesson_id);
    if (!l) return Status(ErrorCode::kNotFound, "Урок № " + std::to_string(rec.lesson_id) + " не найден.", kKeyLessonId);
    if (l->lesson.group_id != rec.group_id) {
      return Status(ErrorCode::kValidation, "Урок № " + std::to_string(rec.lesson_id) + " — не урок этой группы.",
                    kKeyLessonId);
    }
    // The group's teacher, or whoever may write this lesson's entries (its substitute).
    if (!actor.taught_groups.count(rec.group_id)) {
      if (Status a = Authorize(actor, Action::kWriteLesson, LessonTarget(s, *l)); !a.ok()) return a;
    }
    rec.date = l->lesson.date;
  } else if (!actor.taught_groups.count(rec.group_id)) {
    return Status(ErrorCode::kForbidden, "Рекомендации пишет учитель этой группы.");
  }
  const Person* student = s.FindPerson(rec.student_id);
  if (!student || !InGroupOn(s, *g, rec.student_id, rec.date)) {
    return Status(ErrorCode::kNotFound, "Ученик № " + std::to_string(rec.student_id) + " не учится в этой группе.",
                  kKeyStudentId);
  }
  text = Trim(text);
  if (text.empty()) return Status(ErrorCode::kValidation, "Напишите текст рекомендации.", kKeyText);
  if (Utf8Length(text) > kMaxRecommendation) {
    return Status(ErrorCode::kValidation, "Рекомендация — не длиннее 2000 символов.", kKeyText);
  }
  rec.id = op.op_id;
  rec.author_id = actor.person_id;
  rec.text = std::move(text);
  r.items[rec.id] = rec;
  return rec;
}

}  // namespace ej
