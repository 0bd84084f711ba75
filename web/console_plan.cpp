// The console's actions for «Учебный план», «Нагрузка», «Группы», a group's card and a
// student's card: what was typed made into the core's payloads (ej::CurriculumSetPayload,
// ej::SubjectCreatePayload, ej::WorkloadSetPayload, ej::GroupCreatePayload,
// ej::GroupSetMembersPayload, ej::StudentTransferPayload, ej::StudentLeavePayload,
// ej::IupSetPayload), pushed, and each operation's answer shown where it belongs. The rules are
// the core's: a refusal's message goes under the field (or the cell) it names.
//
// [SECTION] helpers
// [SECTION] «Учебный план»
// [SECTION] «Нагрузка»
// [SECTION] «Группы» and a group's card
// [SECTION] a student's card
// [SECTION] drawing
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "console.h"

namespace ej::web {

// ---- [SECTION] helpers ----

std::string HoursText(double hours) {
  if (hours <= 0) return {};
  char buf[32];
  if (std::fabs(hours - std::round(hours)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", hours);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f", hours);
    for (char* p = buf; *p; ++p) {
      if (*p == '.') *p = ',';
    }
  }
  return buf;
}

std::optional<double> ParseHours(const std::string& text) {
  size_t b = text.find_first_not_of(" \t");
  if (b == std::string::npos) return 0.0;
  std::string t = text.substr(b, text.find_last_not_of(" \t") - b + 1);
  std::replace(t.begin(), t.end(), ',', '.');
  int digits = 0, dots = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.') {
      ++dots;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0 || dots > 1 || t.size() > 6) return std::nullopt;
  return std::strtod(t.c_str(), nullptr);
}

namespace {

// The answer to a batch of one operation.
struct OneAnswer {
  bool applied = false;
  int64_t created_id = 0;
  std::string message;  // why not, when not applied
  std::string field;    // the field the refusal names, "" if none
};

OneAnswer AnswerOf(const Result<PushResponse>& r) {
  OneAnswer a;
  if (!r.ok()) {
    a.message = r.status().message();
    return a;
  }
  if (r->results.empty()) {
    a.message = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
    return a;
  }
  const OpResult& result = r->results.front();
  a.applied = result.outcome == OpOutcome::kApplied;
  a.created_id = result.created_id;
  a.message = result.error.message();
  a.field = result.error.field();
  return a;
}

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// A typed date (ДД.ММ.ГГГГ); empty: `otherwise`.
std::optional<Date> TypedDay(const std::string& text, Date otherwise) {
  const std::string t = Trimmed(text);
  if (t.empty()) return otherwise;
  return Date::ParseRussian(t);
}

constexpr const char* kBadDate = "Дата не распознана: нужна в виде ДД.ММ.ГГГГ, например 01.09.2026.";

}  // namespace

// ---- [SECTION] «Учебный план» ----

