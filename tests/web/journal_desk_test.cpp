// The teacher's journal, driven headlessly against the fake server: the grid, keyboard entry,
// the local copy applied at once, refusals kept in view, lost answers re-sent, the lesson
// panel and the finals.
#include <doctest/doctest.h>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::Screen;

Date D(const char* iso) { return *Date::ParseIso(iso); }

// «uchitel» (Иванова, 101: mathematics of 5А, class teacher of 5А) on her journal, the server
// and the device both on 14.09.2026.
struct Desk {
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  explicit Desk(ImVec2 size = ImVec2(1366, 900)) {
    server.AddJournalSchool();
    server.session = 7;
    client = std::make_unique<HeadlessClient>(server, size);
    client->env.today = D("2026-09-14");
    client->Settle(server);
  }
  HeadlessClient& c() { return *client; }
  const web::JournalDesk& desk() { return client->app.desk(); }
  size_t ServerMarks(int64_t student) {
    size_t n = 0;
    for (const auto& [id, m] : server.journal.marks) n += m.student_id == student;
    return n;
  }
  // Selects a cell by clicking it.
  void Select(const std::string& label) { c().Click(label, "cell"); }
  // Types into the selected cell; the next frame draws what it did.
  void Key(std::string_view text) {
    c().Type(text);
    c().Frame();
  }
};

TEST_CASE("a teacher lands on the journal of their group: students × lessons, the latest lessons in view") {
  Desk t;
  REQUIRE(t.c().app.screen() == Screen::kJournal);
  CHECK(t.c().app.ready());
  CHECK(t.c().Get("Группа", "combo").value == "5А — Математика");
  const web::JournalDesk& desk = t.desk();
  REQUIRE(desk.grid() != nullptr);
  REQUIRE(desk.grid()->rows.size() == 3);
  CHECK(desk.grid()->rows[0].name == "Андреева Дарья");
  CHECK(desk.grid()->rows[2].name == "Григорьева Алиса");
  // Today's lesson is on screen, with its cells.
  CHECK(t.c().Has("Белов Артём · 14.09", "cell"));
  CHECK(t.c().Has("Все изменения сохранены."));
  CHECK(!t.server.journal_reads.empty());
}

TEST_CASE("a digit in the selected cell is a mark at once, then on the server, letters are attendance") {
  Desk t;
  t.Select("Белов Артём · 14.09");
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").selected);
  t.Key("5");
  // Drawn from the local copy before the server answers.
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value == "5");
  CHECK(t.desk().outbox_size() == 1);
  CHECK(t.ServerMarks(201) == 0);
  t.c().Settle(t.server);
  CHECK(t.ServerMarks(201) == 1);
  CHECK(t.desk().outbox_size() == 0);
  CHECK(t.c().Has("Все изменения сохранены."));

  // Enter moves down; «о» waits for «п»: «оп» is one code.
  t.c().Press(ImGuiKey_Enter);
  CHECK(t.c().Get("Григорьева Алиса · 14.09", "cell").selected);
  t.Key("о");
  CHECK(t.c().Get("Григорьева Алиса · 14.09", "cell").value.empty());
  t.Key("п");
  CHECK(t.c().Get("Григорьева Алиса · 14.09", "cell").value == "оп");
  t.c().Press(ImGuiKey_UpArrow);
  t.Key("н");
  t.c().Settle(t.server);
  // «н» over a mark: both in the cell; the server has both.
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value == "н 5");
  bool found = false;
  for (const auto& [key, a] : t.server.journal.attendance) found = found || (key.second == 201 && a.code == "н");
  CHECK(found);

  // The Latin key in the place of «б» on a Russian keyboard («,») gives «б»: no layout switching.
  t.c().Press(ImGuiKey_DownArrow);
  t.Key(",");
  CHECK(t.c().Get("Григорьева Алиса · 14.09", "cell").value == "б");
  t.c().Press(ImGuiKey_UpArrow);

  // Delete takes the last mark away, then the attendance.
  t.c().Press(ImGuiKey_Delete);
  t.c().Settle(t.server);
  CHECK(t.ServerMarks(201) == 0);
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value == "н");
  t.c().Press(ImGuiKey_Delete);
  t.c().Settle(t.server);
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value.empty());
}

