#include <doctest/doctest.h>

#include "planning_school.h"
#include "substitution.h"

namespace ej {
namespace {

using testing::D;
using testing::PlanningSchool;

Lesson L(int64_t id, int64_t group, const char* date, int number, int64_t teacher, int64_t substitute = 0) {
  Lesson l;
  l.id = id;
  l.group_id = group;
  l.date = D(date);
  l.number = number;
  l.teacher_id = teacher;
  l.substitute_id = substitute;
  return l;
}

std::vector<int64_t> Ids(const std::vector<SubstituteCandidate>& c) {
  std::vector<int64_t> out;
  for (const auto& x : c) out.push_back(x.person_id);
  return out;
}

// t1 teaches mathematics in 5А (away); t2 mathematics in 5Б (same grade); t3 mathematics in 2А
// (another grade); t4 teaches no mathematics; t5 is a teacher without workload.
struct SubSchool : PlanningSchool {
  int64_t t4 = 13, t5 = 14, history = 0, g_hist5b = 0;
  SubSchool() {
    s.persons[t4] = Person{t4, {"Андреев", "Павел", "Олегович"}, std::nullopt, 'm', {Role::kTeacher}};
    s.persons[t5] = Person{t5, {"Яковлева", "Анна", "Сергеевна"}, std::nullopt, 'f', {Role::kTeacher}};
    history = Must(op_kind::kSubjectCreate, SubjectCreatePayload("История", ""));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 5, history, 2));
    g_hist5b = Group(GroupKind::kWholeClass, "", history, c5b);
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t4, g_hist5b, 2));
  }
};

TEST_CASE("substitutes: the subject's teachers of the grade first, then of other grades, then the rest") {
  SubSchool sc;
  Lesson away = L(1, sc.g_math5a, "2026-10-05", 2, sc.t1);
  std::vector<Lesson> day = {away};
  auto c = FindSubstitutes(sc.s, {}, day, away);
  CHECK(Ids(c) == std::vector<int64_t>{sc.t2, sc.t3, sc.t4, sc.t5});
  CHECK(c[0].fit == SubstituteFit::kSameGrade);
  CHECK(c[1].fit == SubstituteFit::kOtherGrades);
  CHECK(c[2].fit == SubstituteFit::kOtherSubject);
  CHECK(c[0].name == "Румянцев К.\u00a0В.");
}

TEST_CASE("substitutes: a teacher keeping another lesson at that number is not offered") {
  SubSchool sc;
  Lesson away = L(1, sc.g_math5a, "2026-10-05", 2, sc.t1);
  std::vector<Lesson> day = {away, L(2, sc.g_math5b, "2026-10-05", 2, sc.t2),
                             L(3, sc.g_math2a, "2026-10-05", 3, sc.t3),
                             L(4, sc.g_rus2a, "2026-10-05", 1, sc.t3),
                             // t5 substitutes for t4 at the same number: busy; t4 is then free.
                             L(5, sc.g_hist5b, "2026-10-05", 2, sc.t4, sc.t5),
                             // another day does not count
                             L(6, sc.g_rus5a, "2026-10-06", 2, sc.t2)};
  auto c = FindSubstitutes(sc.s, {}, day, away);
  CHECK(Ids(c) == std::vector<int64_t>{sc.t3, sc.t4});
  CHECK(c[0].lessons_that_day == 2);
  CHECK(c[1].lessons_that_day == 0);
}

TEST_CASE("substitutes: within one fit the teacher with fewer lessons that day comes first") {
  SubSchool sc;
  // t2 and t3 are both free at 2; t2 keeps two other lessons that day, t3 none.
  Lesson away = L(1, sc.g_math5a, "2026-10-05", 2, sc.t1);
  int64_t g_math5b2 = sc.Group(GroupKind::kSubgroup, "5Б мат. 2", sc.math, sc.c5b);
  sc.Must(op_kind::kWorkloadSet, WorkloadSetPayload(sc.t3, g_math5b2, 1));
  std::vector<Lesson> day = {away, L(2, sc.g_math5b, "2026-10-05", 1, sc.t2), L(3, sc.g_rus5a, "2026-10-05", 3, sc.t2)};
  auto c = FindSubstitutes(sc.s, {}, day, away);
  REQUIRE(c.size() >= 2);
  // t3 now teaches mathematics in grade 5 too and keeps no lesson that day.
  CHECK(c[0].person_id == sc.t3);
  CHECK(c[1].person_id == sc.t2);
  CHECK(c[0].fit == SubstituteFit::kSameGrade);
}

// Two shifts whose bells differ: 5А and 5Б study by the first shift's bells, 2А by the
// second's, whose 1st lesson (10:20–11:05) falls on the first shift's 3rd (10:30–11:15).
std::vector<BellSchedule> TwoShifts(const SubSchool& sc) {
  auto slot = [](int n, const char* a, const char* z) { return BellSlot{n, *ClockTime::Parse(a), *ClockTime::Parse(z)}; };
  BellSchedule first{1, "1 смена", {slot(1, "08:30", "09:15"), slot(2, "09:25", "10:10"), slot(3, "10:30", "11:15")}, {}};
  BellSchedule second{2, "2 смена", {slot(1, "10:20", "11:05"), slot(2, "11:15", "12:00"), slot(3, "12:20", "13:05")},
                      {sc.c2a}};
  return {first, second};
}

