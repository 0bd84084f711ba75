// Public API of the core: the school's structure for the year (R10, R21): academic years,
// study periods, holidays, classes, people and their roles, enrollments of students in
// classes. The state, its queries, its JSON form (the snapshot the console loads) and the
// operations that change it, each validated with a Russian message that names the problem.
//
// [SECTION] model            the entities
// [SECTION] Structure        the state and its queries
// [SECTION] operations       kinds, payload builders, Apply
// [SECTION] JSON             the snapshot
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "date.h"
#include "names.h"
#include "ops.h"
#include "protocol.h"
#include "roles.h"
#include "status.h"

namespace ej {

// ---- [SECTION] model ----

struct AcademicYear {
  int64_t id = 0;
  std::string name;  // "2026/2027"
  DateRange range;
};

struct StudyPeriod {
  int64_t id = 0;
  int64_t year_id = 0;
  std::string name;  // "1 четверть", "1 полугодие"
  DateRange range;
  int grade_from = 1;
  int grade_to = 11;
};

struct Holiday {
  int64_t id = 0;
  int64_t year_id = 0;
  std::string name;  // "Осенние каникулы"
  DateRange range;
};

struct SchoolClass {
  int64_t id = 0;
  int64_t year_id = 0;
  int grade = 1;
  std::string letter;         // "А"
  int64_t teacher_id = 0;     // the class teacher (a person), 0 if none yet
  std::string Name() const;   // "5А"
};

struct Person {
  int64_t id = 0;
  PersonName name;
  std::optional<Date> birth_date;  // personal data: only for those who may see it
  char sex = 0;                    // 'm', 'f' or 0 when unknown / hidden
  std::vector<Role> roles;
  bool Has(Role role) const;
};

struct Enrollment {
  int64_t id = 0;
  int64_t student_id = 0;
  int64_t class_id = 0;
  Date from;
  std::optional<Date> to;  // the last day in the class; none while current
  bool CoversDay(Date d) const { return from <= d && (!to || d <= *to); }
};

// ---- [SECTION] Structure ----

// What an operation changed, for whoever persists the state.
enum class Entity { kYear, kPeriod, kHoliday, kClass, kPerson, kEnrollment };
struct Change {
  Entity entity;
  int64_t id;
};

struct Applied {
  int64_t created_id = 0;
  std::vector<Change> changes;
};

class Structure {
 public:
  std::vector<AcademicYear> years;
  std::vector<StudyPeriod> periods;
  std::vector<Holiday> holidays;
  std::vector<SchoolClass> classes;
  std::map<int64_t, Person> persons;
  std::vector<Enrollment> enrollments;

  const AcademicYear* FindYear(int64_t id) const;
  const SchoolClass* FindClass(int64_t id) const;
  const Person* FindPerson(int64_t id) const;
  // The year that contains the day, if any.
  const AcademicYear* YearOf(Date d) const;

  // The class a student is in on a day (through an enrollment that covers it).
  const SchoolClass* ClassOf(int64_t student_id, Date d) const;
  // Students of a class on a day, in Russian alphabetical order of their names.
  std::vector<int64_t> StudentsOf(int64_t class_id, Date d) const;
  // Every student ever enrolled in the class, in alphabetical order (the journal's list).
  std::vector<int64_t> StudentsEverIn(int64_t class_id) const;
  // Classes of a year, ordered by grade then letter.
  std::vector<const SchoolClass*> ClassesOf(int64_t year_id) const;
  // The class the person leads in the year, if any.
  const SchoolClass* ClassLedBy(int64_t person_id, int64_t year_id) const;
  // The person with this full name and birth date, if there is a student like that.
  const Person* FindStudent(const PersonName& name, std::optional<Date> birth_date) const;

  // The next id for a new entity of the kind (ids are assigned here, on the server).
  int64_t NextId(Entity e);
  // Where ids of the kind continue from (the server sets it from its tables, which hold
  // every school's rows).
  void SetNextId(Entity e, int64_t next) { next_ids_[e] = next; }

 private:
  std::map<Entity, int64_t> next_ids_;
};

// ---- [SECTION] operations ----

namespace op_kind {
inline constexpr std::string_view kYearCreate = "year.create";
inline constexpr std::string_view kPeriodCreate = "period.create";
inline constexpr std::string_view kHolidayCreate = "holiday.create";
inline constexpr std::string_view kClassCreate = "class.create";
inline constexpr std::string_view kClassSetTeacher = "class.set_teacher";
inline constexpr std::string_view kStudentCreate = "student.create";
inline constexpr std::string_view kStudentTransfer = "student.transfer";
inline constexpr std::string_view kStudentLeave = "student.leave";
}  // namespace op_kind

// True for kinds that ApplyStructureOp understands.
bool IsStructureOp(std::string_view kind);

// Payload builders: the client makes operations with these, so keys are spelled once.
protocol::Json YearCreatePayload(const std::string& name, DateRange range);
protocol::Json PeriodCreatePayload(int64_t year_id, const std::string& name, DateRange range, int grade_from,
                                   int grade_to);
protocol::Json HolidayCreatePayload(int64_t year_id, const std::string& name, DateRange range);
protocol::Json ClassCreatePayload(int64_t year_id, int grade, const std::string& letter, int64_t teacher_id);
protocol::Json ClassSetTeacherPayload(int64_t class_id, int64_t teacher_id);
struct StudentDraft {
  PersonName name;
  std::optional<Date> birth_date;
  char sex = 0;
};
protocol::Json StudentCreatePayload(const StudentDraft& s, int64_t class_id, Date from);
protocol::Json StudentTransferPayload(int64_t student_id, int64_t class_id, Date from);
protocol::Json StudentLeavePayload(int64_t student_id, Date last_day);

// Checks the operation against the rules and the actor's rights and, if it passes, changes
// the structure. On error nothing changes and the Status names the problem in Russian.
Result<Applied> ApplyStructureOp(Structure& s, const Operation& op, const Actor& actor);

// Validation shared with the paste import: a person's name part (letters, hyphen, space,
// apostrophe; 1–60 characters) and a student's birth date for the year.
Status ValidateNamePart(const std::string& part, const char* what, const char* field);
Status ValidateStudentBirthDate(std::optional<Date> birth, const AcademicYear& year);
// "А", "Б" … : one or two capital Cyrillic letters.
Status ValidateClassLetter(const std::string& letter);

// ---- [SECTION] JSON ----

struct SnapshotOptions {
  bool personal_data = false;  // include birth dates and sex
};
protocol::Json ToJson(const Structure& s, SnapshotOptions options);
Result<Structure> StructureFromJson(const protocol::Json& j);

}  // namespace ej
