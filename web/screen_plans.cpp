// «КТП»: the thematic plan of a workload line as a table of topics (№, topic, hours, control),
// the chosen row's editor, the paste box, «Сохранить КТП», and plan against fact for the group.
// The rules are the core's: who may edit a line (PlanLinesFor), how pasted rows are read and why
// one is refused (ParsePlanRows), each topic's checks (ValidatePlanTopic, again on the server),
// and plan against fact (CountLessonsHeld, PlanAgainstFact, TopicsBehind).
#include <algorithm>
#include <charconv>

#include <imgui.h>

#include "console_plans.h"
#include "journal.h"
#include "screens.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

constexpr float kEditorWidth = 400;
constexpr float kGap = 24;

PlanDraftRow RowOf(const PlanTopic& t) { return {t.title, std::to_string(t.hours), t.control, t.control_form}; }

// The row as a topic; hours that are not a whole number become 0, which the core refuses with
// its reason.
PlanTopic TopicOf(const PlanDraftRow& r) {
  PlanTopic t;
  t.title = r.title;
  t.control = r.control;
  t.control_form = r.control ? r.form : std::string();
  size_t b = r.hours.find_first_not_of(' ');
  size_t e = r.hours.find_last_not_of(' ');
  int hours = 0;
  if (b != std::string::npos) {
    auto [end, ec] = std::from_chars(r.hours.data() + b, r.hours.data() + e + 1, hours);
    if (ec != std::errc() || end != r.hours.data() + e + 1) hours = 0;
  }
  t.hours = hours;
  return t;
}

std::vector<PlanDraftRow> RowsOf(const ThematicPlan& p) {
  std::vector<PlanDraftRow> rows;
  for (const PlanTopic& t : p.topics) rows.push_back(RowOf(t));
  return rows;
}

std::string Hours(int n) { return std::to_string(n) + " ч"; }

// The rows of the paste box (or of a CSV file put there) read by the core and added to the
// draft; the refused rows stay in the box to be corrected, each named under the table.
void AddPastedRows(PlanDraft& d, const std::string& file) {
  d.file_error.clear();
  const PlanRows parsed = ParsePlanRows(d.paste);
  for (const PlanTopic& t : parsed.topics) d.rows.push_back(RowOf(t));
  if (!parsed.topics.empty()) d.edited = true;
  d.rejected = parsed.rejected;
  std::vector<std::string> lines_in;
  size_t start = 0;
  while (start <= d.paste.size()) {
    size_t end = d.paste.find('\n', start);
    if (end == std::string::npos) end = d.paste.size();
    lines_in.push_back(d.paste.substr(start, end - start));
    start = end + 1;
  }
  std::string kept;
  for (const PlanRowError& e : parsed.rejected) {
    if (e.row >= 1 && static_cast<size_t>(e.row) <= lines_in.size()) {
      std::string l = lines_in[static_cast<size_t>(e.row) - 1];
      if (!l.empty() && l.back() == '\r') l.pop_back();
      kept += (kept.empty() ? "" : "\n") + l;
    }
  }
  d.paste = kept;
  const std::string added = "обавлено тем: " + std::to_string(parsed.topics.size()) + ".";
  d.paste_notice = file.empty() ? "Д" + added : "Из файла «" + file + "»: д" + added;
  if (!parsed.rejected.empty()) {
    d.paste_notice += " Не добавлено строк: " + std::to_string(parsed.rejected.size()) +
                      " — они остались в поле, исправьте их и добавьте снова.";
  }
}

}  // namespace

void PlansPage::Open() {
  Close();
  opened_ = true;
}

void PlansPage::Close() {
  requests_.Reset();
  opened_ = false;
  loaded_group_ = 0;
  plan_.reset();
  held_.reset();
  load_error_.clear();
  waiting_.reset();
  form_ = PlansForm();
}

