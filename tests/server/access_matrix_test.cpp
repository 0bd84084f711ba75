// The access matrix (shared/ACCESS.md, R19, R22): every route × role × target, run against a real
// server on the demo school. The table is read from the file; every route of Routes() must have
// a row for every role; a refusal must change nothing.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "api.h"
#include "diary.h"
#include "journal.h"
#include "journal_recommendations.h"
#include "structure.h"
#include "test_env.h"
#include "timetable.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::DemoServer;

struct Cell {
  std::string method, path, role, target, expect;
  int line = 0;
};

std::string Trim(std::string s) {
  size_t a = s.find_first_not_of(' ');
  size_t b = s.find_last_not_of(' ');
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

// The rows of the matrix: lines "| `METHOD /path` | role | target | answer |".
std::vector<Cell> ReadMatrix() {
  std::ifstream in(EJ_SOURCE_DIR "/shared/ACCESS.md");
  REQUIRE(in.good());
  std::vector<Cell> cells;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cols;
    std::stringstream ss(line.substr(1));
    for (std::string col; std::getline(ss, col, '|');) cols.push_back(Trim(col));
    if (cols.size() < 4 || cols[0].size() < 3 || cols[0].find(' ') == std::string::npos) continue;
    std::string route = cols[0].substr(1, cols[0].size() - 2);
    Cell c;
    c.method = route.substr(0, route.find(' '));
    c.path = route.substr(route.find(' ') + 1);
    c.role = cols[1];
    c.target = cols[2];
    c.expect = cols[3];
    c.line = n;
    if (c.path.rfind("/api/", 0) == 0) cells.push_back(std::move(c));
  }
  return cells;
}

const std::vector<std::string> kRoles = {"head",   "deputy", "teacher", "class teacher", "substitute",
                                         "technical administrator", "parent", "student", "anonymous"};

TEST_CASE("ACCESS.md has a row for every route and every role, and nothing else") {
  std::vector<Cell> cells = ReadMatrix();
  REQUIRE(cells.size() > 100);
  std::set<std::pair<std::string, std::string>> routes;
  for (const Route& r : Routes()) routes.insert({std::string(r.method), std::string(r.path)});
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const Cell& c : cells) {
    CHECK_MESSAGE(routes.count({c.method, c.path}), "ACCESS.md:" << c.line << " names a route the server lacks: "
                                                                 << c.method << " " << c.path);
    CHECK_MESSAGE(std::find(kRoles.begin(), kRoles.end(), c.role) != kRoles.end(),
                  "ACCESS.md:" << c.line << " names an unknown role " << c.role);
    static const std::set<std::string> kAnswers = {"200", "401", "403", "404", "applied", "refused"};
    CHECK_MESSAGE(kAnswers.count(c.expect), "ACCESS.md:" << c.line << " has an unknown answer " << c.expect);
    seen.insert({c.method, c.path, c.role});
  }
  for (const auto& [method, path] : routes) {
    for (const std::string& role : kRoles) {
      CHECK_MESSAGE(seen.count({method, path, role}), "ACCESS.md lacks a row for " << method << " " << path << " × " << role);
    }
  }
}

Json BodyOf(const httplib::Result& r) {
  REQUIRE(r);
  auto j = protocol::ParseJson(r->body);
  REQUIRE_MESSAGE(j.ok(), r->body);
  return *j;
}

std::string Text(Database& db, const std::string& sql) {
  std::string out;
  REQUIRE(db.Read([&](Connection& c) { return c.Query(sql, {}, [&](const Row& r) { out = r.Text(0); }); }).ok());
  return out;
}

int64_t Int(Database& db, const std::string& sql) { return std::stoll(Text(db, sql)); }

// What a refusal must leave as it was.
std::string Fingerprint(Database& db) {
  return Text(db,
              "SELECT (SELECT COUNT(*) FROM op_log) || '/' || (SELECT COUNT(*) FROM marks) || '/' || "
              "(SELECT COUNT(*) FROM pd_access_log) || '/' || (SELECT COUNT(*) FROM accounts WHERE disabled = 1) "
              "|| '/' || (SELECT COALESCE(SUM(password_changed_at), 0) FROM accounts) || '/' || "
              "(SELECT COUNT(*) FROM sessions) || '/' || (SELECT COALESCE(SUM(substitute_id), 0) FROM lessons) || '/' || "
              "(SELECT COUNT(*) FROM recommendations)");
}

