// The diary of one student (diary.h): what a student, a parent, the class teacher, a teacher
// and the administration see, built from the journal, the bells and the control works.
#include <doctest/doctest.h>

#include "diary.h"
#include "journal.h"
#include "journal_school.h"

namespace ej {
namespace {

// The journal tests' school (journal_school.h).
using testing::D;
using School = testing::JournalSchool;

Actor Role1(int64_t person, Role r) {
  Actor a;
  a.person_id = person;
  a.roles = {r};
  return a;
}

struct DiarySchool : School {
  ControlWorks works;
  int64_t parent = 500, teacher3 = 501;
  DiarySchool() {
    s.persons[parent] = Person{parent, {"Абрамова", "Ольга", "Ивановна"}, std::nullopt, 'f', {Role::kParent}};
    s.persons[teacher3] = Person{teacher3, {"Белова", "Ольга", "Игоревна"}, std::nullopt, 'f', {Role::kTeacher}};
  }
  Result<DiaryView> Diary(const Actor& who, int64_t student, const char* from, const char* to) {
    Actor a = who;
    AddJournalRelations(a, s, j);
    return BuildDiary(DiarySources{s, j, t, works, rules}, a, student, {D(from), D(to)});
  }
  Actor Parent() {
    Actor a = Role1(parent, Role::kParent);
    a.children = {kids[0]};
    return a;
  }
};

const DiaryLesson* Find(const DiaryView& v, const char* iso, int number) {
  for (const auto& d : v.days) {
    if (d.date != D(iso)) continue;
    for (const auto& l : d.lessons) {
      if (l.number == number) return &l;
    }
  }
  return nullptr;
}

TEST_CASE("a student's week: their lessons with times, topics, homework, marks, attendance and the flags") {
  DiarySchool sc;
  int64_t mon = sc.LessonOn(sc.g_math, "2026-09-07");
  int64_t tue = sc.LessonOn(sc.g_math, "2026-09-08");
  int64_t wed = sc.LessonOn(sc.g_math, "2026-09-09");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetTopic, LessonSetTopicPayload(mon, "Натуральные числа")).ok());
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(mon, Homework{"№ 12, 14", 20, 0, 0})).ok());
  std::string mark = sc.AddMark(mon, sc.kids[0], "4", "control");
  sc.AddMark(mon, sc.kids[1], "2");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kAttendanceSet, AttendanceSetPayload(mon, sc.kids[0], "н")).ok());
  REQUIRE(sc.Do(sc.head, op_kind::kLessonSubstitute, LessonSubstitutePayload(tue, sc.t2)).ok());
  REQUIRE(sc.Do(sc.head, op_kind::kLessonMove, LessonMovePayload(wed, D("2026-09-09"), 5)).ok());
  sc.works.works.push_back(ControlWork{1, sc.year, sc.g_math, D("2026-09-10"), 2, "контрольная работа", "Дроби"});
  sc.works.works.push_back(ControlWork{2, sc.year, sc.g_en2, D("2026-09-11"), 3, "тест", ""});

  auto v = sc.Diary(sc.head, sc.kids[0], "2026-09-07", "2026-09-13");
  REQUIRE_MESSAGE(v.ok(), v.status().message());
  CHECK(v->student == "Абрамов Иван");
  CHECK(v->class_name == "5А");
  REQUIRE(v->days.size() == 7);
  CHECK_FALSE(v->partial);
  // Monday: mathematics (2nd) and English of the first subgroup (3rd), never the second's.
  REQUIRE(v->days[0].lessons.size() == 2);
  const DiaryLesson* m = Find(*v, "2026-09-07", 2);
  REQUIRE(m);
  CHECK(m->subject == "Математика");
  CHECK(m->start == "09:25");
  CHECK(m->end == "10:10");
  CHECK(m->teacher == "Цветкова Т.\u00A0А.");
  CHECK(m->topic == "Натуральные числа");
  CHECK(m->homework == "№ 12, 14");
  CHECK(m->homework_minutes == 20);
  REQUIRE(m->homework_due);
  CHECK(*m->homework_due == D("2026-09-08"));
  REQUIRE(m->marks.size() == 1);  // the classmate's 2 is not here
  CHECK(m->marks[0].id == mark);
  CHECK(m->marks[0].value == "4");
  CHECK(m->marks[0].type_name == "Контрольная работа");
  CHECK(m->marks[0].weight == 3);
  CHECK(m->attendance == "н");
  CHECK(Find(*v, "2026-09-07", 3)->group_id == sc.g_en1);
  // Tuesday substituted, Wednesday moved to the 5th lesson, Thursday a control work.
  const DiaryLesson* sub = Find(*v, "2026-09-08", 2);
  REQUIRE(sub);
  CHECK(sub->substituted);
  CHECK(sub->substitute == "Румянцев К.\u00A0В.");
  CHECK(sub->teacher == sub->substitute);
  const DiaryLesson* moved = Find(*v, "2026-09-09", 5);
  REQUIRE(moved);
  CHECK(moved->moved);
  CHECK(Find(*v, "2026-09-10", 2)->control_work == "контрольная работа");
  CHECK(Find(*v, "2026-09-10", 2)->control_work_title == "Дроби");
  // The second subgroup's test is not this student's.
  for (const auto& d : v->days) {
    for (const auto& l : d.lessons) CHECK(l.group_id != sc.g_en2);
  }
  CHECK(v->days[5].lessons.empty());
  CHECK(v->days[6].lessons.empty());
  // Subjects over the first quarter.
  CHECK(v->period == "1 четверть");
  REQUIRE(v->subjects.size() == 2);
  CHECK(v->subjects[0].subject == "Английский язык");
  CHECK(v->subjects[1].subject == "Математика");
  CHECK(v->subjects[1].marks.size() == 1);
  CHECK(v->subjects[1].average == "4,00");
  CHECK(v->subjects[1].teacher == "Цветкова Т.\u00A0А.");
  CHECK(v->subjects[0].average == "");
}

