#include "roster_import.h"

namespace ej {
namespace {

std::string Trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\r' || c == '\t'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // A no-break space pasted from a spreadsheet counts as a space too.
  std::string out(s);
  while (out.rfind("\u00A0", 0) == 0) out.erase(0, 2);
  while (out.size() >= 2 && out.compare(out.size() - 2, 2, "\u00A0") == 0) out.erase(out.size() - 2);
  return out;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cells;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    cells.push_back(Trim(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos)));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return cells;
}

std::optional<char> ParseSex(const std::string& s) {
  if (s.empty()) return char{0};
  for (auto m : {"м", "М", "муж", "мужской", "m", "M"}) {
    if (s == m) return 'm';
  }
  for (auto f : {"ж", "Ж", "жен", "женский", "f", "F"}) {
    if (s == f) return 'f';
  }
  return std::nullopt;
}

std::string Shown(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += " | ";
    out += cells[i];
  }
  return out;
}

// Calls fn(line_number, cells) for each non-blank line that is not a header row.
template <typename Fn>
void ForEachRow(std::string_view text, Fn fn) {
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() + 1 : end + 1;
    ++line_no;
    auto cells = SplitTabs(line);
    bool blank = true;
    for (const auto& c : cells) blank = blank && c.empty();
    if (blank || cells[0] == "Фамилия" || cells[0] == "фамилия") continue;
    fn(line_no, cells);
  }
}

}  // namespace

int PastedRowCount(std::string_view text) {
  int n = 0;
  ForEachRow(text, [&](int, const std::vector<std::string>&) { ++n; });
  return n;
}

Status CheckPastedRowCount(std::string_view text) {
  const int n = PastedRowCount(text);
  if (n <= kMaxPastedRows) return Status::Ok();
  return Status(ErrorCode::kValidation,
                "Вставлено " + std::to_string(n) + " " + std::string(Plural(n, "строка", "строки", "строк")) +
                    ", а за один раз можно добавить не больше " + std::to_string(kMaxPastedRows) +
                    ". Вставьте таблицу частями, например по классам.");
}

namespace {

std::optional<Role> RoleFromRussian(std::string word) {
  struct Alias {
    const char* word;
    Role role;
  };
  static constexpr Alias kAliases[] = {
      {"учитель", Role::kTeacher},          {"педагог", Role::kTeacher},
      {"директор", Role::kHead},            {"заместитель директора", Role::kDeputy},
      {"завуч", Role::kDeputy},             {"технический администратор", Role::kTechAdmin},
      {"администратор", Role::kTechAdmin},  {"родитель", Role::kParent},
      {"психолог", Role::kOther},           {"библиотекарь", Role::kOther},
      {"социальный педагог", Role::kOther}, {"сотрудник", Role::kOther},
  };
  // Lower-case the Cyrillic capitals of the first letter (spreadsheets write «Учитель»).
  if (word.size() >= 2 && static_cast<unsigned char>(word[0]) == 0xD0) {
    unsigned char c = static_cast<unsigned char>(word[1]);
    if (c >= 0x90 && c <= 0x9F) word[1] = static_cast<char>(c + 0x20);
    if (c >= 0xA0 && c <= 0xAF) {
      word[0] = static_cast<char>(0xD1);
      word[1] = static_cast<char>(c - 0x20);
    }
  }
  for (const auto& a : kAliases) {
    if (word == a.word) return a.role;
  }
  return std::nullopt;
}

}  // namespace

