// The console's shell: the top bar, the navigation («Настройка года», «Классы») as a column on
// the left of a wide screen or a row of tabs under the bar on a narrow one, and the page's
// scroll area. Also what every page shares: margins, the page header, the teacher list.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "screens.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr float kNavWidth = 248;
constexpr float kMaxPageWidth = 1160;

bool Wide() { return ImGui::GetIO().DisplaySize.x >= theme::kWideWidth; }

// A badge's text: nothing for an unknown count or for nothing left to do.
std::string Count(int n) { return n <= 0 ? std::string() : std::to_string(n); }

}  // namespace

ConsoleShellAction BeginConsoleScreen(const ConsoleShellView& view) {
  ConsoleShellAction action;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  float bar_h = 0;
  action.logout = DrawTopBar(view.bar, &bar_h) == TopBarAction::kLogout;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool checklist = view.page == ConsolePage::kChecklist;
  const bool classes =
      view.page == ConsolePage::kClasses || view.page == ConsolePage::kClass || view.page == ConsolePage::kStudent;
  const bool groups = view.page == ConsolePage::kGroups || view.page == ConsolePage::kGroup;
  auto go = [&](ConsolePage page) {
    action.go = true;
    action.page = page;
  };

  // The pages this user has, in order (the core decided which, see Console::Open).
  struct Entry {
    const char* label;
    ConsolePage page;
    bool selected;
    std::string badge;
    ui::Tone tone;
  };
  std::vector<Entry> entries;
  if (view.structure_pages) {
    entries.push_back({"Настройка года", ConsolePage::kChecklist, checklist, Count(view.left_to_set_up),
                       view.left_to_set_up > 0 ? ui::Tone::kWarning : ui::Tone::kMuted});
    entries.push_back({"Классы", ConsolePage::kClasses, classes, Count(view.classes), ui::Tone::kMuted});
    entries.push_back({"Учебный год", ConsolePage::kYear, view.page == ConsolePage::kYear, "", ui::Tone::kMuted});
    entries.push_back({"Сотрудники", ConsolePage::kStaff, view.page == ConsolePage::kStaff, "", ui::Tone::kMuted});
    entries.push_back(
        {"Учебный план", ConsolePage::kCurriculum, view.page == ConsolePage::kCurriculum, "", ui::Tone::kMuted});
    entries.push_back({"Нагрузка", ConsolePage::kWorkload, view.page == ConsolePage::kWorkload, "", ui::Tone::kMuted});
    entries.push_back({"Группы", ConsolePage::kGroups, groups, "", ui::Tone::kMuted});
  }
  // Planning of the year's lessons (issue 4): for the head and deputies, who have the set-up pages.
  // One item, «Планирование», opens the group's last page; the group's pages are a second row of
  // tabs on top of the page (DrawPlanningTabs), so the navigation fits 768 px and a phone's row.
  if (view.structure_pages) {
    entries.push_back({"Планирование", IsPlanningPage(view.planning_page) ? view.planning_page : ConsolePage::kTimetable,
                       IsPlanningPage(view.page), "", ui::Tone::kMuted});
  }
  if (view.accounts_page) {
    entries.push_back({"Учётные записи", ConsolePage::kAccounts, view.page == ConsolePage::kAccounts, "", ui::Tone::kMuted});
  }
  if (view.corrections_page) {
    entries.push_back({"Исправления", ConsolePage::kCorrections, view.page == ConsolePage::kCorrections,
                       Count(view.pending_requests > 0 ? view.pending_requests : -1),
                       view.pending_requests > 0 ? ui::Tone::kWarning : ui::Tone::kMuted});
  }
  entries.push_back({"Правила школы", ConsolePage::kRules, view.page == ConsolePage::kRules, "", ui::Tone::kMuted});

  if (Wide()) {
    // A white column under the bar, a line on its right.
    const ImVec2 min(0, bar_h);
    const ImVec2 max(kNavWidth, display.y);
    dl->AddRectFilled(min, max, theme::kPanel);
    dl->AddLine(ImVec2(max.x - 0.5f, min.y), ImVec2(max.x - 0.5f, max.y), theme::kBorder);
    const float x = 16;
    const float w = kNavWidth - 2 * x;
    ImGui::SetCursorScreenPos(ImVec2(x + 16, bar_h + 24));
    ui::MutedText("НАСТРОЙКА ШКОЛЫ");
    float y = ImGui::GetCursorScreenPos().y + 2;
    // Every page within reach on a laptop's 768 px: the gaps shrink before an item would fall
    // below the window (items stay 44 px, a comfortable target).
    const float item_h = 44;
    const float room = display.y - y - 8 - item_h * static_cast<float>(entries.size());
    const float gap = std::clamp(room / static_cast<float>(std::max<size_t>(1, entries.size())), 0.0f, 6.0f);
    for (const Entry& e : entries) {
      ImGui::SetCursorScreenPos(ImVec2(x, y));
      if (ui::NavItem(e.label, e.selected, e.badge, w, e.tone)) go(e.page);
      y = ImGui::GetItemRectMax().y + gap;
    }
    ui::BeginScrollArea("##page", ImVec2(kNavWidth, bar_h), ImVec2(display.x - kNavWidth, display.y - bar_h));
  } else {
    // A row of tabs under the bar; it scrolls sideways when they do not fit.
    const float tab_h = 46;
    dl->AddRectFilled(ImVec2(0, bar_h), ImVec2(display.x, bar_h + tab_h), theme::kPanel);
    dl->AddLine(ImVec2(0, bar_h + tab_h - 0.5f), ImVec2(display.x, bar_h + tab_h - 0.5f), theme::kBorder);
    ui::BeginTabStrip("##tabs", ImVec2(0, bar_h), display.x);
    for (const Entry& e : entries) {
      if (ui::StripTab(e.label, e.selected)) go(e.page);
    }
    ui::EndTabStrip();
    ui::BeginScrollArea("##page", ImVec2(0, bar_h + tab_h), ImVec2(display.x, display.y - bar_h - tab_h));
  }
  const float margin = PageMargin();
  ImGui::SetCursorPos(ImVec2(margin, margin - (Wide() ? 4 : 2)));
  if (IsPlanningPage(view.page)) {
    // The «Планирование» group's second row: its pages as tabs over the page.
    const float x = ImGui::GetCursorPosX();
    ui::BeginTabStrip("##planning", ImGui::GetCursorScreenPos(), PageWidth());
    for (const auto& [label, page] : std::vector<std::pair<const char*, ConsolePage>>{
             {"Расписание", ConsolePage::kTimetable},
             {"Замены", ConsolePage::kSubstitutions},
             {"Контрольные работы", ConsolePage::kCalendar},
             {"КТП", ConsolePage::kPlans}}) {
      if (ui::StripTab(label, view.page == page)) go(page);
    }
    ui::EndTabStrip();
    ImGui::SetCursorPosX(x);
    ui::Space(Wide() ? 12 : 8);
    ImGui::SetCursorPosX(x);
  }
  return action;
}