void Console::SaveCurriculum() {
  const AcademicYear* year = Year();
  CurriculumForm& form = curriculum_;
  if (!structure_ || !year || form.busy) return;
  form.error.clear();
  form.notice.clear();
  form.errors.clear();
  std::vector<std::pair<int, int64_t>> bad;
  const auto edited = EditedCells(*structure_, year->id, form, &bad);
  if (!bad.empty()) {
    for (const auto& cell : bad) form.errors[cell] = "Часы — число от 0 до 10 с шагом 0,5, например 2 или 1,5.";
    form.error = "Исправьте выделенные ячейки: часы пишутся числом, например 2 или 1,5.";
    return;
  }
  if (edited.empty()) return;
  // Lowered hours go first: a grade's week is checked against СанПиН after each operation.
  std::vector<std::pair<std::pair<int, int64_t>, double>> cells(edited.begin(), edited.end());
  std::stable_sort(cells.begin(), cells.end(), [&](const auto& a, const auto& b) {
    auto delta = [&](const auto& c) {
      return c.second - structure_->CurriculumHours(year->id, c.first.first, c.first.second);
    };
    return delta(a) < delta(b);
  });
  std::vector<Operation> ops;
  std::map<std::string, std::pair<int, int64_t>> cell_of;  // op_id -> cell
  for (const auto& [cell, hours] : cells) {
    Operation op = MakeOp(op_kind::kCurriculumSet, CurriculumSetPayload(year->id, cell.first, cell.second, hours));
    cell_of[op.op_id] = cell;
    ops.push_back(std::move(op));
  }
  form.busy = true;
  Push(std::move(ops), [this, cell_of](const Result<PushResponse>& r) {
    CurriculumForm& f = curriculum_;
    f.busy = false;
    if (!r.ok()) {
      f.error = r.status().message();
      return;
    }
    int applied = 0;
    for (const OpResult& result : r->results) {
      auto cell = cell_of.find(result.op_id);
      if (cell == cell_of.end()) continue;
      if (result.outcome == OpOutcome::kApplied) {
        f.cells.erase(cell->second);  // shows the stored hours once the snapshot is back
        ++applied;
      } else {
        f.errors[cell->second] = result.error.message();
      }
    }
    if (f.errors.empty()) {
      f.notice = "Учебный план сохранён.";
    } else {
      f.error = applied > 0 ? "Сохранено не всё: часть ячеек отклонена, причины ниже." : "Изменения не сохранены: причины ниже.";
    }
  });
}

void Console::CreateSubject() {
  CurriculumForm& form = curriculum_;
  if (!structure_ || form.subject_busy) return;
  form.subject_error.clear();
  form.subject_notice.clear();
  const std::string name = Trimmed(form.subject_name);
  form.subject_busy = true;
  Push({MakeOp(op_kind::kSubjectCreate, SubjectCreatePayload(name, Trimmed(form.subject_short)))},
       [this, name](const Result<PushResponse>& r) {
         CurriculumForm& f = curriculum_;
         f.subject_busy = false;
         OneAnswer a = AnswerOf(r);
         if (!a.applied) {
           f.subject_error = a.message;
           return;
         }
         f.subject_notice = "Предмет «" + name + "» добавлен: задайте его часы в таблице.";
         f.subject_name.clear();
         f.subject_short.clear();
       });
}

// ---- [SECTION] «Нагрузка» ----

void Console::SaveWorkload(bool remove) {
  WorkloadForm& form = workload_;
  if (!structure_ || form.busy) return;
  form.errors.clear();
  form.error.clear();
  form.notice.clear();
  if (form.teacher_id == 0) form.errors["teacher_id"] = "Выберите учителя.";
  if (form.group_id == 0) form.errors["group_id"] = "Выберите группу.";
  std::optional<double> hours = remove ? std::optional<double>(0.0) : ParseHours(form.hours);
  if (!hours) form.errors["hours"] = "Часы — число, например 2 или 1,5.";
  if (!remove && hours && *hours == 0) form.errors["hours"] = "Укажите часы в неделю; чтобы снять нагрузку, нажмите «Снять нагрузку».";
  if (!form.errors.empty()) return;
  form.busy = true;
  const int64_t teacher = form.teacher_id, group = form.group_id;
  Push({MakeOp(op_kind::kWorkloadSet, WorkloadSetPayload(teacher, group, *hours))},
       [this, remove, teacher, group](const Result<PushResponse>& r) {
         WorkloadForm& f = workload_;
         f.busy = false;
         OneAnswer a = AnswerOf(r);
         if (!a.applied) {
           if (a.field == "teacher_id" || a.field == "group_id" || a.field == "hours") {
             f.errors[a.field] = a.message;
           } else {
             f.error = a.message;
           }
           return;
         }
         const Person* t = structure_ ? structure_->FindPerson(teacher) : nullptr;
         const Group* g = structure_ ? structure_->FindGroup(group) : nullptr;
         const std::string who = t ? ShortName(t->name) : std::string("учителя");
         const std::string where = g ? "«" + g->name + "»" : std::string("группе");
         f.notice = remove ? "Нагрузка " + who + " в группе " + where + " снята."
                           : "Нагрузка " + who + " в группе " + where + " сохранена.";
         if (remove) f.hours.clear();
       });
}

