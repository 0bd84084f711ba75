// The console's pages «Учебный план», «Нагрузка», «Группы», a group's card, a student's card
// (transfer, leaving, parents, ИУП) and the sorted tables, against the fake server (which
// applies operations with the core), driven through ImGui's io like a browser.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::ConsolePage;

constexpr int64_t kZavuch = 2;
constexpr int64_t kAdmin = 3;
constexpr int64_t k5A = 1, k5B = 2, k6A = 3;
constexpr int64_t kBelov = 201, kAndreeva = 202;
constexpr int64_t kKuznetsov = 103, kAlekseeva = 104;

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// The small school with a study plan: three subjects, grade 5's curriculum, 5А's groups for
// mathematics (the whole class) and English (two subgroups), mathematics given to Кузнецов,
// and a mother for Белов Артём. Made with the core's operations, as the server would.
struct PlanIds {
  int64_t math = 0, russian = 0, english = 0, math_5a = 0, english_1 = 0, english_2 = 0;
};

PlanIds AddPlan(Structure& s) {
  Actor deputy;
  deputy.roles = {Role::kDeputy};
  int n = 0;
  auto must = [&](std::string_view kind, protocol::Json payload) {
    Operation op;
    op.op_id = "plan-" + std::to_string(++n);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    auto r = ApplyStructureOp(s, op, deputy);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->created_id;
  };
  PlanIds ids;
  ids.math = must(op_kind::kSubjectCreate, SubjectCreatePayload("Математика", "Матем."));
  ids.russian = must(op_kind::kSubjectCreate, SubjectCreatePayload("Русский язык", "Рус. яз."));
  ids.english = must(op_kind::kSubjectCreate, SubjectCreatePayload("Иностранный язык (английский)", "Англ. яз."));
  must(op_kind::kCurriculumSet, CurriculumSetPayload(1, 5, ids.math, 5));
  must(op_kind::kCurriculumSet, CurriculumSetPayload(1, 5, ids.russian, 5));
  must(op_kind::kCurriculumSet, CurriculumSetPayload(1, 5, ids.english, 3));
  ids.math_5a = must(op_kind::kGroupCreate, GroupCreatePayload(1, GroupKind::kWholeClass, "", ids.math, {k5A}));
  ids.english_1 = must(op_kind::kGroupCreate, GroupCreatePayload(1, GroupKind::kSubgroup, "5А — англ. яз., 1 гр.", ids.english, {k5A}));
  ids.english_2 = must(op_kind::kGroupCreate, GroupCreatePayload(1, GroupKind::kSubgroup, "5А — англ. яз., 2 гр.", ids.english, {k5A}));
  must(op_kind::kWorkloadSet, WorkloadSetPayload(kKuznetsov, ids.math_5a, 5));
  Person mother;
  mother.id = 303;
  mother.name = {"Белова", "Екатерина", "Андреевна"};
  mother.roles = {Role::kParent};
  s.persons.emplace(mother.id, mother);
  must(op_kind::kGuardianLink, GuardianLinkPayload(303, kBelov, "mother"));
  s.persons[kAndreeva].sex = 'f';
  return ids;
}

// A client logged in as `account` on a tall window, the school with its plan.
struct Session {
  explicit Session(int64_t account = kZavuch, ImVec2 display = ImVec2(1366, 2200)) {
    ids = AddPlan(server.structure);
    server.session = account;
    client = std::make_unique<HeadlessClient>(server, display);
    client->Settle(server);
  }
  FakeServer server;
  PlanIds ids;
  std::unique_ptr<HeadlessClient> client;
  HeadlessClient& c() { return *client; }
  void Settle() { client->Settle(server); }
  void Replace(std::string_view label, std::string_view text) {
    c().Click(label, "input");
    c().PressCtrl(ImGuiKey_A);
    c().Type(text);
  }
  std::vector<Operation> LastPush() {
    auto pushes = server.Sent("POST", protocol::route::kOps);
    REQUIRE_FALSE(pushes.empty());
    auto json = protocol::ParseJson(pushes.back().body);
    REQUIRE(json.ok());
    auto push = PushRequestFromJson(*json);
    REQUIRE(push.ok());
    return push->ops;
  }
};

std::vector<std::string> RowLabels(HeadlessClient& c) {
  std::vector<std::string> out;
  for (const ui::Widget& w : c.All("row")) out.push_back(w.label);
  return out;
}

}  // namespace