TEST_CASE("the diary's subjects: the weighted average and the finals of the student") {
  DiarySchool sc;
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-07"), sc.kids[0], "5", "control");
  sc.AddMark(sc.LessonOn(sc.g_math, "2026-09-08"), sc.kids[0], "3");
  const StudyPeriod* q1 = PeriodOf(sc.s, 5, D("2026-09-10"));
  REQUIRE(q1);
  sc.j.finals[FinalKey{sc.g_math, sc.kids[0], FinalKind::kPeriod, q1->id}] =
      FinalMark{FinalKey{sc.g_math, sc.kids[0], FinalKind::kPeriod, q1->id}, "5", 1};
  sc.j.finals[FinalKey{sc.g_math, sc.kids[1], FinalKind::kPeriod, q1->id}] =
      FinalMark{FinalKey{sc.g_math, sc.kids[1], FinalKind::kPeriod, q1->id}, "2", 1};
  auto v = sc.Diary(sc.Parent(), sc.kids[0], "2026-09-07", "2026-09-13");
  REQUIRE(v.ok());
  const DiarySubject& math = v->subjects[1];
  CHECK(math.average == "4,50");  // (5·3 + 3·1) / 4
  REQUIRE(math.finals.size() == 1);
  CHECK(math.finals[0].value == "5");
  CHECK(math.finals[0].period == "1 четверть");
  CHECK(math.finals[0].kind == "period");
}

TEST_CASE("the diary shows the school's holidays in the range") {
  DiarySchool sc;
  auto v = sc.Diary(sc.head, sc.kids[0], "2026-10-19", "2026-10-28");
  REQUIRE(v.ok());
  REQUIRE(v->holidays.size() == 1);
  CHECK(v->holidays[0].name == "Осенние каникулы");
  CHECK(v->days[7].holiday == "Осенние каникулы");  // 26.10
  CHECK(v->days[7].lessons.empty());
  CHECK(v->days[6].holiday == "");
  CHECK_FALSE(v->days[4].lessons.empty());  // Friday 23.10
}

