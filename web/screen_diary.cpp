// The family's cabinet: the top bar, the child switcher, the sections (the week, marks, control
// works, recommendations, teachers, holidays) in one scrolling column on a phone; on a wide
// screen the week takes the left and the changes and recommendations a column on the right.
#include "screen_diary.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr const char* kMonthsGenitive[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                           "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
constexpr const char* kWeekdays[] = {"Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"};

constexpr ImU32 kChangeText = IM_COL32(0x8A, 0x55, 0x00, 0xFF);
constexpr ImU32 kChangeBackground = IM_COL32(0xFF, 0xF4, 0xE0, 0xFF);
constexpr ImU32 kControlText = IM_COL32(0x6B, 0x2F, 0xA8, 0xFF);
constexpr ImU32 kControlBackground = IM_COL32(0xF3, 0xEC, 0xFB, 0xFF);

std::string Month(Date d) { return kMonthsGenitive[d.month() - 1]; }

// «5» green, «4» blue, «3» amber, «2» and «1» red; anything else (зачёт) grey-blue.
void MarkColors(const std::string& value, ImU32* fg, ImU32* bg) {
  char c = value.empty() ? ' ' : value[0];
  if (c == '5') {
    *fg = theme::kSuccessText;
    *bg = theme::kSuccessBackground;
  } else if (c == '4') {
    *fg = theme::kAccent;
    *bg = theme::kAccentSoft;
  } else if (c == '3') {
    *fg = kChangeText;
    *bg = kChangeBackground;
  } else if (c == '2' || c == '1') {
    *fg = theme::kErrorText;
    *bg = theme::kErrorBackground;
  } else {
    *fg = theme::kMutedText;
    *bg = theme::kSecondaryActive;
  }
}

// A rounded label at the cursor, inline: the cursor stays on its line after it. `record` is
// what the widget record holds (the tests look for it).
float Chip(const std::string& text, ImU32 fg, ImU32 bg, const std::string& record, bool strong = false) {
  ImFont* font = strong ? theme::GetFonts().strong : nullptr;
  if (font) ImGui::PushFont(font);
  const std::string drawn = ui::NoBreakAtDots(text);
  ImVec2 size = ImGui::CalcTextSize(drawn.c_str());
  const ImVec2 pad(10, 5);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 box(size.x + 2 * pad.x, size.y + 2 * pad.y);
  ImGui::Dummy(box);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + box.x, pos.y + box.y), bg, box.y / 2);
  dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), fg, drawn.c_str());
  if (font) ImGui::PopFont();
  ui::RecordCell(record, "text", pos, ImVec2(pos.x + box.x, pos.y + box.y)).value = text;
  return box.x;
}

// The width a chip takes.
float ChipWidth(const std::string& text, bool strong) {
  ImFont* font = strong && theme::GetFonts().strong ? theme::GetFonts().strong : ImGui::GetFont();
  const std::string drawn = ui::NoBreakAtDots(text);
  return font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, drawn.c_str()).x + 20;
}

// Chips in a row that wraps inside `width` from the cursor's x.
struct ChipRow {
  float left = 0, right = 0, x = 0;
  bool first = true;
  explicit ChipRow(float width) {
    left = ImGui::GetCursorScreenPos().x;
    right = left + width;
    x = left;
  }
  void Add(const std::string& text, ImU32 fg, ImU32 bg, const std::string& record, bool strong = false) {
    const float w = ChipWidth(text, strong);
    if (!first) {
      if (x + 8 + w <= right) {
        ImGui::SameLine(0, 8);
      } else {
        ImGui::Dummy(ImVec2(0, 2));
        ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
      }
    }
    x = ImGui::GetCursorScreenPos().x + Chip(text, fg, bg, record, strong);
    first = false;
  }
};

std::string MinutesText(int minutes) {
  return std::to_string(minutes) + "\u00A0мин";
}

std::string AttendanceText(const std::string& code) {
  if (code == "н") return "Не был на уроке (н)";
  if (code == "б") return "Болел (б)";
  if (code == "у") return "Уважительная причина (у)";
  if (code == "оп") return "Опоздал (оп)";
  return "Отметка посещаемости: " + code;
}

