// Thematic plans (КТП): see thematic_plan.h.
//
// [SECTION] text helpers   trimming, Russian lower case, CSV/TSV records
// [SECTION] import
// [SECTION] queries
// [SECTION] operations and JSON
#include "thematic_plan.h"

#include <algorithm>

#include "control_works.h"
#include "json_reader.h"

namespace ej {
namespace {

constexpr const char* kKeyGroupId = "group_id";
constexpr const char* kKeySubjectId = "subject_id";
constexpr const char* kKeyVersion = "version";
constexpr const char* kKeyTotalHours = "total_hours";
constexpr const char* kKeyTopics = "topics";
constexpr const char* kKeyTitle = "title";
constexpr const char* kKeyHours = "hours";
constexpr const char* kKeyControl = "control";
constexpr const char* kKeyControlForm = "control_form";
constexpr const char* kKeyRejected = "rejected";
constexpr const char* kKeyRow = "row";
constexpr const char* kKeyText = "text";
constexpr const char* kKeyReason = "reason";
constexpr const char* kKeyHeader = "header";

// ---- [SECTION] text helpers ----

std::string Trim(std::string_view s) {
  while (true) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
      s.remove_prefix(1);
    } else if (s.size() >= 2 && s.substr(0, 2) == "\u00A0") {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  while (true) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\u00A0") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return std::string(s);
}

// Lower case for ASCII and Russian letters (А–Я, Ё); other bytes unchanged.
std::string LowerRu(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xD0 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x90 && d <= 0x9F) {
        out[i + 1] = static_cast<char>(d + 0x20);
      } else if (d >= 0xA0 && d <= 0xAF) {
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d - 0x20);
      } else if (d == 0x81) {  // Ё
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(0x91);
      }
      ++i;
    }
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool Contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool IsWholeNumber(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);  // «1.» as numbered lists write it
  if (s.empty() || s.size() > 9) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Record {
  int line = 0;               // the line the record starts on
  std::vector<std::string> cells;
  bool unclosed_quote = false;
};

// The delimiter: a tab anywhere outside quotes (a spreadsheet paste), else `;` anywhere, else
// `,` if the first non-blank line has one, else none (one column).
char DetectDelimiter(std::string_view text) {
  bool quoted = false, semicolon = false, comma_first_line = false, seen_text = false, first_line_done = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\t') return '\t';
    if (c == ';') semicolon = true;
    if (c == '\n') {
      if (seen_text) first_line_done = true;
      continue;
    }
    if (c != ' ' && c != '\r') seen_text = true;
    if (c == ',' && !first_line_done) comma_first_line = true;
  }
  if (semicolon) return ';';
  if (comma_first_line) return ',';
  return '\t';
}

// Splits the text into records: fields in double quotes may hold the delimiter, "" and line
// breaks (which become spaces in a topic).
std::vector<Record> SplitRecords(std::string_view text, char delimiter) {
  std::vector<Record> out;
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  Record rec;
  rec.line = 1;
  std::string cell;
  bool quoted = false, cell_was_quoted = false;
  int line = 1;
  auto end_cell = [&] {
    rec.cells.push_back(cell_was_quoted ? cell : Trim(cell));
    cell.clear();
    cell_was_quoted = false;
  };
  auto end_record = [&] {
    end_cell();
    out.push_back(std::move(rec));
    rec = Record{};
    rec.line = line;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else if (c == '\n') {
        ++line;
        cell += ' ';
      } else if (c != '\r') {
        cell += c;
      }
      continue;
    }
    if (c == '"' && Trim(cell).empty()) {
      quoted = true;
      cell_was_quoted = true;
      cell.clear();
    } else if (c == delimiter) {
      end_cell();
    } else if (c == '\n') {
      ++line;
      end_record();
    } else {
      cell += c;
    }
  }
  if (quoted) rec.unclosed_quote = true;
  end_record();
  // Quoted cells keep their inner spaces but not the ones around a line break.
  for (auto& r : out) {
    for (auto& c : r.cells) c = Trim(c);
  }
  return out;
}

bool Blank(const Record& r) {
  return std::all_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return c.empty(); });
}

