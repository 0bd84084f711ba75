// The administration console against the fake server (which applies operations with the
// core, as the real one does), driven through ImGui's io like a browser.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::ConsolePage;
using web::Screen;

constexpr int64_t kZavuch = 2;
constexpr int64_t kUchitel = 7;
constexpr int64_t k6A = 3;  // the class with neither a class teacher nor students

// Three rows as a spreadsheet copies them (a header, TABs, CR LF), the second one invalid.
constexpr const char* kPasted =
    "Фамилия\tИмя\tОтчество\tДата рождения\tПол\r\n"
    "Соколов\tМатвей\tАндреевич\t14.05.2014\tм\r\n"
    "Орлова\tВера\t\t31.02.2014\tж\r\n"
    "Зайцева\tПолина\tОлеговна\t02.09.2014\tж\r\n";
constexpr const char* kBadLine = "Орлова\tВера\t\t31.02.2014\tж";

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// A client already logged in as `person` (the browser had the session cookie).
struct Session {
  explicit Session(int64_t person, ImVec2 display = ImVec2(1366, 1400)) {
    server.session = person;
    client = std::make_unique<HeadlessClient>(server, display);
    client->Settle(server);
  }
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  HeadlessClient& c() { return *client; }
  void Settle() { client->Settle(server); }
};

// The operations of the last push.
std::vector<Operation> LastPush(const FakeServer& server) {
  auto pushes = server.Sent("POST", protocol::route::kOps);
  REQUIRE_FALSE(pushes.empty());
  auto json = protocol::ParseJson(pushes.back().body);
  REQUIRE(json.ok());
  auto push = PushRequestFromJson(*json);
  REQUIRE(push.ok());
  return push->ops;
}

void OpenClassCard(Session& t, std::string_view name) {
  t.c().Click("Классы", "tab");
  t.c().Click(name, "row");
  t.c().Frame();
}

TEST_CASE("the console appears for a deputy and not for a teacher") {
  {
    Session t(kZavuch);
    CHECK(t.c().app.screen() == Screen::kConsole);
    CHECK(t.c().app.ready());
    CHECK(t.c().Get("Настройка года", "tab").selected);
    CHECK(t.c().Has("Классы", "tab"));
    CHECK(t.c().Has("Настройка года", "heading"));
    CHECK(t.server.Sent("GET", protocol::route::kStructure).size() == 1);
  }
  {
    Session t(kUchitel);
    CHECK(t.c().app.screen() == Screen::kJournal);  // the teacher's journal instead
    CHECK_FALSE(t.c().Has("Классы", "tab"));
    CHECK_FALSE(t.c().Has("Настройка года", "heading"));
  }
}

TEST_CASE("the head logs in by typing and lands in the console") {
  FakeServer server;
  HeadlessClient client(server);
  client.Settle(server);
  client.Fill("Логин", "direktor");
  client.Fill("Пароль", "demo2026");
  client.Press(ImGuiKey_Enter);
  client.Settle(server);
  CHECK(client.app.screen() == Screen::kConsole);
  CHECK(client.Has("Осталось настроить: 2"));
}

TEST_CASE("the checklist shows the year and what is left, with «Открыть» opening the class's card") {
  Session t(kZavuch);
  CHECK(t.c().Has("2026/2027 учебный год · 01.09.2026\u00A0— 31.08.2027"));
  CHECK(t.c().Has("Осталось настроить: 2"));
  CHECK(t.c().Has("У класса 6А нет классного руководителя."));
  CHECK(t.c().Has("В классе 6А нет учеников."));
  CHECK(t.c().Get("Настройка года", "tab").value == "2");  // the badge

  t.c().ClickAt(t.c().After("В классе 6А нет учеников.", "Открыть", "button"));
  t.c().Frame();
  CHECK(t.c().app.console().page() == ConsolePage::kClass);
  CHECK(t.c().app.console().class_id() == k6A);
  CHECK(t.c().Has("Класс 6А", "heading"));
  CHECK(t.c().Has("Ученики: 0"));
  CHECK(t.c().Get("Классы", "tab").selected);
}

