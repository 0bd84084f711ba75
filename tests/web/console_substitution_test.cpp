// «Замены» against the fake server, which answers the day's lessons for the head and deputies
// and applies lesson.substitute / lesson.move with the core (ApplyJournalOp), as the server does.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "headless_client.h"
#include "journal.h"

namespace ej::test {
namespace {

using web::ConsolePage;

constexpr int64_t kZavuch = 2;

struct Session {
  explicit Session(int64_t account, ImVec2 display = ImVec2(1366, 3000)) {
    server.AddSubstitutionSchool();
    server.session = account;
    client = std::make_unique<HeadlessClient>(server, display);
    client->Settle(server);
  }
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  HeadlessClient& c() { return *client; }
  void Settle() { client->Settle(server); }
};

std::vector<Operation> Pushed(const FakeServer& server) {
  std::vector<Operation> out;
  for (const auto& r : server.Sent("POST", protocol::route::kOps)) {
    auto json = protocol::ParseJson(r.body);
    REQUIRE(json.ok());
    auto push = PushRequestFromJson(*json);
    REQUIRE(push.ok());
    for (const Operation& op : push->ops) out.push_back(op);
  }
  return out;
}

// The math lesson of 5А on Monday 14.09.2026 (number 2, Иванова).
int64_t MathLesson(const FakeServer& server) {
  for (const auto& [id, l] : server.journal.lessons) {
    if (l.lesson.group_id == 1 && l.lesson.date == *Date::ParseIso("2026-09-14")) return id;
  }
  return 0;
}

void OpenDay(Session& t, const char* day) {
  t.c().Click("Планирование", "tab");  // the group holding the planning pages
  t.c().Click("Замены", "tab");
  t.Settle();
  REQUIRE(t.c().app.console().page() == ConsolePage::kSubstitutions);
  t.c().Click("Дата", "input");
  t.c().PressCtrl(ImGuiKey_A);
  t.c().Type(day);
  t.c().Click("Показать", "button");
  t.Settle();
}

TEST_CASE("substitutions: the free teachers of a lesson, the subject's teachers first, busy ones left out") {
  Session t(kZavuch);
  OpenDay(t, "14.09.2026");
  CHECK(t.c().Has("Замены на 14.09.2026"));
  // The class filter starts at the first class with lessons: 5А's two lessons, with bell times.
  const ui::Widget& row = t.c().Get("2-й урок, 5А — Математика", "row");
  CHECK(row.value.find("09:25–10:10") != std::string::npos);
  CHECK(t.c().Has("3-й урок, 5А — Русский язык", "row"));
  CHECK_FALSE(t.c().Has("2-й урок, 6А — Русский язык", "row"));
  t.c().Click("2-й урок, 5А — Математика", "row");
  // Кузнецов teaches mathematics (in 6А): first. Алексеева keeps 6А's lesson at 2: not offered.
  // Иванова is the lesson's own teacher.
  std::vector<std::string> candidates;
  for (const ui::Widget& w : t.c().All("row")) {
    if (w.value.find("другой предмет") != std::string::npos || w.value.find("этот предмет") != std::string::npos) {
      candidates.push_back(w.label);
    }
  }
  REQUIRE(candidates.size() == 3);
  CHECK(candidates[0] == "Кузнецов А.\u00a0П.");
  CHECK(t.c().Get("Кузнецов А.\u00a0П.", "row").value.find("ведёт этот предмет в других классах") != std::string::npos);
  CHECK_FALSE(t.c().Has("Алексеева Е.\u00a0Н.", "row"));
  CHECK_FALSE(t.c().Has("Иванова М.\u00a0П.", "row"));
  CHECK_FALSE(t.c().Get("Назначить замену", "button").enabled);
}

TEST_CASE("substitutions: the deputy registers one, it is listed for the day and the substitute keeps that lesson") {
  Session t(kZavuch);
  OpenDay(t, "14.09.2026");
  t.c().Click("2-й урок, 5А — Математика", "row");
  t.c().Click("Кузнецов А.\u00a0П.", "row");
  t.c().Click("Назначить: Кузнецов А.\u00a0П.", "button");
  t.Settle();
  const auto ops = Pushed(t.server);
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].kind == op_kind::kLessonSubstitute);
  const int64_t lesson = MathLesson(t.server);
  CHECK(t.server.journal.FindLesson(lesson)->lesson.substitute_id == 103);
  CHECK(t.c().Has("Замена назначена: Кузнецов А.\u00a0П.", "notice"));
  // The day's list shows it (after the reload), and the lesson's row says who keeps it.
  const ui::Widget& listed = t.c().Get("2-й урок", "row");
  CHECK(listed.value.find("Кузнецов") != std::string::npos);
  CHECK(listed.value.find("Иванова") != std::string::npos);
  CHECK(t.c().Get("2-й урок, 5А — Математика", "row").value.find("замена: Кузнецов") != std::string::npos);
  // Only that lesson is his: the next day's mathematics stays Ивановой's.
  Actor substitute;
  substitute.person_id = 103;
  substitute.roles = {Role::kTeacher};
  AddJournalRelations(substitute, t.server.structure, t.server.journal);
  CHECK(substitute.substituted_lessons == std::set<int64_t>{lesson});
}

