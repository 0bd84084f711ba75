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
  auto c = FindSubstitutes(sc.s, day, away);
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
  auto c = FindSubstitutes(sc.s, day, away);
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
  auto c = FindSubstitutes(sc.s, day, away);
  REQUIRE(c.size() >= 2);
  // t3 now teaches mathematics in grade 5 too and keeps no lesson that day.
  CHECK(c[0].person_id == sc.t3);
  CHECK(c[1].person_id == sc.t2);
  CHECK(c[0].fit == SubstituteFit::kSameGrade);
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