TEST_CASE("a set-up year says so") {
  FakeServer server;
  server.session = kZavuch;
  server.structure.classes.pop_back();  // 6А goes: every class has a teacher and students
  HeadlessClient client(server);
  client.Settle(server);
  CHECK(client.Has("Учебный год настроен."));
  CHECK_FALSE(client.Has("Открыть", "button"));
}

TEST_CASE("the classes table lists each class with its class teacher and number of students") {
  Session t(kZavuch);
  t.c().Click("Классы", "tab");
  CHECK(t.c().Has("Класс", "header"));
  CHECK(t.c().Has("Классный руководитель", "header"));
  CHECK(t.c().Has("Учеников", "header"));
  auto rows = t.c().All("row");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].value == "5А\tИванова М.\u00A0П.\t2");
  CHECK(rows[1].value == "5Б\tСмирнова О.\u00A0В.\t1");
  CHECK(rows[2].value == "6А\tне назначен\t0");
  // Aligned columns: each column starts at the same x in every row (the header's).
  CHECK(rows[0].x == rows[2].x);
  CHECK(rows[0].w == rows[2].w);
}

TEST_CASE("the search box and the grade filter narrow the classes table") {
  Session t(kZavuch);
  t.c().Click("Классы", "tab");
  t.c().Fill("Поиск", "смирн");
  t.c().Frame();
  auto rows = t.c().All("row");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].label == "5Б");
  CHECK(t.c().Has("Показано 1 из 3."));

  t.c().Press(ImGuiKey_Backspace);
  for (int i = 0; i < 5; ++i) t.c().Press(ImGuiKey_Backspace);
  t.c().Choose("Фильтр по параллели", "6-е классы");
  rows = t.c().All("row");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].label == "6А");

  t.c().Fill("Поиск", "5а");
  CHECK(t.c().Has("Ничего не найдено. Измените запрос или параллель."));
}

TEST_CASE("creating a class sends class.create with the typed values and shows the new class") {
  Session t(kZavuch);
  t.c().Click("Классы", "tab");
  t.c().Choose("Параллель", "11");
  t.c().Fill("Литера", "В");
  t.c().Choose("Классный руководитель", "Кузнецов Андрей Павлович");
  CHECK(t.c().Get("Классный руководитель", "combo").value == "Кузнецов Андрей Павлович");
  t.c().Click("Создать класс", "button");
  CHECK_FALSE(t.c().Get("Создание…", "button").enabled);

  auto ops = LastPush(t.server);
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].kind == op_kind::kClassCreate);
  CHECK(ops[0].payload == ClassCreatePayload(1, 11, "В", 103));
  CHECK(ops[0].device == "web");
  CHECK(IsValidOpId(ops[0].op_id));

  t.Settle();
  CHECK(t.c().Has("Класс 11В создан.", "notice"));
  CHECK(t.c().Has("11В", "row"));
  // The snapshot was loaded again after the push; the form is ready for the next class.
  CHECK(t.server.Sent("GET", protocol::route::kStructure).size() == 2);
  CHECK(t.c().Get("Литера", "input").value.empty());
  CHECK(t.c().Get("Параллель", "combo").value == "—");
  CHECK(t.c().Get("Классный руководитель", "combo").value == "не назначен");
  // The new class leads to its card.
  t.c().Click("Открыть карточку класса 11В →", "button");
  CHECK(t.c().Has("Класс 11В", "heading"));
}