TEST_CASE("«Учебный план» shows the grades' hours in cells and saves an edited cell") {
  Session t;
  t.c().Click("Учебный план", "tab");
  CHECK(t.c().Has("Учебный план", "heading"));
  CHECK(t.c().Get("Математика, 5 класс", "input").value == "5");
  CHECK(t.c().Get("Иностранный язык (английский), 5 класс", "input").value == "3");
  CHECK(t.c().Get("Математика, 6 класс", "input").value.empty());
  CHECK_FALSE(t.c().Get("Сохранить изменения", "button").enabled);  // nothing edited yet
  // The week of grade 5 and its СанПиН maximum (the core's 29).
  CHECK(t.c().Has("13"));
  CHECK(t.c().Has("29"));

  t.Replace("Русский язык, 5 класс", "4,5");
  CHECK(t.c().Get("Сохранить изменения (1)", "button").enabled);
  t.c().Click("Сохранить изменения (1)", "button");
  t.Settle();
  CHECK(t.server.structure.CurriculumHours(1, 5, t.ids.russian) == 4.5);
  auto ops = t.LastPush();
  REQUIRE(ops.size() == 1);
  CHECK(ops[0].kind == op_kind::kCurriculumSet);
  CHECK(t.c().Has("Учебный план сохранён.", "notice"));
  CHECK(t.c().Get("Русский язык, 5 класс", "input").value == "4,5");

  // Below what teachers were given: the core refuses, the message names the group.
  t.Replace("Математика, 5 класс", "4");
  t.c().Click("Сохранить изменения (1)", "button");
  t.Settle();
  CHECK(t.c().Has("Математика, 5 класс: В группе «5А — Математика» учителям уже распределено 5 ч — сначала "
                  "уменьшите нагрузку.",
                  "error"));
  CHECK(t.server.structure.CurriculumHours(1, 5, t.ids.math) == 5);
}

TEST_CASE("«Учебный план» shows a week over СанПиН before saving and the core's refusal after") {
  Session t;
  t.c().Click("Учебный план", "tab");
  t.Replace("Русский язык, 5 класс", "10");
  t.Replace("Иностранный язык (английский), 5 класс", "10");
  // 5 + 10 + 10 = 25: fine; mathematics 9 makes 29, 10 makes 30.
  CHECK_FALSE(t.c().Has("5-е классы: 25 ч в неделю, а по СанПиН допустимо не больше 29 ч.", "error"));
  t.Replace("Математика, 5 класс", "10");
  CHECK(t.c().Has("5-е классы: 30 ч в неделю, а по СанПиН допустимо не больше 29 ч.", "error"));
  t.c().Click("Сохранить изменения (3)", "button");
  t.Settle();
  // Smaller steps first (русский +5, математика +5, английский +7); the one that breaks the
  // week is refused by the core, with its message under the grid.
  CHECK(t.c().Has("Иностранный язык (английский), 5 класс: Недельная нагрузка 5-х классов станет 30 ч, а по "
                  "СанПиН допустимо не больше 29 ч.",
                  "error"));
  CHECK(t.c().Has("Сохранено не всё: часть ячеек отклонена, причины ниже.", "error"));
  CHECK(t.server.structure.CurriculumHours(1, 5, t.ids.russian) == 10);
  CHECK(t.server.structure.CurriculumHours(1, 5, t.ids.math) == 10);
  CHECK(t.server.structure.CurriculumHours(1, 5, t.ids.english) == 3);
  // The refused cell keeps what was typed.
  CHECK(t.c().Get("Иностранный язык (английский), 5 класс", "input").value == "10");

  // Text that is not a number is refused before sending.
  const size_t pushes = t.server.Sent("POST", protocol::route::kOps).size();
  t.Replace("Иностранный язык (английский), 5 класс", "пять");
  t.c().Click("Сохранить изменения (1)", "button");
  CHECK(t.c().Has("Исправьте выделенные ячейки: часы пишутся числом, например 2 или 1,5.", "error"));
  CHECK(t.server.Sent("POST", protocol::route::kOps).size() == pushes);
}

