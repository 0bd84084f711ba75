// Public API of the client: the administration console (issue 3, R10) for the head and the
// deputies: set-up checklist, classes, a class's card with the roster paste import, a
// student's card (movement, parents, ИУП), the year, staff, curriculum, workload, groups and a
// group's card, the school's rules; accounts for whoever may manage them.
//
// The console loads the structure snapshot (GET route::kStructure), draws its pages from it,
// and turns the user's actions into operations pushed in one batch (POST route::kOps). After
// every push it loads the snapshot again (simple and always right) and keeps what is on the
// screen: the page, the class, the forms' inputs. An operation the server has not answered
// (the network failed) is kept and re-sent with the same op_id, so nothing is added twice.
// Who gets the console is the core's answer (ej::Authorize … Action::kEditStructure).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "access.h"
#include "env.h"
#include "ops.h"
#include "protocol.h"
#include "console_pages.h"
#include "corrections_page.h"
#include "console_substitution.h"
#include "console_timetable.h"
#include "console_calendar.h"
#include "console_plans.h"
#include "screens.h"
#include "setup_checklist.h"
#include "screen_plan.h"
#include "screen_year_staff.h"
#include "structure.h"
#include "transport.h"

namespace ej::web {

// The actor behind a /me answer: the account, its person and roles (relationships come with
// the structure later).
Actor ActorOf(const protocol::UserInfo& user);
// True if the user sets up the school: the head and the deputies.
bool HasConsole(const protocol::UserInfo& user);

class Console {
 public:
  Console(Transport& transport, Env& env);
  ~Console();
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;

  // Starts loading the structure for this user, on the checklist page.
  void Open(const protocol::UserInfo& user);
  // Forgets everything (logout); answers still on their way are dropped.
  void Close();

  // Draws the console with the top bar; `bar_error` (e.g. a failed logout) is shown above
  // the page. Returns kLogout when «Выйти» is pressed.
  TopBarAction Frame(const TopBarView& bar, const std::string& bar_error);

  // True once the structure has been loaded (or its loading failed with a message shown).
  bool settled() const {
    return (structure_ != nullptr || !load_error_.empty()) && (page_ != ConsolePage::kRules || rules_.settled()) &&
           (page_ != ConsolePage::kCorrections || corrections_.settled()) &&
           (page_ != ConsolePage::kAccounts || accounts_.settled()) &&
           (page_ != ConsolePage::kSubstitutions || substitutions_.settled()) &&
           (page_ != ConsolePage::kTimetable || timetable_.settled()) &&
           (page_ != ConsolePage::kCalendar || calendar_.settled()) &&
           (page_ != ConsolePage::kPlans || plans_.settled());
  }
  // The error shown on the current page, "" if none.
  std::string error() const;
  // A request was answered 401: the session is over; the message says so.
  bool session_ended() const {
    return session_ended_ || rules_.requests().session_ended || accounts_.requests().session_ended ||
           corrections_.http().session_ended || substitutions_.requests().session_ended || timetable_.requests().session_ended ||
           calendar_.requests().session_ended || plans_.requests().session_ended;
  }
  const std::string& session_message() const {
    if (rules_.requests().session_ended) return rules_.requests().session_message;
    if (accounts_.requests().session_ended) return accounts_.requests().session_message;
    if (corrections_.http().session_ended) return corrections_.http().session_message;
    if (substitutions_.requests().session_ended) return substitutions_.requests().session_message;
    if (timetable_.requests().session_ended) return timetable_.requests().session_message;
    if (calendar_.requests().session_ended) return calendar_.requests().session_message;
    if (plans_.requests().session_ended) return plans_.requests().session_message;
    return session_message_;
  }

  ConsolePage page() const { return page_; }
  int64_t class_id() const { return class_id_; }
  int64_t group_id() const { return group_id_; }
  int64_t student_id() const { return student_id_; }
  const Structure* structure() const { return structure_.get(); }
  const CorrectionsPage& corrections() const { return corrections_; }
  const PlansPage& plans() const { return plans_; }

 private:
  using Callback = std::function<void(const HttpResponse&)>;
  void Call(const char* method, std::string_view path, std::string body, Callback done);
  // Handles 401 (the session ended); returns true if the answer was that.
  bool SessionEnded(const HttpResponse& r);

  void Load();
  void OnLoad(const HttpResponse& r);

