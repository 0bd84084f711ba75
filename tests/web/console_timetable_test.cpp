// «Расписание» against the fake server, which applies timetable.set_entry / remove_entry with
// the core (ApplyTimetableOp) as the server does; the conflicts are the core's
// (FindTimetableConflicts) on the page's copy.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::ConsolePage;

constexpr int64_t kZavuch = 2;

struct Session {
  Session() {
    server.AddSubstitutionSchool();
    server.session = kZavuch;
    client = std::make_unique<HeadlessClient>(server, ImVec2(1366, 3000));
    client->Settle(server);
    c().Click("Планирование", "tab");  // the group holding the planning pages
    c().Click("Расписание", "tab");
    Settle();
    REQUIRE(c().app.console().page() == ConsolePage::kTimetable);
  }
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  HeadlessClient& c() { return *client; }
  void Settle() { client->Settle(server); }
  // «Новый урок» (or the chosen one) with these fields, saved.
  void Save(const char* group, const char* teacher, const char* day, const char* number, const char* room = nullptr) {
    if (group) c().Choose("Группа", group);
    if (teacher) c().Choose("Учитель", teacher);
    c().Choose("День недели", day);
    c().Choose("Номер урока", number);
    if (room) c().Fill("Кабинет", room);
    const bool editing = c().Has("Сохранить", "button");
    c().Click(editing ? "Сохранить" : "Добавить урок", "button");
    Settle();
  }
  // Replaces a field's text, as a user selecting all and typing.
  void Retype(const char* field, const char* text) {
    c().Click(field, "input");
    c().PressCtrl(ImGuiKey_A);
    c().Type(text);
  }
  std::vector<std::string> Errors() {
    std::vector<std::string> out;
    for (const ui::Widget& w : c().All("error")) out.push_back(w.label);
    return out;
  }
};

bool Has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST_CASE("timetable: the class grid has days by lesson numbers with bell times, unscheduled hours named") {
  Session t;
  CHECK(t.c().Get("Класс", "combo").value == "5А");
  const ui::Widget& first = t.c().Get("1-й урок", "row");
  CHECK(Has(first.value, "08:30–09:15"));
  CHECK(t.c().Has("Пн", "header"));
  CHECK(t.c().Has("Пт", "header"));
  CHECK_FALSE(t.c().Has("Сб", "header"));
  // Nothing scheduled: the hours of 5А's groups against the workload, from the core.
  auto errors = t.Errors();
  REQUIRE(errors.size() == 2);
  CHECK(Has(errors[0], "в расписании 0 ч в неделю, а по нагрузке 5 ч"));
}

TEST_CASE("timetable: a lesson added shows in the grid, a clash is named with both lessons, a move clears it") {
  Session t;
  t.Save("5А — Математика", "Иванова М.\u00a0П.", "Понедельник", "1-й урок", "201");
  REQUIRE(t.server.timetable.entries.size() == 1);
  CHECK(t.server.timetable.entries[0].weekday == 1);
  CHECK(t.server.timetable.entries[0].room == "201");
  CHECK(t.c().Has("Урок добавлен: Понедельник, 1-й урок.", "notice"));
  CHECK(Has(t.c().Get("1-й урок", "row").value, "Математика"));
  CHECK(Has(t.c().Get("1-й урок", "row").value, "каб.\u00a0201"));
  // Russian at the same time in the same room: the class's students and the room twice.
  t.c().Click("+ Новый урок", "button");
  t.Save("5А — Русский язык", "Смирнова О.\u00a0В.", "Понедельник", "1-й урок", "201");
  REQUIRE(t.server.timetable.entries.size() == 2);
  bool students = false, room = false;
  for (const std::string& e : t.Errors()) {
    students = students || (Has(e, "в одно время «5А» и «5А» (понедельник, 1-й урок)"));
    room = room || Has(e, "Кабинет 201 занят дважды");
  }
  CHECK(students);
  CHECK(room);
  CHECK(t.c().Get("Пн, 1-й урок — 5А — Русский язык", "row").value.find("Пн, 1-й урок") == 0);
  // Moved to the 2nd lesson in another room: both conflicts are gone.
  t.c().Click("Пн, 1-й урок — 5А — Русский язык", "row");
  CHECK(t.c().Get("Группа", "combo").value == "5А — Русский язык");
  t.c().Choose("Номер урока", "2-й урок");
  t.c().Click("Кабинет", "input");
  t.c().PressCtrl(ImGuiKey_A);
  t.c().Type("305");
  t.c().Click("Сохранить", "button");
  t.Settle();
  CHECK(t.server.timetable.entries[1].number == 2);
  CHECK(t.server.timetable.entries[1].room == "305");
  for (const std::string& e : t.Errors()) {
    CHECK_FALSE(Has(e, "в одно время"));
    CHECK_FALSE(Has(e, "занят дважды"));
  }
  CHECK(Has(t.c().Get("2-й урок", "row").value, "Русский язык"));
}