int op_counter = 0;
std::string NextOpId() {
  unsigned char bytes[16] = {0x61, 0x6d};
  int n = ++op_counter;
  for (int i = 0; i < 4; ++i) bytes[12 + i] = static_cast<unsigned char>(n >> (8 * i));
  return FormatUuid(bytes);
}

Operation TestOp(std::string_view kind, protocol::Json payload) {
  Operation op;
  op.op_id = NextOpId();
  op.kind = std::string(kind);
  op.payload = std::move(payload);
  op.device = "test";
  return op;
}

Operation MarkOp(int64_t lesson, int64_t student) {
  return TestOp(op_kind::kMarkAdd, MarkAddPayload(lesson, student, "5", "answer", "", "внесено позже"));
}

Operation RecommendationOp(int64_t group, int64_t lesson, int64_t student) {
  return TestOp(op_kind::kRecommendationAdd,
                RecommendationAddPayload(student, group, lesson, "Повторить правила «жи-ши» — 10 минут в день."));
}

Operation WeekOp(int64_t class_id) { return TestOp(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(class_id, 6)); }

Date D(const char* iso) { return *Date::ParseIso(iso); }

// The demo school seen by the test: the users, their groups and students, and the lessons.
struct World {
  DemoServer& server;
  Structure s;
  std::map<std::string, std::string> login{{"head", "direktor"},       {"deputy", "zavuch"}, {"teacher", "uchitel"},
                                           {"class teacher", "klruk"}, {"technical administrator", "admin"},
                                           {"parent", "roditel"},      {"student", "uchenik"}};
  std::map<std::string, std::string> password;
  std::map<std::string, httplib::Headers> auth;
  int64_t teacher = 0, klruk = 0, parent = 0, student = 0, substitute = 0;
  int64_t klass = 0;  // the class klruk leads
  int64_t child = 0;
  int64_t g_teacher = 0, g_klass = 0, g_foreign = 0, g_child = 0, g_student = 0;
  int64_t s_teacher = 0, s_klass = 0, s_foreign = 0;
  int64_t l_teacher = 0, l_klass = 0, l_foreign = 0, l_child = 0, l_student = 0, l_sub = 0;
  int64_t l_teacher_student = 0, l_klass_student = 0, l_child_student = 0;
  Date sub_day;
  int64_t other_parent_account = 0, head_account = 0;
  DateRange range{D("2026-09-14"), D("2026-09-20")};

