// «Замены» (R10): the lessons of a day by class, the day's substitutions, and for a chosen
// lesson the teachers free at that time (qualified ones first: the core's FindSubstitutes),
// «Назначить замену» (lesson.substitute), «Отменить замену» and «Перенести урок»
// (lesson.move). A refusal (the teacher is busy, the day is a holiday) is shown with the
// server's words and keeps what was chosen.
#include <algorithm>
#include <tuple>
#include <charconv>
#include <cmath>

#include <imgui.h>

#include "console_substitution.h"
#include "names.h"
#include "screens.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

constexpr float kPanelWidth = 430;
constexpr float kGap = 24;

std::string Name(const Structure& s, int64_t id) {
  const Person* p = s.FindPerson(id);
  return p ? ShortName(p->name) : std::string("—");
}

// «5А — Математика», or the group's name when it says its subject.
std::string LessonGroup(const Structure& s, int64_t group_id) {
  const Group* g = s.FindGroup(group_id);
  if (!g) return "Группа № " + std::to_string(group_id);
  const Subject* subject = s.FindSubject(g->subject_id);
  if (!subject || g->name.find(subject->name) != std::string::npos) return g->name;
  return g->name + " — " + subject->name;
}

bool InClass(const Structure& s, int64_t group_id, int64_t class_id) {
  if (class_id == 0) return true;
  const Group* g = s.FindGroup(group_id);
  return g && std::find(g->class_ids.begin(), g->class_ids.end(), class_id) != g->class_ids.end();
}

std::optional<int> ParseNumber(const std::string& text) {
  size_t b = text.find_first_not_of(' ');
  if (b == std::string::npos) return std::nullopt;
  size_t e = text.find_last_not_of(' ') + 1;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data() + b, text.data() + e, value);
  if (ec != std::errc() || end != text.data() + e) return std::nullopt;
  return value;
}

}  // namespace

void SubstitutionPage::Open(Date day) {
  Close();
  opened_ = true;
  form_.date = day.Russian();
  LoadBells();
  LoadDay(day);
}

void SubstitutionPage::Close() {
  requests_.Reset();
  loaded_.reset();
  bells_loaded_ = false;
  load_error_.clear();
  lessons_.clear();
  moved_.clear();
  bells_.clear();
  waiting_.reset();
  form_ = SubstitutionForm();
  opened_ = false;
}

std::string SubstitutionPage::error() const {
  if (!load_error_.empty()) return load_error_;
  if (!form_.date_error.empty()) return form_.date_error;
  return form_.error;
}

void SubstitutionPage::LoadBells() {
  requests_.Call("GET", route::kTimetable, {}, [this](const HttpResponse& r) {
    bells_loaded_ = true;
    if (r.status != 200) return;  // the times are a help; the page works without them
    auto json = protocol::ParseJson(r.body);
    if (!json.ok()) return;
    auto t = TimetableFromJson(*json);
    if (t.ok()) bells_ = t->bells;
  });
}

