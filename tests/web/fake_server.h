// A fake of the ejournal server for the client's tests: answers the client's requests in
// memory the way the real server does (same DTOs, same error JSON, a session "cookie"), and
// only when the test says so, so the app's asynchrony is exercised. Not a mock: it has no
// expectations, only behaviour and a log of what it was sent. The school's structure is a
// real ej::Structure changed by the core's ApplyStructureOp, as on the server; a re-sent
// op_id gets its first answer again.
#pragma once

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "access.h"
#include "audit.h"
#include "class_summary.h"
#include "control_works.h"
#include "diary.h"
#include "journal_pull.h"
#include "journal_recommendations.h"
#include "journal.h"
#include "timetable.h"
#include "ops.h"
#include "protocol.h"
#include "school_rules.h"
#include "structure.h"
#include "substitution.h"
#include "thematic_plan.h"
#include "transport.h"

namespace ej::test {

struct FakeAccount {
  std::string login;
  std::string password;
  protocol::UserInfo user;
  int64_t person_id = 0;  // for the account rules (ej::AuthorizeAccountWork)
  bool disabled = false;
};

// A small school for the console: the year 2026/2027 with a period and holidays (so the
// checklist speaks only of classes), five teachers, classes 5А and 5Б with class teachers
// and students, and 6А with neither.
inline Structure SmallSchool() {
  auto day = [](const char* iso) { return *Date::ParseIso(iso); };
  Structure s;
  s.years.push_back({1, "2026/2027", {day("2026-09-01"), day("2027-08-31")}});
  s.periods.push_back({1, 1, "Учебный год", {day("2026-09-01"), day("2027-05-31")}, 1, 11});
  s.holidays.push_back({1, 1, "Зимние каникулы", {day("2026-12-30"), day("2027-01-08")}});
  auto person = [&](int64_t id, PersonName name, std::vector<Role> roles, const char* birth = nullptr) {
    Person p;
    p.id = id;
    p.name = std::move(name);
    p.roles = std::move(roles);
    if (birth) p.birth_date = day(birth);
    s.persons.emplace(id, std::move(p));
  };
  person(101, {"Иванова", "Мария", "Петровна"}, {Role::kTeacher, Role::kClassTeacher});
  person(102, {"Смирнова", "Ольга", "Викторовна"}, {Role::kTeacher, Role::kClassTeacher});
  person(103, {"Кузнецов", "Андрей", "Павлович"}, {Role::kTeacher});
  person(104, {"Алексеева", "Елена", "Николаевна"}, {Role::kTeacher});
  person(105, {"Яковлев", "Игорь", "Семёнович"}, {Role::kTeacher});
  person(106, {"Петров", "Сергей", "Иванович"}, {Role::kHead});
  s.classes.push_back({1, 1, 5, "А", 101});
  s.classes.push_back({2, 1, 5, "Б", 102});
  s.classes.push_back({3, 1, 6, "А", 0});
  person(201, {"Белов", "Артём", "Игоревич"}, {Role::kStudent}, "2015-03-12");
  person(202, {"Андреева", "Дарья", "Сергеевна"}, {Role::kStudent}, "2015-07-01");
  person(203, {"Волков", "Никита", ""}, {Role::kStudent}, "2015-11-20");
  s.enrollments.push_back({1, 201, 1, day("2026-09-01"), std::nullopt});
  s.enrollments.push_back({2, 202, 1, day("2026-09-01"), std::nullopt});
  s.enrollments.push_back({3, 203, 2, day("2026-09-01"), std::nullopt});
  return s;
}

class FakeServer : public web::Transport {
 public:
  FakeServer() {
    accounts.push_back({"uchitel", "demo2026",
                        {7, "Иванова Мария Петровна", {Role::kTeacher, Role::kClassTeacher}}});
    accounts.push_back({"direktor", "demo2026", {1, "Петров Сергей Иванович", {Role::kHead}}});
    accounts.push_back({"zavuch", "demo2026", {2, "Орлова Наталья Андреевна", {Role::kDeputy, Role::kTeacher}}});
    // For «Учётные записи»: the technical administrator and a parent without a password yet.
    accounts.push_back({"admin", "demo2026", {3, "Сидоров Павел Олегович", {Role::kTechAdmin}}, 302});
    accounts.push_back({"belova.e", "", {8, "Белова Екатерина Андреевна", {Role::kParent}}, 303});
    // A parent: the home screen (no console, no journal).
    accounts.push_back({"roditel", "demo2026", {9, "Иванова Мария Петровна", {Role::kParent}}, 304});
    accounts[0].user.person_id = 101;
    accounts[0].person_id = 101;
    accounts[1].person_id = 106;
    accounts[2].person_id = 301;
  }