bool IsPlanningPage(ConsolePage page) {
  return page == ConsolePage::kTimetable || page == ConsolePage::kSubstitutions || page == ConsolePage::kCalendar ||
         page == ConsolePage::kPlans;
}

void EndConsoleScreen() {
  // Room below the last panel.
  ImGui::Dummy(ImVec2(0, PageMargin()));
  ui::EndScrollArea();
}

float PageMargin() { return ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth ? 12 : 32; }

float PageWidth() {
  const float area = ImGui::GetWindowContentRegionMax().x;  // the scroll area's inner width
  return std::min(kMaxPageWidth, std::max(200.0f, area - 2 * PageMargin()));
}

void PageHeader(const std::string& title, const std::string& subtitle) {
  const float x = ImGui::GetCursorPosX();
  ui::Heading(title, PageWidth());
  ImGui::SetCursorPosX(x);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 4);
  if (!subtitle.empty()) ui::MutedText(subtitle, PageWidth());
  ImGui::SetCursorPosX(x);
  ui::Space(6);
  ImGui::SetCursorPosX(x);
}

std::string YearLine(const AcademicYear& year) {
  // The core puts a no-break space before the dash: a line may break after it, never before.
  return year.name + " учебный год · " + year.range.Russian();
}

std::string BadDateMessage(const std::string& typed) {
  return "Дата «" + typed + "» не распознана: нужна в виде ДД.ММ.ГГГГ, например 01.09.2026.";
}

bool ContainsFolded(std::string_view haystack, std::string_view needle) {
  std::vector<int> h = CollationKey(haystack);
  std::vector<int> n = CollationKey(needle);
  if (n.empty()) return true;
  return std::search(h.begin(), h.end(), n.begin(), n.end()) != h.end();
}

std::vector<ui::ComboItem> TeacherItems(const Structure& s, int64_t year_id, std::vector<int64_t>* ids) {
  std::vector<const Person*> teachers;
  for (const auto& [id, p] : s.persons) {
    if (p.Has(Role::kTeacher) || p.Has(Role::kClassTeacher)) teachers.push_back(&p);
  }
  std::sort(teachers.begin(), teachers.end(), [](const Person* a, const Person* b) {
    std::string na = FullName(a->name), nb = FullName(b->name);
    if (na != nb) return RussianLess(na, nb);
    return a->id < b->id;
  });
  std::vector<ui::ComboItem> items;
  items.push_back({"не назначен", ""});
  ids->assign(1, 0);
  for (const Person* p : teachers) {
    const SchoolClass* led = s.ClassLedBy(p->id, year_id);
    items.push_back({FullName(p->name), led ? "кл. рук. " + led->Name() : std::string()});
    ids->push_back(p->id);
  }
  return items;
}

}  // namespace ej::web