TEST_CASE("a new subject is added and gets a row in the curriculum") {
  Session t;
  t.c().Click("Учебный план", "tab");
  t.c().Fill("Название", "Вероятность и статистика");
  t.c().Click("Добавить предмет", "button");
  t.Settle();
  CHECK(t.c().Has("Предмет «Вероятность и статистика» добавлен: задайте его часы в таблице.", "notice"));
  CHECK(t.c().Has("Вероятность и статистика, 5 класс", "input"));
  t.c().Fill("Название", "Математика");
  t.c().Click("Добавить предмет", "button");
  t.Settle();
  CHECK(t.c().Has("Предмет «Математика» уже есть.", "error"));
}

TEST_CASE("«Нагрузка» lists lines with hours against the plan, filters them and edits a line") {
  Session t;
  t.c().Click("Нагрузка", "tab");
  CHECK(t.c().Has("Нагрузка", "heading"));
  auto rows = t.c().All("row");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].value == "Кузнецов А.\u00A0П.\t5А — Математика\t5 из 5");

  // A subgroup's English goes to Алексеева: the form says what the curriculum leaves.
  t.c().Choose("Учитель", "Алексеева Елена Николаевна");
  t.c().Choose("Группа", "5А — англ. яз., 1 гр.");
  CHECK(t.c().Has("По учебному плану 3 ч в неделю; распределено 0 ч, свободно 3 ч."));
  t.c().Fill("Часов в неделю", "4");
  t.c().Click("Сохранить", "button");
  t.Settle();
  CHECK(t.c().Has("Нагрузка по предмету «Иностранный язык (английский)» в группе «5А — англ. яз., 1 гр.» станет 4 ч, а по "
                  "учебному плану — 3 ч.",
                  "error"));
  t.Replace("Часов в неделю", "3");
  t.c().Click("Сохранить", "button");
  t.Settle();
  CHECK(t.c().Has("Нагрузка Алексеева Е.\u00A0Н. в группе «5А — англ. яз., 1 гр.» сохранена.", "notice"));
  CHECK(t.server.structure.GroupWorkloadHours(t.ids.english_1) == 3);
  CHECK(t.c().All("row").size() == 2);

  // The teacher filter keeps her line only; a row's click fills the form; «Снять нагрузку».
  t.c().Choose("Фильтр по учителю", "Алексеева Елена Николаевна");
  rows = t.c().All("row");
  REQUIRE(rows.size() == 1);
  CHECK(Contains(rows[0].value, "5А — англ. яз., 1 гр."));
  t.c().Click("Алексеева Е.\u00A0Н.", "row");
  CHECK(t.c().Get("Часов в неделю", "input").value == "3");
  t.c().Click("Снять нагрузку", "button");
  t.Settle();
  CHECK(t.server.structure.GroupWorkloadHours(t.ids.english_1) == 0);
  CHECK(t.c().Has("Нагрузки по этим условиям нет. Назначьте её в форме «Назначить нагрузку»."));
}

TEST_CASE("a checklist line about a class without teachers opens «Нагрузка» filtered to that class") {
  Session t;
  const std::string line = "5А: нет учителя у 2 групп — «5А — англ. яз., 1 гр.», «5А — англ. яз., 2 гр.».";
  CHECK(t.c().Has(line));
  CHECK(t.c().Has("5Б: нет учителя по 3 предметам учебного плана — «Иностранный язык (английский)», «Математика», "
                  "«Русский язык»."));
  t.c().ClickAt(t.c().After(line, "Открыть", "button"));
  t.c().Frame();
  CHECK(t.c().app.console().page() == ConsolePage::kWorkload);
  CHECK(t.c().Get("Фильтр по классу", "combo").value == "5А");
}

