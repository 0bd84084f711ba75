// Internal to the core: the JSON keys of the structure's snapshot and operation payloads,
// each spelled once, shared by structure.cpp and structure_ops.cpp.
#pragma once

#include "protocol.h"
#include "date.h"
#include "status.h"

namespace ej {

// Reads {"first","last"} ISO dates into a range (defined in structure.cpp).
Status ReadDateRange(const protocol::Json& j, DateRange* out);

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
constexpr const char* kKeyDate = "date";

}  // namespace ej::structure_keys
