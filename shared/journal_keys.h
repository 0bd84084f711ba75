// Public API of the core: the class journal's JSON keys, each spelled once — the journal on the
// wire (lessons, marks, attendance, finals, correction requests, locked periods), the payloads
// of its operations and what an Apply records beside them in the log ("old", "reason",
// "correction"). Used by journal.cpp, journal_ops.cpp, audit.cpp, the server's store and the
// client's sync; bring them in with `using namespace journal_key;` inside a .cpp.
#pragma once

namespace ej::journal_key {

// ---- the journal ----
constexpr const char* kKeyLessons = "lessons";
constexpr const char* kKeyMarks = "marks";
constexpr const char* kKeyAttendance = "attendance";
constexpr const char* kKeyFinals = "finals";
constexpr const char* kKeyRequests = "requests";
constexpr const char* kKeyLockedPeriods = "locked_periods";

// ---- a lesson ----
constexpr const char* kKeyId = "id";
constexpr const char* kKeyGroupId = "group_id";
constexpr const char* kKeyDate = "date";
constexpr const char* kKeyNumber = "number";
constexpr const char* kKeyTeacherId = "teacher_id";
constexpr const char* kKeySubstituteId = "substitute_id";
constexpr const char* kKeyRoom = "room";
constexpr const char* kKeyEntryId = "entry_id";
constexpr const char* kKeyTopic = "topic";
constexpr const char* kKeyTopicVersion = "topic_version";
constexpr const char* kKeyMoved = "moved";
constexpr const char* kKeyNotes = "notes";
constexpr const char* kKeyNotesVersion = "notes_version";
constexpr const char* kKeyHomework = "homework";
constexpr const char* kKeyText = "text";  // the homework's text
constexpr const char* kKeyMinutes = "minutes";
constexpr const char* kKeyDueLessonId = "due_lesson_id";
constexpr const char* kKeyVersion = "version";

// ---- marks, attendance, finals, correction requests ----
constexpr const char* kKeyLessonId = "lesson_id";
constexpr const char* kKeyStudentId = "student_id";
constexpr const char* kKeyMarkId = "mark_id";
constexpr const char* kKeyValue = "value";
constexpr const char* kKeyType = "type";
constexpr const char* kKeyComment = "comment";
constexpr const char* kKeyAdded = "added";  // a mark's order; lessons.generate's summary
constexpr const char* kKeyRemoved = "removed";  // lessons.generate's summary
constexpr const char* kKeyCode = "code";
constexpr const char* kKeyKind = "kind";
constexpr const char* kKeyPeriodId = "period_id";
constexpr const char* kKeyOp = "op";
constexpr const char* kKeyAuthorId = "author_id";
constexpr const char* kKeyReason = "reason";
constexpr const char* kKeyState = "state";
constexpr const char* kKeyDecidedBy = "decided_by";

// ---- operation payloads only ----
constexpr const char* kKeyYearId = "year_id";
constexpr const char* kKeyFrom = "from";
constexpr const char* kKeyRequestId = "request_id";
constexpr const char* kKeyApprove = "approve";
constexpr const char* kKeyLocked = "locked";

// ---- what the log keeps beside an applied operation ----
constexpr const char* kKeyOld = "old";
constexpr const char* kKeyCorrection = "correction";

}  // namespace ej::journal_key