TEST_CASE("substitutes: with two shifts «busy» is by the bells of each lesson's shift, not by its number") {
  SubSchool sc;
  const std::vector<BellSchedule> bells = TwoShifts(sc);
  REQUIRE(BellsOfClass(bells, sc.c2a)->name == "2 смена");
  REQUIRE(BellsOfClass(bells, sc.c5a)->name == "1 смена");
  // t3 keeps 2А's 1st lesson (2nd shift, 10:20); t2 keeps 5Б's 1st lesson (1st shift, 08:30).
  Lesson away1 = L(1, sc.g_math5a, "2026-10-05", 1, sc.t1);
  Lesson away3 = L(7, sc.g_math5a, "2026-10-05", 3, sc.t1);
  std::vector<Lesson> day = {away1, away3, L(2, sc.g_math2a, "2026-10-05", 1, sc.t3),
                             L(3, sc.g_math5b, "2026-10-05", 1, sc.t2)};
  // At 08:30 t3 is free (their lesson 1 is at 10:20), t2 is busy.
  auto at_first = FindSubstitutes(sc.s, bells, day, away1);
  CHECK(Ids(at_first) == std::vector<int64_t>{sc.t3, sc.t4, sc.t5});
  // At 10:30 (the first shift's 3rd lesson) t3 is busy with the second shift's 1st; t2 is free.
  auto at_third = FindSubstitutes(sc.s, bells, day, away3);
  CHECK(Ids(at_third) == std::vector<int64_t>{sc.t2, sc.t4, sc.t5});
  // With one shift for everybody the numbers decide, as before.
  std::vector<BellSchedule> one = {bells[0]};
  CHECK(Ids(FindSubstitutes(sc.s, one, day, away1)) == std::vector<int64_t>{sc.t4, sc.t5});
  CHECK(Ids(FindSubstitutes(sc.s, one, day, away3)) == std::vector<int64_t>{sc.t2, sc.t3, sc.t4, sc.t5});
}

TEST_CASE("bells.set: a class belongs to one shift, an unknown class is refused") {
  SubSchool sc;
  Timetable t;
  std::vector<BellSchedule> bells = TwoShifts(sc);
  for (BellSchedule b : bells) {
    b.id = 0;
    auto r = ApplyTimetableOp(t, sc.s, PlanningSchool::Op(op_kind::kBellsSet, BellsSetPayload(b)), sc.head);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
  }
  REQUIRE(t.bells.size() == 2);
  CHECK(t.bells[1].class_ids == std::vector<int64_t>{sc.c2a});
  // The stored JSON keeps the shift's classes.
  CHECK(BellScheduleFromJson(ToJson(t.bells[1]))->class_ids == std::vector<int64_t>{sc.c2a});
  BellSchedule third = bells[1];
  third.id = 0;
  third.name = "3 смена";
  auto twice = ApplyTimetableOp(t, sc.s, PlanningSchool::Op(op_kind::kBellsSet, BellsSetPayload(third)), sc.head);
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.status().message() == "2А уже учится по расписанию звонков «2 смена».");
  third.class_ids = {999};
  auto unknown = ApplyTimetableOp(t, sc.s, PlanningSchool::Op(op_kind::kBellsSet, BellsSetPayload(third)), sc.head);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == ErrorCode::kNotFound);
  CHECK(t.bells.size() == 2);
}

TEST_CASE("substitutions of a day are listed by lesson number") {
  std::vector<Lesson> lessons = {L(1, 5, "2026-10-05", 3, 10, 11), L(2, 6, "2026-10-05", 1, 12, 13),
                                 L(3, 7, "2026-10-05", 2, 10), L(4, 5, "2026-10-06", 1, 10, 11)};
  auto subs = SubstitutionsOn(lessons, D("2026-10-05"));
  REQUIRE(subs.size() == 2);
  CHECK(subs[0].id == 2);
  CHECK(subs[1].id == 1);
}

TEST_CASE("control reports count a substituted lesson as replaced for its teacher") {
  std::vector<Lesson> lessons = {L(1, 5, "2026-10-05", 1, 10), L(2, 5, "2026-10-06", 1, 10, 11),
                                 L(3, 6, "2026-10-06", 2, 12, 10), L(4, 5, "2026-11-20", 1, 10, 11),
                                 L(5, 5, "2026-10-07", 1, 10)};
  DateRange october{D("2026-10-01"), D("2026-10-31")};
  TeacherLessonCount t10 = CountTeacherLessons(lessons, 10, october);
  CHECK(t10.held == 2);
  CHECK(t10.replaced == 1);
  CHECK(t10.substituted == 1);
  TeacherLessonCount t11 = CountTeacherLessons(lessons, 11, october);
  CHECK(t11.held == 0);
  CHECK(t11.replaced == 0);
  CHECK(t11.substituted == 1);
}

}  // namespace
}  // namespace ej
