#include "access.h"

#include <algorithm>

namespace ej {

bool Actor::Has(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

namespace {

Status Refuse(const char* message) { return Status(ErrorCode::kForbidden, message); }

bool IsAdministration(const Actor& a) { return a.Has(Role::kHead) || a.Has(Role::kDeputy); }

}  // namespace

bool IsStaff(const Actor& a) {
  return IsAdministration(a) || a.Has(Role::kTeacher) || a.Has(Role::kClassTeacher) ||
         a.Has(Role::kTechAdmin) || a.Has(Role::kOther);
}

Status Authorize(const Actor& actor, Action action, const Target& target) {
  switch (action) {
    case Action::kReadStructure:
      // Staff work with the roster; parents and students see their own pages only.
      if (IsStaff(actor)) return Status::Ok();
      return Refuse("Структура школы доступна только сотрудникам.");

    case Action::kReadPersonalData:
      if (IsAdministration(actor)) return Status::Ok();
      if (target.class_id != 0 && actor.led_classes.count(target.class_id)) return Status::Ok();
      if (target.student_id != 0 && actor.children.count(target.student_id)) return Status::Ok();
      if (target.student_id != 0 && target.student_id == actor.person_id) return Status::Ok();
      return Refuse("Нет доступа к персональным данным.");

    case Action::kEditStructure:
      if (IsAdministration(actor)) return Status::Ok();
      return Refuse("Изменять структуру школы могут только директор и заместители директора.");

    case Action::kManageAccounts:
      if (IsAdministration(actor) || actor.Has(Role::kTechAdmin)) return Status::Ok();
      return Refuse("Управлять учётными записями могут администрация и технический администратор.");

    case Action::kReadMarks:
      // A technical administrator sees no marks unless they also teach (R22).
      if (IsAdministration(actor) || actor.Has(Role::kTeacher) || actor.Has(Role::kClassTeacher)) {
        return Status::Ok();
      }
      if (target.student_id != 0 &&
          (actor.children.count(target.student_id) || target.student_id == actor.person_id)) {
        return Status::Ok();
      }
      return Refuse("Нет доступа к отметкам.");

    case Action::kReadJournal:
      // The administration reads every journal; a teacher the groups they teach; a class
      // teacher every subject of their class; a substitute reads the lesson they keep.
      if (IsAdministration(actor)) return Status::Ok();
      if (target.group_id != 0 && actor.taught_groups.count(target.group_id)) return Status::Ok();
      for (int64_t c : target.class_ids) {
        if (actor.led_classes.count(c)) return Status::Ok();
      }
      if (target.lesson_id != 0 && actor.substituted_lessons.count(target.lesson_id)) return Status::Ok();
      return Refuse("Нет доступа к журналу этой группы.");

    case Action::kWriteLesson:
      // A substituted lesson belongs to its substitute alone (R10); otherwise to the teacher
      // of the lesson and the teachers of the group by the workload. The administration
      // corrects by approving requests, not by writing.
      if (actor.person_id == 0 || target.lesson_id == 0) return Refuse("Урок не указан.");
      if (target.substitute_id != 0) {
        if (target.substitute_id == actor.person_id) return Status::Ok();
        return Refuse("Этот урок ведёт учитель на замене: записи в нём делает он.");
      }
      if (target.lesson_teacher_id == actor.person_id) return Status::Ok();
      if (target.group_id != 0 && actor.taught_groups.count(target.group_id)) return Status::Ok();
      return Refuse("Записи в уроке делает только учитель этой группы или учитель на замене.");

    case Action::kWriteFinals:
      if (target.group_id != 0 && actor.taught_groups.count(target.group_id)) return Status::Ok();
      return Refuse("Итоговые отметки выставляет учитель этой группы.");

    case Action::kReadCorrectionRequests:
      // Which requests: audit.h DescribeRequests (a teacher sees the ones they made).
      if (IsAdministration(actor) || actor.Has(Role::kTeacher) || actor.Has(Role::kClassTeacher)) return Status::Ok();
      return Refuse("Заявки на исправление видят учителя и администрация.");

    case Action::kReadAudit:
      if (IsAdministration(actor)) return Status::Ok();
      return Refuse("Журнал исправлений просматривают директор и заместители директора.");

    case Action::kPlanLessons:
    case Action::kApproveCorrections:
      if (IsAdministration(actor)) return Status::Ok();
      return Refuse(action == Action::kPlanLessons
                        ? "Уроки, замены и переносы назначают директор и заместители директора."
                        : "Решения по исправлениям принимают директор и заместители директора.");
    case Action::kReadPlan:
      // The plan of a group: its teacher, the administration, the class teacher of its classes.
      if (IsAdministration(actor) || actor.taught_groups.count(target.group_id)) return Status::Ok();
      for (int64_t c : target.class_ids) {
        if (actor.led_classes.count(c)) return Status::Ok();
      }
      return Refuse("КТП группы видят её учитель, классный руководитель и администрация школы.");

    case Action::kEditPlan:
      if (IsAdministration(actor) || actor.taught_groups.count(target.group_id)) return Status::Ok();
      return Refuse("КТП группы составляют её учитель, директор и заместители директора.");

    case Action::kEditControlWork:
      if (IsAdministration(actor) || actor.taught_groups.count(target.group_id)) return Status::Ok();
      return Refuse("Контрольные работы группы назначают её учитель, директор и заместители директора.");

    case Action::kReadControlWork:
      // The schedule is public inside the school (R10, R19): staff see every work; a student
      // and a parent see the works of the groups the student belongs to.
      if (IsStaff(actor)) return Status::Ok();
      for (int64_t s : target.student_ids) {
        if (s == actor.person_id || actor.children.count(s)) return Status::Ok();
      }
      return Refuse("Эта контрольная работа не для вашего класса.");

    case Action::kReadDiary:
      // A student sees themself, a parent their children, the class teacher the class's
      // students, the administration everyone (R19, R22); a teacher the students of the groups
      // they teach (and then only those subjects: BuildDiary narrows). A substitute of one
      // lesson and a technical administrator see no diary.
      if (target.student_id == 0) return Refuse("Ученик не указан.");
      if (IsAdministration(actor)) return Status::Ok();
      if (target.student_id == actor.person_id || actor.children.count(target.student_id)) return Status::Ok();
      for (int64_t c : target.class_ids) {
        if (actor.led_classes.count(c)) return Status::Ok();
      }
      for (int64_t g : target.group_ids) {
        if (actor.taught_groups.count(g)) return Status::Ok();
      }
      return Refuse("Нет доступа к дневнику этого ученика.");

    case Action::kReadAccessLog:
      if (actor.Has(Role::kHead)) return Status::Ok();
      return Refuse("Журнал доступа к персональным данным видит только директор.");
  }
  return Refuse("Действие не разрешено.");
}

Status AuthorizeRoleChange(const Actor& actor, int64_t target_person_id, const std::vector<Role>& before,
                           const std::vector<Role>& after) {
  if (Status s = Authorize(actor, Action::kEditStructure); !s.ok()) return s;
  auto in = [](const std::vector<Role>& v, Role r) { return std::find(v.begin(), v.end(), r) != v.end(); };
  auto changes = [&](Role r) { return in(before, r) != in(after, r); };
  if (changes(Role::kHead)) {
    if (!actor.Has(Role::kHead)) return Refuse("Роль директора назначает и снимает только директор.");
    if (target_person_id == actor.person_id) return Refuse("Нельзя снять роль директора с самого себя.");
  }
  if (changes(Role::kDeputy) && !actor.Has(Role::kHead)) {
    return Refuse("Роль заместителя директора назначает и снимает только директор.");
  }
  if (changes(Role::kTechAdmin) && !IsAdministration(actor)) {
    return Refuse("Роль технического администратора назначает администрация школы.");
  }
  return Status::Ok();
}

Status AuthorizeAccountWork(const Actor& actor, int64_t target_person_id, const std::vector<Role>& target_roles,
                            bool disabling) {
  if (Status s = Authorize(actor, Action::kManageAccounts); !s.ok()) return s;
  auto has = [&](Role r) { return std::find(target_roles.begin(), target_roles.end(), r) != target_roles.end(); };
  if (disabling && target_person_id == actor.person_id) return Refuse("Нельзя заблокировать собственную учётную запись.");
  if (has(Role::kHead) && !actor.Has(Role::kHead)) return Refuse("Учётной записью директора управляет только директор.");
  if (has(Role::kDeputy) && !IsAdministration(actor)) {
    return Refuse("Учётными записями заместителей директора управляет администрация школы.");
  }
  return Status::Ok();
}

}  // namespace ej