TEST_CASE("who sees a student's diary: self, the family, the class teacher, the administration, a teacher only their subjects") {
  DiarySchool sc;
  const char* from = "2026-09-07";
  const char* to = "2026-09-13";
  auto code = [&](const Actor& a, int64_t student) { return sc.Diary(a, student, from, to).status().code(); };
  // The student themself and no other.
  Actor student = Role1(sc.kids[0], Role::kStudent);
  CHECK(code(student, sc.kids[0]) == ErrorCode::kOk);
  CHECK(code(student, sc.kids[1]) == ErrorCode::kForbidden);
  // A parent: their child, not another.
  CHECK(code(sc.Parent(), sc.kids[0]) == ErrorCode::kOk);
  CHECK(code(sc.Parent(), sc.kids[1]) == ErrorCode::kForbidden);
  // The class teacher of 5А sees every subject of every student of the class.
  Actor klruk = Role1(sc.teacher3, Role::kClassTeacher);
  klruk.led_classes = {sc.c5a};
  auto by_klruk = sc.Diary(klruk, sc.kids[3], from, to);
  REQUIRE(by_klruk.ok());
  CHECK_FALSE(by_klruk->partial);
  CHECK(by_klruk->subjects.size() == 2);
  Actor other_klruk = Role1(sc.teacher3, Role::kClassTeacher);
  other_klruk.led_classes = {sc.c5a + 100};
  CHECK(code(other_klruk, sc.kids[3]) == ErrorCode::kForbidden);
  // t2 teaches only the second English subgroup: its students, that subject only.
  auto by_t2 = sc.Diary(sc.teacher2, sc.kids[2], from, to);
  REQUIRE(by_t2.ok());
  CHECK(by_t2->partial);
  REQUIRE(by_t2->subjects.size() == 1);
  CHECK(by_t2->subjects[0].group_id == sc.g_en2);
  for (const auto& d : by_t2->days) {
    for (const auto& l : d.lessons) CHECK(l.group_id == sc.g_en2);
  }
  CHECK(code(sc.teacher2, sc.kids[0]) == ErrorCode::kForbidden);
  // A substitute of one mathematics lesson gets no diary of the class by it.
  REQUIRE(sc.Do(sc.head, op_kind::kLessonSubstitute, LessonSubstitutePayload(sc.LessonOn(sc.g_math, "2026-09-08"), sc.teacher3)).ok());
  CHECK(code(Role1(sc.teacher3, Role::kTeacher), sc.kids[0]) == ErrorCode::kForbidden);
  // The technical administrator sees no diary; the head and a deputy see all.
  CHECK(code(Role1(2, Role::kTechAdmin), sc.kids[0]) == ErrorCode::kForbidden);
  CHECK(code(Role1(3, Role::kDeputy), sc.kids[0]) == ErrorCode::kOk);
  CHECK(code(sc.head, sc.kids[0]) == ErrorCode::kOk);
}

TEST_CASE("the diary refuses a person who is not a student and a range too long or reversed") {
  DiarySchool sc;
  CHECK(sc.Diary(sc.head, sc.t1, "2026-09-07", "2026-09-13").status().code() == ErrorCode::kNotFound);
  CHECK(sc.Diary(sc.head, 99999, "2026-09-07", "2026-09-13").status().code() == ErrorCode::kNotFound);
  CHECK(sc.Diary(sc.head, sc.kids[0], "2026-09-13", "2026-09-07").status().code() == ErrorCode::kBadRequest);
  CHECK(sc.Diary(sc.head, sc.kids[0], "2026-09-01", "2026-12-31").status().code() == ErrorCode::kBadRequest);
}

TEST_CASE("the diary's JSON round-trips, and broken JSON is refused without throwing") {
  DiarySchool sc;
  int64_t mon = sc.LessonOn(sc.g_math, "2026-09-07");
  REQUIRE(sc.Do(sc.teacher1, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(mon, Homework{"§ 3", 15, 0, 0})).ok());
  sc.AddMark(mon, sc.kids[0], "5");
  sc.works.works.push_back(ControlWork{1, sc.year, sc.g_math, D("2026-09-10"), 0, "диктант", ""});
  auto v = sc.Diary(sc.head, sc.kids[0], "2026-09-07", "2026-09-13");
  REQUIRE(v.ok());
  CHECK(Find(*v, "2026-09-10", 2)->control_work == "диктант");  // no number: the group's first lesson
  auto back = DiaryViewFromJson(ToJson(*v));
  REQUIRE_MESSAGE(back.ok(), back.status().message());
  CHECK(*back == *v);
  protocol::Json broken = ToJson(*v);
  broken["days"][0]["lessons"][0]["marks"][0]["weight"] = "три";
  CHECK(DiaryViewFromJson(broken).status().code() == ErrorCode::kBadRequest);
  CHECK(DiaryViewFromJson(protocol::Json::array()).status().code() == ErrorCode::kBadRequest);
}