TEST_CASE("a rejected class shows the server's message under the field it names and keeps the inputs") {
  Session t(kZavuch);
  t.c().Click("Классы", "tab");
  t.c().Fill("Поиск", "5");
  t.c().Choose("Параллель", "7");
  t.c().Fill("Литера", "в1");  // not letters only
  t.c().Choose("Классный руководитель", "Кузнецов Андрей Павлович");
  t.c().Click("Создать класс", "button");
  t.Settle();

  const std::string message = "Литера класса — одна или две заглавные русские буквы, например «А».";
  const ui::Widget letter = t.c().Get("Литера", "input");
  const ui::Widget error = t.c().Get(message, "error");
  CHECK(error.y >= letter.y + letter.h);
  CHECK(error.y < letter.y + letter.h + 12);
  CHECK(error.x == letter.x);
  CHECK(t.c().app.error() == message);
  // Nothing typed is lost, the search box included.
  CHECK(letter.value == "в1");
  CHECK(t.c().Get("Параллель", "combo").value == "7");
  CHECK(t.c().Get("Классный руководитель", "combo").value == "Кузнецов Андрей Павлович");
  CHECK(t.c().Get("Поиск", "input").value == "5");

  // A teacher who already leads a class: the message goes under «Классный руководитель».
  t.c().Click("Литера", "input");
  t.c().Press(ImGuiKey_Backspace);
  t.c().Press(ImGuiKey_Backspace);
  t.c().Type("В");
  CHECK_FALSE(t.c().Has(message, "error"));  // fixing the field clears its message
  t.c().Choose("Классный руководитель", "Иванова Мария Петровна");
  t.c().Click("Создать класс", "button");
  t.Settle();
  const ui::Widget teacher = t.c().Get("Классный руководитель", "combo");
  const ui::Widget taken = t.c().Get("Иванова М.\u00A0П. уже классный руководитель 5А.", "error");
  CHECK(taken.y >= teacher.y + teacher.h);
  CHECK(taken.x == teacher.x);
  CHECK(t.c().Get("Литера", "input").value == "В");
  CHECK(t.server.structure.classes.size() == 3);
}

TEST_CASE("the teacher list is in alphabetical order with «не назначен» first and who leads what") {
  Session t(kZavuch);
  t.c().Click("Классы", "tab");
  t.c().Click("Классный руководитель", "combo");
  auto options = t.c().All("option");
  REQUIRE(options.size() == 6);
  CHECK(options[0].label == "не назначен");
  CHECK(options[1].label == "Алексеева Елена Николаевна");
  CHECK(options[2].label == "Иванова Мария Петровна");
  CHECK(options[2].value == "кл. рук. 5А");
  CHECK(options[3].label == "Кузнецов Андрей Павлович");
  CHECK(options[4].label == "Смирнова Ольга Викторовна");
  CHECK(options[5].label == "Яковлев Игорь Семёнович");
}

TEST_CASE("clicking a class's row opens its card with the students in alphabetical order") {
  Session t(kZavuch);
  OpenClassCard(t, "5А");
  CHECK(t.c().Has("Класс 5А", "heading"));
  CHECK(t.c().Get("Классный руководитель", "combo").value == "Иванова Мария Петровна");
  CHECK(t.c().Has("Ученики: 2"));
  auto rows = t.c().All("row");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].value == "1\tАндреева Дарья Сергеевна\t01.07.2015");
  CHECK(rows[1].value == "2\tБелов Артём Игоревич\t12.03.2015");
  t.c().Click("← Все классы", "button");
  CHECK(t.c().app.console().page() == ConsolePage::kClasses);
}

TEST_CASE("the paste check shows the bad row's error and the good rows") {
  Session t(kZavuch);
  OpenClassCard(t, "6А");
  t.c().Click("Строки из таблицы", "input");
  CHECK(t.c().Get("Строки из таблицы", "input").multiline);
  t.c().Paste(kPasted);
  // TABs and line breaks arrive; the CRs of the spreadsheet do not.
  const std::string typed = t.c().Get("Строки из таблицы", "input").value;
  CHECK(Contains(typed, "Соколов\tМатвей\tАндреевич\t14.05.2014\tм\nОрлова"));
  CHECK_FALSE(Contains(typed, "\r"));

  t.c().Click("Проверить", "button");
  t.c().Frame();
  CHECK(t.c().Has("Проверка: можно добавить 2 из 3 строк"));
  auto rows = t.c().All("row");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].value == "2\tСоколов | Матвей | Андреевич | 14.05.2014 | м\t✓ будет добавлен");
  CHECK(rows[1].label == "3");
  CHECK(Contains(rows[1].value, "Дата рождения «31.02.2014» не распознана"));
  CHECK(rows[2].value == "4\tЗайцева | Полина | Олеговна | 02.09.2014 | ж\t✓ будет добавлен");
  CHECK(t.c().Has("Дата рождения «31.02.2014» не распознана: нужна дата вида 01.09.2015.", "error"));
  CHECK(t.c().Has("Добавить 2 ученика", "button"));
  // Nothing is sent by a check.
  CHECK(t.server.Sent("POST", protocol::route::kOps).empty());
}

