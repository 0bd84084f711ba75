// «КТП» against the fake server, which keeps the plans with the core (ApplyPlanOp: versions,
// conflicts) as the server does: a workload line chosen, rows pasted from a spreadsheet with a
// bad one reported under the table and kept in the box, rows edited, reordered, added and
// removed, the plan saved as plan.set, a stale version refused with the draft kept, plan against
// fact from the group's journal; and the navigation's «Планирование» group.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::ConsolePage;

struct Session {
  explicit Session(ImVec2 display = ImVec2(1366, 3000)) {
    server.AddSubstitutionSchool();
    server.session = 2;  // zavuch
    client = std::make_unique<HeadlessClient>(server, display);
    client->Settle(server);
  }
  void OpenPlans() {
    c().Click("Планирование", "tab");
    Settle();
    REQUIRE(c().app.console().page() == ConsolePage::kTimetable);
    c().Click("КТП", "tab");
    Settle();
    REQUIRE(c().app.console().page() == ConsolePage::kPlans);
  }
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  HeadlessClient& c() { return *client; }
  void Settle() { client->Settle(server); }
  const ThematicPlan* Plan(int64_t group) const { return server.plans.Find(group); }
  std::vector<std::string> Titles() {
    std::vector<std::string> out;
    for (const ui::Widget& w : c().All("row")) {
      if (w.label.rfind("Тема № ", 0) == 0) out.push_back(w.value.substr(w.value.find('\t') + 1));
    }
    return out;
  }
  void SetField(const char* label, const char* text) {
    c().Click(label, "input");
    c().PressCtrl(ImGuiKey_A);
    c().Type(text);
    c().Frame();  // the table above the editor shows the change on the next frame
  }
};

bool Has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST_CASE("КТП: pasted rows join the plan, a bad row is reported under the table and stays in the box, the plan is saved") {
  Session t;
  t.OpenPlans();
  CHECK(t.c().Get("Класс", "combo").value == "5А");
  CHECK(t.c().Get("Предмет и учитель", "combo").value == "5А — Математика · Иванова М.\u00a0П.");
  CHECK(t.c().Has("КТП не составлено. Проведено уроков: 0."));
  CHECK(t.c().Has("В КТП пока нет тем: добавьте тему или вставьте строки из таблицы."));

  // Three rows from a spreadsheet, the second without hours.
  t.c().Click("Вставить строки из таблицы", "input");
  t.c().Paste("Натуральные числа\t3\t\nДроби\tмного\t\nКонтрольная работа № 1\t1\tда\n");
  t.c().Click("Добавить строки", "button");
  CHECK(t.Titles() == std::vector<std::string>{"Натуральные числа\t3\t—", "Контрольная работа № 1\t1\tконтрольная работа"});
  CHECK(t.c().Has("Добавлено тем: 2. Не добавлено строк: 1 — они остались в поле, исправьте их и добавьте снова."));
  std::vector<std::string> errors;
  for (const ui::Widget& w : t.c().All("error")) errors.push_back(w.label);
  REQUIRE(errors.size() == 1);
  CHECK(Has(errors[0], "Строка 2 («Дроби | много"));
  CHECK(t.c().Get("Вставить строки из таблицы", "input").value == "Дроби\tмного\t");
  CHECK(t.c().Has("Есть несохранённые изменения."));
  CHECK(t.server.plans.plans.empty());  // nothing is saved before «Сохранить КТП»

  // The bad row corrected in the box and added again.
  t.c().Click("Вставить строки из таблицы", "input");
  t.c().PressCtrl(ImGuiKey_A);
  t.c().Type("Дроби\t4\t");
  t.c().Click("Добавить строки", "button");
  CHECK(t.Titles().size() == 3);
  CHECK(t.c().Has("Добавлено тем: 3.", "notice") == false);  // (the notice counts this paste only)
  CHECK(t.c().Has("Добавлено тем: 1.", "notice"));

  // Edit a row, move it up, add one and remove one.
  t.c().Click("Тема № 3", "row");
  CHECK(t.c().Has("Тема № 3", "text"));
  t.SetField("Часы", "5");
  t.c().Click("↑ Выше", "button");
  CHECK(t.Titles() == std::vector<std::string>{"Натуральные числа\t3\t—", "Дроби\t5\t—",
                                               "Контрольная работа № 1\t1\tконтрольная работа"});
  t.c().Click("Добавить тему", "button");  // after «Дроби», chosen
  t.SetField("Название темы", "Повторение");
  CHECK(t.Titles()[2] == "Повторение\t1\t—");
  t.c().Click("Тема № 1", "row");
  t.c().Click("Удалить тему", "button");
  CHECK(t.Titles() == std::vector<std::string>{"Дроби\t5\t—", "Повторение\t1\t—",
                                               "Контрольная работа № 1\t1\tконтрольная работа"});

  t.c().Click("Сохранить КТП", "button");
  t.Settle();
  const ThematicPlan* saved = t.Plan(1);
  REQUIRE(saved != nullptr);
  CHECK(saved->version == 1);
  CHECK(saved->subject_id == 1);
  REQUIRE(saved->topics.size() == 3);
  CHECK(saved->topics[0] == PlanTopic{"Дроби", 5, false, ""});
  CHECK(saved->topics[1] == PlanTopic{"Повторение", 1, false, ""});
  CHECK(saved->topics[2] == PlanTopic{"Контрольная работа № 1", 1, true, ""});
  CHECK(t.server.ops.back().kind == "plan.set");
  CHECK(t.server.ops.back().base_version == 0);
  CHECK(t.c().Has("КТП сохранён.", "notice"));
  CHECK(t.c().Has("Темы: 3 · 7 ч · контрольных: 1 · версия 1"));
  CHECK_FALSE(t.c().Has("Есть несохранённые изменения."));
  CHECK_FALSE(t.c().Get("Сохранить КТП", "button").enabled);
}

