// «Исправления»: see corrections_page.h.
#include <algorithm>

#include "corrections_page.h"
#include "journal.h"
#include "names.h"
#include "screens.h"
#include "text.h"
#include "theme.h"
#include "transport.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

bool Narrow() { return ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth; }

const char* const kKinds[] = {"Все изменения", "Отметка", "Посещаемость", "Тема урока", "Домашнее задание",
                              "Итоговая отметка"};

std::string Str(const protocol::Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

CorrectionItem ItemFromJson(const protocol::Json& j) {
  CorrectionItem item;
  auto id = j.find("id");
  if (id == j.end()) id = j.find("seq");
  if (id != j.end() && id->is_number_integer()) item.id = id->get<int64_t>();
  item.state = Str(j, "state");
  item.when = Str(j, "when");
  item.who = Str(j, "who");
  item.what = Str(j, "what");
  item.class_name = Str(j, "class");
  item.subject = Str(j, "subject");
  item.student = Str(j, "student");
  item.lesson = Str(j, "lesson");
  item.old_value = Str(j, "old");
  item.new_value = Str(j, "new");
  item.reason = Str(j, "reason");
  item.decided_by = Str(j, "decided_by");
  item.decision_comment = Str(j, "decision_comment");
  return item;
}

std::string StateTitle(const std::string& state) {
  if (state == "pending") return "ждёт решения";
  if (state == "approved") return "одобрена";
  if (state == "declined") return "отклонена";
  return state;
}

}  // namespace

void CorrectionsPage::Open() {
  Close();
  Load();
  LoadAudit();
}

void CorrectionsPage::Close() {
  requests_.Reset();
  loaded_ = audit_loaded_ = false;
  load_error_.clear();
  items_.clear();
  audit_.clear();
  locked_.clear();
  waiting_.reset();
  form_ = CorrectionsForm();
}

int CorrectionsPage::pending() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const CorrectionItem& i) { return i.state == "pending"; }));
}

void CorrectionsPage::Load() {
  requests_.Call("GET", route::kCorrections, "", [this](const HttpResponse& r) {
    loaded_ = true;
    if (r.status != 200) {
      load_error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    if (!json.ok() || !json->contains("requests")) {
      load_error_ = "Не удалось прочитать заявки на исправление.";
      return;
    }
    items_.clear();
    for (const auto& row : (*json)["requests"]) items_.push_back(ItemFromJson(row));
    locked_.clear();
    if (json->contains("locked_periods")) {
      for (const auto& id : (*json)["locked_periods"]) {
        if (id.is_number_integer()) locked_.insert(id.get<int64_t>());
      }
    }
  });
}

std::string CorrectionsPage::AuditQuery() const {
  std::string q;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    q += (q.empty() ? "?" : "&") + std::string(key) + "=" + value;
  };
  auto id = [](int64_t v) { return v ? std::to_string(v) : std::string(); };
  add("class_id", id(form_.class_id));
  add("teacher_id", id(form_.teacher_id));
  add("subject_id", id(form_.subject_id));
  if (auto d = Date::ParseRussian(form_.from)) add("from", d->Iso());
  if (auto d = Date::ParseRussian(form_.to)) add("to", d->Iso());
  if (form_.what > 0) add("what", UrlEncode(kKinds[form_.what]));
  return q;
}

std::string CorrectionsPage::CsvUrl() const {
  std::string q = AuditQuery();
  return std::string(route::kAudit) + (q.empty() ? "?" : q + "&") + "format=csv";
}

