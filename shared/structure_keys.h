// Internal to the core: the JSON keys of the structure's snapshot and operation payloads,
// each spelled once, shared by structure.cpp and structure_ops.cpp.
#pragma once

#include "protocol.h"
#include "date.h"
#include "status.h"

namespace ej {

// Reads {"first","last"} ISO dates into a range (defined in structure.cpp).
Status ReadDateRange(const protocol::Json& j, DateRange* out);

struct Applied;
class Structure;
struct Operation;
template <typename T>
class Result;
// The study plan's operations (structure_plan_ops.cpp), called by ApplyStructureOp after it
// has authorised the actor.
Result<Applied> ApplyPlanOp(Structure& s, const Operation& op);

}  // namespace ej

namespace ej::structure_keys {

constexpr const char* kKeyYears = "years";
constexpr const char* kKeyPeriods = "periods";
constexpr const char* kKeyHolidays = "holidays";
constexpr const char* kKeyClasses = "classes";
constexpr const char* kKeyPersons = "persons";
constexpr const char* kKeyEnrollments = "enrollments";
constexpr const char* kKeyId = "id";
constexpr const char* kKeyName = "name";
constexpr const char* kKeyFirst = "first";
constexpr const char* kKeyLast = "last";
constexpr const char* kKeyYearId = "year_id";
constexpr const char* kKeyGradeFrom = "grade_from";
constexpr const char* kKeyGradeTo = "grade_to";
constexpr const char* kKeyGrade = "grade";
constexpr const char* kKeyLetter = "letter";
constexpr const char* kKeyTeacherId = "teacher_id";
constexpr const char* kKeyLastName = "last_name";
constexpr const char* kKeyFirstName = "first_name";
constexpr const char* kKeyMiddleName = "middle_name";
constexpr const char* kKeyBirthDate = "birth_date";
constexpr const char* kKeySex = "sex";
constexpr const char* kKeyRoles = "roles";
constexpr const char* kKeyStudentId = "student_id";
constexpr const char* kKeyClassId = "class_id";
constexpr const char* kKeyFrom = "from";
constexpr const char* kKeyTo = "to";

constexpr const char* kKeyPersonId = "person_id";
constexpr const char* kKeySubjects = "subjects";
constexpr const char* kKeyCurriculum = "curriculum";
constexpr const char* kKeyGroups = "groups";
constexpr const char* kKeyWorkload = "workload";
constexpr const char* kKeyShortName = "short_name";
constexpr const char* kKeySubjectId = "subject_id";
constexpr const char* kKeyProfile = "profile";
constexpr const char* kKeyHours = "hours";
constexpr const char* kKeyKind = "kind";
constexpr const char* kKeyClassIds = "class_ids";
constexpr const char* kKeyMembers = "members";
constexpr const char* kKeyStudentIds = "student_ids";
constexpr const char* kKeyGroupId = "group_id";
constexpr const char* kKeyGuardianships = "guardianships";
constexpr const char* kKeyParentId = "parent_id";
constexpr const char* kKeyDate = "date";
constexpr const char* kKeyIup = "iup";
constexpr const char* kKeyMode = "mode";

}  // namespace ej::structure_keys