void PlansPage::Load(int64_t group_id, const AcademicYear& year, Date today) {
  loaded_group_ = group_id;
  plan_.reset();
  held_.reset();
  load_error_.clear();
  auto fail = [this](const HttpResponse& r) { load_error_ = ErrorOf(r).message(); };
  requests_.Call("GET", std::string(route::kPlans) + "?group_id=" + std::to_string(group_id), {},
                 [this, fail, group_id](const HttpResponse& r) {
                   if (group_id != loaded_group_) return;
                   if (r.status != 200) return fail(r);
                   auto json = protocol::ParseJson(r.body);
                   if (!json.ok() || !json->is_object() || !json->contains("plans") || !(*json)["plans"].is_array()) {
                     load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
                     return;
                   }
                   ThematicPlan plan;
                   plan.group_id = group_id;
                   for (const auto& item : (*json)["plans"]) {
                     if (auto p = ThematicPlanFromJson(item); p.ok() && p->group_id == group_id) plan = *p;
                   }
                   plan_ = plan;
                   PlanDraft& d = form_.drafts[group_id];
                   if (!d.edited) {
                     d.rows = RowsOf(plan);
                     d.selected = std::min<int>(d.selected, static_cast<int>(d.rows.size()) - 1);
                   }
                 });
  const Date to = std::clamp(today, year.range.first, year.range.last);
  requests_.Call("GET",
                 std::string(route::kJournal) + "?group_id=" + std::to_string(group_id) +
                     "&from=" + year.range.first.Iso() + "&to=" + to.Iso(),
                 {}, [this, fail, group_id, to](const HttpResponse& r) {
                   if (group_id != loaded_group_) return;
                   if (r.status != 200) return fail(r);
                   auto json = protocol::ParseJson(r.body);
                   auto j = json.ok() ? JournalFromJson(*json) : Result<Journal>(json.status());
                   if (!j.ok()) {
                     load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
                     return;
                   }
                   held_ = CountLessonsHeld(*j, group_id, to);
                 });
}