  explicit World(DemoServer& srv) : server(srv) {
    for (const auto& [role, l] : login) password[role] = std::string(kDemoPassword);
    for (const auto& [role, l] : login) auth[role] = server.As(l);
    auto r = server.Client().Get(std::string(protocol::route::kStructure), auth["head"]);
    s = StructureFromJson(BodyOf(r)).value();
    teacher = PersonOf("uchitel");
    klruk = PersonOf("klruk");
    parent = PersonOf("roditel");
    student = PersonOf("uchenik");
    for (const auto& c : s.classes) {
      if (c.teacher_id == klruk) klass = c.id;
    }
    REQUIRE(klass);
    for (const auto& g : s.guardianships) {
      if (g.parent_id == parent && !child) child = g.student_id;
    }
    REQUIRE(child);
    Date d = range.first;
    auto teaches = [&](int64_t person, int64_t group) {
      for (const auto& w : s.workload) {
        if (w.teacher_id == person && w.group_id == group) return true;
      }
      return false;
    };
    auto has = [](const std::vector<int64_t>& v, int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    // Groups by relation.
    for (const auto& g : s.groups) {
      if (GradeOfGroup(s, g.id) < 2) continue;
      auto kids = s.GroupStudents(g.id, d);
      if (kids.empty()) continue;
      bool of_klass = has(g.class_ids, klass);
      if (!g_teacher && teaches(teacher, g.id) && !of_klass) g_teacher = g.id;
      if (!g_klass && of_klass && !teaches(klruk, g.id) && !teaches(teacher, g.id)) g_klass = g.id;
      if (!g_child && has(kids, child)) g_child = g.id;
      if (!g_student && has(kids, student)) g_student = g.id;
    }
    // Students of the teacher's groups, of klruk's class, of the family.
    std::set<int64_t> near;
    for (const auto& g : s.groups) {
      if (teaches(teacher, g.id) || teaches(klruk, g.id) || has(g.class_ids, klass)) {
        for (int64_t k : s.GroupStudents(g.id, d)) near.insert(k);
      }
    }
    for (const auto& g : s.guardianships) {
      if (g.parent_id == parent) near.insert(g.student_id);
    }
    near.insert(student);
    for (const auto& g : s.groups) {
      if (g_foreign || GradeOfGroup(s, g.id) < 2 || has(g.class_ids, klass)) continue;
      if (teaches(teacher, g.id) || teaches(klruk, g.id)) continue;
      auto kids = s.GroupStudents(g.id, d);
      bool clean = !kids.empty();
      for (int64_t k : kids) clean = clean && !near.count(k);
      if (clean) {
        g_foreign = g.id;
        s_foreign = kids.front();
      }
    }
    REQUIRE(g_teacher);
    REQUIRE(g_klass);
    REQUIRE(g_foreign);
    REQUIRE(g_child);
    REQUIRE(g_student);
    s_teacher = s.GroupStudents(g_teacher, d).front();
    s_klass = s.StudentsOf(klass, d).front();
    std::tie(l_teacher, l_teacher_student) = LessonOf(g_teacher);
    std::tie(l_klass, l_klass_student) = LessonOf(g_klass);
    std::tie(l_child, l_child_student) = LessonOf(g_child);
    l_child_student = child;
    std::tie(l_student, std::ignore) = LessonOf(g_student);
    std::tie(l_foreign, std::ignore) = LessonOf(g_foreign);
    // Accounts: the head's, another family's parent's.
    auto accounts = protocol::AccountListFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kAccounts), auth["head"]))).value();
    for (const auto& a : accounts.accounts) {
      if (a.login == "direktor") head_account = a.account_id;
      bool is_parent = std::find(a.roles.begin(), a.roles.end(), Role::kParent) != a.roles.end();
      if (is_parent && a.person_id != parent && !a.has_password && !other_parent_account) other_parent_account = a.account_id;
    }
    REQUIRE(head_account);
    REQUIRE(other_parent_account);
    MakeSubstitute(accounts);
  }

  int64_t PersonOf(const char* l) {
    return Int(server.db(), std::string("SELECT person_id FROM accounts WHERE login = '") + l + "'");
  }

  // A lesson of the group in the test's week (the first) and a student of the group then.
  std::pair<int64_t, int64_t> LessonOf(int64_t group) {
    auto r = server.Client().Get(std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(group) +
                                     "&from=" + range.first.Iso() + "&to=" + range.last.Iso(),
                                 auth["head"]);
    Journal j = JournalFromJson(BodyOf(r)).value();
    for (const JournalLesson* l : j.LessonsOf(group, range)) {
      auto kids = s.GroupStudents(group, l->lesson.date);
      if (!kids.empty()) return {l->lesson.id, kids.front()};
    }
    FAIL("no lesson of group " << group);
    return {0, 0};
  }

  // A teacher who teaches none of the foreign student's groups gets a password from the
  // technical administrator and a lesson of the foreign group from the deputy.
  void MakeSubstitute(const protocol::AccountList& accounts) {
    std::vector<int64_t> foreign_groups = GroupsOfStudent(s, s_foreign, range);
    auto r = server.Client().Get(std::string(protocol::route::kJournal) + "?group_id=" + std::to_string(g_foreign) +
                                     "&from=2026-09-14&to=2026-10-10",
                                 auth["head"]);
    Journal j = JournalFromJson(BodyOf(r)).value();
    for (const auto& a : accounts.accounts) {
      if (substitute) break;
      const Person* p = s.FindPerson(a.person_id);
      if (!p || !p->Has(Role::kTeacher) || p->Has(Role::kClassTeacher) || p->Has(Role::kHead) ||
          p->Has(Role::kDeputy) || a.person_id == teacher || a.person_id == klruk || a.has_password) {
        continue;
      }
      bool near = false;
      for (const auto& w : s.workload) {
        near = near || (w.teacher_id == a.person_id &&
                        std::find(foreign_groups.begin(), foreign_groups.end(), w.group_id) != foreign_groups.end());
      }
      if (near) continue;
      for (const JournalLesson* l : j.LessonsOf(g_foreign, {D("2026-09-14"), D("2026-10-10")})) {
        if (l->lesson.id == l_foreign) continue;  // that one stays a lesson of "another group"
        Operation op;
        op.op_id = NextOpId();
        op.kind = std::string(op_kind::kLessonSubstitute);
        op.payload = LessonSubstitutePayload(l->lesson.id, a.person_id);
        op.device = "test";
        auto pushed = server.Client().Post(std::string(protocol::route::kOps), auth["deputy"],
                                           ToJson(PushRequest{{op}}).dump(), "application/json");
        auto resp = PushResponseFromJson(BodyOf(pushed)).value();
        if (resp.results[0].outcome != OpOutcome::kApplied) continue;
        substitute = a.person_id;
        l_sub = l->lesson.id;
        sub_day = l->lesson.date;
        break;
      }
      if (!substitute) continue;
      auto issued = server.Client().Post(std::string(protocol::route::kAccountPassword), auth["technical administrator"],
                                         protocol::ToJson(protocol::AccountRef{a.account_id}).dump(), "application/json");
      auto pw = protocol::IssuedPasswordFromJson(BodyOf(issued)).value();
      login["substitute"] = pw.login;
      password["substitute"] = pw.password;
      auth["substitute"] = Login(pw.login, pw.password);
    }
    REQUIRE(substitute);
  }

  httplib::Headers Login(const std::string& l, const std::string& p) {
    auto r = server.Client().Post(std::string(protocol::route::kLogin),
                                  protocol::ToJson(protocol::LoginRequest{l, p}).dump(), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return {{"Authorization", "Bearer " + protocol::LoginResponseFromJson(BodyOf(r)).value().token}};
  }

  struct Request {
    std::string method, path, body;
    httplib::Headers headers;
    bool ops = false;
  };

  // The request a row stands for; nullopt when the test does not know the target.
  std::optional<Request> Build(const Cell& c) {
    Request q;
    q.method = c.method;
    q.path = c.path;
    if (c.role != "anonymous") q.headers = auth.at(c.role);
    const std::string& t = c.target;
    auto group_of = [&]() -> int64_t {
      if (t == "own group") return c.role == "student" ? g_student : g_teacher;
      if (t == "own class's group") return g_klass;
      if (t == "another group") return g_foreign;
      if (t == "substituted lesson's group") return g_foreign;
      if (t == "own child's group") return g_child;
      return 0;
    };
    auto week = "&from=" + range.first.Iso() + "&to=" + range.last.Iso();
    if (c.path == protocol::route::kLogin) {
      if (t == "wrong password") q.body = protocol::ToJson(protocol::LoginRequest{"direktor", "не тот пароль"}).dump();
      else if (t == "own login and password") q.body = protocol::ToJson(protocol::LoginRequest{login.at(c.role), password.at(c.role)}).dump();
      else return std::nullopt;
      q.headers = {};
    } else if (c.path == protocol::route::kLogout) {
      if (t != "own session") return std::nullopt;
      if (c.role != "anonymous") q.headers = Login(login.at(c.role), password.at(c.role));
    } else if (c.path == protocol::route::kPlans || c.path == protocol::route::kJournal) {
      int64_t g = group_of();
      if (!g) return std::nullopt;
      q.path += "?group_id=" + std::to_string(g);
    } else if (c.path == protocol::route::kLessons || c.path == protocol::route::kDayLessons) {
      if (t == "a school day") q.path += "?date=" + range.first.Iso();
      else if (t == "substituted lesson's day") q.path += "?date=" + sub_day.Iso();
      else return std::nullopt;
    } else if (c.path == protocol::route::kDiary || c.path == protocol::route::kDiarySeen) {
      int64_t id = 0;
      if (t == "another student" || t == "another child" || t == "student of substituted lesson") id = s_foreign;
      if (t == "student of own group") id = s_teacher;
      if (t == "own class's student") id = s_klass;
      if (t == "own child") id = child;
      if (t == "self") id = student;
      if (t == "not a student") id = teacher;
      if (!id) return std::nullopt;
      q.path += "?student_id=" + std::to_string(id) + (c.path == protocol::route::kDiarySeen ? "&seq=0" : week);
    } else if (c.path == protocol::route::kAccountPassword || c.path == protocol::route::kAccountDisable) {
      int64_t id = t == "another family's parent" ? other_parent_account : t == "the head's account" ? head_account : 0;
      if (!id) return std::nullopt;
      q.body = c.path == protocol::route::kAccountPassword ? protocol::ToJson(protocol::AccountRef{id}).dump()
                                                           : protocol::ToJson(protocol::AccountDisable{id, true}).dump();
    } else if (c.path == protocol::route::kOps) {
      std::pair<int64_t, int64_t> ls;
      if (t == "mark in own group") ls = c.role == "student" ? std::pair{l_student, student} : std::pair{l_teacher, l_teacher_student};
      if (t == "mark in own class's group") ls = {l_klass, l_klass_student};
      if (t == "mark in another group") ls = {l_foreign, s_foreign};
      if (t == "mark in substituted lesson") ls = {l_sub, s.GroupStudents(g_foreign, sub_day).front()};
      if (t == "mark in own child's group") ls = {l_child, child};
      // recommendation.add: (group, lesson, student); lesson 0 for "no lesson".
      std::tuple<int64_t, int64_t, int64_t> rec{0, 0, 0};
      if (t == "recommendation in own group") {
        rec = c.role == "student" ? std::tuple{g_student, l_student, student} : std::tuple{g_teacher, l_teacher, l_teacher_student};
      }
      if (t == "recommendation in own group, no lesson") rec = {g_teacher, 0, s_teacher};
      if (t == "recommendation in own class's group") rec = {g_klass, l_klass, l_klass_student};
      if (t == "recommendation in another group") rec = {g_foreign, l_foreign, s_foreign};
      if (t == "recommendation in substituted lesson") rec = {g_foreign, l_sub, s.GroupStudents(g_foreign, sub_day).front()};
      if (t == "recommendation in own child's group") rec = {g_child, l_child, child};
      if (std::get<0>(rec)) {
        auto [group, lesson, who] = rec;
        q.body = ToJson(PushRequest{{RecommendationOp(group, lesson, who)}}).dump();
        q.ops = true;
        return q;
      }
      int64_t week_class = t == "six-day week of own class"       ? klass
                           : t == "six-day week of another class" ? s.FindGroup(g_foreign)->class_ids.front()
                                                                  : 0;
      if (week_class) {
        q.body = ToJson(PushRequest{{WeekOp(week_class)}}).dump();
        q.ops = true;
        return q;
      }
      if (!ls.first) return std::nullopt;
      q.body = ToJson(PushRequest{{MarkOp(ls.first, ls.second)}}).dump();
      q.ops = true;
    } else if (c.path == protocol::route::kClassJournal) {
      int64_t id = t == "own class" ? klass : t == "another class" ? s.FindGroup(g_foreign)->class_ids.front() : 0;
      if (!id) return std::nullopt;
      q.path += "?class_id=" + std::to_string(id) + week;
    } else if (c.path == protocol::route::kControlWorks) {
      if (t != "current year") return std::nullopt;
    } else if (t != "—" && t != "own session" && t != "the school") {
      return std::nullopt;
    }
    return q;
  }
};

