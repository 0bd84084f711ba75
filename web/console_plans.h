// Internal to web/: «КТП» (issue 4, R10), a console page: pick a workload line (class or
// subgroup × subject × teacher; the core's PlanLinesFor), see its thematic plan's ordered topics
// with hours and control-work flags, edit a row, add, remove and reorder rows, paste rows from a
// spreadsheet (the core's ParsePlanRows: the good rows join the plan, each bad row is reported
// under the table with its reason and stays in the box), save the whole plan as plan.set (a new
// version; a stale version is the server's conflict and the draft stays), and plan against fact
// for the group from its journal (the core's CountLessonsHeld, PlanAgainstFact, TopicsBehind).
// It loads the group's plan (route::kPlans) and journal up to today (route::kJournal).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "console_pages.h"
#include "env.h"
#include "plan_editor.h"
#include "structure.h"
#include "thematic_plan.h"

namespace ej::web {

// A topic as typed (the hours stay text until «Сохранить КТП»; the core checks each row then).
struct PlanDraftRow {
  std::string title;
  std::string hours = "1";
  bool control = false;
  std::string form;
};

// What the user did to one group's plan: kept per group while the console is open.
struct PlanDraft {
  std::vector<PlanDraftRow> rows;
  int selected = -1;     // the row in the editor
  bool edited = false;   // differs from the plan as loaded
  std::string paste;     // the paste box: after «Добавить строки» only the rejected rows stay
  std::vector<PlanRowError> rejected;  // the last paste's bad rows, shown under the table
  std::string paste_notice;            // «Добавлено тем: 2 …»
  std::string file_error;              // a CSV file the browser could not read
};

struct PlansForm {
  int64_t class_id = 0;  // 0: the first class with a line
  int64_t group_id = 0;  // the chosen line's group
  int64_t teacher_id = 0;
  std::map<int64_t, PlanDraft> drafts;  // by group
  std::string error;
  std::string notice;
  bool busy = false;
};

class PlansPage {
 public:
  PlansPage(Transport& transport, Env& env) : requests_(transport), env_(env) {}
  void Open();
  void Close();
  bool opened() const { return opened_; }
  // `actor`: the console's user (the page adds the taught groups from the structure).
  void Draw(const Structure& s, const Actor& actor, const AcademicYear* year, Date today);
  std::string error() const { return load_error_.empty() ? form_.error : load_error_; }
  bool settled() const {
    return !load_error_.empty() || (opened_ && (form_.group_id == 0 || (plan_.has_value() && held_.has_value())));
  }
  const PlansForm& form() const { return form_; }
  PageRequests& requests() { return requests_; }
  const PageRequests& requests() const { return requests_; }

 private:
  void Load(int64_t group_id, const AcademicYear& year, Date today);
  void Save(const PlanLine& line);
  PlanDraft& Draft() { return form_.drafts[form_.group_id]; }

  PageRequests requests_;
  Env& env_;
  bool opened_ = false;
  int64_t loaded_group_ = 0;            // the group whose plan and journal are (being) loaded
  std::optional<ThematicPlan> plan_;    // as the server has it (version 0: none yet)
  std::optional<LessonsHeld> held_;     // from the group's journal up to today
  std::string load_error_;
  std::optional<Operation> waiting_;
  PlansForm form_;
};

}  // namespace ej::web
