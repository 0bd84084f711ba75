// Public API of the core: adding students by pasting rows copied from a spreadsheet
// (tab-separated, Cyrillic). Each row is checked on its own and reported: accepted rows become
// student.create operations, rejected rows say why; nothing is added twice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "structure.h"

namespace ej {

// At most this many pasted rows are added at once (they go in one push); a longer paste is
// refused as a whole, before any row is checked.
inline constexpr int kMaxPastedRows = static_cast<int>(kMaxOpsPerPush);
// The number of data rows in a paste (blank lines and a header row not counted).
int PastedRowCount(std::string_view text);
// A validation error naming the count when the paste has more than kMaxPastedRows data rows.
Status CheckPastedRowCount(std::string_view text);

struct ImportRow {
  int line = 0;              // 1-based line number in the pasted text
  std::string text;          // the row as pasted (tabs shown as " | ")
  bool ok = false;
  StudentDraft draft;        // when ok
  std::string error;         // when not ok: Russian, names the problem
};

// Columns: Фамилия, Имя, Отчество, Дата рождения (ДД.ММ.ГГГГ), Пол (м/ж). Отчество, date and
// sex may be empty. A header row (starting with «Фамилия») and empty lines are skipped.
// Rows are checked against the class's year and against students already in the school and
// earlier rows of the same paste.
std::vector<ImportRow> ParseStudentRows(std::string_view text, const Structure& s, int64_t class_id);

struct StaffImportRow {
  int line = 0;
  std::string text;
  bool ok = false;
  PersonName name;          // when ok
  std::vector<Role> roles;  // when ok
  std::string error;        // when not ok
};

// Columns: Фамилия, Имя, Отчество, Роли. Roles are Russian words separated by commas or
// semicolons: «учитель», «директор», «заместитель директора» (or «завуч»), «технический
// администратор», «родитель», «психолог», «библиотекарь», «сотрудник». A person already on
// the staff with the same full name, and a repeated row, are reported, not added.
std::vector<StaffImportRow> ParseStaffRows(std::string_view text, const Structure& s);

}  // namespace ej
