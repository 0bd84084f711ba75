// The structure's model, queries and JSON snapshot. Operations are in structure_ops.cpp.
#include "structure.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "json_reader.h"
#include "structure_keys.h"
#include "text.h"

namespace ej {
namespace {

using namespace structure_keys;

std::string SexCode(char sex) { return sex == 'm' ? "m" : sex == 'f' ? "f" : ""; }

protocol::Json RangeJson(const DateRange& r, protocol::Json j) {
  j[kKeyFirst] = r.first.Iso();
  j[kKeyLast] = r.last.Iso();
  return j;
}

}  // namespace

Status ReadDateRange(const protocol::Json& j, DateRange* out) {
  JsonReader r(j);
  std::optional<Date> first, last;
  r.IsoDate(kKeyFirst, &first).IsoDate(kKeyLast, &last);
  if (!r.ok()) return r.status();
  *out = DateRange{*first, *last};
  return Status::Ok();
}

// ---- model ----

namespace {

struct GroupKindInfo {
  GroupKind kind;
  std::string_view code;
  std::string_view title;
};
constexpr GroupKindInfo kGroupKinds[] = {
    {GroupKind::kWholeClass, "class", "класс"},      {GroupKind::kSubgroup, "subgroup", "подгруппа"},
    {GroupKind::kProfile, "profile", "профильная группа"}, {GroupKind::kElective, "elective", "элективный курс"},
    {GroupKind::kClub, "club", "кружок"},             {GroupKind::kProject, "project", "проектная группа"},
};

}  // namespace

std::string_view GroupKindCode(GroupKind k) { return kGroupKinds[static_cast<int>(k)].code; }
std::string_view GroupKindTitle(GroupKind k) { return kGroupKinds[static_cast<int>(k)].title; }
std::optional<GroupKind> GroupKindFromCode(std::string_view code) {
  for (const auto& g : kGroupKinds) {
    if (g.code == code) return g.kind;
  }
  return std::nullopt;
}

std::string_view IupModeCode(IupMode m) { return m == IupMode::kAdd ? "add" : "replace"; }
std::optional<IupMode> IupModeFromCode(std::string_view code) {
  if (code == "add") return IupMode::kAdd;
  if (code == "replace") return IupMode::kReplace;
  return std::nullopt;
}

std::string SchoolClass::Name() const { return std::to_string(grade) + letter; }

bool Person::Has(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

// ---- Structure queries ----

const AcademicYear* Structure::FindYear(int64_t id) const {
  for (const auto& y : years) {
    if (y.id == id) return &y;
  }
  return nullptr;
}

const Subject* Structure::FindSubject(int64_t id) const {
  for (const auto& x : subjects) {
    if (x.id == id) return &x;
  }
  return nullptr;
}

const Group* Structure::FindGroup(int64_t id) const {
  for (const auto& g : groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

double Structure::CurriculumHours(int64_t year_id, int grade, int64_t subject_id) const {
  for (const auto& l : curriculum) {
    if (l.year_id == year_id && l.grade == grade && l.subject_id == subject_id && l.profile.empty()) return l.hours;
  }
  return 0;
}

std::vector<int64_t> Structure::GroupStudents(int64_t group_id, Date d) const {
  const Group* g = FindGroup(group_id);
  if (!g) return {};
  if (g->kind == GroupKind::kWholeClass) return g->class_ids.empty() ? std::vector<int64_t>{} : StudentsOf(g->class_ids[0], d);
  std::vector<int64_t> out;
  for (int64_t id : g->members) {
    const SchoolClass* c = ClassOf(id, d);
    if (c && std::find(g->class_ids.begin(), g->class_ids.end(), c->id) != g->class_ids.end()) out.push_back(id);
  }
  return out;
}

double Structure::GroupWorkloadHours(int64_t group_id) const {
  double sum = 0;
  for (const auto& w : workload) {
    if (w.group_id == group_id) sum += w.hours;
  }
  return sum;
}

const SchoolClass* Structure::FindClass(int64_t id) const {
  for (const auto& c : classes) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Person* Structure::FindPerson(int64_t id) const {
  auto it = persons.find(id);
  return it == persons.end() ? nullptr : &it->second;
}

const AcademicYear* Structure::YearOf(Date d) const {
  for (const auto& y : years) {
    if (y.range.Contains(d)) return &y;
  }
  return nullptr;
}

bool Structure::Covers(const Enrollment& e, Date d) const {
  if (!e.CoversDay(d)) return false;
  const SchoolClass* c = FindClass(e.class_id);
  const AcademicYear* y = c ? FindYear(c->year_id) : nullptr;
  return y && y->range.Contains(d);
}

const SchoolClass* Structure::ClassOf(int64_t student_id, Date d) const {
  for (const auto& e : enrollments) {
    if (e.student_id == student_id && Covers(e, d)) return FindClass(e.class_id);
  }
  return nullptr;
}

namespace {

void SortByName(const Structure& s, std::vector<int64_t>& ids) {
  std::sort(ids.begin(), ids.end(), [&](int64_t a, int64_t b) {
    const Person* pa = s.FindPerson(a);
    const Person* pb = s.FindPerson(b);
    std::string na = pa ? FullName(pa->name) : std::string();
    std::string nb = pb ? FullName(pb->name) : std::string();
    auto ka = CollationKey(na), kb = CollationKey(nb);
    return ka != kb ? ka < kb : a < b;
  });
}

}  // namespace

std::vector<int64_t> Structure::StudentsOf(int64_t class_id, Date d) const {
  std::vector<int64_t> ids;
  for (const auto& e : enrollments) {
    if (e.class_id == class_id && Covers(e, d)) ids.push_back(e.student_id);
  }
  SortByName(*this, ids);
  return ids;
}

std::vector<int64_t> Structure::StudentsEverIn(int64_t class_id) const {
  std::vector<int64_t> ids;
  for (const auto& e : enrollments) {
    if (e.class_id == class_id && std::find(ids.begin(), ids.end(), e.student_id) == ids.end()) {
      ids.push_back(e.student_id);
    }
  }
  SortByName(*this, ids);
  return ids;
}

std::vector<const SchoolClass*> Structure::ClassesOf(int64_t year_id) const {
  std::vector<const SchoolClass*> out;
  for (const auto& c : classes) {
    if (c.year_id == year_id) out.push_back(&c);
  }
  std::sort(out.begin(), out.end(), [](const SchoolClass* a, const SchoolClass* b) {
    if (a->grade != b->grade) return a->grade < b->grade;
    return CollationKey(a->letter) < CollationKey(b->letter);
  });
  return out;
}

const SchoolClass* Structure::ClassLedBy(int64_t person_id, int64_t year_id) const {
  for (const auto& c : classes) {
    if (c.year_id == year_id && c.teacher_id == person_id && person_id != 0) return &c;
  }
  return nullptr;
}

const SchoolClass* Structure::ClassInYear(int64_t student_id, int64_t year_id) const {
  const Enrollment* latest = nullptr;
  for (const auto& e : enrollments) {
    if (e.student_id != student_id) continue;
    const SchoolClass* c = FindClass(e.class_id);
    if (c && c->year_id == year_id && (!latest || latest->from < e.from)) latest = &e;
  }
  return latest ? FindClass(latest->class_id) : nullptr;
}

std::vector<IupLine> Structure::IupOf(int64_t student_id, int64_t year_id) const {
  std::vector<IupLine> out;
  for (const auto& l : iup) {
    if (l.student_id == student_id && l.year_id == year_id) out.push_back(l);
  }
  return out;
}

std::vector<StudentPlanLine> Structure::StudentPlan(int64_t student_id, int64_t year_id) const {
  std::vector<StudentPlanLine> out;
  const SchoolClass* c = ClassInYear(student_id, year_id);
  if (!c) return out;
  for (const auto& l : curriculum) {
    if (l.year_id == year_id && l.grade == c->grade && l.profile.empty()) {
      out.push_back({l.subject_id, l.hours, std::nullopt, l.hours});
    }
  }
  for (const auto& own : IupOf(student_id, year_id)) {
    auto it = std::find_if(out.begin(), out.end(), [&](const StudentPlanLine& x) { return x.subject_id == own.subject_id; });
    if (it == out.end()) it = out.insert(out.end(), StudentPlanLine{own.subject_id, 0, std::nullopt, 0});
    it->own = own;
    it->hours = own.mode == IupMode::kAdd ? it->class_hours + own.hours : own.hours;
  }
  std::sort(out.begin(), out.end(), [&](const StudentPlanLine& a, const StudentPlanLine& b) {
    const Subject* sa = FindSubject(a.subject_id);
    const Subject* sb = FindSubject(b.subject_id);
    std::string na = sa ? sa->name : std::string(), nb = sb ? sb->name : std::string();
    if (na != nb) return RussianLess(na, nb);
    return a.subject_id < b.subject_id;
  });
  return out;
}

const Person* Structure::FindStudent(const PersonName& name, std::optional<Date> birth_date) const {
  for (const auto& [id, p] : persons) {
    if (p.Has(Role::kStudent) && p.name.last == name.last && p.name.first == name.first &&
        p.name.middle == name.middle && p.birth_date == birth_date) {
      return &p;
    }
  }
  return nullptr;
}

void Structure::SortKeyedLists() {
  std::sort(curriculum.begin(), curriculum.end(), [](const CurriculumLine& a, const CurriculumLine& b) {
    return std::tie(a.year_id, a.grade, a.subject_id, a.profile) < std::tie(b.year_id, b.grade, b.subject_id, b.profile);
  });
  std::sort(guardianships.begin(), guardianships.end(), [](const Guardianship& a, const Guardianship& b) {
    return std::tie(a.student_id, a.parent_id) < std::tie(b.student_id, b.parent_id);
  });
  std::sort(iup.begin(), iup.end(), [](const IupLine& a, const IupLine& b) {
    return std::tie(a.year_id, a.student_id, a.subject_id) < std::tie(b.year_id, b.student_id, b.subject_id);
  });
}

int64_t Structure::NextId(Entity e) {
  auto it = next_ids_.find(e);
  if (it == next_ids_.end()) {
    int64_t max = 0;
    switch (e) {
      case Entity::kYear:
        for (const auto& x : years) max = std::max(max, x.id);
        break;
      case Entity::kPeriod:
        for (const auto& x : periods) max = std::max(max, x.id);
        break;
      case Entity::kHoliday:
        for (const auto& x : holidays) max = std::max(max, x.id);
        break;
      case Entity::kClass:
        for (const auto& x : classes) max = std::max(max, x.id);
        break;
      case Entity::kPerson:
        if (!persons.empty()) max = persons.rbegin()->first;
        break;
      case Entity::kEnrollment:
        for (const auto& x : enrollments) max = std::max(max, x.id);
        break;
      case Entity::kSubject:
        for (const auto& x : subjects) max = std::max(max, x.id);
        break;
      case Entity::kGroup:
        for (const auto& x : groups) max = std::max(max, x.id);
        break;
      case Entity::kWorkload:
        for (const auto& x : workload) max = std::max(max, x.id);
        break;
      case Entity::kCurriculum:
      case Entity::kGuardianship:
      case Entity::kIup:
        break;  // keyed by their columns, not by id
    }
    it = next_ids_.emplace(e, max + 1).first;
  }
  return it->second++;
}

// ---- visibility ----

SnapshotOptions SnapshotOptionsFor(const Actor& actor) {
  SnapshotOptions o;
  o.personal_data = Authorize(actor, Action::kReadPersonalData).ok();
  return o;
}

Actor TeachingActor(const Structure& s, Actor actor) {
  actor.taught_groups.clear();
  for (const auto& w : s.workload) {
    if (actor.person_id != 0 && w.teacher_id == actor.person_id) actor.taught_groups.insert(w.group_id);
  }
  return actor;
}

Structure VisibleTo(const Structure& s, const Actor& actor) {
  if (Authorize(actor, Action::kEditStructure).ok()) return s;  // the administration
  std::set<int64_t> students;  // the students this user may know of
  if (actor.Has(Role::kTeacher) || actor.Has(Role::kClassTeacher)) {
    for (const auto& c : s.classes) {
      if (c.teacher_id == actor.person_id || actor.led_classes.count(c.id)) {
        for (int64_t id : s.StudentsEverIn(c.id)) students.insert(id);
      }
    }
    for (const auto& w : s.workload) {
      if (w.teacher_id != actor.person_id) continue;
      const Group* g = s.FindGroup(w.group_id);
      if (!g) continue;
      if (g->kind == GroupKind::kWholeClass) {
        for (int64_t c : g->class_ids) {
          for (int64_t id : s.StudentsEverIn(c)) students.insert(id);
        }
      } else {
        students.insert(g->members.begin(), g->members.end());
      }
    }
    // A substitute keeps one lesson of a group: its students, to enter their marks (R10).
    for (int64_t group_id : actor.substituted_groups) {
      const Group* g = s.FindGroup(group_id);
      if (!g) continue;
      if (g->kind == GroupKind::kWholeClass) {
        for (int64_t c : g->class_ids) {
          for (int64_t id : s.StudentsEverIn(c)) students.insert(id);
        }
      } else {
        students.insert(g->members.begin(), g->members.end());
      }
    }
  }
  Structure out = s;
  out.persons.clear();
  for (const auto& [id, p] : s.persons) {
    bool student = p.Has(Role::kStudent);
    bool parent_only = p.roles.size() == 1 && p.Has(Role::kParent);
    if ((student && students.count(id)) || (!student && !parent_only)) out.persons.emplace(id, p);
  }
  std::erase_if(out.enrollments, [&](const Enrollment& e) { return !students.count(e.student_id); });
  std::erase_if(out.iup, [&](const IupLine& l) { return !students.count(l.student_id); });
  for (auto& g : out.groups) {
    std::erase_if(g.members, [&](int64_t id) { return !students.count(id); });
  }
  out.guardianships.clear();
  return out;
}

// ---- JSON snapshot ----

protocol::Json ToJson(const Structure& s, SnapshotOptions options) {
  using protocol::Json;
  Json years = Json::array(), periods = Json::array(), holidays = Json::array(), classes = Json::array(),
       persons = Json::array(), enrollments = Json::array();
  for (const auto& y : s.years) years.push_back(RangeJson(y.range, {{kKeyId, y.id}, {kKeyName, y.name}}));
  for (const auto& p : s.periods) {
    periods.push_back(RangeJson(p.range, {{kKeyId, p.id},
                                          {kKeyYearId, p.year_id},
                                          {kKeyName, p.name},
                                          {kKeyGradeFrom, p.grade_from},
                                          {kKeyGradeTo, p.grade_to}}));
  }
  for (const auto& h : s.holidays) {
    holidays.push_back(RangeJson(h.range, {{kKeyId, h.id}, {kKeyYearId, h.year_id}, {kKeyName, h.name}}));
  }
  for (const auto& c : s.classes) {
    classes.push_back({{kKeyId, c.id},
                       {kKeyYearId, c.year_id},
                       {kKeyGrade, c.grade},
                       {kKeyLetter, c.letter},
                       {kKeyTeacherId, c.teacher_id}});
  }
  for (const auto& [id, p] : s.persons) {
    Json roles = Json::array();
    for (Role r : p.roles) roles.push_back(RoleCode(r));
    Json j{{kKeyId, id},
           {kKeyLastName, p.name.last},
           {kKeyFirstName, p.name.first},
           {kKeyMiddleName, p.name.middle},
           {kKeyRoles, std::move(roles)}};
    if (options.personal_data) {
      if (p.birth_date) j[kKeyBirthDate] = p.birth_date->Iso();
      if (p.sex) j[kKeySex] = SexCode(p.sex);
    }
    persons.push_back(std::move(j));
  }
  for (const auto& e : s.enrollments) {
    Json j{{kKeyId, e.id}, {kKeyStudentId, e.student_id}, {kKeyClassId, e.class_id}, {kKeyFrom, e.from.Iso()}};
    if (e.to) j[kKeyTo] = e.to->Iso();
    enrollments.push_back(std::move(j));
  }
  Json subjects = Json::array(), curriculum = Json::array(), groups = Json::array(), workload = Json::array();
  for (const auto& x : s.subjects) subjects.push_back({{kKeyId, x.id}, {kKeyName, x.name}, {kKeyShortName, x.short_name}});
  for (const auto& l : s.curriculum) {
    curriculum.push_back({{kKeyYearId, l.year_id},
                          {kKeyGrade, l.grade},
                          {kKeySubjectId, l.subject_id},
                          {kKeyProfile, l.profile},
                          {kKeyHours, l.hours}});
  }
  for (const auto& g : s.groups) {
    groups.push_back({{kKeyId, g.id},
                      {kKeyYearId, g.year_id},
                      {kKeyKind, GroupKindCode(g.kind)},
                      {kKeyName, g.name},
                      {kKeySubjectId, g.subject_id},
                      {kKeyClassIds, g.class_ids},
                      {kKeyMembers, g.members}});
  }
  for (const auto& w : s.workload) {
    workload.push_back({{kKeyId, w.id},
                        {kKeyYearId, w.year_id},
                        {kKeyTeacherId, w.teacher_id},
                        {kKeySubjectId, w.subject_id},
                        {kKeyGroupId, w.group_id},
                        {kKeyHours, w.hours}});
  }
  Json guardianships = Json::array();
  if (options.personal_data) {
    for (const auto& g : s.guardianships) {
      guardianships.push_back({{kKeyParentId, g.parent_id}, {kKeyStudentId, g.student_id}, {kKeyKind, g.kind}});
    }
  }
  Json iup = Json::array();
  for (const auto& l : s.iup) {
    iup.push_back({{kKeyYearId, l.year_id},
                   {kKeyStudentId, l.student_id},
                   {kKeySubjectId, l.subject_id},
                   {kKeyMode, IupModeCode(l.mode)},
                   {kKeyHours, l.hours}});
  }
  return Json{{kKeyGuardianships, std::move(guardianships)}, {kKeyIup, std::move(iup)},
              {kKeyYears, std::move(years)},         {kKeyPeriods, std::move(periods)},
              {kKeyHolidays, std::move(holidays)},   {kKeyClasses, std::move(classes)},
              {kKeyPersons, std::move(persons)},     {kKeyEnrollments, std::move(enrollments)},
              {kKeySubjects, std::move(subjects)},   {kKeyCurriculum, std::move(curriculum)},
              {kKeyGroups, std::move(groups)},       {kKeyWorkload, std::move(workload)}};
}

Result<Structure> StructureFromJson(const protocol::Json& j) {
  Structure s;
  const protocol::Json *years = nullptr, *periods = nullptr, *holidays = nullptr, *classes = nullptr,
                       *persons = nullptr, *enrollments = nullptr;
  JsonReader top(j);
  top.Array(kKeyYears, &years).Array(kKeyPeriods, &periods).Array(kKeyHolidays, &holidays);
  top.Array(kKeyClasses, &classes).Array(kKeyPersons, &persons).Array(kKeyEnrollments, &enrollments);
  if (!top.ok()) return top.status();

  for (const auto& item : *years) {
    AcademicYear y;
    JsonReader r(item);
    r.Int(kKeyId, &y.id).String(kKeyName, &y.name);
    if (!r.ok()) return r.status();
    if (Status st = ReadDateRange(item, &y.range); !st.ok()) return st;
    s.years.push_back(std::move(y));
  }
  for (const auto& item : *periods) {
    StudyPeriod p;
    int64_t from = 1, to = 11;
    JsonReader r(item);
    r.Int(kKeyId, &p.id).Int(kKeyYearId, &p.year_id).String(kKeyName, &p.name);
    r.Int(kKeyGradeFrom, &from).Int(kKeyGradeTo, &to);
    if (!r.ok()) return r.status();
    if (Status st = ReadDateRange(item, &p.range); !st.ok()) return st;
    p.grade_from = static_cast<int>(from);
    p.grade_to = static_cast<int>(to);
    s.periods.push_back(std::move(p));
  }
  for (const auto& item : *holidays) {
    Holiday h;
    JsonReader r(item);
    r.Int(kKeyId, &h.id).Int(kKeyYearId, &h.year_id).String(kKeyName, &h.name);
    if (!r.ok()) return r.status();
    if (Status st = ReadDateRange(item, &h.range); !st.ok()) return st;
    s.holidays.push_back(std::move(h));
  }
  for (const auto& item : *classes) {
    SchoolClass c;
    int64_t grade = 0;
    JsonReader r(item);
    r.Int(kKeyId, &c.id).Int(kKeyYearId, &c.year_id).Int(kKeyGrade, &grade).String(kKeyLetter, &c.letter);
    r.Int(kKeyTeacherId, &c.teacher_id, false);
    if (!r.ok()) return r.status();
    c.grade = static_cast<int>(grade);
    s.classes.push_back(std::move(c));
  }
  for (const auto& item : *persons) {
    Person p;
    std::string sex;
    const protocol::Json* roles = nullptr;
    JsonReader r(item);
    r.Int(kKeyId, &p.id).String(kKeyLastName, &p.name.last).String(kKeyFirstName, &p.name.first);
    r.String(kKeyMiddleName, &p.name.middle, false).Array(kKeyRoles, &roles).String(kKeySex, &sex, false);
    if (!r.ok()) return r.status();
    r.IsoDate(kKeyBirthDate, &p.birth_date, false);
    if (!r.ok()) return r.status();
    p.sex = sex == "m" ? 'm' : sex == "f" ? 'f' : 0;
    for (const auto& role : *roles) {
      if (role.is_string()) {
        if (auto known = RoleFromCode(role.get_ref<const std::string&>())) p.roles.push_back(*known);
      }
    }
    s.persons.emplace(p.id, std::move(p));
  }
  for (const auto& item : *enrollments) {
    Enrollment e;
    JsonReader r(item);
    r.Int(kKeyId, &e.id).Int(kKeyStudentId, &e.student_id).Int(kKeyClassId, &e.class_id);
    if (!r.ok()) return r.status();
    std::optional<Date> from, to;
    r.IsoDate(kKeyFrom, &from).IsoDate(kKeyTo, &to, false);
    if (!r.ok()) return r.status();
    e.from = *from;
    e.to = to;
    s.enrollments.push_back(std::move(e));
  }
  const protocol::Json *subjects = nullptr, *curriculum = nullptr, *groups = nullptr, *workload = nullptr;
  JsonReader more(j);
  more.Array(kKeySubjects, &subjects).Array(kKeyCurriculum, &curriculum).Array(kKeyGroups, &groups);
  const protocol::Json* guardianships = nullptr;
  const protocol::Json* iup = nullptr;
  more.Array(kKeyWorkload, &workload).Array(kKeyGuardianships, &guardianships, false).Array(kKeyIup, &iup, false);
  if (!more.ok()) return more.status();
  if (iup) {
    for (const auto& item : *iup) {
      IupLine l;
      std::string mode;
      JsonReader r(item);
      r.Int(kKeyYearId, &l.year_id).Int(kKeyStudentId, &l.student_id).Int(kKeySubjectId, &l.subject_id);
      r.String(kKeyMode, &mode).Number(kKeyHours, &l.hours);
      if (!r.ok()) return r.status();
      auto m = IupModeFromCode(mode);
      if (!m) return Status(ErrorCode::kBadRequest, "Поле «mode»: неизвестный вид строки ИУП.", kKeyMode);
      l.mode = *m;
      s.iup.push_back(l);
    }
  }
  if (guardianships) {
    for (const auto& item : *guardianships) {
      Guardianship g;
      JsonReader r(item);
      r.Int(kKeyParentId, &g.parent_id).Int(kKeyStudentId, &g.student_id).String(kKeyKind, &g.kind);
      if (!r.ok()) return r.status();
      s.guardianships.push_back(std::move(g));
    }
  }
  for (const auto& item : *subjects) {
    Subject x;
    JsonReader r(item);
    r.Int(kKeyId, &x.id).String(kKeyName, &x.name).String(kKeyShortName, &x.short_name);
    if (!r.ok()) return r.status();
    s.subjects.push_back(std::move(x));
  }
  for (const auto& item : *curriculum) {
    CurriculumLine l;
    int64_t grade = 0;
    JsonReader r(item);
    r.Int(kKeyYearId, &l.year_id).Int(kKeyGrade, &grade).Int(kKeySubjectId, &l.subject_id);
    r.String(kKeyProfile, &l.profile, false).Number(kKeyHours, &l.hours);
    if (!r.ok()) return r.status();
    l.grade = static_cast<int>(grade);
    s.curriculum.push_back(std::move(l));
  }
  for (const auto& item : *groups) {
    Group g;
    std::string kind;
    JsonReader r(item);
    r.Int(kKeyId, &g.id).Int(kKeyYearId, &g.year_id).String(kKeyKind, &kind).String(kKeyName, &g.name);
    r.Int(kKeySubjectId, &g.subject_id).IntArray(kKeyClassIds, &g.class_ids).IntArray(kKeyMembers, &g.members);
    if (!r.ok()) return r.status();
    auto k = GroupKindFromCode(kind);
    if (!k) return Status(ErrorCode::kBadRequest, "Поле «kind»: неизвестный вид группы.", kKeyKind);
    g.kind = *k;
    s.groups.push_back(std::move(g));
  }
  for (const auto& item : *workload) {
    WorkloadLine w;
    JsonReader r(item);
    r.Int(kKeyId, &w.id).Int(kKeyYearId, &w.year_id).Int(kKeyTeacherId, &w.teacher_id);
    r.Int(kKeySubjectId, &w.subject_id).Int(kKeyGroupId, &w.group_id).Number(kKeyHours, &w.hours);
    if (!r.ok()) return r.status();
    s.workload.push_back(std::move(w));
  }
  return s;
}

}  // namespace ej