TEST_CASE("a parent's children and a student's own entry, with their classes") {
  DiarySchool sc;
  Actor p = sc.Parent();
  p.children.insert(sc.kids[3]);
  auto kids = ChildrenOf(sc.s, p, D("2026-09-10"));
  REQUIRE(kids.size() == 2);
  CHECK(kids[0].name == "Абрамов Иван");
  CHECK(kids[0].class_name == "5А");
  CHECK(kids[1].student_id == sc.kids[3]);
  auto self = ChildrenOf(sc.s, Role1(sc.kids[1], Role::kStudent), D("2026-09-10"));
  REQUIRE(self.size() == 1);
  CHECK(self[0].student_id == sc.kids[1]);
  CHECK(ChildrenOf(sc.s, sc.head, D("2026-09-10")).empty());
  auto back = ChildrenFromJson(ToJson(kids));
  REQUIRE(back.ok());
  CHECK(*back == kids);
}

// ---- Recommendations, the class's teachers, the control-work schedule, the feed, what is new ----

struct RecommendingSchool : DiarySchool {
  Recommendations recs;
  Result<Recommendation> Recommend(const Actor& who, int64_t student, int64_t group, int64_t lesson,
                                   const std::string& text, const std::string& id = {}) {
    Operation op = Op(op_kind::kRecommendationAdd, RecommendationAddPayload(student, group, lesson, text));
    if (!id.empty()) op.op_id = id;
    Actor a = who;
    AddJournalRelations(a, s, j);
    return ApplyRecommendationOp(recs, s, j, op, a, today);
  }
  Result<DiaryView> DiaryWithRecs(const Actor& who, int64_t student, const char* from, const char* to) {
    Actor a = who;
    AddJournalRelations(a, s, j);
    return BuildDiary(DiarySources{s, j, t, works, rules, &recs}, a, student, {D(from), D(to)});
  }
};

TEST_CASE("recommendation.add: the group's teacher or the lesson's substitute, a student of the group, a text") {
  RecommendingSchool sc;
  int64_t tue = sc.LessonOn(sc.g_math, "2026-09-08");
  int64_t wed = sc.LessonOn(sc.g_math, "2026-09-09");
  auto ok = sc.Recommend(sc.teacher1, sc.kids[0], sc.g_math, 0, "  Повторить таблицу умножения на 7.  ");
  REQUIRE_MESSAGE(ok.ok(), ok.status().message());
  CHECK(ok->text == "Повторить таблицу умножения на 7.");  // trimmed
  CHECK(ok->author_id == sc.t1);
  CHECK(ok->date == sc.today);
  CHECK(sc.recs.items.size() == 1);
  // Another teacher: not without a lesson, and not at a lesson of the group they do not keep.
  CHECK(sc.Recommend(sc.teacher2, sc.kids[0], sc.g_math, 0, "Текст").status().code() == ErrorCode::kForbidden);
  CHECK(sc.Recommend(sc.teacher2, sc.kids[0], sc.g_math, tue, "Текст").status().code() == ErrorCode::kForbidden);
  // A substitution gives that one lesson.
  REQUIRE(sc.Do(sc.head, op_kind::kLessonSubstitute, LessonSubstitutePayload(tue, sc.t2)).ok());
  auto sub = sc.Recommend(sc.teacher2, sc.kids[0], sc.g_math, tue, "Молодец на замене.");
  REQUIRE_MESSAGE(sub.ok(), sub.status().message());
  CHECK(sub->date == D("2026-09-08"));
  CHECK(sc.Recommend(sc.teacher2, sc.kids[0], sc.g_math, wed, "Текст").status().code() == ErrorCode::kForbidden);
  // A lesson of another group, a student outside the group, an empty or too long text.
  CHECK(sc.Recommend(sc.teacher1, sc.kids[0], sc.g_en1, tue, "Текст").status().code() == ErrorCode::kValidation);
  CHECK(sc.Recommend(sc.teacher1, sc.kids[2], sc.g_en1, 0, "Текст").status().code() == ErrorCode::kNotFound);
  CHECK(sc.Recommend(sc.teacher1, sc.kids[0], 9999, 0, "Текст").status().code() == ErrorCode::kNotFound);
  auto empty = sc.Recommend(sc.teacher1, sc.kids[0], sc.g_math, 0, "   ");
  CHECK(empty.status().code() == ErrorCode::kValidation);
  CHECK(empty.status().field() == "text");
  std::string long_text;
  for (int i = 0; i < 2001; ++i) long_text += "ж";
  CHECK(sc.Recommend(sc.teacher1, sc.kids[0], sc.g_math, 0, long_text).status().code() == ErrorCode::kValidation);
  CHECK(sc.Recommend(sc.teacher1, sc.kids[0], sc.g_math, 0, long_text.substr(0, 2000 * 2)).ok());
  // Refusals changed nothing: the two made above and the last one.
  CHECK(sc.recs.items.size() == 3);
  CHECK(sc.recs.Of(sc.kids[0]).size() == 3);
  CHECK(sc.recs.Of(sc.kids[1]).empty());
}

