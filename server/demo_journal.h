// Internal to the server: the demo school's journal. Lessons for the whole year from the
// timetable, and for the lessons up to the demo's "today": homework, marks (answers in class,
// independent and control works) that follow each student's level, absences in believable
// spells of illness, and the period marks of the periods that have ended. Every entry is made
// by the core's operations as the lesson's teacher would make it on the lesson's day, and is
// appended to the school's hash-chained log like any other operation.
#pragma once

#include <cstdint>

#include "db.h"
#include "status.h"

namespace ej::server {

struct DemoJournalSummary {
  int64_t lessons = 0;
  int64_t marks = 0;
  int64_t absences = 0;
  int64_t finals = 0;
};

// Inside a write transaction, for the (only) school of a freshly made demo database. `now` is
// the demo's Unix time: entries stop at its local date.
Status WriteDemoJournal(Connection& c, uint64_t seed, int64_t now, DemoJournalSummary* summary);

}  // namespace ej::server