  void Send(web::HttpRequest request, std::function<void(web::HttpResponse)> done) override {
    requests.push_back(request);
    pending_.push_back({std::move(request), std::move(done)});
  }

  // Answers every waiting request, and those the app sends in reaction, in order.
  void AnswerAll() {
    for (int guard = 0; guard < 100 && !pending_.empty(); ++guard) {
      Pending p = std::move(pending_.front());
      pending_.pop_front();
      web::HttpResponse response = Handle(p.request);
      if (lose_answers) response = {0, ""};  // handled, but the answer is lost on its way
      p.done(std::move(response));
    }
  }
  size_t waiting() const { return pending_.size(); }
  // Answers the first waiting request whose path starts with `prefix` (answers in another
  // order than asked, as a network may). False if none waits.
  bool AnswerFirst(std::string_view prefix) {
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (it->request.path.compare(0, prefix.size(), prefix) != 0) continue;
      Pending p = std::move(*it);
      pending_.erase(it);
      p.done(Handle(p.request));
      return true;
    }
    return false;
  }

  // ---- Behaviour switches ----
  bool unreachable = false;   // every request fails with status 0
  std::string unreachable_path;  // requests to this path fail with status 0
  bool lose_answers = false;  // requests are handled, yet their answers fail with status 0
  int throttle_seconds = 0;   // > 0: logins answer 429 with this retry_after
  std::optional<int64_t> session;  // the browser's session cookie: whose it is
  std::string school = "МБОУ «Средняя школа № 17»";
  std::vector<FakeAccount> accounts;

  Structure structure = SmallSchool();  // the school's state, changed only by the core
  Journal journal;                      // the journal, changed only by the core's ApplyJournalOp
  Timetable timetable;
  Date today = *Date::ParseIso("2026-09-14");  // the server's date for the journal's rules

  // Mathematics of 5А (group 1) taught by Иванова (101, class teacher of 5А), Russian of 5А
  // (group 2) taught by Смирнова (102), one lesson of each every weekday of September 2026, and
  // a third student in 5А.
  void AddJournalSchool() {
    auto day = [](const char* iso) { return *Date::ParseIso(iso); };
    structure.subjects.push_back({1, "Математика", "Матем."});
    structure.subjects.push_back({2, "Русский язык", "Рус. яз."});
    structure.groups.push_back({1, 1, GroupKind::kWholeClass, "5А", 1, {1}, {}});
    structure.groups.push_back({2, 1, GroupKind::kWholeClass, "5А", 2, {1}, {}});
    structure.workload.push_back({1, 1, 101, 1, 1, 5});
    structure.workload.push_back({2, 1, 102, 2, 2, 5});
    Person p;
    p.id = 204;
    p.name = {"Григорьева", "Алиса", "Олеговна"};
    p.roles = {Role::kStudent};
    structure.persons.emplace(p.id, p);
    structure.enrollments.push_back({4, 204, 1, day("2026-09-01"), std::nullopt});
    int64_t id = 0;
    for (Date d = day("2026-09-01"); d <= day("2026-09-30"); d = d.AddDays(1)) {
      if (d.Weekday() > 5) continue;
      for (int64_t group : {1, 2}) {
        JournalLesson l;
        l.lesson.id = ++id;
        l.lesson.group_id = group;
        l.lesson.date = d;
        l.lesson.number = static_cast<int>(group) + 1;
        l.lesson.teacher_id = group == 1 ? 101 : 102;
        journal.lessons.emplace(l.lesson.id, l);
      }
    }
    journal.SetNextIds(id + 1, 1);
    journal.Reindex();
  }
  SchoolRules rules = DefaultSchoolRules();  // changed only by the core's ApplyRulesUpdate
  std::vector<AuditRow> audit_rows;          // what GET /audit answers

