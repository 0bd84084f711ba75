#include <doctest/doctest.h>

#include "access.h"

namespace ej {
namespace {

Actor With(std::vector<Role> roles) {
  Actor a;
  a.person_id = 100;
  a.roles = std::move(roles);
  return a;
}

bool Allowed(const Actor& a, Action action, Target t = {}) { return Authorize(a, action, t).ok(); }

}  // namespace

TEST_CASE("the access matrix for structure, personal data, accounts and marks") {
  Actor head = With({Role::kHead}), deputy = With({Role::kDeputy}), teacher = With({Role::kTeacher}),
        admin = With({Role::kTechAdmin}), parent = With({Role::kParent}), student = With({Role::kStudent}),
        other = With({Role::kOther});
  Actor class_teacher = With({Role::kTeacher, Role::kClassTeacher});
  class_teacher.led_classes = {5};
  parent.children = {42};
  student.person_id = 42;

  // Structure: staff read it; only the head and deputies change it.
  for (const Actor* a : {&head, &deputy, &teacher, &admin, &other, &class_teacher}) CHECK(Allowed(*a, Action::kReadStructure));
  for (const Actor* a : {&parent, &student}) CHECK_FALSE(Allowed(*a, Action::kReadStructure));
  for (const Actor* a : {&head, &deputy}) CHECK(Allowed(*a, Action::kEditStructure));
  for (const Actor* a : {&teacher, &admin, &parent, &student, &other, &class_teacher}) {
    CHECK_FALSE(Allowed(*a, Action::kEditStructure));
  }

  // Personal data: the administration; a class teacher for their own class; a parent for their child.
  CHECK(Allowed(deputy, Action::kReadPersonalData, {.student_id = 42}));
  CHECK_FALSE(Allowed(admin, Action::kReadPersonalData, {.student_id = 42}));
  CHECK_FALSE(Allowed(teacher, Action::kReadPersonalData, {.student_id = 42}));
  CHECK(Allowed(class_teacher, Action::kReadPersonalData, {.class_id = 5}));
  CHECK_FALSE(Allowed(class_teacher, Action::kReadPersonalData, {.class_id = 6}));
  CHECK(Allowed(parent, Action::kReadPersonalData, {.student_id = 42}));
  CHECK_FALSE(Allowed(parent, Action::kReadPersonalData, {.student_id = 43}));
  CHECK(Allowed(student, Action::kReadPersonalData, {.student_id = 42}));
  CHECK_FALSE(Allowed(student, Action::kReadPersonalData, {.student_id = 43}));

  // Accounts: the administration and the technical administrator.
  CHECK(Allowed(admin, Action::kManageAccounts));
  CHECK_FALSE(Allowed(teacher, Action::kManageAccounts));

  // Marks: a technical administrator sees none (R22); a parent only their own child's.
  CHECK_FALSE(Allowed(admin, Action::kReadMarks, {.student_id = 42}));
  CHECK(Allowed(With({Role::kTechAdmin, Role::kTeacher}), Action::kReadMarks));
  CHECK(Allowed(parent, Action::kReadMarks, {.student_id = 42}));
  CHECK_FALSE(Allowed(parent, Action::kReadMarks, {.student_id = 43}));
  CHECK_FALSE(Allowed(other, Action::kReadMarks, {.student_id = 42}));

  // A refusal says why, in Russian.
  Status s = Authorize(teacher, Action::kEditStructure);
  CHECK(s.code() == ErrorCode::kForbidden);
  CHECK(s.message().find("директор") != std::string::npos);
}

}  // namespace ej

namespace ej {

TEST_CASE("account work: the head's account only by the head, deputies' by the administration, never disabling oneself") {
  Actor head = With({Role::kHead}), deputy = With({Role::kDeputy}), admin = With({Role::kTechAdmin}), teacher = With({Role::kTeacher});
  deputy.person_id = 2;
  admin.person_id = 3;
  CHECK(AuthorizeAccountWork(head, 9, {Role::kHead}, false).ok());
  CHECK_FALSE(AuthorizeAccountWork(deputy, 9, {Role::kHead}, false).ok());
  CHECK_FALSE(AuthorizeAccountWork(admin, 9, {Role::kHead}, false).ok());
  CHECK(AuthorizeAccountWork(deputy, 9, {Role::kDeputy, Role::kTeacher}, false).ok());
  CHECK_FALSE(AuthorizeAccountWork(admin, 9, {Role::kDeputy}, false).ok());
  CHECK(AuthorizeAccountWork(admin, 9, {Role::kTeacher}, true).ok());
  CHECK(AuthorizeAccountWork(admin, 9, {Role::kParent}, false).ok());
  CHECK_FALSE(AuthorizeAccountWork(admin, admin.person_id, {Role::kTechAdmin}, true).ok());
  CHECK(AuthorizeAccountWork(admin, admin.person_id, {Role::kTechAdmin}, false).ok());
  CHECK(AuthorizeAccountWork(teacher, 9, {Role::kParent}, false).code() == ErrorCode::kForbidden);
}

}  // namespace ej