TEST_CASE("substitutions: a refused substitution shows the server's reason and a cancel removes it") {
  Session t(kZavuch);
  // Someone else made Алексеева's lesson at 2 free and gave Кузнецов a lesson at 2 meanwhile: the
  // page still offers him (its list is older), the server refuses.
  OpenDay(t, "14.09.2026");
  t.c().Click("2-й урок, 5А — Математика", "row");
  t.c().Click("Кузнецов А.\u00a0П.", "row");
  JournalLesson extra;
  extra.lesson.id = t.server.journal.NextLessonId();
  extra.lesson.group_id = 3;
  extra.lesson.date = *Date::ParseIso("2026-09-14");
  extra.lesson.number = 2;
  extra.lesson.teacher_id = 103;
  t.server.journal.lessons.emplace(extra.lesson.id, extra);
  t.server.journal.LessonsChanged();
  t.c().Click("Назначить: Кузнецов А.\u00a0П.", "button");
  t.Settle();
  const std::string error = t.c().app.console().error();
  CHECK(error.find("в это время ведёт урок") != std::string::npos);
  CHECK(t.c().Has(error, "error"));
  CHECK(t.server.journal.FindLesson(MathLesson(t.server))->lesson.substitute_id == 0);
  // After the reload he is no longer offered; Смирнова is, and the substitution is cancelled.
  t.c().Click("Показать", "button");
  t.Settle();
  CHECK_FALSE(t.c().Has("Кузнецов А.\u00a0П.", "row"));
  t.c().Click("Смирнова О.\u00a0В.", "row");
  t.c().Click("Назначить: Смирнова О.\u00a0В.", "button");
  t.Settle();
  CHECK(t.server.journal.FindLesson(MathLesson(t.server))->lesson.substitute_id == 102);
  t.c().Click("Отменить замену", "button");
  t.Settle();
  CHECK(t.server.journal.FindLesson(MathLesson(t.server))->lesson.substitute_id == 0);
  CHECK(t.c().Has("Замена отменена.", "notice"));
  CHECK(t.c().Has("Замен в этот день нет."));
}

TEST_CASE("substitutions: a lesson moved to another number keeps its id, a bad number is refused in Russian") {
  Session t(kZavuch);
  OpenDay(t, "14.09.2026");
  t.c().Click("2-й урок, 5А — Математика", "row");
  t.c().Fill("Номер урока", "9");
  t.c().Click("Перенести урок", "button");
  t.Settle();
  const int64_t lesson = MathLesson(t.server);
  CHECK(t.server.journal.FindLesson(lesson)->lesson.number == 2);
  CHECK(t.c().app.console().error().find("Урока № 9 нет в расписании звонков") != std::string::npos);
  t.c().Click("Номер урока", "input");
  t.c().PressCtrl(ImGuiKey_A);
  t.c().Type("5");
  t.c().Click("Перенести урок", "button");
  t.Settle();
  CHECK(t.server.journal.FindLesson(lesson)->lesson.number == 5);
  CHECK(t.server.journal.FindLesson(lesson)->moved);
  CHECK(t.c().Has("Урок перенесён на 14.09.2026, 5-й урок.", "notice"));
  CHECK(t.c().Get("5-й урок, 5А — Математика", "row").value.find("перенесён") != std::string::npos);
}

