#include "timetable.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace ej {

// ---- [SECTION] regime ----

std::optional<ClockTime> ClockTime::Parse(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (size_t i : {0u, 1u, 3u, 4u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  int h = (s[0] - '0') * 10 + (s[1] - '0');
  int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return ClockTime{h * 60 + m};
}

std::string ClockTime::Text() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

Status ValidateBellSchedule(const BellSchedule& b) {
  auto bad = [](std::string m) { return Status(ErrorCode::kValidation, std::move(m), "slots"); };
  if (b.name.empty()) return Status(ErrorCode::kValidation, "Не указано название расписания звонков.", "name");
  if (b.slots.empty()) return bad("В расписании звонков нет уроков.");
  for (size_t i = 0; i < b.slots.size(); ++i) {
    const BellSlot& slot = b.slots[i];
    std::string name = std::to_string(slot.number) + "-й урок";
    if (slot.number != static_cast<int>(i) + 1) return bad("Уроки нумеруются по порядку: ожидался " + std::to_string(i + 1) + "-й урок.");
    if (slot.end.minutes - slot.start.minutes < 30) return bad(name + " короче 30 минут.");
    if (i > 0 && slot.start.minutes - b.slots[i - 1].end.minutes < 5) {
      return bad("Перемена перед " + std::to_string(slot.number) + "-м уроком короче 5 минут.");
    }
  }
  return Status::Ok();
}

bool StudiesSixDays(const std::vector<int64_t>& six_day_classes, int64_t class_id) {
  return std::find(six_day_classes.begin(), six_day_classes.end(), class_id) != six_day_classes.end();
}

bool GroupStudiesSixDays(const Structure& s, const std::vector<int64_t>& six_day_classes, int64_t group_id) {
  const Group* g = s.FindGroup(group_id);
  if (!g || g->class_ids.empty()) return false;
  return std::all_of(g->class_ids.begin(), g->class_ids.end(),
                     [&](int64_t c) { return StudiesSixDays(six_day_classes, c); });
}

const BellSchedule* BellsOfClass(const std::vector<BellSchedule>& bells, int64_t class_id) {
  const BellSchedule* fallback = nullptr;
  for (const BellSchedule& b : bells) {
    if (std::find(b.class_ids.begin(), b.class_ids.end(), class_id) != b.class_ids.end()) return &b;
    if (b.class_ids.empty() && !fallback) fallback = &b;
  }
  if (!fallback && !bells.empty()) fallback = &bells.front();
  return fallback;
}

std::optional<BellSlot> LessonBells(const Structure& s, const std::vector<BellSchedule>& bells, int64_t group_id,
                                    int number) {
  const Group* g = s.FindGroup(group_id);
  const BellSchedule* b = BellsOfClass(bells, g && !g->class_ids.empty() ? g->class_ids.front() : 0);
  if (!b) return std::nullopt;
  for (const BellSlot& slot : b->slots) {
    if (slot.number == number) return slot;
  }
  return std::nullopt;
}

// ---- [SECTION] timetable ----

WeekParity ParityOn(const AcademicYear& year, Date d) {
  int64_t first_monday = year.range.first.Days() - (year.range.first.Weekday() - 1);
  int64_t week = (d.Days() - first_monday) / 7;
  return week % 2 == 0 ? WeekParity::kOdd : WeekParity::kEven;
}

bool ParityMatches(WeekParity entry, WeekParity week) { return entry == WeekParity::kEvery || entry == week; }

namespace {

bool ParitiesOverlap(WeekParity a, WeekParity b) {
  return a == WeekParity::kEvery || b == WeekParity::kEvery || a == b;
}

const char* kWeekdays[] = {"", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"};

std::string Slot(const TimetableEntry& e) {
  return std::string(kWeekdays[std::clamp(e.weekday, 1, 7)]) + ", " + std::to_string(e.number) + "-й урок";
}

std::string GroupName(const Structure& s, int64_t id) {
  const Group* g = s.FindGroup(id);
  return g ? "«" + g->name + "»" : "группа " + std::to_string(id);
}

std::string PersonShort(const Structure& s, int64_t id) {
  const Person* p = s.FindPerson(id);
  return p ? ShortName(p->name) : "?";
}

std::string Hours(double h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(h - std::round(h)) < 1e-9 ? "%.0f ч" : "%.1f ч", h);
  std::string out = buf;
  std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

// Students of a group at the start of the year's first period (whole classes follow the class).
std::set<int64_t> MembersAt(const Structure& s, const Group& g, Date d) {
  auto ids = s.GroupStudents(g.id, d);
  return {ids.begin(), ids.end()};
}

}  // namespace

std::vector<TimetableConflict> FindTimetableConflicts(const Structure& s, const std::vector<TimetableEntry>& entries,
                                                      int64_t year_id) {
  std::vector<TimetableConflict> out;
  const AcademicYear* year = s.FindYear(year_id);
  if (!year) return out;
  std::vector<const TimetableEntry*> es;
  for (const auto& e : entries) {
    if (e.year_id == year_id) es.push_back(&e);
  }
  std::map<int64_t, std::set<int64_t>> members;
  for (const TimetableEntry* e : es) {
    if (!members.count(e->group_id)) {
      const Group* g = s.FindGroup(e->group_id);
      members[e->group_id] = g ? MembersAt(s, *g, year->range.first) : std::set<int64_t>{};
    }
  }
  for (size_t i = 0; i < es.size(); ++i) {
    for (size_t j = i + 1; j < es.size(); ++j) {
      const TimetableEntry& a = *es[i];
      const TimetableEntry& b = *es[j];
      if (a.weekday != b.weekday || a.number != b.number || !ParitiesOverlap(a.parity, b.parity)) continue;
      if (a.teacher_id != 0 && a.teacher_id == b.teacher_id) {
        out.push_back({"teacher_busy", {a.id, b.id},
                       PersonShort(s, a.teacher_id) + " в одно время ведёт " + GroupName(s, a.group_id) + " и " +
                           GroupName(s, b.group_id) + " (" + Slot(a) + ")."});
      }
      if (!a.room.empty() && a.room == b.room) {
        out.push_back({"room_busy", {a.id, b.id},
                       "Кабинет " + a.room + " занят дважды: " + GroupName(s, a.group_id) + " и " + GroupName(s, b.group_id) +
                           " (" + Slot(a) + ")."});
      }
      if (a.group_id != b.group_id) {
        const auto& ma = members[a.group_id];
        const auto& mb = members[b.group_id];
        int64_t shared = 0, count = 0;
        for (int64_t id : ma) {
          if (mb.count(id)) {
            if (!shared) shared = id;
            ++count;
          }
        }
        if (count > 0) {
          out.push_back({"student_busy", {a.id, b.id},
                         "У " + std::to_string(count) + " " + std::string(Plural(count, "ученика", "учеников", "учеников")) +
                             " (например, " + PersonShort(s, shared) + ") в одно время " + GroupName(s, a.group_id) + " и " +
                             GroupName(s, b.group_id) + " (" + Slot(a) + ")."});
        }
      } else {
        out.push_back({"group_busy", {a.id, b.id}, "У группы " + GroupName(s, a.group_id) + " два урока в одно время (" + Slot(a) + ")."});
      }
    }
  }
  // Weekly hours of main lessons against the workload.
  std::map<int64_t, double> hours;
  for (const TimetableEntry* e : es) {
    if (e->kind == TimetableKind::kMain) hours[e->group_id] += e->parity == WeekParity::kEvery ? 1.0 : 0.5;
  }
  std::set<int64_t> groups;
  for (const auto& w : s.workload) {
    if (w.year_id == year_id) groups.insert(w.group_id);
  }
  for (const auto& [g, h] : hours) groups.insert(g);
  for (int64_t g : groups) {
    double planned = s.GroupWorkloadHours(g), scheduled = hours[g];
    if (std::fabs(planned - scheduled) < 1e-9) continue;
    std::vector<int64_t> ids;
    for (const TimetableEntry* e : es) {
      if (e->group_id == g) ids.push_back(e->id);
    }
    bool over = scheduled > planned;
    out.push_back({over ? "hours_over" : "hours_under", ids,
                   GroupName(s, g) + ": в расписании " + Hours(scheduled) + " в неделю, а по нагрузке " + Hours(planned) + ".",
                   g});
  }
  return out;
}

// ---- [SECTION] lessons ----

bool IsStudyDay(const Structure& s, int64_t year_id, int grade, Date d, bool six_day_week) {
  int wd = d.Weekday();
  if (wd == 7 || (wd == 6 && !six_day_week)) return false;
  bool in_period = false;
  for (const auto& p : s.periods) {
    if (p.year_id == year_id && p.grade_from <= grade && grade <= p.grade_to && p.range.Contains(d)) in_period = true;
  }
  if (!in_period) return false;
  for (const auto& h : s.holidays) {
    if (h.year_id == year_id && h.range.Contains(d)) return false;
  }
  return true;
}

std::vector<Lesson> GenerateLessons(const Structure& s, const std::vector<TimetableEntry>& entries, int64_t year_id,
                                    const std::vector<int64_t>& six_day_classes) {
  std::vector<Lesson> out;
  const AcademicYear* year = s.FindYear(year_id);
  if (!year) return out;
  // The grade of each group (its first class's grade) and its week decide its study days.
  using Regime = std::pair<int, bool>;  // grade, six days
  std::map<int64_t, Regime> regime_of;
  for (const auto& e : entries) {
    const Group* g = s.FindGroup(e.group_id);
    const SchoolClass* c = g && !g->class_ids.empty() ? s.FindClass(g->class_ids[0]) : nullptr;
    regime_of[e.group_id] = {c ? c->grade : 0, GroupStudiesSixDays(s, six_day_classes, e.group_id)};
  }
  // Study days per regime, computed once.
  std::map<Regime, std::vector<Date>> days;
  for (const auto& [group, regime] : regime_of) {
    if (days.count(regime)) continue;
    auto& list = days[regime];
    for (Date d = year->range.first; d <= year->range.last; d = d.AddDays(1)) {
      if (regime.first > 0 && IsStudyDay(s, year_id, regime.first, d, regime.second)) list.push_back(d);
    }
  }
  for (const auto& e : entries) {
    if (e.year_id != year_id) continue;
    for (Date d : days[regime_of[e.group_id]]) {
      if (d.Weekday() != e.weekday || !ParityMatches(e.parity, ParityOn(*year, d))) continue;
      Lesson l;
      l.group_id = e.group_id;
      l.date = d;
      l.number = e.number;
      l.teacher_id = e.teacher_id;
      l.room = e.room;
      l.entry_id = e.id;
      out.push_back(l);
    }
  }
  std::sort(out.begin(), out.end(), [](const Lesson& a, const Lesson& b) {
    return std::tie(a.date, a.number, a.group_id, a.entry_id) < std::tie(b.date, b.number, b.group_id, b.entry_id);
  });
  return out;
}

Regeneration RegenerateLessons(const Structure& s, const std::vector<TimetableEntry>& entries, int64_t year_id,
                               const std::vector<int64_t>& six_day_classes, const std::vector<Lesson>& current, Date from) {
  Regeneration r;
  auto key = [](const Lesson& l) { return std::make_tuple(l.date, l.number, l.group_id); };
  std::vector<Lesson> fresh = GenerateLessons(s, entries, year_id, six_day_classes);
  std::map<std::tuple<Date, int, int64_t>, const Lesson*> fresh_by_key;
  for (const auto& l : fresh) fresh_by_key[key(l)] = &l;
  std::set<std::tuple<Date, int, int64_t>> kept;
  for (const Lesson& l : current) {
    bool past = l.date < from;
    auto it = fresh_by_key.find(key(l));
    if (past || l.has_entries || it != fresh_by_key.end()) {
      Lesson copy = l;
      if (!past && it != fresh_by_key.end() && !l.has_entries) {
        // Same slot: the timetable's teacher and room now, the lesson's identity kept.
        copy.teacher_id = it->second->teacher_id;
        copy.room = it->second->room;
        copy.entry_id = it->second->entry_id;
      }
      r.lessons.push_back(copy);
      kept.insert(key(l));
    } else {
      r.removed.push_back(l);
    }
  }
  for (const Lesson& l : fresh) {
    if (l.date < from || kept.count(key(l))) continue;
    r.lessons.push_back(l);
    r.added.push_back(l);
  }
  std::sort(r.lessons.begin(), r.lessons.end(), [&](const Lesson& a, const Lesson& b) { return key(a) < key(b); });
  return r;
}

bool MayKeepLesson(const Lesson& lesson, int64_t person_id) {
  if (person_id == 0) return false;
  if (lesson.substitute_id != 0) return lesson.substitute_id == person_id;
  return lesson.teacher_id == person_id;
}

}  // namespace ej
