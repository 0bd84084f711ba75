// The console's pages «Учебный год» and «Сотрудники» against the fake server (which applies
// operations with the core), driven through ImGui's io like a browser.
#include <doctest/doctest.h>

#include <string>

#include "calendar.h"
#include "headless_client.h"

namespace ej::test {
namespace {

using web::ConsolePage;

constexpr int64_t kZavuch = 2;

Date Day(const char* iso) { return *Date::ParseIso(iso); }

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// A client logged in as the deputy, on a tall window (the year page is long).
struct Session {
  explicit Session(FakeServer prepared = FakeServer()) : server(std::move(prepared)) {
    server.session = kZavuch;
    client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 2000));
    client->Settle(server);
  }
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  HeadlessClient& c() { return *client; }
  void Settle() { client->Settle(server); }

  // Clicks the field labelled `label` that comes after `anchor` and types into it.
  void FillAfter(std::string_view anchor, std::string_view label, std::string_view text) {
    c().Frame();
    c().ClickAt(c().After(anchor, label, "input"));
    c().Type(text);
  }
  std::vector<Operation> Pushed() {
    std::vector<Operation> out;
    for (const auto& request : server.Sent("POST", protocol::route::kOps)) {
      auto json = protocol::ParseJson(request.body);
      REQUIRE(json.ok());
      auto push = PushRequestFromJson(*json);
      REQUIRE(push.ok());
      out.insert(out.end(), push->ops.begin(), push->ops.end());
    }
    return out;
  }
};

// The rows of the table drawn after `anchor` and before `end` (a text drawn after it).
std::vector<ui::Widget> RowsBetween(std::string_view anchor, std::string_view end) {
  std::vector<ui::Widget> out;
  bool in = false;
  for (const ui::Widget& w : ui::Widgets()) {
    if (w.label == anchor) in = true;
    else if (w.label == end) in = false;
    else if (in && w.kind == "row") out.push_back(w);
  }
  return out;
}

TEST_CASE("the year page lists the year's study periods and holidays in aligned columns") {
  Session t;
  t.c().Click("Учебный год", "tab");
  CHECK(t.c().app.console().page() == ConsolePage::kYear);
  CHECK(t.c().Has("Учебный год", "heading"));
  CHECK(t.c().Has(web::YearLine(t.server.structure.years.front())));
  for (const char* header : {"Название", "С", "По", "Классы"}) CHECK(t.c().Has(header, "header"));

  auto periods = RowsBetween("Учебные периоды: 1", "Каникулы: 1");
  REQUIRE(periods.size() == 1);
  CHECK(periods[0].value == "Учебный год\t01.09.2026\t31.05.2027\t1–11");
  auto holidays = RowsBetween("Каникулы: 1", "Новый период");
  REQUIRE(holidays.size() == 1);
  CHECK(holidays[0].value == "Зимние каникулы\t30.12.2026\t08.01.2027");
  CHECK(periods[0].x == holidays[0].x);
  CHECK(periods[0].w == holidays[0].w);
  // A year with periods is not filled again.
  CHECK_FALSE(t.c().Has("Заполнить по умолчанию", "button"));
}

TEST_CASE("a new period is sent as period.create with the typed name, dates and grades") {
  Session t;
  t.c().Click("Учебный год", "tab");
  t.server.structure.periods.clear();  // room for a quarter
  t.FillAfter("Новый период", "Название", "1 четверть");
  t.FillAfter("Новый период", "С", "01.09.2026");
  t.FillAfter("Новый период", "По", "25.10.2026");
  t.c().Choose("по", "9");
  t.c().Click("Добавить период", "button");
  auto ops = t.Pushed();
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].kind == op_kind::kPeriodCreate);
  CHECK(ops[0].payload == PeriodCreatePayload(1, "1 четверть", {Day("2026-09-01"), Day("2026-10-25")}, 1, 9));
  t.Settle();
  CHECK(t.c().Has("Период «1 четверть» добавлен.", "notice"));
  CHECK(t.c().Has("1 четверть", "row"));
  CHECK(t.c().Get("Название", "input").value.empty());
}