TEST_CASE("adding sends exactly the good rows in one batch, and the failed row stays in the box") {
  Session t(kZavuch);
  OpenClassCard(t, "6А");
  t.c().Click("Строки из таблицы", "input");
  t.c().Paste(kPasted);
  t.c().Click("Проверить", "button");
  t.c().Click("Добавить 2 ученика", "button");

  auto pushes = t.server.Sent("POST", protocol::route::kOps);
  REQUIRE(pushes.size() == 1);
  auto ops = LastPush(t.server);
  REQUIRE(ops.size() == 2);
  const Date day = *Date::ParseIso("2026-10-15");  // today, inside the year
  StudentDraft sokolov{{"Соколов", "Матвей", "Андреевич"}, Date::ParseIso("2014-05-14"), 'm'};
  StudentDraft zaitseva{{"Зайцева", "Полина", "Олеговна"}, Date::ParseIso("2014-09-02"), 'f'};
  CHECK(ops[0].kind == op_kind::kStudentCreate);
  CHECK(ops[0].payload == StudentCreatePayload(sokolov, k6A, day));
  CHECK(ops[1].payload == StudentCreatePayload(zaitseva, k6A, day));
  CHECK(ops[0].op_id != ops[1].op_id);

  t.Settle();
  CHECK(t.c().Has("Ученики: 2"));
  CHECK(t.c().Has("Добавлено 2 ученика. Строки, которые не добавлены, остались в поле: исправьте их и нажмите «Проверить».",
                  "notice"));
  // Only the failed row (and the header, which the check skips) is left to fix.
  CHECK(t.c().Get("Строки из таблицы", "input").value == std::string("Фамилия\tИмя\tОтчество\tДата рождения\tПол\n") + kBadLine + "\n");
  auto rows = t.c().All("row");
  CHECK(std::any_of(rows.begin(), rows.end(), [](const ui::Widget& w) {
    return w.value == "2\tСоколов | Матвей | Андреевич | 14.05.2014 | м\t✓ добавлен";
  }));
  CHECK(std::any_of(rows.begin(), rows.end(), [](const ui::Widget& w) { return w.value == "1\tЗайцева Полина Олеговна\t02.09.2014"; }));
  CHECK_FALSE(t.c().Has("Добавить 2 ученика", "button"));

  // The checklist no longer lists 6А as empty.
  t.c().Click("Настройка года", "tab");
  CHECK(t.c().Has("Осталось настроить: 1"));
  CHECK_FALSE(t.c().Has("В классе 6А нет учеников."));
}

TEST_CASE("when every row is added the box is emptied") {
  Session t(kZavuch);
  OpenClassCard(t, "6А");
  t.c().Click("Строки из таблицы", "input");
  t.c().Paste("Соколов\tМатвей\tАндреевич\t14.05.2014\tм\n");
  t.c().Click("Проверить", "button");
  t.c().Click("Добавить 1 ученика", "button");
  t.Settle();
  CHECK(t.c().Get("Строки из таблицы", "input").value.empty());
  CHECK(t.c().Has("Добавлен 1 ученик.", "notice"));
}