  // ---- Planning (issue 4): «Замены», «Расписание», «Контрольные работы» ----
  ControlWorks control_works;  // changed only by the core's ApplyControlWorkOp
  // On top of AddJournalSchool: mathematics of 6А (group 3) taught by Кузнецов (103), Russian of
  // 6А (group 4) by Алексеева (104) with a lesson at number 2 on 14.09.2026 (so she is busy
  // when mathematics of 5А is), and a bell schedule of six lessons.
  void AddSubstitutionSchool() {
    AddJournalSchool();
    auto day = [](const char* iso) { return *Date::ParseIso(iso); };
    structure.groups.push_back({3, 1, GroupKind::kWholeClass, "6А", 1, {3}, {}});
    structure.groups.push_back({4, 1, GroupKind::kWholeClass, "6А", 2, {3}, {}});
    structure.workload.push_back({3, 1, 103, 1, 3, 5});
    structure.workload.push_back({4, 1, 104, 2, 4, 5});
    JournalLesson l;
    l.lesson.id = journal.NextLessonId();
    l.lesson.group_id = 4;
    l.lesson.date = day("2026-09-14");
    l.lesson.number = 2;
    l.lesson.teacher_id = 104;
    journal.lessons.emplace(l.lesson.id, l);
    journal.Reindex();
    BellSchedule bells;
    bells.id = 1;
    bells.name = "1 смена";
    int start = 8 * 60 + 30;
    for (int n = 1; n <= 6; ++n) {
      bells.slots.push_back({n, {start}, {start + 45}});
      start += 55;
    }
    timetable.bells.push_back(bells);
    timetable.next_bells_id = bells.id + 1;  // as the server counts on from its rows
  }


  // ---- What the app sent ----
  std::vector<web::HttpRequest> requests;
  std::vector<Operation> ops;  // every operation pushed, re-sends included
  std::vector<int64_t> journal_reads;  // the groups whose journal was read

  // The requests sent to a route.
  std::vector<web::HttpRequest> Sent(std::string_view method, std::string_view path) const {
    std::vector<web::HttpRequest> out;
    for (const auto& r : requests) {
      if (r.method == method && r.path == path) out.push_back(r);
    }
    return out;
  }

 private:
  struct Pending {
    web::HttpRequest request;
    std::function<void(web::HttpResponse)> done;
  };

  static web::HttpResponse Error(ErrorCode code, std::string message, int retry_after = 0) {
    Status s(code, std::move(message));
    if (retry_after > 0) s.WithRetryAfter(retry_after);
    return {protocol::HttpStatus(code), protocol::ErrorToJson(s).dump()};
  }

  const FakeAccount* AccountById(int64_t id) const {
    for (const FakeAccount& a : accounts) {
      if (a.user.id == id) return &a;
    }
    return nullptr;
  }

