// Internal to the server: the storage interface. SqliteStore is the embedded default; the
// interface is shaped so that another implementation (PostgreSQL) can pass the same tests.
// Every method is one transaction; errors are values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access.h"
#include "audit.h"
#include "names.h"
#include "ops.h"
#include "structure.h"
#include "protocol.h"
#include "roles.h"
#include "school_rules.h"
#include "status.h"

namespace ej::server {

struct AccountRecord {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t school_id = 0;
  std::string login;
  std::optional<std::string> password_hash;  // nullopt: no password issued yet
  bool disabled = false;
};

struct NewSession {
  int64_t account_id = 0;
  std::string token_hash;  // SHA-256 of the token, raw bytes
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::string ip;
  std::string user_agent;
};

struct SessionRecord {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t expires_at = 0;
};

struct NewUser {
  // The school: its full or short name. With no school in the database yet, one of this name
  // is created; with one school, "" means it; with several, the name must match one.
  std::string school_name;
  std::string login;
  PersonName name;
  std::vector<Role> roles;
  std::string password_hash;
  int64_t now = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<std::optional<AccountRecord>> FindAccountByLogin(std::string_view login) = 0;
  // The user as the API shows them: name, roles, school.
  virtual Result<protocol::MeResponse> LoadUser(int64_t account_id) = 0;

  virtual Status CreateSession(const NewSession& session) = 0;
  // A session that exists, is not revoked and has not expired at `now`.
  virtual Result<std::optional<SessionRecord>> FindLiveSession(std::string_view token_hash,
                                                               int64_t now) = 0;
  virtual Status RevokeSession(std::string_view token_hash, int64_t now) = 0;

  // Command-line account work.
  virtual Result<int64_t> AddUser(const NewUser& user) = 0;
  // Sets a new password hash; every open session of the account is revoked.
  virtual Status SetPassword(std::string_view login, const std::string& password_hash,
                             int64_t now) = 0;
  virtual Result<bool> HasSchool() = 0;

  // Who the account is to the school: person, roles, led classes, children.
  virtual Result<Actor> LoadActor(int64_t account_id) = 0;
  // The school's structure as the snapshot JSON (structure.h), as much as the actor may see
  // (the core's VisibleTo and SnapshotOptionsFor).
  virtual Result<protocol::Json> StructureSnapshot(const Actor& actor) = 0;
  // Applies a batch of operations in one transaction: each is checked by the core, persisted
  // and appended to the hash-chained log; a re-sent op_id answers with its first outcome.
  // Every account of the school, for account work (names and roles only: no personal data).
  virtual Result<protocol::AccountList> ListAccounts(int64_t school_id) = 0;
  virtual Result<protocol::AccountInfo> FindAccount(int64_t school_id, int64_t account_id) = 0;
  // Sets a new password hash, revokes the account's sessions and logs who did it (never the
  // password). The caller has authorised the actor.
  virtual Status IssuePassword(const Actor& actor, int64_t account_id, const std::string& password_hash, int64_t now) = 0;
  // Disables (revoking its sessions) or enables an account, and logs it.
  virtual Status SetAccountDisabled(const Actor& actor, int64_t account_id, bool disabled, int64_t now) = 0;

  // The school's bell schedules and weekly timetable (timetable.h ToJson).
  virtual Result<protocol::Json> TimetableSnapshot(int64_t school_id) = 0;
  // The school's rules (the defaults until the school changes them).
  virtual Result<SchoolRules> Rules(int64_t school_id) = 0;
  // The group's thematic plan (thematic_plan.h GroupPlansJson) if the actor may read it
  // (Action::kReadPlan; not_found for a group of another school).
  virtual Result<protocol::Json> GroupPlans(const Actor& actor, int64_t group_id) = 0;
  // The year's control works the actor may see, the load rules and, for staff, the violations
  // (control_works.h ControlWorkScheduleJson; not_found for a year of another school). Year 0:
  // the year that contains `today`, else the school's latest year (parents and students, who
  // get no structure snapshot, do not know the ids of years).
  virtual Result<protocol::Json> ControlWorkSchedule(const Actor& actor, int64_t year_id, Date today) = 0;
  virtual Result<PushResponse> PushOps(const Actor& actor, const std::vector<Operation>& ops, int64_t now) = 0;
  // A group's journal over a range (journal.h SliceForGroup), if the actor may read it
  // (kReadJournal): kNotFound for an unknown group, kForbidden otherwise.
  virtual Result<protocol::Json> JournalSlice(const Actor& actor, int64_t group_id,
                                              std::optional<DateRange> range) = 0;
  // The lessons of a day the actor keeps (as teacher of the group or substitute): an array.
  virtual Result<protocol::Json> LessonsOfDay(const Actor& actor, Date day) = 0;
  // The school's corrections (audit.h), newest first, those the filter keeps; kForbidden
  // unless the actor may read the audit (kReadAudit).
  virtual Result<std::vector<AuditRow>> CorrectionsAudit(const Actor& actor, const AuditFilter& filter) = 0;
  // The class's journal for its class teacher's summary (class_summary.h SliceForClass), if the
  // actor may read it (kReadJournal on the class): kNotFound for an unknown class, kForbidden.
  // `students`: whose data it holds (for the personal-data access log).
  virtual Result<protocol::Json> ClassJournalSlice(const Actor& actor, int64_t class_id, std::optional<DateRange> range,
                                                   std::vector<int64_t>* students) = 0;
  // The correction requests the actor may see (audit.h DescribeRequests) and the locked periods.
  virtual Result<protocol::Json> CorrectionRequests(const Actor& actor) = 0;

  // A student's diary over a range as JSON text (diary.h BuildDiary ToJson). kNotFound for someone who is
  // not a student of the school and, for an actor who is not staff, for any student not theirs
  // (checked before anything is read); kForbidden for staff without the right.
  virtual Result<std::string> Diary(const Actor& actor, int64_t student_id, DateRange range) = 0;
  // The actor's children (a parent) or themself (a student) with their classes on `today`.
  virtual Result<protocol::Json> Children(const Actor& actor, Date today) = 0;
  // The actor has seen the student's diary up to the log's `seq` (the diary answer's "seq");
  // the same who may read the diary on `today` (a family: only its own, else kNotFound).
  virtual Status MarkDiarySeen(const Actor& actor, int64_t student_id, int64_t seq, Date today) = 0;
  // Records a read of students' data by staff (R7, R22): the students or the group, the route.
  virtual Status LogPersonalDataRead(const Actor& actor, std::string_view route, const std::vector<int64_t>& student_ids,
                                     int64_t group_id, int64_t now) = 0;
  // The school's access log between two times (inclusive from, exclusive to), newest first.
  virtual Result<protocol::PdAccessLog> PersonalDataLog(int64_t school_id, int64_t from, int64_t to) = 0;
  // Every lesson of the school on a day (journal.h lesson JSON, an array), for planning
  // substitutions: kForbidden unless the actor plans lessons (Action::kPlanLessons).
  virtual Result<protocol::Json> SchoolLessonsOfDay(const Actor& actor, Date day) = 0;
  // The journal's changes after the log's seq `cursor` that the actor may read (journal_pull.h
  // BuildJournalPull), or a «resync» answer with the current seq; kForbidden for a family.
  virtual Result<protocol::Json> JournalChanges(const Actor& actor, int64_t cursor) = 0;
};

}  // namespace ej::server