TEST_CASE("a row the server refuses shows its message and stays in the box") {
  Session t(kZavuch);
  OpenClassCard(t, "6А");
  t.c().Click("Строки из таблицы", "input");
  t.c().Paste("Соколов\tМатвей\tАндреевич\t14.05.2014\tм\nЗайцева\tПолина\tОлеговна\t02.09.2014\tж");
  t.c().Click("Проверить", "button");
  // Meanwhile someone else adds Зайцева to 5А.
  Actor head;
  head.roles = {Role::kHead};
  StudentDraft zaitseva{{"Зайцева", "Полина", "Олеговна"}, Date::ParseIso("2014-09-02"), 'f'};
  Operation other{"00000000-0000-4000-8000-000000000001", std::string(op_kind::kStudentCreate),
                  StudentCreatePayload(zaitseva, 1, *Date::ParseIso("2026-09-01")), 0, "web", 0};
  REQUIRE(ApplyStructureOp(t.server.structure, other, head).ok());

  t.c().Click("Добавить 2 ученика", "button");
  t.Settle();
  CHECK(t.c().Has("Ученик Зайцева Полина Олеговна уже есть в 5А.", "error"));
  CHECK(t.c().Get("Строки из таблицы", "input").value == "Зайцева\tПолина\tОлеговна\t02.09.2014\tж");
  CHECK(t.c().Has("Добавлен 1 ученик. Строки, которые не добавлены, остались в поле: исправьте их и нажмите «Проверить».",
                  "notice"));
}

TEST_CASE("a push that does not reach the server keeps the rows and is re-sent with the same op ids") {
  Session t(kZavuch);
  OpenClassCard(t, "6А");
  t.c().Click("Строки из таблицы", "input");
  t.c().Paste(kPasted);
  t.c().Click("Проверить", "button");
  t.server.unreachable = true;
  t.c().Click("Добавить 2 ученика", "button");
  t.Settle();
  CHECK(t.c().Has("Сервер недоступен. Проверьте подключение к сети.", "error"));
  CHECK(t.c().Get("Строки из таблицы", "input").value.size() > 100);  // all three rows are there
  CHECK(Contains(t.c().Get("Строки из таблицы", "input").value, "Соколов"));
  auto first = LastPush(t.server);

  t.server.unreachable = false;
  t.c().Click("Добавить 2 ученика", "button");
  auto second = LastPush(t.server);
  REQUIRE(second.size() == 2);
  CHECK(second[0].op_id == first[0].op_id);
  CHECK(second[1].op_id == first[1].op_id);
  t.Settle();
  CHECK(t.c().Has("Ученики: 2"));
}

TEST_CASE("an answer lost after the server applied the rows: the re-send adds nothing twice") {
  Session t(kZavuch);
  OpenClassCard(t, "6А");
  t.c().Click("Строки из таблицы", "input");
  t.c().Paste(kPasted);
  t.c().Click("Проверить", "button");
  const size_t persons = t.server.structure.persons.size();
  t.server.lose_answers = true;  // the server applies the batch; its answer never arrives
  t.c().Click("Добавить 2 ученика", "button");
  t.Settle();
  CHECK(t.server.structure.persons.size() == persons + 2);
  CHECK(t.c().Has("Сервер недоступен. Проверьте подключение к сети.", "error"));
  CHECK(Contains(t.c().Get("Строки из таблицы", "input").value, "Зайцева"));  // nothing is lost

  t.server.lose_answers = false;
  t.c().Click("Добавить 2 ученика", "button");
  t.Settle();
  CHECK(t.server.structure.persons.size() == persons + 2);
  CHECK(t.c().Has("Ученики: 2"));
  CHECK(t.c().Has("Добавлено 2 ученика. Строки, которые не добавлены, остались в поле: исправьте их и нажмите «Проверить».",
                  "notice"));
}

TEST_CASE("a class teacher is assigned on the class's card") {
  Session t(kZavuch);
  OpenClassCard(t, "6А");
  t.c().Choose("Классный руководитель", "Алексеева Елена Николаевна");
  t.c().Click("Назначить", "button");
  auto ops = LastPush(t.server);
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].kind == op_kind::kClassSetTeacher);
  CHECK(ops[0].payload == ClassSetTeacherPayload(k6A, 104));
  t.Settle();
  CHECK_FALSE(t.c().Has("Назначить", "button"));
  CHECK(t.c().Get("Классный руководитель", "combo").value == "Алексеева Елена Николаевна");
  t.c().Click("Настройка года", "tab");
  CHECK_FALSE(t.c().Has("У класса 6А нет классного руководителя."));
}

