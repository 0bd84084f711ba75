// The diary's informing feed, «new since the last visit» and teachers' recommendations over
// real HTTP on the demo school (R10, R19): a substitution, a move or a control work reaches the
// affected family at once and no other family; what arrived after the seq a reader marked
// seen is flagged; a recommendation is an operation shown in the diary.
#include <doctest/doctest.h>

#include <set>

#include "control_works.h"
#include "diary.h"
#include "journal.h"
#include "journal_recommendations.h"
#include "sqlite_store.h"
#include "journal_client.h"
#include "test_env.h"

namespace ej::server {
namespace {

using protocol::Json;
using testing::BodyOf;
using testing::Count;
using testing::DemoServer;

std::vector<int64_t> Ints(Database& db, const std::string& sql) {
  std::vector<int64_t> out;
  REQUIRE(db.Read([&](Connection& c) { return c.Query(sql, {}, [&](const Row& r) { out.push_back(r.Int(0)); }); }).ok());
  return out;
}

const char* kWeek = "&from=2026-11-23&to=2026-11-29";  // a week after the demo's today

httplib::Result GetRaw(const DemoServer& server, const httplib::Headers& auth, int64_t student, const char* week = kWeek) {
  return server.Client().Get(std::string(protocol::route::kDiary) + "?student_id=" + std::to_string(student) + week, auth);
}

DiaryView GetDiary(const DemoServer& server, const httplib::Headers& auth, int64_t student, const char* week = kWeek) {
  auto r = GetRaw(server, auth, student, week);
  REQUIRE(r);
  REQUIRE_MESSAGE(r->status == 200, r->body.substr(0, 300));
  auto v = DiaryViewFromJson(BodyOf(r));
  REQUIRE_MESSAGE(v.ok(), v.status().message());
  return std::move(v).value();
}

int64_t SeqOf(const DemoServer& server, const httplib::Headers& auth, int64_t student) {
  Json j = BodyOf(GetRaw(server, auth, student));
  REQUIRE(j.contains("seq"));
  return j["seq"].get<int64_t>();
}

int serial = 0;
OpResult Push(const DemoServer& server, const httplib::Headers& auth, std::string_view kind, Json payload) {
  Operation op;
  std::string n = std::to_string(++serial);
  op.op_id = "fee0f00d-0000-4000-8000-" + std::string(12 - n.size(), '0') + n;
  op.kind = std::string(kind);
  op.payload = std::move(payload);
  op.device = "test";
  auto r = server.Client().Post(std::string(protocol::route::kOps), auth, ToJson(PushRequest{{op}}).dump(),
                                "application/json");
  auto resp = PushResponseFromJson(BodyOf(r)).value();
  REQUIRE(resp.results.size() == 1);
  return resp.results[0];
}

const DiaryFeedItem* FeedOf(const DiaryView& v, std::string_view kind, int64_t lesson_id) {
  for (const auto& f : v.feed) {
    if (f.kind == kind && f.lesson_id == lesson_id) return &f;
  }
  return nullptr;
}

std::set<int64_t> LessonIds(const DiaryView& v) {
  std::set<int64_t> out;
  for (const auto& d : v.days) {
    for (const auto& l : d.lessons) out.insert(l.lesson_id);
  }
  return out;
}

}  // namespace

TEST_CASE("a substitution, a move and a new control work reach the affected family at once, no other family") {
  DemoServer server;
  auto parent = server.As("roditel");
  auto deputy = server.As("zavuch");
  auto admin = server.As("admin");
  int64_t parent_id = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'roditel'");
  int64_t kid = Count(server.db(), "SELECT MIN(student_id) FROM guardianships WHERE parent_id = " + std::to_string(parent_id));
  int64_t klass = Count(server.db(), "SELECT class_id FROM enrollments WHERE student_id = " + std::to_string(kid));
  // A parent with no child in that class (nor a child of «roditel») gets a password.
  int64_t other_account = Count(server.db(),
      "SELECT MIN(a.id) FROM accounts a JOIN person_roles pr ON pr.person_id = a.person_id AND pr.role = 'parent' "
      "WHERE a.password_hash IS NULL AND NOT EXISTS (SELECT 1 FROM guardianships g JOIN enrollments e ON "
      "e.student_id = g.student_id WHERE g.parent_id = a.person_id AND (e.class_id = " + std::to_string(klass) +
      " OR g.student_id IN (SELECT student_id FROM guardianships WHERE parent_id = " + std::to_string(parent_id) + ")))");
  REQUIRE(other_account > 0);
  auto issued = protocol::IssuedPasswordFromJson(BodyOf(server.Client().Post(
      std::string(protocol::route::kAccountPassword), admin, protocol::ToJson(protocol::AccountRef{other_account}).dump(),
      "application/json"))).value();
  auto login = server.Client().Post(std::string(protocol::route::kLogin),
                                    protocol::ToJson(protocol::LoginRequest{issued.login, issued.password}).dump(),
                                    "application/json");
  httplib::Headers other{{"Authorization", "Bearer " + protocol::LoginResponseFromJson(BodyOf(login)).value().token}};
  int64_t other_person = Count(server.db(), "SELECT person_id FROM accounts WHERE id = " + std::to_string(other_account));
  int64_t other_kid = Count(server.db(), "SELECT MIN(student_id) FROM guardianships WHERE parent_id = " + std::to_string(other_person));

  // The family reads the week first (kept by the server until a change).
  DiaryView before = GetDiary(server, parent, kid);
  REQUIRE(before.days.size() == 7);
  REQUIRE(before.days[0].lessons.size() >= 2);
  REQUIRE(before.days[2].lessons.size() >= 1);
  const DiaryLesson sub = before.days[0].lessons[0];
  const DiaryLesson mov = before.days[1].lessons.back();
  const DiaryLesson cw = before.days[2].lessons[0];

  // The deputy substitutes the first lesson (the first teacher free then), moves a Tuesday
  // lesson to a later number and sets a control work on Wednesday.
  bool substituted = false;
  for (int64_t t : Ints(server.db(), "SELECT person_id FROM person_roles WHERE role = 'teacher' ORDER BY person_id")) {
    if (Push(server, deputy, op_kind::kLessonSubstitute, LessonSubstitutePayload(sub.lesson_id, t)).outcome ==
        OpOutcome::kApplied) {
      substituted = true;
      break;
    }
  }
  REQUIRE(substituted);
  // Moved to the first number of a weekday where the group and its teacher are free.
  bool moved = false;
  std::string why;
  for (int d = 0; d < 5 && !moved; ++d) {
    for (int n = 1; n <= 8 && !moved; ++n) {
      if (d == 1 && n == mov.number) continue;
      OpResult r = Push(server, deputy, op_kind::kLessonMove, LessonMovePayload(mov.lesson_id, before.days[d].date, n));
      moved = r.outcome == OpOutcome::kApplied;
      why = r.error.message();
    }
  }
  REQUIRE_MESSAGE(moved, why);
  ControlWork work;
  work.year_id = Count(server.db(), "SELECT year_id FROM classes WHERE id = " + std::to_string(klass));
  work.group_id = cw.group_id;
  work.date = before.days[2].date;
  work.lesson_number = cw.number;
  work.form = "проверочная работа";
  work.title = "Проверка для ленты";
  OpResult set = Push(server, deputy, op_kind::kControlWorkSet, ControlWorkSetPayload(work));
  REQUIRE_MESSAGE(set.outcome == OpOutcome::kApplied, set.error.message());

  // Before: none of these in the family's feed.
  CHECK_FALSE(FeedOf(before, "substitution", sub.lesson_id));
  CHECK_FALSE(FeedOf(before, "move", mov.lesson_id));
  CHECK_FALSE(FeedOf(before, "control_work", cw.lesson_id));
  DiaryView after = GetDiary(server, parent, kid);
  const DiaryFeedItem* s = FeedOf(after, "substitution", sub.lesson_id);
  REQUIRE(s);
  CHECK(s->text.find("замена") != std::string::npos);
  CHECK(FeedOf(after, "move", mov.lesson_id));
  const DiaryFeedItem* c = FeedOf(after, "control_work", cw.lesson_id);
  REQUIRE(c);
  CHECK(c->text.find("«Проверка для ленты»") != std::string::npos);
  bool scheduled = false;
  for (const auto& w : after.control_works) scheduled = scheduled || w.title == "Проверка для ленты";
  CHECK(scheduled);

  // Another family: not that child, and nothing of it in their own child's diary.
  CHECK(GetRaw(server, other, kid)->status == 404);
  DiaryView theirs = GetDiary(server, other, other_kid);
  std::set<int64_t> ids = LessonIds(theirs);
  for (int64_t id : {sub.lesson_id, mov.lesson_id, cw.lesson_id}) CHECK(ids.count(id) == 0);
  for (const auto& f : theirs.feed) {
    CHECK(f.lesson_id != sub.lesson_id);
    CHECK(f.lesson_id != mov.lesson_id);
    CHECK(f.text.find("Проверка для ленты") == std::string::npos);
  }
  for (const auto& w : theirs.control_works) CHECK(w.title != "Проверка для ленты");
}

TEST_CASE("what arrived after the seq a reader marked seen is flagged new, for that reader only") {
  DemoServer server;
  auto teacher = server.As("uchitel");
  auto head = server.As("direktor");
  auto deputy = server.As("zavuch");
  int64_t me = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'uchitel'");
  int64_t group = Count(server.db(), "SELECT MIN(group_id) FROM workload WHERE teacher_id = " + std::to_string(me));
  Journal j = JournalFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kJournal) + "?group_id=" +
                                                            std::to_string(group) + "&from=2026-11-09&to=2026-11-15",
                                                        teacher))).value();
  REQUIRE(!j.lessons.empty());
  const JournalLesson& lesson = j.lessons.begin()->second;
  Structure s = StructureFromJson(BodyOf(server.Client().Get(std::string(protocol::route::kStructure), head))).value();
  int64_t student = s.GroupStudents(group, lesson.lesson.date).front();
  const char* week = "&from=2026-11-09&to=2026-11-15";

  // The first visit: nothing is new; the head marks it seen.
  auto first = BodyOf(GetRaw(server, head, student, week));
  int64_t seq = first["seq"].get<int64_t>();
  CHECK(seq > 0);
  CHECK(first["new_count"] == 0);
  std::string seen = std::string(protocol::route::kDiarySeen) + "?student_id=" + std::to_string(student);
  REQUIRE(server.Client().Post(seen + "&seq=" + std::to_string(seq), head, "{}", "application/json")->status == 200);
  CHECK(Count(server.db(), "SELECT seq FROM diary_seen WHERE student_id = " + std::to_string(student)) == seq);

  OpResult mark = Push(server, teacher, op_kind::kMarkAdd,
                       MarkAddPayload(lesson.lesson.id, student, "5", "answer", "", "внесено позже"));
  REQUIRE_MESSAGE(mark.outcome == OpOutcome::kApplied, mark.error.message());
  std::string mark_id = "fee0f00d-0000-4000-8000-" + std::string(12 - std::to_string(serial).size(), '0') + std::to_string(serial);

  auto is_new = [&](const DiaryView& v) {
    for (const auto& d : v.days) {
      for (const auto& l : d.lessons) {
        for (const auto& m : l.marks) {
          if (m.id == mark_id) return m.is_new;
        }
      }
    }
    FAIL("the mark is not in the diary");
    return false;
  };
  DiaryView v = GetDiary(server, head, student, week);
  CHECK(is_new(v));
  CHECK(v.new_count == 1);
  // Another reader who never marked a visit: nothing is new to them.
  CHECK_FALSE(is_new(GetDiary(server, deputy, student, week)));
  // Seen up to now (a seq past the log's end is clamped): nothing new any more.
  int64_t now_seq = SeqOf(server, head, student);
  CHECK(now_seq > seq);
  REQUIRE(server.Client().Post(seen + "&seq=99999999", head, "{}", "application/json")->status == 200);
  CHECK(Count(server.db(), "SELECT seq FROM diary_seen WHERE student_id = " + std::to_string(student)) == now_seq);
  CHECK_FALSE(is_new(GetDiary(server, head, student, week)));
  // Bad parameters; a family marking another's child: 404 and nothing stored.
  CHECK(server.Client().Post(std::string(protocol::route::kDiarySeen) + "?student_id=" + std::to_string(student), head,
                             "{}", "application/json")->status == 400);
  auto parent = server.As("roditel");
  int64_t rows = Count(server.db(), "SELECT COUNT(*) FROM diary_seen");
  CHECK(server.Client().Post(seen + "&seq=1", parent, "{}", "application/json")->status == 404);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM diary_seen") == rows);
}