TEST_CASE("a change the core refuses is explained at once and never sent") {
  Desk t;
  // 15.09 is tomorrow: a lesson not yet held takes no marks.
  t.Select("Белов Артём · 15.09");
  size_t sent = t.server.ops.size();
  t.Key("4");
  CHECK(t.server.ops.size() == sent);
  CHECK(t.desk().outbox_size() == 0);
  CHECK_FALSE(t.desk().correction_pending());
  REQUIRE(!t.desk().problems().empty());
  CHECK(t.c().Get("Белов Артём · 15.09", "cell").value.empty());
  t.c().Click("Понятно");
  CHECK(t.desk().problems().empty());
}

TEST_CASE("a mark after the deadline waits for a reason, is sent with it, and is never lost on cancel") {
  Desk t;
  // 01.09 is past the 7-day mark deadline: the core asks for a reason.
  t.Select("Белов Артём · 01.09");
  size_t sent = t.server.ops.size();
  t.Key("4");
  CHECK(t.server.ops.size() == sent);
  CHECK(t.desk().outbox_size() == 0);
  CHECK(t.desk().problems().empty());
  REQUIRE(t.desk().correction_pending());
  CHECK(t.c().Has("Нужна причина исправления"));
  bool described = false;
  for (const ui::Widget& w : t.c().All("text")) described = described || (w.label.find("Отметка «4» — Белов") == 0 && w.label.find("01.09.2026") != std::string::npos);
  CHECK(described);
  // No reason: the prompt stays and says why.
  t.c().Click("Сохранить с причиной");
  CHECK(t.desk().correction_pending());
  CHECK(t.c().Has("Укажите причину исправления.", "error"));
  t.c().Fill("Причина", "болел, писал работу позже");
  t.c().Click("Сохранить с причиной");
  t.c().Settle(t.server);
  CHECK_FALSE(t.desk().correction_pending());
  REQUIRE(t.server.ops.size() == sent + 1);
  CHECK(t.server.ops.back().kind == "mark.add");
  CHECK(t.server.ops.back().payload["reason"] == "болел, писал работу позже");
  CHECK(t.ServerMarks(201) == 1);
  CHECK(t.c().Get("Белов Артём · 01.09", "cell").value == "4");
  CHECK(t.c().Has("Исправление сохранено с причиной «болел, писал работу позже».", "notice"));

  // «Отменить изменение» discards only that change: nothing is sent.
  t.Select("Григорьева Алиса · 01.09");
  t.Key("5");
  REQUIRE(t.desk().correction_pending());
  t.c().Click("Отменить изменение");
  t.c().Settle(t.server);
  CHECK_FALSE(t.desk().correction_pending());
  CHECK(t.server.ops.size() == sent + 1);
  CHECK(t.ServerMarks(204) == 0);
}

TEST_CASE("in a locked period a change becomes a request to the deputy, with its reason") {
  Desk t;
  t.server.journal.locked_periods.insert(1);  // the fake school's one period
  t.c().Choose("Группа", "5А — Русский язык");  // a reload brings the lock
  t.c().Settle(t.server);
  t.c().Choose("Группа", "5А — Математика");
  t.c().Settle(t.server);
  t.Select("Белов Артём · 14.09");
  t.Key("3");
  REQUIRE(t.desk().correction_pending());
  CHECK(t.c().Has("Период закрыт: нужна заявка"));
  t.c().Fill("Причина", "ошибка при вводе");
  t.c().Click("Отправить заявку заместителю");
  t.c().Settle(t.server);
  CHECK_FALSE(t.desk().correction_pending());
  REQUIRE(!t.server.ops.empty());
  CHECK(t.server.ops.back().kind == "correction.request");
  CHECK(t.server.ops.back().payload["reason"] == "ошибка при вводе");
  CHECK(t.server.ops.back().payload["op"]["kind"] == "mark.add");
  REQUIRE(t.server.journal.requests.size() == 1);
  CHECK(t.server.journal.requests.begin()->second.state == RequestState::kPending);
  CHECK(t.ServerMarks(201) == 0);  // the mark waits for the deputy
  CHECK(t.c().Has("Заявка на исправление отправлена заместителю директора: изменение внесут после её одобрения.", "notice"));
}