TEST_CASE("timetable: a teacher's view and a room's view, a removed lesson leaves the grid") {
  Session t;
  t.Save("5А — Математика", "Иванова М.\u00a0П.", "Вторник", "3-й урок", "214");
  t.c().Choose("Расписание для", "Учитель");
  t.c().Choose("Учитель", "Иванова Мария Петровна");
  CHECK(Has(t.c().Get("3-й урок", "row").value, "5А — Математика"));
  t.c().Choose("Расписание для", "Кабинет");
  CHECK(t.c().Get("Кабинет", "combo").value == "214");
  CHECK(Has(t.c().Get("3-й урок", "row").value, "Иванова"));
  t.c().Choose("Расписание для", "Класс");
  t.c().Click("Вт, 3-й урок — 5А — Математика", "row");
  t.c().Click("Убрать из расписания", "button");
  t.Settle();
  CHECK(t.server.timetable.entries.empty());
  CHECK(t.c().Has("Урок убран из расписания.", "notice"));
  CHECK_FALSE(Has(t.c().Get("3-й урок", "row").value, "Математика"));
}

TEST_CASE("timetable: a refused lesson keeps the form and shows the core's reason") {
  Session t;
  // Смирнова has no workload in 5А's mathematics: the teacher list offers only Иванова, so the
  // refusal comes from a number beyond the bells after the bells were shortened meanwhile.
  t.server.timetable.bells[0].slots.resize(3);
  t.Save("5А — Математика", "Иванова М.\u00a0П.", "Среда", "5-й урок");
  CHECK(t.server.timetable.entries.empty());
  CHECK(t.c().app.console().error() == "Номер урока — от 1 до 3 по расписанию звонков.");
  CHECK(t.c().Has("Номер урока — от 1 до 3 по расписанию звонков.", "error"));
  CHECK(t.c().Get("Группа", "combo").value == "5А — Математика");
}

TEST_CASE("bells: the deputy corrects a shift's times, adds a second shift for 5Б, a bad time or a class in two shifts is refused") {
  Session t;
  CHECK(t.c().Get("Смена", "combo").value == "1 смена");
  CHECK(t.c().Get("1-й урок, начало", "input").value == "08:30");
  // A time that is not one: refused by the core's form rules, nothing sent, the text kept.
  t.Retype("2-й урок, конец", "10:1");
  t.c().Click("Сохранить звонки", "button");
  t.Settle();
  CHECK(Has(t.c().Get("Сохранить звонки", "button").label, "Сохранить"));
  auto errors = t.Errors();
  CHECK(std::any_of(errors.begin(), errors.end(), [](const std::string& e) { return Has(e, "2-й урок: время окончания «10:1»"); }));
  CHECK(t.c().Get("2-й урок, конец", "input").value == "10:1");
  CHECK(t.server.timetable.bells[0].slots[1].end.Text() != "10:01");
  // Corrected and saved: the server's schedule has the new end, the page says so.
  t.Retype("2-й урок, конец", "10:05");
  t.c().Click("Сохранить звонки", "button");
  t.Settle();
  CHECK(t.server.timetable.bells[0].slots[1].end.Text() == "10:05");
  CHECK(t.c().Has("Расписание звонков «1 смена» сохранено.", "notice"));

  // A second shift for 5Б: a new schedule, two lessons in the afternoon.
  t.c().Choose("Смена", "Новое расписание звонков");
  t.c().Fill("Название", "2 смена");
  t.Retype("1-й урок, начало", "13:30");
  t.Retype("1-й урок, конец", "14.15");
  t.c().Click("Ещё урок", "button");
  CHECK(t.c().Get("2-й урок, начало", "input").value == "14:25");  // after a 10-minute break
  CHECK(t.c().Get("2-й урок, конец", "input").value == "15:10");
  t.c().Click("5Б", "checkbox");
  t.c().Click("Сохранить звонки", "button");
  t.Settle();
  REQUIRE(t.server.timetable.bells.size() == 2);
  const BellSchedule& second = t.server.timetable.bells[1];
  CHECK(second.name == "2 смена");
  REQUIRE(second.slots.size() == 2);
  CHECK(second.slots[0].end.Text() == "14:15");
  CHECK(second.class_ids == std::vector<int64_t>{2});
  CHECK(t.c().Get("Смена", "combo").value == "2 смена");

  // 5Б in the first shift too: the core refuses it, naming the other shift.
  t.c().Choose("Смена", "1 смена");
  t.c().Click("5Б", "checkbox");
  t.c().Click("Сохранить звонки", "button");
  t.Settle();
  errors = t.Errors();
  CHECK(std::any_of(errors.begin(), errors.end(), [](const std::string& e) { return Has(e, "5Б уже учится по расписанию звонков «2 смена»"); }));
  CHECK(t.server.timetable.bells[0].class_ids.empty());
}