TEST_CASE("recommendation.add: the group's teacher writes, the family reads it in the diary; others are refused") {
  DemoServer server;
  auto teacher = server.As("uchitel");
  auto parent = server.As("roditel");
  int64_t parent_id = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'roditel'");
  int64_t me = Count(server.db(), "SELECT person_id FROM accounts WHERE login = 'uchitel'");
  int64_t kid = Count(server.db(), "SELECT MIN(student_id) FROM guardianships WHERE parent_id = " + std::to_string(parent_id));
  DiaryView week = GetDiary(server, parent, kid);
  REQUIRE(!week.subjects.empty());
  // A group of the child the teacher does not teach: refused, nothing stored.
  int64_t foreign = 0;
  for (const auto& subj : week.subjects) {
    if (Count(server.db(), "SELECT COUNT(*) FROM workload WHERE teacher_id = " + std::to_string(me) +
                             " AND group_id = " + std::to_string(subj.group_id)) == 0) {
      foreign = subj.group_id;
    }
  }
  REQUIRE(foreign);
  OpResult refused = Push(server, teacher, op_kind::kRecommendationAdd, RecommendationAddPayload(kid, foreign, 0, "Текст"));
  CHECK(refused.outcome == OpOutcome::kRejected);
  CHECK(refused.error.code() == ErrorCode::kForbidden);
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM recommendations") == 0);

  // The group's teacher of that child (whoever it is) writes one.
  int64_t group = week.subjects[0].group_id;
  int64_t author = Count(server.db(), "SELECT MIN(teacher_id) FROM workload WHERE group_id = " + std::to_string(group));
  auto admin = server.As("admin");
  int64_t account = Count(server.db(), "SELECT id FROM accounts WHERE person_id = " + std::to_string(author));
  httplib::Headers writer = teacher;
  if (author != me) {
    auto pw = protocol::IssuedPasswordFromJson(BodyOf(server.Client().Post(
        std::string(protocol::route::kAccountPassword), admin, protocol::ToJson(protocol::AccountRef{account}).dump(),
        "application/json"))).value();
    auto login = server.Client().Post(std::string(protocol::route::kLogin),
                                      protocol::ToJson(protocol::LoginRequest{pw.login, pw.password}).dump(), "application/json");
    writer = {{"Authorization", "Bearer " + protocol::LoginResponseFromJson(BodyOf(login)).value().token}};
  }
  OpResult empty = Push(server, writer, op_kind::kRecommendationAdd, RecommendationAddPayload(kid, group, 0, "  "));
  CHECK(empty.error.code() == ErrorCode::kValidation);
  OpResult ok = Push(server, writer, op_kind::kRecommendationAdd,
                     RecommendationAddPayload(kid, group, 0, "Рекомендую решать по\u00A0две задачи в\u00A0день."));
  REQUIRE_MESSAGE(ok.outcome == OpOutcome::kApplied, ok.error.message());
  CHECK(Count(server.db(), "SELECT COUNT(*) FROM recommendations WHERE student_id = " + std::to_string(kid)) == 1);

  DiaryView after = GetDiary(server, parent, kid);
  REQUIRE(after.recommendations.size() == 1);
  CHECK(after.recommendations[0].text == "Рекомендую решать по\u00A0две задачи в\u00A0день.");
  CHECK(after.recommendations[0].subject == week.subjects[0].subject);
  CHECK(!after.recommendations[0].teacher.empty());
  // Another child of the same parent does not get it.
  for (int64_t other : Ints(server.db(), "SELECT student_id FROM guardianships WHERE parent_id = " + std::to_string(parent_id))) {
    if (other != kid) CHECK(GetDiary(server, parent, other).recommendations.empty());
  }
}

}  // namespace ej::server