TEST_CASE("the cell panel: a mark's type and comment are changed, the next mark's type chosen, fill-down") {
  Desk t;
  t.Select("Андреева Дарья · 14.09");
  t.c().Choose("Вид работы для новых отметок", "Контрольная работа");
  t.Key("5");
  t.c().Settle(t.server);
  REQUIRE(t.server.journal.marks.size() == 1);
  CHECK(t.server.journal.marks.begin()->second.type == "control");
  t.c().Fill("Комментарий", "лучшая работа в классе");
  t.c().Choose("Вид работы", "Ответ на уроке");
  t.c().Click("Сохранить");
  t.c().Settle(t.server);
  const Mark& m = t.server.journal.marks.begin()->second;
  CHECK(m.type == "answer");
  CHECK(m.comment == "лучшая работа в классе");
  CHECK(m.version == 2);

  // Fill-down: «н» in the first row goes to the empty cells below, not over a mark.
  t.Select("Андреева Дарья · 11.09");
  t.Key("н");
  t.Select("Григорьева Алиса · 11.09");
  t.Key("4");
  t.Select("Андреева Дарья · 11.09");
  t.c().Click("Заполнить вниз");
  t.c().Settle(t.server);
  CHECK(t.c().Get("Белов Артём · 11.09", "cell").value == "н");
  CHECK(t.c().Get("Григорьева Алиса · 11.09", "cell").value == "4");
  int64_t lesson = 0;
  for (const auto& c : t.desk().grid()->columns) if (c.title == "11.09") lesson = c.lesson_id;
  REQUIRE(t.server.journal.FindAttendance(lesson, 201));
  CHECK(t.server.journal.FindAttendance(lesson, 201)->code == "н");
  CHECK(!t.server.journal.FindAttendance(lesson, 204));
}

TEST_CASE("a recommendation to a student is sent from the cell panel and kept when it fails") {
  Desk t;
  t.Select("Белов Артём · 14.09");
  t.server.unreachable = true;
  t.c().Fill("Рекомендация ученику (увидят ученик и родители)", "Повторить таблицу умножения на 7");
  t.c().Click("Отправить рекомендацию");
  t.c().Settle(t.server);
  CHECK(t.c().Has("Нет связи с сервером: рекомендация не отправлена, текст сохранён. Повторите позже.", "error"));
  CHECK(t.c().Get("Рекомендация ученику (увидят ученик и родители)", "input").value == "Повторить таблицу умножения на 7");
  t.server.unreachable = false;
  t.c().Click("Отправить рекомендацию");
  t.c().Settle(t.server);
  REQUIRE(t.server.recommendations.items.size() == 1);
  const Recommendation& r = t.server.recommendations.items.begin()->second;
  CHECK(r.student_id == 201);
  CHECK(r.group_id == 1);
  CHECK(r.text == "Повторить таблицу умножения на 7");
  CHECK(r.author_id == 101);
  CHECK(t.c().Has("Рекомендация отправлена: её увидят ученик и родители в дневнике.", "notice"));
  CHECK(t.c().Get("Рекомендация ученику (увидят ученик и родители)", "input").value.empty());
}

TEST_CASE("«Итоги года»: period marks, the proposal, the year mark chosen and saved") {
  Desk t;
  for (const auto& [student, value] : {std::pair{201, "4"}, std::pair{204, "5"}}) {
    t.server.journal.finals[{1, student, FinalKind::kPeriod, 1}] = FinalMark{{1, student, FinalKind::kPeriod, 1}, value, 1};
  }
  t.c().Choose("Период", "Итоги года");
  t.c().Settle(t.server);
  const YearGrid* y = t.desk().year();
  REQUIRE(y);
  CHECK(t.desk().grid() == nullptr);
  REQUIRE(y->periods.size() == 1);  // the fake school's year is one period
  CHECK(t.c().Has("Годовая"));
  REQUIRE(y->rows.size() == 3);
  CHECK(y->rows[1].period_values[0] == "4");
  CHECK(y->rows[1].proposed == "4");
  CHECK(y->rows[0].proposed.empty());  // Андреева has no period mark
  t.c().Click("Белов Артём", "row");
  CHECK(t.c().Has("Четвертные (полугодовые): 4. Предлагается годовая «4»."));
  CHECK(t.c().Has("Выставить"));
  CHECK(t.c().Get("Значение", "combo").value == "4");
  t.c().Choose("Значение", "5");
  t.c().Click("Выставить");
  t.c().Settle(t.server);
  const FinalMark* f = t.server.journal.FindFinal({1, 201, FinalKind::kYear, 0});
  REQUIRE(f);
  CHECK(f->value == "5");  // the teacher's choice, the proposal still shown beside it
  CHECK(t.desk().year()->rows[1].year_value == "5");
  CHECK(t.desk().year()->rows[1].proposed == "4");
}