void PlansPage::Save(const PlanLine& line) {
  if (form_.busy || !plan_) return;
  PlanDraft& d = Draft();
  form_.error.clear();
  form_.notice.clear();
  std::vector<PlanTopic> topics;
  for (size_t i = 0; i < d.rows.size(); ++i) {
    PlanTopic t = TopicOf(d.rows[i]);
    if (Status st = ValidatePlanTopic(t); !st.ok()) {
      form_.error = "Тема № " + std::to_string(i + 1) + ": " + st.message();
      d.selected = static_cast<int>(i);
      return;
    }
    topics.push_back(std::move(t));
  }
  protocol::Json payload = PlanSetPayload(line.group_id, line.subject_id, topics);
  Operation op;
  if (waiting_ && waiting_->payload == payload && waiting_->base_version == plan_->version) {
    op = *waiting_;  // the same plan again after a lost answer: the same op_id
  } else {
    unsigned char bytes[16];
    env_.RandomBytes(bytes, sizeof bytes);
    op.op_id = FormatUuid(bytes);
    op.kind = std::string(op_kind::kPlanSet);
    op.payload = std::move(payload);
    op.base_version = plan_->version;
    op.client_time = env_.NowMs();
    op.device = "web";
  }
  waiting_ = op;
  form_.busy = true;
  const int64_t group_id = line.group_id;
  requests_.Call("POST", route::kOps, ToJson(PushRequest{{op}}).dump(), [this, group_id](const HttpResponse& r) {
    form_.busy = false;
    if (r.status != 200) {
      form_.error = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto response = json.ok() ? PushResponseFromJson(*json) : Result<PushResponse>(json.status());
    if (!response.ok() || response->results.empty()) {
      form_.error = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    waiting_.reset();
    const OpResult& result = response->results.front();
    if (result.outcome == OpOutcome::kApplied) {
      form_.drafts[group_id].edited = false;
      form_.notice = "КТП сохранён.";
      if (group_id == loaded_group_) {
        // The saved plan comes back from the server with its new version.
        loaded_group_ = 0;
      }
    } else {
      // A refusal or a conflict (someone saved first): the draft stays as typed.
      form_.error = result.error.message();
    }
  });
}

void PlansPage::Draw(const Structure& s, const Actor& actor, const AcademicYear* year, Date today) {
  PlansForm& f = form_;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  PageHeader("КТП", "Календарно-тематическое планирование по строкам нагрузки: темы по порядку, часы и контрольные "
                    "работы; план и факт — по журналу группы.");
  if (!year) {
    ui::MutedText("В школе ещё нет учебного года.");
    return;
  }
  const std::vector<PlanLine> lines = PlanLinesFor(s, TeachingActor(s, actor), year->id);
  if (lines.empty()) {
    ui::MutedText("Строк нагрузки с учителем пока нет: КТП составляется для каждой строки нагрузки.");
    return;
  }

  // The class and the line.
  std::vector<int64_t> class_ids;
  for (const PlanLine& l : lines) {
    if (std::find(class_ids.begin(), class_ids.end(), l.class_id) == class_ids.end()) class_ids.push_back(l.class_id);
  }
  if (std::find(class_ids.begin(), class_ids.end(), f.class_id) == class_ids.end()) f.class_id = class_ids.front();
  std::vector<const PlanLine*> class_lines;
  for (const PlanLine& l : lines) {
    if (l.class_id == f.class_id) class_lines.push_back(&l);
  }
  const PlanLine* line = nullptr;
  for (const PlanLine* l : class_lines) {
    if (l->group_id == f.group_id && l->teacher_id == f.teacher_id) line = l;
  }
  if (!line) {
    line = class_lines.front();
    f.group_id = line->group_id;
    f.teacher_id = line->teacher_id;
  }
  {
    std::vector<ui::Choice<int64_t>> choices;
    for (int64_t id : class_ids) {
      const SchoolClass* c = s.FindClass(id);
      choices.push_back({id, c ? c->Name() : std::string("—"), ""});
    }
    const float left = ImGui::GetCursorPosX();
    const float top = ImGui::GetCursorPosY();
    ui::ComboOptions o;
    o.width = 140;
    ImGui::BeginGroup();
    if (ui::ChoiceCombo("Класс###plans-class", choices, &f.class_id, o)) {
      f.group_id = 0;
      f.error.clear();
      f.notice.clear();
    }
    ImGui::EndGroup();
    if (!narrow) ImGui::SetCursorPos(ImVec2(left + 140 + 16, top));
    else ImGui::SetCursorPosX(x);
    std::vector<ui::ComboItem> line_items;
    int line_index = 0;
    for (size_t i = 0; i < class_lines.size(); ++i) {
      const PlanLine* l = class_lines[i];
      std::string detail = l->hours == static_cast<int>(l->hours) ? std::to_string(static_cast<int>(l->hours)) + " ч в неделю"
                                                                    : std::string();
      line_items.push_back({l->label, detail});
      if (l == line) line_index = static_cast<int>(i);
    }
    ui::ComboOptions lo;
    lo.width = narrow ? -1 : std::min(520.0f, width - 156);
    ImGui::BeginGroup();
    if (ui::Combo("Предмет и учитель###plans-line", line_items, &line_index, lo)) {
      line = class_lines[static_cast<size_t>(line_index)];
      f.group_id = line->group_id;
      f.teacher_id = line->teacher_id;
      f.error.clear();
      f.notice.clear();
    }
    ImGui::EndGroup();
    ImGui::SetCursorPosX(x);
    ui::Space(8);
    ImGui::SetCursorPosX(x);
  }
  if (loaded_group_ != line->group_id) Load(line->group_id, *year, today);
  if (!load_error_.empty()) {
    ui::ErrorText(load_error_, width);
    return;
  }
  if (!plan_ || !held_) {
    ui::MutedText("Загрузка…");
    return;
  }
  PlanDraft& d = Draft();
  const bool editable = line->editable;

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;

  // Plan against fact: the plan as saved against the journal up to today.
  {
    ThematicPlans saved;
    saved.plans.push_back(*plan_);
    saved.plans.back().group_id = line->group_id;
    const PlanFact fact = PlanAgainstFact(s, saved, {*held_}).front();
    ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
    ui::StrongText("План и факт на " + std::clamp(today, year->range.first, year->range.last).Russian());
    if (!fact.has_plan) {
      ui::MutedText("КТП не составлено. Проведено уроков: " + std::to_string(fact.held) + ".");
    } else {
      const std::string summary = "По плану " + Hours(fact.planned_hours) + " за год · к сегодняшнему дню " +
                                  Hours(fact.expected) + " · проведено уроков: " + std::to_string(fact.held) + " (" +
                                  std::to_string(fact.percent) + " % плана)";
      ui::Text(summary);
      const ImU32 color = fact.difference < 0 ? theme::kErrorText : theme::kSuccessText;
      ui::ColoredText("Итог: " + fact.message, color, true);
      const std::vector<PlannedTopic> behind = TopicsBehind(*plan_, fact);
      if (!behind.empty()) {
        ui::MutedText("Темы, по которым отставание:");
        for (const PlannedTopic& t : behind) {
          ui::Text("№ " + std::to_string(t.index + 1) + ". " + t.topic->title + " — " + Hours(t.topic->hours));
        }
      }
    }
    ui::EndPanel();
    ImGui::SetCursorPosX(x);
    ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
    ImGui::SetCursorPosX(x);
  }

  const bool side_by_side = width >= 1000;
  const float table_w = side_by_side ? width - kEditorWidth - kGap : width;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ui::BeginPanel(top, table_w, style);
  {
    int total = 0, controls = 0;
    for (const PlanDraftRow& r : d.rows) {
      total += std::max(0, TopicOf(r).hours);
      controls += r.control ? 1 : 0;
    }
    std::string title = "Темы: " + std::to_string(d.rows.size()) + " · " + Hours(total) + " · контрольных: " +
                        std::to_string(controls);
    if (plan_->version > 0) title += " · версия " + std::to_string(plan_->version);
    ui::StrongText(title);
    if (d.edited) ui::ColoredText("Есть несохранённые изменения.", theme::kWarning, true);
    if (d.rows.empty()) {
      ui::MutedText("В КТП пока нет тем: добавьте тему или вставьте строки из таблицы.");
    } else {
      // A phone: three columns, the control work as a second line under the topic.
      if (narrow) {
        ui::BeginTable("plan-topics", {{"№", 36, true}, {"Тема", 0}, {"Часы", 56, true}});
      } else {
        ui::BeginTable("plan-topics", {{"№", 56, true}, {"Тема", 0}, {"Часы", 70, true}, {"Контроль", 170}});
      }
      for (size_t i = 0; i < d.rows.size(); ++i) {
        const PlanDraftRow& r = d.rows[i];
        const bool chosen = static_cast<int>(i) == d.selected;
        const PlanTopic t = TopicOf(r);
        const bool bad = !ValidatePlanTopic(t).ok();
        std::string control = r.control ? (r.form.empty() ? std::string("контрольная работа") : r.form) : std::string("—");
        std::vector<ui::TableCell> cells = {{std::to_string(i + 1), chosen ? ui::Tone::kStrong : ui::Tone::kMuted},
                                            {r.title.empty() ? std::string("(без названия)") : r.title,
                                             bad ? ui::Tone::kError : chosen ? ui::Tone::kStrong : ui::Tone::kNormal},
                                            {r.hours, bad ? ui::Tone::kError : ui::Tone::kNormal}};
        if (narrow) {
          if (r.control) cells[1].detail = control;
        } else {
          cells.push_back({control, r.control ? ui::Tone::kStrong : ui::Tone::kMuted});
        }
        if (ui::TableRow("Тема № " + std::to_string(i + 1) + "###plan-row" + std::to_string(i), cells, true)) {
          d.selected = static_cast<int>(i);
        }
      }
      ui::EndTable();
    }
    // The last paste's refused rows, under the table: each with its reason; their text stays in
    // the paste box.
    if (!d.paste_notice.empty()) {
      ui::Space(8);
      if (d.rejected.empty()) ui::Notice(d.paste_notice);
      else ui::StrongText(d.paste_notice);
      for (const PlanRowError& e : d.rejected) {
        ui::ErrorText("Строка " + std::to_string(e.row) + " («" + e.text + "»): " + e.reason);
      }
    }
  }
  const float table_h = ui::EndPanel();

  auto draw_editor = [&]() {
    if (!editable) {
      ui::MutedText("КТП этой строки составляет её учитель или администрация; здесь его можно только посмотреть.");
      return;
    }
    if (d.selected >= static_cast<int>(d.rows.size())) d.selected = static_cast<int>(d.rows.size()) - 1;
    if (d.selected >= 0) {
      const size_t i = static_cast<size_t>(d.selected);
      PlanDraftRow& r = d.rows[i];
      ui::StrongText("Тема № " + std::to_string(i + 1));
      const PlanDraftRow before = r;
      ui::InputText("Название темы###plan-title", &r.title);
      ui::InputOptions ho;
      ho.width = 120;
      ui::InputText("Часы###plan-hours", &r.hours, ho);
      ui::Checkbox("Контрольная работа###plan-control", &r.control);
      if (r.control) {
        ui::InputOptions fo;
        fo.hint = "например, «диктант» или «тест»";
        ui::InputText("Форма контроля###plan-form", &r.form, fo);
      }
      if (r.title != before.title || r.hours != before.hours || r.control != before.control || r.form != before.form) {
        d.edited = true;
        f.notice.clear();
      }
      ui::Space(4);
      ui::ButtonOptions move;
      move.kind = ui::ButtonKind::kSecondary;
      move.compact = true;
      move.enabled = i > 0;
      if (ui::Button("↑ Выше###plan-up", move)) {
        std::swap(d.rows[i], d.rows[i - 1]);
        d.selected = static_cast<int>(i) - 1;
        d.edited = true;
      }
      ImGui::SameLine(0, 8);
      move.enabled = i + 1 < d.rows.size();
      if (ui::Button("↓ Ниже###plan-down", move)) {
        std::swap(d.rows[i], d.rows[i + 1]);
        d.selected = static_cast<int>(i) + 1;
        d.edited = true;
      }
      ImGui::SameLine(0, 8);
      move.enabled = true;
      if (ui::Button("Удалить тему###plan-remove", move)) {
        d.rows.erase(d.rows.begin() + static_cast<long>(i));
        d.selected = std::min<int>(static_cast<int>(i), static_cast<int>(d.rows.size()) - 1);
        d.edited = true;
      }
      ui::Space(12);
    } else {
      ui::MutedText("Выберите тему в таблице, чтобы изменить её.");
    }
    ui::ButtonOptions add;
    add.kind = ui::ButtonKind::kSecondary;
    if (ui::Button("Добавить тему###plan-add", add)) {
      const size_t at = d.selected >= 0 ? static_cast<size_t>(d.selected) + 1 : d.rows.size();
      d.rows.insert(d.rows.begin() + static_cast<long>(at), PlanDraftRow{});
      d.selected = static_cast<int>(at);
      d.edited = true;
    }
    ui::Space(12);
    ui::StrongText("Строки из таблицы");
    ui::MutedText("Скопируйте строки из Excel или LibreOffice — или загрузите CSV-файл: тема, часы, контрольная (да или форма).");
    ui::InputOptions po;
    po.height = 120;
    po.caption = false;
    po.hint = "Тема ⇥ Часы ⇥ Контрольная";
    ui::InputText("Вставить строки из таблицы###plan-paste", &d.paste, po);
    ui::ButtonOptions paste;
    paste.kind = ui::ButtonKind::kSecondary;
    paste.enabled = d.paste.find_first_not_of(" \t\r\n") != std::string::npos;
    if (ui::Button("Добавить строки###plan-paste-add", paste)) {
      AddPastedRows(d, "");
      f.notice.clear();
    }
    ui::ButtonOptions file;
    file.kind = ui::ButtonKind::kSecondary;
    ui::SameLineIfFits(ui::ButtonWidth("Загрузить CSV-файл…", file));
    if (ui::Button("Загрузить CSV-файл…###plan-file", file)) {
      const int64_t group_id = form_.group_id;
      env_.PickTextFile(".csv,text/csv,text/plain", [this, group_id](std::string name, std::string text, std::string error) {
        PlanDraft& picked = form_.drafts[group_id];
        picked.file_error = error;
        if (!error.empty()) return;
        picked.paste = std::move(text);
        AddPastedRows(picked, name);
        form_.notice.clear();
      });
    }
    if (!d.file_error.empty()) ui::ErrorText(d.file_error);
    ui::Space(16);
    ui::ButtonOptions save;
    save.enabled = !f.busy && d.edited;
    if (ui::Button(f.busy ? "Сохранение…###plan-save" : "Сохранить КТП###plan-save", save)) Save(*line);
    if (d.edited) {
      ui::ButtonOptions revert;
      revert.kind = ui::ButtonKind::kSecondary;
      revert.enabled = !f.busy;
      ui::SameLineIfFits(ui::ButtonWidth("Отменить изменения", revert), 8);
      if (ui::Button("Отменить изменения###plan-revert", revert)) {
        d.rows = RowsOf(*plan_);
        d.edited = false;
        d.selected = -1;
        f.error.clear();
      }
    }
    if (!f.error.empty()) ui::ErrorText(f.error);
    if (!f.notice.empty()) ui::Notice(f.notice);
  };
  ui::PanelBesideOrBelow({side_by_side, top, table_w, table_h, kEditorWidth, width, x, kGap}, style, draw_editor);
}

}  // namespace ej::web
