// The demo school's journal: see demo_journal.h.
#include "demo_journal.h"

#include <algorithm>
#include <map>
#include <set>

#include "demo_rng.h"
#include "journal.h"
#include "journal_store.h"
#include "op_log.h"
#include "planning_store.h"
#include "sqlite_store.h"
#include "structure_store.h"
#include "timetable_store.h"

namespace ej::server {
namespace {

// How a student usually does: the chances of 5, 4, 3, 2 in percent.
struct Level {
  int five, four, three;  // the rest is 2
};
constexpr Level kLevels[] = {{70, 28, 2}, {22, 58, 18}, {6, 30, 54}, {1, 12, 55}};

// Homework patterns by subject: what a Russian teacher writes in the journal.
std::string HomeworkFor(const std::string& subject, int n, Rng& rng) {
  auto has = [&](const char* part) { return subject.find(part) != std::string::npos; };
  int page = 10 + n * 4;
  if (has("Математика") || has("Алгебра") || has("Вероятность")) {
    int a = 100 + n * 7 + rng.Below(5);
    return "№ " + std::to_string(a) + ", " + std::to_string(a + 2) + ", " + std::to_string(a + 5);
  }
  if (has("Геометрия")) return "П. " + std::to_string(n + 1) + ", задачи " + std::to_string(20 + n * 3) + "–" + std::to_string(22 + n * 3);
  if (has("Русский")) return "Упр. " + std::to_string(40 + n * 6 + rng.Below(4)) + ", выучить правило";
  if (has("Литератур")) return "Прочитать с. " + std::to_string(page) + "–" + std::to_string(page + 9) + ", ответить на вопросы";
  if (has("английский")) return "Учебник с. " + std::to_string(page) + ", упр. " + std::to_string(1 + rng.Below(6)) + "; слова";
  if (has("Физика") || has("Химия")) return "§ " + std::to_string(n + 1) + ", задачи " + std::to_string(n * 2 + 1) + "–" + std::to_string(n * 2 + 3);
  if (has("История") || has("Обществознание") || has("География") || has("Биология") || has("Окружающий") ||
      has("Информатика")) {
    return "§ " + std::to_string(n + 1) + ", вопросы после параграфа";
  }
  return {};  // физкультура, музыка, ИЗО, труд, ОБЗР: usually none
}

}  // namespace

Status WriteDemoJournal(Connection& c, uint64_t seed, int64_t now, DemoJournalSummary* summary) {
  auto school = c.QueryInt("SELECT id FROM schools ORDER BY id LIMIT 1", {});
  if (!school.ok()) return school.status();
  int64_t school_id = *school;
  auto structure = LoadStructure(c, school_id);
  if (!structure.ok()) return structure.status();
  auto timetable = LoadTimetable(c, school_id);
  if (!timetable.ok()) return timetable.status();
  auto loaded = LoadJournal(c, school_id);
  if (!loaded.ok()) return loaded.status();
  const Structure& s = *structure;
  Journal& j = *loaded;
  auto plans = LoadPlans(c, school_id);
  if (!plans.ok()) return plans.status();
  auto works = LoadControlWorks(c, school_id);
  if (!works.ok()) return works.status();
  std::map<std::pair<int64_t, int64_t>, std::string> control_on;  // (group, day) → form
  for (const auto& w : works->works) control_on[{w.group_id, w.date.Days()}] = w.form;
  SchoolRules rules = DefaultSchoolRules();
  if (s.years.empty()) return Status::Ok();
  const AcademicYear& year = s.years.front();
  Date today = LocalDate(now);

  std::map<int64_t, int64_t> account_of;  // person → account
  Status st = c.Query("SELECT person_id, id FROM accounts WHERE school_id = ?", {school_id},
                      [&](const Row& r) { account_of[r.Int(0)] = r.Int(1); });
  if (!st.ok()) return st;
  int64_t head_person = 0;
  for (const auto& [id, p] : s.persons) {
    if (p.Has(Role::kHead)) head_person = id;
  }

  Rng rng(seed ^ 0x6A6F75726E616CULL);
  auto op_id = [&] {
    unsigned char bytes[16];
    for (int i = 0; i < 16; i += 8) {
      uint64_t x = rng.Next();
      for (int k = 0; k < 8; ++k) bytes[i + k] = static_cast<unsigned char>(x >> (8 * k));
    }
    return FormatUuid(bytes);
  };
  // Applies one operation as `author` on `day` and appends it to the log.
  auto apply = [&](const Actor& author, std::string_view kind, protocol::Json payload, Date day) -> Result<JournalApplied> {
    Operation op;
    op.op_id = op_id();
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    op.device = "demo";
    // Noon of the day, never later than now (today's lessons are entered before the demo starts).
    op.client_time = std::min((day.Days() * 86400 + 12 * 3600) * 1000, now * 1000 - 1000);
    JournalContext ctx{s, *timetable, rules, day};
    auto applied = ApplyJournalOp(j, ctx, op, author);
    if (!applied.ok()) return applied.status();
    if (Status p = PersistJournal(c, school_id, j, *applied); !p.ok()) return p;
    LogEntry e;
    e.school_id = school_id;
    e.account_id = account_of[author.person_id];
    e.op = std::move(op);
    e.server_time = e.op.client_time / 1000;
    e.result = protocol::Json::object();
    if (Status l = AppendToLog(c, e); !l.ok()) return l;
    return applied;
  };

  Actor head;
  head.school_id = school_id;
  head.person_id = head_person;
  head.roles = {Role::kHead};
  auto generated = apply(head, op_kind::kLessonsGenerate, LessonsGeneratePayload(year.id, year.range.first), year.range.first);
  if (!generated.ok()) return generated.status();

  // Each teacher as the core sees them (the groups they teach).
  std::map<int64_t, Actor> teachers;
  auto teacher = [&](int64_t person) -> const Actor& {
    auto [it, inserted] = teachers.try_emplace(person);
    if (inserted) {
      it->second.school_id = school_id;
      it->second.person_id = person;
      it->second.roles = {Role::kTeacher};
      AddJournalRelations(it->second, s, j);
    }
    return it->second;
  };

  // Every student's level, and spells of illness (a few days, now and then).
  std::map<int64_t, int> level;
  std::set<std::pair<int64_t, int64_t>> ill;  // (student, day number)
  for (const auto& [id, p] : s.persons) {
    if (!p.Has(Role::kStudent)) continue;
    int roll = rng.Below(100);
    level[id] = roll < 18 ? 0 : roll < 60 ? 1 : roll < 92 ? 2 : 3;
    for (Date d = year.range.first; d <= today; d = d.AddDays(7)) {
      if (!rng.Percent(4)) continue;
      int length = rng.Between(2, 6);
      Date start = d.AddDays(rng.Below(5));
      for (int k = 0; k < length; ++k) ill.insert({id, start.AddDays(k).Days()});
    }
  }
  auto mark_value = [&](int64_t student) {
    const Level& l = kLevels[level[student]];
    int roll = rng.Below(100);
    return std::string(roll < l.five ? "5" : roll < l.five + l.four ? "4" : roll < l.five + l.four + l.three ? "3" : "2");
  };

  // The lessons that have taken place, in the order they were held.
  std::vector<const JournalLesson*> held;
  for (const auto& [id, l] : j.lessons) {
    if (l.lesson.date <= today) held.push_back(&l);
  }
  std::sort(held.begin(), held.end(), [](const JournalLesson* a, const JournalLesson* b) {
    return std::tie(a->lesson.date, a->lesson.number, a->lesson.id) < std::tie(b->lesson.date, b->lesson.number, b->lesson.id);
  });
  std::vector<int64_t> held_ids;
  for (const JournalLesson* l : held) held_ids.push_back(l->lesson.id);

  DemoJournalSummary out;
  out.lessons = static_cast<int64_t>(j.lessons.size());
  std::map<int64_t, int> lesson_count;  // per group, so far
  for (int64_t lesson_id : held_ids) {
    const Lesson l = j.FindLesson(lesson_id)->lesson;
    const Group* group = s.FindGroup(l.group_id);
    if (!group) continue;
    const Subject* subject = s.FindSubject(group->subject_id);
    int grade = GradeOfGroup(s, l.group_id);
    const Actor& author = teacher(l.teacher_id);
    int n = lesson_count[l.group_id]++;
    std::vector<int64_t> present;
    for (int64_t student : s.GroupStudents(l.group_id, l.date)) {
      std::string code;
      if (ill.count({student, l.date.Days()})) {
        code = "б";
      } else if (rng.Below(1000) < 6) {
        code = "н";
      } else if (rng.Below(1000) < 5) {
        code = "оп";
      }
      if (!code.empty()) {
        auto a = apply(author, op_kind::kAttendanceSet, AttendanceSetPayload(l.id, student, code), l.date);
        if (!a.ok()) return a.status();
        out.absences += code != "оп";
      }
      if (code.empty() || code == "оп") present.push_back(student);
    }
    // The topic the group's КТП plans for this lesson.
    if (const ThematicPlan* plan = plans->Find(l.group_id)) {
      if (auto planned = PlannedTopicForLesson(*plan, n + 1)) {
        auto a = apply(author, op_kind::kLessonSetTopic, LessonSetTopicPayload(l.id, planned->topic->title), l.date);
        if (!a.ok()) return a.status();
      }
    }
    std::string hw = subject ? HomeworkFor(subject->name, n, rng) : std::string();
    if (!hw.empty()) {
      Homework h{hw, grade <= 4 ? 15 + 5 * rng.Below(3) : 20 + 5 * rng.Below(5), 0};
      auto a = apply(author, op_kind::kLessonSetHomework, LessonSetHomeworkPayload(l.id, h), l.date);
      if (!a.ok()) return a.status();
    }
    if (!GradingSystemForGrade(rules, grade) || present.empty()) continue;
    // The control works of the schedule, and now and then an independent work, are written by
    // everyone present; otherwise a few answer in class.
    auto control = control_on.find({l.group_id, l.date.Days()});
    bool is_control = control != control_on.end();
    bool work = is_control || n % 9 == 8;
    std::string type = is_control ? (control->second == "диктант" ? "dictation" : "control") : work ? "independent" : "answer";
    std::vector<int64_t> marked = present;
    if (!work) {
      rng.Shuffle(marked);
      marked.resize(std::min<size_t>(marked.size(), static_cast<size_t>(rng.Between(2, 5))));
    }
    for (int64_t student : marked) {
      auto a = apply(author, op_kind::kMarkAdd, MarkAddPayload(l.id, student, mark_value(student), type), l.date);
      if (!a.ok()) return a.status();
      ++out.marks;
    }
  }

  // Period marks for the periods that have ended, as the core proposes them.
  for (const auto& p : s.periods) {
    if (p.year_id != year.id || p.range.last >= today) continue;
    Date day = p.range.last.AddDays(1);
    for (const auto& g : s.groups) {
      int grade = GradeOfGroup(s, g.id);
      if (g.year_id != year.id || grade < p.grade_from || grade > p.grade_to) continue;
      const GradingSystem* system = GradingSystemForGrade(rules, grade);
      if (!system) continue;
      int64_t teacher_id = 0;
      for (const auto& w : s.workload) {
        if (w.group_id == g.id) teacher_id = w.teacher_id;
      }
      if (teacher_id == 0) continue;
      for (int64_t student : s.GroupStudents(g.id, p.range.last)) {
        ProposedFinal f = ProposeFinal(j, rules, system->id, g.id, student, p.range);
        if (f.value.empty()) continue;
        FinalKey key{g.id, student, FinalKind::kPeriod, p.id};
        auto a = apply(teacher(teacher_id), op_kind::kFinalSet, FinalSetPayload(key, f.value), day);
        if (!a.ok()) return a.status();
        ++out.finals;
      }
    }
  }
  if (summary) *summary = out;
  return Status::Ok();
}

}  // namespace ej::server