TEST_CASE("«Группы» lists groups with kind, teacher and size — a new subgroup gets members in its card") {
  Session t;
  t.c().Click("Группы", "tab");
  CHECK(t.c().Has("Группа", "header"));
  CHECK(t.c().Has("Вид и предмет", "header"));
  auto rows = t.c().All("row");
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].value == "5А — Математика\tКласс\tМатематика\tКузнецов А.\u00A0П.\t2");
  CHECK(rows[0].value == "5А — англ. яз., 1 гр.\tПодгруппа\tИностранный язык (английский)\tнет учителя\t0");

  // An elective drawn from two classes, in the form opened above the table.
  CHECK_FALSE(t.c().Has("Вид", "combo"));
  t.c().Click("+ Новая группа", "button");
  t.c().Choose("Вид", "Элективный курс");
  t.c().Choose("Предмет", "Математика");
  t.c().Click("5А", "checkbox");
  t.c().Click("5Б", "checkbox");
  t.c().Fill("Название", "Олимпиадная математика");
  t.c().Click("Создать группу", "button");
  t.Settle();
  CHECK(t.c().Has("Группа создана.", "notice"));
  const Group* created = nullptr;
  for (const Group& g : t.server.structure.groups) {
    if (g.name == "Олимпиадная математика") created = &g;
  }
  REQUIRE(created != nullptr);
  CHECK(created->kind == GroupKind::kElective);
  CHECK(created->class_ids == std::vector<int64_t>{k5A, k5B});
  const int64_t id = created->id;

  // Its card: students of both classes with check boxes; two ticked and saved.
  t.c().Click("Открыть группу и выбрать учеников →", "button");
  CHECK(t.c().app.console().page() == ConsolePage::kGroup);
  CHECK(t.c().Has("Олимпиадная математика", "heading"));
  CHECK(t.c().Has("Учитель не назначен: назначьте его на странице «Нагрузка»."));
  t.c().Click("Белов Артём Игоревич", "checkbox");
  t.c().Click("Волков Никита", "checkbox");
  t.c().Click("Сохранить состав", "button");
  t.Settle();
  CHECK(t.c().Has("Состав сохранён: 2 ученика.", "notice"));
  CHECK(t.server.structure.FindGroup(id)->members == std::vector<int64_t>{kBelov, 203});
  // The class filter shows one class's students.
  t.c().Choose("Показать учеников класса", "5Б");
  CHECK_FALSE(t.c().Has("Белов Артём Игоревич", "checkbox"));
  CHECK(t.c().Get("Волков Никита", "checkbox").selected);

  // A refusal names the field: a subgroup of two classes.
  t.c().Click("← Все группы", "button");
  t.c().Choose("Вид", "Подгруппа");  // of 5А in mathematics, named by default «5А — Математика»
  t.c().Click("Создать группу", "button");
  t.Settle();
  CHECK(t.c().Has("Группа «5А — Математика» уже есть.", "error"));
}

TEST_CASE("the class card shows parents with their link — a student's card transfers and marks leaving") {
  Session t;
  t.c().Click("Классы", "tab");
  t.c().Click("5А", "row");
  CHECK(t.c().Get("1", "row").value == "1\tАндреева Дарья Сергеевна\t01.07.2015");
  CHECK(t.c().Get("2", "row").value == "2\tБелов Артём Игоревич\tмать: Белова Е.\u00A0А.\t12.03.2015");

  t.c().Click("2", "row");
  CHECK(t.c().app.console().page() == ConsolePage::kStudent);
  CHECK(t.c().Has("Белов Артём Игоревич", "heading"));
  CHECK(t.c().Has("Ученик 5А · дата рождения 12.03.2015"));  // «Ученица» for a girl
  CHECK(t.c().Get("мать", "row").value == "мать\tБелова Екатерина Андреевна");
  CHECK(t.c().Has("5А: с 01.09.2026"));

  // A transfer to 5Б from 20.10.2026.
  t.c().Click("Перевести", "button");
  CHECK(t.c().Has("Выберите класс, в который переводится ученик.", "error"));
  t.c().Choose("Перевести в класс", "5Б");
  t.c().Fill("С какого дня", "20.10.2026");
  t.c().Click("Перевести", "button");
  t.Settle();
  CHECK(t.c().Has("Переведён в 5Б с 20.10.2026. Отметки до этого дня остаются в журнале прежнего класса.", "notice"));
  CHECK(t.c().Has("5А: с 01.09.2026 по 19.10.2026"));
  CHECK(t.c().Has("5Б: с 20.10.2026"));
  CHECK(t.server.structure.ClassOf(kBelov, *Date::ParseIso("2026-10-20"))->id == k5B);
  CHECK(t.server.structure.ClassOf(kBelov, *Date::ParseIso("2026-10-19"))->id == k5A);

  // Leaving asks for a confirmation, then the core's rule: a day when the student is in a class.
  t.c().Fill("Последний день в школе", "01.08.2027");
  t.c().Click("Отметить выбытие", "button");
  CHECK(t.c().Has("Подтвердить выбытие", "button"));
  CHECK(t.server.Sent("POST", protocol::route::kOps).size() == 1);
  t.c().Click("Подтвердить выбытие", "button");
  t.Settle();
  CHECK(t.c().Has("Выбытие отмечено: последний день в школе — 01.08.2027. История ученика сохранена.", "notice"));
  CHECK(t.server.structure.ClassOf(kBelov, *Date::ParseIso("2027-08-02")) == nullptr);
  t.c().Click("← Класс 5Б", "button");
  CHECK(t.c().app.console().page() == ConsolePage::kClass);
  CHECK(t.c().app.console().class_id() == k5B);
}