  web::HttpResponse Handle(const web::HttpRequest& r) {
    namespace route = protocol::route;
    if (unreachable || r.path == unreachable_path) return {0, ""};
    if (auto planning = HandlePlanning(r)) return *planning;
    if (auto pulled = HandlePull(r)) return *pulled;
    if (auto plan = HandlePlans(r)) return *plan;
    if (r.method == "GET" && r.path == route::kMe) {
      const FakeAccount* a = session ? AccountById(*session) : nullptr;
      if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
      return {200, protocol::ToJson(protocol::MeResponse{a->user, school}).dump()};
    }
    if (r.method == "POST" && r.path == route::kLogin) {
      if (throttle_seconds > 0) {
        return Error(ErrorCode::kTooManyRequests, "Слишком много попыток входа.", throttle_seconds);
      }
      auto json = protocol::ParseJson(r.body);
      if (!json.ok()) return Error(ErrorCode::kBadRequest, json.status().message());
      auto login = protocol::LoginRequestFromJson(*json);
      if (!login.ok()) return Error(ErrorCode::kBadRequest, login.status().message());
      for (const FakeAccount& a : accounts) {
        if (a.login == login->login && !a.password.empty() && a.password == login->password && !a.disabled) {
          session = a.user.id;
          return {200, protocol::ToJson(protocol::LoginResponse{"secret-token", a.user}).dump()};
        }
      }
      return Error(ErrorCode::kUnauthenticated, "Неверный логин или пароль.");
    }
    if (r.method == "POST" && r.path == route::kLogout) {
      session.reset();
      return {200, "{}"};
    }
    if (auto diary = HandleFamily(r)) return *diary;
    if (r.path == route::kStructure || r.path == route::kOps) {
      const FakeAccount* a = session ? AccountById(*session) : nullptr;
      if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
      Actor actor;
      actor.account_id = a->user.id;
      actor.person_id = a->person_id;
      actor.roles = a->user.roles;
      if (r.method == "GET" && r.path == route::kStructure) {
        if (Status s = Authorize(actor, Action::kReadStructure); !s.ok()) return Error(s.code(), s.message());
        SnapshotOptions options;
        options.personal_data = Authorize(actor, Action::kReadPersonalData).ok();
        return {200, ToJson(structure, options).dump()};
      }
      if (r.method == "POST" && r.path == route::kOps) return Push(r.body, actor);
    }
    std::string path = r.path.substr(0, r.path.find('?'));
    if (r.method == "GET" && (path == route::kCorrections || path == route::kAudit)) {
      const FakeAccount* a = session ? AccountById(*session) : nullptr;
      if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
      Actor actor = JournalActor(*a);
      if (path == route::kAudit) {
        // The rows a test put in `audit_rows`; the filters are read by the tests from `requests`.
        if (Status st = Authorize(actor, Action::kReadAudit); !st.ok()) return Error(st.code(), st.message());
        protocol::Json rows = protocol::Json::array();
        for (const AuditRow& row : audit_rows) rows.push_back(ToJson(row));
        return {200, protocol::Json{{"rows", rows}}.dump()};
      }
      if (Status st = Authorize(actor, Action::kReadCorrectionRequests); !st.ok()) return Error(st.code(), st.message());
      protocol::Json list = protocol::Json::array();
      for (const RequestRow& row : DescribeRequests(structure, journal, actor)) list.push_back(ToJson(row));
      protocol::Json locked = protocol::Json::array();
      for (int64_t id : journal.locked_periods) locked.push_back(id);
      return {200, protocol::Json{{"requests", list}, {"locked_periods", locked}}.dump()};
    }
    if (r.method == "GET" && (path == route::kJournal || path == route::kPlans || path == route::kClassJournal)) {
      const FakeAccount* a = session ? AccountById(*session) : nullptr;
      if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
      Actor actor = JournalActor(*a);
      std::optional<DateRange> range;
      auto from = Date::ParseIso(QueryParam(r.path, "from")), to = Date::ParseIso(QueryParam(r.path, "to"));
      if (from && to) range = DateRange{*from, *to};
      if (path == route::kClassJournal) {
        int64_t class_id = std::atoll(QueryParam(r.path, "class_id").c_str());
        if (!structure.FindClass(class_id)) return Error(ErrorCode::kNotFound, "Класс не найден.");
        Target target;
        target.class_ids = {class_id};
        if (Status st = Authorize(actor, Action::kReadJournal, target); !st.ok()) return Error(st.code(), st.message());
        return {200, ToJson(SliceForClass(structure, journal, class_id, range)).dump()};
      }
      int64_t group = std::atoll(QueryParam(r.path, "group_id").c_str());
      if (!structure.FindGroup(group)) return Error(ErrorCode::kNotFound, "Группа не найдена.");
      if (Status st = Authorize(actor, Action::kReadJournal, GroupTarget(structure, group)); !st.ok()) {
        return Error(st.code(), st.message());
      }
      if (path == route::kPlans) return {200, R"({"plans": []})"};
      journal_reads.push_back(group);
      return {200, ToJson(SliceForGroup(journal, group, range)).dump()};
    }
    if (r.path == route::kRules || r.path == route::kAccounts || r.path == route::kAccountPassword ||
        r.path == route::kAccountDisable) {
      const FakeAccount* a = session ? AccountById(*session) : nullptr;
      if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
      return Accounts(r, ActorOf(*a));
    }
    return Error(ErrorCode::kNotFound, "Не найдено.");
  }