ui::PanelStyle Card(bool narrow) {
  ui::PanelStyle s;
  s.padding = narrow ? 16 : 20;
  return s;
}

// One lesson inside a day's card.
void DrawLesson(const DiaryLesson& l, Date day, float width, bool first) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 top = ImGui::GetCursorScreenPos();
  if (!first) {
    dl->AddLine(ImVec2(top.x, top.y), ImVec2(top.x + width, top.y), theme::kBorder);
    ui::Space(10);
  }
  const float num_w = 34;
  ImVec2 row = ImGui::GetCursorScreenPos();
  // The lesson's number in a soft circle; the time under it.
  dl->AddCircleFilled(ImVec2(row.x + 14, row.y + 12), 14, theme::kAccentSoft, 24);
  const std::string num = std::to_string(l.number);
  ImVec2 ns = ImGui::CalcTextSize(num.c_str());
  dl->AddText(theme::GetFonts().strong, ImGui::GetFontSize(), ImVec2(row.x + 14 - ns.x / 2, row.y + 12 - ns.y / 2),
              theme::kAccent, num.c_str());
  const float inner = width - num_w - 8;
  ImGui::SetCursorScreenPos(ImVec2(row.x + num_w + 8, row.y));
  ImGui::BeginGroup();
  ui::StrongText(l.subject, inner);
  std::string line;
  if (!l.start.empty()) line = l.start + "–" + l.end;
  if (!l.teacher.empty()) line += (line.empty() ? "" : " · ") + l.teacher;
  if (!l.room.empty()) line += " · каб.\u00A0" + l.room;
  if (!line.empty()) ui::MutedText(line, inner);
  if (!l.topic.empty()) ui::Text("Тема: " + l.topic, inner);
  if (!l.homework.empty()) {
    std::string hw = "Домашнее задание: " + l.homework;
    std::string meta;
    if (l.homework_minutes > 0) meta = "около\u00A0" + MinutesText(l.homework_minutes);
    if (l.homework_due) meta += (meta.empty() ? "" : ", ") + std::string("к\u00A0") + l.homework_due->Russian().substr(0, 5);
    if (!meta.empty()) hw += " (" + meta + ")";
    ui::Text(hw, inner);
  }
  bool chips = !l.marks.empty() || !l.attendance.empty() || l.substituted || l.moved || !l.control_work.empty() || l.is_new;
  if (chips) {
    ui::Space(4);
    ChipRow r(inner);
    if (l.is_new) r.Add("Новое", theme::kOnAccent, theme::kAccent, "Новое", true);
    for (const auto& m : l.marks) {
      ImU32 fg, bg;
      MarkColors(m.value, &fg, &bg);
      std::string text = m.value + " · " + m.type_name;
      if (m.is_new) text += " · новая";
      r.Add(text, fg, bg, "Отметка " + m.value + " · " + l.subject + " · " + day.Russian().substr(0, 5), true);
    }
    if (!l.attendance.empty()) r.Add(AttendanceText(l.attendance), theme::kErrorText, theme::kErrorBackground, AttendanceText(l.attendance));
    if (l.substituted) r.Add("Замена: " + l.substitute, kChangeText, kChangeBackground, "Замена: " + l.substitute);
    if (l.moved) r.Add("Урок перенесён", kChangeText, kChangeBackground, "Урок перенесён");
    if (!l.control_work.empty()) {
      std::string cw = l.control_work;
      if (!l.control_work_title.empty()) cw += " «" + l.control_work_title + "»";
      r.Add(cw, kControlText, kControlBackground, "Контрольная: " + cw);
    }
  }
  ImGui::EndGroup();
  // Leave room under the number circle for a one-line lesson.
  float bottom = std::max(ImGui::GetItemRectMax().y, row.y + 28);
  ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + 10));
  ImGui::Dummy(ImVec2(0, 0));
}