TEST_CASE("a parent is added from the student's card: a person with the parent role and the link") {
  Session t;
  t.c().Click("Классы", "tab");
  t.c().Click("5А", "row");
  t.c().Click("1", "row");  // Андреева Дарья: no parents yet
  CHECK(t.c().Has("Не указаны."));
  t.c().Fill("ФИО родителя", "Андреева");
  t.c().Click("Добавить родителя", "button");
  CHECK(t.c().Has("Укажите фамилию, имя и, если есть, отчество через пробел.", "error"));
  CHECK(t.server.Sent("POST", protocol::route::kOps).empty());
  t.Replace("ФИО родителя", "Андреев Сергей Павлович");  // the rejected text was kept in the field
  t.c().Choose("Кем приходится", "отец");
  t.c().Click("Добавить родителя", "button");
  t.Settle();
  CHECK(t.c().Has("Андреев Сергей Павлович — в списке родителей. Учётная запись создана; пароль выдаёт технический администратор.", "notice"));
  CHECK(t.c().Get("отец", "row").value == "отец\tАндреев Сергей Павлович");
  bool linked = false;
  for (const auto& g : t.server.structure.guardianships) {
    const Person* p = t.server.structure.FindPerson(g.parent_id);
    linked = linked || (g.student_id == 202 && g.kind == "father" && p && p->name.last == "Андреев" && p->Has(Role::kParent));
  }
  CHECK(linked);
  CHECK(t.c().Get("ФИО родителя", "input").value.empty());
}

TEST_CASE("a student's individual study plan adds and replaces hours and shows the week against СанПиН") {
  Session t;
  t.c().Click("Классы", "tab");
  t.c().Click("5А", "row");
  t.c().Click("1", "row");  // Андреева Дарья
  CHECK(t.c().Has("Ученица 5А · дата рождения 01.07.2015"));
  CHECK(t.c().Has("Ученица занимается по учебному плану класса 5А. Чтобы добавить или заменить часы предмета, "
                  "заполните форму ниже."));
  CHECK(t.c().Has("Индивидуальный учебный план"));
  CHECK(t.c().Has("Всего в неделю: 13 ч из 29 ч, допустимых по СанПиН для 5-х классов."));

  t.c().Choose("Предмет", "Математика");
  t.c().Fill("Часов в неделю", "2");
  t.c().Click("Сохранить строку", "button");
  t.Settle();
  CHECK(t.c().Has("Индивидуальный план сохранён.", "notice"));
  CHECK(t.c().Get("Математика", "row").value == "Математика\t5\t7\t+2 ч");
  CHECK(t.c().Has("Всего в неделю: 15 ч из 29 ч, допустимых по СанПиН для 5-х классов."));

  // Replacing with the class's own hours is refused by the core, under the field it names.
  t.c().Choose("Предмет", "Русский язык");
  t.c().Choose("Как", "заменить часы плана");
  t.c().Fill("Часов в неделю", "5");
  t.c().Click("Сохранить строку", "button");
  t.Settle();
  CHECK(t.c().Has("По учебному плану у класса и так 5 ч — строка ничего не меняет.", "error"));
  t.Replace("Часов в неделю", "0");
  t.c().Click("Сохранить строку", "button");
  t.Settle();
  CHECK(t.c().Get("Русский язык", "row").value == "Русский язык\t5\t0\tне изучает");
  REQUIRE(t.server.structure.IupOf(kAndreeva, 1).size() == 2);

  // Removing a line; the class card marks students with a plan.
  t.c().Choose("Предмет", "Математика");
  t.c().Click("Убрать из плана", "button");
  t.Settle();
  CHECK(t.server.structure.IupOf(kAndreeva, 1).size() == 1);
  t.c().Click("← Класс 5А", "button");
  CHECK(t.c().Get("1", "row").value == "1\tАндреева Дарья Сергеевна\tиндивидуальный учебный план\t01.07.2015");
}