std::string Shown(const Record& r) {
  std::string out;
  for (size_t i = 0; i < r.cells.size(); ++i) {
    if (i) out += " | ";
    out += r.cells[i];
  }
  return out;
}

struct Columns {
  int title = -1, hours = -1, control = -1, form = -1;
};

// A header row: a cell whose first word names the topic column («Тема», «Тема урока»,
// «Наименование разделов и тем», «Раздел, тема»), and no cell a whole number.
std::optional<Columns> HeaderColumns(const Record& r) {
  Columns cols;
  for (size_t i = 0; i < r.cells.size(); ++i) {
    std::string c = LowerRu(r.cells[i]);
    int idx = static_cast<int>(i);
    if (StartsWith(c, "форм") && Contains(c, "контрол")) {
      if (cols.control < 0) cols.control = idx;
    } else if (StartsWith(c, "форм")) {
      if (cols.form < 0) cols.form = idx;
    } else if (Contains(c, "контрол")) {
      if (cols.control < 0) cols.control = idx;
    } else if (Contains(c, "час") || StartsWith(c, "кол")) {
      if (cols.hours < 0) cols.hours = idx;
    } else {
      std::string word = c.substr(0, c.find_first_of(" ,;.:(/"));
      for (std::string_view w : {"тема", "темы", "наименование", "название", "содержание", "раздел", "разделы"}) {
        if (word == w && cols.title < 0) cols.title = idx;
      }
    }
  }
  // A data row has its hours (or its number) as a whole number; a header has none.
  bool numbers = std::any_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return IsWholeNumber(c); });
  if (cols.title < 0 || numbers) return std::nullopt;
  return cols;
}

// Columns of a row without a header: [№;] Тема; Часы[; Контрольная].
Columns PositionalColumns(const Record& r) {
  int off = r.cells.size() >= 2 && IsWholeNumber(r.cells[0]) ? 1 : 0;
  Columns cols;
  int n = static_cast<int>(r.cells.size());
  cols.title = off;
  if (n > off + 1) cols.hours = off + 1;
  if (n > off + 2) cols.control = off + 2;
  return cols;
}

// The control cell: no, yes, or yes with a form.
void ReadControl(const std::string& cell, PlanTopic* t) {
  std::string c = LowerRu(cell);
  for (std::string_view no : {"", "нет", "-", "—", "–", "0", "н", "no"}) {
    if (c == no) return;
  }
  t->control = true;
  for (std::string_view yes : {"да", "+", "1", "x", "х", "v", "✓", "✔", "к", "кр", "к/р", "к.р.", "к. р.", "yes", "контроль"}) {
    if (c == yes) return;
  }
  if (c == "контрольная" || c == "кр." || c == "контр. работа") c = "контрольная работа";
  if (c == "проверочная") c = "проверочная работа";
  const auto& forms = ControlWorkForms();
  bool known = std::find(forms.begin(), forms.end(), c) != forms.end();
  t->control_form = known ? c : cell;
}

std::string HoursReason(const std::string& cell) {
  return "часы — целое положительное число уроков, а не «" + cell + "»";
}

// Hours as written in plans: «2», «2 ч», «2 ч.», «2 часа».
std::optional<int> ReadHours(const std::string& cell, std::string* reason) {
  std::string c = LowerRu(cell);
  for (std::string_view suffix : {"часов", "часа", "час", "ч.", "ч"}) {
    if (c.size() > suffix.size() && c.compare(c.size() - suffix.size(), suffix.size(), suffix) == 0) {
      c = Trim(c.substr(0, c.size() - suffix.size()));
      break;
    }
  }
  if (c.empty()) {
    *reason = cell.empty() ? "не указано число часов" : HoursReason(cell);
    return std::nullopt;
  }
  if (!std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) || c.size() > 6) {
    *reason = HoursReason(cell);
    return std::nullopt;
  }
  int h = 0;
  for (char ch : c) h = h * 10 + (ch - '0');
  if (h < 1) {
    *reason = HoursReason(cell);
    return std::nullopt;
  }
  if (h > kMaxTopicHours) {
    *reason = "на одну тему не больше " + std::to_string(kMaxTopicHours) + " часов, а не " + cell;
    return std::nullopt;
  }
  return h;
}

}  // namespace