TEST_CASE("the class teacher's summary: every subject of the class, averages, absences") {
  Desk t;
  t.Select("Белов Артём · 14.09");
  t.Key("5");
  t.Select("Белов Артём · 11.09");
  t.Key("н");
  t.c().Settle(t.server);
  t.c().Choose("Группа", "5А — сводная ведомость класса");
  t.c().Settle(t.server);
  const ClassSummary* sum = t.desk().summary();
  REQUIRE(sum);
  CHECK(t.desk().grid() == nullptr);
  CHECK(sum->class_name == "5А");
  REQUIRE(sum->columns.size() == 2);
  REQUIRE(sum->rows.size() == 3);
  CHECK(sum->rows[1].name == "Белов Артём");
  CHECK(sum->missed == 1);
  CHECK(t.c().Has("Матем."));
  CHECK(t.c().Has("Рус. яз."));
  CHECK(t.c().Has("5А · Учебный год · пропущено уроков: 1, без уважительной причины: 1"));
  bool found = false;
  for (const ui::Widget& w : t.c().All("row")) found = found || (w.label.find("Белов Артём") == 0 && w.value.find("5,00") != std::string::npos);
  CHECK(found);
}

TEST_CASE("a conflict with another user's entry is shown with both values, the journal shows the server's") {
  Desk t;
  int64_t lesson = t.desk().grid()->columns[9].lesson_id;  // 14.09
  // Someone else marks Белов absent on the server after the page was loaded.
  t.server.journal.attendance[{lesson, 201}] = AttendanceMark{lesson, 201, "б", 1};
  t.Select("Белов Артём · 14.09");
  t.Key("н");
  t.c().Settle(t.server);
  REQUIRE(!t.desk().problems().empty());
  std::string problem = t.desk().problems().back();
  CHECK(problem.find("«н»") != std::string::npos);   // what the user wanted
  CHECK(problem.find("«б»") != std::string::npos);   // what is there now
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value == "б");
  CHECK(t.server.journal.FindAttendance(lesson, 201)->code == "б");
}

TEST_CASE("with the answers lost, the marks wait and are re-sent with the same ids: one effect") {
  Desk t;
  t.server.lose_answers = true;
  t.Select("Андреева Дарья · 14.09");
  t.Key("4");
  t.c().Settle(t.server);
  CHECK(t.desk().outbox_size() == 1);
  CHECK(t.c().Has("Нет связи с сервером: 1 изменение ждёт отправки. Ничего не потеряно."));
  CHECK(t.c().Get("Андреева Дарья · 14.09", "cell").value == "4");
  t.server.lose_answers = false;
  t.c().Frame(6.0f);  // the retry is due
  t.c().Settle(t.server);
  CHECK(t.desk().outbox_size() == 0);
  CHECK(t.ServerMarks(202) == 1);  // applied once although sent twice
  CHECK(t.server.ops.size() == 2);
  CHECK(t.server.ops[0].op_id == t.server.ops[1].op_id);
}

TEST_CASE("the lesson panel saves the topic and the homework with its time") {
  Desk t;
  t.c().Click("08.09", "header");
  CHECK(t.c().Has("Урок 08.09, 2-й урок", "heading"));
  t.c().Fill("Тема", "Натуральные числа");
  t.c().Fill("Домашнее задание", "№ 12, 15");
  t.c().Fill("Время, мин", "25");
  t.c().Click("Сохранить урок");
  t.c().Settle(t.server);
  const JournalLesson* l = t.server.journal.FindLesson(t.desk().grid()->columns[5].lesson_id);
  REQUIRE(l);
  CHECK(l->topic == "Натуральные числа");
  CHECK(l->homework.text == "№ 12, 15");
  CHECK(l->homework.minutes == 25);
  // Bad minutes are refused on the panel, nothing sent.
  size_t sent = t.server.ops.size();
  t.c().Fill("Время, мин", "полчаса");
  t.c().Click("Сохранить урок");
  CHECK(t.c().Has("Время на задание — целое число минут.", "error"));
  CHECK(t.server.ops.size() == sent);
}

