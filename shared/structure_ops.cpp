// Operations on the school's structure: payload builders and Apply with every rule.
//
// [SECTION] payloads
// [SECTION] validation helpers
// [SECTION] Apply, one function per kind
#include <algorithm>

#include "calendar.h"
#include "json_reader.h"
#include "structure.h"
#include "structure_keys.h"
#include "text.h"

namespace ej {

using namespace structure_keys;
using protocol::Json;

// ---- [SECTION] payloads ----

namespace {

Json WithRange(Json j, DateRange r) {
  j[kKeyFirst] = r.first.Iso();
  j[kKeyLast] = r.last.Iso();
  return j;
}

Status Invalid(std::string message, std::string field = {}) {
  return Status(ErrorCode::kValidation, std::move(message), std::move(field));
}

}  // namespace

Json YearCreatePayload(const std::string& name, DateRange range) { return WithRange({{kKeyName, name}}, range); }

Json PeriodCreatePayload(int64_t year_id, const std::string& name, DateRange range, int grade_from, int grade_to) {
  return WithRange({{kKeyYearId, year_id}, {kKeyName, name}, {kKeyGradeFrom, grade_from}, {kKeyGradeTo, grade_to}},
                   range);
}

Json HolidayCreatePayload(int64_t year_id, const std::string& name, DateRange range) {
  return WithRange({{kKeyYearId, year_id}, {kKeyName, name}}, range);
}

Json ClassCreatePayload(int64_t year_id, int grade, const std::string& letter, int64_t teacher_id) {
  return {{kKeyYearId, year_id}, {kKeyGrade, grade}, {kKeyLetter, letter}, {kKeyTeacherId, teacher_id}};
}

Json ClassSetTeacherPayload(int64_t class_id, int64_t teacher_id) {
  return {{kKeyClassId, class_id}, {kKeyTeacherId, teacher_id}};
}

Json StudentCreatePayload(const StudentDraft& s, int64_t class_id, Date from) {
  Json j{{kKeyLastName, s.name.last}, {kKeyFirstName, s.name.first}, {kKeyMiddleName, s.name.middle},
         {kKeyClassId, class_id},     {kKeyFrom, from.Iso()}};
  if (s.birth_date) j[kKeyBirthDate] = s.birth_date->Iso();
  if (s.sex) j[kKeySex] = std::string(1, s.sex);
  return j;
}

Json StudentTransferPayload(int64_t student_id, int64_t class_id, Date from) {
  return {{kKeyStudentId, student_id}, {kKeyClassId, class_id}, {kKeyFrom, from.Iso()}};
}

Json StudentLeavePayload(int64_t student_id, Date last_day) {
  return {{kKeyStudentId, student_id}, {kKeyTo, last_day.Iso()}};
}

const std::vector<std::string_view>& StructureOpKinds() {
  static const std::vector<std::string_view> kKinds = {
      op_kind::kYearCreate,      op_kind::kYearRollover,    op_kind::kPeriodCreate,    op_kind::kHolidayCreate,
      op_kind::kClassCreate,     op_kind::kClassSetTeacher, op_kind::kStudentCreate,   op_kind::kStudentTransfer,
      op_kind::kStudentLeave,    op_kind::kPersonCreate,    op_kind::kPersonSetRoles,  op_kind::kGuardianLink,
      op_kind::kSubjectCreate,   op_kind::kCurriculumSet,   op_kind::kGroupCreate,     op_kind::kGroupSetMembers,
      op_kind::kWorkloadSet,     op_kind::kIupSet};
  return kKinds;
}

bool IsStructureOp(std::string_view kind) {
  for (auto k : StructureOpKinds()) {
    if (k == kind) return true;
  }
  return false;
}

Json YearRolloverPayload(int64_t from_year_id, const std::string& name, DateRange range) {
  return WithRange({{kKeyYearId, from_year_id}, {kKeyName, name}}, range);
}

Json PersonCreatePayload(const PersonName& name, const std::vector<Role>& roles) {
  Json codes = Json::array();
  for (Role r : roles) codes.push_back(RoleCode(r));
  return {{kKeyLastName, name.last}, {kKeyFirstName, name.first}, {kKeyMiddleName, name.middle}, {kKeyRoles, codes}};
}

Json PersonSetRolesPayload(int64_t person_id, const std::vector<Role>& roles) {
  Json codes = Json::array();
  for (Role r : roles) codes.push_back(RoleCode(r));
  return {{kKeyPersonId, person_id}, {kKeyRoles, codes}};
}

Json GuardianLinkPayload(int64_t parent_id, int64_t student_id, const std::string& kind) {
  return {{kKeyPersonId, parent_id}, {kKeyStudentId, student_id}, {kKeyKind, kind}};
}

// ---- [SECTION] validation helpers ----

Status ValidateNamePart(const std::string& part, const char* what, const char* field) {
  if (part.empty()) return Invalid(std::string("Не указано: ") + what + ".", field);
  if (Utf8Length(part) > 60) return Invalid(std::string(what) + ": слишком длинно.", field);
  for (size_t i = 0; i < part.size();) {
    char32_t cp = NextCodePoint(part, i);
    bool letter = (cp >= 0x410 && cp <= 0x44F) || cp == 0x401 || cp == 0x451 || (cp >= 'A' && cp <= 'Z') ||
                  (cp >= 'a' && cp <= 'z');
    if (!letter && cp != '-' && cp != ' ' && cp != '\'') {
      return Invalid(std::string(what) + " «" + part + "» содержит недопустимые символы.", field);
    }
  }
  return Status::Ok();
}

Status ValidateStudentBirthDate(std::optional<Date> birth, const AcademicYear& year) {
  if (!birth) return Status::Ok();
  int age = year.range.first.year() - birth->year();
  if (birth->month() > 9 || (birth->month() == 9 && birth->day() > 1)) --age;  // age on 1 September
  if (age < 5 || age > 21) {
    return Invalid("Дата рождения " + birth->Russian() + " не подходит для ученика (возраст на 1 сентября — " +
                       std::to_string(age) + ").",
                   kKeyBirthDate);
  }
  return Status::Ok();
}

Status ValidateClassLetter(const std::string& letter) {
  size_t count = 0;
  for (size_t i = 0; i < letter.size();) {
    char32_t cp = NextCodePoint(letter, i);
    bool capital = (cp >= 0x410 && cp <= 0x42F) || cp == 0x401;
    if (!capital) return Invalid("Литера класса — одна или две заглавные русские буквы, например «А».", kKeyLetter);
    ++count;
  }
  if (count < 1 || count > 2) {
    return Invalid("Литера класса — одна или две заглавные русские буквы, например «А».", kKeyLetter);
  }
  return Status::Ok();
}

std::string NormalizeClassLetter(std::string_view letter) {
  size_t b = letter.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  letter = letter.substr(b, letter.find_last_not_of(" \t") - b + 1);
  std::string out;
  for (size_t i = 0; i < letter.size();) {
    const size_t start = i;
    char32_t cp = NextCodePoint(letter, i);
    if (cp >= 0x430 && cp <= 0x44F) {
      cp -= 0x20;  // а…я → А…Я
    } else if (cp == 0x451) {
      cp = 0x401;  // ё → Ё
    } else {
      out.append(letter.substr(start, i - start));
      continue;
    }
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

namespace {

Status RangeInOrder(const DateRange& r) {
  if (r.last < r.first) {
    return Invalid("Дата окончания " + r.last.Russian() + " раньше даты начала " + r.first.Russian() + ".", kKeyLast);
  }
  return Status::Ok();
}

Status GradeRange(int64_t from, int64_t to) {
  if (from < 1 || to > 11 || from > to) {
    return Invalid("Параллели указаны неверно: нужно от 1 до 11, и «с» не больше «по».", kKeyGradeFrom);
  }
  return Status::Ok();
}

Result<const AcademicYear*> NeedYear(const Structure& s, int64_t id) {
  const AcademicYear* y = s.FindYear(id);
  if (!y) return Status(ErrorCode::kNotFound, "Учебный год не найден.", kKeyYearId);
  return y;
}

Result<const SchoolClass*> NeedClass(const Structure& s, int64_t id) {
  const SchoolClass* c = s.FindClass(id);
  if (!c) return Status(ErrorCode::kNotFound, "Класс не найден.", kKeyClassId);
  return c;
}

Result<const Person*> NeedStudent(const Structure& s, int64_t id) {
  const Person* p = s.FindPerson(id);
  if (!p || !p->Has(Role::kStudent)) return Status(ErrorCode::kNotFound, "Ученик не найден.", kKeyStudentId);
  return p;
}

// A class teacher must be a teacher and lead no other class of the same year.
Status CheckClassTeacher(const Structure& s, int64_t teacher_id, int64_t year_id, int64_t class_id) {
  if (teacher_id == 0) return Status::Ok();
  const Person* t = s.FindPerson(teacher_id);
  if (!t || !(t->Has(Role::kTeacher) || t->Has(Role::kClassTeacher))) {
    return Invalid("Классным руководителем можно назначить только учителя.", kKeyTeacherId);
  }
  const SchoolClass* led = s.ClassLedBy(teacher_id, year_id);
  if (led && led->id != class_id) {
    return Invalid(ShortName(t->name) + " уже классный руководитель " + led->Name() + ".", kKeyTeacherId);
  }
  return Status::Ok();
}

// The student's enrollment that covers the day, if any.
Enrollment* CurrentEnrollment(Structure& s, int64_t student_id, Date d) {
  for (auto& e : s.enrollments) {
    if (e.student_id == student_id && s.Covers(e, d)) return &e;
  }
  return nullptr;
}

// ---- [SECTION] Apply, one function per kind ----

Result<Applied> YearCreate(Structure& s, const Json& p) {
  AcademicYear y;
  JsonReader r(p);
  r.String(kKeyName, &y.name);
  if (!r.ok()) return r.status();
  if (Status st = ReadDateRange(p, &y.range); !st.ok()) return st;
  if (Status st = RangeInOrder(y.range); !st.ok()) return st;
  if (y.name.empty()) return Invalid("Не указано название учебного года, например «2026/2027».", kKeyName);
  if (y.range.last.Days() - y.range.first.Days() > 366) return Invalid("Учебный год не может быть длиннее года.", kKeyLast);
  for (const auto& other : s.years) {
    if (other.name == y.name) return Invalid("Учебный год «" + y.name + "» уже есть.", kKeyName);
    if (other.range.Overlaps(y.range)) {
      return Invalid("Даты пересекаются с учебным годом «" + other.name + "» (" + other.range.Russian() + ").", kKeyFirst);
    }
  }
  y.id = s.NextId(Entity::kYear);
  s.years.push_back(y);
  return Applied{y.id, {{Entity::kYear, y.id}}};
}

Result<Applied> PeriodCreate(Structure& s, const Json& p) {
  StudyPeriod period;
  int64_t from = 0, to = 0;
  JsonReader r(p);
  r.Int(kKeyYearId, &period.year_id).String(kKeyName, &period.name).Int(kKeyGradeFrom, &from).Int(kKeyGradeTo, &to);
  if (!r.ok()) return r.status();
  if (Status st = ReadDateRange(p, &period.range); !st.ok()) return st;
  auto year = NeedYear(s, period.year_id);
  if (!year.ok()) return year.status();
  if (period.name.empty()) return Invalid("Не указано название периода, например «1 четверть».", kKeyName);
  if (Status st = RangeInOrder(period.range); !st.ok()) return st;
  if (Status st = GradeRange(from, to); !st.ok()) return st;
  period.grade_from = static_cast<int>(from);
  period.grade_to = static_cast<int>(to);
  if (!(*year)->range.Contains(period.range)) {
    return Invalid("Период " + period.range.Russian() + " выходит за границы учебного года " + (*year)->range.Russian() + ".",
                   kKeyFirst);
  }
  for (const auto& other : s.periods) {
    bool same_grades = other.grade_from <= period.grade_to && period.grade_from <= other.grade_to;
    if (other.year_id == period.year_id && same_grades && other.range.Overlaps(period.range)) {
      return Invalid("Период пересекается с периодом «" + other.name + "» (" + other.range.Russian() + ", " +
                         std::to_string(other.grade_from) + "–" + std::to_string(other.grade_to) + " классы).",
                     kKeyFirst);
    }
  }
  period.id = s.NextId(Entity::kPeriod);
  s.periods.push_back(period);
  return Applied{period.id, {{Entity::kPeriod, period.id}}};
}

Result<Applied> HolidayCreate(Structure& s, const Json& p) {
  Holiday h;
  JsonReader r(p);
  r.Int(kKeyYearId, &h.year_id).String(kKeyName, &h.name);
  if (!r.ok()) return r.status();
  if (Status st = ReadDateRange(p, &h.range); !st.ok()) return st;
  auto year = NeedYear(s, h.year_id);
  if (!year.ok()) return year.status();
  if (h.name.empty()) return Invalid("Не указано название каникул, например «Осенние каникулы».", kKeyName);
  if (Status st = RangeInOrder(h.range); !st.ok()) return st;
  if (!(*year)->range.Contains(h.range)) {
    return Invalid("Каникулы " + h.range.Russian() + " вне учебного года " + (*year)->range.Russian() + ".", kKeyFirst);
  }
  for (const auto& other : s.holidays) {
    if (other.year_id == h.year_id && other.range.Overlaps(h.range)) {
      return Invalid("Каникулы пересекаются с «" + other.name + "» (" + other.range.Russian() + ").", kKeyFirst);
    }
  }
  h.id = s.NextId(Entity::kHoliday);
  s.holidays.push_back(h);
  return Applied{h.id, {{Entity::kHoliday, h.id}}};
}

Result<Applied> ClassCreate(Structure& s, const Json& p) {
  SchoolClass c;
  int64_t grade = 0;
  JsonReader r(p);
  r.Int(kKeyYearId, &c.year_id).Int(kKeyGrade, &grade).String(kKeyLetter, &c.letter).Int(kKeyTeacherId, &c.teacher_id, false);
  if (!r.ok()) return r.status();
  auto year = NeedYear(s, c.year_id);
  if (!year.ok()) return year.status();
  if (grade < 1 || grade > 11) return Invalid("Параллель класса — число от 1 до 11.", kKeyGrade);
  c.grade = static_cast<int>(grade);
  c.letter = NormalizeClassLetter(c.letter);  // «в» is taken as «В»
  if (Status st = ValidateClassLetter(c.letter); !st.ok()) return st;
  for (const auto& other : s.classes) {
    if (other.year_id == c.year_id && other.grade == c.grade && other.letter == c.letter) {
      return Invalid("Класс " + c.Name() + " в " + (*year)->name + " учебном году уже есть.", kKeyLetter);
    }
  }
  if (Status st = CheckClassTeacher(s, c.teacher_id, c.year_id, 0); !st.ok()) return st;
  c.id = s.NextId(Entity::kClass);
  s.classes.push_back(c);
  Applied out{c.id, {{Entity::kClass, c.id}}};
  if (c.teacher_id) {
    Person& t = s.persons[c.teacher_id];
    if (!t.Has(Role::kClassTeacher)) {
      t.roles.push_back(Role::kClassTeacher);
      out.changes.push_back({Entity::kPerson, t.id});
    }
  }
  return out;
}

Result<Applied> ClassSetTeacher(Structure& s, const Json& p) {
  int64_t class_id = 0, teacher_id = 0;
  JsonReader r(p);
  r.Int(kKeyClassId, &class_id).Int(kKeyTeacherId, &teacher_id);
  if (!r.ok()) return r.status();
  auto c = NeedClass(s, class_id);
  if (!c.ok()) return c.status();
  if (Status st = CheckClassTeacher(s, teacher_id, (*c)->year_id, class_id); !st.ok()) return st;
  Applied out{0, {{Entity::kClass, class_id}}};
  int64_t previous = (*c)->teacher_id;
  for (auto& cls : s.classes) {
    if (cls.id == class_id) cls.teacher_id = teacher_id;
  }
  // The previous class teacher keeps the role only while leading another class.
  if (previous != 0 && previous != teacher_id) {
    bool leads_other = std::any_of(s.classes.begin(), s.classes.end(), [&](const SchoolClass& x) { return x.teacher_id == previous; });
    Person& old = s.persons[previous];
    if (!leads_other && old.Has(Role::kClassTeacher)) {
      old.roles.erase(std::remove(old.roles.begin(), old.roles.end(), Role::kClassTeacher), old.roles.end());
      out.changes.push_back({Entity::kPerson, previous});
    }
  }
  if (teacher_id) {
    Person& t = s.persons[teacher_id];
    if (!t.Has(Role::kClassTeacher)) {
      t.roles.push_back(Role::kClassTeacher);
      out.changes.push_back({Entity::kPerson, t.id});
    }
  }
  return out;
}

Result<Applied> StudentCreate(Structure& s, const Json& p) {
  StudentDraft d;
  int64_t class_id = 0;
  std::string sex;
  std::optional<Date> from;
  JsonReader r(p);
  r.String(kKeyLastName, &d.name.last).String(kKeyFirstName, &d.name.first).String(kKeyMiddleName, &d.name.middle, false);
  r.Int(kKeyClassId, &class_id).IsoDate(kKeyFrom, &from).IsoDate(kKeyBirthDate, &d.birth_date, false);
  r.String(kKeySex, &sex, false);
  if (!r.ok()) return r.status();
  if (Status st = ValidateNamePart(d.name.last, "фамилия", kKeyLastName); !st.ok()) return st;
  if (Status st = ValidateNamePart(d.name.first, "имя", kKeyFirstName); !st.ok()) return st;
  if (!d.name.middle.empty()) {
    if (Status st = ValidateNamePart(d.name.middle, "отчество", kKeyMiddleName); !st.ok()) return st;
  }
  if (!sex.empty() && sex != "m" && sex != "f") return Invalid("Пол указывается как «м» или «ж».", kKeySex);
  d.sex = sex.empty() ? 0 : sex[0];
  auto c = NeedClass(s, class_id);
  if (!c.ok()) return c.status();
  const AcademicYear* year = s.FindYear((*c)->year_id);
  if (!year->range.Contains(*from)) {
    return Invalid("Дата зачисления " + from->Russian() + " вне учебного года " + year->name + ".", kKeyFrom);
  }
  if (Status st = ValidateStudentBirthDate(d.birth_date, *year); !st.ok()) return st;
  if (const Person* same = s.FindStudent(d.name, d.birth_date)) {
    const SchoolClass* in = s.ClassOf(same->id, *from);
    return Invalid("Ученик " + FullName(d.name) + " уже есть" + (in ? " в " + in->Name() : std::string()) + ".",
                   kKeyLastName);
  }
  Person person;
  person.id = s.NextId(Entity::kPerson);
  person.name = d.name;
  person.birth_date = d.birth_date;
  person.sex = d.sex;
  person.roles = {Role::kStudent};
  s.persons.emplace(person.id, person);
  Enrollment e{s.NextId(Entity::kEnrollment), person.id, class_id, *from, std::nullopt};
  s.enrollments.push_back(e);
  return Applied{person.id, {{Entity::kPerson, person.id}, {Entity::kEnrollment, e.id}}};
}

Result<Applied> StudentTransfer(Structure& s, const Json& p) {
  int64_t student_id = 0, class_id = 0;
  std::optional<Date> from;
  JsonReader r(p);
  r.Int(kKeyStudentId, &student_id).Int(kKeyClassId, &class_id).IsoDate(kKeyFrom, &from);
  if (!r.ok()) return r.status();
  auto student = NeedStudent(s, student_id);
  if (!student.ok()) return student.status();
  auto to = NeedClass(s, class_id);
  if (!to.ok()) return to.status();
  const AcademicYear* to_year = s.FindYear((*to)->year_id);
  if (!to_year || !to_year->range.Contains(*from)) {
    return Invalid("Дата перевода " + from->Russian() + " вне учебного года класса " + (*to)->Name() + ".", kKeyFrom);
  }
  Enrollment* current = CurrentEnrollment(s, student_id, *from);
  if (!current) {
    return Invalid(FullName((*student)->name) + " не числится ни в одном классе на " + from->Russian() + ".", kKeyFrom);
  }
  if (current->class_id == class_id) return Invalid("Ученик уже в классе " + (*to)->Name() + ".", kKeyClassId);
  if (current->from == *from) {
    return Invalid("Перевод в день зачисления: исправьте зачисление, а не переводите.", kKeyFrom);
  }
  // No later enrollment may start after the transfer date (history is never rewritten).
  for (const auto& e : s.enrollments) {
    if (e.student_id == student_id && e.from > *from) {
      return Invalid("У ученика есть более поздние записи движения; перевод задним числом невозможен.", kKeyFrom);
    }
  }
  int64_t closed = current->id;
  current->to = from->AddDays(-1);
  Enrollment e{s.NextId(Entity::kEnrollment), student_id, class_id, *from, std::nullopt};
  s.enrollments.push_back(e);
  return Applied{e.id, {{Entity::kEnrollment, closed}, {Entity::kEnrollment, e.id}}};
}

Result<Applied> StudentLeave(Structure& s, const Json& p) {
  int64_t student_id = 0;
  std::optional<Date> last_day;
  JsonReader r(p);
  r.Int(kKeyStudentId, &student_id).IsoDate(kKeyTo, &last_day);
  if (!r.ok()) return r.status();
  auto student = NeedStudent(s, student_id);
  if (!student.ok()) return student.status();
  Enrollment* current = CurrentEnrollment(s, student_id, *last_day);
  if (!current || current->to) {
    return Invalid(FullName((*student)->name) + " не числится в классе на " + last_day->Russian() + ".", kKeyTo);
  }
  current->to = *last_day;
  return Applied{0, {{Entity::kEnrollment, current->id}}};
}

Result<Applied> YearRollover(Structure& s, const Json& p) {
  int64_t from_id = 0;
  JsonReader r(p);
  r.Int(kKeyYearId, &from_id);
  if (!r.ok()) return r.status();
  auto from = NeedYear(s, from_id);
  if (!from.ok()) return from.status();
  AcademicYear old = **from;  // copied: YearCreate grows s.years
  DateRange next;
  if (Status st = ReadDateRange(p, &next); !st.ok()) return st;
  if (next.first <= old.range.last) {
    return Invalid("Новый учебный год должен начинаться после окончания " + old.name + " (" + old.range.last.Russian() + ").",
                   kKeyFirst);
  }
  Json year_payload = p;
  year_payload.erase(kKeyYearId);
  auto created = YearCreate(s, year_payload);
  if (!created.ok()) return created.status();
  Applied out = *created;
  const int64_t year_id = created->created_id;
  const AcademicYear& year = *s.FindYear(year_id);

  CalendarDraft calendar = DefaultCalendar(year);
  for (StudyPeriod period : calendar.periods) {
    period.id = s.NextId(Entity::kPeriod);
    s.periods.push_back(period);
    out.changes.push_back({Entity::kPeriod, period.id});
  }
  for (Holiday h : calendar.holidays) {
    h.id = s.NextId(Entity::kHoliday);
    s.holidays.push_back(h);
    out.changes.push_back({Entity::kHoliday, h.id});
  }
  std::vector<CurriculumLine> copied;
  for (const auto& line : s.curriculum) {
    if (line.year_id == old.id) {
      CurriculumLine l = line;
      l.year_id = year_id;
      copied.push_back(l);
    }
  }
  if (!copied.empty()) {
    s.curriculum.insert(s.curriculum.end(), copied.begin(), copied.end());
    out.changes.push_back({Entity::kCurriculum, 0});
  }
  // 5А → 6А with its class teacher and the students it has on the last day; 11th grade leaves.
  std::vector<SchoolClass> old_classes;
  for (const SchoolClass* c : s.ClassesOf(old.id)) old_classes.push_back(*c);
  for (const SchoolClass& c : old_classes) {
    if (c.grade >= 11) continue;
    SchoolClass moved{s.NextId(Entity::kClass), year_id, c.grade + 1, c.letter, c.teacher_id};
    s.classes.push_back(moved);
    out.changes.push_back({Entity::kClass, moved.id});
    for (int64_t student : s.StudentsOf(c.id, old.range.last)) {
      Enrollment e{s.NextId(Entity::kEnrollment), student, moved.id, year.range.first, std::nullopt};
      s.enrollments.push_back(e);
      out.changes.push_back({Entity::kEnrollment, e.id});
    }
  }
  return out;
}

// Roles given by a person operation: staff roles and parent; students come with a class and
// class teachers with a class, so neither is given here.
Result<std::vector<Role>> ReadRoles(const Json& p) {
  const Json* codes = nullptr;
  JsonReader r(p);
  r.Array(kKeyRoles, &codes);
  if (!r.ok()) return r.status();
  std::vector<Role> roles;
  for (const auto& c : *codes) {
    auto role = c.is_string() ? RoleFromCode(c.get_ref<const std::string&>()) : std::nullopt;
    if (!role) return Status(ErrorCode::kBadRequest, "Поле «roles»: неизвестная роль.", kKeyRoles);
    if (*role == Role::kStudent || *role == Role::kClassTeacher) {
      return Invalid(std::string("Роль «") + std::string(RoleTitle(*role)) +
                         "» назначается через класс, а не вручную.",
                     kKeyRoles);
    }
    if (std::find(roles.begin(), roles.end(), *role) == roles.end()) roles.push_back(*role);
  }
  if (roles.empty()) return Invalid("Укажите хотя бы одну роль.", kKeyRoles);
  return roles;
}

Result<Applied> PersonCreate(Structure& s, const Json& p, const Actor& actor) {
  Person person;
  JsonReader r(p);
  r.String(kKeyLastName, &person.name.last).String(kKeyFirstName, &person.name.first);
  r.String(kKeyMiddleName, &person.name.middle, false);
  if (!r.ok()) return r.status();
  if (Status st = ValidateNamePart(person.name.last, "фамилия", kKeyLastName); !st.ok()) return st;
  if (Status st = ValidateNamePart(person.name.first, "имя", kKeyFirstName); !st.ok()) return st;
  if (!person.name.middle.empty()) {
    if (Status st = ValidateNamePart(person.name.middle, "отчество", kKeyMiddleName); !st.ok()) return st;
  }
  auto roles = ReadRoles(p);
  if (!roles.ok()) return roles.status();
  if (Status st = AuthorizeRoleChange(actor, 0, {}, *roles); !st.ok()) return st;
  person.roles = *roles;
  person.id = s.NextId(Entity::kPerson);
  s.persons.emplace(person.id, person);
  return Applied{person.id, {{Entity::kPerson, person.id}}};
}

Result<Applied> PersonSetRoles(Structure& s, const Json& p, const Actor& actor) {
  int64_t id = 0;
  JsonReader r(p);
  r.Int(kKeyPersonId, &id);
  if (!r.ok()) return r.status();
  auto it = s.persons.find(id);
  if (it == s.persons.end()) return Status(ErrorCode::kNotFound, "Человек не найден.", kKeyPersonId);
  auto roles = ReadRoles(p);
  if (!roles.ok()) return roles.status();
  Person& person = it->second;
  // Roles that come from elsewhere stay: student (a class), class teacher (a class).
  for (Role kept : {Role::kStudent, Role::kClassTeacher}) {
    if (person.Has(kept)) roles->push_back(kept);
  }
  bool teaches = std::any_of(s.workload.begin(), s.workload.end(), [&](const WorkloadLine& w) { return w.teacher_id == id; });
  bool still_teacher = std::find(roles->begin(), roles->end(), Role::kTeacher) != roles->end();
  if (teaches && !still_teacher) {
    return Invalid(ShortName(person.name) + " ведёт уроки по нагрузке: сначала снимите нагрузку.", kKeyRoles);
  }
  if (person.Has(Role::kClassTeacher) && !still_teacher) {
    return Invalid(ShortName(person.name) + " — классный руководитель: сначала назначьте другого.", kKeyRoles);
  }
  if (Status st = AuthorizeRoleChange(actor, id, person.roles, *roles); !st.ok()) return st;
  person.roles = *roles;
  return Applied{0, {{Entity::kPerson, id}}};
}

Result<Applied> GuardianLink(Structure& s, const Json& p) {
  Guardianship g;
  JsonReader r(p);
  r.Int(kKeyPersonId, &g.parent_id).Int(kKeyStudentId, &g.student_id).String(kKeyKind, &g.kind);
  if (!r.ok()) return r.status();
  if (g.kind != "mother" && g.kind != "father" && g.kind != "guardian") {
    return Invalid("Связь — мать, отец или законный представитель.", kKeyKind);
  }
  const Person* parent = s.FindPerson(g.parent_id);
  if (!parent || !parent->Has(Role::kParent)) return Invalid("Родителем можно указать только человека с ролью «Родитель».", kKeyPersonId);
  auto student = NeedStudent(s, g.student_id);
  if (!student.ok()) return student.status();
  if (g.parent_id == g.student_id) return Invalid("Ученик не может быть своим родителем.", kKeyPersonId);
  int same_kind = 0;
  for (const auto& other : s.guardianships) {
    if (other.student_id != g.student_id) continue;
    if (other.parent_id == g.parent_id) return Invalid("Эта связь уже есть.", kKeyPersonId);
    if (other.kind == g.kind && g.kind != "guardian") ++same_kind;
  }
  if (same_kind > 0) {
    return Invalid(std::string("У ученика уже указан") + (g.kind == "mother" ? "а мать." : " отец."), kKeyKind);
  }
  s.guardianships.push_back(g);
  return Applied{0, {{Entity::kGuardianship, g.student_id}}};
}

}  // namespace

namespace {

Result<Applied> Dispatch(Structure& s, const Operation& op, const Actor& actor) {
  const std::string& k = op.kind;
  if (k == op_kind::kYearCreate) return YearCreate(s, op.payload);
  if (k == op_kind::kYearRollover) return YearRollover(s, op.payload);
  if (k == op_kind::kPeriodCreate) return PeriodCreate(s, op.payload);
  if (k == op_kind::kHolidayCreate) return HolidayCreate(s, op.payload);
  if (k == op_kind::kClassCreate) return ClassCreate(s, op.payload);
  if (k == op_kind::kClassSetTeacher) return ClassSetTeacher(s, op.payload);
  if (k == op_kind::kStudentCreate) return StudentCreate(s, op.payload);
  if (k == op_kind::kStudentTransfer) return StudentTransfer(s, op.payload);
  if (k == op_kind::kStudentLeave) return StudentLeave(s, op.payload);
  if (k == op_kind::kPersonCreate) return PersonCreate(s, op.payload, actor);
  if (k == op_kind::kPersonSetRoles) return PersonSetRoles(s, op.payload, actor);
  if (k == op_kind::kGuardianLink) return GuardianLink(s, op.payload);
  if (IsStructureOp(k)) return ApplyPlanOp(s, op);
  return Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + k + "».", "kind");
}

}  // namespace

Result<Applied> ApplyStructureOp(Structure& s, const Operation& op, const Actor& actor) {
  if (Status st = Authorize(actor, Action::kEditStructure); !st.ok()) return st;
  auto applied = Dispatch(s, op, actor);
  if (applied.ok()) s.SortKeyedLists();
  return applied;
}

}  // namespace ej
