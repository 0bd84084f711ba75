// The timetable's state, operations and JSON.
#include <algorithm>

#include "json_reader.h"
#include "timetable.h"

namespace ej {
namespace {

constexpr const char* kKeyId = "id";
constexpr const char* kKeyName = "name";
constexpr const char* kKeySlots = "slots";
constexpr const char* kKeyBellClassIds = "class_ids";
constexpr const char* kKeyNumber = "number";
constexpr const char* kKeyStart = "start";
constexpr const char* kKeyEnd = "end";
constexpr const char* kKeyYearId = "year_id";
constexpr const char* kKeyGroupId = "group_id";
constexpr const char* kKeyTeacherId = "teacher_id";
constexpr const char* kKeyWeekday = "weekday";
constexpr const char* kKeyRoom = "room";
constexpr const char* kKeyParity = "parity";
constexpr const char* kKeyKind = "kind";
constexpr const char* kKeyBells = "bells";
constexpr const char* kKeyEntries = "entries";
constexpr const char* kKeySixDayClasses = "six_day_classes";
constexpr const char* kKeyClassId = "class_id";
constexpr const char* kKeyDays = "days";

constexpr std::string_view kParityCodes[] = {"every", "odd", "even"};
constexpr std::string_view kKindCodes[] = {"main", "extracurricular", "additional"};

template <typename E, size_t N>
std::optional<E> FromCode(const std::string_view (&codes)[N], std::string_view code) {
  for (size_t i = 0; i < N; ++i) {
    if (codes[i] == code) return static_cast<E>(i);
  }
  return std::nullopt;
}

Status Invalid(std::string message, std::string field) {
  return Status(ErrorCode::kValidation, std::move(message), std::move(field));
}

}  // namespace

const TimetableEntry* Timetable::FindEntry(int64_t id) const {
  for (const auto& e : entries) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::string_view WeekParityCode(WeekParity p) { return kParityCodes[static_cast<int>(p)]; }
std::optional<WeekParity> WeekParityFromCode(std::string_view code) { return FromCode<WeekParity>(kParityCodes, code); }
std::string_view TimetableKindCode(TimetableKind k) { return kKindCodes[static_cast<int>(k)]; }
std::optional<TimetableKind> TimetableKindFromCode(std::string_view code) { return FromCode<TimetableKind>(kKindCodes, code); }

const std::vector<std::string_view>& TimetableOpKinds() {
  static const std::vector<std::string_view> kKinds = {op_kind::kBellsSet, op_kind::kTimetableSetEntry,
                                                       op_kind::kTimetableRemoveEntry, op_kind::kTimetableSetWeek};
  return kKinds;
}

bool IsTimetableOp(std::string_view kind) {
  const auto& kinds = TimetableOpKinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

protocol::Json ToJson(const BellSchedule& b) {
  protocol::Json slots = protocol::Json::array();
  for (const auto& s : b.slots) slots.push_back({{kKeyNumber, s.number}, {kKeyStart, s.start.Text()}, {kKeyEnd, s.end.Text()}});
  protocol::Json out = {{kKeyId, b.id}, {kKeyName, b.name}, {kKeySlots, std::move(slots)}};
  if (!b.class_ids.empty()) out[kKeyBellClassIds] = b.class_ids;
  return out;
}

Result<BellSchedule> BellScheduleFromJson(const protocol::Json& j) {
  BellSchedule b;
  const protocol::Json* slots = nullptr;
  JsonReader r(j);
  r.Int(kKeyId, &b.id, false).String(kKeyName, &b.name).Array(kKeySlots, &slots).IntArray(kKeyBellClassIds, &b.class_ids, false);
  if (!r.ok()) return r.status();
  for (const auto& item : *slots) {
    BellSlot slot;
    int64_t number = 0;
    std::string start, end;
    JsonReader sr(item);
    sr.Int(kKeyNumber, &number).String(kKeyStart, &start).String(kKeyEnd, &end);
    if (!sr.ok()) return sr.status();
    auto a = ClockTime::Parse(start), z = ClockTime::Parse(end);
    if (!a || !z) return Status(ErrorCode::kBadRequest, "Время урока — в виде ЧЧ:ММ, например 08:30.", kKeySlots);
    slot.number = static_cast<int>(number);
    slot.start = *a;
    slot.end = *z;
    b.slots.push_back(slot);
  }
  return b;
}

protocol::Json ToJson(const TimetableEntry& e) {
  return {{kKeyId, e.id},
          {kKeyYearId, e.year_id},
          {kKeyGroupId, e.group_id},
          {kKeyTeacherId, e.teacher_id},
          {kKeyWeekday, e.weekday},
          {kKeyNumber, e.number},
          {kKeyRoom, e.room},
          {kKeyParity, kParityCodes[static_cast<int>(e.parity)]},
          {kKeyKind, kKindCodes[static_cast<int>(e.kind)]}};
}

Result<TimetableEntry> TimetableEntryFromJson(const protocol::Json& j) {
  TimetableEntry e;
  int64_t weekday = 0, number = 0;
  std::string parity = "every", kind = "main";
  JsonReader r(j);
  r.Int(kKeyId, &e.id, false).Int(kKeyYearId, &e.year_id).Int(kKeyGroupId, &e.group_id).Int(kKeyTeacherId, &e.teacher_id);
  r.Int(kKeyWeekday, &weekday).Int(kKeyNumber, &number).String(kKeyRoom, &e.room, false);
  r.String(kKeyParity, &parity, false).String(kKeyKind, &kind, false);
  if (!r.ok()) return r.status();
  auto p = FromCode<WeekParity>(kParityCodes, parity);
  if (!p) return Status(ErrorCode::kBadRequest, "Поле «parity»: every, odd или even.", kKeyParity);
  auto k = FromCode<TimetableKind>(kKindCodes, kind);
  if (!k) return Status(ErrorCode::kBadRequest, "Поле «kind»: main, extracurricular или additional.", kKeyKind);
  e.weekday = static_cast<int>(weekday);
  e.number = static_cast<int>(number);
  e.parity = *p;
  e.kind = *k;
  return e;
}

protocol::Json ToJson(const Timetable& t) {
  protocol::Json bells = protocol::Json::array(), entries = protocol::Json::array();
  for (const auto& b : t.bells) bells.push_back(ToJson(b));
  for (const auto& e : t.entries) entries.push_back(ToJson(e));
  return {{kKeyBells, std::move(bells)}, {kKeyEntries, std::move(entries)}, {kKeySixDayClasses, t.six_day_classes}};
}

Result<Timetable> TimetableFromJson(const protocol::Json& j) {
  Timetable t;
  const protocol::Json *bells = nullptr, *entries = nullptr;
  JsonReader r(j);
  r.Array(kKeyBells, &bells).Array(kKeyEntries, &entries).IntArray(kKeySixDayClasses, &t.six_day_classes, false);
  if (!r.ok()) return r.status();
  for (const auto& item : *bells) {
    auto b = BellScheduleFromJson(item);
    if (!b.ok()) return b.status();
    t.next_bells_id = std::max(t.next_bells_id, b->id + 1);
    t.bells.push_back(std::move(b.value()));
  }
  for (const auto& item : *entries) {
    auto e = TimetableEntryFromJson(item);
    if (!e.ok()) return e.status();
    t.next_entry_id = std::max(t.next_entry_id, e->id + 1);
    t.entries.push_back(std::move(e.value()));
  }
  return t;
}

std::vector<TimetableConflict> FindTimetableConflicts(const Structure& s, const Timetable& t, int64_t year_id) {
  std::vector<TimetableConflict> out = FindTimetableConflicts(s, t.entries, year_id);
  for (const TimetableEntry& e : t.entries) {
    if (e.year_id != year_id || e.weekday != 6 || GroupStudiesSixDays(s, t.six_day_classes, e.group_id)) continue;
    const Group* g = s.FindGroup(e.group_id);
    const std::string name = g ? "«" + g->name + "»" : "группа № " + std::to_string(e.group_id);
    out.push_back({"saturday_five_day", {e.id},
                   name + ": урок в субботу (" + std::to_string(e.number) +
                       "-й), а класс учится пять дней в неделю — в журнале этих уроков не будет. Перенесите урок "
                       "или отметьте шестидневную неделю.",
                   e.group_id});
  }
  return out;
}

protocol::Json BellsSetPayload(const BellSchedule& b) { return ToJson(b); }
protocol::Json TimetableSetEntryPayload(const TimetableEntry& e) { return ToJson(e); }
protocol::Json TimetableRemoveEntryPayload(int64_t entry_id) { return {{kKeyId, entry_id}}; }
protocol::Json TimetableSetWeekPayload(int64_t class_id, int days) { return {{kKeyClassId, class_id}, {kKeyDays, days}}; }

namespace {

// timetable.set_week: five or six days for a class; five only without Saturday lessons.
Result<TimetableApplied> SetWeek(Timetable& t, const Structure& s, const Operation& op) {
  int64_t class_id = 0, days = 0;
  JsonReader r(op.payload);
  r.Int(kKeyClassId, &class_id).Int(kKeyDays, &days);
  if (!r.ok()) return r.status();
  const SchoolClass* c = s.FindClass(class_id);
  if (!c) return Status(ErrorCode::kNotFound, "Класс не найден.", kKeyClassId);
  if (days != 5 && days != 6) return Invalid("Учебная неделя — пять или шесть дней.", kKeyDays);
  auto& six = t.six_day_classes;
  if (days == 5) {
    std::string saturday;
    int count = 0;
    for (const TimetableEntry& e : t.entries) {
      const Group* g = s.FindGroup(e.group_id);
      if (e.weekday != 6 || !g || std::find(g->class_ids.begin(), g->class_ids.end(), class_id) == g->class_ids.end()) continue;
      if (++count <= 3) saturday += (saturday.empty() ? "" : "; ") + ("«" + g->name + "», ") + std::to_string(e.number) + "-й урок";
    }
    if (count > 0) {
      return Invalid("У " + c->Name() + " в субботу стоят уроки (" + saturday + (count > 3 ? " и другие" : "") +
                         ") — сначала перенесите их на другие дни.",
                     kKeyDays);
    }
    six.erase(std::remove(six.begin(), six.end(), class_id), six.end());
  } else if (!StudiesSixDays(six, class_id)) {
    six.push_back(class_id);
    std::sort(six.begin(), six.end());
  }
  TimetableApplied out;
  out.week_changed = class_id;
  return out;
}

}  // namespace

Result<TimetableApplied> ApplyTimetableOp(Timetable& t, const Structure& s, const Operation& op, const Actor& actor) {
  if (Status st = Authorize(actor, Action::kEditStructure); !st.ok()) return st;
  TimetableApplied out;
  if (op.kind == op_kind::kBellsSet) {
    auto b = BellScheduleFromJson(op.payload);
    if (!b.ok()) return b.status();
    if (Status st = ValidateBellSchedule(*b); !st.ok()) return st;
    auto it = std::find_if(t.bells.begin(), t.bells.end(), [&](const BellSchedule& x) { return x.id == b->id; });
    if (b->id != 0 && it == t.bells.end()) return Status(ErrorCode::kNotFound, "Расписание звонков не найдено.", kKeyId);
    // A shift's classes: existing ones, each in one shift only.
    for (int64_t c : b->class_ids) {
      const SchoolClass* cls = s.FindClass(c);
      if (!cls) return Status(ErrorCode::kNotFound, "Класс не найден.", kKeyBellClassIds);
      for (const BellSchedule& other : t.bells) {
        if (other.id != b->id && std::find(other.class_ids.begin(), other.class_ids.end(), c) != other.class_ids.end()) {
          return Status(ErrorCode::kValidation, cls->Name() + " уже учится по расписанию звонков «" + other.name + "».",
                        kKeyBellClassIds);
        }
      }
    }
    if (b->id == 0) {
      b->id = t.next_bells_id++;
      t.bells.push_back(*b);
      out.created_id = b->id;
    } else {
      *it = *b;
    }
    out.bells_changed = true;
    return out;
  }
  if (op.kind == op_kind::kTimetableRemoveEntry) {
    int64_t id = 0;
    JsonReader r(op.payload);
    r.Int(kKeyId, &id);
    if (!r.ok()) return r.status();
    auto it = std::find_if(t.entries.begin(), t.entries.end(), [&](const TimetableEntry& e) { return e.id == id; });
    if (it == t.entries.end()) return Status(ErrorCode::kNotFound, "Урок в расписании не найден.", kKeyId);
    t.entries.erase(it);
    out.entries_changed.push_back(id);
    return out;
  }
  if (op.kind == op_kind::kTimetableSetWeek) return SetWeek(t, s, op);
  if (op.kind != op_kind::kTimetableSetEntry) {
    return Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + op.kind + "».", "kind");
  }
  auto e = TimetableEntryFromJson(op.payload);
  if (!e.ok()) return e.status();
  if (!s.FindYear(e->year_id)) return Status(ErrorCode::kNotFound, "Учебный год не найден.", kKeyYearId);
  const Group* g = s.FindGroup(e->group_id);
  if (!g || g->year_id != e->year_id) return Status(ErrorCode::kNotFound, "Группа не найдена в этом учебном году.", kKeyGroupId);
  bool has_workload = std::any_of(s.workload.begin(), s.workload.end(), [&](const WorkloadLine& w) {
    return w.group_id == e->group_id && w.teacher_id == e->teacher_id;
  });
  if (!has_workload) return Invalid("У этого учителя нет нагрузки в группе «" + g->name + "».", kKeyTeacherId);
  if (e->weekday < 1 || e->weekday > 6) return Invalid("День недели — от понедельника (1) до субботы (6).", kKeyWeekday);
  if (e->weekday == 6 && !GroupStudiesSixDays(s, t.six_day_classes, e->group_id)) {
    std::string five;
    int count = 0;
    for (int64_t c : g->class_ids) {
      const SchoolClass* cls = s.FindClass(c);
      if (cls && !StudiesSixDays(t.six_day_classes, c)) five += (count++ ? ", " : "") + cls->Name();
    }
    return Invalid(five + (count > 1 ? " учатся" : " учится") +
                       " пять дней в неделю: в субботу уроков нет. Шестидневная неделя отмечается у класса.",
                   kKeyWeekday);
  }
  int max_number = 0;
  for (const auto& b : t.bells) max_number = std::max(max_number, static_cast<int>(b.slots.size()));
  if (max_number == 0) return Invalid("Сначала задайте расписание звонков.", kKeyNumber);
  if (e->number < 1 || e->number > max_number) {
    return Invalid("Номер урока — от 1 до " + std::to_string(max_number) + " по расписанию звонков.", kKeyNumber);
  }
  if (Utf8Length(e->room) > 20) return Invalid("Кабинет — не длиннее 20 символов.", kKeyRoom);
  if (e->id == 0) {
    e->id = t.next_entry_id++;
    t.entries.push_back(*e);
    out.created_id = e->id;
  } else {
    auto it = std::find_if(t.entries.begin(), t.entries.end(), [&](const TimetableEntry& x) { return x.id == e->id; });
    if (it == t.entries.end()) return Status(ErrorCode::kNotFound, "Урок в расписании не найден.", kKeyId);
    *it = *e;
  }
  out.entries_changed.push_back(e->id);
  return out;
}

}  // namespace ej