void SubstitutionPage::LoadDay(Date day) {
  asked_ = day;
  requests_.Call("GET", std::string(route::kDayLessons) + "?date=" + day.Iso(), {}, [this, day](const HttpResponse& r) {
    if (day != asked_) return;  // an older day's answer
    if (r.status != 200) {
      load_error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    Result<Journal> j = Status(ErrorCode::kInternal, std::string(protocol::DefaultMessage(ErrorCode::kInternal)));
    if (json.ok() && json->is_object() && json->contains("lessons")) {
      protocol::Json whole = {{"lessons", (*json)["lessons"]},
                              {"marks", protocol::Json::array()},
                              {"attendance", protocol::Json::array()},
                              {"finals", protocol::Json::array()},
                              {"requests", protocol::Json::array()},
                              {"locked_periods", protocol::Json::array()}};
      j = JournalFromJson(whole);
    }
    if (!j.ok()) {
      load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    load_error_.clear();
    if (loaded_ != day) {
      form_.lesson_id = 0;
      form_.substitute_id = 0;
    }
    loaded_ = day;
    lessons_.clear();
    moved_.clear();
    for (const auto& [id, l] : j->lessons) {
      lessons_.push_back(l.lesson);
      moved_[id] = l.moved;
    }
    std::sort(lessons_.begin(), lessons_.end(), [](const Lesson& a, const Lesson& b) {
      return std::tie(a.number, a.group_id, a.id) < std::tie(b.number, b.group_id, b.id);
    });
  });
}

void SubstitutionPage::Push(std::string_view kind, protocol::Json payload, std::string notice) {
  if (form_.busy) return;
  form_.error.clear();
  form_.field.clear();
  form_.notice.clear();
  Operation op;
  if (waiting_ && waiting_->kind == kind && waiting_->payload == payload) {
    op = *waiting_;  // the same action again after a lost answer: the same op_id
  } else {
    unsigned char bytes[16];
    env_.RandomBytes(bytes, sizeof bytes);
    op.op_id = FormatUuid(bytes);
    op.kind = std::string(kind);
    op.payload = std::move(payload);
    op.client_time = env_.NowMs();
    op.device = "web";
  }
  waiting_ = op;
  form_.busy = true;
  requests_.Call("POST", route::kOps, ToJson(PushRequest{{op}}).dump(), [this, notice](const HttpResponse& r) {
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
      form_.notice = notice;
      form_.substitute_id = 0;
      form_.move_date.clear();
      form_.move_number.clear();
      if (loaded_) LoadDay(*loaded_);
    } else {
      form_.error = result.error.message();
      form_.field = result.error.field();
    }
  });
}

std::string SubstitutionPage::TimeOf(const Structure& s, const Lesson& l) const {
  std::optional<BellSlot> slot = LessonBells(s, bells_, l.group_id, l.number);
  return slot ? slot->start.Text() + "–" + slot->end.Text() : std::string();
}

void SubstitutionPage::Draw(const Structure& s) {
  SubstitutionForm& f = form_;
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  PageHeader("Замены", "Замена даёт учителю права только на этот урок; перенос сохраняет записи урока.");

  // ---- the day ----
  {
    const float left = ImGui::GetCursorPosX();
    ImGui::BeginGroup();
    ui::InputOptions day;
    day.width = 180;
    day.hint = "ДД.ММ.ГГГГ";
    day.error = f.date_error;
    bool enter = ui::InputText("Дата###sub-date", &f.date, day);
    const float field_y = ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
    ImGui::EndGroup();
    const float after = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(left + 180 + 12, field_y + 2));
    ui::ButtonOptions show;
    show.compact = true;
    show.kind = ui::ButtonKind::kSecondary;
    if (ui::Button("Показать###sub-show", show) || enter) {
      if (auto d = Date::ParseRussian(f.date)) {
        f.date_error.clear();
        f.notice.clear();
        f.error.clear();
        LoadDay(*d);
      } else {
        f.date_error = "Введите дату в виде ДД.ММ.ГГГГ.";
      }
    }
    ImGui::SetCursorPos(ImVec2(left, std::max(after, ImGui::GetCursorPosY())));
    ui::Space(8);
    ImGui::SetCursorPosX(x);
  }
  if (!load_error_.empty()) {
    ui::ErrorText(load_error_, width);
    ImGui::SetCursorPosX(x);
    return;
  }
  if (!loaded_) {
    ui::MutedText("Загрузка…");
    return;
  }

  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;

  // ---- the day's substitutions ----
  std::vector<Lesson> subs = SubstitutionsOn(lessons_, *loaded_);
  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  ui::StrongText("Замены на " + loaded_->Russian());
  if (subs.empty()) {
    ui::MutedText(lessons_.empty() ? "В этот день уроков нет." : "Замен в этот день нет.");
  } else {
    ui::BeginTable("day-substitutions", {{"Урок", 130}, {"Группа", 0, false, false, true},
                                         {"Учитель по расписанию", 0}, {"На замене", 0}});
    for (const Lesson& l : subs) {
      std::string time = TimeOf(s, l);
      if (ui::TableRow(std::to_string(l.number) + "-й урок###subst" + std::to_string(l.id),
                       {{std::to_string(l.number) + "-й урок", ui::Tone::kNormal, time},
                        {LessonGroup(s, l.group_id)},
                        {Name(s, l.teacher_id)},
                        {Name(s, l.substitute_id), ui::Tone::kStrong}},
                       true)) {
        f.lesson_id = l.id;
        f.substitute_id = 0;
      }
    }
    ui::EndTable();
  }
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
  ui::Space(kGap - ImGui::GetStyle().ItemSpacing.y * 2);
  ImGui::SetCursorPosX(x);

  // ---- the lessons of a class, beside the chosen lesson ----
  if (!f.class_chosen && f.class_filter == 0) {
    for (const Lesson& l : lessons_) {
      const Group* g = s.FindGroup(l.group_id);
      if (g && !g->class_ids.empty()) {
        f.class_filter = g->class_ids.front();
        break;
      }
    }
  }
  const bool side_by_side = width >= 980;
  const float list_w = side_by_side ? width - kPanelWidth - kGap : width;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ui::BeginPanel(top, list_w, style);
  {
    int64_t year_id = 0;
    if (const AcademicYear* y = s.YearOf(*loaded_)) year_id = y->id;
    std::vector<ui::Choice<int64_t>> choices{{0, "Все классы", ""}};
    for (const SchoolClass* c : s.ClassesOf(year_id)) choices.push_back({c->id, c->Name(), ""});
    ui::ComboOptions o;
    o.width = std::min(260.0f, ui::AvailableWidth());
    if (ui::ChoiceCombo("Класс###sub-class", choices, &f.class_filter, o)) f.class_chosen = true;
    ui::Space(4);
    ui::BeginTable("day-lessons", {{"Урок", 130}, {"Группа", 0, false, false, true}, {"Учитель", 0},
                                   {"Кабинет", 90}});
    int shown = 0;
    for (const Lesson& l : lessons_) {
      if (!InClass(s, l.group_id, f.class_filter)) continue;
      ++shown;
      std::string teacher = Name(s, l.teacher_id);
      std::string detail;
      ui::Tone tone = ui::Tone::kNormal;
      if (l.substitute_id != 0) {
        detail = "замена: " + Name(s, l.substitute_id);
        tone = ui::Tone::kSuccess;
      }
      std::string when = TimeOf(s, l);
      if (moved_[l.id]) when = when.empty() ? "перенесён" : when + " · перенесён";
      std::vector<ui::TableCell> cells = {{std::to_string(l.number) + "-й урок", ui::Tone::kNormal, when},
                                          {LessonGroup(s, l.group_id)},
                                          {teacher, ui::Tone::kNormal, detail, tone},
                                          {l.room.empty() ? "—" : l.room}};
      if (l.id == f.lesson_id) {
        cells[0].tone = ui::Tone::kStrong;
        cells[1].tone = ui::Tone::kStrong;
      }
      if (ui::TableRow(std::to_string(l.number) + "-й урок, " + LessonGroup(s, l.group_id) + "###lesson" +
                           std::to_string(l.id),
                       cells, true)) {
        f.lesson_id = l.id;
        f.substitute_id = 0;
        f.all_candidates = false;
        f.error.clear();
        f.notice.clear();
      }
    }
    if (shown == 0) ui::TableMessage("У этого класса в этот день уроков нет.");
    ui::EndTable();
  }
  const float list_h = ui::EndPanel();

  // ---- the chosen lesson ----
  auto draw_lesson = [&]() {
    const Lesson* lesson = nullptr;
    for (const Lesson& l : lessons_) {
      if (l.id == f.lesson_id) lesson = &l;
    }
    if (!lesson) {
      ui::StrongText("Урок не выбран");
      ui::MutedText("Выберите урок в списке слева: здесь появятся учителя, свободные в это время.");
      if (!f.notice.empty()) ui::Notice(f.notice);
      return;
    }
    const std::string time = TimeOf(s, *lesson);
    ui::StrongText(LessonGroup(s, lesson->group_id));
    ui::MutedText(loaded_->Russian() + ", " + std::to_string(lesson->number) + "-й урок" +
                  (time.empty() ? "" : " (" + time + ")") + " · по расписанию " + Name(s, lesson->teacher_id));
    if (lesson->substitute_id != 0) {
      ui::ColoredText("На замене: " + Name(s, lesson->substitute_id), theme::kSuccessText, true);
      ui::ButtonOptions cancel;
      cancel.kind = ui::ButtonKind::kSecondary;
      cancel.enabled = !f.busy;
      if (ui::Button("Отменить замену###sub-cancel", cancel)) {
        Push(op_kind::kLessonSubstitute, LessonSubstitutePayload(lesson->id, 0), "Замена отменена.");
      }
    }
    ui::Space(8);
    ui::StrongText("Свободные учителя");
    std::vector<SubstituteCandidate> candidates = FindSubstitutes(s, bells_, lessons_, *lesson);
    if (candidates.empty()) {
      ui::MutedText("В это время свободных учителей нет.");
    } else {
      // Teachers of other subjects after the qualified ones: the first few, the rest on request.
      constexpr int kOthersShown = 6;
      int others = 0, hidden = 0;
      ui::BeginTable("candidates", {{"Учитель", 0}, {"Уроков в этот день", 110, true}});
      for (const SubstituteCandidate& c : candidates) {
        if (c.person_id == lesson->substitute_id) continue;
        if (c.fit == SubstituteFit::kOtherSubject && ++others > kOthersShown && !f.all_candidates &&
            c.person_id != f.substitute_id) {
          ++hidden;
          continue;
        }
        ui::TableCell who{c.name, c.person_id == f.substitute_id ? ui::Tone::kStrong : ui::Tone::kNormal,
                          std::string(SubstituteFitTitle(c.fit))};
        if (c.fit == SubstituteFit::kSameGrade) who.detail_tone = ui::Tone::kSuccess;
        if (ui::TableRow(c.name + "###cand" + std::to_string(c.person_id),
                         {who, {std::to_string(c.lessons_that_day)}}, true)) {
          f.substitute_id = c.person_id;
          f.error.clear();
          f.notice.clear();
        }
      }
      ui::EndTable();
      if (hidden > 0) {
        ui::ButtonOptions more;
        more.kind = ui::ButtonKind::kLink;
        if (ui::Button("Показать всех свободных (ещё " + std::to_string(hidden) + ")###sub-more", more)) {
          f.all_candidates = true;
        }
      }
    }
    ui::Space(4);
    ui::ButtonOptions assign;
    assign.enabled = f.substitute_id != 0 && !f.busy;
    std::string label = f.substitute_id ? "Назначить: " + Name(s, f.substitute_id) : std::string("Назначить замену");
    if (ui::Button((f.busy ? std::string("Сохранение…") : label) + "###sub-assign", assign)) {
      Push(op_kind::kLessonSubstitute, LessonSubstitutePayload(lesson->id, f.substitute_id),
           "Замена назначена: " + Name(s, f.substitute_id));
    }
    if (!f.error.empty() && f.field != "date" && f.field != "number") ui::ErrorText(f.error);
    if (!f.notice.empty()) ui::Notice(f.notice);

    // «Перенести урок»: a new day and lesson number.
    ui::Space(12);
    ui::StrongText("Перенести урок");
    const float left = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    ImGui::BeginGroup();  // a caption and its field: the field stays under its caption
    ui::InputOptions md;
    md.width = 160;
    md.hint = loaded_->Russian();
    md.error = f.field == "date" ? f.error : std::string();
    ui::InputText("Новая дата###move-date", &f.move_date, md);
    ImGui::EndGroup();
    const float after = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(left + 160 + 16, y));
    ImGui::BeginGroup();
    ui::InputOptions mn;
    mn.width = 120;
    mn.hint = std::to_string(lesson->number);
    mn.error = f.field == "number" ? f.error : std::string();
    ui::InputText("Номер урока###move-number", &f.move_number, mn);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(left, std::max(after, ImGui::GetCursorPosY())));
    ui::ButtonOptions move;
    move.kind = ui::ButtonKind::kSecondary;
    move.enabled = !f.busy;
    if (ui::Button("Перенести урок###move", move)) {
      auto d = f.move_date.empty() ? std::optional<Date>(*loaded_) : Date::ParseRussian(f.move_date);
      auto n = f.move_number.empty() ? std::optional<int>(lesson->number) : ParseNumber(f.move_number);
      if (!d) {
        f.field = "date";
        f.error = "Введите дату в виде ДД.ММ.ГГГГ.";
      } else if (!n) {
        f.field = "number";
        f.error = "Введите номер урока числом.";
      } else {
        Push(op_kind::kLessonMove, LessonMovePayload(lesson->id, *d, *n),
             "Урок перенесён на " + d->Russian() + ", " + std::to_string(*n) + "-й урок.");
      }
    }
  };

  ui::PanelBesideOrBelow({side_by_side, top, list_w, list_h, kPanelWidth, width, x, kGap}, style, draw_lesson);
}

}  // namespace ej::web
