// Internal to web/: the family's cabinet screen (screen_diary.cpp). It draws the state it is
// given — the children, the chosen child's DiaryView — and returns what the user asked for;
// DiaryCabinet (diary_view.h) decides what it means.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "diary.h"
#include "screens.h"

namespace ej::web {

enum class DiarySection { kWeek, kMarks, kControlWorks, kRecommendations, kTeachers, kHolidays };

struct DiaryScreenView {
  TopBarView bar;
  std::string bar_error;
  const std::vector<ChildInfo>* children = nullptr;
  size_t child = 0;
  const DiaryView* diary = nullptr;  // null while loading
  Date monday;
  Date today;
  DiarySection section = DiarySection::kWeek;
  bool loading = false;
  std::string error;
};

struct DiaryScreenAction {
  bool logout = false;
  bool select_child = false;
  size_t child = 0;
  int shift_week = 0;     // -1, +1
  bool this_week = false; // «Сегодня»
  bool show_section = false;
  DiarySection section = DiarySection::kWeek;
};

DiaryScreenAction DrawDiaryScreen(const DiaryScreenView& view);

// «14–20 сентября 2026», «28 сентября — 4 октября 2026»: the week's caption.
std::string WeekCaption(Date monday);
// «Понедельник, 14 сентября»
std::string DayCaption(Date d);

}  // namespace ej::web