// ---- [SECTION] model ----

int ThematicPlan::TotalHours() const {
  int total = 0;
  for (const auto& t : topics) total += t.hours;
  return total;
}

const ThematicPlan* ThematicPlans::Find(int64_t group_id) const {
  for (const auto& p : plans) {
    if (p.group_id == group_id) return &p;
  }
  return nullptr;
}

Status ValidatePlanTopic(const PlanTopic& t) {
  auto invalid = [](std::string m) { return Status(ErrorCode::kValidation, std::move(m), kKeyTopics); };
  if (!IsValidUtf8(t.title) || !IsValidUtf8(t.control_form)) {
    return invalid("текст не в кодировке UTF-8: сохраните файл как «CSV UTF-8»");
  }
  if (Trim(t.title).empty()) return invalid("не указана тема");
  if (Utf8Length(t.title) > static_cast<size_t>(kMaxTopicTitleChars)) {
    return invalid("тема длиннее " + std::to_string(kMaxTopicTitleChars) + " символов");
  }
  if (t.title.find_first_of("\n\t") != std::string::npos) return invalid("в теме не должно быть переносов строк и табуляций");
  if (t.hours < 1) return invalid("часы — целое положительное число уроков, а не «" + std::to_string(t.hours) + "»");
  if (t.hours > kMaxTopicHours) {
    return invalid("на одну тему не больше " + std::to_string(kMaxTopicHours) + " часов, а не " + std::to_string(t.hours));
  }
  if (Utf8Length(t.control_form) > static_cast<size_t>(kMaxControlFormChars)) {
    return invalid("форма контроля длиннее " + std::to_string(kMaxControlFormChars) + " символов");
  }
  if (!t.control && !t.control_form.empty()) return invalid("форма контроля указана у темы без контрольной работы");
  return Status::Ok();
}

// ---- [SECTION] import ----

PlanRows ParsePlanRows(std::string_view text) {
  PlanRows out;
  std::vector<Record> records = SplitRecords(text, DetectDelimiter(text));
  std::optional<Columns> header;
  bool first = true;
  for (const Record& r : records) {
    if (Blank(r) && !r.unclosed_quote) continue;
    auto reject = [&](std::string reason) { out.rejected.push_back({r.line, Shown(r), std::move(reason)}); };
    bool valid_utf8 = std::all_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return IsValidUtf8(c); });
    if (first) {
      first = false;
      if (valid_utf8) header = HeaderColumns(r);
      if (header) {
        out.header = true;
        continue;
      }
    }
    if (!valid_utf8) {
      reject("текст не в кодировке UTF-8: сохраните файл как «CSV UTF-8»");
      continue;
    }
    if (r.unclosed_quote) {
      reject("незакрытая кавычка: текст до конца файла попал в одну ячейку");
      continue;
    }
    Columns cols = header ? *header : PositionalColumns(r);
    auto cell = [&](int idx) -> std::string { return idx >= 0 && idx < static_cast<int>(r.cells.size()) ? r.cells[idx] : ""; };
    PlanTopic t;
    t.title = cell(cols.title);
    if (t.title.empty()) {
      reject("не указана тема");
      continue;
    }
    if (cols.hours >= 0) {
      std::string reason;
      auto h = ReadHours(cell(cols.hours), &reason);
      if (!h) {
        reject(reason);
        continue;
      }
      t.hours = *h;
    }
    if (cols.control >= 0) ReadControl(cell(cols.control), &t);
    if (cols.form >= 0 && !cell(cols.form).empty()) {
      std::string form = cell(cols.form);
      t.control = true;
      const auto& forms = ControlWorkForms();
      std::string lower = LowerRu(form);
      t.control_form = std::find(forms.begin(), forms.end(), lower) != forms.end() ? lower : form;
    }
    if (Status st = ValidatePlanTopic(t); !st.ok()) {
      reject(st.message());
      continue;
    }
    if (static_cast<int>(out.topics.size()) >= kMaxPlanTopics) {
      reject("в КТП не больше " + std::to_string(kMaxPlanTopics) + " тем");
      continue;
    }
    out.topics.push_back(std::move(t));
    out.topic_rows.push_back(r.line);
  }
  return out;
}

