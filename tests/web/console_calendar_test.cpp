// «Контрольные работы» against the fake server, which applies control_work.set / remove with the
// core (ApplyControlWorkOp) as the server does; the violations are the core's
// (FindControlWorkViolations, FindControlLoadViolations) on the page's copy.
#include <doctest/doctest.h>

#include <string>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::ConsolePage;

struct Session {
  Session() {
    server.AddSubstitutionSchool();
    server.session = 2;  // zavuch
    client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 3000));
    client->Settle(server);
    c().Click("Планирование", "tab");  // the group holding the planning pages
    c().Click("Контрольные работы", "tab");
    Settle();
    REQUIRE(c().app.console().page() == ConsolePage::kCalendar);
  }
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  HeadlessClient& c() { return *client; }
  void Settle() { client->Settle(server); }
  void Add(const char* group, const char* date) {
    c().Choose("Группа", group);
    c().Click("Дата", "input");
    c().PressCtrl(ImGuiKey_A);
    c().Type(date);
    c().Click("Добавить работу", "button");
    Settle();
  }
  // The violations listed under the calendar (a day's cell in red is recorded as an error too).
  std::vector<std::string> Errors() {
    std::vector<std::string> out;
    for (const ui::Widget& w : c().All("error")) {
      if (w.label.rfind("5А, ", 0) == 0) out.push_back(w.label);
    }
    return out;
  }
};

bool Has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST_CASE("control-work calendar: a month of the class, works added, load-rule violations named as they are made") {
  Session t;
  CHECK(t.c().Get("Класс", "combo").value == "5А");
  CHECK(t.c().Has("Октябрь 2026"));
  CHECK(t.c().Has("Нормы нагрузки соблюдены."));
  t.Add("5А — Математика", "12.10.2026");
  REQUIRE(t.server.control_works.works.size() == 1);
  CHECK(t.server.control_works.works[0].form == "контрольная работа");
  CHECK(t.c().Has("Контрольная работа добавлена: Математика, 12.10.2026.", "notice"));
  CHECK(Has(t.c().Get("Неделя с 12.10", "row").value, "Математика"));
  CHECK(t.c().Has("12.10.2026 — 5А — Математика", "row"));
  CHECK(t.c().Has("Нормы нагрузки соблюдены."));
  // Russian on the same day: the daily limit.
  t.Add("5А — Русский язык", "12.10.2026");
  auto errors = t.Errors();
  REQUIRE(errors.size() == 1);
  CHECK(Has(errors[0], "5А, 12.10.2026: 2 контрольные работы в один день (можно не больше 1)"));
  // Mathematics again a week later: the ВСОКО spacing rule of the school's rules.
  t.Add("5А — Математика", "19.10.2026");
  errors = t.Errors();
  REQUIRE(errors.size() == 2);
  CHECK(Has(errors[1], "5А, Математика: контрольные работы 12.10.2026 и 19.10.2026 — через 7 дней (норма ВСОКО"));
  // The Russian work removed: the daily limit holds again.
  t.c().Click("12.10.2026 — 5А — Русский язык", "row");
  t.c().Click("Удалить работу", "button");
  t.Settle();
  CHECK(t.server.control_works.works.size() == 2);
  CHECK(t.c().Has("Контрольная работа удалена.", "notice"));
  errors = t.Errors();
  REQUIRE(errors.size() == 1);
  CHECK(Has(errors[0], "через 7 дней"));
}

TEST_CASE("control-work calendar: a bad day is refused in Russian and the form keeps what was typed") {
  Session t;
  t.Add("5А — Математика", "12.13.2026");
  CHECK(t.c().app.console().error() == "Введите дату в виде ДД.ММ.ГГГГ.");
  CHECK(t.server.control_works.works.empty());
  // A Sunday: the core refuses it (not a study day).
  t.c().Click("Дата", "input");
  t.c().PressCtrl(ImGuiKey_A);
  t.c().Type("18.10.2026");
  t.c().Click("Добавить работу", "button");
  t.Settle();
  CHECK(t.server.control_works.works.empty());
  CHECK_FALSE(t.c().app.console().error().empty());
  CHECK(t.c().Get("Дата", "input").value == "18.10.2026");
  CHECK(t.c().Get("Группа", "combo").value == "5А — Математика");
  // The next month is a click away.
  t.c().Click("Следующий месяц →", "button");
  CHECK(t.c().Has("Ноябрь 2026"));
}

}  // namespace
}  // namespace ej::test
