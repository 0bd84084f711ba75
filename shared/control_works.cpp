// The control-work schedule (ВСОКО): see control_works.h.
#include "control_works.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "control_work_load.h"
#include "json_reader.h"
#include "timetable.h"

namespace ej {
namespace {

constexpr const char* kKeyId = "id";
constexpr const char* kKeyYearId = "year_id";
constexpr const char* kKeyGroupId = "group_id";
constexpr const char* kKeyDate = "date";
constexpr const char* kKeyLessonNumber = "lesson_number";
constexpr const char* kKeyForm = "form";
constexpr const char* kKeyTitle = "title";
constexpr const char* kKeyMaxPerDay = "max_per_day";
constexpr const char* kKeyMaxPerWeekPrimary = "max_per_week_primary";
constexpr const char* kKeyMaxPerWeek = "max_per_week";
constexpr const char* kKeyCode = "code";
constexpr const char* kKeyClassId = "class_id";
constexpr const char* kKeyWorkIds = "work_ids";
constexpr const char* kKeyMessage = "message";
constexpr const char* kKeySubject = "subject";
constexpr const char* kKeyClasses = "classes";
constexpr const char* kKeyRules = "rules";
constexpr const char* kKeyWorks = "works";
constexpr const char* kKeyViolations = "violations";

Status Invalid(std::string message, std::string field) {
  return Status(ErrorCode::kValidation, std::move(message), std::move(field));
}

std::string Trimmed(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

Target GroupTarget(const Group& g) { return Target{.group_id = g.id, .class_ids = g.class_ids}; }

// Why the day is not a study day of the class, or empty if it is one.
std::string NotStudyDayReason(const Structure& s, const SchoolClass& c, Date d, bool six_day) {
  if (IsStudyDay(s, c.year_id, c.grade, d, six_day)) return {};
  std::string day = d.Russian();
  if (d.Weekday() == 7) return day + " — воскресенье.";
  if (d.Weekday() == 6 && !six_day) return day + " — суббота, а " + c.Name() + " учится пять дней в неделю.";
  for (const auto& h : s.holidays) {
    if (h.year_id == c.year_id && h.range.Contains(d)) return day + " — каникулы («" + h.name + "»).";
  }
  return day + " — вне учебных периодов " + std::to_string(c.grade) + " класса.";
}

Date MondayOf(Date d) { return d.AddDays(1 - d.Weekday()); }

// Whether the student is in the group on the day (as Structure::GroupStudents counts them,
// without building and sorting the whole list).
bool InGroupOn(const Structure& s, const Group& g, int64_t student, Date d) {
  const SchoolClass* c = s.ClassOf(student, d);
  if (!c || std::find(g.class_ids.begin(), g.class_ids.end(), c->id) == g.class_ids.end()) return false;
  if (g.kind == GroupKind::kWholeClass) return c->id == g.class_ids.front();
  return std::find(g.members.begin(), g.members.end(), student) != g.members.end();
}

}  // namespace

const std::vector<std::string_view>& ControlWorkForms() {
  static const std::vector<std::string_view> kForms = {
      "контрольная работа", "диктант",   "тест",          "сочинение",
      "изложение",          "проверочная работа", "зачёт", "практическая работа",
      "лабораторная работа", "диагностическая работа", "контрольное списывание", "комплексная работа"};
  return kForms;
}

const ControlWork* ControlWorks::Find(int64_t id) const {
  for (const auto& w : works) {
    if (w.id == id) return &w;
  }
  return nullptr;
}

// ---- [SECTION] checks ----

std::vector<ControlWorkViolation> FindControlWorkViolations(const Structure& s, const ControlWorks& cw, int64_t year_id) {
  // (class, day or Monday) → works, in date order.
  std::map<std::pair<int64_t, Date>, std::vector<const ControlWork*>> per_day, per_week;
  std::vector<const ControlWork*> works;
  for (const auto& w : cw.works) {
    if (w.year_id == year_id) works.push_back(&w);
  }
  std::stable_sort(works.begin(), works.end(), [](const ControlWork* a, const ControlWork* b) {
    return std::tie(a->date, a->lesson_number, a->id) < std::tie(b->date, b->lesson_number, b->id);
  });
  for (const ControlWork* w : works) {
    const Group* g = s.FindGroup(w->group_id);
    if (!g) continue;
    for (int64_t c : g->class_ids) {
      per_day[{c, w->date}].push_back(w);
      per_week[{c, MondayOf(w->date)}].push_back(w);
    }
  }
  // Works of subgroups of one subject count once for the class.
  auto load = [&](const std::vector<const ControlWork*>& list) {
    int n = 0;
    std::set<std::pair<int64_t, Date>> subgroup_subjects;
    for (const ControlWork* w : list) {
      const Group* g = s.FindGroup(w->group_id);
      if (g->kind == GroupKind::kSubgroup) {
        if (subgroup_subjects.insert({g->subject_id, w->date}).second) ++n;
      } else {
        ++n;
      }
    }
    return n;
  };
  auto subject_of = [&](const ControlWork* w) {
    const Group* g = s.FindGroup(w->group_id);
    const Subject* subj = g ? s.FindSubject(g->subject_id) : nullptr;
    return subj ? subj->name : std::string("?");
  };
  auto works_word = [](int n) {
    return std::to_string(n) + " " + std::string(Plural(n, "контрольная работа", "контрольные работы", "контрольных работ"));
  };
  std::vector<ControlWorkViolation> out;
  auto add = [&](const char* code, int64_t class_id, Date date, const std::vector<const ControlWork*>& list, int n,
                 int limit, bool weekly) {
    const SchoolClass* c = s.FindClass(class_id);
    ControlWorkViolation v;
    v.code = code;
    v.class_id = class_id;
    v.date = date;
    std::string subjects;
    std::set<int64_t> seen_ids;
    for (const ControlWork* w : list) {
      if (!seen_ids.insert(w->id).second) continue;
      v.work_ids.push_back(w->id);
      if (!subjects.empty()) subjects += ", ";
      subjects += subject_of(w);
      if (weekly) subjects += " (" + w->date.Russian().substr(0, 5) + ")";
    }
    std::string where = (c ? c->Name() : std::string("?")) + ", ";
    if (weekly) {
      where += "неделя " + DateRange{date, date.AddDays(6)}.Russian() + ": " + works_word(n) + " за неделю";
    } else {
      where += date.Russian() + ": " + works_word(n) + " в один день";
    }
    v.message = where + " (можно не больше " + std::to_string(limit) + "): " + subjects + ".";
    out.push_back(std::move(v));
  };
  for (const auto& [key, list] : per_day) {
    int n = load(list);
    if (n > cw.rules.max_per_day) add("per_day", key.first, key.second, list, n, cw.rules.max_per_day, false);
  }
  for (const auto& [key, list] : per_week) {
    const SchoolClass* c = s.FindClass(key.first);
    int limit = cw.rules.WeeklyLimit(c ? c->grade : 5);
    int n = load(list);
    if (n > limit) add("per_week", key.first, key.second, list, n, limit, true);
  }
  std::stable_sort(out.begin(), out.end(), [&](const ControlWorkViolation& a, const ControlWorkViolation& b) {
    const SchoolClass* ca = s.FindClass(a.class_id);
    const SchoolClass* cb = s.FindClass(b.class_id);
    auto ka = std::make_tuple(a.date, ca ? ca->grade : 0, ca ? ca->letter : std::string(), a.code);
    auto kb = std::make_tuple(b.date, cb ? cb->grade : 0, cb ? cb->letter : std::string(), b.code);
    return ka < kb;
  });
  return out;
}

std::vector<ControlWork> VisibleControlWorks(const Structure& s, const ControlWorks& cw, int64_t year_id,
                                             const Actor& actor) {
  std::vector<ControlWork> out;
  bool sees_all = Authorize(actor, Action::kReadControlWork, {}).ok();
  // The students the actor is someone to: themself and their children. The target names those
  // of them in the group on the work's day (the rest of the group does not change the answer).
  std::vector<int64_t> own(actor.children.begin(), actor.children.end());
  own.push_back(actor.person_id);
  for (const auto& w : cw.works) {
    if (w.year_id != year_id) continue;
    if (!sees_all) {
      const Group* g = s.FindGroup(w.group_id);
      if (!g) continue;
      Target t = GroupTarget(*g);
      for (int64_t student : own) {
        if (InGroupOn(s, *g, student, w.date)) t.student_ids.push_back(student);
      }
      if (!Authorize(actor, Action::kReadControlWork, t).ok()) continue;
    }
    out.push_back(w);
  }
  std::stable_sort(out.begin(), out.end(), [](const ControlWork& a, const ControlWork& b) {
    return std::tie(a.date, a.lesson_number, a.id) < std::tie(b.date, b.lesson_number, b.id);
  });
  return out;
}

// ---- [SECTION] operations ----

const std::vector<std::string_view>& ControlWorkOpKinds() {
  static const std::vector<std::string_view> kKinds = {op_kind::kControlWorkSet, op_kind::kControlWorkRemove,
                                                       op_kind::kControlWorkRules};
  return kKinds;
}

bool IsControlWorkOp(std::string_view kind) {
  const auto& kinds = ControlWorkOpKinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

protocol::Json ControlWorkSetPayload(const ControlWork& w) { return ToJson(w); }
protocol::Json ControlWorkRemovePayload(int64_t id) { return {{kKeyId, id}}; }
protocol::Json ControlWorkRulesPayload(const ControlWorkRules& r) { return ToJson(r); }

Result<ControlWorkApplied> ApplyControlWorkOp(ControlWorks& cw, const Structure& s,
                                              const std::vector<int64_t>& six_day_classes, const Operation& op,
                                              const Actor& actor) {
  ControlWorkApplied out;
  const Actor teaching = TeachingActor(s, actor);
  if (op.kind == op_kind::kControlWorkRules) {
    if (Status a = Authorize(actor, Action::kEditStructure); !a.ok()) {
      return Status(ErrorCode::kForbidden, "Нормы нагрузки контрольными работами меняют директор и заместители директора.");
    }
    auto r = ControlWorkRulesFromJson(op.payload);
    if (!r.ok()) return r.status();
    if (r->max_per_day < 1 || r->max_per_day > 5) return Invalid("Контрольных работ в день — от 1 до 5.", kKeyMaxPerDay);
    if (r->max_per_week_primary < 1 || r->max_per_week_primary > 10) {
      return Invalid("Контрольных работ в неделю в 1–4 классах — от 1 до 10.", kKeyMaxPerWeekPrimary);
    }
    if (r->max_per_week < 1 || r->max_per_week > 10) {
      return Invalid("Контрольных работ в неделю в 5–11 классах — от 1 до 10.", kKeyMaxPerWeek);
    }
    cw.rules = *r;
    out.rules_changed = true;
    return out;
  }
  if (op.kind == op_kind::kControlWorkRemove) {
    int64_t id = 0;
    JsonReader r(op.payload);
    r.Int(kKeyId, &id);
    if (!r.ok()) return r.status();
    auto it = std::find_if(cw.works.begin(), cw.works.end(), [&](const ControlWork& w) { return w.id == id; });
    if (it == cw.works.end()) return Status(ErrorCode::kNotFound, "Контрольная работа не найдена.", kKeyId);
    const Group* g = s.FindGroup(it->group_id);
    if (g) {
      if (Status a = Authorize(teaching, Action::kEditControlWork, GroupTarget(*g)); !a.ok()) return a;
    } else if (Status a = Authorize(actor, Action::kEditStructure); !a.ok()) {
      return a;
    }
    cw.works.erase(it);
    out.works_changed.push_back(id);
    return out;
  }
  if (op.kind != op_kind::kControlWorkSet) {
    return Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + op.kind + "».", "kind");
  }
  auto w = ControlWorkFromJson(op.payload);
  if (!w.ok()) return w.status();
  const AcademicYear* year = s.FindYear(w->year_id);
  if (!year) return Status(ErrorCode::kNotFound, "Учебный год не найден.", kKeyYearId);
  const Group* g = s.FindGroup(w->group_id);
  if (!g || g->year_id != w->year_id) return Status(ErrorCode::kNotFound, "Группа не найдена в этом учебном году.", kKeyGroupId);
  if (Status a = Authorize(teaching, Action::kEditControlWork, GroupTarget(*g)); !a.ok()) return a;
  ControlWork* existing = nullptr;
  if (w->id != 0) {
    auto it = std::find_if(cw.works.begin(), cw.works.end(), [&](const ControlWork& x) { return x.id == w->id; });
    if (it == cw.works.end()) return Status(ErrorCode::kNotFound, "Контрольная работа не найдена.", kKeyId);
    existing = &*it;
    if (const Group* old = s.FindGroup(existing->group_id); old && old->id != g->id) {
      if (Status a = Authorize(teaching, Action::kEditControlWork, GroupTarget(*old)); !a.ok()) return a;
    }
  }
  if (!year->range.Contains(w->date)) {
    return Invalid("Дата контрольной работы — внутри учебного года " + year->name + ".", kKeyDate);
  }
  for (int64_t class_id : g->class_ids) {
    const SchoolClass* c = s.FindClass(class_id);
    if (!c) continue;
    bool six = StudiesSixDays(six_day_classes, class_id);
    std::string reason = NotStudyDayReason(s, *c, w->date, six);
    if (!reason.empty()) return Invalid("Контрольная работа — только в учебный день: " + reason, kKeyDate);
  }
  if (w->lesson_number < 0 || w->lesson_number > kMaxLessonNumber) {
    return Invalid("Номер урока — от 1 до " + std::to_string(kMaxLessonNumber) + " (0 — пока не назначен).", kKeyLessonNumber);
  }
  w->form = Trimmed(w->form);
  w->title = Trimmed(w->title);
  if (w->form.empty()) return Invalid("Укажите форму: контрольная работа, диктант, тест …", kKeyForm);
  if (Utf8Length(w->form) > static_cast<size_t>(kMaxControlWorkFormChars)) {
    return Invalid("Форма — не длиннее " + std::to_string(kMaxControlWorkFormChars) + " символов.", kKeyForm);
  }
  if (Utf8Length(w->title) > static_cast<size_t>(kMaxControlWorkTitleChars)) {
    return Invalid("Тема контрольной работы — не длиннее " + std::to_string(kMaxControlWorkTitleChars) + " символов.",
                   kKeyTitle);
  }
  if (existing) {
    *existing = *w;
  } else {
    w->id = cw.next_id++;
    cw.works.push_back(*w);
    out.created_id = w->id;
  }
  out.works_changed.push_back(w->id);
  return out;
}

// ---- [SECTION] JSON ----

protocol::Json ToJson(const ControlWork& w) {
  return {{kKeyId, w.id},       {kKeyYearId, w.year_id},           {kKeyGroupId, w.group_id},
          {kKeyDate, w.date.Iso()}, {kKeyLessonNumber, w.lesson_number}, {kKeyForm, w.form},
          {kKeyTitle, w.title}};
}

Result<ControlWork> ControlWorkFromJson(const protocol::Json& j) {
  ControlWork w;
  std::optional<Date> date;
  int64_t number = 0;
  JsonReader r(j);
  r.Int(kKeyId, &w.id, false).Int(kKeyYearId, &w.year_id).Int(kKeyGroupId, &w.group_id).IsoDate(kKeyDate, &date);
  r.Int(kKeyLessonNumber, &number, false).String(kKeyForm, &w.form).String(kKeyTitle, &w.title, false);
  if (!r.ok()) return r.status();
  w.date = *date;
  w.lesson_number = number < -1000 || number > 1000 ? -1 : static_cast<int>(number);
  return w;
}

protocol::Json ToJson(const ControlWorkRules& r) {
  return {{kKeyMaxPerDay, r.max_per_day}, {kKeyMaxPerWeekPrimary, r.max_per_week_primary}, {kKeyMaxPerWeek, r.max_per_week}};
}

Result<ControlWorkRules> ControlWorkRulesFromJson(const protocol::Json& j) {
  int64_t day = 0, week_primary = 0, week = 0;
  JsonReader r(j);
  r.Int(kKeyMaxPerDay, &day).Int(kKeyMaxPerWeekPrimary, &week_primary).Int(kKeyMaxPerWeek, &week);
  if (!r.ok()) return r.status();
  auto clamp = [](int64_t v) { return v < -1000 || v > 1000 ? -1 : static_cast<int>(v); };
  return ControlWorkRules{clamp(day), clamp(week_primary), clamp(week)};
}

protocol::Json ToJson(const ControlWorkViolation& v) {
  return {{kKeyCode, v.code},        {kKeyClassId, v.class_id},   {kKeyDate, v.date.Iso()},
          {kKeyWorkIds, v.work_ids}, {kKeyMessage, v.message}};
}

protocol::Json ControlWorkScheduleJson(const Structure& s, const ControlWorks& cw, int64_t year_id, const Actor& actor,
                                       const ControlLoadRules& load, const Timetable& timetable) {
  protocol::Json works = protocol::Json::array();
  for (const ControlWork& w : VisibleControlWorks(s, cw, year_id, actor)) {
    protocol::Json j = ToJson(w);
    const Group* g = s.FindGroup(w.group_id);
    const Subject* subject = g ? s.FindSubject(g->subject_id) : nullptr;
    std::string classes;
    for (int64_t id : g ? g->class_ids : std::vector<int64_t>{}) {
      const SchoolClass* c = s.FindClass(id);
      if (!c) continue;
      if (!classes.empty()) classes += ", ";
      classes += c->Name();
    }
    j[kKeySubject] = subject ? subject->name : std::string();
    j[kKeyClasses] = classes;
    works.push_back(std::move(j));
  }
  protocol::Json out = {{kKeyYearId, year_id}, {kKeyRules, ToJson(cw.rules)}, {kKeyWorks, std::move(works)}};
  if (Authorize(actor, Action::kReadStructure).ok()) {
    protocol::Json violations = protocol::Json::array();
    for (const auto& v : FindAllControlWorkViolations(s, cw, load, timetable, year_id)) violations.push_back(ToJson(v));
    out[kKeyViolations] = std::move(violations);
  }
  return out;
}

}  // namespace ej
