// Public API of the core: the one access policy (DESIGN.md). A single function answers "may
// this user do this to this target?" from roles and relationships. The server asks it on
// every request; the client asks it only to hide what would be refused.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

#include "roles.h"
#include "status.h"

namespace ej {

// Who is asking: the person behind the session and what they are to others.
struct Actor {
  int64_t school_id = 0;
  int64_t account_id = 0;
  int64_t person_id = 0;
  std::vector<Role> roles;
  std::set<int64_t> led_classes;   // classes this person is the class teacher of
  std::set<int64_t> children;      // students this person is a parent of
  // Filled from the state by the core (AddJournalRelations, journal.h): groups the person
  // teaches by the workload, lessons they substitute in.
  std::set<int64_t> taught_groups;
  std::set<int64_t> substituted_lessons;
  std::set<int64_t> substituted_groups;  // the groups of those lessons (their students, their slice)

  bool Has(Role role) const;
};

enum class Action {
  kReadStructure,      // years, periods, holidays, classes, the roster (names)
  kReadPersonalData,   // birth dates, contacts of students and parents (R7, R22)
  kEditStructure,      // set up the year: periods, classes, students, movement
  kManageAccounts,     // issue passwords, disable accounts
  kReadMarks,          // marks and attendance (later issues narrow this by group and child)
  kReadJournal,        // a group's journal: target.group_id and target.class_ids
  kWriteLesson,        // entries of one lesson: target.lesson_id, group_id, lesson_teacher_id, substitute_id
  kWriteFinals,        // period and year marks of a group: target.group_id
  kPlanLessons,        // generate lessons, substitute teachers, move lessons
  kApproveCorrections, // decide a correction request, lock and unlock periods
  kReadAudit,          // the corrections audit of the whole school
  kReadPlan,           // a group's thematic plan (КТП): Target.group_id, .class_ids
  kEditPlan,           // set a group's thematic plan: Target.group_id
  kEditControlWork,    // add, change or remove a control work of a group: Target.group_id
  kReadControlWork,    // see a control work of a group: Target.group_id, .student_ids
  kReadDiary,          // one student's diary (diary.h): Target.student_id, .class_ids (their
                       // classes in the range), .group_ids (their groups in the range)
  kReadAccessLog,      // the personal-data access log (R7, R22): the head only
  kReadCorrectionRequests,  // correction requests: the administration all, a teacher their own
};

// What the action is aimed at; unused fields stay zero.
struct Target {
  int64_t class_id = 0;
  int64_t student_id = 0;
  int64_t group_id = 0;
  std::vector<int64_t> class_ids;    // the classes the group draws from
  std::vector<int64_t> student_ids;  // the group's students (who may see its control works)
  std::vector<int64_t> group_ids;    // a student's groups (kReadDiary)
  int64_t lesson_id = 0;
  int64_t lesson_teacher_id = 0;     // the teacher of the lesson by the timetable
  int64_t substitute_id = 0;         // the lesson's substitute (0: none)
};

// A member of the school's staff (any role but parent and student). A refusal to someone who
// is not staff is answered as "not found", so a family never learns what exists (R22).
bool IsStaff(const Actor& actor);

// Ok, or kForbidden with a Russian message that says what the user may not do.
Status Authorize(const Actor& actor, Action action, const Target& target = {});

// Whether the actor may give or take these roles (`before` → `after`) of a person: the head
// role only the head gives or takes (and never their own), the deputy role only the head, the
// technical administrator role the head and deputies. Other roles need kEditStructure.
Status AuthorizeRoleChange(const Actor& actor, int64_t target_person_id, const std::vector<Role>& before,
                           const std::vector<Role>& after);

// Whether the actor may issue a password for, or disable, the account of a person with
// `target_roles` (`target_person_id` to recognise one's own account). Beyond kManageAccounts:
// the head's account only the head manages; deputies' accounts only the head and deputies
// (a technical administrator cannot take over the administration); nobody disables themself.
Status AuthorizeAccountWork(const Actor& actor, int64_t target_person_id, const std::vector<Role>& target_roles,
                            bool disabling);

}  // namespace ej