TEST_CASE("the diary shows the recommendations, the class's teachers, the control-work schedule and the feed") {
  RecommendingSchool sc;
  int64_t tue = sc.LessonOn(sc.g_math, "2026-09-08");
  int64_t wed = sc.LessonOn(sc.g_math, "2026-09-09");
  sc.s.classes[0].teacher_id = sc.t1;
  REQUIRE(sc.Recommend(sc.teacher1, sc.kids[0], sc.g_math, 0, "Больше читать вслух.").ok());
  REQUIRE(sc.Recommend(sc.teacher2, sc.kids[2], sc.g_en2, 0, "Учить слова.").ok());
  REQUIRE(sc.Do(sc.head, op_kind::kLessonSubstitute, LessonSubstitutePayload(tue, sc.t2)).ok());
  REQUIRE(sc.Do(sc.head, op_kind::kLessonMove, LessonMovePayload(wed, D("2026-09-09"), 5)).ok());
  sc.works.works.push_back(ControlWork{1, sc.year, sc.g_math, D("2026-09-10"), 2, "контрольная работа", "Дроби"});
  sc.works.works.push_back(ControlWork{2, sc.year, sc.g_math, D("2026-10-15"), 2, "тест", ""});
  sc.works.works.push_back(ControlWork{3, sc.year, sc.g_en2, D("2026-09-11"), 3, "тест", ""});

  auto v = sc.DiaryWithRecs(sc.Parent(), sc.kids[0], "2026-09-07", "2026-09-13");
  REQUIRE_MESSAGE(v.ok(), v.status().message());
  CHECK(v->class_teacher == "Цветкова Тамара Андреевна");
  REQUIRE(v->teachers.size() == 2);
  CHECK(v->teachers[0].subject == "Английский язык");
  CHECK(v->teachers[0].name == "Цветкова Тамара Андреевна");
  CHECK(v->teachers[1].subject == "Математика");
  // Only this student's recommendations.
  REQUIRE(v->recommendations.size() == 1);
  CHECK(v->recommendations[0].text == "Больше читать вслух.");
  CHECK(v->recommendations[0].subject == "Математика");
  CHECK(v->recommendations[0].teacher == "Цветкова Т.\u00A0А.");
  // The schedule of the quarter: both mathematics works, never the other subgroup's test.
  REQUIRE(v->control_works.size() == 2);
  CHECK(v->control_works[0].date == D("2026-09-10"));
  CHECK(v->control_works[0].title == "Дроби");
  CHECK(v->control_works[1].date == D("2026-10-15"));
  // The feed of the week: the substitution, the move and the control work, by date.
  REQUIRE(v->feed.size() == 3);
  CHECK(v->feed[0].kind == "substitution");
  CHECK(v->feed[0].lesson_id == tue);
  CHECK(v->feed[0].text == "Математика, 2-й урок: замена\u00A0— ведёт Румянцев К.\u00A0В.");
  CHECK(v->feed[1].kind == "move");
  CHECK(v->feed[1].text == "Математика: урок перенесён на\u00A009.09.2026, 5-й урок");
  CHECK(v->feed[2].kind == "control_work");
  CHECK(v->feed[2].text == "Математика, 2-й урок: контрольная работа «Дроби»");
  // The student of the other subgroup: their own test in the feed, not the first student's advice.
  auto other = sc.DiaryWithRecs(sc.head, sc.kids[2], "2026-09-07", "2026-09-13");
  REQUIRE(other.ok());
  REQUIRE(other->recommendations.size() == 1);
  CHECK(other->recommendations[0].text == "Учить слова.");
  bool test_seen = false;
  for (const auto& f : other->feed) test_seen = test_seen || (f.kind == "control_work" && f.group_id == sc.g_en2);
  CHECK(test_seen);
  // A teacher's partial diary: only their subject's teachers and recommendations.
  auto partial = sc.DiaryWithRecs(sc.teacher2, sc.kids[2], "2026-09-07", "2026-09-13");
  REQUIRE(partial.ok());
  CHECK(partial->partial);
  REQUIRE(partial->teachers.size() == 1);
  CHECK(partial->teachers[0].subject == "Английский язык");
  // All of it survives the wire.
  auto back = DiaryViewFromJson(ToJson(*v));
  REQUIRE_MESSAGE(back.ok(), back.status().message());
  CHECK(*back == *v);
}