namespace ej {

TEST_CASE("the access matrix for thematic plans and control works: roles × actions × groups") {
  Actor head = With({Role::kHead}), deputy = With({Role::kDeputy}), teacher = With({Role::kTeacher}),
        admin = With({Role::kTechAdmin}), parent = With({Role::kParent}), student = With({Role::kStudent}),
        other = With({Role::kOther});
  Actor class_teacher = With({Role::kTeacher, Role::kClassTeacher});
  teacher.taught_groups = {7};
  class_teacher.led_classes = {5};
  parent.children = {42};
  student.person_id = 42;
  Target group7{.group_id = 7, .class_ids = {5}}, group8{.group_id = 8, .class_ids = {6}};

  // Plans: read by the group's teacher, the class teacher of its class and the administration.
  for (const Actor* a : {&head, &deputy, &teacher, &class_teacher}) CHECK(Allowed(*a, Action::kReadPlan, group7));
  for (const Actor* a : {&teacher, &class_teacher, &admin, &parent, &student, &other}) {
    CHECK_FALSE(Allowed(*a, Action::kReadPlan, group8));
  }
  CHECK(Allowed(deputy, Action::kReadPlan, group8));
  // Plans and control works are set by the group's teacher and the administration only.
  for (Action edit : {Action::kEditPlan, Action::kEditControlWork}) {
    for (const Actor* a : {&head, &deputy, &teacher}) CHECK(Allowed(*a, edit, group7));
    for (const Actor* a : {&class_teacher, &admin, &parent, &student, &other}) CHECK_FALSE(Allowed(*a, edit, group7));
    CHECK_FALSE(Allowed(teacher, edit, group8));
    CHECK(Allowed(head, edit, group8));
  }
  // Control works: every member of staff sees them; a parent or a student those of the
  // student's groups.
  Target with_child = group8;
  with_child.student_ids = {41, 42};
  for (const Actor* a : {&head, &deputy, &teacher, &class_teacher, &admin, &other}) {
    CHECK(Allowed(*a, Action::kReadControlWork, group8));
  }
  CHECK(Allowed(parent, Action::kReadControlWork, with_child));
  CHECK(Allowed(student, Action::kReadControlWork, with_child));
  CHECK_FALSE(Allowed(parent, Action::kReadControlWork, group8));
  CHECK_FALSE(Allowed(student, Action::kReadControlWork, group8));
}

}  // namespace ej

namespace ej {

TEST_CASE("the access matrix for a student's diary and the personal-data access log") {
  auto with = [](std::vector<Role> roles) {
    Actor a;
    a.person_id = 100;
    a.roles = std::move(roles);
    return a;
  };
  Actor head = with({Role::kHead}), deputy = with({Role::kDeputy}), teacher = with({Role::kTeacher}),
        admin = with({Role::kTechAdmin}), parent = with({Role::kParent}), student = with({Role::kStudent});
  Actor class_teacher = with({Role::kTeacher, Role::kClassTeacher});
  class_teacher.led_classes = {5};
  teacher.taught_groups = {7};
  teacher.substituted_lessons = {900};
  parent.children = {42};
  student.person_id = 42;
  Target of42{.class_id = 5, .student_id = 42, .class_ids = {5}, .group_ids = {7, 8}};
  Target of43{.class_id = 6, .student_id = 43, .class_ids = {6}, .group_ids = {8}, .lesson_id = 900};
  for (const Actor* a : {&head, &deputy, &class_teacher, &parent, &student, &teacher}) {
    CHECK(Authorize(*a, Action::kReadDiary, of42).ok());
  }
  // Another family's child, another class, a group not taught, a substituted lesson: refused.
  for (const Actor* a : {&class_teacher, &parent, &student, &teacher, &admin}) {
    CHECK(Authorize(*a, Action::kReadDiary, of43).code() == ErrorCode::kForbidden);
  }
  CHECK(Authorize(head, Action::kReadDiary, of43).ok());
  CHECK_FALSE(Authorize(head, Action::kReadDiary, {}).ok());
  CHECK(IsStaff(teacher));
  CHECK(IsStaff(admin));
  CHECK_FALSE(IsStaff(parent));
  CHECK_FALSE(IsStaff(student));
  // The access log: the head alone.
  CHECK(Authorize(head, Action::kReadAccessLog).ok());
  for (const Actor* a : {&deputy, &teacher, &class_teacher, &admin, &parent, &student}) {
    CHECK_FALSE(Authorize(*a, Action::kReadAccessLog).ok());
  }
}

}  // namespace ej
