// The КТП editor's rules: which workload lines a user sees and edits, lessons held from a
// journal, and the topics behind.
#include <doctest/doctest.h>

#include <algorithm>

#include "plan_editor.h"
#include "planning_school.h"

namespace ej {
namespace {

using testing::D;
using testing::PlanningSchool;

std::vector<int64_t> Groups(const std::vector<PlanLine>& lines) {
  std::vector<int64_t> out;
  for (const PlanLine& l : lines) out.push_back(l.group_id);
  return out;
}

JournalLesson Held(int64_t id, int64_t group, const char* date, const char* topic) {
  JournalLesson l;
  l.lesson.id = id;
  l.lesson.group_id = group;
  l.lesson.date = D(date);
  l.topic = topic;
  return l;
}

}  // namespace

TEST_CASE("plan editor: the deputy edits every line, a teacher sees and edits only their own") {
  PlanningSchool sc;
  auto all = PlanLinesFor(sc.s, TeachingActor(sc.s, PlanningSchool::Deputy()), sc.year);
  // Every workload line, by class (2А, 5А, 5Б), then subject, then group.
  CHECK(Groups(all) == std::vector<int64_t>{sc.g_math2a, sc.g_rus2a, sc.g_en1, sc.g_en2, sc.g_math5a, sc.g_rus5a,
                                            sc.g_math5b});
  CHECK(std::all_of(all.begin(), all.end(), [](const PlanLine& l) { return l.editable; }));
  CHECK(all[4].label == "5А — Математика · Цветкова Т.\u00a0А.");
  CHECK(all[4].class_id == sc.c5a);
  CHECK(all[4].hours == 5);
  CHECK(all[4].subject_id == sc.math);

  // Цветкова (t1) teaches mathematics of 5А and the first English subgroup: those two only.
  auto own = PlanLinesFor(sc.s, TeachingActor(sc.s, PlanningSchool::Teacher(sc.t1)), sc.year);
  CHECK(Groups(own) == std::vector<int64_t>{sc.g_en1, sc.g_math5a});
  CHECK(std::all_of(own.begin(), own.end(), [](const PlanLine& l) { return l.editable; }));

  // Румянцев (t2) leads 5А: he reads its other lines but edits only his own.
  auto led = PlanLinesFor(sc.s, TeachingActor(sc.s, sc.ClassTeacher5A()), sc.year);
  std::vector<int64_t> editable;
  for (const PlanLine& l : led) {
    if (l.editable) editable.push_back(l.group_id);
  }
  CHECK(Groups(led) == std::vector<int64_t>{sc.g_en1, sc.g_en2, sc.g_math5a, sc.g_rus5a, sc.g_math5b});
  CHECK(editable == std::vector<int64_t>{sc.g_en2, sc.g_rus5a, sc.g_math5b});
}

TEST_CASE("plan editor: lessons held up to the day from the journal, and the topics behind") {
  PlanningSchool sc;
  Journal j;
  j.lessons.emplace(1, Held(1, sc.g_math5a, "2026-09-01", "Углы"));
  j.lessons.emplace(2, Held(2, sc.g_math5a, "2026-09-02", "Углы"));
  j.lessons.emplace(3, Held(3, sc.g_math5a, "2026-09-03", "  "));  // no topic: not held
  j.lessons.emplace(4, Held(4, sc.g_math5a, "2026-09-04", ""));
  j.lessons.emplace(5, Held(5, sc.g_math5a, "2026-09-07", "Углы"));  // after the day
  j.lessons.emplace(6, Held(6, sc.g_rus5a, "2026-09-01", "Фонетика"));  // another group
  j.Reindex();
  LessonsHeld h = CountLessonsHeld(j, sc.g_math5a, D("2026-09-04"));
  CHECK(h.group_id == sc.g_math5a);
  CHECK(h.held == 2);
  CHECK(h.scheduled_to_date == 4);

  ThematicPlans plans;
  plans.plans.push_back({sc.g_math5a, sc.math, 1,
                         {{"Углы", 2, false, ""}, {"Треугольники", 1, false, ""}, {"Контрольная работа № 1", 1, true, ""},
                          {"Дроби", 5, false, ""}}});
  PlanFact fact = PlanAgainstFact(sc.s, plans, {h}).front();
  CHECK(fact.expected == 4);
  CHECK(fact.message == "отставание на 2 ч");
  auto behind = TopicsBehind(plans.plans[0], fact);
  REQUIRE(behind.size() == 2);
  CHECK(behind[0].topic->title == "Треугольники");
  CHECK(behind[1].topic->title == "Контрольная работа № 1");
  CHECK(behind[1].index == 2);
  // On plan: nothing behind.
  fact.held = fact.expected;
  CHECK(TopicsBehind(plans.plans[0], fact).empty());
}

}  // namespace ej