TEST_CASE("the lesson panel: homework due for a chosen later lesson, and the lesson's notes") {
  Desk t;
  t.c().Click("08.09", "header");
  REQUIRE(t.c().Has("Урок 08.09, 2-й урок", "heading"));
  const int64_t lesson = t.desk().grid()->columns[5].lesson_id;
  // The choices: the next lesson (the default), then the group's later lessons by day.
  const ui::Widget& due = t.c().Get("Задано к", "combo");
  CHECK(due.value == "К следующему уроку");
  t.c().Fill("Домашнее задание", "№ 20–25");
  t.c().Choose("Задано к", "К уроку чт, 10.09");
  t.c().Fill("Примечание к уроку", "Урок проведён в компьютерном классе");
  t.c().Click("Сохранить урок");
  t.c().Settle(t.server);
  const JournalLesson* l = t.server.journal.FindLesson(lesson);
  REQUIRE(l);
  CHECK(l->homework.text == "№ 20–25");
  const JournalLesson* on = t.server.journal.FindLesson(l->homework.due_lesson_id);
  REQUIRE(on);
  CHECK(on->lesson.date == D("2026-09-10"));
  CHECK(l->notes == "Урок проведён в компьютерном классе");
  CHECK(t.server.ops.back().kind == "lesson.set_notes");
  // Opened again, the panel shows what is stored.
  t.c().Click("Закрыть");
  t.c().Click("08.09", "header");
  CHECK(t.c().Get("Задано к", "combo").value == "К уроку чт, 10.09");
  CHECK(t.c().Get("Примечание к уроку").value == "Урок проведён в компьютерном классе");
}

TEST_CASE("the final for the period: the average and the proposal shown, the teacher's choice saved") {
  Desk t;
  for (const char* day : {"14.09", "11.09", "10.09"}) {
    t.Select(std::string("Белов Артём · ") + day);
    t.Key(day[1] == '4' ? "5" : "4");
  }
  t.c().Settle(t.server);
  CHECK(t.desk().grid()->rows[1].average == "4,33");
  CHECK(t.desk().grid()->rows[1].proposed == "4");
  t.Select("Белов Артём · итог");
  CHECK(t.c().Has("Средневзвешенный балл 4,33 (3 отм.), предлагается «4»."));
  CHECK(t.c().Get("Отметка за период", "combo").value == "4");
  t.c().Choose("Отметка за период", "5");
  t.c().Click("Выставить");
  t.c().Settle(t.server);
  const FinalMark* f = t.server.journal.FindFinal({1, 201, FinalKind::kPeriod, 1});
  REQUIRE(f);
  CHECK(f->value == "5");
  CHECK(t.c().Get("Белов Артём · итог", "cell").value == "5");
}

TEST_CASE("the class teacher reads the other subjects of the class, without writing") {
  Desk t;
  t.c().Choose("Группа", "5А — Русский язык");
  t.c().Settle(t.server);
  CHECK(t.c().Has("Только просмотр: записи в этой группе делает её учитель."));
  t.Select("Белов Артём · 14.09");
  size_t sent = t.server.ops.size();
  t.Key("5");
  t.c().Settle(t.server);
  CHECK(t.server.ops.size() == sent);
  CHECK(t.c().Get("Белов Артём · 14.09", "cell").value.empty());
}

TEST_CASE("on a phone the grid shows fewer lessons and pages through them") {
  Desk t(ImVec2(360, 740));
  CHECK(t.c().Has("Белов Артём · 14.09", "cell"));
  CHECK(!t.c().Has("Белов Артём · 01.09", "cell"));
  for (const ui::Widget& w : t.c().All("cell")) CHECK(w.x + w.w <= 360);
  t.c().Click("← Раньше");
  CHECK(!t.c().Has("Белов Артём · 14.09", "cell"));
  CHECK(t.c().Has("Белов Артём · 10.09", "cell"));
}

}  // namespace
}  // namespace ej::test
