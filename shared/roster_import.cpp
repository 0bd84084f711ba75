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

}  // namespace

std::vector<ImportRow> ParseStudentRows(std::string_view text, const Structure& s, int64_t class_id) {
  std::vector<ImportRow> rows;
  const SchoolClass* cls = s.FindClass(class_id);
  const AcademicYear* year = cls ? s.FindYear(cls->year_id) : nullptr;
  std::vector<StudentDraft> seen;
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
    if (blank) continue;
    if (cells[0] == "Фамилия" || cells[0] == "фамилия") continue;

    ImportRow row;
    row.line = line_no;
    row.text = Shown(cells);
    auto fail = [&](std::string why) {
      row.error = std::move(why);
      rows.push_back(row);
    };
    if (!year) {
      fail("Класс не найден.");
      continue;
    }
    if (cells.size() < 2) {
      fail("Нужны хотя бы фамилия и имя, разделённые табуляцией (скопируйте строки из таблицы).");
      continue;
    }
    if (cells.size() > 5) {
      fail("Слишком много столбцов: ожидаются фамилия, имя, отчество, дата рождения, пол.");
      continue;
    }
    cells.resize(5);
    StudentDraft d;
    d.name = {cells[0], cells[1], cells[2]};
    Status st = ValidateNamePart(d.name.last, "фамилия", "last_name");
    if (st.ok()) st = ValidateNamePart(d.name.first, "имя", "first_name");
    if (st.ok() && !d.name.middle.empty()) st = ValidateNamePart(d.name.middle, "отчество", "middle_name");
    if (!st.ok()) {
      fail(st.message());
      continue;
    }
    if (!cells[3].empty()) {
      d.birth_date = Date::ParseRussian(cells[3]);
      if (!d.birth_date) d.birth_date = Date::ParseIso(cells[3]);
      if (!d.birth_date) {
        fail("Дата рождения «" + cells[3] + "» не распознана: нужна дата вида 01.09.2015.");
        continue;
      }
    }
    if (Status b = ValidateStudentBirthDate(d.birth_date, *year); !b.ok()) {
      fail(b.message());
      continue;
    }
    auto sex = ParseSex(cells[4]);
    if (!sex) {
      fail("Пол «" + cells[4] + "» не распознан: нужно «м» или «ж».");
      continue;
    }
    d.sex = *sex;
    if (s.FindStudent(d.name, d.birth_date)) {
      fail("Такой ученик уже есть в школе: " + FullName(d.name) + ".");
      continue;
    }
    bool repeated = false;
    for (const auto& prev : seen) {
      repeated = repeated || (prev.name.last == d.name.last && prev.name.first == d.name.first &&
                              prev.name.middle == d.name.middle && prev.birth_date == d.birth_date);
    }
    if (repeated) {
      fail("Эта строка повторяет одну из строк выше.");
      continue;
    }
    seen.push_back(d);
    row.ok = true;
    row.draft = d;
    rows.push_back(row);
  }
  return rows;
}

}  // namespace ej
