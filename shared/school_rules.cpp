// The school's rules: defaults, queries, validation, the rules.update operation, JSON and the
// Russian description.
//
// [SECTION] keys and helpers
// [SECTION] defaults
// [SECTION] queries
// [SECTION] validation
// [SECTION] operation
// [SECTION] JSON
// [SECTION] description
#include "school_rules.h"

#include <algorithm>
#include <climits>
#include <set>
#include <tuple>

#include "json_reader.h"
#include "names.h"
#include "text.h"

namespace ej {

using protocol::Json;

// ---- [SECTION] keys and helpers ----

namespace {

// Every JSON key of the rules, spelled once.
constexpr const char* kKeyVersion = "version";
constexpr const char* kKeySystems = "systems";
constexpr const char* kKeyDefaultSystem = "default_system";
constexpr const char* kKeyGradeSystems = "grade_systems";
constexpr const char* kKeyAllowPlusMinus = "allow_plus_minus";
constexpr const char* kKeyMarkTypes = "mark_types";
constexpr const char* kKeyAttendance = "attendance";
constexpr const char* kKeyCorrections = "corrections";
constexpr const char* kKeyHomeworkMinutes = "homework_minutes";
// A grading system.
constexpr const char* kKeyId = "id";
constexpr const char* kKeyName = "name";
constexpr const char* kKeyValues = "values";
// A mark value.
constexpr const char* kKeyCode = "code";
constexpr const char* kKeyText = "text";
constexpr const char* kKeyNumeric = "value";
constexpr const char* kKeyPassing = "passing";
constexpr const char* kKeyFinal = "final";
constexpr const char* kKeyPlusMinus = "plus_minus";
constexpr const char* kKeyFivePoint = "five_point";
// A per-grade override.
constexpr const char* kKeyGrade = "grade";
constexpr const char* kKeySystem = "system";
// A mark type.
constexpr const char* kKeyWeight = "weight";
// An attendance code.
constexpr const char* kKeyAbsence = "absence";
constexpr const char* kKeyExcused = "excused";
// The correction rules.
constexpr const char* kKeyWindowDays = "correction_window_days";
constexpr const char* kKeyRequireReason = "require_reason_after_window";
constexpr const char* kKeyLockedApproval = "locked_periods_need_approval";
constexpr const char* kKeyDeadlineDays = "mark_deadline_days";
// The finals rules.
constexpr const char* kKeyFinals = "finals";
// The ВСОКО load rules (ControlLoadRules).
constexpr const char* kKeyControlLoad = "control_load";
constexpr const char* kKeySubjectGapDays = "subject_gap_days";
constexpr const char* kKeyMaxHoursPercent = "max_hours_percent";
constexpr const char* kKeyNotFirstOrLast = "not_first_or_last_lesson";
constexpr const char* kKeyRoundUpFrom = "round_up_from";
constexpr const char* kKeyMinMarks = "min_marks";

// Limits that keep a settings page usable (and a hostile payload small).
constexpr size_t kMaxSystems = 20;
constexpr size_t kMaxValuesPerSystem = 200;  // the hundred-point scale has 101
constexpr size_t kMaxMarkTypes = 50;
constexpr size_t kMaxAttendanceCodes = 20;
constexpr size_t kMaxStableCodeChars = 32;
constexpr size_t kMaxNameChars = 60;
constexpr size_t kMaxMarkCodeChars = 8;
constexpr size_t kMaxMarkTextChars = 16;
// How a stable code (a system's id, a mark type's code) is written, for messages.
constexpr const char* kStableCodeRule = " — строчные латинские буквы, цифры и «_», начиная с буквы, до 32 знаков.";

Status Invalid(std::string message, std::string field = {}) {
  return Status(ErrorCode::kValidation, std::move(message), std::move(field));
}

std::string Q(std::string_view s) { return "«" + std::string(s) + "»"; }

std::string Path(const char* key, size_t index) { return std::string(key) + "[" + std::to_string(index) + "]"; }
std::string Path(const std::string& prefix, const char* key) { return prefix + "." + key; }

// A stable code: a small Latin letter, then small Latin letters, digits or '_'.
bool IsStableCode(std::string_view s) {
  if (s.empty() || s.size() > kMaxStableCodeChars || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool IsLetter(char32_t cp) {
  return (cp >= 0x410 && cp <= 0x44F) || cp == 0x401 || cp == 0x451 || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 'a' && cp <= 'z');
}

// Only letters (Russian or Latin), between min and max of them.
bool IsLetters(std::string_view s, size_t min, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    if (!IsLetter(NextCodePoint(s, i))) return false;
    ++n;
  }
  return n >= min && n <= max;
}

// No spaces or control characters anywhere.
bool HasNoSpaces(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; });
}

// Text that is not empty, not only spaces and not longer than max characters.
bool IsShownText(std::string_view s, size_t max) {
  bool any = std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) > 0x20; });
  return any && Utf8Length(s) <= max;
}

// «Пятибалльная» → «пятибалльную систему»; a name that is not one adjective → «систему
// оценивания «Шкала школы»». For messages like «не входит в пятибалльную систему».
std::string SystemAccusative(const GradingSystem& system) {
  const std::string& name = system.name;
  constexpr std::string_view kEnding = "ая";
  bool one_word = name.find(' ') == std::string::npos && name.find('/') == std::string::npos;
  if (one_word && name.size() > kEnding.size() && name.ends_with(kEnding)) {
    size_t i = 0;
    char32_t first = NextCodePoint(name, i);
    std::string out;
    if (first >= 0x410 && first <= 0x42F) {
      char32_t lower = first + 0x20;  // А..Я → а..я: two bytes either way
      out += static_cast<char>(0xC0 | (lower >> 6));
      out += static_cast<char>(0x80 | (lower & 0x3F));
      out += name.substr(i);
    } else {
      out = name;
    }
    out.replace(out.size() - kEnding.size(), kEnding.size(), "ую");
    return out + " систему";
  }
  return "систему оценивания " + Q(name);
}