TEST_CASE("a paste of more than 500 rows is refused with the count, and nothing is sent") {
  Session t;
  t.c().Click("Классы", "tab");
  t.c().Click("6А", "row");
  std::string rows;
  for (int i = 0; i < 501; ++i) rows += "Петров\tПётр\t\t01.02.2014\tм\n";
  t.c().Click("Строки из таблицы", "input");
  t.c().Paste(rows);
  t.c().Click("Проверить", "button");
  CHECK(t.c().Has("Вставлено 501 строка, а за один раз можно добавить не больше 500. Вставьте таблицу частями, "
                  "например по классам.",
                  "error"));
  CHECK_FALSE(t.c().Has("В тексте нет строк с учениками."));
  CHECK(t.server.Sent("POST", protocol::route::kOps).empty());
}

TEST_CASE("the console's actor knows the person behind the account from /me") {
  FakeServer server;
  protocol::UserInfo user = server.accounts[2].user;
  user.person_id = 301;
  CHECK(web::ActorOf(user).person_id == 301);
  CHECK(web::ActorOf(user).account_id == kZavuch);
}

TEST_CASE("tables sort by a click on a column's title, a second click reverses") {
  Session t;
  t.c().Click("Классы", "tab");
  t.c().Click("Учеников", "header");
  CHECK(t.c().Get("Учеников", "header").selected);
  CHECK(t.c().Get("Учеников", "header").value == "↑");
  CHECK(RowLabels(t.c()) == std::vector<std::string>{"6А", "5Б", "5А"});
  t.c().Click("Учеников", "header");
  CHECK(t.c().Get("Учеников", "header").value == "↓");
  CHECK(RowLabels(t.c()) == std::vector<std::string>{"5А", "5Б", "6А"});
  t.c().Click("Классный руководитель", "header");  // classes without one last
  CHECK(RowLabels(t.c()) == std::vector<std::string>{"5А", "5Б", "6А"});
  t.c().Click("Класс", "header");
  t.c().Click("Класс", "header");
  CHECK(RowLabels(t.c()) == std::vector<std::string>{"6А", "5Б", "5А"});

  t.c().Click("Сотрудники", "tab");
  t.c().Click("ФИО", "header");
  t.c().Click("ФИО", "header");
  auto staff = RowLabels(t.c());
  REQUIRE(staff.size() >= 2);
  CHECK(staff.front() == "Яковлев Игорь Семёнович");
}

TEST_CASE("the accounts table shows ten rows and more at 1366×768 with the role filter beside the search, and sorts") {
  FakeServer server;
  for (int i = 0; i < 40; ++i) {
    server.accounts.push_back({"user" + std::to_string(100 + i), "",
                               {1000 + i, "Смирнова Ольга Викторовна", {Role::kParent}}, 5000 + i});
  }
  server.accounts.push_back({"konstantinopolskaya.av", "",
                             {999, "Константинопольская-Преображенская Александра Владимировна", {Role::kParent}}, 4999});
  server.session = kAdmin;
  HeadlessClient client(server, ImVec2(1366, 768));
  client.Settle(server);
  int visible = 0;
  for (const ui::Widget& w : client.All("row")) visible += w.visible;
  CHECK(visible >= 10);
  // Every row is one line high (a long name ends with «…» on screen; the record keeps it whole),
  // so the list clipper places the rows of 1850 accounts right.
  const auto rows = client.All("row");
  for (const ui::Widget& w : rows) CHECK(w.h == doctest::Approx(rows.front().h));
  const ui::Widget search = client.Get("Поиск", "input");
  const ui::Widget filter = client.Get("Фильтр по роли", "combo");
  CHECK(search.x + search.w <= filter.x);  // side by side, not on top of each other
  CHECK(filter.y == doctest::Approx(search.y).epsilon(0.01));
  client.Click("Логин", "header");
  client.Click("Логин", "header");
  CHECK(client.All("row").front().label == "zavuch");
  client.Fill("Поиск", "константинопольская");
  REQUIRE(client.All("row").size() == 1);
  CHECK(Contains(client.All("row")[0].value, "Константинопольская-Преображенская Александра Владимировна"));
  CHECK(client.All("row")[0].h == doctest::Approx(rows.front().h));
  // Whether a password exists is the first button's word, not a column.
  CHECK(client.Has("Роли", "header"));
  CHECK_FALSE(client.Has("Доступ", "header"));
}

}  // namespace ej::test