  // Planning routes (issue 4): the bells and timetable, every lesson of a day for the head and
  // deputies (the core's kPlanLessons), the lessons a user keeps over a range, and a
  // substitute's slice of a group's journal (SliceForSubstitute), as the server answers them.
  std::optional<web::HttpResponse> HandlePlanning(const web::HttpRequest& r) {
    namespace route = protocol::route;
    std::string path = r.path.substr(0, r.path.find('?'));
    if (r.method == "POST" && path == route::kOps) return PushTimetable(r.body);
    if (r.method != "GET" || (path != route::kTimetable && path != route::kDayLessons && path != route::kLessons &&
                              path != route::kJournal && path != route::kControlWorks)) {
      return std::nullopt;
    }
    const FakeAccount* a = session ? AccountById(*session) : nullptr;
    if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
    Actor actor = ActorOf(*a);
    if (path == route::kControlWorks) {
      return web::HttpResponse{200, ControlWorkScheduleJson(structure, control_works, 1, TeachingActor(structure, actor),
                                                            rules.control_load, timetable).dump()};
    }
    auto param = [&](const char* name) { return Date::ParseIso(QueryParam(r.path, name)); };
    if (path == route::kJournal) {
      Actor journal_actor = JournalActor(*a);
      int64_t group = std::atoll(QueryParam(r.path, "group_id").c_str());
      if (!structure.FindGroup(group) || Authorize(journal_actor, Action::kReadJournal, GroupTarget(structure, group)).ok() ||
          !journal_actor.substituted_groups.count(group)) {
        return std::nullopt;  // the usual answer below
      }
      std::optional<DateRange> range;
      if (param("from") && param("to")) range = DateRange{*param("from"), *param("to")};
      journal_reads.push_back(group);
      return web::HttpResponse{200, ToJson(SliceForSubstitute(journal, journal_actor, group, range)).dump()};
    }
    if (path == route::kLessons) {
      auto from = param("from"), to = param("to");
      if (!from || !to) return std::nullopt;
      Actor journal_actor = JournalActor(*a);
      Journal mine;
      for (const auto& [id, l] : journal.lessons) {
        if (l.lesson.date < *from || *to < l.lesson.date) continue;
        if (Authorize(journal_actor, Action::kWriteLesson, LessonTarget(structure, l)).ok()) mine.lessons.emplace(id, l);
      }
      return web::HttpResponse{200, protocol::Json{{"lessons", ToJson(mine)["lessons"]}}.dump()};
    }
    if (path == route::kTimetable) {
      if (Status s = Authorize(actor, Action::kReadStructure); !s.ok()) return Error(s.code(), s.message());
      return web::HttpResponse{200, ToJson(timetable).dump()};
    }
    if (Status s = Authorize(actor, Action::kPlanLessons); !s.ok()) return Error(s.code(), s.message());
    auto d = Date::ParseIso(QueryParam(r.path, "date"));
    if (!d) return Error(ErrorCode::kBadRequest, "Параметр «date» — дата в виде ГГГГ-ММ-ДД.");
    Journal day;
    for (const auto& [id, l] : journal.lessons) {
      if (l.lesson.date == *d) day.lessons.emplace(id, l);
    }
    return web::HttpResponse{200, protocol::Json{{"lessons", ToJson(day)["lessons"]}}.dump()};
  }

  // A push of timetable operations only (the «Расписание» page sends one at a time): applied by
  // the core's ApplyTimetableOp, as on the server. Anything else goes the usual way.
  std::optional<web::HttpResponse> PushTimetable(const std::string& body) {
    auto json = protocol::ParseJson(body);
    if (!json.ok()) return std::nullopt;
    auto push = PushRequestFromJson(*json);
    if (!push.ok() || push->ops.empty()) return std::nullopt;
    for (const Operation& op : push->ops) {
      if (!IsTimetableOp(op.kind) && !IsControlWorkOp(op.kind) && !IsRecommendationOp(op.kind)) return std::nullopt;
    }
    const FakeAccount* a = session ? AccountById(*session) : nullptr;
    if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
    PushResponse response;
    for (const Operation& op : push->ops) {
      ops.push_back(op);
      OpResult result;
      result.op_id = op.op_id;
      Result<int64_t> applied = int64_t{0};
      if (IsRecommendationOp(op.kind)) {  // as the server: the core with the server's date
        auto r = ApplyRecommendationOp(recommendations, structure, journal, op, JournalActor(*a), today);
        applied = r.ok() ? Result<int64_t>(int64_t{0}) : Result<int64_t>(r.status());
      } else if (IsTimetableOp(op.kind)) {
        auto t = ApplyTimetableOp(timetable, structure, op, ActorOf(*a));
        applied = t.ok() ? Result<int64_t>(t->created_id) : Result<int64_t>(t.status());
      } else {
        auto c = ApplyControlWorkOp(control_works, structure, timetable.six_day_classes, op, TeachingActor(structure, ActorOf(*a)));
        applied = c.ok() ? Result<int64_t>(c->created_id) : Result<int64_t>(c.status());
      }
      if (applied.ok()) {
        result.outcome = OpOutcome::kApplied;
        result.created_id = *applied;
        result.seq = static_cast<int64_t>(ops.size());
      } else {
        result.outcome = OpOutcome::kRejected;
        result.error = applied.status();
      }
      response.results.push_back(result);
    }
    return web::HttpResponse{200, ToJson(response).dump()};
  }

  Actor JournalActor(const FakeAccount& a) const {
    Actor actor = ActorOf(a);
    for (const auto& c : structure.classes) {
      if (c.teacher_id == a.person_id) actor.led_classes.insert(c.id);
    }
    AddJournalRelations(actor, structure, journal);
    return actor;
  }