TEST_CASE("every cell of the access matrix holds on the real server; refusals change nothing") {
  DemoServer server;
  World w(server);
  std::vector<Cell> cells = ReadMatrix();
  int run = 0;
  for (const Cell& c : cells) {
    CAPTURE(c.line);
    CAPTURE(c.method);
    CAPTURE(c.path);
    CAPTURE(c.role);
    CAPTURE(c.target);
    auto q = w.Build(c);
    REQUIRE_MESSAGE(q.has_value(), "ACCESS.md:" << c.line << ": the test cannot build the target «" << c.target << "»");
    std::string before = Fingerprint(server.db());
    auto client = server.Client();
    httplib::Result r = q->method == "GET" ? client.Get(q->path, q->headers)
                                           : client.Post(q->path, q->headers, q->body, "application/json");
    REQUIRE(r);
    std::string got = std::to_string(r->status);
    if (q->ops && r->status == 200) {
      auto resp = PushResponseFromJson(BodyOf(r)).value();
      REQUIRE(resp.results.size() == 1);
      got = resp.results[0].outcome == OpOutcome::kApplied ? "applied" : "refused";
      if (got == "refused") CHECK(resp.results[0].error.code() == ErrorCode::kForbidden);
    }
    CHECK_MESSAGE(got == c.expect, "ACCESS.md:" << c.line << " expects " << c.expect << ", the server answered " << got
                                                << ": " << r->body.substr(0, 200));
    bool refused = got != "200" && got != "applied";
    if (refused && c.path != protocol::route::kLogin) {
      CHECK_MESSAGE(Fingerprint(server.db()) == before, "ACCESS.md:" << c.line << ": a refusal changed something");
    }
    // A 404 to a family never says more than "not found".
    if (got == "404") {
      std::string message = protocol::ErrorFromJson(BodyOf(r), 404).message();
      CHECK_MESSAGE((message == "Ученик не найден." || message == "Группа не найдена." || message == "Класс не найден."), message);
    }
    ++run;
  }
  CHECK(run == static_cast<int>(cells.size()));
}

}  // namespace
}  // namespace ej::server