void DrawDay(const DiaryDay& day, ImVec2 pos, float width, bool narrow, bool today) {
  ui::PanelStyle style = Card(narrow);
  ui::BeginPanel(pos, width, style);
  const float inner = width - 2 * style.padding;
  std::string caption = DayCaption(day.date);
  if (today) {
    ui::ColoredText(caption + " · сегодня", theme::kAccent, true, inner);
  } else {
    ui::StrongText(caption, inner);
  }
  if (!day.holiday.empty()) ui::MutedText(day.holiday, inner);
  ui::Space(6);
  if (day.lessons.empty()) {
    ui::MutedText(day.holiday.empty() ? "Уроков нет." : "Каникулы, уроков нет.", inner);
  }
  for (size_t i = 0; i < day.lessons.size(); ++i) DrawLesson(day.lessons[i], day.date, inner, i == 0);
  ui::EndPanel();
}

void DrawFeed(const DiaryView& d, ImVec2 pos, float width, bool narrow) {
  ui::PanelStyle style = Card(narrow);
  ui::BeginPanel(pos, width, style);
  const float inner = width - 2 * style.padding;
  ui::StrongText("Изменения", inner);
  ui::Space(4);
  for (const auto& f : d.feed) {
    ImU32 color = f.kind == "control_work" ? kControlText : kChangeText;
    std::string when = DayCaption(f.date);
    ui::MutedText(when + (f.is_new ? " · новое" : ""), inner);
    ui::ColoredText(f.text, color, false, inner);
    ui::Space(6);
  }
  ui::EndPanel();
}

void DrawRecommendations(const DiaryView& d, ImVec2 pos, float width, bool narrow) {
  ui::PanelStyle style = Card(narrow);
  ui::BeginPanel(pos, width, style);
  const float inner = width - 2 * style.padding;
  ui::StrongText("Рекомендации учителей", inner);
  ui::Space(4);
  if (d.recommendations.empty()) ui::MutedText("Рекомендаций пока нет.", inner);
  for (const auto& r : d.recommendations) {
    ui::MutedText(r.date.Russian() + " · " + r.subject + " · " + r.teacher + (r.is_new ? " · новая" : ""), inner);
    ui::Text(r.text, inner);
    ui::Space(8);
  }
  ui::EndPanel();
}

void DrawWeek(const DiaryScreenView& v, const DiaryView& d, float x, float width, bool narrow, bool wide,
              DiaryScreenAction* action) {
  // Week navigation: large buttons on both sides of the caption.
  ui::ButtonOptions nav;
  nav.kind = ui::ButtonKind::kSecondary;
  nav.width = narrow ? 56
                     : std::max(ui::TextWidth("← Неделя назад"), ui::TextWidth("Неделя вперёд →")) +
                           2 * ImGui::GetStyle().FramePadding.x + 16;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(x, p.y));
  if (ui::Button(narrow ? "←###prev" : "← Неделя назад###prev", nav)) action->shift_week = -1;
  std::string caption = WeekCaption(v.monday);
  // A phone has room for the days and months only: the year goes.
  if (narrow && caption.size() > 5) caption = caption.substr(0, caption.size() - 5);
  const float cw = ui::TextWidth(caption, true);
  ImGui::SetCursorScreenPos(ImVec2(std::round(x + (width - cw) / 2), p.y + (theme::kButtonHeight - ImGui::GetTextLineHeight()) / 2));
  ui::StrongText(caption);
  ImGui::SetCursorScreenPos(ImVec2(x + width - nav.width, p.y));
  if (ui::Button(narrow ? "→###next" : "Неделя вперёд →###next", nav)) action->shift_week = 1;
  ImGui::SetCursorScreenPos(ImVec2(x, p.y + theme::kButtonHeight + 4));
  const Date this_monday = v.today.AddDays(1 - v.today.Weekday());
  if (v.monday != this_monday) {
    ui::ButtonOptions back;
    back.kind = ui::ButtonKind::kLink;
    const float bw = ui::TextWidth("К текущей неделе") + 32;
    ImGui::SetCursorScreenPos(ImVec2(std::round(x + (width - bw) / 2), ImGui::GetCursorScreenPos().y));
    back.width = bw;
    if (ui::Button("К текущей неделе", back)) action->this_week = true;
  }
  ui::Space(8);

  const float gap = 16;
  const float main_w = wide ? std::round(width * 0.62f) : width;
  const float side_w = width - main_w - gap;
  const float top = ImGui::GetCursorScreenPos().y;
  float main_bottom = top, side_bottom = top;
  // The side column (or, on a phone, the top of the one column): the changes.
  float y = top;
  if (!d.feed.empty()) {
    DrawFeed(d, ImVec2(wide ? x + main_w + gap : x, y), wide ? side_w : width, narrow);
    y = ImGui::GetCursorScreenPos().y + gap;
  }
  if (wide) {
    DrawRecommendations(d, ImVec2(x + main_w + gap, y), side_w, narrow);
    side_bottom = ImGui::GetCursorScreenPos().y;
    y = top;
  }
  for (const auto& day : d.days) {
    // Weekends without lessons are not worth a card.
    if (day.date.Weekday() >= 6 && day.lessons.empty()) continue;
    DrawDay(day, ImVec2(x, y), main_w, narrow, day.date == v.today);
    y = ImGui::GetCursorScreenPos().y + gap;
  }
  main_bottom = y;
  ImGui::SetCursorScreenPos(ImVec2(x, std::max(main_bottom, side_bottom + gap)));
  ImGui::Dummy(ImVec2(0, 0));
}

