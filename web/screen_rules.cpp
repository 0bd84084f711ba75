// «Правила школы» (R4): the rules as the core describes them, for everyone with the console,
// and their editable parts for the head and deputies: one rules.update with the version the
// user started from. A rejection shows the server's message near the field it names and keeps
// the edits; a conflict (someone saved first) keeps them too until «Загрузить заново».
#include <algorithm>
#include <charconv>
#include <cmath>

#include <imgui.h>

#include "console_pages.h"
#include "screens.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {

void PageRequests::Call(const char* method, std::string_view path, std::string body, Callback done) {
  std::weak_ptr<int> alive = alive_;
  const int epoch = epoch_;
  transport_.Send(HttpRequest{method, std::string(path), std::move(body)},
                  [this, alive, epoch, done = std::move(done)](HttpResponse response) {
                    if (alive.expired() || epoch != epoch_) return;
                    if (response.status == 401) {
                      session_ended = true;
                      session_message = ErrorOf(response).message();
                      return;
                    }
                    done(response);
                  });
}

namespace {

namespace route = protocol::route;

constexpr float kNumberWidth = 120;

// A whole number typed into a field, or nullopt.
std::optional<int> ParseNumber(const std::string& text) {
  size_t b = text.find_first_not_of(' ');
  if (b == std::string::npos) return std::nullopt;
  size_t e = text.find_last_not_of(' ') + 1;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data() + b, text.data() + e, value);
  if (ec != std::errc() || end != text.data() + e) return std::nullopt;
  return value;
}

std::string Indexed(const char* key, size_t i) { return std::string(key) + "[" + std::to_string(i) + "]"; }

// The error shown at a field: the message when the rejected path is this field or inside it.
std::string ErrorAt(const RulesForm& f, const std::string& path) {
  if (f.field.empty() || f.error.empty()) return {};
  if (f.field == path || f.field.rfind(path + ".", 0) == 0 || f.field.rfind(path + "[", 0) == 0) return f.error;
  return {};
}

// A section's title inside the panel.
void Section(const std::string& title) {
  ui::Space(10);
  ui::StrongText(title);
}

// One table of inputs: a header drawn by the ui table, then a line of fields per row, each
// field in its column. A row whose path the server named is tinted and gets the message.
struct InputColumn {
  std::string title;
  float width;  // 0: what the others leave
};
void InputTable(const char* id, const std::vector<InputColumn>& columns, size_t rows,
                const std::function<std::string(size_t)>& row_path,
                const std::function<void(size_t row, size_t column, float width)>& cell, const RulesForm& f) {
  const float left = ImGui::GetCursorPosX();
  const float width = ui::AvailableWidth();
  std::vector<ui::TableColumn> header;
  float fixed = 0;
  for (const InputColumn& c : columns) {
    header.push_back({c.title, c.width, false});
    fixed += c.width;
  }
  ui::BeginTable(id, header);
  ui::EndTable();
  for (size_t r = 0; r < rows; ++r) {
    const std::string error = ErrorAt(f, row_path(r));
    ImGui::PushID(static_cast<int>(r));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float y = ImGui::GetCursorPosY();
    if (!error.empty()) {
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x, top.y - 3),
                                                ImVec2(top.x + width, top.y + ImGui::GetFrameHeight() + 3),
                                                theme::kErrorBackground, 6);
    }
    float x = left;
    for (size_t c = 0; c < columns.size(); ++c) {
      const float w = columns[c].width > 0 ? columns[c].width : std::max(80.0f, width - fixed);
      ImGui::SetCursorPosX(x + 6);
      ImGui::SetCursorPosY(y);
      cell(r, c, w - 12);
      x += w;
    }
    ImGui::PopID();
    if (!error.empty()) {
      ImGui::SetCursorPosX(left);
      ui::ErrorText(error, width);
    }
    ImGui::SetCursorPosX(left);
  }
}

}  // namespace