TEST_CASE("a rejected period keeps the inputs and shows the server's message under the field it names") {
  Session t;
  t.c().Click("Учебный год", "tab");
  // Overlaps the year-long period of grades 1–11: the core refuses, naming «с».
  t.FillAfter("Новый период", "Название", "1 четверть");
  t.FillAfter("Новый период", "С", "01.09.2026");
  t.FillAfter("Новый период", "По", "25.10.2026");
  t.c().Click("Добавить период", "button");
  t.Settle();

  const ui::Widget first = t.c().After("Новый период", "С", "input");
  const ui::Widget error =
      t.c().Get("Период пересекается с периодом «Учебный год» (01.09.2026\u00A0— 31.05.2027, 1–11 классы).", "error");
  CHECK(error.x == first.x);
  CHECK(error.y >= first.y + first.h);
  CHECK(error.y < first.y + first.h + 12);
  CHECK(first.value == "01.09.2026");
  CHECK(t.c().After("Новый период", "Название", "input").value == "1 четверть");
  CHECK(t.c().After("Новый период", "По", "input").value == "25.10.2026");
  CHECK(t.server.structure.periods.size() == 1);
  CHECK(t.c().app.console().error() == error.label);
}

TEST_CASE("a date that cannot be read is named under its field and nothing is sent") {
  Session t;
  t.c().Click("Учебный год", "tab");
  t.FillAfter("Новые каникулы", "Название", "Осенние каникулы");
  t.FillAfter("Новые каникулы", "С", "26.13.2026");
  t.FillAfter("Новые каникулы", "По", "04.11.2026");
  t.c().Click("Добавить каникулы", "button");
  CHECK(t.c().Has("Дата «26.13.2026» не распознана: нужна в виде ДД.ММ.ГГГГ, например 01.09.2026.", "error"));
  CHECK(t.server.Sent("POST", protocol::route::kOps).empty());
}

TEST_CASE("«Заполнить по умолчанию» sends exactly the default calendar's operations in one batch") {
  FakeServer prepared;
  prepared.structure.periods.clear();
  prepared.structure.holidays.clear();
  Session t(std::move(prepared));
  t.c().Click("Учебный год", "tab");
  CHECK(t.c().Has("Учебные периоды: 0"));
  t.c().Click("Заполнить по умолчанию", "button");

  const CalendarDraft draft = DefaultCalendar(t.server.structure.years.front());
  REQUIRE(t.server.Sent("POST", protocol::route::kOps).size() == 1);
  auto ops = t.Pushed();
  REQUIRE(ops.size() == draft.periods.size() + draft.holidays.size());
  size_t i = 0;
  for (const StudyPeriod& p : draft.periods) {
    CHECK(ops[i].kind == op_kind::kPeriodCreate);
    CHECK(ops[i].payload == PeriodCreatePayload(1, p.name, p.range, p.grade_from, p.grade_to));
    ++i;
  }
  for (const Holiday& h : draft.holidays) {
    CHECK(ops[i].kind == op_kind::kHolidayCreate);
    CHECK(ops[i].payload == HolidayCreatePayload(1, h.name, h.range));
    ++i;
  }
  t.Settle();
  CHECK(t.c().Has("Учебные периоды: " + std::to_string(draft.periods.size())));
  CHECK(t.c().Has("1 четверть", "row"));
  CHECK(t.c().Has("Учебный год заполнен по умолчанию. Даты периодов и каникул можно изменить.", "notice"));
  CHECK_FALSE(t.c().Has("Заполнить по умолчанию", "button"));
}

TEST_CASE("the rollover needs a confirmation, sends one year.rollover and then shows the new year") {
  Session t;
  t.c().Click("Учебный год", "tab");
  t.FillAfter("Новый учебный год", "Название", "2027/2028");
  t.FillAfter("Новый учебный год", "С", "01.09.2027");
  t.FillAfter("Новый учебный год", "По", "31.08.2028");
  t.c().Click("Перейти на новый учебный год", "button");
  CHECK(t.server.Sent("POST", protocol::route::kOps).empty());  // not yet: a confirmation first
  CHECK(t.c().Has("Подтвердить переход", "button"));
  t.c().Click("Подтвердить переход", "button");

  auto ops = t.Pushed();
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].kind == op_kind::kYearRollover);
  CHECK(ops[0].payload == YearRolloverPayload(1, "2027/2028", {Day("2027-09-01"), Day("2028-08-31")}));
  t.Settle();
  REQUIRE(t.server.structure.years.size() == 2);
  const AcademicYear& next = t.server.structure.years.back();
  CHECK(t.c().Has(web::YearLine(next)));
  CHECK(t.c().Has("Начат учебный год 2027/2028.", "notice"));
  CHECK(t.c().Get("Показывать учебный год", "combo").value == "2027/2028");
  CHECK_FALSE(t.c().Has("Подтвердить переход", "button"));
  // The classes moved up with the console.
  t.c().Click("Классы", "tab");
  CHECK(t.c().Has("6А", "row"));
  CHECK_FALSE(t.c().Has("5А", "row"));

  // The selector brings the old year back.
  t.c().Click("Учебный год", "tab");
  t.c().Choose("Показывать учебный год", "2026/2027");
  CHECK(t.c().Has(web::YearLine(t.server.structure.years.front())));
}