void DrawMarks(const DiaryView& d, float x, float width, bool narrow) {
  ui::PanelStyle style = Card(narrow);
  ui::BeginPanel(ImVec2(x, ImGui::GetCursorScreenPos().y), width, style);
  const float inner = width - 2 * style.padding;
  ui::StrongText("Оценки: " + d.period, inner);
  ui::MutedText(d.period_range.Russian(), inner);
  ui::Space(6);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < d.subjects.size(); ++i) {
    const DiarySubject& s = d.subjects[i];
    ImVec2 top = ImGui::GetCursorScreenPos();
    dl->AddLine(top, ImVec2(top.x + inner, top.y), theme::kBorder);
    ui::Space(10);
    const float avg_w = narrow ? 0 : 150;
    ImVec2 row = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ui::StrongText(s.subject, inner - avg_w);
    if (!s.teacher.empty()) ui::MutedText(s.teacher, inner - avg_w);
    ui::Space(4);
    if (s.marks.empty()) {
      ui::MutedText("Отметок пока нет.", inner - avg_w);
    } else {
      ChipRow r(inner - avg_w);
      for (const auto& m : s.marks) {
        ImU32 fg, bg;
        MarkColors(m.value, &fg, &bg);
        std::string text = m.value;
        if (m.weight > 1) text += "\u00A0×" + std::to_string(m.weight);
        r.Add(text, fg, bg, s.subject + " · " + m.date.Russian().substr(0, 5) + " · " + m.value, true);
      }
    }
    std::string finals;
    for (const auto& f : s.finals) finals += (finals.empty() ? "" : ", ") + f.period + "\u00A0— " + f.value;
    if (narrow) {
      ui::Space(4);
      if (!s.average.empty()) ui::Text("Средний балл: " + s.average, inner);
      if (!finals.empty()) ui::StrongText("Итоговые: " + finals, inner);
    }
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y;
    if (!narrow) {
      ImGui::SetCursorScreenPos(ImVec2(row.x + inner - avg_w + 12, row.y));
      ImGui::BeginGroup();
      ui::MutedText("Средний балл", avg_w - 12);
      ui::Heading(s.average.empty() ? "—" : s.average, avg_w - 12);
      if (!finals.empty()) ui::StrongText(finals, avg_w - 12);
      ImGui::EndGroup();
      bottom = std::max(bottom, ImGui::GetItemRectMax().y);
    }
    ImGui::SetCursorScreenPos(ImVec2(row.x, bottom + 10));
    ImGui::Dummy(ImVec2(0, 0));
  }
  if (d.subjects.empty()) ui::MutedText("Предметов нет.", inner);
  ui::MutedText("Средний балл взвешенный: отметка за контрольную весит больше, чем за ответ (×3 — вес отметки).", inner);
  ui::EndPanel();
}

