// «Исправления» for the deputy against the fake server, which applies correction.decide and
// period.lock with the core and describes requests with the core (DescribeRequests).
#include <doctest/doctest.h>

#include <string>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::ConsolePage;

constexpr int64_t kZavuch = 2;

// 5А's mathematics (the fake journal school), the one period locked, a mark «3» of Белов on
// 07.09 and a teacher's request to make it «4».
struct Deputy {
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  std::string mark = "00000000-0000-4000-8000-000000000001";
  explicit Deputy(ImVec2 size = ImVec2(1366, 1400)) {
    server.AddJournalSchool();
    int64_t lesson = 0;
    for (const auto& [id, l] : server.journal.lessons) {
      if (l.lesson.group_id == 1 && l.lesson.date == *Date::ParseIso("2026-09-07")) lesson = id;
    }
    REQUIRE(lesson);
    Mark m;
    m.id = mark;
    m.lesson_id = lesson;
    m.student_id = 201;
    m.value = "3";
    m.type = "answer";
    server.journal.marks.emplace(m.id, m);
    server.journal.locked_periods.insert(1);
    CorrectionRequest req;
    req.id = 1;
    req.op.op_id = "00000000-0000-4000-8000-000000000002";
    req.op.kind = std::string(op_kind::kMarkSet);
    req.op.payload = MarkSetPayload(mark, "4", "answer", "", "пересдал");
    req.op.base_version = 1;
    req.author_id = 101;
    req.reason = "пересдал тему";
    server.journal.requests.emplace(1, req);
    server.journal.SetNextIds(1000, 2);
    server.journal.Reindex();
    server.session = kZavuch;
    client = std::make_unique<HeadlessClient>(server, size);
    client->Settle(server);
    client->Click("Исправления", "tab");
    client->Settle(server);
  }
  HeadlessClient& c() { return *client; }
};

TEST_CASE("the deputy sees a pending request with the value now and the value asked, and approves it") {
  Deputy t;
  REQUIRE(t.c().app.console().page() == ConsolePage::kCorrections);
  CHECK(t.c().app.console().corrections().pending() == 1);
  CHECK(t.c().Has("Заявки (1)", "tab"));
  CHECK(t.c().Has("Отметка · 5А · Математика"));
  CHECK(t.c().Has("Сейчас «3» → просит «4»"));
  t.c().Fill("Комментарий к решению", "согласовано с родителями");
  t.c().Click("Одобрить");
  t.c().Settle(t.server);
  CHECK(t.server.journal.requests.at(1).state == RequestState::kApproved);
  CHECK(t.server.journal.requests.at(1).decision_comment == "согласовано с родителями");
  CHECK(t.server.journal.FindMark(t.mark)->value == "4");
  CHECK(t.server.ops.back().kind == "correction.decide");
  // Reloaded: no longer pending, the decision shown.
  CHECK(t.c().app.console().corrections().pending() == 0);
  bool decided = false;
  for (const ui::Widget& w : t.c().All("text")) decided = decided || w.label.find("Заявка одобрена") == 0;
  CHECK(decided);
}

TEST_CASE("a declined request changes nothing") {
  Deputy t;
  t.c().Click("Отклонить");
  t.c().Settle(t.server);
  CHECK(t.server.journal.requests.at(1).state == RequestState::kDeclined);
  CHECK(t.server.journal.FindMark(t.mark)->value == "3");
}

TEST_CASE("the corrections audit: rows as the server describes them, filters sent, CSV with the same filters") {
  Deputy t;
  AuditRow row;
  row.seq = 7;
  row.when = "15.09.2026 10:20";
  row.who = "Иванова М. П.";
  row.what = "Отметка";
  row.class_name = "5А";
  row.subject = "Математика";
  row.student = "Белов Артём";
  row.lesson = "07.09.2026";
  row.old_value = "3";
  row.new_value = "4";
  row.reason = "пересдал тему";
  t.server.audit_rows = {row};
  t.c().Click("Журнал исправлений", "tab");
  t.c().Settle(t.server);
  CHECK(t.c().Has("Найдено исправлений: 1"));
  const ui::Widget& r = t.c().Get("15.09.2026 10:20", "row");
  CHECK(r.value.find("3 → 4") != std::string::npos);
  CHECK(r.value.find("пересдал тему") != std::string::npos);
  t.c().Choose("Класс", "5А");
  t.c().Settle(t.server);
  auto sent = t.server.Sent("GET", std::string(protocol::route::kAudit) + "?class_id=1");
  CHECK(!sent.empty());
  t.c().Fill("Уроки с", "31.02.2026");
  t.c().Click("Показать");
  CHECK(t.c().Has("Дата «31.02.2026» не распознана: нужна в виде ДД.ММ.ГГГГ, например 01.09.2026.", "error"));
  t.c().Click("Уроки с", "input");
  t.c().PressCtrl(ImGuiKey_A);
  t.c().Type("01.09.2026");
  t.c().Click("Показать");
  t.c().Settle(t.server);
  CHECK(!t.server.Sent("GET", std::string(protocol::route::kAudit) + "?class_id=1&from=2026-09-01").empty());
  t.c().Click("Скачать CSV");
  REQUIRE(!t.c().env.opened.empty());
  CHECK(t.c().env.opened.back() == std::string(protocol::route::kAudit) + "?class_id=1&from=2026-09-01&format=csv");
}

TEST_CASE("a period is opened and closed for corrections from the console") {
  Deputy t;
  t.c().Click("Закрытие периодов", "tab");
  t.c().Settle(t.server);
  const ui::Widget& row = t.c().Get("Учебный год", "row");
  CHECK(row.value.find("закрыт") != std::string::npos);
  t.c().Click("Учебный год", "row");
  t.c().Settle(t.server);
  CHECK(t.server.journal.locked_periods.count(1) == 0);
  CHECK(t.c().Get("Учебный год", "row").value.find("открыт") != std::string::npos);
  t.c().Click("Учебный год", "row");
  t.c().Settle(t.server);
  CHECK(t.server.journal.locked_periods.count(1) == 1);
}

TEST_CASE("a teacher has no «Исправления» page") {
  FakeServer server;
  server.AddJournalSchool();
  server.session = 7;  // uchitel
  HeadlessClient c(server, ImVec2(1366, 900));
  c.Settle(server);
  CHECK_FALSE(c.Has("Исправления", "tab"));
}

}  // namespace
}  // namespace ej::test
