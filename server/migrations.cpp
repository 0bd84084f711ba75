#include "migrations.h"

namespace ej::server {
namespace {

// Every row belongs to a school (directly or through its parent row).
// Times are Unix seconds (UTC); dates are ISO 'YYYY-MM-DD' text.
constexpr Migration kMigrations[] = {
    {1, "accounts, sessions and the school roster", R"SQL(
CREATE TABLE schools (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);

CREATE TABLE persons (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  last_name   TEXT NOT NULL,
  first_name  TEXT NOT NULL,
  middle_name TEXT NOT NULL DEFAULT '',
  birth_date  TEXT,
  sex         TEXT CHECK (sex IN ('m', 'f')),
  email       TEXT,
  phone       TEXT
);
CREATE INDEX persons_school ON persons(school_id);

-- A person holds several roles (R1). Roles tied to a class (class teacher) are recorded
-- with the class in classes.class_teacher_id; the role row says the person holds it.
CREATE TABLE person_roles (
  person_id   INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  role        TEXT NOT NULL,
  PRIMARY KEY (person_id, role)
) WITHOUT ROWID;

-- Every participant has an own account (R9, R22). password_hash is NULL until a password
-- is issued (the account cannot log in before that).
CREATE TABLE accounts (
  id                  INTEGER PRIMARY KEY,
  school_id           INTEGER NOT NULL REFERENCES schools(id),
  person_id           INTEGER NOT NULL UNIQUE REFERENCES persons(id),
  login               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash       TEXT,
  disabled            INTEGER NOT NULL DEFAULT 0,
  created_at          INTEGER NOT NULL,
  password_changed_at INTEGER
);

-- A session token is never stored: only its SHA-256.
CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  token_hash    BLOB NOT NULL UNIQUE,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  ip            TEXT NOT NULL DEFAULT '',
  user_agent    TEXT NOT NULL DEFAULT '',
  revoked_at    INTEGER
);
CREATE INDEX sessions_account ON sessions(account_id);

CREATE TABLE academic_years (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  name        TEXT NOT NULL,            -- '2026/2027'
  starts_on   TEXT NOT NULL,
  ends_on     TEXT NOT NULL,
  UNIQUE (school_id, name)
);

CREATE TABLE subjects (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  UNIQUE (school_id, name)
);

-- Hours a week per subject per grade for a year.
CREATE TABLE curriculum (
  year_id     INTEGER NOT NULL REFERENCES academic_years(id),
  grade       INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 11),
  subject_id  INTEGER NOT NULL REFERENCES subjects(id),
  profile     TEXT NOT NULL DEFAULT '',
  hours       REAL NOT NULL CHECK (hours > 0),
  PRIMARY KEY (year_id, grade, subject_id, profile)
) WITHOUT ROWID;

CREATE TABLE classes (
  id                INTEGER PRIMARY KEY,
  school_id         INTEGER NOT NULL REFERENCES schools(id),
  year_id           INTEGER NOT NULL REFERENCES academic_years(id),
  grade             INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 11),
  letter            TEXT NOT NULL,
  class_teacher_id  INTEGER REFERENCES persons(id),
  UNIQUE (year_id, grade, letter)
);

-- A student's membership of a class over time; to_date NULL while current.
CREATE TABLE enrollments (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  class_id    INTEGER NOT NULL REFERENCES classes(id),
  from_date   TEXT NOT NULL,
  to_date     TEXT
);
CREATE INDEX enrollments_student ON enrollments(student_id);
CREATE INDEX enrollments_class ON enrollments(class_id);

-- Parents and legal representatives of a student.
CREATE TABLE guardianships (
  parent_id   INTEGER NOT NULL REFERENCES persons(id),
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  kind        TEXT NOT NULL CHECK (kind IN ('mother', 'father', 'guardian')),
  PRIMARY KEY (parent_id, student_id)
) WITHOUT ROWID;
CREATE INDEX guardianships_student ON guardianships(student_id);

CREATE TABLE staff (
  person_id   INTEGER PRIMARY KEY REFERENCES persons(id),
  position    TEXT NOT NULL             -- 'учитель математики', 'заместитель директора по УВР'
);

-- Which subjects a teacher is qualified to teach.
CREATE TABLE staff_subjects (
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  subject_id  INTEGER NOT NULL REFERENCES subjects(id),
  PRIMARY KEY (person_id, subject_id)
) WITHOUT ROWID;
)SQL"},
    {2, "study periods, holidays and the operation log", R"SQL(
CREATE TABLE study_periods (
  id          INTEGER PRIMARY KEY,
  year_id     INTEGER NOT NULL REFERENCES academic_years(id),
  name        TEXT NOT NULL,
  first_day   TEXT NOT NULL,
  last_day    TEXT NOT NULL,
  grade_from  INTEGER NOT NULL CHECK (grade_from BETWEEN 1 AND 11),
  grade_to    INTEGER NOT NULL CHECK (grade_to BETWEEN grade_from AND 11)
);
CREATE INDEX study_periods_year ON study_periods(year_id);

CREATE TABLE holidays (
  id          INTEGER PRIMARY KEY,
  year_id     INTEGER NOT NULL REFERENCES academic_years(id),
  name        TEXT NOT NULL,
  first_day   TEXT NOT NULL,
  last_day    TEXT NOT NULL
);
CREATE INDEX holidays_year ON holidays(year_id);

-- The append-only log of applied operations (DESIGN.md). Each entry carries the hash of the
-- previous entry and its own: hash = SHA-256(prev_hash || canonical JSON of the entry).
-- Rows are never updated except invalidated_at (R25), which is outside the hashed form.
CREATE TABLE op_log (
  seq            INTEGER PRIMARY KEY,
  school_id      INTEGER NOT NULL REFERENCES schools(id),
  op_id          TEXT NOT NULL UNIQUE,
  account_id     INTEGER NOT NULL REFERENCES accounts(id),
  device         TEXT NOT NULL DEFAULT '',
  kind           TEXT NOT NULL,
  payload        TEXT NOT NULL,
  client_time    INTEGER NOT NULL,
  server_time    INTEGER NOT NULL,
  result         TEXT NOT NULL,
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL,
  invalidated_at INTEGER
);
CREATE INDEX op_log_school ON op_log(school_id, seq);

-- An enrollment can end (transfer, leaving); persons may be created by operations.
CREATE INDEX persons_name ON persons(school_id, last_name, first_name);

-- A set of students taught one subject together (whole class, subgroup, profile group,
-- elective, club, project group), drawn from one or more classes.
CREATE TABLE study_groups (
  id          INTEGER PRIMARY KEY,
  year_id     INTEGER NOT NULL REFERENCES academic_years(id),
  kind        TEXT NOT NULL CHECK (kind IN ('class', 'subgroup', 'profile', 'elective', 'club', 'project')),
  name        TEXT NOT NULL,
  subject_id  INTEGER NOT NULL REFERENCES subjects(id),
  UNIQUE (year_id, name)
);
CREATE TABLE group_classes (
  group_id    INTEGER NOT NULL REFERENCES study_groups(id) ON DELETE CASCADE,
  class_id    INTEGER NOT NULL REFERENCES classes(id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (group_id, class_id)
) WITHOUT ROWID;
CREATE TABLE group_members (
  group_id    INTEGER NOT NULL REFERENCES study_groups(id) ON DELETE CASCADE,
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (group_id, student_id)
) WITHOUT ROWID;

-- Teachers' workload (тарификация): hours a week of a teacher in a group.
CREATE TABLE workload (
  id          INTEGER PRIMARY KEY,
  year_id     INTEGER NOT NULL REFERENCES academic_years(id),
  teacher_id  INTEGER NOT NULL REFERENCES persons(id),
  subject_id  INTEGER NOT NULL REFERENCES subjects(id),
  group_id    INTEGER NOT NULL REFERENCES study_groups(id),
  hours       REAL NOT NULL CHECK (hours > 0),
  UNIQUE (teacher_id, group_id)
);
CREATE INDEX workload_group ON workload(group_id);
)SQL"},
    {3, "the school's rules", R"SQL(
-- The school's rules as data (R4): grading systems, mark types and weights, attendance codes,
-- correction window, homework limits. One JSON document per school (shared/school_rules.h);
-- a school without a row uses the defaults.
CREATE TABLE school_rules (
  school_id   INTEGER PRIMARY KEY REFERENCES schools(id),
  rules       TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);
)SQL"},
    {4, "bell schedules and the weekly timetable", R"SQL(
CREATE TABLE bell_schedules (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  schedule    TEXT NOT NULL          -- the BellSchedule as JSON (shared/timetable.h)
);
CREATE TABLE timetable_entries (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  year_id     INTEGER NOT NULL REFERENCES academic_years(id),
  group_id    INTEGER NOT NULL REFERENCES study_groups(id),
  teacher_id  INTEGER NOT NULL REFERENCES persons(id),
  weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 6),
  number      INTEGER NOT NULL CHECK (number >= 1),
  room        TEXT NOT NULL DEFAULT '',
  parity      TEXT NOT NULL CHECK (parity IN ('every', 'odd', 'even')),
  kind        TEXT NOT NULL CHECK (kind IN ('main', 'extracurricular', 'additional'))
);
CREATE INDEX timetable_entries_school ON timetable_entries(school_id, year_id);
)SQL"},
    {5, "individual study plans", R"SQL(
-- A student's own plan for a year (ИУП, R10, R21): a subject's hours a week added to the
-- class's curriculum ('add') or replacing it ('replace'; 0 hours: the subject is not studied).
CREATE TABLE iup_lines (
  year_id     INTEGER NOT NULL REFERENCES academic_years(id),
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  subject_id  INTEGER NOT NULL REFERENCES subjects(id),
  mode        TEXT NOT NULL CHECK (mode IN ('add', 'replace')),
  hours       REAL NOT NULL CHECK (hours >= 0),
  PRIMARY KEY (year_id, student_id, subject_id)
) WITHOUT ROWID;
CREATE INDEX iup_lines_student ON iup_lines(student_id);
)SQL"},
    {6, "thematic plans and the control-work schedule", R"SQL(
-- The thematic plan (КТП) of a group and its subject (shared/thematic_plan.h): a version for
-- conflicts, and the topics in order.
CREATE TABLE thematic_plans (
  group_id     INTEGER PRIMARY KEY REFERENCES study_groups(id),
  school_id    INTEGER NOT NULL REFERENCES schools(id),
  subject_id   INTEGER NOT NULL REFERENCES subjects(id),
  version      INTEGER NOT NULL CHECK (version >= 1),
  updated_at   INTEGER NOT NULL
);
CREATE INDEX thematic_plans_school ON thematic_plans(school_id);
CREATE TABLE plan_topics (
  group_id     INTEGER NOT NULL REFERENCES thematic_plans(group_id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  school_id    INTEGER NOT NULL REFERENCES schools(id),
  title        TEXT NOT NULL,
  hours        INTEGER NOT NULL CHECK (hours >= 1),
  control      INTEGER NOT NULL CHECK (control IN (0, 1)),
  control_form TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

-- The consolidated control-work schedule (ВСОКО, shared/control_works.h) and the school's
-- load rules (a school without a row uses the defaults).
CREATE TABLE control_works (
  id            INTEGER PRIMARY KEY,
  school_id     INTEGER NOT NULL REFERENCES schools(id),
  year_id       INTEGER NOT NULL REFERENCES academic_years(id),
  group_id      INTEGER NOT NULL REFERENCES study_groups(id),
  day           TEXT NOT NULL,
  lesson_number INTEGER NOT NULL CHECK (lesson_number >= 0),
  form          TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX control_works_school ON control_works(school_id, year_id, day);
CREATE TABLE control_work_rules (
  school_id            INTEGER PRIMARY KEY REFERENCES schools(id),
  max_per_day          INTEGER NOT NULL,
  max_per_week_primary INTEGER NOT NULL,
  max_per_week         INTEGER NOT NULL
);
)SQL"},
    {7, "the class journal", R"SQL(
-- Lessons as held (shared/journal.h): generated from the timetable, substituted, moved; with
-- the topic and the homework. Marks, attendance and finals hang on them. Every change to these
-- tables is an operation in op_log, applied in the same transaction.
CREATE TABLE lessons (
  id               INTEGER PRIMARY KEY,
  school_id        INTEGER NOT NULL REFERENCES schools(id),
  group_id         INTEGER NOT NULL REFERENCES study_groups(id),
  day              TEXT NOT NULL,              -- ISO date
  number           INTEGER NOT NULL CHECK (number >= 1),
  teacher_id       INTEGER NOT NULL REFERENCES persons(id),
  substitute_id    INTEGER REFERENCES persons(id),
  room             TEXT NOT NULL DEFAULT '',
  entry_id         INTEGER NOT NULL DEFAULT 0,  -- the timetable entry (0: none)
  moved            INTEGER NOT NULL DEFAULT 0,
  topic            TEXT NOT NULL DEFAULT '',
  homework         TEXT NOT NULL DEFAULT '',
  homework_minutes INTEGER NOT NULL DEFAULT 0,
  homework_due     INTEGER NOT NULL DEFAULT 0,
  topic_version    INTEGER NOT NULL DEFAULT 0,
  homework_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lessons_group ON lessons(school_id, group_id, day);
CREATE INDEX lessons_day ON lessons(school_id, day);
CREATE TABLE marks (
  id          TEXT PRIMARY KEY,                -- the UUID of the mark.add that made it
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  lesson_id   INTEGER NOT NULL REFERENCES lessons(id),
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  value       TEXT NOT NULL,
  type        TEXT NOT NULL,
  comment     TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL
);
CREATE INDEX marks_lesson ON marks(lesson_id);
CREATE INDEX marks_student ON marks(school_id, student_id);
CREATE TABLE attendance (
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  lesson_id   INTEGER NOT NULL REFERENCES lessons(id),
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  code        TEXT NOT NULL,
  version     INTEGER NOT NULL,
  PRIMARY KEY (lesson_id, student_id)
);
CREATE INDEX attendance_student ON attendance(school_id, student_id);
CREATE TABLE finals (
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  group_id    INTEGER NOT NULL REFERENCES study_groups(id),
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  kind        TEXT NOT NULL CHECK (kind IN ('period', 'year', 'exam', 'final')),
  period_id   INTEGER NOT NULL DEFAULT 0,
  value       TEXT NOT NULL,
  version     INTEGER NOT NULL,
  PRIMARY KEY (group_id, student_id, kind, period_id)
);
CREATE TABLE correction_requests (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  request     TEXT NOT NULL                    -- the CorrectionRequest as JSON (shared/journal.h)
);
CREATE TABLE locked_periods (
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  period_id   INTEGER NOT NULL REFERENCES study_periods(id),
  PRIMARY KEY (school_id, period_id)
);
)SQL"},
    {8, "the personal-data access log; indexes for loading who a user is", R"SQL(
CREATE TABLE pd_access_log (
  id          INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  account_id  INTEGER NOT NULL REFERENCES accounts(id),
  at          INTEGER NOT NULL,              -- Unix seconds
  route       TEXT NOT NULL,                 -- the API route that read the data
  student_ids TEXT NOT NULL DEFAULT '[]',    -- JSON array of the students read
  group_id    INTEGER NOT NULL DEFAULT 0     -- or the group whose journal was read
);
CREATE INDEX pd_access_log_time ON pd_access_log(school_id, at);
-- LoadActor runs on every request: the lessons a person substitutes in, the groups they teach.
CREATE INDEX lessons_substitute ON lessons(substitute_id) WHERE substitute_id IS NOT NULL;
CREATE INDEX workload_teacher ON workload(teacher_id);
)SQL"},
    {10, "teachers' recommendations; when each account last saw each student's diary", R"SQL(
-- A teacher's recommendation to a student (shared/journal_recommendations.h); made by the
-- logged operation recommendation.add whose op_id is its id.
CREATE TABLE recommendations (
  id          TEXT PRIMARY KEY,
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  group_id    INTEGER NOT NULL REFERENCES study_groups(id),
  lesson_id   INTEGER NOT NULL DEFAULT 0,
  author_id   INTEGER NOT NULL REFERENCES persons(id),
  day         TEXT NOT NULL,                 -- YYYY-MM-DD
  text        TEXT NOT NULL
);
CREATE INDEX recommendations_school ON recommendations(school_id);
-- The op_log seq up to which an account has seen a student's diary («new since the last visit»).
CREATE TABLE diary_seen (
  account_id  INTEGER NOT NULL REFERENCES accounts(id),
  student_id  INTEGER NOT NULL REFERENCES persons(id),
  seq         INTEGER NOT NULL,
  PRIMARY KEY (account_id, student_id)
);
)SQL"},
    {11, "the lesson's notes; the order in which a cell's marks were given", R"SQL(
-- Примечание к уроку (lesson.set_notes), with its version for conflicts.
ALTER TABLE lessons ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE lessons ADD COLUMN notes_version INTEGER NOT NULL DEFAULT 0;
-- When a mark was given (the client time in ms of its mark.add): a cell shows its marks in
-- this order on every device. Existing marks take it from the log.
ALTER TABLE marks ADD COLUMN added INTEGER NOT NULL DEFAULT 0;
UPDATE marks SET added = COALESCE((SELECT client_time FROM op_log WHERE op_log.op_id = marks.id), 0);
)SQL"},
    {12, "each class's school week: five or six days", R"SQL(
-- timetable.set_week (shared/timetable.h): a class without a row studies five days.
CREATE TABLE class_weeks (
  class_id    INTEGER PRIMARY KEY REFERENCES classes(id),
  school_id   INTEGER NOT NULL REFERENCES schools(id),
  days        INTEGER NOT NULL CHECK (days IN (5, 6))
);
)SQL"},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

}  // namespace ej::server