// "1 класс", "2–3 классы".
std::string GradesRu(int from, int to) {
  if (from == to) return std::to_string(from) + " класс";
  return std::to_string(from) + "–" + std::to_string(to) + " классы";
}

// Clamps a JSON integer into int, so an absurd number stays absurd for validation.
int ToInt(int64_t v) { return static_cast<int>(std::clamp<int64_t>(v, INT_MIN, INT_MAX)); }

}  // namespace

// ---- [SECTION] defaults ----

namespace {

MarkValue Whole(int mark) {
  std::string code = std::to_string(mark);
  return MarkValue{code, code, static_cast<double>(mark), mark >= 3, true, false, mark};
}

// "4+" / "4-" shown as «4+» / «4−» (a true minus sign); counted as the whole mark.
MarkValue Signed(int mark, char sign) {
  std::string code = std::to_string(mark) + sign;
  std::string text = std::to_string(mark) + (sign == '+' ? "+" : "−");
  return MarkValue{code, text, static_cast<double>(mark), mark >= 3, false, true, mark};
}

}  // namespace

GradingSystem FivePointSystem() {
  return GradingSystem{"five",
                       "Пятибалльная",
                       {Whole(5), Signed(5, '-'), Signed(4, '+'), Whole(4), Signed(4, '-'), Signed(3, '+'), Whole(3),
                        Signed(3, '-'), Signed(2, '+'), Whole(2), Whole(1)}};
}

GradingSystem PassFailSystem() {
  return GradingSystem{"pass_fail",
                       "Зачёт/незачёт",
                       {MarkValue{"зач", "зач.", std::nullopt, true, true, false, 0},
                        MarkValue{"незач", "незач.", std::nullopt, false, true, false, 0}}};
}

GradingSystem TenPointSystem() {
  GradingSystem s{"ten", "Десятибалльная", {}};
  for (int v = 10; v >= 1; --v) {
    int five = v >= 9 ? 5 : v >= 7 ? 4 : v >= 4 ? 3 : 2;
    std::string code = std::to_string(v);
    s.values.push_back(MarkValue{code, code, static_cast<double>(v), v >= 4, true, false, five});
  }
  return s;
}

GradingSystem HundredPointSystem() {
  GradingSystem s{"hundred", "Стобалльная", {}};
  for (int v = 100; v >= 0; --v) {
    int five = v >= 90 ? 5 : v >= 70 ? 4 : v >= 50 ? 3 : 2;
    std::string code = std::to_string(v);
    s.values.push_back(MarkValue{code, code, static_cast<double>(v), v >= 50, true, false, five});
  }
  return s;
}

SchoolRules DefaultSchoolRules() {
  SchoolRules r;
  r.systems = {FivePointSystem(), PassFailSystem(), TenPointSystem(), HundredPointSystem()};
  r.default_system = "five";
  r.grade_systems = {{1, std::string(kNoMarksSystem)}};  // безотметочное обучение в 1 классе
  r.allow_plus_minus = false;
  r.mark_types = {
      {"answer", "Ответ на уроке", 1},
      {"independent", "Самостоятельная работа", 2},
      {"check", "Проверочная работа", 2},
      {"control", "Контрольная работа", 3},
      {"homework", "Домашняя работа", 1},
      {"dictation", "Диктант", 2},
      {"practical", "Практическая работа", 2},
      {"lab", "Лабораторная работа", 2},
      {"project", "Проект", 2},
      {"credit", "Зачёт", 3},
  };
  r.attendance = {
      {"н", "отсутствовал", true, false},
      {"б", "болел", true, true},
      {"у", "уважительная причина", true, true},
      {"оп", "опоздал", false, false},
  };
  r.corrections = CorrectionRules{};
  // СанПиН 1.2.3685-21, table 6.6.
  r.homework_minutes = {60, 90, 90, 120, 120, 150, 150, 150, 210, 210, 210};
  return r;
}

// ---- [SECTION] queries ----

