#include "diary.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "json_reader.h"
#include "names.h"

namespace ej {

namespace {

// The student's enrollments with the days they really cover (inside the class's year).
struct Stay {
  int64_t class_id = 0;
  DateRange days;
};

std::vector<Stay> StaysOf(const Structure& s, int64_t student_id) {
  std::vector<Stay> out;
  for (const auto& e : s.enrollments) {
    if (e.student_id != student_id) continue;
    const SchoolClass* c = s.FindClass(e.class_id);
    const AcademicYear* y = c ? s.FindYear(c->year_id) : nullptr;
    if (!y) continue;
    Date first = std::max(e.from, y->range.first);
    Date last = e.to ? std::min(*e.to, y->range.last) : y->range.last;
    if (last < first) continue;
    out.push_back({e.class_id, {first, last}});
  }
  return out;
}

// The class of the student on a day, from their stays.
int64_t ClassOn(const std::vector<Stay>& stays, Date d) {
  for (const auto& st : stays) {
    if (st.days.Contains(d)) return st.class_id;
  }
  return 0;
}

bool Has(const std::vector<int64_t>& v, int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// Is the student in the group on the day? A whole-class group follows its class; another
// group holds its members while they are in one of its classes (Structure::GroupStudents).
bool InGroupOn(const Group& g, int64_t student_id, const std::vector<Stay>& stays, Date d) {
  int64_t c = ClassOn(stays, d);
  if (c == 0) return false;
  if (g.kind == GroupKind::kWholeClass) return !g.class_ids.empty() && g.class_ids[0] == c;
  return Has(g.members, student_id) && Has(g.class_ids, c);
}

// Is the student in the group on some day of the range?
bool InGroupDuring(const Group& g, int64_t student_id, const std::vector<Stay>& stays, DateRange range) {
  if (g.kind != GroupKind::kWholeClass && !Has(g.members, student_id)) return false;
  for (const auto& st : stays) {
    if (!st.days.Overlaps(range)) continue;
    if (g.kind == GroupKind::kWholeClass ? (!g.class_ids.empty() && g.class_ids[0] == st.class_id)
                                         : Has(g.class_ids, st.class_id)) {
      return true;
    }
  }
  return false;
}

std::string ShortNameOf(const Structure& s, int64_t person_id) {
  const Person* p = s.FindPerson(person_id);
  return p ? ShortName(p->name) : std::string();
}

std::string SubjectName(const Structure& s, const Group& g) {
  const Subject* subj = s.FindSubject(g.subject_id);
  return subj ? subj->name : g.name;
}

DiaryMark MarkOf(const SchoolRules& rules, const Mark& m, Date date) {
  DiaryMark d;
  d.id = m.id;
  d.date = date;
  d.value = m.value;
  d.type = m.type;
  const MarkType* t = FindMarkType(rules, m.type);
  d.type_name = t ? t->name : m.type;
  d.weight = WeightOf(rules, m.type);
  d.comment = m.comment;
  return d;
}

const BellSlot* SlotOf(const Timetable& t, int number) {
  for (const auto& b : t.bells) {
    for (const auto& slot : b.slots) {
      if (slot.number == number) return &slot;
    }
  }
  return nullptr;
}

// The date the homework of a lesson is due: its due lesson, or the group's next lesson.
std::optional<Date> DueDate(const Journal& j, const JournalLesson& l) {
  if (l.homework.due_lesson_id != 0) {
    if (const JournalLesson* due = j.FindLesson(l.homework.due_lesson_id)) return due->lesson.date;
    return std::nullopt;
  }
  for (const JournalLesson* next : j.LessonsOf(l.lesson.group_id, {l.lesson.date, l.lesson.date.AddDays(60)})) {
    if (std::tie(l.lesson.date, l.lesson.number) < std::tie(next->lesson.date, next->lesson.number)) {
      return next->lesson.date;
    }
  }
  return std::nullopt;
}

bool IsAdministration(const Actor& a) { return a.Has(Role::kHead) || a.Has(Role::kDeputy); }

}  // namespace

std::vector<int64_t> GroupsOfStudent(const Structure& s, int64_t student_id, DateRange range) {
  std::vector<Stay> stays = StaysOf(s, student_id);
  std::vector<int64_t> out;
  for (const auto& g : s.groups) {
    if (InGroupDuring(g, student_id, stays, range)) out.push_back(g.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Target DiaryTarget(const Structure& s, int64_t student_id, DateRange range) {
  Target t;
  t.student_id = student_id;
  for (const auto& st : StaysOf(s, student_id)) {
    if (st.days.Overlaps(range) && !Has(t.class_ids, st.class_id)) t.class_ids.push_back(st.class_id);
  }
  if (!t.class_ids.empty()) t.class_id = t.class_ids.front();
  t.group_ids = GroupsOfStudent(s, student_id, range);
  return t;
}

namespace {

// What BuildDiary and AuthorizeDiary share: the checks, the student's stays, class, period and
// groups, and whether the actor sees them all.
struct DiaryScope {
  const Person* student = nullptr;
  std::vector<Stay> stays;
  const SchoolClass* cls = nullptr;
  const StudyPeriod* period = nullptr;
  DateRange wide;
  std::vector<const Group*> groups;
  bool full = false;
};

Result<DiaryScope> ScopeOf(const Structure& s, const Actor& actor, int64_t student_id, DateRange range) {
  DiaryScope sc;
  sc.student = s.FindPerson(student_id);
  if (!sc.student || !sc.student->Has(Role::kStudent)) {
    return Status(ErrorCode::kNotFound, "Ученик не найден.", "student_id");
  }
  if (range.last < range.first) return Status(ErrorCode::kBadRequest, "Конец периода раньше начала.", "to");
  if (range.last.Days() - range.first.Days() + 1 > kMaxDiaryDays) {
    return Status(ErrorCode::kBadRequest, "Дневник показывается не больше чем за 100 дней.", "to");
  }
  sc.stays = StaysOf(s, student_id);
  // The study period the subjects cover: the one of the student's grade containing the first
  // day (or the last), else the range itself.
  for (const auto& st : sc.stays) {
    if (st.days.Overlaps(range)) sc.cls = s.FindClass(st.class_id);
    if (st.days.Contains(range.first)) break;
  }
  int grade = sc.cls ? sc.cls->grade : 0;
  sc.period = sc.cls ? PeriodOf(s, grade, range.first) : nullptr;
  if (!sc.period && sc.cls) sc.period = PeriodOf(s, grade, range.last);
  DateRange period_range = sc.period ? sc.period->range : range;
  sc.wide = {std::min(range.first, period_range.first), std::max(range.last, period_range.last)};

  Target target;
  target.student_id = student_id;
  for (const auto& st : sc.stays) {
    if (st.days.Overlaps(sc.wide) && !Has(target.class_ids, st.class_id)) target.class_ids.push_back(st.class_id);
  }
  for (const auto& g : s.groups) {
    if (InGroupDuring(g, student_id, sc.stays, sc.wide)) {
      sc.groups.push_back(&g);
      target.group_ids.push_back(g.id);
    }
  }
  if (Status a = Authorize(actor, Action::kReadDiary, target); !a.ok()) return a;
  // Everything for the administration, the student, a parent and the class teacher; a teacher
  // only the groups they teach.
  sc.full = IsAdministration(actor) || actor.person_id == student_id || actor.children.count(student_id) > 0;
  for (int64_t c : target.class_ids) sc.full = sc.full || actor.led_classes.count(c) > 0;
  if (!sc.full) {
    std::erase_if(sc.groups, [&](const Group* g) { return actor.taught_groups.count(g->id) == 0; });
  }
  return sc;
}

}  // namespace

Result<bool> AuthorizeDiary(const Structure& s, const Actor& actor, int64_t student_id, DateRange range) {
  auto sc = ScopeOf(s, actor, student_id, range);
  if (!sc.ok()) return sc.status();
  return sc->full;
}

namespace {

std::string FullNameOf(const Structure& s, int64_t person_id) {
  const Person* p = s.FindPerson(person_id);
  return p ? FullName(p->name) : std::string();
}

// The class's teachers, the control-work schedule of the period, the recommendations and the
// informing feed: everything the diary shows besides days and subjects.
void AddDiaryExtras(const DiarySources& src, const DiaryScope& scope, DiaryView& view) {
  const Structure& s = src.structure;
  if (scope.cls && scope.cls->teacher_id != 0) view.class_teacher = FullNameOf(s, scope.cls->teacher_id);
  std::map<int64_t, std::string> subject_of;  // the groups shown
  for (const Group* g : scope.groups) subject_of[g->id] = SubjectName(s, *g);
  // Teachers by the workload of the groups shown.
  for (const auto& w : s.workload) {
    auto it = subject_of.find(w.group_id);
    if (it == subject_of.end()) continue;
    DiaryTeacher t{it->second, FullNameOf(s, w.teacher_id)};
    if (t.name.empty() || std::find(view.teachers.begin(), view.teachers.end(), t) != view.teachers.end()) continue;
    view.teachers.push_back(std::move(t));
  }
  std::sort(view.teachers.begin(), view.teachers.end(), [](const DiaryTeacher& a, const DiaryTeacher& b) {
    return std::tie(a.subject, a.name) < std::tie(b.subject, b.name);
  });
  // The control-work schedule of the period (and of the days shown).
  for (const ControlWork& w : src.control_works.works) {
    auto it = subject_of.find(w.group_id);
    if (it == subject_of.end()) continue;
    if (!view.period_range.Contains(w.date) && !view.range.Contains(w.date)) continue;
    view.control_works.push_back({w.date, w.lesson_number, it->second, w.form, w.title});
  }
  std::sort(view.control_works.begin(), view.control_works.end(),
            [](const DiaryControlWork& a, const DiaryControlWork& b) {
              return std::tie(a.date, a.number, a.subject) < std::tie(b.date, b.number, b.subject);
            });
  // Recommendations of the groups shown.
  if (src.recommendations) {
    for (const Recommendation* r : src.recommendations->Of(view.student_id)) {
      auto it = subject_of.find(r->group_id);
      if (it == subject_of.end()) continue;
      view.recommendations.push_back({r->id, r->date, it->second, ShortNameOf(s, r->author_id), r->text, false});
    }
  }
  // The feed: substitutions, moves and control works of the days shown.
  auto nth = [](int n) { return std::to_string(n) + "-й урок"; };
  for (const DiaryDay& day : view.days) {
    for (const DiaryLesson& l : day.lessons) {
      if (l.substituted) {
        view.feed.push_back({day.date, l.number, "substitution",
                             l.subject + ", " + nth(l.number) + ": замена\u00A0— ведёт " + l.substitute, l.lesson_id,
                             l.group_id, false});
      }
      if (l.moved) {
        view.feed.push_back({day.date, l.number, "move",
                             l.subject + ": урок перенесён на\u00A0" + day.date.Russian() + ", " + nth(l.number),
                             l.lesson_id, l.group_id, false});
      }
      if (!l.control_work.empty()) {
        std::string text = l.subject + ", " + nth(l.number) + ": " + l.control_work;
        if (!l.control_work_title.empty()) text += " «" + l.control_work_title + "»";
        view.feed.push_back({day.date, l.number, "control_work", std::move(text), l.lesson_id, l.group_id, false});
      }
    }
  }
}

}  // namespace

Result<DiaryView> BuildDiary(const DiarySources& src, const Actor& actor, int64_t student_id, DateRange range) {
  const Structure& s = src.structure;
  const Journal& j = src.journal;
  auto scope = ScopeOf(s, actor, student_id, range);
  if (!scope.ok()) return scope.status();
  const std::vector<Stay>& stays = scope->stays;
  const std::vector<const Group*>& groups = scope->groups;
  const SchoolClass* cls = scope->cls;
  const StudyPeriod* period = scope->period;
  const DateRange wide = scope->wide;
  int grade = cls ? cls->grade : 0;
  DiaryView view;
  view.student_id = student_id;
  view.student = FullName(scope->student->name);
  view.range = range;
  if (cls) view.class_name = cls->Name();
  view.period_range = period ? period->range : range;
  view.period = period ? period->name : range.Russian();
  view.partial = !scope->full;

  // Holidays.
  for (const auto& h : s.holidays) {
    if (h.range.Overlaps(range)) view.holidays.push_back({h.name, h.range});
  }
  std::sort(view.holidays.begin(), view.holidays.end(),
            [](const DiaryHoliday& a, const DiaryHoliday& b) { return a.range.first < b.range.first; });

  // Days.
  for (Date d = range.first; d <= range.last; d = d.AddDays(1)) {
    DiaryDay day;
    day.date = d;
    for (const auto& h : view.holidays) {
      if (h.range.Contains(d)) day.holiday = h.name;
    }
    view.days.push_back(std::move(day));
  }
  // One pass over each group's lessons of the range and the period: the days' lessons and the
  // subject's marks (each lesson's marks are looked at once).
  std::string system_id(GradingSystemIdForGrade(src.rules, grade));
  for (const Group* g : groups) {
    DiarySubject subj;
    subj.group_id = g->id;
    subj.subject = SubjectName(s, *g);
    for (const auto& w : s.workload) {
      if (w.group_id == g->id) {
        subj.teacher = ShortNameOf(s, w.teacher_id);
        break;
      }
    }
    std::vector<const Mark*> period_marks;
    for (const JournalLesson* jl : j.LessonsOf(g->id, wide)) {
      const Lesson& l = jl->lesson;
      bool in_days = range.Contains(l.date);
      bool in_period = view.period_range.Contains(l.date);
      std::vector<const Mark*> marks;
      for (const Mark* m : j.MarksOf(l.id)) {
        if (m->student_id == student_id) marks.push_back(m);
      }
      if (in_period) {
        for (const Mark* m : marks) {
          period_marks.push_back(m);
          subj.marks.push_back(MarkOf(src.rules, *m, l.date));
        }
      }
      if (!in_days || !InGroupOn(*g, student_id, stays, l.date)) continue;
      DiaryLesson out;
      out.lesson_id = l.id;
      out.group_id = g->id;
      out.number = l.number;
      if (const BellSlot* slot = SlotOf(src.timetable, l.number)) {
        out.start = slot->start.Text();
        out.end = slot->end.Text();
      }
      out.subject = subj.subject;
      out.teacher = ShortNameOf(s, l.substitute_id != 0 ? l.substitute_id : l.teacher_id);
      out.room = l.room;
      out.topic = jl->topic;
      if (!jl->homework.text.empty()) {
        out.homework = jl->homework.text;
        out.homework_minutes = jl->homework.minutes;
        out.homework_due = DueDate(j, *jl);
      }
      for (const Mark* m : marks) out.marks.push_back(MarkOf(src.rules, *m, l.date));
      if (const AttendanceMark* a = j.FindAttendance(l.id, student_id)) out.attendance = a->code;
      if (l.substitute_id != 0) {
        out.substituted = true;
        out.substitute = ShortNameOf(s, l.substitute_id);
      }
      out.moved = jl->moved;
      view.days[static_cast<size_t>(l.date.Days() - range.first.Days())].lessons.push_back(std::move(out));
    }
    if (auto avg = WeightedAverageOf(src.rules, system_id, period_marks)) subj.average = FormatAverage(*avg);
    for (auto it = j.finals.lower_bound(FinalKey{g->id, student_id, FinalKind::kPeriod, 0});
         it != j.finals.end() && it->first.group_id == g->id && it->first.student_id == student_id; ++it) {
      DiaryFinal f;
      f.kind = std::string(FinalKindCode(it->first.kind));
      f.period = std::string(FinalKindTitle(it->first.kind));
      for (const auto& p : s.periods) {
        if (p.id == it->first.period_id) f.period = p.name;
      }
      f.value = it->second.value;
      subj.finals.push_back(std::move(f));
    }
    view.subjects.push_back(std::move(subj));
  }
  // Control works: on the lesson of their number, or the group's first lesson that day.
  for (const ControlWork& w : src.control_works.works) {
    if (!range.Contains(w.date)) continue;
    auto& lessons = view.days[static_cast<size_t>(w.date.Days() - range.first.Days())].lessons;
    DiaryLesson* hit = nullptr;
    for (auto& l : lessons) {
      if (l.group_id != w.group_id) continue;
      if (w.lesson_number == l.number) {
        hit = &l;
        break;
      }
      if (w.lesson_number == 0 && (!hit || l.number < hit->number)) hit = &l;
    }
    if (hit) {
      hit->control_work = w.form;
      hit->control_work_title = w.title;
    }
  }
  for (auto& day : view.days) {
    std::sort(day.lessons.begin(), day.lessons.end(), [](const DiaryLesson& a, const DiaryLesson& b) {
      return std::tie(a.number, a.subject, a.group_id) < std::tie(b.number, b.subject, b.group_id);
    });
  }

  std::sort(view.subjects.begin(), view.subjects.end(), [](const DiarySubject& a, const DiarySubject& b) {
    return std::tie(a.subject, a.group_id) < std::tie(b.subject, b.group_id);
  });
  AddDiaryExtras(src, *scope, view);
  return view;
}

std::vector<ChildInfo> ChildrenOf(const Structure& s, const Actor& actor, Date day) {
  std::vector<int64_t> ids(actor.children.begin(), actor.children.end());
  if (actor.Has(Role::kStudent) && actor.person_id != 0) ids.push_back(actor.person_id);
  std::vector<ChildInfo> out;
  for (int64_t id : ids) {
    const Person* p = s.FindPerson(id);
    if (!p) continue;
    ChildInfo c;
    c.student_id = id;
    c.name = FullName(p->name);
    const SchoolClass* cls = s.ClassOf(id, day);
    if (!cls) {
      // Between years or in the holidays: the latest class the student was in.
      const std::vector<Stay> stays = StaysOf(s, id);
      for (const auto& st : stays) {
        if (st.days.first <= day) cls = s.FindClass(st.class_id);
      }
    }
    if (cls) c.class_name = cls->Name();
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const ChildInfo& a, const ChildInfo& b) {
    return std::tie(a.name, a.student_id) < std::tie(b.name, b.student_id);
  });
  return out;
}

// ---- [SECTION] what is new ----

const std::vector<std::string_view>& DiaryNewsKinds() {
  static const std::vector<std::string_view> kKinds = {
      op_kind::kMarkAdd,        op_kind::kMarkSet,        op_kind::kLessonSetHomework, op_kind::kLessonSubstitute,
      op_kind::kLessonMove,     op_kind::kControlWorkSet, op_kind::kRecommendationAdd};
  return kKinds;
}

int MarkNewSince(DiaryView& view, const std::vector<Operation>& since) {
  std::set<std::string> marks, recommendations;
  std::set<int64_t> lessons;
  std::set<std::pair<int64_t, int64_t>> works;  // (group, day)
  for (const Operation& op : since) {
    const protocol::Json& p = op.payload;
    auto int_of = [&](const char* key) -> int64_t {
      auto it = p.is_object() ? p.find(key) : p.end();
      return it != p.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
    };
    if (op.kind == op_kind::kMarkAdd) {
      marks.insert(op.op_id);
    } else if (op.kind == op_kind::kMarkSet) {
      if (p.is_object() && p.contains("mark_id") && p["mark_id"].is_string()) marks.insert(p["mark_id"].get<std::string>());
    } else if (op.kind == op_kind::kLessonSetHomework || op.kind == op_kind::kLessonSubstitute ||
               op.kind == op_kind::kLessonMove) {
      lessons.insert(int_of("lesson_id"));
    } else if (op.kind == op_kind::kControlWorkSet) {
      std::optional<Date> d;
      if (p.is_object() && p.contains("date") && p["date"].is_string()) d = Date::ParseIso(p["date"].get<std::string>());
      if (d) works.insert({int_of("group_id"), d->Days()});
    } else if (op.kind == op_kind::kRecommendationAdd) {
      recommendations.insert(op.op_id);
    }
  }
  int n = 0;
  auto flag = [&](bool hit, bool* out) {
    *out = hit;
    n += hit;
  };
  for (auto& day : view.days) {
    for (auto& l : day.lessons) {
      flag(lessons.count(l.lesson_id) > 0, &l.is_new);
      for (auto& m : l.marks) flag(marks.count(m.id) > 0, &m.is_new);
    }
  }
  for (auto& subj : view.subjects) {
    for (auto& m : subj.marks) m.is_new = marks.count(m.id) > 0;  // the same marks: counted once above
  }
  for (auto& r : view.recommendations) flag(recommendations.count(r.id) > 0, &r.is_new);
  for (auto& f : view.feed) {
    bool hit = f.kind == "control_work" ? works.count({f.group_id, f.date.Days()}) > 0 : lessons.count(f.lesson_id) > 0;
    f.is_new = hit;  // its lesson is counted already
    if (hit && f.kind == "control_work") ++n;
  }
  view.new_count = n;
  return n;
}

// ---- [SECTION] JSON ----

namespace {

using protocol::Json;

Json ToJson(const DiaryMark& m) {
  return Json{{"id", m.id},     {"date", m.date.Iso()}, {"value", m.value},     {"type", m.type},
              {"type_name", m.type_name}, {"weight", m.weight}, {"comment", m.comment}, {"new", m.is_new}};
}

Status Read(const Json& j, DiaryMark* m) {
  if (!j.is_object()) return Status(ErrorCode::kBadRequest, "Отметка дневника должна быть объектом.");
  std::optional<Date> date;
  int64_t weight = 1;
  JsonReader r(j);
  r.String("id", &m->id).IsoDate("date", &date).String("value", &m->value).String("type", &m->type);
  r.String("type_name", &m->type_name).Int("weight", &weight).String("comment", &m->comment, false);
  r.Bool("new", &m->is_new, false);
  if (!r.ok()) return r.status();
  m->date = *date;
  m->weight = static_cast<int>(weight);
  return Status::Ok();
}

Status ReadMarks(const Json* arr, std::vector<DiaryMark>* out) {
  for (const auto& x : *arr) {
    DiaryMark m;
    if (Status s = Read(x, &m); !s.ok()) return s;
    out->push_back(std::move(m));
  }
  return Status::Ok();
}

Json MarksJson(const std::vector<DiaryMark>& marks) {
  Json a = Json::array();
  for (const auto& m : marks) a.push_back(ToJson(m));
  return a;
}

Json ToJson(const DiaryLesson& l) {
  Json j{{"lesson_id", l.lesson_id},   {"group_id", l.group_id}, {"number", l.number},
         {"start", l.start},           {"end", l.end},           {"subject", l.subject},
         {"teacher", l.teacher},       {"room", l.room},         {"topic", l.topic},
         {"homework", l.homework},     {"homework_minutes", l.homework_minutes},
         {"homework_due", l.homework_due ? l.homework_due->Iso() : std::string()},
         {"marks", MarksJson(l.marks)}, {"attendance", l.attendance},
         {"substituted", l.substituted}, {"substitute", l.substitute}, {"moved", l.moved},
         {"control_work", l.control_work}, {"control_work_title", l.control_work_title}, {"new", l.is_new}};
  return j;
}

Status Read(const Json& j, DiaryLesson* l) {
  if (!j.is_object()) return Status(ErrorCode::kBadRequest, "Урок дневника должен быть объектом.");
  int64_t number = 0, minutes = 0;
  const Json* marks = nullptr;
  JsonReader r(j);
  r.Int("lesson_id", &l->lesson_id).Int("group_id", &l->group_id).Int("number", &number);
  r.String("start", &l->start).String("end", &l->end).String("subject", &l->subject);
  r.String("teacher", &l->teacher).String("room", &l->room).String("topic", &l->topic);
  r.String("homework", &l->homework).Int("homework_minutes", &minutes).IsoDate("homework_due", &l->homework_due, false);
  r.Array("marks", &marks).String("attendance", &l->attendance).Bool("substituted", &l->substituted);
  r.String("substitute", &l->substitute).Bool("moved", &l->moved).String("control_work", &l->control_work);
  r.String("control_work_title", &l->control_work_title).Bool("new", &l->is_new, false);
  if (!r.ok()) return r.status();
  l->number = static_cast<int>(number);
  l->homework_minutes = static_cast<int>(minutes);
  return ReadMarks(marks, &l->marks);
}

Json RangeJson(const DateRange& r) { return Json{{"from", r.first.Iso()}, {"to", r.last.Iso()}}; }

Status ReadRange(const Json& j, DateRange* out) {
  std::optional<Date> from, to;
  JsonReader r(j);
  r.IsoDate("from", &from).IsoDate("to", &to);
  if (!r.ok()) return r.status();
  *out = {*from, *to};
  return Status::Ok();
}

}  // namespace

Json ToJson(const DiaryView& d) {
  Json days = Json::array();
  for (const auto& day : d.days) {
    Json lessons = Json::array();
    for (const auto& l : day.lessons) lessons.push_back(ToJson(l));
    days.push_back({{"date", day.date.Iso()}, {"holiday", day.holiday}, {"lessons", std::move(lessons)}});
  }
  Json subjects = Json::array();
  for (const auto& s : d.subjects) {
    Json finals = Json::array();
    for (const auto& f : s.finals) finals.push_back({{"kind", f.kind}, {"period", f.period}, {"value", f.value}});
    subjects.push_back({{"group_id", s.group_id},
                        {"subject", s.subject},
                        {"teacher", s.teacher},
                        {"marks", MarksJson(s.marks)},
                        {"average", s.average},
                        {"finals", std::move(finals)}});
  }
  Json holidays = Json::array();
  for (const auto& h : d.holidays) {
    Json x = RangeJson(h.range);
    x["name"] = h.name;
    holidays.push_back(std::move(x));
  }
  Json j = RangeJson(d.range);
  j["student_id"] = d.student_id;
  j["student"] = d.student;
  j["class"] = d.class_name;
  j["days"] = std::move(days);
  j["period"] = d.period;
  j["period_range"] = RangeJson(d.period_range);
  j["subjects"] = std::move(subjects);
  j["holidays"] = std::move(holidays);
  j["partial"] = d.partial;
  j["class_teacher"] = d.class_teacher;
  Json teachers = Json::array();
  for (const auto& t : d.teachers) teachers.push_back({{"subject", t.subject}, {"name", t.name}});
  j["teachers"] = std::move(teachers);
  Json works = Json::array();
  for (const auto& w : d.control_works) {
    works.push_back({{"date", w.date.Iso()}, {"number", w.number}, {"subject", w.subject}, {"form", w.form}, {"title", w.title}});
  }
  j["control_works"] = std::move(works);
  Json recs = Json::array();
  for (const auto& r : d.recommendations) {
    recs.push_back({{"id", r.id}, {"date", r.date.Iso()}, {"subject", r.subject}, {"teacher", r.teacher},
                    {"text", r.text}, {"new", r.is_new}});
  }
  j["recommendations"] = std::move(recs);
  Json feed = Json::array();
  for (const auto& f : d.feed) {
    feed.push_back({{"date", f.date.Iso()}, {"number", f.number}, {"kind", f.kind}, {"text", f.text},
                    {"lesson_id", f.lesson_id}, {"group_id", f.group_id}, {"new", f.is_new}});
  }
  j["feed"] = std::move(feed);
  j["new_count"] = d.new_count;
  return j;
}

namespace {

// The teachers, control works, recommendations, feed and count of new items (optional: an
// answer of an older server has none).
Status ReadDiaryExtras(const Json& j, DiaryView* d) {
  const Json *teachers = nullptr, *works = nullptr, *recs = nullptr, *feed = nullptr;
  int64_t new_count = 0;
  JsonReader r(j);
  r.String("class_teacher", &d->class_teacher, false).Array("teachers", &teachers, false);
  r.Array("control_works", &works, false).Array("recommendations", &recs, false).Array("feed", &feed, false);
  r.Int("new_count", &new_count, false);
  if (!r.ok()) return r.status();
  d->new_count = static_cast<int>(new_count);
  auto bad = [](const char* what) { return Status(ErrorCode::kBadRequest, std::string(what) + " должен быть объектом."); };
  if (teachers) {
    for (const auto& x : *teachers) {
      if (!x.is_object()) return bad("Учитель");
      DiaryTeacher t;
      JsonReader tr(x);
      tr.String("subject", &t.subject).String("name", &t.name);
      if (!tr.ok()) return tr.status();
      d->teachers.push_back(std::move(t));
    }
  }
  if (works) {
    for (const auto& x : *works) {
      if (!x.is_object()) return bad("Контрольная работа");
      DiaryControlWork w;
      std::optional<Date> date;
      int64_t number = 0;
      JsonReader wr(x);
      wr.IsoDate("date", &date).Int("number", &number).String("subject", &w.subject).String("form", &w.form);
      wr.String("title", &w.title, false);
      if (!wr.ok()) return wr.status();
      w.date = *date;
      w.number = static_cast<int>(number);
      d->control_works.push_back(std::move(w));
    }
  }
  if (recs) {
    for (const auto& x : *recs) {
      if (!x.is_object()) return bad("Рекомендация");
      DiaryRecommendation rec;
      std::optional<Date> date;
      JsonReader rr(x);
      rr.String("id", &rec.id).IsoDate("date", &date).String("subject", &rec.subject).String("teacher", &rec.teacher);
      rr.String("text", &rec.text).Bool("new", &rec.is_new, false);
      if (!rr.ok()) return rr.status();
      rec.date = *date;
      d->recommendations.push_back(std::move(rec));
    }
  }
  if (feed) {
    for (const auto& x : *feed) {
      if (!x.is_object()) return bad("Изменение");
      DiaryFeedItem f;
      std::optional<Date> date;
      int64_t number = 0;
      JsonReader fr(x);
      fr.IsoDate("date", &date).Int("number", &number).String("kind", &f.kind).String("text", &f.text);
      fr.Int("lesson_id", &f.lesson_id, false).Int("group_id", &f.group_id, false).Bool("new", &f.is_new, false);
      if (!fr.ok()) return fr.status();
      f.date = *date;
      f.number = static_cast<int>(number);
      d->feed.push_back(std::move(f));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DiaryView> DiaryViewFromJson(const Json& j) {
  if (!j.is_object()) return Status(ErrorCode::kBadRequest, "Дневник должен быть объектом.");
  DiaryView d;
  const Json *days = nullptr, *period_range = nullptr, *subjects = nullptr, *holidays = nullptr;
  JsonReader r(j);
  r.Int("student_id", &d.student_id).String("student", &d.student).String("class", &d.class_name);
  r.Array("days", &days).String("period", &d.period).Object("period_range", &period_range);
  r.Array("subjects", &subjects).Array("holidays", &holidays).Bool("partial", &d.partial);
  if (!r.ok()) return r.status();
  if (Status s = ReadRange(j, &d.range); !s.ok()) return s;
  if (Status s = ReadRange(*period_range, &d.period_range); !s.ok()) return s;
  for (const auto& x : *days) {
    if (!x.is_object()) return Status(ErrorCode::kBadRequest, "День дневника должен быть объектом.");
    DiaryDay day;
    std::optional<Date> date;
    const Json* lessons = nullptr;
    JsonReader dr(x);
    dr.IsoDate("date", &date).String("holiday", &day.holiday).Array("lessons", &lessons);
    if (!dr.ok()) return dr.status();
    day.date = *date;
    for (const auto& lj : *lessons) {
      DiaryLesson l;
      if (Status s = Read(lj, &l); !s.ok()) return s;
      day.lessons.push_back(std::move(l));
    }
    d.days.push_back(std::move(day));
  }
  for (const auto& x : *subjects) {
    if (!x.is_object()) return Status(ErrorCode::kBadRequest, "Предмет дневника должен быть объектом.");
    DiarySubject s;
    const Json *marks = nullptr, *finals = nullptr;
    JsonReader sr(x);
    sr.Int("group_id", &s.group_id).String("subject", &s.subject).String("teacher", &s.teacher);
    sr.Array("marks", &marks).String("average", &s.average).Array("finals", &finals);
    if (!sr.ok()) return sr.status();
    if (Status st = ReadMarks(marks, &s.marks); !st.ok()) return st;
    for (const auto& fj : *finals) {
      if (!fj.is_object()) return Status(ErrorCode::kBadRequest, "Итоговая отметка должна быть объектом.");
      DiaryFinal f;
      JsonReader fr(fj);
      fr.String("kind", &f.kind).String("period", &f.period).String("value", &f.value);
      if (!fr.ok()) return fr.status();
      s.finals.push_back(std::move(f));
    }
    d.subjects.push_back(std::move(s));
  }
  for (const auto& x : *holidays) {
    if (!x.is_object()) return Status(ErrorCode::kBadRequest, "Каникулы должны быть объектом.");
    DiaryHoliday h;
    JsonReader hr(x);
    hr.String("name", &h.name);
    if (!hr.ok()) return hr.status();
    if (Status s = ReadRange(x, &h.range); !s.ok()) return s;
    d.holidays.push_back(std::move(h));
  }
  if (Status st = ReadDiaryExtras(j, &d); !st.ok()) return st;
  return d;
}

Json ToJson(const std::vector<ChildInfo>& children) {
  Json a = Json::array();
  for (const auto& c : children) a.push_back({{"student_id", c.student_id}, {"name", c.name}, {"class", c.class_name}});
  return Json{{"children", std::move(a)}};
}

Result<std::vector<ChildInfo>> ChildrenFromJson(const Json& j) {
  if (!j.is_object()) return Status(ErrorCode::kBadRequest, "Список детей должен быть объектом.");
  const Json* arr = nullptr;
  JsonReader r(j);
  r.Array("children", &arr);
  if (!r.ok()) return r.status();
  std::vector<ChildInfo> out;
  for (const auto& x : *arr) {
    if (!x.is_object()) return Status(ErrorCode::kBadRequest, "Ребёнок в списке должен быть объектом.");
    ChildInfo c;
    JsonReader cr(x);
    cr.Int("student_id", &c.student_id).String("name", &c.name).String("class", &c.class_name);
    if (!cr.ok()) return cr.status();
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace ej