void DrawControlWorks(const DiaryView& d, float x, float width, bool narrow, Date today) {
  ui::PanelStyle style = Card(narrow);
  ui::BeginPanel(ImVec2(x, ImGui::GetCursorScreenPos().y), width, style);
  const float inner = width - 2 * style.padding;
  ui::StrongText("Контрольные работы: " + d.period, inner);
  ui::Space(6);
  if (d.control_works.empty()) ui::MutedText("Контрольных работ в этом периоде нет.", inner);
  for (const auto& w : d.control_works) {
    std::string when = DayCaption(w.date);
    if (w.number > 0) when += ", " + std::to_string(w.number) + "-й урок";
    ui::ColoredText(when, w.date < today ? theme::kMutedText : kControlText, true, inner);
    std::string what = w.subject + "\u00A0— " + w.form;
    if (!w.title.empty()) what += " «" + w.title + "»";
    ui::Text(what, inner);
    ui::Space(8);
  }
  ui::EndPanel();
}

void DrawTeachers(const DiaryView& d, float x, float width, bool narrow) {
  ui::PanelStyle style = Card(narrow);
  ui::BeginPanel(ImVec2(x, ImGui::GetCursorScreenPos().y), width, style);
  const float inner = width - 2 * style.padding;
  ui::StrongText("Учителя класса", inner);
  ui::Space(6);
  if (!d.class_teacher.empty()) {
    ui::MutedText("Классный руководитель", inner);
    ui::Text(d.class_teacher, inner);
    ui::Space(8);
  }
  for (const auto& t : d.teachers) {
    ui::MutedText(t.subject, inner);
    ui::Text(t.name, inner);
    ui::Space(8);
  }
  if (d.teachers.empty() && d.class_teacher.empty()) ui::MutedText("Учителя не назначены.", inner);
  ui::EndPanel();
}

void DrawHolidays(const DiaryView& d, float x, float width, bool narrow) {
  ui::PanelStyle style = Card(narrow);
  ui::BeginPanel(ImVec2(x, ImGui::GetCursorScreenPos().y), width, style);
  const float inner = width - 2 * style.padding;
  ui::StrongText("Каникулы", inner);
  ui::Space(6);
  if (d.holidays.empty()) ui::MutedText("На этой неделе каникул нет.", inner);
  for (const auto& h : d.holidays) {
    ui::Text(h.name, inner);
    ui::MutedText(h.range.Russian(), inner);
    ui::Space(8);
  }
  ui::EndPanel();
}

const char* SectionTitle(DiarySection s) {
  switch (s) {
    case DiarySection::kWeek: return "Неделя";
    case DiarySection::kMarks: return "Оценки";
    case DiarySection::kControlWorks: return "Контрольные";
    case DiarySection::kRecommendations: return "Рекомендации";
    case DiarySection::kTeachers: return "Учителя";
    case DiarySection::kHolidays: return "Каникулы";
  }
  return "";
}

// «Артём, 5А» for the switcher: the given name and the class.
std::string ChildLabel(const ChildInfo& c) {
  std::string name = c.name;
  size_t sp = name.find(' ');
  if (sp != std::string::npos) {
    size_t sp2 = name.find(' ', sp + 1);
    name = name.substr(sp + 1, sp2 == std::string::npos ? std::string::npos : sp2 - sp - 1);
  }
  return c.class_name.empty() ? name : name + ", " + c.class_name;
}

}  // namespace

std::string WeekCaption(Date monday) {
  Date sunday = monday.AddDays(6);
  if (monday.month() == sunday.month()) {
    return std::to_string(monday.day()) + "–" + std::to_string(sunday.day()) + " " + Month(sunday) + " " +
           std::to_string(sunday.year());
  }
  return std::to_string(monday.day()) + " " + Month(monday) + "\u00A0— " + std::to_string(sunday.day()) + " " +
         Month(sunday) + " " + std::to_string(sunday.year());
}