TEST_CASE("what is new since the last visit: marks, changed lessons, control works and recommendations") {
  RecommendingSchool sc;
  int64_t mon = sc.LessonOn(sc.g_math, "2026-09-07");
  int64_t tue = sc.LessonOn(sc.g_math, "2026-09-08");
  std::string old_mark = sc.AddMark(mon, sc.kids[0], "3");
  // The visit happens here; then:
  std::vector<Operation> since;
  Operation add = sc.Op(op_kind::kMarkAdd, MarkAddPayload(tue, sc.kids[0], "5", "answer"));
  REQUIRE(sc.Apply(sc.teacher1, add).ok());
  since.push_back(add);
  Operation other_kid = sc.Op(op_kind::kMarkAdd, MarkAddPayload(tue, sc.kids[1], "4", "answer"));
  REQUIRE(sc.Apply(sc.teacher1, other_kid).ok());
  since.push_back(other_kid);
  Operation hw = sc.Op(op_kind::kLessonSetHomework, LessonSetHomeworkPayload(tue, Homework{"§ 4", 10, 0, 0}));
  REQUIRE(sc.Apply(sc.teacher1, hw).ok());
  since.push_back(hw);
  since.push_back(sc.Op(op_kind::kControlWorkSet,
                        ControlWorkSetPayload(ControlWork{0, sc.year, sc.g_math, D("2026-09-10"), 2, "тест", ""})));
  sc.works.works.push_back(ControlWork{1, sc.year, sc.g_math, D("2026-09-10"), 2, "тест", ""});
  Operation rec = sc.Op(op_kind::kRecommendationAdd, RecommendationAddPayload(sc.kids[0], sc.g_math, 0, "Читать."));
  since.push_back(rec);
  Actor t1 = sc.teacher1;
  AddJournalRelations(t1, sc.s, sc.j);
  REQUIRE(ApplyRecommendationOp(sc.recs, sc.s, sc.j, rec, t1, sc.today).ok());
  since.push_back(sc.Op(op_kind::kLessonSetTopic, LessonSetTopicPayload(mon, "Тема")));  // not news

  auto v = sc.DiaryWithRecs(sc.Parent(), sc.kids[0], "2026-09-07", "2026-09-13");
  REQUIRE(v.ok());
  CHECK(v->new_count == 0);  // BuildDiary alone marks nothing
  int n = MarkNewSince(*v, since);
  // The new mark, the lesson with new homework, the control work, the recommendation.
  CHECK(n == 4);
  CHECK(v->new_count == 4);
  const DiaryLesson* m = Find(*v, "2026-09-07", 2);
  REQUIRE(m);
  REQUIRE(m->marks.size() == 1);
  CHECK(m->marks[0].id == old_mark);
  CHECK_FALSE(m->marks[0].is_new);
  CHECK_FALSE(m->is_new);  // only its topic changed
  const DiaryLesson* t = Find(*v, "2026-09-08", 2);
  REQUIRE(t);
  CHECK(t->is_new);
  REQUIRE(t->marks.size() == 1);
  CHECK(t->marks[0].is_new);
  REQUIRE(v->recommendations.size() == 1);
  CHECK(v->recommendations[0].is_new);
  REQUIRE(v->feed.size() == 1);
  CHECK(v->feed[0].is_new);
  // Nothing since: nothing new.
  CHECK(MarkNewSince(*v, {}) == 0);
  CHECK_FALSE(Find(*v, "2026-09-08", 2)->marks[0].is_new);
}

}  // namespace
}  // namespace ej