TEST_CASE("КТП: a row the core refuses is named before saving, a stale version is refused and the draft stays") {
  Session t;
  t.OpenPlans();
  t.c().Click("Добавить тему", "button");
  t.c().Click("Сохранить КТП", "button");
  t.Settle();
  CHECK(Has(t.c().app.console().error(), "Тема № 1: "));
  CHECK(t.server.plans.plans.empty());
  t.SetField("Название темы", "Углы");
  t.c().Click("Сохранить КТП", "button");
  t.Settle();
  REQUIRE(t.Plan(1) != nullptr);
  CHECK(t.Plan(1)->version == 1);

  // Someone else saves meanwhile (version 2); our next change is a conflict and stays on screen.
  Operation other;
  other.op_id = "other";
  other.kind = "plan.set";
  other.base_version = 1;
  other.payload = PlanSetPayload(1, 1, {{"Чужая тема", 2, false, ""}});
  Actor head;
  head.roles = {Role::kHead};
  REQUIRE(ApplyPlanOp(t.server.plans, t.server.structure, other, head).ok());
  t.c().Click("Тема № 1", "row");
  t.SetField("Часы", "2");
  t.c().Click("Сохранить КТП", "button");
  t.Settle();
  CHECK_FALSE(t.c().app.console().error().empty());
  CHECK(t.Plan(1)->version == 2);
  CHECK(t.Plan(1)->topics[0].title == "Чужая тема");
  CHECK(t.Titles() == std::vector<std::string>{"Углы\t2\t—"});
  CHECK(t.c().Has("Есть несохранённые изменения."));
}

TEST_CASE("КТП: plan against fact from the group's journal, with the topics behind") {
  Session t;
  t.server.plans.plans.push_back(
      {1, 1, 3, {{"Углы", 2, false, ""}, {"Треугольники", 2, false, ""}, {"Контрольная работа № 1", 1, true, "тест"}}});
  // Two of mathematics' September lessons have a topic written: held; the other twenty are not.
  int written = 0;
  for (auto& [id, l] : t.server.journal.lessons) {
    if (l.lesson.group_id == 1 && written < 2) {
      l.topic = "Углы";
      ++written;
    }
  }
  t.OpenPlans();
  CHECK(t.c().Has("Темы: 3 · 5 ч · контрольных: 1 · версия 3"));
  CHECK(t.Titles()[2] == "Контрольная работа № 1\t1\tтест");
  CHECK(t.c().Has("По плану 5 ч за год · к сегодняшнему дню 5 ч · проведено уроков: 2 (40 % плана)"));
  CHECK(t.c().Has("Итог: отставание на 3 ч"));
  CHECK(t.c().Has("№ 2. Треугольники — 2 ч"));
  CHECK(t.c().Has("№ 3. Контрольная работа № 1 — 1 ч"));
  CHECK_FALSE(t.c().Has("№ 1. Углы — 2 ч"));
  // Another line of the class: Russian has no plan.
  t.c().Choose("Предмет и учитель", "5А — Русский язык · Смирнова О.\u00a0В.");
  t.Settle();
  CHECK(t.c().Has("КТП не составлено. Проведено уроков: 0."));
  CHECK(t.server.journal_reads.back() == 2);
}