// ---- [SECTION] «Группы» and a group's card ----

void Console::CreateGroup() {
  const AcademicYear* year = Year();
  GroupsForm& form = groups_;
  if (!structure_ || !year || form.busy) return;
  form.errors.clear();
  form.error.clear();
  form.notice.clear();
  form.created_group_id = 0;
  const GroupKind kind = static_cast<GroupKind>(std::clamp(form.kind, 0, 5));
  std::vector<int64_t> classes;
  for (const SchoolClass* c : structure_->ClassesOf(year->id)) {
    if (form.class_ids.count(c->id)) classes.push_back(c->id);  // in the classes' order
  }
  if ((kind == GroupKind::kWholeClass || kind == GroupKind::kSubgroup) && classes.size() > 1) classes.resize(1);
  const std::string name = Trimmed(form.name);
  form.busy = true;
  Push({MakeOp(op_kind::kGroupCreate, GroupCreatePayload(year->id, kind, name, form.subject_id, classes))},
       [this](const Result<PushResponse>& r) {
         GroupsForm& f = groups_;
         f.busy = false;
         OneAnswer a = AnswerOf(r);
         if (!a.applied) {
           if (a.field == "kind" || a.field == "name" || a.field == "subject_id" || a.field == "class_ids") {
             f.errors[a.field] = a.message;
           } else {
             f.error = a.message;
           }
           return;
         }
         f.created_group_id = a.created_id;
         f.notice = "Группа создана.";
         f.name.clear();
       });
}

void Console::SaveGroupMembers(int64_t group_id) {
  GroupCardForm& form = group_cards_[group_id];
  if (!structure_ || form.busy || !form.edited) return;
  form.error.clear();
  form.notice.clear();
  std::vector<int64_t> ids(form.members.begin(), form.members.end());
  form.busy = true;
  Push({MakeOp(op_kind::kGroupSetMembers, GroupSetMembersPayload(group_id, ids))},
       [this, group_id, n = ids.size()](const Result<PushResponse>& r) {
         GroupCardForm& f = group_cards_[group_id];
         f.busy = false;
         OneAnswer a = AnswerOf(r);
         if (!a.applied) {
           f.error = a.message;
           return;
         }
         f.edited = false;
         f.notice = "Состав сохранён: " + std::to_string(n) + " " +
                    std::string(Plural(static_cast<int64_t>(n), "ученик", "ученика", "учеников")) + ".";
       });
}

// ---- [SECTION] a student's card ----

void Console::TransferStudent(int64_t student_id) {
  StudentCardForm& form = students_[student_id];
  if (!structure_ || form.move_busy) return;
  form.errors.clear();
  form.move_error.clear();
  form.move_notice.clear();
  form.confirming_leave = false;
  if (form.transfer_class == 0) form.errors["class_id"] = "Выберите класс, в который переводится ученик.";
  std::optional<Date> from = TypedDay(form.transfer_date, Day());
  if (!from) form.errors["from"] = kBadDate;
  if (!form.errors.empty()) return;
  const SchoolClass* to = structure_->FindClass(form.transfer_class);
  const std::string to_name = to ? to->Name() : std::string();
  form.move_busy = true;
  Push({MakeOp(op_kind::kStudentTransfer, StudentTransferPayload(student_id, form.transfer_class, *from))},
       [this, student_id, to_name, day = *from](const Result<PushResponse>& r) {
         StudentCardForm& f = students_[student_id];
         f.move_busy = false;
         OneAnswer a = AnswerOf(r);
         if (!a.applied) {
           if (a.field == "class_id" || a.field == "from") {
             f.errors[a.field] = a.message;
           } else {
             f.move_error = a.message;
           }
           return;
         }
         f.move_notice = "Переведён в " + to_name + " с " + day.Russian() + ". Отметки до этого дня остаются в журнале прежнего класса.";
         f.transfer_class = 0;
         f.transfer_date.clear();
       });
}