TEST_CASE("the rollover can be cancelled before it is confirmed") {
  Session t;
  t.c().Click("Учебный год", "tab");
  t.FillAfter("Новый учебный год", "Название", "2027/2028");
  t.FillAfter("Новый учебный год", "С", "01.09.2027");
  t.FillAfter("Новый учебный год", "По", "31.08.2028");
  t.c().Click("Перейти на новый учебный год", "button");
  t.c().Click("Отменить", "button");
  CHECK_FALSE(t.c().Has("Подтвердить переход", "button"));
  CHECK(t.server.Sent("POST", protocol::route::kOps).empty());
}

TEST_CASE("checklist items about periods and holidays open «Учебный год»") {
  FakeServer prepared;
  prepared.structure.holidays.clear();
  Session t(std::move(prepared));
  t.c().ClickAt(t.c().After("Не заданы каникулы.", "Открыть", "button"));
  CHECK(t.c().app.console().page() == ConsolePage::kYear);
  CHECK(t.c().Get("Учебный год", "tab").selected);
  CHECK(t.c().Has("Новые каникулы"));
}

TEST_CASE("the staff table lists staff with their roles in Russian alphabetical order") {
  Session t;
  t.c().Click("Сотрудники", "tab");
  CHECK(t.c().Has("Сотрудники", "heading"));
  CHECK(t.c().Has("ФИО", "header"));
  CHECK(t.c().Has("Роли", "header"));
  auto rows = t.c().All("row");
  REQUIRE(rows.size() == 6);  // students are not staff
  CHECK(rows[0].value == "Алексеева Елена Николаевна\tУчитель");
  CHECK(rows[1].label == "Иванова Мария Петровна");
  CHECK(Contains(rows[1].value, "классный руководитель"));
  CHECK(rows[5].label == "Яковлев Игорь Семёнович");
}

TEST_CASE("the staff search filters the table by surname") {
  Session t;
  t.c().Click("Сотрудники", "tab");
  t.c().Fill("Поиск", "кузн");
  t.c().Frame();
  auto rows = t.c().All("row");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].label == "Кузнецов Андрей Павлович");
  CHECK(t.c().Has("Показано 1 из 6."));
  t.c().Type("x");
  CHECK(t.c().Has("Ничего не найдено."));
}

TEST_CASE("the staff paste adds only the good rows and keeps the bad ones in the box") {
  Session t;
  t.c().Click("Сотрудники", "tab");
  const std::string bad_role = "Громова\tИнна\tЮрьевна\tкосмонавт";
  const std::string known = "Кузнецов\tАндрей\tПавлович\tучитель";
  t.c().Click("Строки из таблицы", "input");
  t.c().Paste("Фамилия\tИмя\tОтчество\tРоли\r\n"
              "Лебедева\tАнна\tСергеевна\tучитель\r\n" + bad_role + "\r\n" +
              "Носов\tПётр\t\tпсихолог\r\n" + known + "\r\n");
  t.c().Click("Проверить", "button");
  CHECK(t.c().Has("Проверка: можно добавить 2 из 4 строк"));
  CHECK(t.c().Has("Роль «космонавт» не распознана.", "error"));
  CHECK(t.c().Has("Такой сотрудник уже есть: Кузнецов Андрей Павлович.", "error"));
  t.c().Click("Добавить 2 сотрудника", "button");

  auto ops = t.Pushed();
  REQUIRE(ops.size() == 2);
  CHECK(ops[0].kind == op_kind::kPersonCreate);
  CHECK(ops[0].payload == PersonCreatePayload({"Лебедева", "Анна", "Сергеевна"}, {Role::kTeacher}));
  CHECK(ops[1].payload == PersonCreatePayload({"Носов", "Пётр", ""}, {Role::kOther}));
  t.Settle();
  auto notices = t.c().All("notice");
  REQUIRE(notices.size() == 1);
  CHECK(Contains(notices[0].label, "Добавлено 2 сотрудника."));
  CHECK(t.c().Has("Лебедева Анна Сергеевна", "row"));
  CHECK(t.c().Has("Носов Пётр", "row"));
  // The added rows left the box; the header and the failed rows stay to be fixed.
  const std::string box = t.c().Get("Строки из таблицы", "input").value;
  CHECK(Contains(box, bad_role));
  CHECK(Contains(box, known));
  CHECK_FALSE(Contains(box, "Лебедева"));
  CHECK_FALSE(Contains(box, "Носов"));
  // The server's answer for each sent row: line 2 (Лебедева) was added.
  CHECK(Contains(t.c().After("Результат добавления", "2", "row").value, "✓ добавлен"));
}

}  // namespace
}  // namespace ej::test
