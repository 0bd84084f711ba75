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

// A parent or legal representative of a student.
struct Guardianship {
  int64_t parent_id = 0;
  int64_t student_id = 0;
  std::string kind;  // "mother", "father", "guardian"
};

struct Enrollment {
  int64_t id = 0;
  int64_t student_id = 0;
  int64_t class_id = 0;
  Date from;
  std::optional<Date> to;  // the last day in the class; none while current
  bool CoversDay(Date d) const { return from <= d && (!to || d <= *to); }
};

struct Subject {
  int64_t id = 0;
  std::string name;        // "Математика"
  std::string short_name;  // "Матем."
};

// Hours a week of a subject in a grade (учебный план); profile "" for every class of the
// grade, otherwise a profile of grades 10–11 («технологический» …).
struct CurriculumLine {
  int64_t year_id = 0;
  int grade = 1;
  int64_t subject_id = 0;
  std::string profile;
  double hours = 0;
};

enum class GroupKind {
  kWholeClass,  // the class itself, for one subject
  kSubgroup,    // part of one class (English, technology)
  kProfile,     // профильная группа, may draw from several classes
  kElective,    // элективный курс, факультатив
  kClub,        // кружок
  kProject,     // проектная группа
};
std::string_view GroupKindCode(GroupKind k);
std::optional<GroupKind> GroupKindFromCode(std::string_view code);
std::string_view GroupKindTitle(GroupKind k);  // «подгруппа» …

// A set of students taught one subject together.
struct Group {
  int64_t id = 0;
  int64_t year_id = 0;
  GroupKind kind = GroupKind::kWholeClass;
  std::string name;                 // "5А", "5А — англ. яз., 1 подгруппа"
  int64_t subject_id = 0;
  std::vector<int64_t> class_ids;   // the classes it draws from
  std::vector<int64_t> members;     // explicit members; a whole-class group follows its class
};

// Who teaches which subject to which group, hours a week (тарификация).
struct WorkloadLine {
  int64_t id = 0;
  int64_t year_id = 0;
  int64_t teacher_id = 0;
  int64_t subject_id = 0;
  int64_t group_id = 0;
  double hours = 0;
};

// A line of a student's individual study plan (ИУП, R10, R21) for a year: a subject's hours a
// week added to what the class's curriculum gives, or replacing it (0 with kReplace: the
// student does not study the subject, e.g. an exemption).
enum class IupMode { kAdd, kReplace };
std::string_view IupModeCode(IupMode m);                  // "add", "replace"
std::optional<IupMode> IupModeFromCode(std::string_view code);
struct IupLine {
  int64_t year_id = 0;
  int64_t student_id = 0;
  int64_t subject_id = 0;
  IupMode mode = IupMode::kAdd;
  double hours = 0;
};

// One subject of a student's plan: the class's curriculum hours, the student's own line, and
// the hours the student has.
struct StudentPlanLine {
  int64_t subject_id = 0;
  double class_hours = 0;              // by the grade's curriculum (0: not in it)
  std::optional<IupLine> own;          // the ИУП line, if any
  double hours = 0;                    // what the student studies a week
};

// ---- [SECTION] Structure ----

// What an operation changed, for whoever persists the state.
enum class Entity { kYear, kPeriod, kHoliday, kClass, kPerson, kEnrollment, kSubject, kCurriculum, kGroup, kWorkload,
                    kGuardianship, kIup };
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
  std::vector<Subject> subjects;
  std::vector<CurriculumLine> curriculum;
  std::vector<Group> groups;
  std::vector<WorkloadLine> workload;
  std::vector<Guardianship> guardianships;
  std::vector<IupLine> iup;  // individual study plans, keyed by (year, student, subject)

  const AcademicYear* FindYear(int64_t id) const;
  const Subject* FindSubject(int64_t id) const;
  const Group* FindGroup(int64_t id) const;
  // Hours a week of the subject in the grade by the curriculum (profile "" lines), 0 if none.
  double CurriculumHours(int64_t year_id, int grade, int64_t subject_id) const;
  // Students of a group on a day: a whole-class group follows its class.
  std::vector<int64_t> GroupStudents(int64_t group_id, Date d) const;
  // Workload hours already given to a group for its subject.
  double GroupWorkloadHours(int64_t group_id) const;
  const SchoolClass* FindClass(int64_t id) const;
  const Person* FindPerson(int64_t id) const;
  // The year that contains the day, if any.
  const AcademicYear* YearOf(Date d) const;

  // True if the enrollment covers the day: inside its dates and inside its class's year (a
  // class belongs to one year, so an open enrollment ends with the year).
  bool Covers(const Enrollment& e, Date d) const;
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
  // The class a student belongs to in a year: the latest enrollment in a class of the year.
  const SchoolClass* ClassInYear(int64_t student_id, int64_t year_id) const;
  // A student's plan for a year: the grade's curriculum (profile "") with the student's ИУП
  // lines applied, ordered by subject name. Empty when the student has no class that year.
  std::vector<StudentPlanLine> StudentPlan(int64_t student_id, int64_t year_id) const;
  // The ИУП lines of a student in a year.
  std::vector<IupLine> IupOf(int64_t student_id, int64_t year_id) const;
  // The person with this full name and birth date, if there is a student like that.
  const Person* FindStudent(const PersonName& name, std::optional<Date> birth_date) const;

  // Keeps lists without ids (curriculum, parents' links) in their canonical order, the order
  // storage reads them back in.
  void SortKeyedLists();

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
inline constexpr std::string_view kSubjectCreate = "subject.create";
inline constexpr std::string_view kCurriculumSet = "curriculum.set";
inline constexpr std::string_view kGroupCreate = "group.create";
inline constexpr std::string_view kGroupSetMembers = "group.set_members";
inline constexpr std::string_view kWorkloadSet = "workload.set";
inline constexpr std::string_view kYearRollover = "year.rollover";
inline constexpr std::string_view kPersonCreate = "person.create";
inline constexpr std::string_view kPersonSetRoles = "person.set_roles";
inline constexpr std::string_view kGuardianLink = "guardian.link";
inline constexpr std::string_view kIupSet = "iup.set";
}  // namespace op_kind