TEST_CASE("what was typed on a class's card stays when the user goes elsewhere and comes back") {
  Session t(kZavuch);
  OpenClassCard(t, "6А");
  t.c().Click("Строки из таблицы", "input");
  t.c().Type("Соколов");
  t.c().Click("Настройка года", "tab");
  OpenClassCard(t, "5А");
  CHECK(t.c().Get("Строки из таблицы", "input").value.empty());
  OpenClassCard(t, "6А");
  CHECK(t.c().Get("Строки из таблицы", "input").value == "Соколов");
}

TEST_CASE("on a 360 px phone the console has tabs under the bar and everything fits the width") {
  Session t(kZavuch, ImVec2(360, 740));
  CHECK(t.c().Get("Настройка года", "tab").y > 0);
  CHECK(t.c().Get("Настройка года", "tab").y == t.c().Get("Классы", "tab").y);
  // Everything fits the width, but for tabs that do not: the row of tabs scrolls sideways.
  auto fits = [] {
    for (const ui::Widget& w : ui::Widgets()) {
      INFO(w.label);
      if (w.kind == "tab" && !w.visible) continue;
      CHECK(w.x >= 0);
      CHECK(w.x + w.w <= 360);
    }
  };
  for (const char* tab : {"Настройка года", "Классы"}) {
    t.c().Click(tab, "tab");
    t.c().Frame();
    fits();
  }
  OpenClassCard(t, "5А");
  fits();
}

TEST_CASE("a lower-case letter is taken as the capital: «в» makes 7В") {
  Session t(kZavuch);
  t.c().Click("Классы", "tab");
  t.c().Choose("Параллель", "7");
  t.c().Fill("Литера", "в");
  t.c().Click("Создать класс", "button");
  t.Settle();
  CHECK(t.c().Has("Класс 7В создан.", "notice"));
  CHECK(t.c().Has("7В", "row"));
  CHECK(t.server.structure.classes.back().letter == "В");
}

TEST_CASE("on a phone a tab beyond the edge comes into view with the wheel and when it is chosen") {
  Session t(kZavuch, ImVec2(360, 740));
  ui::Widget last = t.c().All("tab").back();
  REQUIRE_FALSE(last.visible);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(180, t.c().Get("Классы", "tab").y + 20);
  t.c().Frame();
  for (int i = 0; i < 40; ++i) {  // enough for every tab (the planning pages added three)
    io.MouseWheel = -1;  // the wheel (or a finger's drag) over the row
    t.c().Frame();
  }
  last = t.c().All("tab").back();
  CHECK(last.visible);
  CHECK_FALSE(t.c().Get("Настройка года", "tab").visible);
  t.c().ClickAt(last);
  CHECK(t.c().All("tab").back().selected);
  CHECK(t.c().All("tab").back().visible);
}

TEST_CASE("logging out of the console returns to the login screen") {
  Session t(kZavuch);
  t.c().Click("Выйти", "button");
  t.Settle();
  CHECK(t.c().app.screen() == Screen::kLogin);
  CHECK(t.c().app.console().structure() == nullptr);
}

TEST_CASE("a session that ended meanwhile sends the user to the login screen with the reason") {
  Session t(kZavuch);
  t.c().Click("Классы", "tab");
  t.server.session.reset();
  t.c().Choose("Параллель", "8");
  t.c().Fill("Литера", "А");
  t.c().Click("Создать класс", "button");
  t.Settle();
  CHECK(t.c().app.screen() == Screen::kLogin);
  CHECK(t.c().app.error() == "Войдите в систему.");
}

TEST_CASE("a structure that cannot be loaded is explained and can be asked for again") {
  FakeServer server;
  server.session = kZavuch;
  server.unreachable_path = std::string(protocol::route::kStructure);
  HeadlessClient client(server);
  client.Settle(server);
  REQUIRE(client.app.screen() == Screen::kConsole);
  CHECK(client.app.ready());
  CHECK(client.app.error() == web::kUnreachableMessage);
  CHECK(client.Has("Сервер недоступен. Проверьте подключение к сети.", "error"));
  server.unreachable_path.clear();
  client.Click("Повторить", "button");
  client.Settle(server);
  CHECK(client.Has("Осталось настроить: 2"));
  CHECK(client.app.error().empty());
}

}  // namespace
}  // namespace ej::test
