// Operations on the class journal: payload builders and Apply with every rule.
//
// [SECTION] payloads
// [SECTION] helpers           lookups, the correction rules, conflicts
// [SECTION] planning          lessons.generate, lesson.substitute, lesson.move
// [SECTION] entries           topic, homework, marks, attendance, finals
// [SECTION] corrections       requests, decisions, period locks
// [SECTION] dispatch
#include <algorithm>

#include "json_reader.h"
#include "journal.h"
#include "journal_keys.h"
#include "names.h"

namespace ej {

using protocol::Json;

namespace {

using namespace journal_key;

constexpr size_t kMaxTopic = 500;
constexpr size_t kMaxNotes = 2000;
constexpr size_t kMaxHomework = 4000;
constexpr size_t kMaxComment = 500;
constexpr size_t kMaxReason = 500;
constexpr size_t kMaxMarksPerCell = 5;

Status Invalid(std::string message, std::string field = {}) {
  return Status(ErrorCode::kValidation, std::move(message), std::move(field));
}
Status NotFound(std::string message, std::string field) {
  return Status(ErrorCode::kNotFound, std::move(message), std::move(field));
}
Status Conflict(std::string message) { return Status(ErrorCode::kConflict, std::move(message), "base_version"); }

std::string Q(const std::string& s) { return "«" + s + "»"; }

}  // namespace

// ---- [SECTION] payloads ----

Json LessonsGeneratePayload(int64_t year_id, Date from) { return {{kKeyYearId, year_id}, {kKeyFrom, from.Iso()}}; }

Json JournalOpSummary(std::string_view kind, const JournalApplied& applied) {
  if (kind != op_kind::kLessonsGenerate) return nullptr;
  return {{journal_key::kKeyAdded, applied.added}, {journal_key::kKeyRemoved, applied.removed}};
}
Json LessonSubstitutePayload(int64_t lesson_id, int64_t substitute_id) {
  return {{kKeyLessonId, lesson_id}, {kKeySubstituteId, substitute_id}};
}
Json LessonMovePayload(int64_t lesson_id, Date date, int number) {
  return {{kKeyLessonId, lesson_id}, {kKeyDate, date.Iso()}, {kKeyNumber, number}};
}
Json LessonSetTopicPayload(int64_t lesson_id, const std::string& topic, const std::string& reason) {
  return {{kKeyLessonId, lesson_id}, {kKeyTopic, topic}, {kKeyReason, reason}};
}
Json LessonSetNotesPayload(int64_t lesson_id, const std::string& notes, const std::string& reason) {
  return {{kKeyLessonId, lesson_id}, {kKeyNotes, notes}, {kKeyReason, reason}};
}
Json LessonSetHomeworkPayload(int64_t lesson_id, const Homework& h, const std::string& reason) {
  return {{kKeyLessonId, lesson_id},
          {kKeyText, h.text},
          {kKeyMinutes, h.minutes},
          {kKeyDueLessonId, h.due_lesson_id},
          {kKeyReason, reason}};
}
Json MarkAddPayload(int64_t lesson_id, int64_t student_id, const std::string& value, const std::string& type,
                    const std::string& comment, const std::string& reason) {
  return {{kKeyLessonId, lesson_id}, {kKeyStudentId, student_id}, {kKeyValue, value},
          {kKeyType, type},          {kKeyComment, comment},      {kKeyReason, reason}};
}
Json MarkSetPayload(const std::string& mark_id, const std::string& value, const std::string& type,
                    const std::string& comment, const std::string& reason) {
  return {{kKeyMarkId, mark_id}, {kKeyValue, value}, {kKeyType, type}, {kKeyComment, comment}, {kKeyReason, reason}};
}
Json MarkRemovePayload(const std::string& mark_id, const std::string& reason) {
  return {{kKeyMarkId, mark_id}, {kKeyReason, reason}};
}
Json AttendanceSetPayload(int64_t lesson_id, int64_t student_id, const std::string& code, const std::string& reason) {
  return {{kKeyLessonId, lesson_id}, {kKeyStudentId, student_id}, {kKeyCode, code}, {kKeyReason, reason}};
}
Json FinalSetPayload(const FinalKey& key, const std::string& value, const std::string& reason) {
  return {{kKeyGroupId, key.group_id}, {kKeyStudentId, key.student_id}, {kKeyKind, FinalKindCode(key.kind)},
          {kKeyPeriodId, key.period_id}, {kKeyValue, value},          {kKeyReason, reason}};
}
Json CorrectionRequestPayload(const Operation& inner, const std::string& reason) {
  return {{kKeyOp, ToJson(inner)}, {kKeyReason, reason}};
}
Json CorrectionDecidePayload(int64_t request_id, bool approve, const std::string& comment) {
  return {{kKeyRequestId, request_id}, {kKeyApprove, approve}, {kKeyComment, comment}};
}
Json PeriodLockPayload(int64_t period_id, bool locked) { return {{kKeyPeriodId, period_id}, {kKeyLocked, locked}}; }

const std::vector<std::string_view>& JournalOpKinds() {
  static const std::vector<std::string_view> kKinds = {
      op_kind::kLessonsGenerate, op_kind::kLessonSubstitute,  op_kind::kLessonMove,    op_kind::kLessonSetTopic,
      op_kind::kLessonSetHomework, op_kind::kMarkAdd,         op_kind::kMarkSet,       op_kind::kMarkRemove,
      op_kind::kAttendanceSet,   op_kind::kFinalSet,          op_kind::kCorrectionRequest,
      op_kind::kCorrectionDecide, op_kind::kPeriodLock,       op_kind::kLessonSetNotes};
  return kKinds;
}

bool IsJournalOp(std::string_view kind) {
  const auto& kinds = JournalOpKinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// ---- [SECTION] helpers ----

namespace {

// Everything one Apply works with.
struct Apply {
  Journal& j;
  const JournalContext& ctx;
  const Operation& op;
  const Actor& actor;
  bool approved = false;  // applied by a deputy's decision on a correction request
  JournalApplied out;

  const Structure& s() const { return ctx.structure; }
  const SchoolRules& rules() const { return ctx.rules; }
};

std::string PersonShort(const Structure& s, int64_t id) {
  const Person* p = s.FindPerson(id);
  return p ? ShortName(p->name) : "№ " + std::to_string(id);
}

std::string GroupTitle(const Structure& s, int64_t id) {
  const Group* g = s.FindGroup(id);
  return g ? Q(g->name) : "№ " + std::to_string(id);
}

bool InGroupOn(const Structure& s, int64_t group_id, int64_t student_id, Date d) {
  const Group* g = s.FindGroup(group_id);
  if (!g) return false;
  const SchoolClass* c = s.ClassOf(student_id, d);
  if (!c || std::find(g->class_ids.begin(), g->class_ids.end(), c->id) == g->class_ids.end()) return false;
  if (g->kind == GroupKind::kWholeClass) return true;
  return std::find(g->members.begin(), g->members.end(), student_id) != g->members.end();
}

Result<JournalLesson*> LessonFor(Apply& a, int64_t lesson_id) {
  auto it = a.j.lessons.find(lesson_id);
  if (it == a.j.lessons.end()) return NotFound("Урок № " + std::to_string(lesson_id) + " не найден.", kKeyLessonId);
  return &it->second;
}

Status MayWrite(const Apply& a, const JournalLesson& l) {
  if (a.approved) return Status::Ok();
  return Authorize(a.actor, Action::kWriteLesson, LessonTarget(a.s(), l));
}

std::string SystemFor(const Apply& a, int64_t group_id) {
  return std::string(GradingSystemIdForGrade(a.rules(), GradeOfGroup(a.s(), group_id)));
}

Status ReadReason(const Json& p, std::string* reason) {
  JsonReader r(p);
  r.String(kKeyReason, reason, false);
  if (!r.ok()) return r.status();
  if (Utf8Length(*reason) > kMaxReason) return Invalid("Причина исправления — не длиннее 500 символов.", kKeyReason);
  return Status::Ok();
}

// The correction rules (R3, R13) for a change on `day` (a lesson's date, a period's last day)
// in `period` (may be null). `existing`: a recorded entry changes (otherwise a first entry,
// which only a lock and, for marks, the deadline restrict).
Status CheckCorrection(Apply& a, Date day, const StudyPeriod* period, bool existing, bool is_mark,
                       const std::string& reason) {
  bool locked = period && a.j.locked_periods.count(period->id);
  if (locked && !a.approved) {
    CorrectionNeed need = CorrectionNeedFor(a.rules(), day, a.ctx.today, true);
    if (need == CorrectionNeed::kClosed) {
      return Invalid("Учебный период " + Q(period->name) + " закрыт: изменения не вносятся, пока администрация его не откроет.",
                     "approval");
    }
    return Invalid("Учебный период " + Q(period->name) +
                       " закрыт: изменение возможно по заявке, которую одобрит заместитель директора.",
                   "approval");
  }
  a.out.correction = existing;
  a.out.reason = reason;
  if (a.approved) return Status::Ok();
  if (existing) {
    if (CorrectionNeedFor(a.rules(), day, a.ctx.today, false) == CorrectionNeed::kReason && reason.empty()) {
      int days = a.rules().corrections.correction_window_days;
      return Invalid("Исправление позже " + std::to_string(days) + " " +
                         std::string(Plural(days, "дня", "дней", "дней")) + " после урока: укажите причину.",
                     kKeyReason);
    }
  } else if (is_mark && a.ctx.today > MarkDeadline(a.rules(), day) && reason.empty()) {
    return Invalid("Срок выставления отметок за урок " + day.Russian() + " прошёл: укажите причину.", kKeyReason);
  }
  return Status::Ok();
}

Status CheckEntryCorrection(Apply& a, const JournalLesson& l, bool existing, bool is_mark, const std::string& reason) {
  const StudyPeriod* period = PeriodOf(a.s(), GradeOfGroup(a.s(), l.lesson.group_id), l.lesson.date);
  return CheckCorrection(a, l.lesson.date, period, existing, is_mark, reason);
}

Status CheckHeld(const JournalLesson& l, Date today) {
  if (l.lesson.date > today) {
    return Invalid("Урок " + l.lesson.date.Russian() + " ещё не прошёл: отметки и посещаемость ставятся в день урока или позже.",
                   kKeyLessonId);
  }
  return Status::Ok();
}

Status CheckStudent(const Apply& a, const JournalLesson& l, int64_t student_id) {
  if (InGroupOn(a.s(), l.lesson.group_id, student_id, l.lesson.date)) return Status::Ok();
  return Invalid("Ученик " + PersonShort(a.s(), student_id) + " не учится в группе " +
                     GroupTitle(a.s(), l.lesson.group_id) + " на " + l.lesson.date.Russian() + ".",
                 kKeyStudentId);
}

// A stale base_version is a conflict, unless the change is the value already there.
Status CheckVersion(const Apply& a, int64_t current, bool same_value, const std::string& now_text) {
  if (a.approved || a.op.base_version == current || same_value) return Status::Ok();
  return Conflict("Пока вы вносили изменение, запись изменили: сейчас " + now_text + ".");
}

// Is the person teaching (or substituting) at the slot, except in `except`?
const JournalLesson* BusyAt(const Journal& j, int64_t person, Date d, int number, int64_t except) {
  for (const auto& [id, l] : j.lessons) {
    if (id == except || l.lesson.date != d || l.lesson.number != number) continue;
    int64_t keeper = l.lesson.substitute_id ? l.lesson.substitute_id : l.lesson.teacher_id;
    if (keeper == person) return &l;
  }
  return nullptr;
}

const JournalLesson* GroupBusyAt(const Journal& j, int64_t group, Date d, int number, int64_t except) {
  for (const auto& [id, l] : j.lessons) {
    if (id != except && l.lesson.group_id == group && l.lesson.date == d && l.lesson.number == number) return &l;
  }
  return nullptr;
}

// ---- [SECTION] planning ----

Status GenerateOp(Apply& a) {
  if (Status st = Authorize(a.actor, Action::kPlanLessons); !st.ok()) return st;
  int64_t year_id = 0;
  std::optional<Date> from;
  JsonReader r(a.op.payload);
  r.Int(kKeyYearId, &year_id).IsoDate(kKeyFrom, &from);
  if (!r.ok()) return r.status();
  const AcademicYear* year = a.s().FindYear(year_id);
  if (!year) return NotFound("Учебный год не найден.", kKeyYearId);
  std::vector<Lesson> current;
  for (const auto& [id, l] : a.j.lessons) {
    if (!year->range.Contains(l.lesson.date)) continue;
    Lesson copy = l.lesson;
    copy.has_entries = a.j.HasEntries(id);
    current.push_back(copy);
  }
  Regeneration regen =
      RegenerateLessons(a.s(), a.ctx.timetable.entries, year_id, a.ctx.timetable.six_day_classes, current, *from);
  for (const Lesson& gone : regen.removed) {
    a.j.lessons.erase(gone.id);
    a.out.lessons.push_back(gone.id);
  }
  for (Lesson l : regen.lessons) {
    if (l.id == 0) {
      l.id = a.j.NextLessonId();
      JournalLesson jl;
      jl.lesson = l;
      a.j.lessons.emplace(l.id, std::move(jl));
      a.out.lessons.push_back(l.id);
      continue;
    }
    Lesson& stored = a.j.lessons[l.id].lesson;
    if (stored.teacher_id != l.teacher_id || stored.room != l.room || stored.entry_id != l.entry_id) {
      stored.teacher_id = l.teacher_id;
      stored.room = l.room;
      stored.entry_id = l.entry_id;
      a.out.lessons.push_back(l.id);
    }
  }
  a.j.LessonsChanged();
  a.out.added = static_cast<int>(regen.added.size());
  a.out.removed = static_cast<int>(regen.removed.size());
  return Status::Ok();
}

Status SubstituteOp(Apply& a) {
  if (Status st = Authorize(a.actor, Action::kPlanLessons); !st.ok()) return st;
  int64_t lesson_id = 0, substitute = 0;
  JsonReader r(a.op.payload);
  r.Int(kKeyLessonId, &lesson_id).Int(kKeySubstituteId, &substitute);
  if (!r.ok()) return r.status();
  auto lesson = LessonFor(a, lesson_id);
  if (!lesson.ok()) return lesson.status();
  Lesson& l = (*lesson)->lesson;
  if (substitute != 0) {
    const Person* p = a.s().FindPerson(substitute);
    if (!p || !(p->Has(Role::kTeacher) || p->Has(Role::kHead) || p->Has(Role::kDeputy))) {
      return Invalid("Заменять урок может только учитель школы.", kKeySubstituteId);
    }
    if (substitute == l.teacher_id) {
      return Invalid("Учитель на замене совпадает с учителем урока по расписанию.", kKeySubstituteId);
    }
    if (const JournalLesson* busy = BusyAt(a.j, substitute, l.date, l.number, l.id)) {
      return Invalid(PersonShort(a.s(), substitute) + " в это время ведёт урок в группе " +
                         GroupTitle(a.s(), busy->lesson.group_id) + " (" + l.date.Russian() + ", " +
                         std::to_string(l.number) + "-й урок).",
                     kKeySubstituteId);
    }
  }
  a.out.old = {{kKeySubstituteId, l.substitute_id}};
  l.substitute_id = substitute;
  a.out.lessons.push_back(l.id);
  return Status::Ok();
}

Status MoveOp(Apply& a) {
  if (Status st = Authorize(a.actor, Action::kPlanLessons); !st.ok()) return st;
  int64_t lesson_id = 0, number = 0;
  std::optional<Date> date;
  JsonReader r(a.op.payload);
  r.Int(kKeyLessonId, &lesson_id).IsoDate(kKeyDate, &date).Int(kKeyNumber, &number);
  if (!r.ok()) return r.status();
  auto lesson = LessonFor(a, lesson_id);
  if (!lesson.ok()) return lesson.status();
  JournalLesson& jl = **lesson;
  Lesson& l = jl.lesson;
  bool bell = false;
  for (const auto& b : a.ctx.timetable.bells) {
    for (const auto& slot : b.slots) bell = bell || slot.number == number;
  }
  if (!bell) return Invalid("Урока № " + std::to_string(number) + " нет в расписании звонков.", kKeyNumber);
  const AcademicYear* year = a.s().YearOf(*date);
  int grade = GradeOfGroup(a.s(), l.group_id);
  if (!year || !IsStudyDay(a.s(), year->id, grade, *date,
                           GroupStudiesSixDays(a.s(), a.ctx.timetable.six_day_classes, l.group_id))) {
    return Invalid(date->Russian() + " — не учебный день для " + std::to_string(grade) + " класса.", kKeyDate);
  }
  if (const JournalLesson* busy = GroupBusyAt(a.j, l.group_id, *date, static_cast<int>(number), l.id)) {
    (void)busy;
    return Invalid("У группы " + GroupTitle(a.s(), l.group_id) + " уже есть " + std::to_string(number) + "-й урок " +
                       date->Russian() + ".",
                   kKeyNumber);
  }
  int64_t keeper = l.substitute_id ? l.substitute_id : l.teacher_id;
  if (const JournalLesson* busy = BusyAt(a.j, keeper, *date, static_cast<int>(number), l.id)) {
    return Invalid(PersonShort(a.s(), keeper) + " в это время ведёт урок в группе " +
                       GroupTitle(a.s(), busy->lesson.group_id) + ".",
                   kKeyNumber);
  }
  a.out.old = {{kKeyDate, l.date.Iso()}, {kKeyNumber, l.number}};
  l.date = *date;
  l.number = static_cast<int>(number);
  jl.moved = true;
  a.out.lessons.push_back(l.id);
  return Status::Ok();
}

// ---- [SECTION] entries ----

// A text field of a lesson (the topic, the notes): one shape for both operations.
struct LessonText {
  const char* key;                   // in the payload and in the old value
  size_t limit;                      // in characters
  const char* too_long;              // the error over the limit
  const char* now;                   // names the current value in a conflict
  std::string JournalLesson::*text;
  int64_t JournalLesson::*version;   // every change adds one
};

// Reason, MayWrite, the length limit, the version check, the correction window (a change of a
// recorded text after the window needs a reason), old → new. The text already so changes nothing.
Status SetLessonText(Apply& a, const LessonText& field) {
  int64_t lesson_id = 0;
  std::string text, reason;
  JsonReader r(a.op.payload);
  r.Int(kKeyLessonId, &lesson_id).String(field.key, &text);
  if (!r.ok()) return r.status();
  if (Status st = ReadReason(a.op.payload, &reason); !st.ok()) return st;
  auto lesson = LessonFor(a, lesson_id);
  if (!lesson.ok()) return lesson.status();
  JournalLesson& l = **lesson;
  if (Status st = MayWrite(a, l); !st.ok()) return st;
  std::string& current = l.*field.text;
  if (Utf8Length(text) > field.limit) return Invalid(field.too_long, field.key);
  if (Status st = CheckVersion(a, l.*field.version, current == text, std::string(field.now) + " " + Q(current)); !st.ok()) {
    return st;
  }
  if (current == text) return Status::Ok();  // already so: nothing changes, no version
  if (Status st = CheckEntryCorrection(a, l, !current.empty(), false, reason); !st.ok()) return st;
  a.out.old = current.empty() ? Json() : Json{{field.key, current}};
  current = text;
  ++(l.*field.version);
  a.out.lessons.push_back(l.lesson.id);
  return Status::Ok();
}

Status SetTopicOp(Apply& a) {
  constexpr LessonText kTopic{kKeyTopic, kMaxTopic, "Тема урока — не длиннее 500 символов.", "тема",
                              &JournalLesson::topic, &JournalLesson::topic_version};
  return SetLessonText(a, kTopic);
}

// Примечание к уроку: like the topic, a correction after the window needs a reason.
Status SetNotesOp(Apply& a) {
  constexpr LessonText kNotes{kKeyNotes, kMaxNotes, "Примечание к уроку — не длиннее 2000 символов.", "примечание",
                              &JournalLesson::notes, &JournalLesson::notes_version};
  return SetLessonText(a, kNotes);
}

Status SetHomeworkOp(Apply& a) {
  int64_t lesson_id = 0, minutes = 0;
  Homework h;
  std::string reason;
  JsonReader r(a.op.payload);
  r.Int(kKeyLessonId, &lesson_id).String(kKeyText, &h.text).Int(kKeyMinutes, &minutes, false);
  r.Int(kKeyDueLessonId, &h.due_lesson_id, false);
  if (!r.ok()) return r.status();
  if (Status st = ReadReason(a.op.payload, &reason); !st.ok()) return st;
  auto lesson = LessonFor(a, lesson_id);
  if (!lesson.ok()) return lesson.status();
  JournalLesson& l = **lesson;
  if (Status st = MayWrite(a, l); !st.ok()) return st;
  if (Utf8Length(h.text) > kMaxHomework) return Invalid("Домашнее задание — не длиннее 4000 символов.", kKeyText);
  if (minutes < 0 || minutes > kMaxHomeworkMinutes) {
    return Invalid("Время на домашнее задание — от 0 до 300 минут.", kKeyMinutes);
  }
  h.minutes = static_cast<int>(minutes);
  if (h.text.empty()) h = Homework{};  // cleared: no time, no due lesson
  if (h.due_lesson_id != 0) {
    const JournalLesson* due = a.j.FindLesson(h.due_lesson_id);
    if (!due || due->lesson.group_id != l.lesson.group_id || due->lesson.date <= l.lesson.date) {
      return Invalid("Задание задаётся к одному из следующих уроков этой группы.", kKeyDueLessonId);
    }
  }
  bool same = l.homework.text == h.text && l.homework.minutes == h.minutes && l.homework.due_lesson_id == h.due_lesson_id;
  if (Status st = CheckVersion(a, l.homework.version, same, "задание " + Q(l.homework.text)); !st.ok()) return st;
  if (same) return Status::Ok();
  if (Status st = CheckEntryCorrection(a, l, !l.homework.text.empty(), false, reason); !st.ok()) return st;
  a.out.old = l.homework.text.empty()
                  ? Json()
                  : Json{{kKeyText, l.homework.text}, {kKeyMinutes, l.homework.minutes}};
  h.version = l.homework.version + 1;
  l.homework = h;
  a.out.lessons.push_back(l.lesson.id);
  return Status::Ok();
}

Status CheckMarkFields(const Apply& a, const JournalLesson& l, const std::string& value, std::string* type,
                       const std::string& comment) {
  if (Status st = IsValidCurrentMark(a.rules(), SystemFor(a, l.lesson.group_id), value); !st.ok()) {
    return Status(st.code(), st.message(), kKeyValue);
  }
  if (type->empty() && !a.rules().mark_types.empty()) *type = a.rules().mark_types.front().code;
  if (!FindMarkType(a.rules(), *type)) return Invalid("Неизвестный вид работы " + Q(*type) + ".", kKeyType);
  if (Utf8Length(comment) > kMaxComment) return Invalid("Комментарий к отметке — не длиннее 500 символов.", kKeyComment);
  return Status::Ok();
}

// A mark as the log keeps its old value: with its lesson and student, so the audit can still
// name them after the mark is removed.
Json MarkJson(const Mark& m) {
  return {{kKeyValue, m.value},        {kKeyType, m.type}, {kKeyComment, m.comment},
          {kKeyLessonId, m.lesson_id}, {kKeyStudentId, m.student_id}};
}

Status MarkAddOp(Apply& a) {
  Mark m;
  std::string reason;
  JsonReader r(a.op.payload);
  r.Int(kKeyLessonId, &m.lesson_id).Int(kKeyStudentId, &m.student_id).String(kKeyValue, &m.value);
  r.String(kKeyType, &m.type, false).String(kKeyComment, &m.comment, false);
  if (!r.ok()) return r.status();
  if (Status st = ReadReason(a.op.payload, &reason); !st.ok()) return st;
  auto lesson = LessonFor(a, m.lesson_id);
  if (!lesson.ok()) return lesson.status();
  const JournalLesson& l = **lesson;
  if (Status st = MayWrite(a, l); !st.ok()) return st;
  if (Status st = CheckHeld(l, a.ctx.today); !st.ok()) return st;
  if (Status st = CheckStudent(a, l, m.student_id); !st.ok()) return st;
  if (Status st = CheckMarkFields(a, l, m.value, &m.type, m.comment); !st.ok()) return st;
  size_t in_cell = 0;
  for (const Mark* other : a.j.MarksOf(l.lesson.id)) in_cell += other->student_id == m.student_id;
  if (in_cell >= kMaxMarksPerCell) return Invalid("За один урок — не больше 5 отметок ученику.", kKeyValue);
  if (a.j.FindMark(a.op.op_id)) return Conflict("Отметка с таким идентификатором уже есть.");
  if (Status st = CheckEntryCorrection(a, l, false, true, reason); !st.ok()) return st;
  m.id = a.op.op_id;
  m.version = 1;
  m.added = a.op.client_time;
  a.j.IndexMark(m);
  a.out.marks.push_back(m.id);
  a.j.marks.emplace(m.id, std::move(m));
  return Status::Ok();
}

Status MarkChangeOp(Apply& a, bool remove) {
  std::string id, value, type, comment, reason;
  JsonReader r(a.op.payload);
  r.String(kKeyMarkId, &id);
  if (!remove) r.String(kKeyValue, &value).String(kKeyType, &type, false).String(kKeyComment, &comment, false);
  if (!r.ok()) return r.status();
  if (Status st = ReadReason(a.op.payload, &reason); !st.ok()) return st;
  auto it = a.j.marks.find(id);
  if (it == a.j.marks.end()) {
    if (a.op.base_version != 0) return Conflict("Отметку уже удалили.");
    return NotFound("Отметка не найдена.", kKeyMarkId);
  }
  Mark& m = it->second;
  auto lesson = LessonFor(a, m.lesson_id);
  if (!lesson.ok()) return lesson.status();
  const JournalLesson& l = **lesson;
  if (Status st = MayWrite(a, l); !st.ok()) return st;
  if (!remove) {
    if (Status st = CheckMarkFields(a, l, value, &type, comment); !st.ok()) return st;
  }
  bool same = !remove && m.value == value && m.type == type && m.comment == comment;
  if (Status st = CheckVersion(a, m.version, same, "отметка " + Q(m.value)); !st.ok()) return st;
  if (same) return Status::Ok();
  if (Status st = CheckEntryCorrection(a, l, true, true, reason); !st.ok()) return st;
  a.out.old = MarkJson(m);
  a.out.marks.push_back(m.id);
  if (remove) {
    a.j.UnindexMark(m);
    a.j.marks.erase(it);
    return Status::Ok();
  }
  m.value = value;
  m.type = type;
  m.comment = comment;
  ++m.version;
  return Status::Ok();
}

Status AttendanceOp(Apply& a) {
  int64_t lesson_id = 0, student_id = 0;
  std::string code, reason;
  JsonReader r(a.op.payload);
  r.Int(kKeyLessonId, &lesson_id).Int(kKeyStudentId, &student_id).String(kKeyCode, &code);
  if (!r.ok()) return r.status();
  if (Status st = ReadReason(a.op.payload, &reason); !st.ok()) return st;
  auto lesson = LessonFor(a, lesson_id);
  if (!lesson.ok()) return lesson.status();
  const JournalLesson& l = **lesson;
  if (Status st = MayWrite(a, l); !st.ok()) return st;
  if (Status st = CheckHeld(l, a.ctx.today); !st.ok()) return st;
  if (Status st = CheckStudent(a, l, student_id); !st.ok()) return st;
  if (!code.empty() && !FindAttendanceCode(a.rules(), code)) {
    return Invalid("Неизвестный код посещаемости " + Q(code) + ".", kKeyCode);
  }
  auto key = std::make_pair(lesson_id, student_id);
  auto it = a.j.attendance.find(key);
  int64_t version = it == a.j.attendance.end() ? 0 : it->second.version;
  std::string current = it == a.j.attendance.end() ? std::string() : it->second.code;
  if (Status st = CheckVersion(a, version, current == code, current.empty() ? "пусто" : Q(current)); !st.ok()) return st;
  if (current == code) return Status::Ok();
  if (Status st = CheckEntryCorrection(a, l, !current.empty(), false, reason); !st.ok()) return st;
  a.out.old = current.empty() ? Json() : Json{{kKeyCode, current}};
  a.out.attendance.push_back(key);
  if (code.empty()) {
    if (it != a.j.attendance.end()) a.j.attendance.erase(it);
    return Status::Ok();
  }
  if (it == a.j.attendance.end()) {
    a.j.attendance.emplace(key, AttendanceMark{lesson_id, student_id, code, 1});
  } else {
    it->second.code = code;
    ++it->second.version;
  }
  return Status::Ok();
}

Status FinalOp(Apply& a) {
  FinalKey key;
  std::string kind, value, reason;
  JsonReader r(a.op.payload);
  r.Int(kKeyGroupId, &key.group_id).Int(kKeyStudentId, &key.student_id).String(kKeyKind, &kind);
  r.Int(kKeyPeriodId, &key.period_id, false).String(kKeyValue, &value);
  if (!r.ok()) return r.status();
  if (Status st = ReadReason(a.op.payload, &reason); !st.ok()) return st;
  auto k = FinalKindFromCode(kind);
  if (!k) return Status(ErrorCode::kBadRequest, "Неизвестный вид итоговой отметки " + Q(kind) + ".", kKeyKind);
  key.kind = *k;
  const Group* group = a.s().FindGroup(key.group_id);
  if (!group) return NotFound("Группа не найдена.", kKeyGroupId);
  if (!a.approved) {
    if (Status st = Authorize(a.actor, Action::kWriteFinals, GroupTarget(a.s(), key.group_id)); !st.ok()) return st;
  }
  const AcademicYear* year = a.s().FindYear(group->year_id);
  if (!year) return NotFound("Учебный год группы не найден.", kKeyGroupId);
  int grade = GradeOfGroup(a.s(), key.group_id);
  const StudyPeriod* period = nullptr;
  DateRange range = year->range;
  if (key.kind == FinalKind::kPeriod) {
    for (const auto& p : a.s().periods) {
      if (p.id == key.period_id) period = &p;
    }
    if (!period || period->year_id != group->year_id || grade < period->grade_from || grade > period->grade_to) {
      return Invalid("Учебный период не относится к этой группе.", kKeyPeriodId);
    }
    range = period->range;
  } else {
    key.period_id = 0;
  }
  bool member = false;
  for (Date d = range.first; d <= range.last && !member; d = d.AddDays(7)) member = InGroupOn(a.s(), key.group_id, key.student_id, d);
  member = member || InGroupOn(a.s(), key.group_id, key.student_id, range.last);
  if (!member) {
    return Invalid("Ученик " + PersonShort(a.s(), key.student_id) + " не учился в группе " +
                       GroupTitle(a.s(), key.group_id) + " в этот период.",
                   kKeyStudentId);
  }
  if (!value.empty()) {
    if (Status st = IsValidFinalMark(a.rules(), SystemFor(a, key.group_id), value); !st.ok()) {
      return Status(st.code(), st.message(), kKeyValue);
    }
  }
  auto it = a.j.finals.find(key);
  int64_t version = it == a.j.finals.end() ? 0 : it->second.version;
  std::string current = it == a.j.finals.end() ? std::string() : it->second.value;
  if (Status st = CheckVersion(a, version, current == value, current.empty() ? "пусто" : Q(current)); !st.ok()) return st;
  if (current == value) return Status::Ok();
  // A final belongs to the end of its period: the correction window runs from its last day.
  if (Status st = CheckCorrection(a, range.last, period, !current.empty(), false, reason); !st.ok()) return st;
  a.out.old = current.empty() ? Json() : Json{{kKeyValue, current}};
  a.out.finals.push_back(key);
  if (value.empty()) {
    if (it != a.j.finals.end()) a.j.finals.erase(it);
  } else if (it == a.j.finals.end()) {
    a.j.finals.emplace(key, FinalMark{key, value, 1});
  } else {
    it->second.value = value;
    ++it->second.version;
  }
  return Status::Ok();
}

// ---- [SECTION] corrections ----

Status Dispatch(Apply& a);

bool IsEntryKind(std::string_view kind) {
  return kind == op_kind::kLessonSetTopic || kind == op_kind::kLessonSetHomework ||
         kind == op_kind::kLessonSetNotes || kind == op_kind::kMarkAdd ||
         kind == op_kind::kMarkSet || kind == op_kind::kMarkRemove || kind == op_kind::kAttendanceSet ||
         kind == op_kind::kFinalSet;
}

Status RequestOp(Apply& a) {
  const Json* inner_json = nullptr;
  std::string reason;
  JsonReader r(a.op.payload);
  r.Object(kKeyOp, &inner_json).String(kKeyReason, &reason);
  if (!r.ok()) return r.status();
  if (reason.empty()) return Invalid("Укажите причину исправления.", kKeyReason);
  if (Utf8Length(reason) > kMaxReason) return Invalid("Причина исправления — не длиннее 500 символов.", kKeyReason);
  auto inner = OperationFromJson(*inner_json);
  if (!inner.ok()) return inner.status();
  if (!IsEntryKind(inner->kind)) {
    return Invalid("Заявкой исправляют только отметки, посещаемость, темы и задания.", kKeyOp);
  }
  // The change must be one the author may make and that is valid but for the lock: try it on
  // a copy as approved, after checking the author's right to write it.
  Journal trial = a.j;
  Apply probe{trial, a.ctx, *inner, a.actor, false, {}};
  Status st = Dispatch(probe);
  if (st.ok() || st.field() != "approval") {
    if (!st.ok()) return st;
    return Invalid("Это изменение не требует заявки: его можно внести сразу.", kKeyOp);
  }
  CorrectionRequest req;
  req.id = a.j.NextRequestId();
  req.op = std::move(inner).value();
  req.author_id = a.actor.person_id;
  req.reason = reason;
  a.out.created_id = req.id;
  a.out.requests.push_back(req.id);
  a.j.requests.emplace(req.id, std::move(req));
  return Status::Ok();
}

Status DecideOp(Apply& a) {
  if (Status st = Authorize(a.actor, Action::kApproveCorrections); !st.ok()) return st;
  int64_t id = 0;
  bool approve = false;
  std::string comment;
  JsonReader r(a.op.payload);
  r.Int(kKeyRequestId, &id).Bool(kKeyApprove, &approve).String(kKeyComment, &comment, false);
  if (!r.ok()) return r.status();
  auto it = a.j.requests.find(id);
  if (it == a.j.requests.end()) return NotFound("Заявка не найдена.", kKeyRequestId);
  CorrectionRequest& req = it->second;
  if (req.state != RequestState::kPending) return Invalid("По этой заявке уже принято решение.", kKeyRequestId);
  if (approve) {
    Actor author;
    author.school_id = a.actor.school_id;
    author.person_id = req.author_id;
    Apply inner{a.j, a.ctx, req.op, author, true, {}};
    if (Status st = Dispatch(inner); !st.ok()) return st;
    a.out = std::move(inner.out);
    a.out.correction = true;
    a.out.reason = req.reason;
  }
  req.state = approve ? RequestState::kApproved : RequestState::kDeclined;
  req.decided_by = a.actor.person_id;
  req.decision_comment = comment;
  a.out.requests.push_back(id);
  return Status::Ok();
}

Status LockOp(Apply& a) {
  if (Status st = Authorize(a.actor, Action::kApproveCorrections); !st.ok()) return st;
  int64_t period_id = 0;
  bool locked = false;
  JsonReader r(a.op.payload);
  r.Int(kKeyPeriodId, &period_id).Bool(kKeyLocked, &locked);
  if (!r.ok()) return r.status();
  bool known = false;
  for (const auto& p : a.s().periods) known = known || p.id == period_id;
  if (!known) return NotFound("Учебный период не найден.", kKeyPeriodId);
  if (locked) {
    a.j.locked_periods.insert(period_id);
  } else {
    a.j.locked_periods.erase(period_id);
  }
  a.out.periods.push_back(period_id);
  return Status::Ok();
}

// ---- [SECTION] dispatch ----

Status Dispatch(Apply& a) {
  std::string_view k = a.op.kind;
  if (k == op_kind::kLessonsGenerate) return GenerateOp(a);
  if (k == op_kind::kLessonSubstitute) return SubstituteOp(a);
  if (k == op_kind::kLessonMove) return MoveOp(a);
  if (k == op_kind::kLessonSetTopic) return SetTopicOp(a);
  if (k == op_kind::kLessonSetHomework) return SetHomeworkOp(a);
  if (k == op_kind::kLessonSetNotes) return SetNotesOp(a);
  if (k == op_kind::kMarkAdd) return MarkAddOp(a);
  if (k == op_kind::kMarkSet) return MarkChangeOp(a, false);
  if (k == op_kind::kMarkRemove) return MarkChangeOp(a, true);
  if (k == op_kind::kAttendanceSet) return AttendanceOp(a);
  if (k == op_kind::kFinalSet) return FinalOp(a);
  if (k == op_kind::kCorrectionRequest) return RequestOp(a);
  if (k == op_kind::kCorrectionDecide) return DecideOp(a);
  if (k == op_kind::kPeriodLock) return LockOp(a);
  return Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + a.op.kind + "».", "kind");
}

}  // namespace

Result<JournalApplied> ApplyJournalOp(Journal& j, const JournalContext& ctx, const Operation& op, const Actor& actor) {
  // Every check runs before the first change, so a refused operation leaves nothing behind.
  Apply a{j, ctx, op, actor, false, {}};
  if (Status st = Dispatch(a); !st.ok()) return st;
  return std::move(a.out);
}

}  // namespace ej