// True for kinds that ApplyStructureOp understands; the list of them, for documentation.
bool IsStructureOp(std::string_view kind);
const std::vector<std::string_view>& StructureOpKinds();

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
protocol::Json SubjectCreatePayload(const std::string& name, const std::string& short_name);
// hours 0 removes the line.
protocol::Json CurriculumSetPayload(int64_t year_id, int grade, int64_t subject_id, double hours,
                                    const std::string& profile = {});
protocol::Json GroupCreatePayload(int64_t year_id, GroupKind kind, const std::string& name, int64_t subject_id,
                                  const std::vector<int64_t>& class_ids);
protocol::Json GroupSetMembersPayload(int64_t group_id, const std::vector<int64_t>& student_ids);
// A new year from an old one: classes move up a grade (5А → 6А) with their class teachers and
// students, the 11th grade leaves, the curriculum is copied and the default calendar set.
// Nothing of the old year changes.
protocol::Json YearRolloverPayload(int64_t from_year_id, const std::string& name, DateRange range);
// A staff member or a parent (not a student: students come with a class, student.create).
protocol::Json PersonCreatePayload(const PersonName& name, const std::vector<Role>& roles);
protocol::Json PersonSetRolesPayload(int64_t person_id, const std::vector<Role>& roles);
// kind: "mother", "father" or "guardian" (законный представитель).
protocol::Json GuardianLinkPayload(int64_t parent_id, int64_t student_id, const std::string& kind);
// Sets the hours of (teacher, group); hours 0 removes the line. The subject is the group's.
protocol::Json WorkloadSetPayload(int64_t teacher_id, int64_t group_id, double hours);

// A line of a student's individual study plan; `mode` "add" or "replace", or "none" to remove
// the line (hours are then ignored).
protocol::Json IupSetPayload(int64_t year_id, int64_t student_id, int64_t subject_id, std::string_view mode,
                             double hours);

// The most hours a week a grade may have by СанПиН 1.2.3685-21 (five-day week):
// 1 — 21; 2–4 — 23; 5 — 29; 6 — 30; 7 — 32; 8–9 — 33; 10–11 — 34.
double MaxWeeklyHours(int grade);

// Checks the operation against the rules and the actor's rights and, if it passes, changes
// the structure. On error nothing changes and the Status names the problem in Russian.
Result<Applied> ApplyStructureOp(Structure& s, const Operation& op, const Actor& actor);

// Validation shared with the paste import: a person's name part (letters, hyphen, space,
// apostrophe; 1–60 characters) and a student's birth date for the year.
Status ValidateNamePart(const std::string& part, const char* what, const char* field);
Status ValidateStudentBirthDate(std::optional<Date> birth, const AcademicYear& year);
// "А", "Б" … : one or two capital Cyrillic letters.
Status ValidateClassLetter(const std::string& letter);
// A class's letter as the school writes it: spaces trimmed, Russian letters in upper case
// («в» → «В»); anything else is left for ValidateClassLetter to refuse.
std::string NormalizeClassLetter(std::string_view letter);

// ---- [SECTION] JSON ----

struct SnapshotOptions {
  bool personal_data = false;  // include birth dates and sex
};

// The part of the structure a user may see (R22, 152-ФЗ): the head and deputies see all; a
// teacher sees the staff, the plan, and the students of the groups they teach and the class
// they lead (with their ИУП lines) and of the groups where they substitute a lesson; a technical administrator and other staff see the staff and the plan but no
// student. Parents' links only with personal data. Used for every snapshot the server sends.
Structure VisibleTo(const Structure& s, const Actor& actor);
// The actor with `taught_groups` filled from the workload (the relationship "teaches this
// group" that Authorize reads for plans and control works).
Actor TeachingActor(const Structure& s, Actor actor);
SnapshotOptions SnapshotOptionsFor(const Actor& actor);
protocol::Json ToJson(const Structure& s, SnapshotOptions options);
Result<Structure> StructureFromJson(const protocol::Json& j);

}  // namespace ej