  // An operation of this kind and payload: the one still waiting for an answer if there is
  // such (a retry keeps its op_id), else a new one.
  Operation MakeOp(std::string_view kind, protocol::Json payload);
  // Sends ops in one batch; `done` gets one result per op (in order) or the Status of a
  // request that failed as a whole. Ops with an answer leave the outbox; the rest stay.
  using PushDone = std::function<void(const Result<PushResponse>&)>;
  void Push(std::vector<Operation> ops, PushDone done);

  // Opens a page; `id` is the class (kClass), the group (kGroup) or the student (kStudent).
  void Go(ConsolePage page, int64_t id = 0);
  void CreateClass();
  void SetClassTeacher(int64_t class_id);
  void CheckRows(int64_t class_id);
  void AddStudents(int64_t class_id);
  // «Учебный год» and «Сотрудники» (console_year_staff.cpp).
  void CreatePeriod();
  void CreateHoliday();
  void FillDefaultCalendar();
  void RolloverYear();
  void CheckStaffRows();
  void AddStaff();
  // «Учебный план», «Нагрузка», «Группы», a group's and a student's card (console_plan.cpp).
  void SaveCurriculum();
  void CreateSubject();
  void SaveWorkload(bool remove);
  void CreateGroup();
  void SaveGroupMembers(int64_t group_id);
  void TransferStudent(int64_t student_id);
  void LeaveStudent(int64_t student_id);
  void AddParent(int64_t student_id);
  void SaveIup(int64_t student_id, bool remove);
  // Draws the plan's pages and the cards (console_plan.cpp); false if `page_` is none of them.
  bool DrawPlanPage(const ConsoleContext& context);

  // The year shown: the one that contains today, else the latest; null without years.
  const AcademicYear* Year() const;
  // Today clamped into the year (the day for counts and for enrollments' start).
  Date Day() const;

  Transport& transport_;
  Env& env_;
  std::shared_ptr<int> alive_;
  int epoch_ = 0;

  Actor actor_;
  std::unique_ptr<Structure> structure_;
  int structure_generation_ = 0;   // bumped with every snapshot loaded
  // What the pages show that is costly to compute every frame, for one snapshot, year and day.
  struct Derived {
    int generation = -1;
    int64_t year_id = -1;
    Date day;
    std::vector<ChecklistItem> checklist;
    std::map<int64_t, int> class_sizes;  // students of each class of the year on the day
  };
  Derived derived_;
  void UpdateDerived(const AcademicYear* year, Date day);
  bool loading_ = false;
  std::string load_error_;
  bool session_ended_ = false;
  std::string session_message_;
  int load_generation_ = 0;        // only the latest load's answer is taken
  std::vector<Operation> outbox_;  // pushed, not yet answered
  int pushing_ = 0;                // pushes on their way
  bool scroll_to_top_ = false;     // a new page was opened

  ConsolePage page_ = ConsolePage::kChecklist;
  int64_t class_id_ = 0;
  ClassesForm classes_;
  std::map<int64_t, ClassCardForm> cards_;  // by class: what was typed stays per class
  int64_t year_id_ = 0;  // the year picked in «Учебный год»; 0: the one containing today
  YearForm year_;
  StaffForm staff_;
  int64_t group_id_ = 0;    // the group card's group
  int64_t student_id_ = 0;  // the student card's student
  CurriculumForm curriculum_;
  WorkloadForm workload_;
  GroupsForm groups_;
  std::map<int64_t, GroupCardForm> group_cards_;  // by group
  std::map<int64_t, StudentCardForm> students_;   // by student
  // «Правила школы» and «Учётные записи» (screen_rules.cpp, screen_accounts.cpp).
  bool structure_pages_ = true;  // the core's kEditStructure
  bool accounts_page_ = false;   // the core's kManageAccounts
  RulesPage rules_;
  AccountsPage accounts_;
  CorrectionsPage corrections_;
  bool corrections_page_ = false;
  // «Замены» (screen_substitution.cpp): opened on the first visit, for the day it was opened.
  SubstitutionPage substitutions_;
  // «Расписание» (screen_timetable.cpp): loaded on the first visit.
  TimetablePage timetable_;
  // «Контрольные работы» (screen_calendar.cpp): loaded on the first visit, for the year shown.
  ControlCalendarPage calendar_;
  // «КТП» (screen_plans.cpp): a workload line's plan, loaded when a line is chosen.
  PlansPage plans_;
  ConsolePage planning_page_ = ConsolePage::kTimetable;  // the «Планирование» group's last page
};

}  // namespace ej::web
