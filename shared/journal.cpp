// The class journal: the state, its queries, the calculations and the JSON form.
//
// [SECTION] codes
// [SECTION] Journal
// [SECTION] relations and targets
// [SECTION] calculations
// [SECTION] JSON
#include "journal.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "journal_keys.h"
#include "json_reader.h"

namespace ej {

using protocol::Json;

// ---- [SECTION] codes ----

namespace {

constexpr std::string_view kFinalKindCodes[] = {"period", "year", "exam", "final"};
constexpr std::string_view kFinalKindTitles[] = {"за период", "годовая", "экзаменационная", "итоговая"};
constexpr std::string_view kRequestStateCodes[] = {"pending", "approved", "declined"};

}  // namespace

std::string_view FinalKindCode(FinalKind k) { return kFinalKindCodes[static_cast<int>(k)]; }
std::string_view FinalKindTitle(FinalKind k) { return kFinalKindTitles[static_cast<int>(k)]; }
std::optional<FinalKind> FinalKindFromCode(std::string_view code) {
  for (int i = 0; i < 4; ++i) {
    if (kFinalKindCodes[i] == code) return static_cast<FinalKind>(i);
  }
  return std::nullopt;
}
std::string_view RequestStateCode(RequestState s) { return kRequestStateCodes[static_cast<int>(s)]; }

// ---- [SECTION] Journal ----

const JournalLesson* Journal::FindLesson(int64_t id) const {
  auto it = lessons.find(id);
  return it == lessons.end() ? nullptr : &it->second;
}

const Mark* Journal::FindMark(const std::string& id) const {
  auto it = marks.find(id);
  return it == marks.end() ? nullptr : &it->second;
}

const AttendanceMark* Journal::FindAttendance(int64_t lesson_id, int64_t student_id) const {
  auto it = attendance.find({lesson_id, student_id});
  return it == attendance.end() ? nullptr : &it->second;
}

const FinalMark* Journal::FindFinal(const FinalKey& key) const {
  auto it = finals.find(key);
  return it == finals.end() ? nullptr : &it->second;
}

std::vector<const Mark*> Journal::MarksOf(int64_t lesson_id) const {
  std::vector<const Mark*> out;
  auto it = marks_by_lesson_.find(lesson_id);
  if (it == marks_by_lesson_.end()) return out;
  for (const auto& id : it->second) {
    if (const Mark* m = FindMark(id)) out.push_back(m);
  }
  return out;
}

std::vector<const JournalLesson*> Journal::LessonsOf(int64_t group_id, DateRange range) const {
  if (!lessons_indexed_ || lessons_indexed_count_ != lessons.size()) {
    lessons_by_group_.clear();
    for (const auto& [id, l] : lessons) lessons_by_group_[l.lesson.group_id].push_back(id);
    lessons_indexed_ = true;
    lessons_indexed_count_ = lessons.size();
  }
  std::vector<const JournalLesson*> out;
  auto group = lessons_by_group_.find(group_id);
  if (group == lessons_by_group_.end()) return out;
  for (int64_t id : group->second) {
    const JournalLesson* l = FindLesson(id);
    if (l && range.Contains(l->lesson.date)) out.push_back(l);
  }
  std::sort(out.begin(), out.end(), [](const JournalLesson* a, const JournalLesson* b) {
    return std::tie(a->lesson.date, a->lesson.number, a->lesson.id) <
           std::tie(b->lesson.date, b->lesson.number, b->lesson.id);
  });
  return out;
}

bool Journal::HasEntries(int64_t lesson_id) const {
  const JournalLesson* l = FindLesson(lesson_id);
  if (!l) return false;
  if (!l->topic.empty() || !l->homework.text.empty() || !l->notes.empty() || l->moved || l->lesson.substitute_id != 0) {
    return true;
  }
  if (!MarksOf(lesson_id).empty()) return true;
  auto it = attendance.lower_bound({lesson_id, 0});
  return it != attendance.end() && it->first.first == lesson_id;
}

void Journal::IndexMark(const Mark& m) {
  auto& ids = marks_by_lesson_[m.lesson_id];
  if (std::find(ids.begin(), ids.end(), m.id) != ids.end()) return;
  // In the order the marks were given (then by id): the same on every device.
  auto before = [&](const std::string& other_id) {
    const Mark* other = FindMark(other_id);
    int64_t other_added = other ? other->added : 0;
    return std::tie(m.added, m.id) < std::tie(other_added, other_id);
  };
  ids.insert(std::find_if(ids.begin(), ids.end(), before), m.id);
}

void Journal::UnindexMark(const Mark& m) {
  auto it = marks_by_lesson_.find(m.lesson_id);
  if (it == marks_by_lesson_.end()) return;
  auto& ids = it->second;
  ids.erase(std::remove(ids.begin(), ids.end(), m.id), ids.end());
  if (ids.empty()) marks_by_lesson_.erase(it);
}

void Journal::Reindex() {
  lessons_indexed_ = false;
  marks_by_lesson_.clear();
  for (const auto& [id, m] : marks) IndexMark(m);
}

// ---- [SECTION] relations and targets ----

void AddJournalRelations(Actor& actor, const Structure& s, const Journal& j) {
  actor.taught_groups.clear();
  actor.substituted_lessons.clear();
  actor.substituted_groups.clear();
  if (actor.person_id == 0) return;
  for (const auto& w : s.workload) {
    if (w.teacher_id == actor.person_id) actor.taught_groups.insert(w.group_id);
  }
  for (const auto& [id, l] : j.lessons) {
    if (l.lesson.substitute_id == actor.person_id) {
      actor.substituted_lessons.insert(id);
      actor.substituted_groups.insert(l.lesson.group_id);
    }
  }
}

Target GroupTarget(const Structure& s, int64_t group_id) {
  Target t;
  t.group_id = group_id;
  if (const Group* g = s.FindGroup(group_id)) t.class_ids = g->class_ids;
  return t;
}

Target LessonTarget(const Structure& s, const JournalLesson& l) {
  Target t = GroupTarget(s, l.lesson.group_id);
  t.lesson_id = l.lesson.id;
  t.lesson_teacher_id = l.lesson.teacher_id;
  t.substitute_id = l.lesson.substitute_id;
  return t;
}

const StudyPeriod* PeriodOf(const Structure& s, int grade, Date d) {
  for (const auto& p : s.periods) {
    if (p.grade_from <= grade && grade <= p.grade_to && p.range.Contains(d)) return &p;
  }
  return nullptr;
}

int GradeOfGroup(const Structure& s, int64_t group_id) {
  const Group* g = s.FindGroup(group_id);
  if (!g || g->class_ids.empty()) return 0;
  const SchoolClass* c = s.FindClass(g->class_ids[0]);
  return c ? c->grade : 0;
}

// ---- [SECTION] calculations ----

namespace {

struct Weighted {
  double sum = 0;
  double weights = 0;
  int count = 0;
};

void Add(Weighted& w, const SchoolRules& rules, const GradingSystem& system, const Mark& m) {
  const MarkValue* v = FindMarkValue(system, m.value);
  if (!v || !v->numeric) return;
  double weight = WeightOf(rules, m.type);
  w.sum += *v->numeric * weight;
  w.weights += weight;
  ++w.count;
}

Weighted Collect(const Journal& j, const SchoolRules& rules, const std::string& system_id, int64_t group_id,
                 int64_t student_id, DateRange range) {
  Weighted w;
  const GradingSystem* system = FindGradingSystem(rules, system_id);
  if (!system) return w;
  for (const JournalLesson* l : j.LessonsOf(group_id, range)) {
    for (const Mark* m : j.MarksOf(l->lesson.id)) {
      if (m->student_id == student_id) Add(w, rules, *system, *m);
    }
  }
  return w;
}

}  // namespace

std::optional<double> WeightedAverage(const Journal& j, const SchoolRules& rules, const std::string& system_id,
                                      int64_t group_id, int64_t student_id, DateRange range) {
  Weighted w = Collect(j, rules, system_id, group_id, student_id, range);
  if (w.weights <= 0) return std::nullopt;
  return w.sum / w.weights;
}

std::optional<double> WeightedAverageOf(const SchoolRules& rules, const std::string& system_id,
                                        const std::vector<const Mark*>& marks) {
  Weighted w;
  const GradingSystem* system = FindGradingSystem(rules, system_id);
  if (!system) return std::nullopt;
  for (const Mark* m : marks) Add(w, rules, *system, *m);
  if (w.weights <= 0) return std::nullopt;
  return w.sum / w.weights;
}

namespace {

// The system's whole final value nearest to the average rounded by the school's threshold (in
// hundredths, compared on whole hundredths so 3,4999… from floating point does not count as
// 3,50); "" when the system has no numeric final value.
std::string RoundToFinal(const SchoolRules& rules, const std::string& system_id, double average) {
  const GradingSystem* system = FindGradingSystem(rules, system_id);
  if (!system) return {};
  int64_t hundredths = std::llround(average * 100);
  int64_t whole = hundredths / 100, fraction = hundredths % 100;
  double rounded = static_cast<double>(fraction >= rules.finals.round_up_from ? whole + 1 : whole);
  const MarkValue* best = nullptr;
  for (const auto& v : system->values) {
    if (!v.final_allowed || v.plus_minus || !v.numeric) continue;
    if (!best || std::fabs(*v.numeric - rounded) < std::fabs(*best->numeric - rounded)) best = &v;
  }
  return best ? best->code : std::string();
}

}  // namespace

ProposedFinal ProposeFinal(const Journal& j, const SchoolRules& rules, const std::string& system_id,
                           int64_t group_id, int64_t student_id, DateRange range) {
  ProposedFinal out;
  Weighted w = Collect(j, rules, system_id, group_id, student_id, range);
  out.marks = w.count;
  if (w.weights <= 0) return out;
  double average = w.sum / w.weights;
  out.average = average;
  if (w.count < rules.finals.min_marks) return out;
  out.value = RoundToFinal(rules, system_id, average);
  return out;
}

ProposedFinal ProposeFromPeriods(const SchoolRules& rules, const std::string& system_id,
                                 const std::vector<std::string>& period_values) {
  ProposedFinal out;
  const GradingSystem* system = FindGradingSystem(rules, system_id);
  if (!system) return out;
  double sum = 0;
  for (const std::string& code : period_values) {
    if (code.empty()) return ProposedFinal{};  // a period without its mark: nothing to propose yet
    for (const auto& v : system->values) {
      if (v.code == code && v.numeric) {
        sum += *v.numeric;
        ++out.marks;
      }
    }
  }
  if (out.marks == 0) return out;
  out.average = sum / out.marks;
  out.value = RoundToFinal(rules, system_id, *out.average);
  return out;
}

std::string FormatAverage(double average) {
  int64_t hundredths = std::llround(average * 100);
  std::string frac = std::to_string(hundredths % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return std::to_string(hundredths / 100) + "," + frac;
}

std::vector<const JournalLesson*> LessonsAfter(const Journal& j, const JournalLesson& lesson, size_t count) {
  Date first = lesson.lesson.date.AddDays(1);
  std::vector<const JournalLesson*> out = j.LessonsOf(lesson.lesson.group_id, {first, first.AddDays(120)});
  if (out.size() > count) out.resize(count);
  return out;
}

// ---- [SECTION] JSON ----

namespace {

using namespace journal_key;

Status Malformed(const std::string& where, const Status& inner) {
  return Status(ErrorCode::kBadRequest, where + ": " + inner.message(), inner.field());
}

}  // namespace

Journal SliceForGroup(const Journal& j, int64_t group_id, std::optional<DateRange> range) {
  Journal out;
  out.locked_periods = j.locked_periods;
  for (const auto& [id, l] : j.lessons) {
    if (l.lesson.group_id != group_id || (range && !range->Contains(l.lesson.date))) continue;
    out.lessons.emplace(id, l);
    for (const Mark* m : j.MarksOf(id)) out.marks.emplace(m->id, *m);
    for (auto it = j.attendance.lower_bound({id, 0}); it != j.attendance.end() && it->first.first == id; ++it) {
      out.attendance.insert(*it);
    }
  }
  for (const auto& [key, f] : j.finals) {
    if (key.group_id == group_id) out.finals.emplace(key, f);
  }
  for (const auto& [id, r] : j.requests) {
    const Json& p = r.op.payload;
    auto lesson = p.find(kKeyLessonId);
    auto mark = p.find(kKeyMarkId);
    int64_t lesson_id = lesson != p.end() && lesson->is_number_integer() ? lesson->get<int64_t>() : 0;
    if (mark != p.end() && mark->is_string()) {
      if (const Mark* m = j.FindMark(mark->get<std::string>())) lesson_id = m->lesson_id;
    }
    auto group = p.find(kKeyGroupId);
    bool ours = out.lessons.count(lesson_id) ||
                (group != p.end() && group->is_number_integer() && group->get<int64_t>() == group_id);
    if (ours) out.requests.emplace(id, r);
  }
  out.Reindex();
  return out;
}

Json ToJson(const Journal& j) {
  Json lessons = Json::array();
  for (const auto& [id, jl] : j.lessons) {
    const Lesson& l = jl.lesson;
    Json o{{kKeyId, l.id},          {kKeyGroupId, l.group_id},   {kKeyDate, l.date.Iso()},
           {kKeyNumber, l.number},  {kKeyTeacherId, l.teacher_id}, {kKeySubstituteId, l.substitute_id},
           {kKeyRoom, l.room},      {kKeyEntryId, l.entry_id},   {kKeyTopic, jl.topic},
           {kKeyTopicVersion, jl.topic_version}, {kKeyMoved, jl.moved}};
    if (!jl.notes.empty() || jl.notes_version != 0) {
      o[kKeyNotes] = jl.notes;
      o[kKeyNotesVersion] = jl.notes_version;
    }
    if (!jl.homework.text.empty() || jl.homework.version != 0) {
      o[kKeyHomework] = {{kKeyText, jl.homework.text},
                         {kKeyMinutes, jl.homework.minutes},
                         {kKeyDueLessonId, jl.homework.due_lesson_id},
                         {kKeyVersion, jl.homework.version}};
    }
    lessons.push_back(std::move(o));
  }
  Json marks = Json::array();
  for (const auto& [id, m] : j.marks) {
    marks.push_back({{kKeyId, m.id},           {kKeyLessonId, m.lesson_id}, {kKeyStudentId, m.student_id},
                     {kKeyValue, m.value},     {kKeyType, m.type},          {kKeyComment, m.comment},
                     {kKeyVersion, m.version}, {kKeyAdded, m.added}});
  }
  Json attendance = Json::array();
  for (const auto& [key, a] : j.attendance) {
    attendance.push_back(
        {{kKeyLessonId, a.lesson_id}, {kKeyStudentId, a.student_id}, {kKeyCode, a.code}, {kKeyVersion, a.version}});
  }
  Json finals = Json::array();
  for (const auto& [key, f] : j.finals) {
    finals.push_back({{kKeyGroupId, key.group_id},
                      {kKeyStudentId, key.student_id},
                      {kKeyKind, FinalKindCode(key.kind)},
                      {kKeyPeriodId, key.period_id},
                      {kKeyValue, f.value},
                      {kKeyVersion, f.version}});
  }
  Json requests = Json::array();
  for (const auto& [id, r] : j.requests) {
    requests.push_back({{kKeyId, r.id},
                        {kKeyOp, ej::ToJson(r.op)},
                        {kKeyAuthorId, r.author_id},
                        {kKeyReason, r.reason},
                        {kKeyState, RequestStateCode(r.state)},
                        {kKeyDecidedBy, r.decided_by},
                        {kKeyComment, r.decision_comment}});
  }
  Json locked = Json::array();
  for (int64_t p : j.locked_periods) locked.push_back(p);
  return {{kKeyLessons, std::move(lessons)},   {kKeyMarks, std::move(marks)},
          {kKeyAttendance, std::move(attendance)}, {kKeyFinals, std::move(finals)},
          {kKeyRequests, std::move(requests)}, {kKeyLockedPeriods, std::move(locked)}};
}

Result<Journal> JournalFromJson(const Json& json) {
  Journal j;
  const Json *lessons = nullptr, *marks = nullptr, *attendance = nullptr, *finals = nullptr, *requests = nullptr;
  std::vector<int64_t> locked;
  JsonReader top(json);
  top.Array(kKeyLessons, &lessons).Array(kKeyMarks, &marks).Array(kKeyAttendance, &attendance);
  top.Array(kKeyFinals, &finals).Array(kKeyRequests, &requests).IntArray(kKeyLockedPeriods, &locked);
  if (!top.ok()) return top.status();
  j.locked_periods.insert(locked.begin(), locked.end());
  for (const auto& item : *lessons) {
    JournalLesson jl;
    Lesson& l = jl.lesson;
    std::optional<Date> date;
    int64_t number = 0;
    const Json* homework = nullptr;
    JsonReader r(item);
    r.Int(kKeyId, &l.id).Int(kKeyGroupId, &l.group_id).IsoDate(kKeyDate, &date).Int(kKeyNumber, &number);
    r.Int(kKeyTeacherId, &l.teacher_id).Int(kKeySubstituteId, &l.substitute_id, false).String(kKeyRoom, &l.room, false);
    r.Int(kKeyEntryId, &l.entry_id, false).String(kKeyTopic, &jl.topic, false).Int(kKeyTopicVersion, &jl.topic_version, false);
    r.Bool(kKeyMoved, &jl.moved, false).Object(kKeyHomework, &homework, false);
    r.String(kKeyNotes, &jl.notes, false).Int(kKeyNotesVersion, &jl.notes_version, false);
    if (!r.ok()) return Malformed("Урок", r.status());
    l.date = *date;
    l.number = static_cast<int>(number);
    if (homework) {
      int64_t minutes = 0;
      JsonReader h(*homework);
      h.String(kKeyText, &jl.homework.text).Int(kKeyMinutes, &minutes, false).Int(kKeyDueLessonId, &jl.homework.due_lesson_id, false);
      h.Int(kKeyVersion, &jl.homework.version, false);
      if (!h.ok()) return Malformed("Домашнее задание", h.status());
      jl.homework.minutes = static_cast<int>(minutes);
    }
    j.lessons.emplace(l.id, std::move(jl));
  }
  for (const auto& item : *marks) {
    Mark m;
    JsonReader r(item);
    r.String(kKeyId, &m.id).Int(kKeyLessonId, &m.lesson_id).Int(kKeyStudentId, &m.student_id);
    r.String(kKeyValue, &m.value).String(kKeyType, &m.type).String(kKeyComment, &m.comment, false);
    r.Int(kKeyVersion, &m.version, false).Int(kKeyAdded, &m.added, false);
    if (!r.ok()) return Malformed("Отметка", r.status());
    j.marks.emplace(m.id, std::move(m));
  }
  for (const auto& item : *attendance) {
    AttendanceMark a;
    JsonReader r(item);
    r.Int(kKeyLessonId, &a.lesson_id).Int(kKeyStudentId, &a.student_id).String(kKeyCode, &a.code);
    r.Int(kKeyVersion, &a.version, false);
    if (!r.ok()) return Malformed("Посещаемость", r.status());
    j.attendance.emplace(std::make_pair(a.lesson_id, a.student_id), std::move(a));
  }
  for (const auto& item : *finals) {
    FinalMark f;
    std::string kind;
    JsonReader r(item);
    r.Int(kKeyGroupId, &f.key.group_id).Int(kKeyStudentId, &f.key.student_id).String(kKeyKind, &kind);
    r.Int(kKeyPeriodId, &f.key.period_id, false).String(kKeyValue, &f.value).Int(kKeyVersion, &f.version, false);
    if (!r.ok()) return Malformed("Итоговая отметка", r.status());
    auto k = FinalKindFromCode(kind);
    if (!k) return Status(ErrorCode::kBadRequest, "Неизвестный вид итоговой отметки «" + kind + "».", kKeyKind);
    f.key.kind = *k;
    j.finals.emplace(f.key, std::move(f));
  }
  for (const auto& item : *requests) {
    CorrectionRequest c;
    const Json* op = nullptr;
    std::string state;
    JsonReader r(item);
    r.Int(kKeyId, &c.id).Object(kKeyOp, &op).Int(kKeyAuthorId, &c.author_id).String(kKeyReason, &c.reason);
    r.String(kKeyState, &state).Int(kKeyDecidedBy, &c.decided_by, false).String(kKeyComment, &c.decision_comment, false);
    if (!r.ok()) return Malformed("Заявка на исправление", r.status());
    auto parsed = OperationFromJson(*op);
    if (!parsed.ok()) return Malformed("Заявка на исправление", parsed.status());
    c.op = std::move(parsed).value();
    for (int i = 0; i < 3; ++i) {
      if (kRequestStateCodes[i] == state) c.state = static_cast<RequestState>(i);
    }
    j.requests.emplace(c.id, std::move(c));
  }
  j.Reindex();
  return j;
}

}  // namespace ej