  static Actor ActorOf(const FakeAccount& a) {
    Actor actor;
    actor.account_id = a.user.id;
    actor.person_id = a.person_id;
    actor.roles = a.user.roles;
    return actor;
  }

  static protocol::AccountInfo InfoOf(const FakeAccount& a) {
    return {a.user.id, a.person_id, a.login, a.user.name, a.user.roles, !a.password.empty(), a.disabled};
  }

  // The rules for everyone; the accounts as the server's handlers do it, with the core's rules.
  web::HttpResponse Accounts(const web::HttpRequest& r, const Actor& actor) {
    namespace route = protocol::route;
    if (r.method == "GET" && r.path == route::kRules) return {200, ToJson(rules).dump()};
    if (Status s = Authorize(actor, Action::kManageAccounts); !s.ok()) return Error(s.code(), s.message());
    if (r.method == "GET" && r.path == route::kAccounts) {
      protocol::AccountList list;
      for (const FakeAccount& a : accounts) list.accounts.push_back(InfoOf(a));
      return {200, protocol::ToJson(list).dump()};
    }
    auto json = protocol::ParseJson(r.body);
    if (!json.ok()) return Error(ErrorCode::kBadRequest, json.status().message());
    const bool disabling = r.path == route::kAccountDisable;
    int64_t id = 0;
    bool disabled = true;
    if (disabling) {
      auto cmd = protocol::AccountDisableFromJson(*json);
      if (!cmd.ok()) return Error(ErrorCode::kBadRequest, cmd.status().message());
      id = cmd->account_id;
      disabled = cmd->disabled;
    } else {
      auto ref = protocol::AccountRefFromJson(*json);
      if (!ref.ok()) return Error(ErrorCode::kBadRequest, ref.status().message());
      id = ref->account_id;
    }
    FakeAccount* target = nullptr;
    for (FakeAccount& a : accounts) {
      if (a.user.id == id) target = &a;
    }
    if (target == nullptr) return Error(ErrorCode::kNotFound, "Учётная запись не найдена.");
    if (Status s = AuthorizeAccountWork(actor, target->person_id, target->user.roles, disabling && disabled); !s.ok()) {
      return Error(s.code(), s.message());
    }
    if (disabling) {
      target->disabled = disabled;
      return {200, protocol::ToJson(InfoOf(*target)).dump()};
    }
    target->password = "sosna-" + std::to_string(++issued_) + "-luna";
    return {200, protocol::ToJson(protocol::IssuedPassword{target->login, target->password}).dump()};
  }

  web::HttpResponse Push(const std::string& body, const Actor& actor) {
    auto json = protocol::ParseJson(body);
    if (!json.ok()) return Error(ErrorCode::kBadRequest, json.status().message());
    auto push = PushRequestFromJson(*json);
    if (!push.ok()) return Error(ErrorCode::kBadRequest, push.status().message());
    PushResponse response;
    for (const Operation& op : push->ops) {
      ops.push_back(op);
      auto done = applied_.find(op.op_id);
      if (done != applied_.end()) {
        response.results.push_back(done->second);  // a re-send: a no-op with the first answer
        continue;
      }
      OpResult result;
      result.op_id = op.op_id;
      if (IsRulesOp(op.kind)) {  // as the server: the core applies it, a stale version is a conflict
        auto updated = ApplyRulesUpdate(rules, op, actor, [](std::string_view, std::string_view) { return false; });
        if (updated.ok()) {
          rules = std::move(updated).value();
          result.outcome = OpOutcome::kApplied;
          result.seq = static_cast<int64_t>(applied_.size()) + 1;
          applied_[op.op_id] = result;
          pull_log.push_back({result.seq, op.kind, std::nullopt});
        } else {
          result.outcome = updated.status().code() == ErrorCode::kConflict ? OpOutcome::kConflict : OpOutcome::kRejected;
          result.error = updated.status();
        }
        response.results.push_back(result);
        continue;
      }
      if (IsJournalOp(op.kind)) {  // as the server: the core applies it with the server's date
        JournalContext ctx{structure, timetable, rules, today};
        Actor journal_actor = actor;
        for (const auto& c : structure.classes) {
          if (c.teacher_id == actor.person_id) journal_actor.led_classes.insert(c.id);
        }
        AddJournalRelations(journal_actor, structure, journal);
        auto applied = ApplyJournalOp(journal, ctx, op, journal_actor);
        if (applied.ok()) {
          result.outcome = OpOutcome::kApplied;
          result.seq = static_cast<int64_t>(applied_.size()) + 1;
          result.summary = JournalOpSummary(op.kind, *applied);
          applied_[op.op_id] = result;
          pull_log.push_back({result.seq, op.kind, TouchOf(journal, *applied)});
        } else {
          result.outcome = applied.status().code() == ErrorCode::kConflict ? OpOutcome::kConflict : OpOutcome::kRejected;
          result.error = applied.status();
        }
        response.results.push_back(result);
        continue;
      }
      auto applied = ApplyStructureOp(structure, op, actor);
      if (applied.ok()) {
        result.outcome = OpOutcome::kApplied;
        result.created_id = applied->created_id;
        result.seq = static_cast<int64_t>(applied_.size()) + 1;
        applied_[op.op_id] = result;
        pull_log.push_back({result.seq, op.kind, std::nullopt});
      } else {
        result.outcome = OpOutcome::kRejected;
        result.error = applied.status();
      }
      response.results.push_back(result);
    }
    return {200, ToJson(response).dump()};
  }