TEST_CASE("substitutions: a teacher cannot read the school's day") {
  FakeServer server;
  server.AddSubstitutionSchool();
  server.session = 7;  // uchitel: no console, the API refuses
  HeadlessClient c(server);
  c.Settle(server);
  server.Send({"GET", std::string(protocol::route::kDayLessons) + "?date=2026-09-14", ""},
              [](web::HttpResponse r) { CHECK(r.status == 403); });
  server.AnswerAll();
  CHECK_FALSE(c.Has("Замены", "tab"));
}

}  // namespace
}  // namespace ej::test

namespace ej::test {
namespace {

// Кузнецов (103, mathematics of 6А) substitutes the mathematics of 5А on 30.09.2026; the
// device's day is 01.10.2026.
struct SubstituteDesk {
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  int64_t lesson = 0, other = 0;
  SubstituteDesk() {
    server.AddSubstitutionSchool();
    server.today = *Date::ParseIso("2026-10-01");
    for (auto& [id, l] : server.journal.lessons) {
      if (l.lesson.group_id != 1) continue;
      if (l.lesson.date == *Date::ParseIso("2026-09-30")) lesson = id;
      if (l.lesson.date == *Date::ParseIso("2026-09-29")) other = id;
    }
    server.journal.lessons[lesson].lesson.substitute_id = 103;
    FakeAccount kuznetsov{"kuznetsov", "demo2026", {10, "Кузнецов Андрей Павлович", {Role::kTeacher}}, 103};
    kuznetsov.user.person_id = 103;
    server.accounts.push_back(kuznetsov);
    server.session = 10;
    client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 900));
    client->env.today = *Date::ParseIso("2026-10-01");
    client->Settle(server);
  }
  HeadlessClient& c() { return *client; }
};

TEST_CASE("a substitute finds the substituted group in the journal, only that lesson, and enters a mark in it") {
  SubstituteDesk t;
  REQUIRE(t.c().app.screen() == web::Screen::kJournal);
  t.c().Choose("Группа", "5А — Математика");
  t.client->Settle(t.server);
  const web::JournalDesk& desk = t.c().app.desk();
  REQUIRE(desk.grid() != nullptr);
  // Only the substituted lesson: one column; the students of 5А are there to be marked.
  REQUIRE(desk.grid()->columns.size() == 1);
  CHECK(desk.grid()->columns[0].lesson_id == t.lesson);
  CHECK(desk.grid()->rows.size() == 3);
  CHECK_FALSE(t.c().Has("Только просмотр: записи в этой группе делает её учитель."));
  t.c().Click("Белов Артём · 30.09", "cell");
  t.c().Type("4");
  t.c().Frame();
  t.client->Settle(t.server);
  int marks = 0;
  for (const auto& [id, m] : t.server.journal.marks) marks += m.lesson_id == t.lesson && m.value == "4";
  CHECK(marks == 1);
  CHECK(t.c().Has("Все изменения сохранены."));
  // Another lesson of the group is not his: the server (the core) refuses a mark there.
  Operation op;
  op.op_id = "7d0f4c2e-1b3a-4e5f-8a9b-0c1d2e3f4a5b";
  op.kind = std::string(op_kind::kMarkAdd);
  op.payload = MarkAddPayload(t.other, 201, "5", "answer");
  std::optional<PushResponse> answer;
  t.server.Send({"POST", std::string(protocol::route::kOps), ToJson(PushRequest{{op}}).dump()},
                [&](web::HttpResponse r) {
                  auto json = protocol::ParseJson(r.body);
                  if (json.ok()) {
                    auto p = PushResponseFromJson(*json);
                    if (p.ok()) answer = *p;
                  }
                });
  t.server.AnswerAll();
  REQUIRE(answer.has_value());
  REQUIRE(answer->results.size() == 1);
  CHECK(answer->results[0].outcome == OpOutcome::kRejected);
  CHECK(answer->results[0].error.code() == ErrorCode::kForbidden);
}

}  // namespace
}  // namespace ej::test
