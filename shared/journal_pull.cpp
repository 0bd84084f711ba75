// Pulling the journal's changes since a cursor: see journal_pull.h.
#include "journal_pull.h"

#include "json_reader.h"
#include "school_rules.h"
#include "timetable.h"

namespace ej {
namespace {

using protocol::Json;

constexpr const char* kLessons = "lessons";
constexpr const char* kFinals = "finals";
constexpr const char* kRequests = "requests";
constexpr const char* kPeriods = "periods";

Json FinalKeyJson(const FinalKey& k) {
  return Json::array({k.group_id, k.student_id, std::string(FinalKindCode(k.kind)), k.period_id});
}

bool FinalKeyFromJson(const Json& j, FinalKey* out) {
  if (!j.is_array() || j.size() != 4 || !j[0].is_number_integer() || !j[1].is_number_integer() ||
      !j[2].is_string() || !j[3].is_number_integer()) {
    return false;
  }
  auto kind = FinalKindFromCode(j[2].get<std::string>());
  if (!kind) return false;
  *out = FinalKey{j[0].get<int64_t>(), j[1].get<int64_t>(), *kind, j[3].get<int64_t>()};
  return true;
}

bool IdsFromJson(const Json& j, const char* key, std::set<int64_t>* out) {
  auto it = j.find(key);
  if (it == j.end()) return true;
  if (!it->is_array()) return false;
  for (const Json& v : *it) {
    if (!v.is_number_integer()) return false;
    out->insert(v.get<int64_t>());
  }
  return true;
}

bool FinalsFromJson(const Json& j, std::set<FinalKey>* out) {
  auto it = j.find(kFinals);
  if (it == j.end()) return true;
  if (!it->is_array()) return false;
  for (const Json& v : *it) {
    FinalKey k;
    if (!FinalKeyFromJson(v, &k)) return false;
    out->insert(k);
  }
  return true;
}

Json Ids(const std::set<int64_t>& ids) {
  Json a = Json::array();
  for (int64_t id : ids) a.push_back(id);
  return a;
}

Json Finals(const std::set<FinalKey>& keys) {
  Json a = Json::array();
  for (const FinalKey& k : keys) a.push_back(FinalKeyJson(k));
  return a;
}

int64_t PayloadInt(const Json& p, const char* key) {
  auto it = p.find(key);
  return it != p.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

// The lesson a correction request concerns (its op names the lesson or a mark), and the group
// its op names (final.set): the same reading as SliceForGroup's.
int64_t RequestLesson(const Journal& j, const CorrectionRequest& r) {
  const Json& p = r.op.payload;
  int64_t lesson = PayloadInt(p, "lesson_id");
  auto mark = p.find("mark_id");
  if (mark != p.end() && mark->is_string()) {
    if (const Mark* m = j.FindMark(mark->get<std::string>())) lesson = m->lesson_id;
  }
  return lesson;
}

void CopyLesson(const Journal& from, int64_t id, Journal& to) {
  const JournalLesson* l = from.FindLesson(id);
  if (!l) return;
  to.lessons[id] = *l;
  for (const Mark* m : from.MarksOf(id)) to.marks[m->id] = *m;
  for (auto it = from.attendance.lower_bound({id, 0}); it != from.attendance.end() && it->first.first == id; ++it) {
    to.attendance.insert(*it);
  }
}

void DropLesson(Journal& j, int64_t id) {
  j.lessons.erase(id);
  for (auto it = j.marks.begin(); it != j.marks.end();) {
    it = it->second.lesson_id == id ? j.marks.erase(it) : std::next(it);
  }
  for (auto it = j.attendance.lower_bound({id, 0}); it != j.attendance.end() && it->first.first == id;) {
    it = j.attendance.erase(it);
  }
}

}  // namespace

JournalTouch TouchOf(const Journal& after, const JournalApplied& applied) {
  JournalTouch t;
  t.lessons.insert(applied.lessons.begin(), applied.lessons.end());
  for (const std::string& id : applied.marks) {
    if (const Mark* m = after.FindMark(id)) {
      t.lessons.insert(m->lesson_id);
    } else if (applied.old.is_object()) {
      // Removed: the log's old value names its lesson.
      if (int64_t lesson = PayloadInt(applied.old, "lesson_id")) t.lessons.insert(lesson);
    }
  }
  for (const auto& key : applied.attendance) t.lessons.insert(key.first);
  t.finals.insert(applied.finals.begin(), applied.finals.end());
  t.requests.insert(applied.requests.begin(), applied.requests.end());
  if (applied.created_id) t.requests.insert(applied.created_id);
  t.periods = !applied.periods.empty();
  return t;
}

Json ToJson(const JournalTouch& t) {
  Json j = Json::object();
  if (!t.lessons.empty()) j[kLessons] = Ids(t.lessons);
  if (!t.finals.empty()) j[kFinals] = Finals(t.finals);
  if (!t.requests.empty()) j[kRequests] = Ids(t.requests);
  if (t.periods) j[kPeriods] = true;
  return j;
}

Result<JournalTouch> JournalTouchFromJson(const Json& j) {
  JournalTouch t;
  if (!j.is_object() || !IdsFromJson(j, kLessons, &t.lessons) || !FinalsFromJson(j, &t.finals) ||
      !IdsFromJson(j, kRequests, &t.requests)) {
    return Status(ErrorCode::kBadRequest, "Запись журнала операций не прочитана.");
  }
  auto p = j.find(kPeriods);
  t.periods = p != j.end() && p->is_boolean() && p->get<bool>();
  return t;
}

bool PullNeedsResync(std::string_view kind) {
  return IsStructureOp(kind) || IsTimetableOp(kind) || IsRulesOp(kind) || kind == op_kind::kLessonsGenerate;
}

Status MayPullJournal(const Actor& actor) {
  if (!IsStaff(actor)) return Status(ErrorCode::kForbidden, "Изменения журнала получают только сотрудники школы.");
  return Status::Ok();
}

JournalPull ResyncPull(int64_t cursor) {
  JournalPull p;
  p.resync = true;
  p.cursor = cursor;
  return p;
}

JournalPull BuildJournalPull(const Journal& j, const Structure& s, const Actor& actor,
                             const std::vector<JournalTouch>& touches, int64_t cursor) {
  JournalPull out;
  out.cursor = cursor;
  out.locked_periods = j.locked_periods;
  std::map<int64_t, bool> readable;  // group → the actor reads its whole journal
  auto reads = [&](int64_t group) {
    auto it = readable.find(group);
    if (it == readable.end()) {
      it = readable.emplace(group, s.FindGroup(group) && Authorize(actor, Action::kReadJournal, GroupTarget(s, group)).ok()).first;
    }
    return it->second;
  };
  std::map<int64_t, GroupChanges> groups;
  auto changes = [&](int64_t group) -> GroupChanges& {
    GroupChanges& g = groups[group];
    g.group_id = group;
    return g;
  };
  std::set<int64_t> lessons, requests;
  std::set<FinalKey> finals;
  for (const JournalTouch& t : touches) {
    lessons.insert(t.lessons.begin(), t.lessons.end());
    finals.insert(t.finals.begin(), t.finals.end());
    requests.insert(t.requests.begin(), t.requests.end());
  }
  for (int64_t id : lessons) {
    const JournalLesson* l = j.FindLesson(id);
    if (!l) continue;  // only lessons.generate removes lessons, and it asks for a resync
    const int64_t group = l->lesson.group_id;
    // A substitute keeps the one lesson (SliceForSubstitute), nothing else of the group.
    const bool substitute = actor.substituted_lessons.count(id) > 0 && l->lesson.substitute_id == actor.person_id;
    if (!reads(group) && !substitute) continue;
    GroupChanges& g = changes(group);
    g.lessons.insert(id);
    CopyLesson(j, id, g.rows);
  }
  for (const FinalKey& k : finals) {
    if (!reads(k.group_id)) continue;
    GroupChanges& g = changes(k.group_id);
    g.finals.insert(k);
    if (const FinalMark* f = j.FindFinal(k)) g.rows.finals.emplace(k, *f);
  }
  for (int64_t id : requests) {
    auto it = j.requests.find(id);
    if (it == j.requests.end()) continue;
    int64_t group = PayloadInt(it->second.op.payload, "group_id");
    if (const JournalLesson* l = j.FindLesson(RequestLesson(j, it->second))) group = l->lesson.group_id;
    if (!group || !reads(group)) continue;
    GroupChanges& g = changes(group);
    g.requests.insert(id);
    g.rows.requests.emplace(id, it->second);
  }
  for (auto& [id, g] : groups) {
    g.rows.Reindex();
    out.groups.push_back(std::move(g));
  }
  return out;
}

Json ToJson(const JournalPull& p) {
  Json groups = Json::array();
  for (const GroupChanges& g : p.groups) {
    Json rows = ToJson(g.rows);
    rows.erase("locked_periods");
    groups.push_back(Json{{"group_id", g.group_id},
                          {"touched", Json{{kLessons, Ids(g.lessons)}, {kFinals, Finals(g.finals)}, {kRequests, Ids(g.requests)}}},
                          {"rows", std::move(rows)}});
  }
  return Json{{"resync", p.resync}, {"cursor", p.cursor}, {"locked_periods", Ids(p.locked_periods)}, {"groups", std::move(groups)}};
}

Result<JournalPull> JournalPullFromJson(const Json& j) {
  JournalPull p;
  const Json* groups = nullptr;
  JsonReader r(j);
  r.Bool("resync", &p.resync).Int("cursor", &p.cursor).Array("groups", &groups, false);
  if (!r.ok()) return r.status();
  if (!IdsFromJson(j, "locked_periods", &p.locked_periods)) {
    return Status(ErrorCode::kBadRequest, "Ответ с изменениями журнала не прочитан.", "locked_periods");
  }
  if (!groups) return p;
  for (const Json& item : *groups) {
    GroupChanges g;
    const Json *touched = nullptr, *rows = nullptr;
    JsonReader gr(item);
    gr.Int("group_id", &g.group_id).Object("touched", &touched).Object("rows", &rows);
    if (!gr.ok()) return gr.status();
    if (!IdsFromJson(*touched, kLessons, &g.lessons) || !FinalsFromJson(*touched, &g.finals) ||
        !IdsFromJson(*touched, kRequests, &g.requests)) {
      return Status(ErrorCode::kBadRequest, "Ответ с изменениями журнала не прочитан.", "touched");
    }
    Json full = *rows;
    full["locked_periods"] = Json::array();
    auto journal = JournalFromJson(full);
    if (!journal.ok()) return journal.status();
    g.rows = std::move(journal).value();
    p.groups.push_back(std::move(g));
  }
  return p;
}

void ApplyGroupChanges(Journal& kept, int64_t group_id, DateRange range, const GroupChanges& changes,
                       const std::set<int64_t>& locked_periods) {
  kept.locked_periods = locked_periods;
  if (changes.group_id == group_id) {
    for (int64_t id : changes.lessons) {
      DropLesson(kept, id);
      const JournalLesson* l = changes.rows.FindLesson(id);
      if (l && l->lesson.group_id == group_id && range.Contains(l->lesson.date)) CopyLesson(changes.rows, id, kept);
    }
    for (const FinalKey& k : changes.finals) {
      kept.finals.erase(k);
      auto it = changes.rows.finals.find(k);
      if (it != changes.rows.finals.end() && k.group_id == group_id) kept.finals.emplace(k, it->second);
    }
  }
  kept.Reindex();
  if (changes.group_id == group_id) {
    // A request belongs to the slice when its lesson is in it, or its op names the group (as
    // SliceForGroup decides).
    for (int64_t id : changes.requests) {
      kept.requests.erase(id);
      auto it = changes.rows.requests.find(id);
      if (it == changes.rows.requests.end()) continue;
      const bool ours = kept.lessons.count(RequestLesson(kept, it->second)) > 0 ||
                        PayloadInt(it->second.op.payload, "group_id") == group_id;
      if (ours) kept.requests.emplace(id, it->second);
    }
  }
}

}  // namespace ej