void CorrectionsPage::LoadAudit() {
  form_.error.clear();
  for (const std::string* typed : {&form_.from, &form_.to}) {
    if (!typed->empty() && !Date::ParseRussian(*typed)) {
      form_.error = BadDateMessage(*typed);
      return;
    }
  }
  requests_.Call("GET", std::string(route::kAudit) + AuditQuery(), "", [this](const HttpResponse& r) {
    audit_loaded_ = true;
    if (r.status != 200) {
      load_error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    if (!json.ok() || !json->contains("rows")) {
      load_error_ = "Не удалось прочитать журнал исправлений.";
      return;
    }
    audit_.clear();
    for (const auto& row : (*json)["rows"]) audit_.push_back(ItemFromJson(row));
  });
}

void CorrectionsPage::Send(Operation op, int64_t row) {
  if (waiting_ && waiting_->kind == op.kind && waiting_->payload == op.payload) {
    op = *waiting_;  // the same decision again after a lost answer: the same op_id
  } else {
    unsigned char bytes[16];
    env_.RandomBytes(bytes, sizeof bytes);
    op.op_id = FormatUuid(bytes);
    op.client_time = env_.NowMs();
    op.device = "web";
  }
  waiting_ = op;
  form_.busy = true;
  form_.error.clear();
  form_.notice.clear();
  form_.row_errors.erase(row);
  requests_.Call("POST", route::kOps, ToJson(PushRequest{{op}}).dump(), [this, row, kind = op.kind](const HttpResponse& r) {
    form_.busy = false;
    if (r.status == 0) {
      form_.error = "Нет связи с сервером: решение не отправлено. Повторите, когда связь появится.";
      return;
    }
    waiting_.reset();
    auto json = r.status == 200 ? protocol::ParseJson(r.body) : Result<protocol::Json>(ErrorOf(r));
    auto response = json.ok() ? PushResponseFromJson(*json) : Result<PushResponse>(json.status());
    if (!response.ok() || response->results.empty()) {
      form_.error = response.ok() ? std::string(protocol::DefaultMessage(ErrorCode::kInternal)) : response.status().message();
      return;
    }
    const OpResult& result = response->results[0];
    if (result.outcome != OpOutcome::kApplied) {
      form_.row_errors[row] = result.error.message();
      return;
    }
    if (kind == op_kind::kPeriodLock) form_.notice = "Сохранено.";
    Load();
    LoadAudit();
  });
}

void CorrectionsPage::Decide(int64_t request_id, bool approve) {
  Operation op;
  op.kind = std::string(op_kind::kCorrectionDecide);
  op.payload = CorrectionDecidePayload(request_id, approve, form_.comments[request_id]);
  Send(std::move(op), request_id);
}

void CorrectionsPage::Lock(int64_t period_id, bool locked) {
  Operation op;
  op.kind = std::string(op_kind::kPeriodLock);
  op.payload = PeriodLockPayload(period_id, locked);
  Send(std::move(op), -period_id);
}

void CorrectionsPage::Draw(const Structure* s, const AcademicYear* year) {
  // Every line starts at the page's left edge (a group keeps the console's indent).
  ImGui::BeginGroup();
  DrawBody(s, year);
  ImGui::EndGroup();
}

void CorrectionsPage::DrawBody(const Structure* s, const AcademicYear* year) {
  const bool narrow = Narrow();
  const float width = ui::AvailableWidth();
  ui::Heading("Исправления");
  ui::MutedText("Изменения записей журнала после срока, заявки учителей на исправление в закрытых периодах и закрытие периодов.",
                width);
  ui::Space(8);
  const char* tabs[] = {"Заявки", "Журнал исправлений", "Закрытие периодов"};
  ui::BeginTabStrip("##corrections_tabs", ImGui::GetCursorScreenPos(), width);
  for (int i = 0; i < 3; ++i) {
    std::string label = tabs[i];
    if (i == 0 && pending() > 0) label += " (" + std::to_string(pending()) + ")";
    if (ui::StripTab(label + "###tab" + std::to_string(i), form_.tab == i) && form_.tab != i) {
      form_.tab = i;
      // What is shown is fresh: requests and locks, or the audit with the filters.
      if (i == 1) LoadAudit();
      else Load();
    }
  }
  ui::EndTabStrip();
  ui::Space(12);
  if (!load_error_.empty()) ui::ErrorText(load_error_, width);
  if (!form_.error.empty()) ui::ErrorText(form_.error, width);
  if (!form_.notice.empty()) ui::Notice(form_.notice, width);

  if (form_.tab == 0) {
    if (!loaded_) {
      ui::MutedText("Загрузка…");
      return;
    }
    if (items_.empty()) {
      ui::MutedText("Заявок нет. Учитель отправляет заявку, когда исправляет запись в закрытом периоде.", width);
      return;
    }
    for (const CorrectionItem& item : items_) {
      ImGui::PushID(static_cast<int>(item.id));
      ui::PanelStyle style;
      style.padding = narrow ? 16 : 20;
      ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
      ui::StrongText(item.what + " · " + item.class_name + " · " + item.subject);
      std::string line = item.student.empty() ? item.lesson : item.student + ", " + item.lesson;
      ui::Text(line);
      std::string change = item.state == "pending" ? "Сейчас «" + item.old_value + "» → просит «" + item.new_value + "»"
                                                    : "Просил «" + item.new_value + "»";
      ui::Text(change);
      ui::MutedText("Причина: «" + item.reason + "» — " + item.who, ui::AvailableWidth());
      if (item.state == "pending") {
        ui::InputOptions comment;
        comment.hint = "Необязательно";
        ui::InputText("Комментарий к решению###comment" + std::to_string(item.id), &form_.comments[item.id], comment);
        ui::ButtonOptions approve;
        approve.enabled = !form_.busy;
        if (ui::Button("Одобрить###approve" + std::to_string(item.id), approve)) Decide(item.id, true);
        ImGui::SameLine(0, 12);
        ui::ButtonOptions decline{ui::ButtonKind::kSecondary};
        decline.enabled = !form_.busy;
        if (ui::Button("Отклонить###decline" + std::to_string(item.id), decline)) Decide(item.id, false);
      } else {
        std::string decided = "Заявка " + StateTitle(item.state);
        if (!item.decided_by.empty()) decided += " — " + item.decided_by;
        if (!item.decision_comment.empty()) decided += ": «" + item.decision_comment + "»";
        ui::ColoredText(decided, item.state == "approved" ? theme::kSuccessText : theme::kMutedText, false, ui::AvailableWidth());
      }
      if (auto e = form_.row_errors.find(item.id); e != form_.row_errors.end()) ui::ErrorText(e->second, ui::AvailableWidth());
      ui::EndPanel();
      ui::Space(12);
      ImGui::PopID();
    }
    return;
  }

  if (form_.tab == 1) {
    // Filters: class, teacher, subject, dates, kind.
    std::vector<ui::ComboItem> classes{{"Все классы", ""}}, teachers{{"Все учителя", ""}}, subjects{{"Все предметы", ""}};
    std::vector<int64_t> class_ids{0}, teacher_ids{0}, subject_ids{0};
    if (s) {
      for (const SchoolClass* c : year ? s->ClassesOf(year->id) : std::vector<const SchoolClass*>{}) {
        classes.push_back({c->Name(), ""});
        class_ids.push_back(c->id);
      }
      std::vector<const Person*> staff;
      for (const auto& [id, p] : s->persons) {
        if (p.Has(Role::kTeacher)) staff.push_back(&p);
      }
      std::sort(staff.begin(), staff.end(), [](const Person* a, const Person* b) {
        return RussianLess(a->name.last + " " + a->name.first, b->name.last + " " + b->name.first);
      });
      for (const Person* p : staff) {
        teachers.push_back({ShortName(p->name), ""});
        teacher_ids.push_back(p->id);
      }
      for (const auto& subj : s->subjects) {
        subjects.push_back({subj.name, ""});
        subject_ids.push_back(subj.id);
      }
    }
    auto index_of = [](const std::vector<int64_t>& ids, int64_t id) {
      auto it = std::find(ids.begin(), ids.end(), id);
      return it == ids.end() ? 0 : static_cast<int>(it - ids.begin());
    };
    bool changed = false;
    const float gap = 16;
    const float field_w = narrow ? width : std::min(220.0f, (width - 3 * gap) / 4);
    ui::ComboOptions combo;
    combo.width = field_w;
    // Fields side by side on a desk (each caption above its field), one under the other on a
    // phone; placed by position, not SameLine (that would align captions to the text above).
    ImVec2 row = ImGui::GetCursorPos();
    int slot = 0;
    float row_bottom = row.y;
    auto place = [&]() {
      if (!narrow) ImGui::SetCursorPos(ImVec2(row.x + static_cast<float>(slot) * (field_w + gap), row.y));
      ImGui::BeginGroup();
    };
    auto done = [&]() {
      ImGui::EndGroup();
      row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY());
      ++slot;
    };
    place();
    int ci = index_of(class_ids, form_.class_id);
    if (ui::Combo("Класс###audit_class", classes, &ci, combo)) form_.class_id = class_ids[static_cast<size_t>(ci)], changed = true;
    done();
    place();
    int ti = index_of(teacher_ids, form_.teacher_id);
    if (ui::Combo("Учитель###audit_teacher", teachers, &ti, combo)) form_.teacher_id = teacher_ids[static_cast<size_t>(ti)], changed = true;
    done();
    place();
    int si = index_of(subject_ids, form_.subject_id);
    if (ui::Combo("Предмет###audit_subject", subjects, &si, combo)) form_.subject_id = subject_ids[static_cast<size_t>(si)], changed = true;
    done();
    place();
    std::vector<ui::ComboItem> kinds;
    for (const char* k : kKinds) kinds.push_back({k, ""});
    if (ui::Combo("Что###audit_what", kinds, &form_.what, combo)) changed = true;
    done();
    if (!narrow) ImGui::SetCursorPos(ImVec2(row.x, row_bottom + 12));
    row = ImGui::GetCursorPos();
    slot = 0;
    ui::InputOptions date;
    date.width = field_w;
    date.hint = "ДД.ММ.ГГГГ";
    place();
    bool enter = ui::InputText("Уроки с###audit_from", &form_.from, date);
    done();
    place();
    enter = ui::InputText("по###audit_to", &form_.to, date) || enter;
    done();
    place();
    if (!narrow) ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() + 8));  // level with the fields under their captions
    if (ui::Button("Показать###audit_apply", {ui::ButtonKind::kSecondary}) || enter) changed = true;
    ImGui::SameLine(0, 12);
    if (ui::Button("Скачать CSV###audit_csv", {ui::ButtonKind::kSecondary})) env_.OpenUrl(CsvUrl());
    done();
    if (!narrow) ImGui::SetCursorPos(ImVec2(row.x, row_bottom + 4));
    if (changed) LoadAudit();
    ui::Space(12);
    if (!audit_loaded_) {
      ui::MutedText("Загрузка…");
      return;
    }
    ui::MutedText("Найдено исправлений: " + std::to_string(audit_.size()));
    ui::Space(4);
    std::vector<ui::TableColumn> columns;
    if (narrow) {
      columns = {{"Исправление"}, {"Было → стало", 110}};
    } else {
      columns = {{"Когда", 140}, {"Кто", 150}, {"Что", 0}, {"Класс, предмет", 0}, {"Ученик, урок", 0}, {"Было → стало", 130}, {"Причина", 0}};
    }
    ui::BeginTable("##audit", columns, nullptr, !narrow);
    for (const CorrectionItem& a : audit_) {
      std::string change = a.old_value + " → " + a.new_value;
      if (narrow) {
        ui::TableRow(a.what + "###audit" + std::to_string(a.id),
                     {{a.what + " · " + a.class_name + " · " + a.subject, ui::Tone::kNormal,
                       a.when + ", " + a.who + ". " + a.student + " " + a.lesson + ". «" + a.reason + "»"},
                      {change, ui::Tone::kStrong}});
      } else {
        ui::TableRow(a.when + "###audit" + std::to_string(a.id),
                     {{a.when}, {a.who}, {a.what}, {a.class_name, ui::Tone::kNormal, a.subject}, {a.student, ui::Tone::kNormal, a.lesson},
                      {change, ui::Tone::kStrong}, {a.reason}});
      }
    }
    if (audit_.empty()) ui::TableMessage("Исправлений по этим условиям нет.");
    ui::EndTable();
    return;
  }

  // «Закрытие периодов»: a closed period takes changes only by an approved request.
  ui::MutedText("В закрытом периоде учитель не может изменить запись сам: он отправляет заявку, изменение вносится после одобрения.",
                width);
  ui::Space(8);
  if (!s || !year) return;
  std::vector<const StudyPeriod*> periods;
  for (const auto& p : s->periods) {
    if (p.year_id == year->id) periods.push_back(&p);
  }
  std::sort(periods.begin(), periods.end(), [](const StudyPeriod* a, const StudyPeriod* b) {
    return std::tie(a->grade_from, a->range.first) < std::tie(b->grade_from, b->range.first);
  });
  std::vector<ui::TableColumn> columns{{"Период"}, {"Классы", narrow ? 70.0f : 120.0f}, {"Состояние", narrow ? 90.0f : 140.0f}};
  ui::BeginTable("##locks", columns);
  for (const StudyPeriod* p : periods) {
    bool locked = locked_.count(p->id) > 0;
    std::string grades = std::to_string(p->grade_from) + "–" + std::to_string(p->grade_to);
    if (ui::TableRow(p->name + "###lock" + std::to_string(p->id),
                     {{p->name, ui::Tone::kNormal, p->range.Russian()}, {grades}, {locked ? "закрыт" : "открыт", locked ? ui::Tone::kWarning : ui::Tone::kSuccess,
                                                                                   locked ? "открыть" : "закрыть", ui::Tone::kMuted}},
                     !form_.busy)) {
      Lock(p->id, !locked);
    }
    if (auto e = form_.row_errors.find(-p->id); e != form_.row_errors.end()) ui::ErrorText(e->second, width);
  }
  ui::EndTable();
}

}  // namespace ej::web