// ---- [SECTION] queries ----

std::optional<PlannedTopic> PlannedTopicForLesson(const ThematicPlan& plan, int k) {
  if (k < 1) return std::nullopt;
  int covered = 0;
  for (size_t i = 0; i < plan.topics.size(); ++i) {
    const PlanTopic& t = plan.topics[i];
    if (k <= covered + t.hours) return PlannedTopic{i, k - covered, &t};
    covered += t.hours;
  }
  return std::nullopt;
}

std::optional<PlannedTopic> NextPlannedTopic(const ThematicPlan& plan, const std::vector<std::string>& held_topics) {
  return PlannedTopicForLesson(plan, static_cast<int>(held_topics.size()) + 1);
}

std::vector<PlanFact> PlanAgainstFact(const Structure& s, const ThematicPlans& plans, const std::vector<LessonsHeld>& held) {
  std::vector<PlanFact> out;
  for (const LessonsHeld& h : held) {
    PlanFact f;
    f.group_id = h.group_id;
    const Group* g = s.FindGroup(h.group_id);
    f.subject_id = g ? g->subject_id : 0;
    const ThematicPlan* p = plans.Find(h.group_id);
    f.has_plan = p && !p->topics.empty();
    f.planned_hours = p ? p->TotalHours() : 0;
    f.held = h.held;
    f.expected = h.scheduled_to_date > 0 ? std::min(f.planned_hours, h.scheduled_to_date) : f.planned_hours;
    f.difference = f.held - f.expected;
    f.percent = f.planned_hours > 0 ? f.held * 100 / f.planned_hours : 0;
    if (!f.has_plan) {
      f.message = "КТП не составлено";
    } else if (f.difference < 0) {
      f.message = "отставание на " + std::to_string(-f.difference) + " ч";
    } else if (f.difference > 0) {
      f.message = "опережение на " + std::to_string(f.difference) + " ч";
    } else {
      f.message = "по плану";
    }
    out.push_back(std::move(f));
  }
  return out;
}

// ---- [SECTION] operations and JSON ----

const std::vector<std::string_view>& PlanOpKinds() {
  static const std::vector<std::string_view> kKinds = {op_kind::kPlanSet};
  return kKinds;
}

bool IsPlanOp(std::string_view kind) { return kind == op_kind::kPlanSet; }

protocol::Json ToJson(const PlanTopic& t) {
  return {{kKeyTitle, t.title}, {kKeyHours, t.hours}, {kKeyControl, t.control}, {kKeyControlForm, t.control_form}};
}

Result<PlanTopic> PlanTopicFromJson(const protocol::Json& j) {
  PlanTopic t;
  int64_t hours = 0;
  JsonReader r(j);
  r.String(kKeyTitle, &t.title).Int(kKeyHours, &hours).Bool(kKeyControl, &t.control, false);
  r.String(kKeyControlForm, &t.control_form, false);
  if (!r.ok()) return r.status();
  if (hours < -1000000 || hours > 1000000) hours = -1;
  t.hours = static_cast<int>(hours);
  return t;
}

protocol::Json ToJson(const ThematicPlan& p) {
  protocol::Json topics = protocol::Json::array();
  for (const auto& t : p.topics) topics.push_back(ToJson(t));
  return {{kKeyGroupId, p.group_id},
          {kKeySubjectId, p.subject_id},
          {kKeyVersion, p.version},
          {kKeyTotalHours, p.TotalHours()},
          {kKeyTopics, std::move(topics)}};
}

Result<ThematicPlan> ThematicPlanFromJson(const protocol::Json& j) {
  ThematicPlan p;
  const protocol::Json* topics = nullptr;
  JsonReader r(j);
  r.Int(kKeyGroupId, &p.group_id).Int(kKeySubjectId, &p.subject_id).Int(kKeyVersion, &p.version, false);
  r.Array(kKeyTopics, &topics);
  if (!r.ok()) return r.status();
  for (const auto& item : *topics) {
    auto t = PlanTopicFromJson(item);
    if (!t.ok()) return t.status();
    p.topics.push_back(std::move(t.value()));
  }
  return p;
}