void RulesPage::Open(bool can_edit) {
  Close();
  can_edit_ = can_edit;
  Load();
}

void RulesPage::Close() {
  requests_.Reset();
  loading_ = false;
  load_error_.clear();
  waiting_.reset();
  form_ = RulesForm();
}

void RulesPage::Load() {
  loading_ = true;
  requests_.Call("GET", route::kRules, {}, [this](const HttpResponse& r) {
    loading_ = false;
    if (r.status != 200) {
      load_error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto rules = json.ok() ? SchoolRulesFromJson(*json) : Result<SchoolRules>(json.status());
    if (!rules.ok()) {
      load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    load_error_.clear();
    form_.loaded = std::move(rules).value();
    FillForm();
  });
}

void RulesPage::FillForm() {
  const SchoolRules& r = *form_.loaded;
  form_.window_days = std::to_string(r.corrections.correction_window_days);
  form_.deadline_days = std::to_string(r.corrections.mark_deadline_days);
  form_.plus_minus = r.allow_plus_minus ? 1 : 0;
  form_.homework.clear();
  for (int m : r.homework_minutes) form_.homework.push_back(std::to_string(m));
  form_.type_names.clear();
  form_.type_weights.clear();
  for (const MarkType& t : r.mark_types) {
    form_.type_names.push_back(t.name);
    form_.type_weights.push_back(std::to_string(t.weight));
  }
  form_.attendance_names.clear();
  for (const AttendanceCode& a : r.attendance) form_.attendance_names.push_back(a.name);
  form_.edited = false;
  form_.field.clear();
  form_.error.clear();
  form_.conflict = false;
}

void RulesPage::Save() {
  if (!form_.loaded || form_.busy || !can_edit_) return;
  RulesForm& f = form_;
  f.field.clear();
  f.error.clear();
  f.notice.clear();
  f.conflict = false;
  SchoolRules rules = *f.loaded;
  // Only whole numbers are read here; what they may be is the core's (and the server's) check.
  auto number = [&](const std::string& text, const std::string& path, int* out) {
    if (!f.error.empty()) return;
    if (auto n = ParseNumber(text)) {
      *out = *n;
    } else {
      f.field = path;
      f.error = "Введите целое число.";
    }
  };
  number(f.window_days, "corrections.correction_window_days", &rules.corrections.correction_window_days);
  number(f.deadline_days, "corrections.mark_deadline_days", &rules.corrections.mark_deadline_days);
  for (size_t i = 0; i < rules.homework_minutes.size() && i < f.homework.size(); ++i) {
    number(f.homework[i], Indexed("homework_minutes", i), &rules.homework_minutes[i]);
  }
  for (size_t i = 0; i < rules.mark_types.size() && i < f.type_names.size(); ++i) {
    rules.mark_types[i].name = f.type_names[i];
    number(f.type_weights[i], Indexed("mark_types", i) + ".weight", &rules.mark_types[i].weight);
  }
  for (size_t i = 0; i < rules.attendance.size() && i < f.attendance_names.size(); ++i) {
    rules.attendance[i].name = f.attendance_names[i];
  }
  rules.allow_plus_minus = f.plus_minus == 1;
  if (!f.error.empty()) return;

  protocol::Json payload = RulesUpdatePayload(rules);
  Operation op;
  if (waiting_ && waiting_->payload == payload && waiting_->base_version == rules.version) {
    op = *waiting_;  // the same save again after a lost answer: the same op_id
  } else {
    unsigned char bytes[16];
    env_.RandomBytes(bytes, sizeof bytes);
    op.op_id = FormatUuid(bytes);
    op.kind = std::string(op_kind::kRulesUpdate);
    op.payload = std::move(payload);
    op.client_time = env_.NowMs();
    op.device = "web";
    op.base_version = rules.version;
  }
  waiting_ = op;
  f.busy = true;
  requests_.Call("POST", route::kOps, ToJson(PushRequest{{op}}).dump(), [this, op_id = op.op_id](const HttpResponse& r) {
    RulesForm& g = form_;
    g.busy = false;
    if (r.status != 200) {
      g.error = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto response = json.ok() ? PushResponseFromJson(*json) : Result<PushResponse>(json.status());
    if (!response.ok() || response->results.empty()) {
      g.error = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    waiting_.reset();
    const OpResult& result = response->results.front();
    switch (result.outcome) {
      case OpOutcome::kApplied:
        g.notice = "Правила сохранены.";
        Load();
        break;
      case OpOutcome::kConflict:
        g.conflict = true;
        break;
      case OpOutcome::kRejected:
        g.field = result.error.field();
        g.error = result.error.message();
        break;
    }
  });
}

void RulesPage::Draw() {
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  PageHeader("Правила школы", "Правила видят все пользователи журнала; изменять их могут директор и заместители.");
  if (!form_.loaded) {
    if (load_error_.empty()) {
      ui::MutedText("Загрузка…");
    } else {
      ui::ErrorText(load_error_, width);
      ImGui::SetCursorPosX(x);
      ui::ButtonOptions retry;
      retry.kind = ui::ButtonKind::kSecondary;
      if (ui::Button("Повторить###rules-reload", retry)) Load();
    }
    return;
  }
  RulesForm& f = form_;
  ui::PanelStyle style;
  style.padding = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth ? 16 : 24;

  // What the rules say, as the core words them (R4).
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  ui::Heading("Действующие правила");
  for (const std::string& line : DescribeRules(*f.loaded)) ui::Text("•  " + line);
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  if (!can_edit_) return;

  ui::Space(16);
  ImGui::SetCursorPosX(x);
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  ui::Heading("Изменить правила");
  const float inner = ui::AvailableWidth();
  const float left = ImGui::GetCursorPosX();
  bool changed = false;
  auto number = [&](const char* label, std::string* value, const std::string& path) {
    ui::InputOptions o;
    o.width = kNumberWidth;
    o.error = ErrorAt(f, path);
    o.enabled = !f.busy;
    const std::string before = *value;
    ui::InputText(label, value, o);
    changed |= before != *value;
  };

  Section("Исправления и сроки");
  ImGui::SetCursorPosX(left);
  number("Срок исправлений без причины, дней после урока", &f.window_days, "corrections.correction_window_days");
  ImGui::SetCursorPosX(left);
  number("Срок выставления отметок, дней после урока", &f.deadline_days, "corrections.mark_deadline_days");
  ImGui::SetCursorPosX(left);
  {
    ui::ComboOptions o;
    o.width = std::min(inner, 420.0f);
    o.enabled = !f.busy;
    o.error = ErrorAt(f, "allow_plus_minus");
    const std::vector<ui::ComboItem> items{{"Нет: только целые отметки", ""}, {"Да: можно «4+», «5−»", ""}};
    changed |= ui::Combo("Разрешить + и − в текущих отметках", items, &f.plus_minus, o);
  }

  ImGui::SetCursorPosX(left);
  Section("Домашнее задание: минут в день (СанПиН 1.2.3685-21)");
  {
    const int per_line = inner >= 900 ? 11 : 6;
    const float w = std::floor((inner - (per_line - 1) * 10) / per_line);
    for (size_t i = 0; i < f.homework.size(); ++i) {
      if (i % per_line) {
        ImGui::SameLine(0, 10);
      } else {
        ImGui::SetCursorPosX(left);
      }
      ImGui::BeginGroup();
      ui::InputOptions o;
      o.width = w;
      o.enabled = !f.busy;
      o.error = ErrorAt(f, Indexed("homework_minutes", i));
      const std::string before = f.homework[i];
      ui::InputText(std::to_string(i + 1) + " класс", &f.homework[i], o);
      changed |= before != f.homework[i];
      ImGui::EndGroup();
    }
  }

  ImGui::SetCursorPosX(left);
  Section("Виды работ и их вес в среднем балле");
  ImGui::SetCursorPosX(left);
  InputTable(
      "mark-types", {{"Название", 0}, {"Вес (1–10)", 140}}, f.type_names.size(),
      [](size_t i) { return Indexed("mark_types", i); },
      [&](size_t r, size_t c, float w) {
        ui::InputOptions o;
        o.width = w;
        o.caption = false;
        o.enabled = !f.busy;
        std::string* value = c == 0 ? &f.type_names[r] : &f.type_weights[r];
        const std::string before = *value;
        const std::string label = c == 0 ? "Название вида работы " + std::to_string(r + 1) + "###type-name"
                                         : "Вес: " + f.loaded->mark_types[r].name + "###type-weight";
        ui::InputText(label, value, o);
        changed |= before != *value;
      },
      f);

  ImGui::SetCursorPosX(left);
  Section("Отметки посещаемости");
  ImGui::SetCursorPosX(left);
  InputTable(
      "attendance", {{"Код", 90}, {"Значение", 0}, {"Пропуск", 130}, {"Уважительный", 150}}, f.attendance_names.size(),
      [](size_t i) { return Indexed("attendance", i); },
      [&](size_t r, size_t c, float w) {
        const AttendanceCode& a = f.loaded->attendance[r];
        if (c == 0) {
          ImGui::AlignTextToFramePadding();
          ui::StrongText("«" + a.code + "»");
        } else if (c == 1) {
          ui::InputOptions o;
          o.width = w;
          o.caption = false;
          o.enabled = !f.busy;
          const std::string before = f.attendance_names[r];
          ui::InputText("Значение отметки «" + a.code + "»###att-name", &f.attendance_names[r], o);
          changed |= before != f.attendance_names[r];
        } else {
          ImGui::AlignTextToFramePadding();
          ui::Text(c == 2 ? (a.absence ? "да" : "нет") : (a.excused ? "да" : "нет"));
        }
      },
      f);
  if (changed) {
    f.edited = true;
    f.notice.clear();
  }

  ImGui::SetCursorPosX(left);
  ui::Space(12);
  ImGui::SetCursorPosX(left);
  // A message that names no field we draw goes here, above the button.
  const bool placed = !f.field.empty() &&
                      (f.field.rfind("corrections.", 0) == 0 || f.field.rfind("homework_minutes[", 0) == 0 ||
                       f.field.rfind("mark_types[", 0) == 0 || f.field.rfind("attendance[", 0) == 0 ||
                       f.field == "allow_plus_minus");
  if (f.conflict) {
    ui::ErrorText("Правила уже изменил другой пользователь, пока вы редактировали. Ваши изменения не сохранены "
                  "и остались на экране. Загрузите правила заново (ваши изменения будут заменены), чтобы "
                  "увидеть сохранённые.",
                  inner);
    ImGui::SetCursorPosX(left);
    ui::ButtonOptions reload;
    reload.kind = ui::ButtonKind::kSecondary;
    if (ui::Button("Загрузить заново###rules-reload", reload)) {
      f.conflict = false;
      Load();
    }
    ImGui::SetCursorPosX(left);
  } else if (!f.error.empty() && !placed) {
    ui::ErrorText(f.error, inner);
    ImGui::SetCursorPosX(left);
  } else if (!f.error.empty()) {
    ui::ErrorText("Правила не сохранены: исправьте отмеченное поле.", inner);
    ImGui::SetCursorPosX(left);
  }
  if (!f.notice.empty()) {
    ui::Notice(f.notice, inner);
    ImGui::SetCursorPosX(left);
  }
  ui::ButtonOptions save;
  save.enabled = !f.busy && !f.conflict;
  if (ui::Button(f.busy ? "Сохранение…###rules-save" : "Сохранить###rules-save", save)) Save();
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
}

}  // namespace ej::web
