#include <doctest/doctest.h>

#include "calendar.h"
#include "timetable.h"

namespace ej {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

// 5А (4 students) with the default calendar, mathematics for the class and English in two
// subgroups, two teachers.
struct School {
  Structure s;
  Actor head;
  int64_t year = 0, c5a = 0, math = 0, english = 0, g_math = 0, g_en1 = 0, g_en2 = 0;
  int64_t t1 = 10, t2 = 11;
  std::vector<int64_t> kids;
  int n = 0;

  School() {
    head.roles = {Role::kHead};
    s.persons[t1] = Person{t1, {"Цветкова", "Тамара", "Андреевна"}, std::nullopt, 'f', {Role::kTeacher}};
    s.persons[t2] = Person{t2, {"Румянцев", "Кирилл", "Витальевич"}, std::nullopt, 'm', {Role::kTeacher}};
    year = Must(op_kind::kYearCreate, YearCreatePayload("2026/2027", {D("2026-09-01"), D("2027-08-31")}));
    CalendarDraft cal = DefaultCalendar(*s.FindYear(year));
    for (const auto& p : cal.periods) Must(op_kind::kPeriodCreate, PeriodCreatePayload(year, p.name, p.range, p.grade_from, p.grade_to));
    for (const auto& h : cal.holidays) Must(op_kind::kHolidayCreate, HolidayCreatePayload(year, h.name, h.range));
    math = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Математика", ""));
    english = Must(op_kind::kSubjectCreate, SubjectCreatePayload("Английский язык", ""));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 5, math, 5));
    Must(op_kind::kCurriculumSet, CurriculumSetPayload(year, 5, english, 3));
    c5a = Must(op_kind::kClassCreate, ClassCreatePayload(year, 5, "А", 0));
    for (const char* last : {"Абрамов", "Борисов", "Васильев", "Григорьев"}) {
      kids.push_back(Must(op_kind::kStudentCreate,
                          StudentCreatePayload({{last, "Иван", ""}, D("2014-02-02"), 'm'}, c5a, D("2026-09-01"))));
    }
    g_math = Must(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kWholeClass, "", math, {c5a}));
    g_en1 = Must(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kSubgroup, "5А англ. 1", english, {c5a}));
    g_en2 = Must(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kSubgroup, "5А англ. 2", english, {c5a}));
    Must(op_kind::kGroupSetMembers, GroupSetMembersPayload(g_en1, {kids[0], kids[1]}));
    Must(op_kind::kGroupSetMembers, GroupSetMembersPayload(g_en2, {kids[2], kids[3]}));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t1, g_math, 5));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t1, g_en1, 3));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t2, g_en2, 3));
  }
  int64_t Must(std::string_view kind, protocol::Json payload) {
    Operation op;
    op.op_id = "tt-" + std::to_string(++n);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    auto r = ApplyStructureOp(s, op, head);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->created_id;
  }
  TimetableEntry Entry(int64_t id, int64_t group, int64_t teacher, int weekday, int number, std::string room = "",
                       WeekParity parity = WeekParity::kEvery) {
    return TimetableEntry{id, year, group, teacher, weekday, number, std::move(room), parity, TimetableKind::kMain};
  }
  // A full, conflict-free week: mathematics Mon–Fri 2nd lesson; English subgroups at the
  // same time in two rooms with two teachers on Mon, Wed, Fri 3rd lesson.
  std::vector<TimetableEntry> Week() {
    std::vector<TimetableEntry> es;
    int64_t id = 0;
    for (int wd = 1; wd <= 5; ++wd) es.push_back(Entry(++id, g_math, t1, wd, 2, "201"));
    for (int wd : {1, 3, 5}) {
      es.push_back(Entry(++id, g_en1, t1, wd, 3, "305"));
      es.push_back(Entry(++id, g_en2, t2, wd, 3, "306"));
    }
    return es;
  }
};