// A new parent of the student: person.create (the parent role; the server gives the person an
// own account), then guardian.link with the id the first answer names.
void Console::AddParent(int64_t student_id) {
  StudentCardForm& form = students_[student_id];
  if (!structure_ || form.parent_busy) return;
  form.parent_errors.clear();
  form.parent_error.clear();
  form.parent_notice.clear();
  std::vector<std::string> parts;
  std::string word;
  for (char ch : form.parent_name + " ") {
    if (ch == ' ' || ch == '\t') {
      if (!word.empty()) parts.push_back(word);
      word.clear();
    } else {
      word += ch;
    }
  }
  if (parts.size() < 2 || parts.size() > 3) {
    form.parent_errors["name"] = "Укажите фамилию, имя и, если есть, отчество через пробел.";
    return;
  }
  PersonName name{parts[0], parts[1], parts.size() > 2 ? parts[2] : std::string()};
  static const char* kKinds[] = {"mother", "father", "guardian"};
  const std::string kind = kKinds[std::clamp(form.parent_kind, 0, 2)];
  form.parent_busy = true;
  Push({MakeOp(op_kind::kPersonCreate, PersonCreatePayload(name, {Role::kParent}))},
       [this, student_id, kind, full = FullName(name)](const Result<PushResponse>& r) {
         OneAnswer a = AnswerOf(r);
         StudentCardForm& f = students_[student_id];
         if (!a.applied) {
           f.parent_busy = false;
           if (a.field == "last_name" || a.field == "first_name" || a.field == "middle_name") {
             f.parent_errors[a.field] = a.message;
           } else {
             f.parent_error = a.message;
           }
           return;
         }
         Push({MakeOp(op_kind::kGuardianLink, GuardianLinkPayload(a.created_id, student_id, kind))},
              [this, student_id, full](const Result<PushResponse>& linked) {
                StudentCardForm& g = students_[student_id];
                g.parent_busy = false;
                OneAnswer b = AnswerOf(linked);
                if (!b.applied) {
                  g.parent_errors["kind"] = b.message;
                  return;
                }
                g.parent_notice = full + " — в списке родителей. Учётная запись создана; пароль выдаёт технический администратор.";
                g.parent_name.clear();
              });
       });
}

void Console::LeaveStudent(int64_t student_id) {
  StudentCardForm& form = students_[student_id];
  if (!structure_ || form.move_busy) return;
  form.errors.clear();
  form.move_error.clear();
  form.move_notice.clear();
  std::optional<Date> last = TypedDay(form.leave_date, Day());
  form.confirming_leave = false;
  if (!last) {
    form.errors["to"] = kBadDate;
    return;
  }
  form.move_busy = true;
  Push({MakeOp(op_kind::kStudentLeave, StudentLeavePayload(student_id, *last))},
       [this, student_id, day = *last](const Result<PushResponse>& r) {
         StudentCardForm& f = students_[student_id];
         f.move_busy = false;
         OneAnswer a = AnswerOf(r);
         if (!a.applied) {
           if (a.field == "to") {
             f.errors["to"] = a.message;
           } else {
             f.move_error = a.message;
           }
           return;
         }
         f.move_notice = "Выбытие отмечено: последний день в школе — " + day.Russian() + ". История ученика сохранена.";
         f.leave_date.clear();
       });
}

