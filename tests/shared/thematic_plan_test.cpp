#include <doctest/doctest.h>

#include "planning_school.h"
#include "thematic_plan.h"

namespace ej {
namespace {

using testing::PlanningSchool;

std::vector<PlanTopic> Topics(std::initializer_list<PlanTopic> list) { return list; }

// The reason given for the only rejected row of a one-row import.
std::string ReasonFor(std::string_view text) {
  PlanRows rows = ParsePlanRows(text);
  REQUIRE_MESSAGE(rows.rejected.size() == 1, text);
  CHECK(rows.topics.empty());
  return rows.rejected[0].reason;
}

}  // namespace

TEST_CASE("rows pasted from a spreadsheet with a Russian header become topics") {
  PlanRows rows = ParsePlanRows(
      "№\tТема\tЧасы\tКонтрольная\n"
      "1\tНатуральные числа и нуль\t4\t\n"
      "2\tДействия с натуральными числами\t6\tнет\n"
      "3\tКонтрольная работа № 1\t1\tда\n"
      "4\tДиктант по теме «Орфограммы корня»\t1\tДиктант\n"
      "\n"
      "5\tСвойства сложения\t2 ч\t+\n");
  CHECK(rows.header);
  CHECK(rows.rejected.empty());
  REQUIRE(rows.topics.size() == 5);
  CHECK(rows.topics[0] == PlanTopic{"Натуральные числа и нуль", 4, false, ""});
  CHECK(rows.topics[1].control == false);
  CHECK(rows.topics[2] == PlanTopic{"Контрольная работа № 1", 1, true, ""});
  CHECK(rows.topics[3] == PlanTopic{"Диктант по теме «Орфограммы корня»", 1, true, "диктант"});
  CHECK(rows.topics[4].hours == 2);
  CHECK(rows.topics[4].control);
  CHECK(rows.topic_rows == std::vector<int>{2, 3, 4, 5, 7});
}

TEST_CASE("a CSV file with semicolons, quotes, a byte order mark and Windows line ends is read") {
  PlanRows rows = ParsePlanRows(
      "\xEF\xBB\xBF№;Тема урока;Кол-во часов;Форма контроля\r\n"
      "1;\"Сложение; вычитание\";3;\r\n"
      "2;\"Повторение \"\"в игре\"\"\";1;\r\n"
      "3;\"Дроби:\r\nобыкновенные\";2;тест\r\n");
  CHECK(rows.header);
  CHECK(rows.rejected.empty());
  REQUIRE(rows.topics.size() == 3);
  CHECK(rows.topics[0].title == "Сложение; вычитание");
  CHECK(rows.topics[1].title == "Повторение \"в игре\"");
  CHECK(rows.topics[2].title == "Дроби: обыкновенные");  // a line break in a cell becomes a space
  CHECK(rows.topics[2].control_form == "тест");
  CHECK(rows.topic_rows == std::vector<int>{2, 3, 4});
}

TEST_CASE("a comma-separated file, columns in another order, a form column") {
  PlanRows rows = ParsePlanRows(
      "Часы,Тема,Форма,Примечание\n"
      "2,\"Имя существительное, его признаки\",,см. учебник\n"
      "1,Изложение по тексту,изложение,\n");
  CHECK(rows.header);
  REQUIRE(rows.topics.size() == 2);
  CHECK(rows.topics[0] == PlanTopic{"Имя существительное, его признаки", 2, false, ""});
  CHECK(rows.topics[1] == PlanTopic{"Изложение по тексту", 1, true, "изложение"});
}

TEST_CASE("without a header the columns are [№,] topic, hours [, control], one column is one-hour topics") {
  PlanRows numbered = ParsePlanRows("1;Углы;2;к/р\n2;Треугольники;3\n");
  CHECK_FALSE(numbered.header);
  REQUIRE(numbered.topics.size() == 2);
  CHECK(numbered.topics[0] == PlanTopic{"Углы", 2, true, ""});
  CHECK(numbered.topics[1] == PlanTopic{"Треугольники", 3, false, ""});

  PlanRows plain = ParsePlanRows("Углы\t2\nТреугольники\t1\tпроверочная\n");
  REQUIRE(plain.topics.size() == 2);
  CHECK(plain.topics[1] == PlanTopic{"Треугольники", 1, true, "проверочная работа"});

  PlanRows list = ParsePlanRows("Углы\nТреугольники\nЧетырёхугольники\n");
  REQUIRE(list.topics.size() == 3);
  CHECK(list.topics[2] == PlanTopic{"Четырёхугольники", 1, false, ""});
  // A first topic that merely starts like a header word is a topic.
  CHECK(ParsePlanRows("Тематический контроль\nУглы\n").topics.size() == 2);
  CHECK(ParsePlanRows("Тема 1. Углы\t2\n").topics.size() == 1);
}

TEST_CASE("every bad row is rejected with its number and a Russian reason, good rows still come") {
  PlanRows rows = ParsePlanRows(
      "№;Тема;Часы\n"
      "1;Углы;2\n"
      "2;;1\n"
      "3;Треугольники;1,5\n"
      "4;Окружность;\n"
      "5;Повторение;3\n");
  REQUIRE(rows.topics.size() == 2);
  REQUIRE(rows.rejected.size() == 3);
  CHECK(rows.rejected[0].row == 3);
  CHECK(rows.rejected[0].reason == "не указана тема");
  CHECK(rows.rejected[1].row == 4);
  CHECK(rows.rejected[1].reason == "часы — целое положительное число уроков, а не «1,5»");
  CHECK(rows.rejected[1].text == "3 | Треугольники | 1,5");
  CHECK(rows.rejected[2].row == 5);
  CHECK(rows.rejected[2].reason == "не указано число часов");

  CHECK(ReasonFor("Углы;0") == "часы — целое положительное число уроков, а не «0»");
  CHECK(ReasonFor("Углы;-2") == "часы — целое положительное число уроков, а не «-2»");
  CHECK(ReasonFor("Углы;два") == "часы — целое положительное число уроков, а не «два»");
  CHECK(ReasonFor("Углы;150") == "на одну тему не больше 100 часов, а не 150");
  CHECK(ReasonFor("Углы;1;" + std::string(61, 'x')) == "форма контроля длиннее 60 символов");
  std::string long_title;
  for (int i = 0; i < 301; ++i) long_title += "ж";
  CHECK(ReasonFor(long_title + ";1") == "тема длиннее 300 символов");
  // «Углы» in Windows-1251, as Excel saves a «CSV (разделители — точка с запятой)».
  CHECK(ReasonFor("\xD3\xE3\xEB\xFB;1") == "текст не в кодировке UTF-8: сохраните файл как «CSV UTF-8»");
  CHECK(ReasonFor("1;\"Углы;2\n") == "незакрытая кавычка: текст до конца файла попал в одну ячейку");
}

TEST_CASE("a plan holds at most 400 topics, rows beyond are rejected") {
  std::string text;
  for (int i = 1; i <= 402; ++i) text += "Тема " + std::to_string(i) + "\t1\n";
  PlanRows rows = ParsePlanRows(text);
  CHECK(rows.topics.size() == 400);
  REQUIRE(rows.rejected.size() == 2);
  CHECK(rows.rejected[0].row == 401);
  CHECK(rows.rejected[0].reason == "в КТП не больше 400 тем");
}

TEST_CASE("lesson k gets the topic that covers hour k") {
  ThematicPlan plan{1, 1, 1, Topics({{"Углы", 2, false, ""}, {"Треугольники", 1, false, ""}, {"Окружность", 3, true, "тест"}})};
  CHECK(plan.TotalHours() == 6);
  CHECK_FALSE(PlannedTopicForLesson(plan, 0));
  CHECK(PlannedTopicForLesson(plan, 1)->topic->title == "Углы");
  CHECK(PlannedTopicForLesson(plan, 2)->hour == 2);
  CHECK(PlannedTopicForLesson(plan, 3)->topic->title == "Треугольники");
  auto sixth = PlannedTopicForLesson(plan, 6);
  REQUIRE(sixth);
  CHECK(sixth->index == 2);
  CHECK(sixth->hour == 3);
  CHECK(sixth->topic->control);
  CHECK_FALSE(PlannedTopicForLesson(plan, 7));

  CHECK(NextPlannedTopic(plan, {})->topic->title == "Углы");
  // The plan decides: three lessons held, whatever was typed, the fourth lesson is «Окружность».
  auto next = NextPlannedTopic(plan, {"Углы", "Углы, решение задач", "Треугольники"});
  REQUIRE(next);
  CHECK(next->topic->title == "Окружность");
  CHECK(next->hour == 1);
  CHECK_FALSE(NextPlannedTopic(plan, std::vector<std::string>(6, "x")));
}

TEST_CASE("plan against fact: planned hours, lessons held, behind or ahead") {
  PlanningSchool sc;
  ThematicPlans plans;
  plans.plans.push_back({sc.g_math5a, sc.math, 1, Topics({{"Углы", 10, false, ""}, {"Дроби", 20, false, ""}})});
  plans.plans.push_back({sc.g_rus5a, sc.russian, 1, Topics({{"Фонетика", 4, false, ""}})});
  auto facts = PlanAgainstFact(sc.s, plans,
                               {{sc.g_math5a, 12, 15}, {sc.g_rus5a, 6, 0}, {sc.g_math5b, 3, 3}, {sc.g_en1, 30, 0}});
  REQUIRE(facts.size() == 4);
  CHECK(facts[0].planned_hours == 30);
  CHECK(facts[0].expected == 15);
  CHECK(facts[0].difference == -3);
  CHECK(facts[0].percent == 40);
  CHECK(facts[0].message == "отставание на 3 ч");
  CHECK(facts[1].expected == 4);  // no timetable count: against the whole plan
  CHECK(facts[1].difference == 2);
  CHECK(facts[1].message == "опережение на 2 ч");
  CHECK_FALSE(facts[2].has_plan);
  CHECK(facts[2].message == "КТП не составлено");
  CHECK(facts[2].subject_id == sc.math);
  plans.plans.push_back({sc.g_en1, sc.english, 1, Topics({{"Знакомство", 30, false, ""}})});
  CHECK(PlanAgainstFact(sc.s, plans, {{sc.g_en1, 30, 40}})[0].message == "по плану");
}

TEST_CASE("the group's teacher sets the plan, versions guard against lost changes") {
  PlanningSchool sc;
  ThematicPlans plans;
  auto topics = Topics({{"Натуральные числа", 4, false, ""}, {"Контрольная работа № 1", 1, true, "контрольная работа"}});
  auto r = ApplyPlanOp(plans, sc.s, PlanningSchool::Op(op_kind::kPlanSet, PlanSetPayload(sc.g_math5a, sc.math, topics)),
                       PlanningSchool::Teacher(sc.t1));
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  CHECK(r->version == 1);
  REQUIRE(plans.Find(sc.g_math5a));
  CHECK(plans.Find(sc.g_math5a)->topics == topics);

  // A second edit made on version 0 (someone else's stale copy) is a conflict and changes nothing.
  auto stale = ApplyPlanOp(plans, sc.s,
                           PlanningSchool::Op(op_kind::kPlanSet, PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Другое", 1, false, ""}}))),
                           PlanningSchool::Deputy());
  CHECK(stale.status().code() == ErrorCode::kConflict);
  CHECK(stale.status().message().find("5А — Математика") != std::string::npos);
  CHECK(plans.Find(sc.g_math5a)->topics == topics);

  // On the current version the deputy may change it.
  auto ok = ApplyPlanOp(plans, sc.s,
                        PlanningSchool::Op(op_kind::kPlanSet, PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Другое", 1, false, ""}})), 1),
                        PlanningSchool::Deputy());
  REQUIRE(ok.ok());
  CHECK(ok->version == 2);
  CHECK(plans.Find(sc.g_math5a)->TotalHours() == 1);

  // Empty topics clear the plan; the version goes on.
  auto cleared = ApplyPlanOp(plans, sc.s, PlanningSchool::Op(op_kind::kPlanSet, PlanSetPayload(sc.g_math5a, sc.math, {}), 2),
                             PlanningSchool::Teacher(sc.t1));
  REQUIRE(cleared.ok());
  CHECK(cleared->version == 3);
  CHECK(plans.Find(sc.g_math5a)->topics.empty());
}

TEST_CASE("only the group's teacher, the head and deputies set a plan") {
  PlanningSchool sc;
  ThematicPlans plans;
  auto payload = PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Углы", 2, false, ""}}));
  for (const Actor& refused : {PlanningSchool::Teacher(sc.t2), sc.ClassTeacher5A(), PlanningSchool::Teacher(sc.t3)}) {
    auto r = ApplyPlanOp(plans, sc.s, PlanningSchool::Op(op_kind::kPlanSet, payload), refused);
    CHECK(r.status().code() == ErrorCode::kForbidden);
    CHECK(r.status().message() == "КТП группы составляют её учитель, директор и заместители директора.");
  }
  Actor parent;
  parent.roles = {Role::kParent};
  parent.children = {sc.kids5a[0]};
  CHECK(ApplyPlanOp(plans, sc.s, PlanningSchool::Op(op_kind::kPlanSet, payload), parent).status().code() ==
        ErrorCode::kForbidden);
  CHECK(plans.plans.empty());
  CHECK(ApplyPlanOp(plans, sc.s, PlanningSchool::Op(op_kind::kPlanSet, payload), sc.head).ok());
  // t2 teaches the second English subgroup and may plan it, not the first.
  auto en = PlanSetPayload(sc.g_en2, sc.english, Topics({{"Знакомство", 2, false, ""}}));
  CHECK(ApplyPlanOp(plans, sc.s, PlanningSchool::Op(op_kind::kPlanSet, en), PlanningSchool::Teacher(sc.t2)).ok());
  auto en1 = PlanSetPayload(sc.g_en1, sc.english, Topics({{"Знакомство", 2, false, ""}}));
  CHECK_FALSE(ApplyPlanOp(plans, sc.s, PlanningSchool::Op(op_kind::kPlanSet, en1), PlanningSchool::Teacher(sc.t2)).ok());
}

TEST_CASE("a plan is checked: the group's subject, its workload, every topic") {
  PlanningSchool sc;
  ThematicPlans plans;
  auto set = [&](protocol::Json payload) {
    return ApplyPlanOp(plans, sc.s, PlanningSchool::Op(op_kind::kPlanSet, std::move(payload)), sc.head).status();
  };
  CHECK(set(PlanSetPayload(999, sc.math, {})).code() == ErrorCode::kNotFound);
  Status wrong_subject = set(PlanSetPayload(sc.g_math5a, sc.russian, Topics({{"Углы", 1, false, ""}})));
  CHECK(wrong_subject.code() == ErrorCode::kValidation);
  CHECK(wrong_subject.field() == "subject_id");
  Status bad_topic = set(PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Углы", 1, false, ""}, {"  ", 1, false, ""}})));
  CHECK(bad_topic.message() == "Тема 2: не указана тема.");
  CHECK(set(PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Углы", 0, false, ""}}))).message() ==
        "Тема 1: часы — целое положительное число уроков, а не «0».");
  CHECK(set(PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Углы", 1, false, "тест"}}))).message() ==
        "Тема 1: форма контроля указана у темы без контрольной работы.");
  CHECK(set(PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Углы\nи треугольники", 1, false, ""}}))).message() ==
        "Тема 1: в теме не должно быть переносов строк и табуляций.");
  CHECK(set(PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Углы", 101, false, ""}}))).message() ==
        "Тема 1: на одну тему не больше 100 часов, а не 101.");
  CHECK(set(PlanSetPayload(sc.g_math5a, sc.math, Topics({{std::string(301, 'x'), 1, false, ""}}))).message() ==
        "Тема 1: тема длиннее 300 символов.");
  CHECK(set(PlanSetPayload(sc.g_math5a, sc.math, Topics({{"Углы", 1, true, std::string(61, 'x')}}))).message() ==
        "Тема 1: форма контроля длиннее 60 символов.");
  CHECK(set(PlanSetPayload(sc.g_math5a, sc.math, std::vector<PlanTopic>(401, PlanTopic{"Углы", 1, false, ""}))).message() ==
        "В КТП не больше 400 тем.");
  protocol::Json no_hours = PlanSetPayload(sc.g_math5a, sc.math, {});
  no_hours["topics"] = protocol::Json::array({{{"title", "Углы"}}});
  CHECK(set(no_hours).code() == ErrorCode::kBadRequest);
  // A group with nobody teaching it has no plan yet.
  int64_t elective = sc.Must(op_kind::kGroupCreate, GroupCreatePayload(sc.year, GroupKind::kElective, "Шахматы", sc.math, {sc.c5a}));
  Status no_workload = set(PlanSetPayload(elective, sc.math, Topics({{"Дебют", 1, false, ""}})));
  CHECK(no_workload.code() == ErrorCode::kValidation);
  CHECK(no_workload.message().find("нет учебной нагрузки") != std::string::npos);
  CHECK(plans.plans.empty());
}

TEST_CASE("a plan and an import report go to JSON and back") {
  ThematicPlan plan{7, 3, 2, Topics({{"Углы", 2, true, "тест"}})};
  protocol::Json j = ToJson(plan);
  CHECK(j["total_hours"] == 2);
  auto back = ThematicPlanFromJson(j);
  REQUIRE(back.ok());
  CHECK(back->version == 2);
  CHECK(back->topics == plan.topics);
  protocol::Json report = ToJson(ParsePlanRows("Углы;2\n;1\n"));
  CHECK(report["topics"].size() == 1);
  CHECK(report["rejected"][0]["row"] == 2);
  CHECK(report["rejected"][0]["reason"] == "не указана тема");
}

}  // namespace ej