bool Has(const std::vector<TimetableConflict>& cs, const std::string& code) {
  for (const auto& c : cs) {
    if (c.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a bell schedule has numbered lessons of 30 minutes or more and breaks") {
  BellSchedule b{1, "1 смена", {{1, *ClockTime::Parse("08:30"), *ClockTime::Parse("09:15")},
                                {2, *ClockTime::Parse("09:25"), *ClockTime::Parse("10:10")}}};
  CHECK(ValidateBellSchedule(b).ok());
  CHECK(ClockTime::Parse("08:30")->Text() == "08:30");
  CHECK_FALSE(ClockTime::Parse("24:00"));
  CHECK_FALSE(ClockTime::Parse("8:30"));
  BellSchedule tight = b;
  tight.slots[1].start = *ClockTime::Parse("09:17");
  CHECK(ValidateBellSchedule(tight).message() == "Перемена перед 2-м уроком короче 5 минут.");
  BellSchedule gap = b;
  gap.slots[1].number = 3;
  CHECK_FALSE(ValidateBellSchedule(gap).ok());
  BellSchedule short_lesson = b;
  short_lesson.slots[0].end = *ClockTime::Parse("08:50");
  CHECK(ValidateBellSchedule(short_lesson).message() == "1-й урок короче 30 минут.");
}

TEST_CASE("weeks alternate from the year's first week") {
  School sc;
  const AcademicYear& y = *sc.s.FindYear(sc.year);
  CHECK(ParityOn(y, D("2026-09-01")) == WeekParity::kOdd);
  CHECK(ParityOn(y, D("2026-09-06")) == WeekParity::kOdd);  // Sunday of the same week
  CHECK(ParityOn(y, D("2026-09-07")) == WeekParity::kEven);
  CHECK(ParityOn(y, D("2026-09-14")) == WeekParity::kOdd);
}

TEST_CASE("a conflict-free week has no conflicts — subgroups may meet at the same time") {
  School sc;
  auto cs = FindTimetableConflicts(sc.s, sc.Week(), sc.year);
  CHECK_MESSAGE(cs.empty(), (cs.empty() ? "" : cs[0].message));
}

TEST_CASE("a teacher, a room or a student in two places at once is named with the lessons concerned") {
  School sc;
  auto week = sc.Week();
  week[5].teacher_id = sc.t1;  // both English subgroups with the same teacher on Monday, 3rd lesson
  week[6].teacher_id = sc.t1;
  auto cs = FindTimetableConflicts(sc.s, week, sc.year);
  REQUIRE(Has(cs, "teacher_busy"));
  for (const auto& c : cs) {
    if (c.code == "teacher_busy") {
      CHECK(c.message.find("Цветкова Т.") != std::string::npos);
      CHECK(c.message.find("понедельник, 3-й урок") != std::string::npos);
      CHECK(c.entry_ids.size() == 2);
    }
  }
  auto rooms = sc.Week();
  rooms[6].room = "305";
  CHECK(Has(FindTimetableConflicts(sc.s, rooms, sc.year), "room_busy"));

  // Mathematics for the whole class at the time of an English subgroup: students clash.
  auto students = sc.Week();
  students[0].number = 3;  // Monday mathematics moved onto the subgroups' lesson
  students[0].teacher_id = sc.t2 + 100;
  auto clash = FindTimetableConflicts(sc.s, students, sc.year);
  REQUIRE(Has(clash, "student_busy"));
  for (const auto& c : clash) {
    if (c.code == "student_busy") CHECK(c.message.find("У 2 учеников") != std::string::npos);
  }
}

TEST_CASE("alternating weeks share a slot without conflict and count half an hour each") {
  School sc;
  auto week = sc.Week();
  // Mathematics: 4 every week + one on odd weeks + one on even weeks = 5 hours.
  week[4].parity = WeekParity::kOdd;
  week.push_back(sc.Entry(100, sc.g_math, sc.t1, 5, 2, "201", WeekParity::kEven));
  CHECK(FindTimetableConflicts(sc.s, week, sc.year).empty());
  week.back().parity = WeekParity::kEvery;
  CHECK(Has(FindTimetableConflicts(sc.s, week, sc.year), "teacher_busy"));
}

TEST_CASE("weekly hours are checked against the workload") {
  School sc;
  auto week = sc.Week();
  week.pop_back();  // one English lesson of subgroup 2 fewer
  auto cs = FindTimetableConflicts(sc.s, week, sc.year);
  REQUIRE(Has(cs, "hours_under"));
  for (const auto& c : cs) {
    if (c.code == "hours_under") CHECK(c.message == "«5А англ. 2»: в расписании 2 ч в неделю, а по нагрузке 3 ч.");
  }
  week = sc.Week();
  week.push_back(sc.Entry(100, sc.g_math, sc.t1, 1, 5, "201"));
  CHECK(Has(FindTimetableConflicts(sc.s, week, sc.year), "hours_over"));
}

TEST_CASE("lessons are generated on study days only: no weekends, no holidays, not outside periods") {
  School sc;
  auto lessons = GenerateLessons(sc.s, sc.Week(), sc.year, {});
  REQUIRE_FALSE(lessons.empty());
  for (const auto& l : lessons) {
    CHECK(l.date.Weekday() <= 5);
    CHECK_FALSE(DateRange{D("2026-10-26"), D("2026-11-04")}.Contains(l.date));  // autumn holidays
    CHECK_FALSE(DateRange{D("2026-12-29"), D("2027-01-10")}.Contains(l.date));  // winter holidays
    CHECK(l.date <= D("2027-05-26"));
  }
  // Mondays of the first quarter (1 Sept – 25 Oct 2026): 7, 14, 21, 28 Sept, 5, 12, 19 Oct.
  int monday_math_q1 = 0;
  for (const auto& l : lessons) {
    if (l.group_id == sc.g_math && l.date.Weekday() == 1 && l.date <= D("2026-10-25")) ++monday_math_q1;
  }
  CHECK(monday_math_q1 == 7);
  // The first lesson of the year is Tuesday 1 September, mathematics.
  CHECK(lessons.front().date == D("2026-09-01"));
  CHECK(lessons.front().group_id == sc.g_math);
  // Alternating weeks give every other Friday.
  auto week = sc.Week();
  week[4].parity = WeekParity::kOdd;
  int fridays = 0;
  for (const auto& l : GenerateLessons(sc.s, week, sc.year, {})) {
    if (l.group_id == sc.g_math && l.date.Weekday() == 5 && l.date <= D("2026-10-25")) ++fridays;
  }
  CHECK(fridays == 4);  // 4, 18 Sept, 2, 16 Oct (odd weeks)
  // A six-day week adds Saturdays when there are Saturday entries.
  auto saturday = sc.Week();
  saturday.push_back(sc.Entry(200, sc.g_math, sc.t1, 6, 1, "201"));
  int on_saturday = 0;
  for (const auto& l : GenerateLessons(sc.s, saturday, sc.year, {sc.c5a})) on_saturday += l.date.Weekday() == 6;
  CHECK(on_saturday > 25);
  on_saturday = 0;
  for (const auto& l : GenerateLessons(sc.s, saturday, sc.year, {})) on_saturday += l.date.Weekday() == 6;
  CHECK(on_saturday == 0);
}

TEST_CASE("regeneration keeps lessons that have entries and says which future lessons changed") {
  School sc;
  auto lessons = GenerateLessons(sc.s, sc.Week(), sc.year, {});
  for (auto& l : lessons) {
    if (l.group_id == sc.g_math && l.date == D("2026-11-09")) l.has_entries = true;  // a Monday with marks
  }
  // Monday mathematics moves from the 2nd to the 4th lesson from 9 November on.
  auto week = sc.Week();
  week[0].number = 4;
  Regeneration r = RegenerateLessons(sc.s, week, sc.year, {}, lessons, D("2026-11-09"));
  bool kept_with_marks = false, old_past_kept = false;
  for (const auto& l : r.lessons) {
    if (l.group_id == sc.g_math && l.date == D("2026-11-09") && l.number == 2) kept_with_marks = true;
    if (l.group_id == sc.g_math && l.date == D("2026-11-02") && l.number == 2) old_past_kept = true;
  }
  CHECK(kept_with_marks);
  CHECK_FALSE(old_past_kept);  // 2 November is in the autumn holidays: there never was one
  for (const auto& l : r.removed) {
    CHECK(l.date > D("2026-11-09"));  // the marked lesson is not removed
    CHECK(l.number == 2);
    CHECK_FALSE(l.has_entries);
  }
  CHECK_FALSE(r.removed.empty());
  CHECK(r.added.size() == r.removed.size() + 1);  // 9 November keeps its old lesson and gets the new one
  for (const auto& l : r.added) CHECK(l.number == 4);
}

TEST_CASE("a substitution gives the substitute this one lesson and nothing else") {
  Lesson regular{1, 5, D("2026-11-09"), 2, 10, 0, "201", 1, false};
  Lesson substituted = regular;
  substituted.id = 2;
  substituted.substitute_id = 11;
  CHECK(MayKeepLesson(regular, 10));
  CHECK_FALSE(MayKeepLesson(regular, 11));
  CHECK(MayKeepLesson(substituted, 11));
  CHECK_FALSE(MayKeepLesson(substituted, 10));
  CHECK_FALSE(MayKeepLesson(regular, 0));
}

}  // namespace ej

namespace ej {

TEST_CASE("timetable operations: bells first, then entries within the bells, only by the administration") {
  School sc;
  Timetable t;
  Operation op;
  op.op_id = "x";
  op.kind = std::string(op_kind::kTimetableSetEntry);
  op.payload = TimetableSetEntryPayload(sc.Entry(0, sc.g_math, sc.t1, 1, 2, "201"));
  auto no_bells = ApplyTimetableOp(t, sc.s, op, sc.head);
  REQUIRE_FALSE(no_bells.ok());
  CHECK(no_bells.status().message() == "Сначала задайте расписание звонков.");

  Operation bells;
  bells.kind = std::string(op_kind::kBellsSet);
  bells.payload = BellsSetPayload({0, "1 смена", {{1, *ClockTime::Parse("08:30"), *ClockTime::Parse("09:15")},
                                                 {2, *ClockTime::Parse("09:25"), *ClockTime::Parse("10:10")}}});
  REQUIRE(ApplyTimetableOp(t, sc.s, bells, sc.head).ok());
  auto ok = ApplyTimetableOp(t, sc.s, op, sc.head);
  REQUIRE(ok.ok());
  CHECK(t.entries.size() == 1);

  op.payload = TimetableSetEntryPayload(sc.Entry(0, sc.g_math, sc.t1, 1, 3, "201"));
  CHECK(ApplyTimetableOp(t, sc.s, op, sc.head).status().message() == "Номер урока — от 1 до 2 по расписанию звонков.");

  Actor teacher;
  teacher.roles = {Role::kTeacher};
  CHECK(ApplyTimetableOp(t, sc.s, op, teacher).status().code() == ErrorCode::kForbidden);

  auto back = TimetableFromJson(ToJson(t));
  REQUIRE(back.ok());
  CHECK(ToJson(*back) == ToJson(t));
  CHECK(back->next_entry_id == t.entries.back().id + 1);
}

}  // namespace ej

namespace ej {
namespace {

// The school of the tests above with a second class, 5Б, and its mathematics; bells for two
// lessons. `Push` applies a timetable operation as the head.
struct TwoClasses : School {
  int64_t c5b = 0, g_math_b = 0;
  Timetable t;
  TwoClasses() {
    c5b = Must(op_kind::kClassCreate, ClassCreatePayload(year, 5, "Б", 0));
    g_math_b = Must(op_kind::kGroupCreate, GroupCreatePayload(year, GroupKind::kWholeClass, "", math, {c5b}));
    Must(op_kind::kWorkloadSet, WorkloadSetPayload(t2, g_math_b, 5));
    REQUIRE(Push(op_kind::kBellsSet, BellsSetPayload({0, "1 смена", {{1, *ClockTime::Parse("08:30"), *ClockTime::Parse("09:15")},
                                                                     {2, *ClockTime::Parse("09:25"), *ClockTime::Parse("10:10")}}}))
                .ok());
  }
  Result<TimetableApplied> Push(std::string_view kind, protocol::Json payload, const Actor* actor = nullptr) {
    Operation op;
    op.op_id = "week-" + std::to_string(++n);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    return ApplyTimetableOp(t, s, op, actor ? *actor : head);
  }
};

}  // namespace

TEST_CASE("each class has its own school week: Saturday lessons are generated for a six-day class only") {
  TwoClasses sc;
  std::vector<TimetableEntry> week = {sc.Entry(1, sc.g_math, sc.t1, 6, 1, "201"), sc.Entry(2, sc.g_math_b, sc.t2, 6, 1, "202"),
                                      sc.Entry(3, sc.g_math_b, sc.t2, 1, 1, "202")};
  int saturdays_a = 0, saturdays_b = 0, mondays_b = 0;
  for (const Lesson& l : GenerateLessons(sc.s, week, sc.year, {sc.c5a})) {
    if (l.date.Weekday() == 6) (l.group_id == sc.g_math ? saturdays_a : saturdays_b)++;
    if (l.group_id == sc.g_math_b && l.date.Weekday() == 1) ++mondays_b;
  }
  CHECK(saturdays_a > 25);   // 5А studies six days
  CHECK(saturdays_b == 0);   // 5Б five: its Saturday entry makes no lessons
  CHECK(mondays_b > 25);     // and its weekdays are unchanged
  // A Saturday in the autumn holidays is not a study day even for a six-day class.
  for (const Lesson& l : GenerateLessons(sc.s, week, sc.year, {sc.c5a})) {
    CHECK_FALSE(l.date == D("2026-10-31"));
  }
  // A group drawing from both classes studies on Saturday only when both do.
  int64_t g_club = sc.Must(op_kind::kGroupCreate, GroupCreatePayload(sc.year, GroupKind::kElective, "Шахматы", sc.math, {sc.c5a, sc.c5b}));
  CHECK_FALSE(GroupStudiesSixDays(sc.s, {sc.c5a}, g_club));
  CHECK(GroupStudiesSixDays(sc.s, {sc.c5a, sc.c5b}, g_club));
  // Regeneration follows the same weeks: 5Б's Saturday lessons appear once it studies six days.
  auto lessons = GenerateLessons(sc.s, week, sc.year, {sc.c5a});
  Regeneration r = RegenerateLessons(sc.s, week, sc.year, {sc.c5a, sc.c5b}, lessons, D("2026-11-09"));
  CHECK_FALSE(r.added.empty());
  for (const Lesson& l : r.added) {
    CHECK(l.group_id == sc.g_math_b);
    CHECK(l.date.Weekday() == 6);
  }
  CHECK(r.removed.empty());
}

TEST_CASE("timetable.set_week: a class studies five or six days, Saturday lessons only in a six-day week") {
  TwoClasses sc;
  auto saturday = [&](int64_t group, int64_t teacher) {
    return sc.Push(op_kind::kTimetableSetEntry, TimetableSetEntryPayload(sc.Entry(0, group, teacher, 6, 1, "201")));
  };
  // Every class starts with five days: a Saturday lesson is refused and says where the week is set.
  auto refused = saturday(sc.g_math, sc.t1);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().field() == "weekday");
  CHECK(refused.status().message() ==
        "5А учится пять дней в неделю: в субботу уроков нет. Шестидневная неделя отмечается у класса.");
  // Six days for 5А: its Saturday lesson is taken, 5Б's still refused.
  auto six = sc.Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(sc.c5a, 6));
  REQUIRE(six.ok());
  CHECK(six->week_changed == sc.c5a);
  CHECK(sc.t.six_day_classes == std::vector<int64_t>{sc.c5a});
  auto taken = saturday(sc.g_math, sc.t1);
  REQUIRE(taken.ok());
  CHECK_FALSE(saturday(sc.g_math_b, sc.t2).ok());
  // Back to five days is refused while 5А has the Saturday lesson, which is named.
  auto back = sc.Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(sc.c5a, 5));
  REQUIRE_FALSE(back.ok());
  CHECK(back.status().message() == "У 5А в субботу стоят уроки («5А — Математика», 1-й урок) — сначала перенесите их на другие дни.");
  CHECK(sc.t.six_day_classes == std::vector<int64_t>{sc.c5a});
  REQUIRE(sc.Push(op_kind::kTimetableRemoveEntry, TimetableRemoveEntryPayload(taken->created_id)).ok());
  REQUIRE(sc.Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(sc.c5a, 5)).ok());
  CHECK(sc.t.six_day_classes.empty());
  // Setting the same week twice changes nothing; bad input is named.
  REQUIRE(sc.Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(sc.c5b, 6)).ok());
  REQUIRE(sc.Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(sc.c5b, 6)).ok());
  CHECK(sc.t.six_day_classes == std::vector<int64_t>{sc.c5b});
  auto seven = sc.Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(sc.c5a, 7));
  CHECK(seven.status().message() == "Учебная неделя — пять или шесть дней.");
  CHECK(seven.status().field() == "days");
  CHECK(sc.Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(999, 6)).status().code() == ErrorCode::kNotFound);
  // Only the administration sets a class's week.
  Actor teacher;
  teacher.roles = {Role::kTeacher};
  CHECK(sc.Push(op_kind::kTimetableSetWeek, TimetableSetWeekPayload(sc.c5a, 6), &teacher).status().code() ==
        ErrorCode::kForbidden);
  CHECK(sc.t.six_day_classes == std::vector<int64_t>{sc.c5b});
  // The weeks travel with the timetable's JSON; a pull resyncs on the operation.
  auto json = TimetableFromJson(ToJson(sc.t));
  REQUIRE(json.ok());
  CHECK(json->six_day_classes == std::vector<int64_t>{sc.c5b});
  CHECK(IsTimetableOp(op_kind::kTimetableSetWeek));
}