TEST_CASE("week and lessons: the deputy gives 5А six days, its Saturday lesson is taken, five days is refused while it is there, lessons are generated with figures") {
  Session t;
  CHECK_FALSE(t.c().After("Учебная неделя", "5А", "checkbox").selected);
  // Before: a Saturday lesson of five-day 5А is refused with the core's reason, the form kept.
  t.Save("5А — Математика", "Иванова М.\u00a0П.", "Суббота", "1-й урок");
  CHECK(t.server.timetable.entries.empty());
  CHECK(t.c().Has("5А учится пять дней в неделю: в субботу уроков нет. Шестидневная неделя отмечается у класса.", "error"));
  CHECK(t.c().Get("День недели", "combo").value == "Суббота");

  // The tick under «Учебная неделя»: 5А studies six days; its grid gets a Saturday column.
  t.c().ClickAt(t.c().After("Учебная неделя", "5А", "checkbox"));
  t.Settle();
  CHECK(t.server.timetable.six_day_classes == std::vector<int64_t>{1});
  CHECK(t.c().Has("5А учится шесть дней в неделю.", "notice"));
  CHECK(t.c().After("Учебная неделя", "5А", "checkbox").selected);
  CHECK_FALSE(t.c().After("Учебная неделя", "5Б", "checkbox").selected);
  CHECK(t.c().Has("Сб", "header"));
  t.c().Click("Добавить урок", "button");
  t.Settle();
  REQUIRE(t.server.timetable.entries.size() == 1);
  CHECK(t.server.timetable.entries[0].weekday == 6);
  CHECK(Has(t.c().Get("1-й урок", "row").value, "Математика"));

  // Five days again is refused while the Saturday lesson is there: the tick stays, the reason shows.
  t.c().ClickAt(t.c().After("Учебная неделя", "5А", "checkbox"));
  t.Settle();
  CHECK(t.server.timetable.six_day_classes == std::vector<int64_t>{1});
  CHECK(t.c().After("Учебная неделя", "5А", "checkbox").selected);
  auto errors = t.Errors();
  CHECK(std::any_of(errors.begin(), errors.end(), [](const std::string& e) {
    return Has(e, "У 5А в субботу стоят уроки («5А», 1-й урок) — сначала перенесите их на другие дни.");
  }));

  // The journal's lessons: a typed date that is not one is named and nothing is sent.
  const size_t pushed = t.server.ops.size();
  t.Retype("С какого дня", "31.02.2027");
  t.c().Click("Сформировать уроки", "button");
  t.Settle();
  CHECK(t.server.ops.size() == pushed);
  CHECK(t.c().Has("Дата «31.02.2027» не распознана: нужна в виде ДД.ММ.ГГГГ, например 01.09.2026.", "error"));
  // From 14 September: 5А's Saturdays are added; the page says how many, as the server counted.
  t.Retype("С какого дня", "14.09.2026");
  t.c().Click("Сформировать уроки", "button");
  t.Settle();
  REQUIRE(t.server.ops.size() == pushed + 1);
  CHECK(t.server.ops.back().kind == op_kind::kLessonsGenerate);
  int saturdays = 0;
  for (const auto& [id, l] : t.server.journal.lessons) saturdays += l.lesson.date.Weekday() == 6 && l.lesson.group_id == 1;
  CHECK(saturdays > 20);
  const std::string notice = "Уроки сформированы по расписанию с 14.09.2026. Новых уроков: " + std::to_string(saturdays);
  bool shown = false;
  for (const ui::Widget& w : t.c().All("notice")) shown = shown || Has(w.label, notice);
  CHECK(shown);
}

}  // namespace
}  // namespace ej::test