  std::deque<Pending> pending_;
  std::map<std::string, OpResult> applied_;
  int issued_ = 0;  // passwords issued

  // ---- The family's cabinet: children, a student's diary (the core's BuildDiary), «seen» ----
 public:
  std::map<int64_t, std::set<int64_t>> family;  // a parent's person id → their children
  Recommendations recommendations;
  std::map<std::pair<int64_t, int64_t>, int64_t> diary_seen;  // (account, student) → seq

  // «roditel» (person 304) becomes the parent of Белов Артём (201, 5А) and Волков Никита (203,
  // 5Б); a student «uchenik» (Белов, 201) gets an account.
  void AddFamily() {
    family[304] = {201, 203};
    accounts.push_back({"uchenik", "demo2026", {10, "Белов Артём Игоревич", {Role::kStudent}}, 201});
  }

  // Applies an operation as the account would push it; the answer for it.
  OpResult PushAs(int64_t account_id, const Operation& op) {
    const FakeAccount* a = AccountById(account_id);
    Actor actor = a ? ActorOf(*a) : Actor{};
    auto json = protocol::ParseJson(Push(ToJson(PushRequest{{op}}).dump(), actor).body);
    auto resp = PushResponseFromJson(*json);
    return resp->results[0];
  }

 private:
  std::optional<web::HttpResponse> HandleFamily(const web::HttpRequest& r) {
    namespace route = protocol::route;
    std::string path = r.path.substr(0, r.path.find('?'));
    if (path != route::kChildren && path != route::kDiary && path != route::kDiarySeen) return std::nullopt;
    const FakeAccount* a = session ? AccountById(*session) : nullptr;
    if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
    Actor actor = JournalActor(*a);
    if (auto it = family.find(a->person_id); it != family.end()) actor.children = it->second;
    auto q = [&](const char* name) { return QueryParam(r.path, name); };
    if (path == route::kChildren) return web::HttpResponse{200, ToJson(ChildrenOf(structure, actor, today)).dump()};
    int64_t student = std::atoll(q("student_id").c_str());
    if (!IsStaff(actor) && student != actor.person_id && actor.children.count(student) == 0) {
      return Error(ErrorCode::kNotFound, "Ученик не найден.");
    }
    const int64_t last = static_cast<int64_t>(applied_.size());
    const auto key = std::make_pair(actor.account_id, student);
    if (path == route::kDiarySeen) {
      int64_t& seen = diary_seen[key];
      seen = std::max(seen, std::min<int64_t>(std::atoll(q("seq").c_str()), last));
      return web::HttpResponse{200, "{}"};
    }
    auto from = Date::ParseIso(q("from")), to = Date::ParseIso(q("to"));
    if (!from || !to) return Error(ErrorCode::kBadRequest, "Неверный период.");
    auto view = BuildDiary(DiarySources{structure, journal, timetable, control_works, rules, &recommendations}, actor,
                           student, {*from, *to});
    if (!view.ok()) return Error(view.status().code(), view.status().message());
    if (auto seen = diary_seen.find(key); seen != diary_seen.end()) {
      std::vector<Operation> since;
      for (const Operation& op : ops) {
        auto done = applied_.find(op.op_id);
        if (done != applied_.end() && done->second.seq > seen->second) since.push_back(op);
      }
      MarkNewSince(*view, since);
    }
    protocol::Json j = ToJson(*view);
    j["seq"] = last;
    return web::HttpResponse{200, j.dump()};
  }