void Console::SaveIup(int64_t student_id, bool remove) {
  const AcademicYear* year = Year();
  StudentCardForm& form = students_[student_id];
  if (!structure_ || !year || form.iup_busy) return;
  form.iup_errors.clear();
  form.iup_error.clear();
  form.iup_notice.clear();
  if (form.iup_subject == 0) form.iup_errors["subject_id"] = "Выберите предмет.";
  std::optional<double> hours = remove ? std::optional<double>(0.0) : ParseHours(form.iup_hours);
  if (!hours) form.iup_errors["hours"] = "Часы — число, например 1 или 0,5.";
  if (!form.iup_errors.empty()) return;
  const std::string_view mode = remove ? "none" : form.iup_mode == 1 ? "replace" : "add";
  form.iup_busy = true;
  Push({MakeOp(op_kind::kIupSet, IupSetPayload(year->id, student_id, form.iup_subject, mode, *hours))},
       [this, student_id, remove](const Result<PushResponse>& r) {
         StudentCardForm& f = students_[student_id];
         f.iup_busy = false;
         OneAnswer a = AnswerOf(r);
         if (!a.applied) {
           if (a.field == "subject_id" || a.field == "mode" || a.field == "hours") {
             f.iup_errors[a.field] = a.message;
           } else {
             f.iup_error = a.message;
           }
           return;
         }
         f.iup_notice = remove ? "Строка убрана из индивидуального плана." : "Индивидуальный план сохранён.";
         f.iup_hours.clear();
       });
}

// ---- [SECTION] drawing ----

bool Console::DrawPlanPage(const ConsoleContext& context) {
  auto no_year = [&](const char* title) {
    if (context.year) return false;
    PageHeader(title, "");
    ui::MutedText("В школе ещё нет учебного года: сначала создайте его на странице «Учебный год».");
    return true;
  };
  switch (page_) {
    case ConsolePage::kCurriculum: {
      if (no_year("Учебный план")) return true;
      CurriculumAction a = DrawCurriculumScreen(context, curriculum_);
      if (a.save) SaveCurriculum();
      if (a.discard) {
        curriculum_.cells.clear();
        curriculum_.errors.clear();
        curriculum_.error.clear();
      }
      if (a.create_subject) CreateSubject();
      return true;
    }
    case ConsolePage::kWorkload: {
      if (no_year("Нагрузка")) return true;
      WorkloadAction a = DrawWorkloadScreen(context, workload_);
      if (a.save || a.remove) SaveWorkload(a.remove);
      return true;
    }
    case ConsolePage::kGroups: {
      if (no_year("Группы")) return true;
      GroupsAction a = DrawGroupsScreen(context, groups_);
      if (a.create) CreateGroup();
      if (a.open_group) Go(ConsolePage::kGroup, a.open_group);
      return true;
    }
    case ConsolePage::kGroup: {
      const Group* g = structure_->FindGroup(group_id_);
      if (g == nullptr) {
        PageHeader("Группа не найдена", "");
        ui::ButtonOptions back;
        back.kind = ui::ButtonKind::kSecondary;
        if (ui::Button("← Все группы###back", back)) Go(ConsolePage::kGroups);
        return true;
      }
      const int64_t id = g->id;
      GroupCardAction a = DrawGroupCardScreen(context, *g, group_cards_[id]);
      if (a.back) Go(ConsolePage::kGroups);
      if (a.save) SaveGroupMembers(id);
      return true;
    }
    case ConsolePage::kStudent: {
      const Person* p = structure_->FindPerson(student_id_);
      if (p == nullptr || !p->Has(Role::kStudent)) {
        PageHeader("Ученик не найден", "");
        ui::ButtonOptions back;
        back.kind = ui::ButtonKind::kSecondary;
        if (ui::Button("← Все классы###back", back)) Go(ConsolePage::kClasses);
        return true;
      }
      const int64_t id = p->id;
      StudentCardAction a = DrawStudentCardScreen(context, *p, students_[id]);
      if (a.back) {
        const SchoolClass* c = context.year ? structure_->ClassInYear(id, context.year->id) : nullptr;
        if (c) {
          Go(ConsolePage::kClass, c->id);
        } else {
          Go(ConsolePage::kClasses);
        }
      }
      if (a.transfer) TransferStudent(id);
      if (a.leave) LeaveStudent(id);
      if (a.iup_save) SaveIup(id, false);
      if (a.iup_remove) SaveIup(id, true);
      if (a.add_parent) AddParent(id);
      return true;
    }
    default: return false;
  }
}

}  // namespace ej::web