std::vector<StaffImportRow> ParseStaffRows(std::string_view text, const Structure& s) {
  std::vector<StaffImportRow> rows;
  std::vector<PersonName> seen;
  ForEachRow(text, [&](int line_no, std::vector<std::string> cells) {
    StaffImportRow row;
    row.line = line_no;
    row.text = Shown(cells);
    auto fail = [&](std::string why) {
      row.error = std::move(why);
      rows.push_back(row);
    };
    if (cells.size() < 4) return fail("Нужны фамилия, имя, отчество и роли, разделённые табуляцией.");
    if (cells.size() > 4) return fail("Слишком много столбцов: ожидаются фамилия, имя, отчество, роли.");
    row.name = {cells[0], cells[1], cells[2]};
    Status st = ValidateNamePart(row.name.last, "фамилия", "last_name");
    if (st.ok()) st = ValidateNamePart(row.name.first, "имя", "first_name");
    if (st.ok() && !row.name.middle.empty()) st = ValidateNamePart(row.name.middle, "отчество", "middle_name");
    if (!st.ok()) return fail(st.message());
    std::string roles = cells[3];
    size_t pos = 0;
    while (pos <= roles.size()) {
      size_t end = roles.find_first_of(",;", pos);
      if (end == std::string::npos) end = roles.size();
      std::string word = Trim(std::string_view(roles).substr(pos, end - pos));
      pos = end + 1;
      if (word.empty()) continue;
      auto role = RoleFromRussian(word);
      if (!role) return fail("Роль «" + word + "» не распознана.");
      if (std::find(row.roles.begin(), row.roles.end(), *role) == row.roles.end()) row.roles.push_back(*role);
    }
    if (row.roles.empty()) return fail("Не указаны роли.");
    for (const auto& [id, p] : s.persons) {
      bool staff = !p.Has(Role::kStudent) && !(p.roles.size() == 1 && p.Has(Role::kParent));
      if (staff && p.name.last == row.name.last && p.name.first == row.name.first && p.name.middle == row.name.middle) {
        return fail("Такой сотрудник уже есть: " + FullName(row.name) + ".");
      }
    }
    for (const auto& prev : seen) {
      if (prev.last == row.name.last && prev.first == row.name.first && prev.middle == row.name.middle) {
        return fail("Эта строка повторяет одну из строк выше.");
      }
    }
    seen.push_back(row.name);
    row.ok = true;
    rows.push_back(row);
  });
  return rows;
}

std::vector<ImportRow> ParseStudentRows(std::string_view text, const Structure& s, int64_t class_id) {
  std::vector<ImportRow> rows;
  const SchoolClass* cls = s.FindClass(class_id);
  const AcademicYear* year = cls ? s.FindYear(cls->year_id) : nullptr;
  std::vector<StudentDraft> seen;
  ForEachRow(text, [&](int line_no, std::vector<std::string> cells) {
    ImportRow row;
    row.line = line_no;
    row.text = Shown(cells);
    auto fail = [&](std::string why) {
      row.error = std::move(why);
      rows.push_back(row);
    };
    if (!year) {
      return fail("Класс не найден.");
    }
    if (cells.size() < 2) {
      return fail("Нужны хотя бы фамилия и имя, разделённые табуляцией (скопируйте строки из таблицы).");
    }
    if (cells.size() > 5) {
      return fail("Слишком много столбцов: ожидаются фамилия, имя, отчество, дата рождения, пол.");
    }
    cells.resize(5);
    StudentDraft d;
    d.name = {cells[0], cells[1], cells[2]};
    Status st = ValidateNamePart(d.name.last, "фамилия", "last_name");
    if (st.ok()) st = ValidateNamePart(d.name.first, "имя", "first_name");
    if (st.ok() && !d.name.middle.empty()) st = ValidateNamePart(d.name.middle, "отчество", "middle_name");
    if (!st.ok()) {
      return fail(st.message());
    }
    if (!cells[3].empty()) {
      d.birth_date = Date::ParseRussian(cells[3]);
      if (!d.birth_date) d.birth_date = Date::ParseIso(cells[3]);
      if (!d.birth_date) {
        return fail("Дата рождения «" + cells[3] + "» не распознана: нужна дата вида 01.09.2015.");
      }
    }
    if (Status b = ValidateStudentBirthDate(d.birth_date, *year); !b.ok()) {
      return fail(b.message());
    }
    auto sex = ParseSex(cells[4]);
    if (!sex) {
      return fail("Пол «" + cells[4] + "» не распознан: нужно «м» или «ж».");
    }
    d.sex = *sex;
    if (s.FindStudent(d.name, d.birth_date)) {
      return fail("Такой ученик уже есть в школе: " + FullName(d.name) + ".");
    }
    bool repeated = false;
    for (const auto& prev : seen) {
      repeated = repeated || (prev.name.last == d.name.last && prev.name.first == d.name.first &&
                              prev.name.middle == d.name.middle && prev.birth_date == d.birth_date);
    }
    if (repeated) {
      return fail("Эта строка повторяет одну из строк выше.");
    }
    seen.push_back(d);
    row.ok = true;
    row.draft = d;
    rows.push_back(row);
  });
  return rows;
}

}  // namespace ej