 public:
  // ---- Pull since a cursor (journal_pull.h), as the server: the log's touches, the core's answer ----
  struct PullEntry {
    int64_t seq = 0;
    std::string kind;
    std::optional<JournalTouch> touch;  // journal ops
  };
  std::vector<PullEntry> pull_log;  // every applied op of Push (seq = the answer's seq)
  int pulls = 0;                    // GET /journal/changes answered

  std::optional<web::HttpResponse> HandlePull(const web::HttpRequest& r) {
    const std::string path = r.path.substr(0, r.path.find('?'));
    if (r.method != "GET" || path != protocol::route::kJournalChanges) return std::nullopt;
    const FakeAccount* a = session ? AccountById(*session) : nullptr;
    if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
    Actor actor = JournalActor(*a);
    if (Status st = MayPullJournal(actor); !st.ok()) return Error(st.code(), st.message());
    ++pulls;
    int64_t cursor = 0;
    if (std::string c = QueryParam(r.path, "cursor"); !c.empty()) cursor = std::atoll(c.c_str());
    const int64_t last = static_cast<int64_t>(applied_.size());
    if (cursor <= 0 || cursor > last) return web::HttpResponse{200, ToJson(ResyncPull(last)).dump()};
    std::vector<JournalTouch> touches;
    for (const PullEntry& e : pull_log) {
      if (e.seq <= cursor) continue;
      if (PullNeedsResync(e.kind)) return web::HttpResponse{200, ToJson(ResyncPull(last)).dump()};
      if (e.touch) touches.push_back(*e.touch);
    }
    return web::HttpResponse{200, ToJson(BuildJournalPull(journal, structure, actor, touches, last)).dump()};
  }

  // ---- «КТП» (issue 4): the groups' thematic plans, as the server keeps them ----
 public:
  ThematicPlans plans;  // changed only by the core's ApplyPlanOp
  // GET /plans (the core's kReadPlan with the taught groups) and a push of plan.set only
  // (ApplyPlanOp with the operation's base_version: a stale one is a conflict).
  std::optional<web::HttpResponse> HandlePlans(const web::HttpRequest& r) {
    namespace route = protocol::route;
    std::string path = r.path.substr(0, r.path.find('?'));
    const bool get = r.method == "GET" && path == route::kPlans;
    std::optional<PushRequest> push;
    if (r.method == "POST" && path == route::kOps) {
      auto json = protocol::ParseJson(r.body);
      auto parsed = json.ok() ? PushRequestFromJson(*json) : Result<PushRequest>(json.status());
      if (!parsed.ok() || parsed->ops.empty()) return std::nullopt;
      for (const Operation& op : parsed->ops) {
        if (!IsPlanOp(op.kind)) return std::nullopt;
      }
      push = std::move(parsed).value();
    }
    if (!get && !push) return std::nullopt;
    const FakeAccount* a = session ? AccountById(*session) : nullptr;
    if (a == nullptr) return Error(ErrorCode::kUnauthenticated, "Войдите в систему.");
    Actor actor = TeachingActor(structure, JournalActor(*a));
    if (get) {
      int64_t group = std::atoll(QueryParam(r.path, "group_id").c_str());
      // Anyone else: the journal's answer above (as before this block).
      if (!structure.FindGroup(group) || !Authorize(actor, Action::kReadPlan, GroupTarget(structure, group)).ok()) {
        return std::nullopt;
      }
      return web::HttpResponse{200, GroupPlansJson(plans, group).dump()};
    }
    PushResponse response;
    for (const Operation& op : push->ops) {
      ops.push_back(op);
      OpResult result;
      result.op_id = op.op_id;
      auto applied = ApplyPlanOp(plans, structure, op, actor);
      if (applied.ok()) {
        result.outcome = OpOutcome::kApplied;
        result.seq = static_cast<int64_t>(ops.size());
      } else {
        result.outcome = applied.status().code() == ErrorCode::kConflict ? OpOutcome::kConflict : OpOutcome::kRejected;
        result.error = applied.status();
      }
      response.results.push_back(result);
    }
    return web::HttpResponse{200, ToJson(response).dump()};
  }

  // ---- Query strings: every handler reads its parameters here ----
 public:
  // The value of `name` in the path's query string ("" when absent), as sent (not decoded).
  static std::string QueryParam(std::string_view path, std::string_view name) {
    size_t at = path.find('?');
    while (at != std::string_view::npos) {
      size_t next = path.find('&', at + 1);
      std::string_view pair = path.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1);
      size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
      at = next;
    }
    return {};
  }
};

}  // namespace ej::test