TEST_CASE("a Saturday lesson of a five-day class stored before the week could be set is listed as a conflict") {
  TwoClasses sc;
  sc.t.entries = sc.Week();
  auto saturdays = [&]() {
    std::vector<TimetableConflict> out;
    for (const auto& c : FindTimetableConflicts(sc.s, sc.t, sc.year)) {
      if (c.code == "saturday_five_day") out.push_back(c);
    }
    return out;
  };
  CHECK(saturdays().empty());
  sc.t.entries.push_back(sc.Entry(50, sc.g_math, sc.t1, 6, 1, "201"));  // as an old database may hold
  // The entries-only check does not know the weeks; the timetable's does.
  for (const auto& c : FindTimetableConflicts(sc.s, sc.t.entries, sc.year)) CHECK(c.code != "saturday_five_day");
  auto found = saturdays();
  REQUIRE(found.size() == 1);
  const TimetableConflict* saturday = &found[0];
  CHECK(saturday->entry_ids == std::vector<int64_t>{50});
  CHECK(saturday->group_id == sc.g_math);
  CHECK(saturday->message == "«5А — Математика»: урок в субботу (1-й), а класс учится пять дней в неделю — в журнале этих "
                             "уроков не будет. Перенесите урок или отметьте шестидневную неделю.");
  // Six days for 5А: the lesson is a lesson again.
  sc.t.six_day_classes = {sc.c5a};
  CHECK(saturdays().empty());
}

}  // namespace ej