protocol::Json ToJson(const PlanRows& rows) {
  protocol::Json topics = protocol::Json::array(), rejected = protocol::Json::array();
  for (const auto& t : rows.topics) topics.push_back(ToJson(t));
  for (const auto& e : rows.rejected) rejected.push_back({{kKeyRow, e.row}, {kKeyText, e.text}, {kKeyReason, e.reason}});
  return {{kKeyTopics, std::move(topics)}, {kKeyRejected, std::move(rejected)}, {kKeyHeader, rows.header}};
}

protocol::Json ToJson(const PlanFact& f) {
  return {{kKeyGroupId, f.group_id}, {kKeySubjectId, f.subject_id}, {"has_plan", f.has_plan},
          {"planned_hours", f.planned_hours}, {"expected", f.expected}, {"held", f.held},
          {"difference", f.difference}, {"percent", f.percent}, {"message", f.message}};
}

protocol::Json GroupPlansJson(const ThematicPlans& plans, int64_t group_id) {
  protocol::Json list = protocol::Json::array();
  if (const ThematicPlan* p = plans.Find(group_id)) list.push_back(ToJson(*p));
  return {{"plans", std::move(list)}};
}

protocol::Json PlanSetPayload(int64_t group_id, int64_t subject_id, const std::vector<PlanTopic>& topics) {
  ThematicPlan p{group_id, subject_id, 0, topics};
  protocol::Json j = ToJson(p);
  j.erase(kKeyVersion);
  j.erase(kKeyTotalHours);
  return j;
}

Result<PlanApplied> ApplyPlanOp(ThematicPlans& plans, const Structure& s, const Operation& op, const Actor& actor) {
  if (op.kind != op_kind::kPlanSet) {
    return Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + op.kind + "».", "kind");
  }
  auto draft = ThematicPlanFromJson(op.payload);
  if (!draft.ok()) return draft.status();
  const Group* g = s.FindGroup(draft->group_id);
  if (!g) return Status(ErrorCode::kNotFound, "Группа не найдена.", kKeyGroupId);
  if (Status a = Authorize(TeachingActor(s, actor), Action::kEditPlan, Target{.group_id = g->id}); !a.ok()) return a;
  if (draft->subject_id != g->subject_id) {
    return Status(ErrorCode::kValidation, "Предмет КТП не совпадает с предметом группы «" + g->name + "».", kKeySubjectId);
  }
  bool has_workload = std::any_of(s.workload.begin(), s.workload.end(), [&](const WorkloadLine& w) { return w.group_id == g->id; });
  if (!has_workload) {
    return Status(ErrorCode::kValidation, "У группы «" + g->name + "» нет учебной нагрузки: сначала назначьте учителя.",
                  kKeyGroupId);
  }
  if (draft->topics.size() > static_cast<size_t>(kMaxPlanTopics)) {
    return Status(ErrorCode::kValidation, "В КТП не больше " + std::to_string(kMaxPlanTopics) + " тем.", kKeyTopics);
  }
  for (size_t i = 0; i < draft->topics.size(); ++i) {
    if (Status v = ValidatePlanTopic(draft->topics[i]); !v.ok()) {
      return Status(ErrorCode::kValidation, "Тема " + std::to_string(i + 1) + ": " + v.message() + ".", kKeyTopics);
    }
  }
  auto it = std::find_if(plans.plans.begin(), plans.plans.end(), [&](const ThematicPlan& p) { return p.group_id == g->id; });
  int64_t stored = it == plans.plans.end() ? 0 : it->version;
  if (op.base_version != stored) {
    return Status(ErrorCode::kConflict,
                  "КТП группы «" + g->name + "» уже изменено (версия " + std::to_string(stored) +
                      "): загрузите его заново и повторите изменения.",
                  kKeyVersion);
  }
  draft->version = stored + 1;
  if (it == plans.plans.end()) {
    plans.plans.push_back(std::move(draft.value()));
    return PlanApplied{g->id, 1};
  }
  *it = std::move(draft.value());
  return PlanApplied{g->id, it->version};
}

}  // namespace ej