const GradingSystem* FindGradingSystem(const SchoolRules& rules, std::string_view id) {
  for (const auto& s : rules.systems) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const MarkValue* FindMarkValue(const GradingSystem& system, std::string_view code) {
  for (const auto& v : system.values) {
    if (v.code == code) return &v;
  }
  return nullptr;
}

const MarkType* FindMarkType(const SchoolRules& rules, std::string_view code) {
  for (const auto& t : rules.mark_types) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

const AttendanceCode* FindAttendanceCode(const SchoolRules& rules, std::string_view code) {
  for (const auto& a : rules.attendance) {
    if (a.code == code) return &a;
  }
  return nullptr;
}

std::string_view GradingSystemIdForGrade(const SchoolRules& rules, int grade) {
  auto it = rules.grade_systems.find(grade);
  if (it != rules.grade_systems.end()) return it->second;
  return rules.default_system;
}

const GradingSystem* GradingSystemForGrade(const SchoolRules& rules, int grade) {
  std::string_view id = GradingSystemIdForGrade(rules, grade);
  if (id == kNoMarksSystem) return nullptr;
  return FindGradingSystem(rules, id);
}

namespace {

// The value, or why it is not a mark of the system at all.
Result<const MarkValue*> NeedMarkValue(const SchoolRules& rules, std::string_view system_id, std::string_view code) {
  if (system_id == kNoMarksSystem) {
    return Invalid("Отметки здесь не ставятся: безотметочное обучение.");
  }
  const GradingSystem* system = FindGradingSystem(rules, system_id);
  if (!system) return Invalid("Система оценивания " + Q(system_id) + " не найдена.");
  const MarkValue* value = FindMarkValue(*system, code);
  if (!value) return Invalid("Отметка " + Q(code) + " не входит в " + SystemAccusative(*system) + ".");
  return value;
}

}  // namespace

Status IsValidCurrentMark(const SchoolRules& rules, std::string_view system_id, std::string_view code) {
  auto value = NeedMarkValue(rules, system_id, code);
  if (!value.ok()) return value.status();
  if ((*value)->plus_minus && !rules.allow_plus_minus) {
    return Invalid("Отметки с «+» и «−» в школе не ставятся: выберите отметку без знака вместо " + Q((*value)->text) +
                   ".");
  }
  return Status::Ok();
}

Status IsValidFinalMark(const SchoolRules& rules, std::string_view system_id, std::string_view code) {
  auto value = NeedMarkValue(rules, system_id, code);
  if (!value.ok()) return value.status();
  if ((*value)->plus_minus) {
    return Invalid("Итоговая отметка ставится целой, без «+» и «−»: " + Q((*value)->text) + " не подходит.");
  }
  if (!(*value)->final_allowed) {
    return Invalid("Отметка " + Q((*value)->text) + " не может быть итоговой.");
  }
  return Status::Ok();
}

int WeightOf(const SchoolRules& rules, std::string_view mark_type_code) {
  const MarkType* t = FindMarkType(rules, mark_type_code);
  return t ? t->weight : kDefaultWeight;
}

bool IsAbsence(const SchoolRules& rules, std::string_view attendance_code) {
  const AttendanceCode* a = FindAttendanceCode(rules, attendance_code);
  return a && a->absence;
}

bool IsExcusedAbsence(const SchoolRules& rules, std::string_view attendance_code) {
  const AttendanceCode* a = FindAttendanceCode(rules, attendance_code);
  return a && a->absence && a->excused;
}

int HomeworkLimitMinutes(const SchoolRules& rules, int grade) {
  if (grade < kMinGrade || grade > kMaxGrade) return 0;
  return rules.homework_minutes[static_cast<size_t>(grade - 1)];
}

CorrectionNeed CorrectionNeedFor(const SchoolRules& rules, Date lesson, Date today, bool period_locked) {
  const CorrectionRules& c = rules.corrections;
  if (period_locked) return c.locked_periods_need_approval ? CorrectionNeed::kApproval : CorrectionNeed::kClosed;
  if (!c.require_reason_after_window) return CorrectionNeed::kFree;
  if (today.Days() - lesson.Days() <= c.correction_window_days) return CorrectionNeed::kFree;
  return CorrectionNeed::kReason;
}

Date MarkDeadline(const SchoolRules& rules, Date lesson) {
  return lesson.AddDays(rules.corrections.mark_deadline_days);
}

// ---- [SECTION] validation ----

namespace {

Status ValidateMarkValue(const GradingSystem& system, const MarkValue& v, const std::string& path) {
  std::string where = " (система " + Q(system.name) + ")";
  if (v.code.empty() || Utf8Length(v.code) > kMaxMarkCodeChars || !HasNoSpaces(v.code)) {
    return Invalid("Код отметки " + Q(v.code) + where + " — от 1 до " + std::to_string(kMaxMarkCodeChars) +
                       " знаков без пробелов.",
                   Path(path, kKeyCode));
  }
  if (!IsShownText(v.text, kMaxMarkTextChars)) {
    return Invalid("Не указано, как показывать отметку " + Q(v.code) + where + " (до " +
                       std::to_string(kMaxMarkTextChars) + " знаков).",
                   Path(path, kKeyText));
  }
  if (v.numeric && !(*v.numeric >= 0.0 && *v.numeric <= 100.0)) {
    return Invalid("Числовое значение отметки " + Q(v.text) + where + " должно быть от 0 до 100.",
                   Path(path, kKeyNumeric));
  }
  if (v.plus_minus && v.final_allowed) {
    return Invalid("Отметка " + Q(v.text) + " с «+» или «−» не может быть итоговой: итоговые отметки — целые.",
                   Path(path, kKeyFinal));
  }
  if (v.five_point < 0 || v.five_point > 5) {
    return Invalid("Соответствие отметки " + Q(v.text) + where + " пятибалльной шкале — от 1 до 5 или не указано.",
                   Path(path, kKeyFivePoint));
  }
  if (v.five_point != 0 && (v.five_point >= 3) != v.passing) {
    return Invalid("Отметка " + Q(v.text) + where + (v.passing ? " положительная" : " неудовлетворительная") +
                       ", а по пятибалльной шкале соответствует «" + std::to_string(v.five_point) + "».",
                   Path(path, kKeyPassing));
  }
  return Status::Ok();
}

Status ValidateSystems(const SchoolRules& rules) {
  if (rules.systems.empty()) return Invalid("Нужна хотя бы одна система оценивания.", kKeySystems);
  if (rules.systems.size() > kMaxSystems) {
    return Invalid("Систем оценивания не может быть больше " + std::to_string(kMaxSystems) + ".", kKeySystems);
  }
  std::set<std::string> ids, names;
  for (size_t i = 0; i < rules.systems.size(); ++i) {
    const GradingSystem& s = rules.systems[i];
    std::string path = Path(kKeySystems, i);
    if (s.id == kNoMarksSystem) {
      return Invalid("Код «none» зарезервирован для безотметочного обучения.", Path(path, kKeyId));
    }
    if (!IsStableCode(s.id)) {
      return Invalid("Код системы оценивания " + Q(s.id) + kStableCodeRule, Path(path, kKeyId));
    }
    if (!ids.insert(s.id).second)
      return Invalid("Код системы оценивания " + Q(s.id) + " повторяется.", Path(path, kKeyId));
    if (!IsShownText(s.name, kMaxNameChars)) {
      return Invalid("Не указано название системы оценивания " + Q(s.id) + " (до 60 знаков).", Path(path, kKeyName));
    }
    if (!names.insert(s.name).second) {
      return Invalid("Система оценивания " + Q(s.name) + " уже есть.", Path(path, kKeyName));
    }
    if (s.values.size() < 2) {
      return Invalid("В системе оценивания " + Q(s.name) + " должно быть не меньше двух отметок.",
                     Path(path, kKeyValues));
    }
    if (s.values.size() > kMaxValuesPerSystem) {
      return Invalid("В системе оценивания " + Q(s.name) + " не может быть больше " +
                         std::to_string(kMaxValuesPerSystem) + " отметок.",
                     Path(path, kKeyValues));
    }
    std::set<std::string> codes;
    bool any_passing = false, any_failing = false, any_final = false;
    for (size_t k = 0; k < s.values.size(); ++k) {
      const MarkValue& v = s.values[k];
      std::string value_path = Path(path, kKeyValues) + "[" + std::to_string(k) + "]";
      if (Status st = ValidateMarkValue(s, v, value_path); !st.ok()) return st;
      if (!codes.insert(v.code).second) {
        return Invalid("Отметка " + Q(v.code) + " в системе " + Q(s.name) + " повторяется.",
                       Path(value_path, kKeyCode));
      }
      (v.passing ? any_passing : any_failing) = true;
      any_final = any_final || v.final_allowed;
    }
    if (!any_passing || !any_failing) {
      return Invalid("В системе оценивания " + Q(s.name) +
                         " нужна хотя бы одна положительная и хотя бы одна неудовлетворительная отметка.",
                     Path(path, kKeyValues));
    }
    if (!any_final) {
      return Invalid("В системе оценивания " + Q(s.name) + " нет ни одной отметки, которую можно поставить итоговой.",
                     Path(path, kKeyValues));
    }
  }
  return Status::Ok();
}

Status ValidateGradeSystems(const SchoolRules& rules) {
  if (rules.default_system == kNoMarksSystem || !FindGradingSystem(rules, rules.default_system)) {
    return Invalid("Система оценивания по умолчанию " + Q(rules.default_system) + " не найдена.", kKeyDefaultSystem);
  }
  for (const auto& [grade, system] : rules.grade_systems) {
    if (grade < kMinGrade || grade > kMaxGrade) {
      return Invalid("Параллель " + std::to_string(grade) + " указана неверно: нужно от 1 до 11.", kKeyGradeSystems);
    }
    if (system != kNoMarksSystem && !FindGradingSystem(rules, system)) {
      return Invalid(
          "Для " + std::to_string(grade) + " класса выбрана несуществующая система оценивания " + Q(system) + ".",
          kKeyGradeSystems);
    }
  }
  return Status::Ok();
}

Status ValidateMarkTypes(const SchoolRules& rules) {
  if (rules.mark_types.empty()) return Invalid("Нужен хотя бы один вид работы.", kKeyMarkTypes);
  if (rules.mark_types.size() > kMaxMarkTypes) {
    return Invalid("Видов работ не может быть больше " + std::to_string(kMaxMarkTypes) + ".", kKeyMarkTypes);
  }
  std::set<std::string> codes, names;
  for (size_t i = 0; i < rules.mark_types.size(); ++i) {
    const MarkType& t = rules.mark_types[i];
    std::string path = Path(kKeyMarkTypes, i);
    if (!IsStableCode(t.code)) {
      return Invalid("Код вида работы " + Q(t.code) + kStableCodeRule, Path(path, kKeyCode));
    }
    if (!codes.insert(t.code).second)
      return Invalid("Код вида работы " + Q(t.code) + " повторяется.", Path(path, kKeyCode));
    if (!IsShownText(t.name, kMaxNameChars)) {
      return Invalid("Не указано название вида работы " + Q(t.code) + " (до 60 знаков).", Path(path, kKeyName));
    }
    if (!names.insert(t.name).second) return Invalid("Вид работы " + Q(t.name) + " уже есть.", Path(path, kKeyName));
    if (t.weight < kMinWeight || t.weight > kMaxWeight) {
      return Invalid("Вес вида работы " + Q(t.name) + " должен быть от 1 до 10.", Path(path, kKeyWeight));
    }
  }
  return Status::Ok();
}

Status ValidateAttendance(const SchoolRules& rules) {
  if (rules.attendance.size() > kMaxAttendanceCodes) {
    return Invalid("Кодов посещаемости не может быть больше " + std::to_string(kMaxAttendanceCodes) + ".",
                   kKeyAttendance);
  }
  std::set<std::string> codes;
  bool any_absence = false;
  for (size_t i = 0; i < rules.attendance.size(); ++i) {
    const AttendanceCode& a = rules.attendance[i];
    std::string path = Path(kKeyAttendance, i);
    if (!IsLetters(a.code, 1, 3)) {
      return Invalid("Код посещаемости " + Q(a.code) + " — от 1 до 3 букв, например «н».", Path(path, kKeyCode));
    }
    if (!codes.insert(a.code).second)
      return Invalid("Код посещаемости " + Q(a.code) + " повторяется.", Path(path, kKeyCode));
    if (!IsShownText(a.name, kMaxNameChars)) {
      return Invalid("Не указано, что означает код посещаемости " + Q(a.code) + " (до 60 знаков).",
                     Path(path, kKeyName));
    }
    any_absence = any_absence || a.absence;
  }
  if (!any_absence) {
    return Invalid("Нужен хотя бы один код посещаемости, который означает пропуск урока, например «н».",
                   kKeyAttendance);
  }
  return Status::Ok();
}

Status ValidateCorrections(const CorrectionRules& c) {
  std::string prefix = kKeyCorrections;
  if (c.correction_window_days < 0 || c.correction_window_days > kMaxCorrectionDays) {
    return Invalid("Срок исправлений без указания причины — от 0 до 30 дней после урока.",
                   Path(prefix, kKeyWindowDays));
  }
  if (c.mark_deadline_days < 0 || c.mark_deadline_days > kMaxCorrectionDays) {
    return Invalid("Срок выставления отметок — от 0 до 30 дней после урока.", Path(prefix, kKeyDeadlineDays));
  }
  return Status::Ok();
}

Status ValidateFinals(const FinalsRules& f) {
  if (f.round_up_from < 50 || f.round_up_from > 90) {
    return Invalid("Порог округления итоговой отметки — от 0,50 до 0,90.", Path(kKeyFinals, kKeyRoundUpFrom));
  }
  if (f.min_marks < 0 || f.min_marks > 10) {
    return Invalid("Наименьшее число отметок для аттестации — от 0 до 10.", Path(kKeyFinals, kKeyMinMarks));
  }
  return Status::Ok();
}

Status ValidateControlLoad(const ControlLoadRules& l) {
  if (l.subject_gap_days < 0 || l.subject_gap_days > kMaxSubjectGapDays) {
    return Invalid("Перерыв между контрольными работами по одному предмету — от 0 до 60 дней.",
                   Path(kKeyControlLoad, kKeySubjectGapDays));
  }
  if (l.max_hours_percent < 0 || l.max_hours_percent > 100) {
    return Invalid("Доля контрольных работ в часах предмета — от 0 до 100 %.", Path(kKeyControlLoad, kKeyMaxHoursPercent));
  }
  return Status::Ok();
}

Status ValidateHomework(const SchoolRules& rules) {
  for (int grade = kMinGrade; grade <= kMaxGrade; ++grade) {
    int minutes = HomeworkLimitMinutes(rules, grade);
    if (minutes <= 0 || minutes > kMaxHomeworkMinutes) {
      return Invalid("Время на домашнее задание для " + std::to_string(grade) + " класса — от 1 до 300 минут в день.",
                     Path(kKeyHomeworkMinutes, static_cast<size_t>(grade - 1)));
    }
  }
  return Status::Ok();
}

}  // namespace

Status ValidateSchoolRules(const SchoolRules& rules) {
  if (Status st = ValidateSystems(rules); !st.ok()) return st;
  if (Status st = ValidateGradeSystems(rules); !st.ok()) return st;
  if (Status st = ValidateMarkTypes(rules); !st.ok()) return st;
  if (Status st = ValidateAttendance(rules); !st.ok()) return st;
  if (Status st = ValidateCorrections(rules.corrections); !st.ok()) return st;
  if (Status st = ValidateFinals(rules.finals); !st.ok()) return st;
  if (Status st = ValidateControlLoad(rules.control_load); !st.ok()) return st;
  return ValidateHomework(rules);
}

// ---- [SECTION] operation ----

bool IsRulesOp(std::string_view kind) { return kind == op_kind::kRulesUpdate; }

Json RulesUpdatePayload(const SchoolRules& rules) {
  Json j = ToJson(rules);
  j.erase(kKeyVersion);
  return j;
}

std::string MarkValueKey(std::string_view system_id, std::string_view code) {
  return std::string(system_id) + "/" + std::string(code);
}

std::pair<std::string_view, std::string_view> SplitMarkValueKey(std::string_view key) {
  size_t slash = key.find('/');
  if (slash == std::string_view::npos) return {std::string_view(), key};
  return {key.substr(0, slash), key.substr(slash + 1)};
}

namespace {

// Refuses to remove what the journal already holds. An empty predicate counts all as used.
Status CheckRemovals(const SchoolRules& current, const SchoolRules& next, const InUsePredicate& in_use) {
  auto used = [&](std::string_view kind, std::string_view code) { return !in_use || in_use(kind, code); };
  for (const auto& old_system : current.systems) {
    const GradingSystem* kept = FindGradingSystem(next, old_system.id);
    if (!kept) {
      if (used(rules_in_use::kGradingSystem, old_system.id)) {
        return Invalid("Система оценивания " + Q(old_system.name) + " уже используется в журнале: её нельзя удалить.",
                       kKeySystems);
      }
      continue;  // the whole system goes, and with it its values: none is in use
    }
    for (const auto& old_value : old_system.values) {
      if (FindMarkValue(*kept, old_value.code)) continue;
      if (used(rules_in_use::kMarkValue, MarkValueKey(old_system.id, old_value.code))) {
        return Invalid("Отметка " + Q(old_value.text) + " системы " + Q(old_system.name) +
                           " уже используется в журнале: её нельзя удалить.",
                       kKeySystems);
      }
    }
  }
  for (const auto& old_type : current.mark_types) {
    if (!FindMarkType(next, old_type.code) && used(rules_in_use::kMarkType, old_type.code)) {
      return Invalid("Вид работы " + Q(old_type.name) + " уже используется в журнале: его нельзя удалить.",
                     kKeyMarkTypes);
    }
  }
  for (const auto& old_code : current.attendance) {
    if (!FindAttendanceCode(next, old_code.code) && used(rules_in_use::kAttendance, old_code.code)) {
      return Invalid("Код посещаемости " + Q(old_code.code) + " уже используется в журнале: его нельзя удалить.",
                     kKeyAttendance);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<SchoolRules> ApplyRulesUpdate(const SchoolRules& current, const Operation& op, const Actor& actor,
                                     const InUsePredicate& in_use) {
  if (Status st = Authorize(actor, Action::kEditStructure); !st.ok()) return st;
  if (op.kind != op_kind::kRulesUpdate) {
    return Status(ErrorCode::kBadRequest, "Неизвестный вид операции «" + op.kind + "».", "kind");
  }
  if (op.base_version != current.version) {
    return Status(ErrorCode::kConflict,
                  "Правила школы изменились, пока вы их редактировали: загрузите их заново и повторите изменения.",
                  "base_version");
  }
  auto parsed = SchoolRulesFromJson(op.payload);
  if (!parsed.ok()) return parsed.status();
  SchoolRules next = std::move(parsed).value();
  if (Status st = ValidateSchoolRules(next); !st.ok()) return st;
  if (Status st = CheckRemovals(current, next, in_use); !st.ok()) return st;
  next.version = current.version + 1;
  return next;
}

// ---- [SECTION] JSON ----

namespace {

Json ToJson(const MarkValue& v) {
  Json j{{kKeyCode, v.code},
         {kKeyText, v.text},
         {kKeyPassing, v.passing},
         {kKeyFinal, v.final_allowed},
         {kKeyPlusMinus, v.plus_minus},
         {kKeyFivePoint, v.five_point}};
  if (v.numeric) j[kKeyNumeric] = *v.numeric;
  return j;
}

Json ToJson(const GradingSystem& s) {
  Json values = Json::array();
  for (const auto& v : s.values) values.push_back(ToJson(v));
  return {{kKeyId, s.id}, {kKeyName, s.name}, {kKeyValues, std::move(values)}};
}

// Puts a "where" before a reader's message and the item's path before its field.
Status At(const Status& st, const std::string& where, const std::string& path) {
  std::string field = st.field().empty() ? path : path + "." + st.field();
  return Status(st.code(), where + ". " + st.message(), std::move(field));
}

Status BadField(const char* key, std::string_view what) {
  return Status(ErrorCode::kBadRequest, std::string("Поле «") + key + "»: " + std::string(what) + ".", key);
}

// Booleans and fractional numbers, in the manner of JsonReader (which has no such readers).
// `j` is an object already checked by a JsonReader. A missing or null key is an error when
// required, else leaves `out`.
Status ReadBool(const Json& j, const char* key, bool* out, bool required = true) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    return required ? BadField(key, "обязательное поле отсутствует") : Status::Ok();
  }
  if (!it->is_boolean()) return BadField(key, "ожидалось true или false");
  *out = it->get<bool>();
  return Status::Ok();
}

Status ReadNumber(const Json& j, const char* key, std::optional<double>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_number()) return BadField(key, "ожидалось число");
  *out = it->get<double>();
  return Status::Ok();
}

Result<MarkValue> MarkValueFromJson(const Json& j) {
  MarkValue v;
  int64_t five = 0;
  JsonReader r(j);
  r.String(kKeyCode, &v.code).String(kKeyText, &v.text).Int(kKeyFivePoint, &five, false);
  if (!r.ok()) return r.status();
  v.five_point = ToInt(five);
  if (Status st = ReadNumber(j, kKeyNumeric, &v.numeric); !st.ok()) return st;
  if (Status st = ReadBool(j, kKeyPassing, &v.passing); !st.ok()) return st;
  if (Status st = ReadBool(j, kKeyFinal, &v.final_allowed); !st.ok()) return st;
  if (Status st = ReadBool(j, kKeyPlusMinus, &v.plus_minus, false); !st.ok()) return st;
  return v;
}

// The i-th system; errors say where they are, down to the value.
Result<GradingSystem> GradingSystemFromJson(const Json& j, size_t i) {
  GradingSystem s;
  const Json* values = nullptr;
  std::string where = "Система оценивания № " + std::to_string(i + 1);
  std::string path = Path(kKeySystems, i);
  JsonReader r(j);
  r.String(kKeyId, &s.id).String(kKeyName, &s.name).Array(kKeyValues, &values);
  if (!r.ok()) return At(r.status(), where, path);
  for (size_t k = 0; k < values->size(); ++k) {
    auto v = MarkValueFromJson((*values)[k]);
    if (!v.ok()) {
      return At(v.status(), where + ", отметка № " + std::to_string(k + 1),
                Path(path, kKeyValues) + "[" + std::to_string(k) + "]");
    }
    s.values.push_back(std::move(v).value());
  }
  return s;
}

Result<MarkType> MarkTypeFromJson(const Json& j) {
  MarkType t;
  int64_t weight = 0;
  JsonReader r(j);
  r.String(kKeyCode, &t.code).String(kKeyName, &t.name).Int(kKeyWeight, &weight);
  if (!r.ok()) return r.status();
  t.weight = ToInt(weight);
  return t;
}

Result<AttendanceCode> AttendanceFromJson(const Json& j) {
  AttendanceCode a;
  JsonReader r(j);
  r.String(kKeyCode, &a.code).String(kKeyName, &a.name);
  if (!r.ok()) return r.status();
  if (Status st = ReadBool(j, kKeyAbsence, &a.absence); !st.ok()) return st;
  if (Status st = ReadBool(j, kKeyExcused, &a.excused); !st.ok()) return st;
  return a;
}

Result<CorrectionRules> CorrectionsFromJson(const Json& j) {
  CorrectionRules c;
  int64_t window = 0, deadline = 0;
  JsonReader r(j);
  r.Int(kKeyWindowDays, &window).Int(kKeyDeadlineDays, &deadline);
  if (!r.ok()) return r.status();
  c.correction_window_days = ToInt(window);
  c.mark_deadline_days = ToInt(deadline);
  if (Status st = ReadBool(j, kKeyRequireReason, &c.require_reason_after_window); !st.ok()) return st;
  if (Status st = ReadBool(j, kKeyLockedApproval, &c.locked_periods_need_approval); !st.ok()) return st;
  return c;
}

}  // namespace

Json ToJson(const SchoolRules& rules) {
  Json systems = Json::array();
  for (const auto& s : rules.systems) systems.push_back(ToJson(s));
  Json grade_systems = Json::array();
  for (const auto& [grade, system] : rules.grade_systems) {
    grade_systems.push_back({{kKeyGrade, grade}, {kKeySystem, system}});
  }
  Json mark_types = Json::array();
  for (const auto& t : rules.mark_types) {
    mark_types.push_back({{kKeyCode, t.code}, {kKeyName, t.name}, {kKeyWeight, t.weight}});
  }
  Json attendance = Json::array();
  for (const auto& a : rules.attendance) {
    attendance.push_back({{kKeyCode, a.code}, {kKeyName, a.name}, {kKeyAbsence, a.absence}, {kKeyExcused, a.excused}});
  }
  const CorrectionRules& c = rules.corrections;
  Json corrections{{kKeyWindowDays, c.correction_window_days},
                   {kKeyRequireReason, c.require_reason_after_window},
                   {kKeyLockedApproval, c.locked_periods_need_approval},
                   {kKeyDeadlineDays, c.mark_deadline_days}};
  Json homework = Json::array();
  for (int minutes : rules.homework_minutes) homework.push_back(minutes);
  return {{kKeyVersion, rules.version},
          {kKeySystems, std::move(systems)},
          {kKeyDefaultSystem, rules.default_system},
          {kKeyGradeSystems, std::move(grade_systems)},
          {kKeyAllowPlusMinus, rules.allow_plus_minus},
          {kKeyMarkTypes, std::move(mark_types)},
          {kKeyAttendance, std::move(attendance)},
          {kKeyCorrections, std::move(corrections)},
          {kKeyFinals, {{kKeyRoundUpFrom, rules.finals.round_up_from}, {kKeyMinMarks, rules.finals.min_marks}}},
          {kKeyHomeworkMinutes, std::move(homework)},
          {kKeyControlLoad,
           {{kKeySubjectGapDays, rules.control_load.subject_gap_days},
            {kKeyMaxHoursPercent, rules.control_load.max_hours_percent},
            {kKeyNotFirstOrLast, rules.control_load.not_first_or_last_lesson}}}};
}

Result<SchoolRules> SchoolRulesFromJson(const Json& j) {
  SchoolRules rules;
  const Json *systems = nullptr, *grade_systems = nullptr, *mark_types = nullptr, *attendance = nullptr,
             *corrections = nullptr, *homework = nullptr;
  JsonReader top(j);
  top.Int(kKeyVersion, &rules.version, false)
      .Array(kKeySystems, &systems)
      .String(kKeyDefaultSystem, &rules.default_system);
  top.Array(kKeyGradeSystems, &grade_systems).Array(kKeyMarkTypes, &mark_types).Array(kKeyAttendance, &attendance);
  top.Object(kKeyCorrections, &corrections).Array(kKeyHomeworkMinutes, &homework);
  if (!top.ok()) return top.status();
  if (Status st = ReadBool(j, kKeyAllowPlusMinus, &rules.allow_plus_minus); !st.ok()) return st;

  for (size_t i = 0; i < systems->size(); ++i) {
    auto s = GradingSystemFromJson((*systems)[i], i);
    if (!s.ok()) return s.status();
    rules.systems.push_back(std::move(s).value());
  }
  for (size_t i = 0; i < grade_systems->size(); ++i) {
    int64_t grade = 0;
    std::string system;
    JsonReader r((*grade_systems)[i]);
    r.Int(kKeyGrade, &grade).String(kKeySystem, &system);
    if (!r.ok())
      return At(r.status(), "Система оценивания параллели № " + std::to_string(i + 1), Path(kKeyGradeSystems, i));
    if (!rules.grade_systems.emplace(ToInt(grade), system).second) {
      return Status(ErrorCode::kBadRequest,
                    "Система оценивания для " + std::to_string(grade) + " класса указана дважды.",
                    Path(kKeyGradeSystems, i));
    }
  }
  for (size_t i = 0; i < mark_types->size(); ++i) {
    auto t = MarkTypeFromJson((*mark_types)[i]);
    if (!t.ok()) return At(t.status(), "Вид работы № " + std::to_string(i + 1), Path(kKeyMarkTypes, i));
    rules.mark_types.push_back(std::move(t).value());
  }
  for (size_t i = 0; i < attendance->size(); ++i) {
    auto a = AttendanceFromJson((*attendance)[i]);
    if (!a.ok()) return At(a.status(), "Код посещаемости № " + std::to_string(i + 1), Path(kKeyAttendance, i));
    rules.attendance.push_back(std::move(a).value());
  }
  auto c = CorrectionsFromJson(*corrections);
  if (!c.ok()) return At(c.status(), "Правила исправлений", kKeyCorrections);
  rules.corrections = c.value();
  // Rules saved before the finals settings existed keep the defaults.
  if (auto f = j.find(kKeyFinals); f != j.end() && !f->is_null()) {
    int64_t round_up = rules.finals.round_up_from, min_marks = rules.finals.min_marks;
    JsonReader r(*f);
    r.Int(kKeyRoundUpFrom, &round_up, false).Int(kKeyMinMarks, &min_marks, false);
    if (!r.ok()) return At(r.status(), "Правила итоговых отметок", kKeyFinals);
    rules.finals.round_up_from = ToInt(round_up);
    rules.finals.min_marks = ToInt(min_marks);
  }
  // Rules saved before the ВСОКО load rules existed keep the defaults.
  if (auto l = j.find(kKeyControlLoad); l != j.end() && !l->is_null()) {
    int64_t gap = rules.control_load.subject_gap_days, percent = rules.control_load.max_hours_percent;
    JsonReader r(*l);
    r.Int(kKeySubjectGapDays, &gap, false).Int(kKeyMaxHoursPercent, &percent, false);
    r.Bool(kKeyNotFirstOrLast, &rules.control_load.not_first_or_last_lesson, false);
    if (!r.ok()) return At(r.status(), "Нормы ВСОКО для контрольных работ", kKeyControlLoad);
    rules.control_load.subject_gap_days = ToInt(gap);
    rules.control_load.max_hours_percent = ToInt(percent);
  }

  if (homework->size() != rules.homework_minutes.size()) {
    return BadField(kKeyHomeworkMinutes, "нужно 11 чисел, по одному на каждый класс с 1 по 11");
  }
  for (size_t i = 0; i < homework->size(); ++i) {
    const Json& minutes = (*homework)[i];
    if (!minutes.is_number_integer()) {
      return Status(ErrorCode::kBadRequest,
                    std::string("Поле «") + kKeyHomeworkMinutes + "»: для " + std::to_string(i + 1) +
                        " класса ожидалось целое число минут.",
                    Path(kKeyHomeworkMinutes, i));
    }
    rules.homework_minutes[i] = ToInt(minutes.get<int64_t>());
  }
  return rules;
}

// ---- [SECTION] description ----

std::string FormatMinutesRu(int minutes) {
  if (minutes < 60) return std::to_string(minutes) + " мин";
  int hours = minutes / 60, rest = minutes % 60;
  if (rest == 0) return std::to_string(hours) + " ч";
  if (rest == 30) return std::to_string(hours) + ",5 ч";
  return std::to_string(hours) + " ч " + std::to_string(rest) + " мин";
}

namespace {

std::string Days(int n) { return std::to_string(n) + " " + std::string(Plural(n, "день", "дня", "дней")); }

// Runs of consecutive grades with the same value: {from, to, value}.
template <typename T, typename Get>
std::vector<std::tuple<int, int, T>> GradeRuns(Get get) {
  std::vector<std::tuple<int, int, T>> runs;
  for (int grade = kMinGrade; grade <= kMaxGrade; ++grade) {
    T value = get(grade);
    if (!runs.empty() && std::get<1>(runs.back()) == grade - 1 && std::get<2>(runs.back()) == value) {
      std::get<1>(runs.back()) = grade;
    } else {
      runs.emplace_back(grade, grade, value);
    }
  }
  return runs;
}

std::string SystemNameOf(const SchoolRules& rules, std::string_view id) {
  const GradingSystem* s = FindGradingSystem(rules, id);
  return s ? s->name : std::string(id);
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

}  // namespace

std::vector<std::string> DescribeRules(const SchoolRules& rules) {
  std::vector<std::string> lines;

  // Grading systems: the default, then the grades that differ from it.
  lines.push_back("Система оценивания — " + Q(SystemNameOf(rules, rules.default_system)) + ".");
  auto runs = GradeRuns<std::string>([&](int grade) { return std::string(GradingSystemIdForGrade(rules, grade)); });
  for (const auto& [from, to, id] : runs) {
    if (id == rules.default_system) continue;
    if (id == kNoMarksSystem) {
      lines.push_back(GradesRu(from, to) + " — безотметочное обучение.");
    } else {
      lines.push_back(GradesRu(from, to) + " — система оценивания " + Q(SystemNameOf(rules, id)) + ".");
    }
  }
  lines.push_back(rules.allow_plus_minus
                      ? "Текущие отметки могут быть с «+» и «−»; четвертные, полугодовые и годовые — только целые."
                      : "Отметки ставятся без «+» и «−».");

  std::vector<std::string> weights;
  for (const auto& t : rules.mark_types) weights.push_back(Q(t.name) + " — " + std::to_string(t.weight));
  lines.push_back("Веса отметок по видам работ: " + Joined(weights) + ".");

  std::vector<std::string> codes;
  for (const auto& a : rules.attendance) codes.push_back(Q(a.code) + " — " + a.name);
  if (!codes.empty()) lines.push_back("Посещаемость: " + Joined(codes) + ".");

  // Corrections (R3, R13) and the mark deadline (R14).
  const CorrectionRules& c = rules.corrections;
  if (!c.require_reason_after_window) {
    lines.push_back("Исправления вносятся без указания причины.");
  } else if (c.correction_window_days == 0) {
    lines.push_back("Исправления без указания причины — только в день урока; позже нужно указать причину.");
  } else {
    lines.push_back("Срок исправлений без указания причины — " + Days(c.correction_window_days) +
                    " после урока; позже нужно указать причину.");
  }
  lines.push_back(c.locked_periods_need_approval
                      ? "Исправления в закрытом учебном периоде — только с согласия заместителя директора."
                      : "В закрытом учебном периоде исправления не вносятся, пока администрация его не откроет.");
  lines.push_back(c.mark_deadline_days == 0
                      ? "Отметки выставляются в день урока."
                      : "Срок выставления отметок — " + Days(c.mark_deadline_days) + " после урока.");

  // Finals.
  lines.push_back("Четвертные и годовые отметки предлагаются по средневзвешенному баллу: от 0," +
                  std::to_string(rules.finals.round_up_from) + " округляется в пользу ученика" +
                  (rules.finals.min_marks > 0
                       ? "; для аттестации нужно не менее " + std::to_string(rules.finals.min_marks) + " " +
                             std::string(Plural(rules.finals.min_marks, "отметки", "отметок", "отметок"))
                       : std::string()) +
                  ".");

  // Homework (R14, СанПиН 1.2.3685-21).
  std::vector<std::string> limits;
  for (const auto& [from, to, minutes] :
       GradeRuns<int>([&](int grade) { return HomeworkLimitMinutes(rules, grade); })) {
    limits.push_back(GradesRu(from, to) + " — до " + FormatMinutesRu(minutes));
  }
  lines.push_back("Домашнее задание в день: " + Joined(limits) + ".");

  // The ВСОКО load rules on control works.
  const ControlLoadRules& load = rules.control_load;
  std::vector<std::string> control;
  if (load.subject_gap_days > 0) {
    control.push_back("по одному предмету в классе — не чаще одного раза в " + Days(load.subject_gap_days));
  }
  if (load.max_hours_percent > 0) {
    control.push_back("не больше " + std::to_string(load.max_hours_percent) + " % часов предмета в учебном периоде");
  }
  if (load.not_first_or_last_lesson) control.push_back("не на первом и не на последнем уроке дня");
  if (!control.empty()) lines.push_back("Контрольные работы: " + Joined(control) + ".");
  return lines;
}

bool IsFailingMark(const SchoolRules& rules, std::string_view system_id, std::string_view value) {
  const GradingSystem* system = FindGradingSystem(rules, system_id);
  if (!system) return false;
  for (const MarkValue& v : system->values) {
    if (v.code == value) return !v.passing;
  }
  return false;
}

}  // namespace ej