std::string DayCaption(Date d) {
  return std::string(kWeekdays[d.Weekday() - 1]) + ", " + std::to_string(d.day()) + " " + Month(d);
}

DiaryScreenAction DrawDiaryScreen(const DiaryScreenView& v) {
  DiaryScreenAction action;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const bool narrow = display.x < theme::kNarrowWidth;
  const bool wide = display.x >= theme::kWideWidth;
  float bar_h = 0;
  if (DrawTopBar(v.bar, &bar_h) == TopBarAction::kLogout) action.logout = true;

  ui::BeginScrollArea("##diary", ImVec2(0, bar_h), ImVec2(display.x, display.y - bar_h));
  const float margin = narrow ? 12 : 32;
  const float width = std::min(1120.0f, display.x - 2 * margin);
  const float x = std::round((display.x - width) / 2);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + (narrow ? 12 : 24)));

  if (!v.bar_error.empty()) {
    ui::ErrorText(v.bar_error, width);
    ui::Space(8);
  }
  const std::vector<ChildInfo>& kids = *v.children;
  // The child switcher: a parent with several children.
  if (kids.size() > 1) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    ui::BeginTabStrip("##children", ImGui::GetCursorScreenPos(), width);
    for (size_t i = 0; i < kids.size(); ++i) {
      if (ui::StripTab(ChildLabel(kids[i]) + "###child" + std::to_string(i), i == v.child) && i != v.child) {
        action.select_child = true;
        action.child = i;
      }
    }
    ui::EndTabStrip();
    ui::Space(12);
  }
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  if (v.child < kids.size()) {
    const ChildInfo& c = kids[v.child];
    ui::Heading(c.class_name.empty() ? c.name : c.name + ", " + c.class_name, width);
  } else if (!v.loading && v.error.empty()) {
    ui::Heading("Дневник", width);
    ui::MutedText("К этой учётной записи не привязан ни один ученик. Обратитесь к классному руководителю.", width);
  }
  if (v.diary && v.diary->new_count > 0) {
    ui::Space(6);
    const int n = v.diary->new_count;
    ui::Notice("Новое с прошлого посещения: " + std::to_string(n) + ". Отмечено синим.", width);
  }
  ui::Space(10);

  if (!v.error.empty()) {
    ui::ErrorText(v.error, width);
    ui::Space(8);
  }
  if (v.child < kids.size()) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    ui::BeginTabStrip("##sections", ImGui::GetCursorScreenPos(), width);
    for (DiarySection s : {DiarySection::kWeek, DiarySection::kMarks, DiarySection::kControlWorks,
                           DiarySection::kRecommendations, DiarySection::kTeachers, DiarySection::kHolidays}) {
      if (ui::StripTab(SectionTitle(s), s == v.section) && s != v.section) {
        action.show_section = true;
        action.section = s;
      }
    }
    ui::EndTabStrip();
    ui::Space(14);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    if (!v.diary) {
      if (v.error.empty()) ui::MutedText("Загрузка дневника…", width);
    } else {
      const DiaryView& d = *v.diary;
      switch (v.section) {
        case DiarySection::kWeek: DrawWeek(v, d, x, width, narrow, wide, &action); break;
        case DiarySection::kMarks: DrawMarks(d, x, width, narrow); break;
        case DiarySection::kControlWorks: DrawControlWorks(d, x, width, narrow, v.today); break;
        case DiarySection::kRecommendations: DrawRecommendations(d, ImVec2(x, ImGui::GetCursorScreenPos().y), width, narrow); break;
        case DiarySection::kTeachers: DrawTeachers(d, x, width, narrow); break;
        case DiarySection::kHolidays: DrawHolidays(d, x, width, narrow); break;
      }
    }
  }
  ui::Space(narrow ? 24 : 40);
  ui::EndScrollArea();
  return action;
}

}  // namespace ej::web
