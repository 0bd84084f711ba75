// The family's cabinet, driven headlessly against the fake server: a parent of two children
// lands on the first child's week, switches children, sees a mark the teacher entered, walks
// the weeks, opens the sections; what is new is flagged once; the phone layout is one column.
#include <doctest/doctest.h>

#include "headless_client.h"

namespace ej::test {
namespace {

using web::DiarySection;
using web::Screen;

Date D(const char* iso) { return *Date::ParseIso(iso); }

// «roditel» (account 9) with Белов Артём (201, 5А: mathematics and Russian every weekday of
// September) and Волков Никита (203, 5Б: no lessons); server and device on Monday 14.09.2026.
struct Family {
  FakeServer server;
  std::unique_ptr<HeadlessClient> client;
  explicit Family(ImVec2 size = ImVec2(1366, 900), bool settle = true) {
    server.AddJournalSchool();
    server.AddFamily();
    server.session = 9;
    client = std::make_unique<HeadlessClient>(server, size);
    client->env.today = D("2026-09-14");
    if (settle) client->Settle(server);
  }
  HeadlessClient& c() { return *client; }
  web::DiaryCabinet& diary() { return client->app.diary(); }
  int64_t LessonOn(int64_t group, const char* iso) {
    for (const auto& [id, l] : server.journal.lessons) {
      if (l.lesson.group_id == group && l.lesson.date == D(iso)) return id;
    }
    FAIL("no lesson");
    return 0;
  }
  // The mathematics teacher (Иванова, account 7) gives a mark through the server.
  std::string Mark(int64_t lesson, int64_t student, const std::string& value, const std::string& type = "answer") {
    Operation op;
    static int n = 0;
    std::string num = std::to_string(++n);
    op.op_id = "6d61726b-0000-4000-8000-" + std::string(12 - num.size(), '0') + num;
    op.kind = std::string(op_kind::kMarkAdd);
    op.payload = MarkAddPayload(lesson, student, value, type);
    OpResult r = server.PushAs(7, op);
    REQUIRE_MESSAGE(r.outcome == OpOutcome::kApplied, r.error.message());
    return op.op_id;
  }
  size_t DiaryReads(const std::string& needle) {
    size_t n = 0;
    for (const auto& r : server.requests) n += r.path.rfind(std::string(protocol::route::kDiary) + "?", 0) == 0 &&
                                               r.path.find(needle) != std::string::npos;
    return n;
  }
};

TEST_CASE("a parent of two children lands on the first child's week and switches to the other") {
  Family f;
  REQUIRE(f.c().app.screen() == Screen::kDiary);
  CHECK(f.c().app.ready());
  REQUIRE(f.diary().children().size() == 2);
  CHECK(f.c().Get("Артём, 5А", "tab").selected);
  CHECK_FALSE(f.c().Get("Никита, 5Б", "tab").selected);
  REQUIRE(f.diary().diary().has_value());
  CHECK(f.diary().diary()->student_id == 201);
  CHECK(f.c().Has("Белов Артём Игоревич, 5А", "heading"));
  CHECK(f.c().Has("14–20 сентября 2026"));
  CHECK(f.c().Has("Понедельник, 14 сентября · сегодня"));
  CHECK(f.c().Has("Математика"));
  CHECK(f.c().Has("Русский язык"));
  CHECK(f.DiaryReads("student_id=201&from=2026-09-14&to=2026-09-20") == 1);

  f.c().Click("Никита, 5Б", "tab");
  f.c().Settle(f.server);
  CHECK(f.c().Get("Никита, 5Б", "tab").selected);
  REQUIRE(f.diary().diary().has_value());
  CHECK(f.diary().diary()->student_id == 203);
  CHECK(f.c().Has("Волков Никита, 5Б", "heading"));
  CHECK_FALSE(f.c().Has("Математика"));
  CHECK(f.c().Has("Уроков нет."));
  CHECK(f.DiaryReads("student_id=203") == 1);
}

TEST_CASE("a mark the teacher entered is in the week with its type; the weeks before and after") {
  Family f;
  f.Mark(f.LessonOn(1, "2026-09-14"), 201, "5", "control");
  f.Mark(f.LessonOn(1, "2026-09-14"), 202, "2");  // a classmate's mark is never shown
  f.diary().ShiftWeek(0);                         // nothing changes: this week is shown
  f.c().Click("Никита, 5Б", "tab");
  f.c().Settle(f.server);
  f.c().Click("Артём, 5А", "tab");
  f.c().Settle(f.server);
  const ui::Widget& mark = f.c().Get("Отметка 5 · Математика · 14.09", "text");
  CHECK(mark.value.find("Контрольная работа") != std::string::npos);
  CHECK_FALSE(f.c().Has("Отметка 2 · Математика · 14.09"));

  f.c().Click("Неделя вперёд →", "button");
  f.c().Settle(f.server);
  CHECK(f.diary().monday() == D("2026-09-21"));
  CHECK(f.c().Has("21–27 сентября 2026"));
  CHECK(f.DiaryReads("student_id=201&from=2026-09-21&to=2026-09-27") == 1);
  f.c().Click("К текущей неделе", "button");
  f.c().Settle(f.server);
  CHECK(f.diary().monday() == D("2026-09-14"));
  f.c().Click("← Неделя назад", "button");
  f.c().Settle(f.server);
  CHECK(f.c().Has("7–13 сентября 2026"));
  // Across a month: both months named.
  f.diary().ShiftWeek(-1);
  f.c().Settle(f.server);
  CHECK(f.c().Has("31 августа\u00A0— 6 сентября 2026"));
}

TEST_CASE("the sections: marks with the average and finals, control works, recommendations, teachers, holidays") {
  Family f(ImVec2(1366, 900), false);
  f.server.control_works.works.push_back(ControlWork{1, 1, 1, D("2026-09-17"), 0, "контрольная работа", "Дроби"});
  Recommendation rec;
  rec.id = "rec-1";
  rec.student_id = 201;
  rec.group_id = 1;
  rec.author_id = 101;
  rec.date = D("2026-09-11");
  rec.text = "Повторить таблицу умножения.";
  f.server.recommendations.items[rec.id] = rec;
  f.Mark(f.LessonOn(1, "2026-09-14"), 201, "5", "control");
  f.Mark(f.LessonOn(1, "2026-09-14"), 201, "4");
  f.c().Settle(f.server);
  // The week: the control work on its lesson and in the changes; the recommendation on the side.
  CHECK(f.c().Has("Контрольная: контрольная работа «Дроби»"));
  CHECK(f.c().Has("Изменения"));
  CHECK(f.c().Has("Повторить таблицу умножения."));

  f.c().Click("Оценки", "tab");
  f.c().Frame();
  CHECK(f.diary().section() == DiarySection::kMarks);
  // (5×3 + 4×1) / 4 = 4,75: the core's weighted average, drawn as it came.
  CHECK(f.c().Has("4,75", "heading"));
  CHECK(f.c().Has("Математика · 14.09 · 5"));
  CHECK(f.c().Has("Оценки: Учебный год"));

  f.c().Click("Контрольные", "tab");
  f.c().Frame();
  CHECK(f.c().Has("Четверг, 17 сентября"));
  CHECK(f.c().Has("Математика\u00A0— контрольная работа «Дроби»"));

  f.c().Click("Рекомендации", "tab");
  f.c().Frame();
  CHECK(f.c().Has("Повторить таблицу умножения."));
  CHECK(f.c().Has("11.09.2026 · Математика · Иванова М.\u00A0П."));

  f.c().Click("Учителя", "tab");
  f.c().Frame();
  CHECK(f.c().Has("Классный руководитель"));
  CHECK(f.c().Has("Иванова Мария Петровна"));
  CHECK(f.c().Has("Смирнова Ольга Викторовна"));

  f.c().Click("Каникулы", "tab");
  f.c().Frame();
  CHECK(f.c().Has("На этой неделе каникул нет."));
}

TEST_CASE("what arrived since the last visit is flagged, and the diary is marked seen once") {
  Family f(ImVec2(1366, 900), false);
  f.server.diary_seen[{9, 201}] = 0;  // a visit before anything was entered
  std::string mark = f.Mark(f.LessonOn(1, "2026-09-14"), 201, "4");
  f.c().Settle(f.server);
  REQUIRE(f.diary().diary().has_value());
  CHECK(f.diary().diary()->new_count == 1);
  CHECK(f.c().Has("Новое с прошлого посещения: 1. Отмечено синим.", "notice"));
  CHECK(f.c().Get("Отметка 4 · Математика · 14.09", "text").value.find("новая") != std::string::npos);
  // Marked seen up to the answer's seq, once.
  auto seen = f.server.Sent("POST", std::string(protocol::route::kDiarySeen) + "?student_id=201&seq=1");
  CHECK(seen.size() == 1);
  CHECK(f.server.diary_seen[{9, 201}] == 1);
  // The next load: nothing new.
  f.c().Click("Неделя вперёд →", "button");
  f.c().Settle(f.server);
  f.c().Click("К текущей неделе", "button");
  f.c().Settle(f.server);
  CHECK(f.diary().diary()->new_count == 0);
  CHECK_FALSE(f.c().Has("Новое с прошлого посещения: 1. Отмечено синим."));
  CHECK(f.server.Sent("POST", std::string(protocol::route::kDiarySeen) + "?student_id=201&seq=1").size() == 1);
}

TEST_CASE("on a phone (360×740) the diary is one column with large touch targets") {
  Family f(ImVec2(360, 740));
  f.Mark(f.LessonOn(1, "2026-09-14"), 201, "5");
  f.c().Click("Никита, 5Б", "tab");
  f.c().Settle(f.server);
  f.c().Click("Артём, 5А", "tab");
  f.c().Settle(f.server);
  REQUIRE(f.c().app.screen() == Screen::kDiary);
  for (const ui::Widget& w : ui::Widgets()) {
    if (!w.visible) continue;
    CAPTURE(w.label);
    CHECK(w.x >= 0);
    CHECK(w.x + w.w <= 360.5f);
  }
  const ui::Widget& prev = f.c().Get("←", "button");
  const ui::Widget& next = f.c().Get("→", "button");
  CHECK(prev.h >= 44);
  CHECK(next.w >= 44);
  CHECK(f.c().Get("Артём, 5А", "tab").h >= 44);
  // One column: the days' captions start at the same x, one under the other.
  const ui::Widget& mon = f.c().Get("Понедельник, 14 сентября · сегодня");
  const ui::Widget& tue = f.c().Get("Вторник, 15 сентября");
  CHECK(mon.x == tue.x);
  CHECK(tue.y > mon.y);
  CHECK(f.c().Get("Отметка 5 · Математика · 14.09", "text").x < 180);
}

TEST_CASE("a student opens their own diary, without a child switcher") {
  FakeServer server;
  server.AddJournalSchool();
  server.AddFamily();
  server.session = 10;
  HeadlessClient client(server);
  client.env.today = D("2026-09-14");
  client.Settle(server);
  REQUIRE(client.app.screen() == Screen::kDiary);
  REQUIRE(client.app.diary().diary().has_value());
  CHECK(client.app.diary().diary()->student_id == 201);
  CHECK(client.All("tab").size() == 6);  // the sections only
  CHECK(client.Has("Белов Артём Игоревич, 5А", "heading"));
}

}  // namespace
}  // namespace ej::test