TEST_CASE("console navigation: «Планирование» holds four pages in a second row, every page reachable at 768 px") {
  Session t(ImVec2(1366, 768));
  std::vector<std::string> nav;
  for (const ui::Widget& w : t.c().All("tab")) {
    nav.push_back(w.label);
    CHECK_MESSAGE(w.y + w.h <= 768, w.label);
    CHECK_MESSAGE(w.visible, w.label);
  }
  CHECK(std::find(nav.begin(), nav.end(), "Планирование") != nav.end());
  CHECK(std::find(nav.begin(), nav.end(), "Замены") == nav.end());  // inside the group
  t.c().Click("Планирование", "tab");
  t.Settle();
  for (const char* page : {"Расписание", "Замены", "Контрольные работы", "КТП"}) {
    CHECK_MESSAGE(t.c().Has(page, "tab"), page);
  }
  CHECK(t.c().Get("Планирование", "tab").selected);
  CHECK(t.c().Get("Расписание", "tab").selected);
  t.c().Click("Замены", "tab");
  t.Settle();
  CHECK(t.c().app.console().page() == ConsolePage::kSubstitutions);
  // Elsewhere and back: «Планирование» opens the group's last page.
  t.c().Click("Классы", "tab");
  t.Settle();
  CHECK_FALSE(t.c().Has("КТП", "tab"));
  t.c().Click("Планирование", "tab");
  t.Settle();
  CHECK(t.c().app.console().page() == ConsolePage::kSubstitutions);
}

TEST_CASE("console navigation on a phone: «Планирование» is one tab of the row, no planning page in it") {
  Session phone(ImVec2(360, 740));
  REQUIRE(phone.c().Has("Планирование", "tab"));
  for (const char* page : {"Расписание", "Замены", "Контрольные работы", "КТП"}) {
    CHECK_MESSAGE(!phone.c().Has(page, "tab"), page);
  }
}

TEST_CASE("КТП: a CSV file as Excel saves it is read by the core, a bad row stays in the box, a file too big is named") {
  Session t;
  t.OpenPlans();
  t.c().Click("Загрузить CSV-файл…", "button");
  REQUIRE(t.c().env.pick);
  CHECK(Has(t.c().env.pick_accept, ".csv"));
  // The browser read the file (a header, «;», quotes) and hands over its text.
  auto pick = std::move(t.c().env.pick);
  pick("ktp-5a.csv",
       "№;Тема;Часы;Контрольная\r\n1;\"Натуральные числа; повторение\";3;нет\r\n2;Дроби;много;\r\n3;Контрольная работа № 1;1;к/р\r\n", "");
  t.c().Frame();
  CHECK(t.Titles() == std::vector<std::string>{"Натуральные числа; повторение\t3\t—", "Контрольная работа № 1\t1\tконтрольная работа"});
  CHECK(t.c().Has("Из файла «ktp-5a.csv»: добавлено тем: 2. Не добавлено строк: 1 — они остались в поле, исправьте их и добавьте снова."));
  CHECK(t.c().Get("Вставить строки из таблицы", "input").value == "2;Дроби;много;");
  CHECK(t.c().Has("Есть несохранённые изменения."));
  // The buttons stay inside the editor's panel (as wide as the paste box): a second one that
  // does not fit beside the first goes under it.
  const ui::Widget box = t.c().Get("Вставить строки из таблицы", "input");
  for (const char* button : {"Загрузить CSV-файл…", "Отменить изменения", "Добавить строки"}) {
    const ui::Widget w = t.c().Get(button, "button");
    CAPTURE(button);
    CHECK(w.x + w.w <= box.x + box.w + 0.5f);
  }
  // A file the browser could not take: its message, the draft unchanged.
  t.c().Click("Загрузить CSV-файл…", "button");
  REQUIRE(t.c().env.pick);
  pick = std::move(t.c().env.pick);
  pick("фото.jpg", "", "Файл «фото.jpg» больше 1 МБ — это не похоже на таблицу тем.");
  t.c().Frame();
  CHECK(t.c().Has("Файл «фото.jpg» больше 1 МБ — это не похоже на таблицу тем.", "error"));
  CHECK(t.Titles().size() == 2);
  CHECK(t.server.plans.plans.empty());  // nothing is saved before «Сохранить КТП»
}

}  // namespace
}  // namespace ej::test
