// Operations on the study plan: subjects, the curriculum, groups and teachers' workload.
// Dispatched from ApplyStructureOp (structure_ops.cpp), which has already authorised the actor.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "json_reader.h"
#include "structure.h"
#include "structure_keys.h"
#include "text.h"

namespace ej {

using namespace structure_keys;
using protocol::Json;

Json SubjectCreatePayload(const std::string& name, const std::string& short_name) {
  return {{kKeyName, name}, {kKeyShortName, short_name}};
}

Json CurriculumSetPayload(int64_t year_id, int grade, int64_t subject_id, double hours, const std::string& profile) {
  return {{kKeyYearId, year_id}, {kKeyGrade, grade}, {kKeySubjectId, subject_id}, {kKeyHours, hours}, {kKeyProfile, profile}};
}

Json GroupCreatePayload(int64_t year_id, GroupKind kind, const std::string& name, int64_t subject_id,
                        const std::vector<int64_t>& class_ids) {
  return {{kKeyYearId, year_id},
          {kKeyKind, GroupKindCode(kind)},
          {kKeyName, name},
          {kKeySubjectId, subject_id},
          {kKeyClassIds, class_ids}};
}

Json GroupSetMembersPayload(int64_t group_id, const std::vector<int64_t>& student_ids) {
  return {{kKeyGroupId, group_id}, {kKeyStudentIds, student_ids}};
}

Json WorkloadSetPayload(int64_t teacher_id, int64_t group_id, double hours) {
  return {{kKeyTeacherId, teacher_id}, {kKeyGroupId, group_id}, {kKeyHours, hours}};
}

Json IupSetPayload(int64_t year_id, int64_t student_id, int64_t subject_id, std::string_view mode, double hours) {
  return {{kKeyYearId, year_id}, {kKeyStudentId, student_id}, {kKeySubjectId, subject_id}, {kKeyMode, mode}, {kKeyHours, hours}};
}

double MaxWeeklyHours(int grade) {
  static constexpr double kMax[] = {21, 23, 23, 23, 29, 30, 32, 33, 33, 34, 34};
  return grade >= 1 && grade <= 11 ? kMax[grade - 1] : 0;
}

namespace {

Status Invalid(std::string message, std::string field = {}) {
  return Status(ErrorCode::kValidation, std::move(message), std::move(field));
}

// "2,5 ч" — hours with a Russian decimal comma.
std::string Hours(double h) {
  char buf[32];
  if (std::fabs(h - std::round(h)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f ч", h);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f ч", h);
    for (char* p = buf; *p; ++p) {
      if (*p == '.') *p = ',';
    }
  }
  return buf;
}

// Hours are whole or half hours, 0.5 … max.
Status CheckHours(double hours, double max, bool zero_allowed) {
  bool half_step = std::fabs(hours * 2 - std::round(hours * 2)) < 1e-9;
  if (!half_step || hours < 0 || hours > max || (!zero_allowed && hours == 0)) {
    return Invalid("Часы в неделю — от 0,5 до " + Hours(max) + " с шагом 0,5.", kKeyHours);
  }
  return Status::Ok();
}

Result<Applied> SubjectCreate(Structure& s, const Json& p) {
  Subject x;
  JsonReader r(p);
  r.String(kKeyName, &x.name).String(kKeyShortName, &x.short_name, false);
  if (!r.ok()) return r.status();
  if (x.name.empty() || Utf8Length(x.name) > 80) return Invalid("Название предмета — от 1 до 80 символов.", kKeyName);
  if (x.short_name.empty()) x.short_name = x.name;
  for (const auto& other : s.subjects) {
    if (other.name == x.name) return Invalid("Предмет «" + x.name + "» уже есть.", kKeyName);
  }
  x.id = s.NextId(Entity::kSubject);
  s.subjects.push_back(x);
  return Applied{x.id, {{Entity::kSubject, x.id}}};
}

Result<Applied> CurriculumSet(Structure& s, const Json& p) {
  CurriculumLine l;
  int64_t grade = 0;
  JsonReader r(p);
  r.Int(kKeyYearId, &l.year_id).Int(kKeyGrade, &grade).Int(kKeySubjectId, &l.subject_id).Number(kKeyHours, &l.hours);
  r.String(kKeyProfile, &l.profile, false);
  if (!r.ok()) return r.status();
  if (!s.FindYear(l.year_id)) return Status(ErrorCode::kNotFound, "Учебный год не найден.", kKeyYearId);
  if (grade < 1 || grade > 11) return Invalid("Параллель — число от 1 до 11.", kKeyGrade);
  l.grade = static_cast<int>(grade);
  const Subject* subject = s.FindSubject(l.subject_id);
  if (!subject) return Status(ErrorCode::kNotFound, "Предмет не найден.", kKeySubjectId);
  if (!l.profile.empty() && l.grade < 10) return Invalid("Профили бывают только в 10–11 классах.", kKeyProfile);
  if (Status st = CheckHours(l.hours, 10, true); !st.ok()) return st;
  double total = l.hours;
  for (const auto& other : s.curriculum) {
    bool same = other.year_id == l.year_id && other.grade == l.grade && other.profile == l.profile;
    if (same && other.subject_id != l.subject_id) total += other.hours;
  }
  if (total > MaxWeeklyHours(l.grade) + 1e-9) {
    return Invalid("Недельная нагрузка " + std::to_string(l.grade) + "-х классов станет " + Hours(total) +
                       ", а по СанПиН допустимо не больше " + Hours(MaxWeeklyHours(l.grade)) + ".",
                   kKeyHours);
  }
  // Workload must still fit: lowering hours below what teachers were given is refused.
  if (l.profile.empty()) {
    for (const auto& g : s.groups) {
      if (g.subject_id != l.subject_id || g.year_id != l.year_id) continue;
      if (g.kind != GroupKind::kWholeClass && g.kind != GroupKind::kSubgroup) continue;
      const SchoolClass* c = g.class_ids.empty() ? nullptr : s.FindClass(g.class_ids[0]);
      if (c && c->grade == l.grade && s.GroupWorkloadHours(g.id) > l.hours + 1e-9) {
        return Invalid("В группе «" + g.name + "» учителям уже распределено " + Hours(s.GroupWorkloadHours(g.id)) +
                           " — сначала уменьшите нагрузку.",
                       kKeyHours);
      }
    }
  }
  auto it = std::find_if(s.curriculum.begin(), s.curriculum.end(), [&](const CurriculumLine& x) {
    return x.year_id == l.year_id && x.grade == l.grade && x.subject_id == l.subject_id && x.profile == l.profile;
  });
  if (l.hours == 0) {
    if (it != s.curriculum.end()) s.curriculum.erase(it);
  } else if (it != s.curriculum.end()) {
    it->hours = l.hours;
  } else {
    s.curriculum.push_back(l);
  }
  return Applied{0, {{Entity::kCurriculum, 0}}};
}

Result<Applied> GroupCreate(Structure& s, const Json& p) {
  Group g;
  std::string kind;
  JsonReader r(p);
  r.Int(kKeyYearId, &g.year_id).String(kKeyKind, &kind).String(kKeyName, &g.name).Int(kKeySubjectId, &g.subject_id, false);
  r.IntArray(kKeyClassIds, &g.class_ids);
  if (!r.ok()) return r.status();
  auto k = GroupKindFromCode(kind);
  if (!k) return Status(ErrorCode::kBadRequest, "Поле «kind»: неизвестный вид группы.", kKeyKind);
  g.kind = *k;
  if (!s.FindYear(g.year_id)) return Status(ErrorCode::kNotFound, "Учебный год не найден.", kKeyYearId);
  if (g.subject_id == 0 || !s.FindSubject(g.subject_id)) {
    return Invalid("У группы должен быть предмет (курс, направление кружка).", kKeySubjectId);
  }
  if (g.class_ids.empty()) return Invalid("Укажите классы, из которых набрана группа.", kKeyClassIds);
  std::set<int64_t> unique(g.class_ids.begin(), g.class_ids.end());
  if (unique.size() != g.class_ids.size()) return Invalid("Класс указан дважды.", kKeyClassIds);
  for (int64_t id : g.class_ids) {
    const SchoolClass* c = s.FindClass(id);
    if (!c || c->year_id != g.year_id) return Invalid("Класс не найден в этом учебном году.", kKeyClassIds);
  }
  if ((g.kind == GroupKind::kWholeClass || g.kind == GroupKind::kSubgroup) && g.class_ids.size() != 1) {
    return Invalid(std::string("Группа вида «") + std::string(GroupKindTitle(g.kind)) + "» относится к одному классу.",
                   kKeyClassIds);
  }
  if (g.name.empty()) {
    g.name = s.FindClass(g.class_ids[0])->Name() + " — " + s.FindSubject(g.subject_id)->name;
  }
  for (const auto& other : s.groups) {
    if (other.year_id == g.year_id && other.name == g.name) return Invalid("Группа «" + g.name + "» уже есть.", kKeyName);
    if (g.kind == GroupKind::kWholeClass && other.kind == GroupKind::kWholeClass && other.subject_id == g.subject_id &&
        other.class_ids == g.class_ids) {
      return Invalid("У класса уже есть группа по этому предмету: «" + other.name + "».", kKeySubjectId);
    }
  }
  g.id = s.NextId(Entity::kGroup);
  s.groups.push_back(g);
  return Applied{g.id, {{Entity::kGroup, g.id}}};
}

Result<Applied> GroupSetMembers(Structure& s, const Json& p) {
  int64_t group_id = 0;
  std::vector<int64_t> ids;
  JsonReader r(p);
  r.Int(kKeyGroupId, &group_id).IntArray(kKeyStudentIds, &ids);
  if (!r.ok()) return r.status();
  auto it = std::find_if(s.groups.begin(), s.groups.end(), [&](const Group& g) { return g.id == group_id; });
  if (it == s.groups.end()) return Status(ErrorCode::kNotFound, "Группа не найдена.", kKeyGroupId);
  if (it->kind == GroupKind::kWholeClass) {
    return Invalid("Состав группы-класса следует за классом; меняйте состав класса.", kKeyGroupId);
  }
  std::set<int64_t> unique(ids.begin(), ids.end());
  if (unique.size() != ids.size()) return Invalid("Ученик указан дважды.", kKeyStudentIds);
  for (int64_t id : ids) {
    const Person* p2 = s.FindPerson(id);
    if (!p2 || !p2->Has(Role::kStudent)) return Invalid("Ученик не найден.", kKeyStudentIds);
    bool in_classes = false;
    for (const auto& e : s.enrollments) {
      if (e.student_id == id && std::find(it->class_ids.begin(), it->class_ids.end(), e.class_id) != it->class_ids.end()) {
        in_classes = true;
      }
    }
    if (!in_classes) {
      return Invalid(FullName(p2->name) + " не учится в классах группы «" + it->name + "».", kKeyStudentIds);
    }
  }
  it->members = std::move(ids);
  return Applied{0, {{Entity::kGroup, group_id}}};
}

Result<Applied> WorkloadSet(Structure& s, const Json& p) {
  int64_t teacher_id = 0, group_id = 0;
  double hours = 0;
  JsonReader r(p);
  r.Int(kKeyTeacherId, &teacher_id).Int(kKeyGroupId, &group_id).Number(kKeyHours, &hours);
  if (!r.ok()) return r.status();
  const Person* t = s.FindPerson(teacher_id);
  if (!t || !t->Has(Role::kTeacher)) return Invalid("Нагрузку можно дать только учителю.", kKeyTeacherId);
  const Group* g = s.FindGroup(group_id);
  if (!g) return Status(ErrorCode::kNotFound, "Группа не найдена.", kKeyGroupId);
  if (Status st = CheckHours(hours, 10, true); !st.ok()) return st;
  auto it = std::find_if(s.workload.begin(), s.workload.end(),
                         [&](const WorkloadLine& w) { return w.group_id == group_id && w.teacher_id == teacher_id; });
  double others = s.GroupWorkloadHours(group_id) - (it != s.workload.end() ? it->hours : 0);
  if (g->kind == GroupKind::kWholeClass || g->kind == GroupKind::kSubgroup) {
    const SchoolClass* c = s.FindClass(g->class_ids[0]);
    double plan = s.CurriculumHours(g->year_id, c->grade, g->subject_id);
    const Subject* subject = s.FindSubject(g->subject_id);
    if (plan == 0 && hours > 0) {
      return Invalid("В учебном плане " + std::to_string(c->grade) + "-х классов нет предмета «" + subject->name + "».",
                     kKeyGroupId);
    }
    if (others + hours > plan + 1e-9) {
      return Invalid("Нагрузка по предмету «" + subject->name + "» в группе «" + g->name + "» станет " + Hours(others + hours) +
                         ", а по учебному плану — " + Hours(plan) + ".",
                     kKeyHours);
    }
  }
  Applied out;
  if (hours == 0) {
    if (it == s.workload.end()) return Invalid("У этого учителя нет нагрузки в группе.", kKeyHours);
    out.changes.push_back({Entity::kWorkload, it->id});
    s.workload.erase(it);
    return out;
  }
  if (it != s.workload.end()) {
    it->hours = hours;
    out.changes.push_back({Entity::kWorkload, it->id});
    return out;
  }
  WorkloadLine w{s.NextId(Entity::kWorkload), g->year_id, teacher_id, g->subject_id, group_id, hours};
  s.workload.push_back(w);
  out.created_id = w.id;
  out.changes.push_back({Entity::kWorkload, w.id});
  return out;
}

// A line of a student's individual study plan: added hours, replaced hours (0: the subject is
// not studied), or "none" to remove the line. The student's week stays within СанПиН.
Result<Applied> IupSet(Structure& s, const Json& p) {
  IupLine l;
  std::string mode;
  JsonReader r(p);
  r.Int(kKeyYearId, &l.year_id).Int(kKeyStudentId, &l.student_id).Int(kKeySubjectId, &l.subject_id);
  r.String(kKeyMode, &mode).Number(kKeyHours, &l.hours);
  if (!r.ok()) return r.status();
  const AcademicYear* year = s.FindYear(l.year_id);
  if (!year) return Status(ErrorCode::kNotFound, "Учебный год не найден.", kKeyYearId);
  const Person* student = s.FindPerson(l.student_id);
  if (!student || !student->Has(Role::kStudent)) return Status(ErrorCode::kNotFound, "Ученик не найден.", kKeyStudentId);
  const SchoolClass* c = s.ClassInYear(l.student_id, l.year_id);
  if (!c) {
    return Invalid(FullName(student->name) + " не учится ни в одном классе в " + year->name + " учебном году.",
                   kKeyStudentId);
  }
  const Subject* subject = s.FindSubject(l.subject_id);
  if (!subject) return Status(ErrorCode::kNotFound, "Предмет не найден.", kKeySubjectId);
  auto it = std::find_if(s.iup.begin(), s.iup.end(), [&](const IupLine& x) {
    return x.year_id == l.year_id && x.student_id == l.student_id && x.subject_id == l.subject_id;
  });
  if (mode == "none") {
    if (it == s.iup.end()) {
      return Invalid("В индивидуальном плане нет предмета «" + subject->name + "».", kKeySubjectId);
    }
    s.iup.erase(it);
    return Applied{0, {{Entity::kIup, l.student_id}}};
  }
  auto m = IupModeFromCode(mode);
  if (!m) return Invalid("Строка плана — «добавить часы» или «заменить часы».", kKeyMode);
  l.mode = *m;
  const double plan = s.CurriculumHours(l.year_id, c->grade, l.subject_id);
  if (l.mode == IupMode::kAdd) {
    if (Status st = CheckHours(l.hours, 10, false); !st.ok()) return st;
  } else {
    if (Status st = CheckHours(l.hours, 10, true); !st.ok()) return st;
    if (plan == 0) {
      return Invalid("В учебном плане " + std::to_string(c->grade) + "-х классов нет предмета «" + subject->name +
                         "»: часы можно только добавить.",
                     kKeyMode);
    }
    if (std::fabs(plan - l.hours) < 1e-9) {
      return Invalid("По учебному плану у класса и так " + Hours(plan) + " — строка ничего не меняет.", kKeyHours);
    }
  }
  // The student's week with this line must stay within the grade's maximum.
  double total = 0;
  for (const StudentPlanLine& x : s.StudentPlan(l.student_id, l.year_id)) {
    if (x.subject_id != l.subject_id) total += x.hours;
  }
  total += l.mode == IupMode::kAdd ? plan + l.hours : l.hours;
  if (total > MaxWeeklyHours(c->grade) + 1e-9) {
    return Invalid("Недельная нагрузка ученика станет " + Hours(total) + ", а по СанПиН для " + std::to_string(c->grade) +
                       "-х классов допустимо не больше " + Hours(MaxWeeklyHours(c->grade)) + ".",
                   kKeyHours);
  }
  if (it != s.iup.end()) {
    *it = l;
  } else {
    s.iup.push_back(l);
  }
  return Applied{0, {{Entity::kIup, l.student_id}}};
}

}  // namespace

Result<Applied> ApplyPlanOp(Structure& s, const Operation& op) {
  const std::string& k = op.kind;
  if (k == op_kind::kSubjectCreate) return SubjectCreate(s, op.payload);
  if (k == op_kind::kCurriculumSet) return CurriculumSet(s, op.payload);
  if (k == op_kind::kGroupCreate) return GroupCreate(s, op.payload);
  if (k == op_kind::kGroupSetMembers) return GroupSetMembers(s, op.payload);
  if (k == op_kind::kWorkloadSet) return WorkloadSet(s, op.payload);
  if (k == op_kind::kIupSet) return IupSet(s, op.payload);
  return Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + k + "».", "kind");
}

}  // namespace ej
