// The printable lesson sheet: see lesson_sheet.h.
#include "lesson_sheet.h"

#include <algorithm>

#include "names.h"
#include "text.h"

namespace ej::web {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string LessonSheetHtml(const Structure& s, const Journal& j, const LessonSheetInput& in) {
  const Group* group = s.FindGroup(in.group_id);
  const Subject* subject = group ? s.FindSubject(group->subject_id) : nullptr;
  std::string classes;
  if (group) {
    for (int64_t c : group->class_ids) {
      if (const SchoolClass* cls = s.FindClass(c)) classes += (classes.empty() ? "" : ", ") + cls->Name();
    }
  }
  std::vector<std::pair<std::string, int64_t>> students;
  for (int64_t id : s.GroupStudents(in.group_id, in.date)) {
    const Person* p = s.FindPerson(id);
    students.push_back({p ? FullName(p->name) : "№ " + std::to_string(id), id});
  }
  std::sort(students.begin(), students.end(), [](const auto& a, const auto& b) { return RussianLess(a.first, b.first); });
  std::string lessons, topic;
  for (const JournalLesson* l : j.LessonsOf(in.group_id, {in.date, in.date})) {
    lessons += (lessons.empty() ? "" : ", ") + std::to_string(l->lesson.number) + "-й";
    if (topic.empty()) topic = l->topic;
  }

  auto e = [](std::string_view t) { return HtmlEscape(t); };
  std::string h;
  h += "<!doctype html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<title>Лист урока — " + e(group ? group->name : "") + ", " + in.date.Russian() + "</title>\n";
  h += "<style>\n"
       "body { font: 12pt/1.35 \"DejaVu Sans\", sans-serif; color: #1F2933; margin: 16mm; }\n"
       "h1 { font-size: 16pt; margin: 0 0 4mm; }\n"
       "dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 5mm; }\n"
       "dt { color: #5F6B7A; } dd { margin: 0; }\n"
       "table { border-collapse: collapse; width: 100%; }\n"
       "th, td { border: 1px solid #888; padding: 2mm; text-align: left; vertical-align: top; }\n"
       "td.n { width: 8mm; text-align: right; } td.e { width: 28mm; } td.m { width: 40mm; }\n"
       "p.note { color: #5F6B7A; font-size: 10pt; margin-top: 5mm; }\n"
       "@media print { body { margin: 10mm; } }\n"
       "</style>\n</head>\n<body>\n";
  h += "<h1>Лист урока</h1>\n<dl>\n";
  h += "<dt>Школа</dt><dd>" + e(in.school) + "</dd>\n";
  h += "<dt>Класс</dt><dd>" + e(classes) + "</dd>\n";
  h += "<dt>Группа</dt><dd>" + e(group ? group->name : "") + "</dd>\n";
  h += "<dt>Предмет</dt><dd>" + e(subject ? subject->name : "") + "</dd>\n";
  h += "<dt>Дата</dt><dd>" + in.date.Russian() + (lessons.empty() ? "" : ", " + e(lessons) + " урок") + "</dd>\n";
  h += "<dt>Учитель</dt><dd>" + e(in.teacher) + "</dd>\n";
  h += "<dt>Тема урока</dt><dd>" + (topic.empty() ? std::string("____________________________________________") : e(topic)) +
       "</dd>\n";
  h += "</dl>\n<table>\n<thead><tr><th>№</th><th>Обучающийся</th><th>Посещаемость</th><th>Отметки</th>"
       "<th>Примечание</th></tr></thead>\n<tbody>\n";
  int n = 0;
  for (const auto& [name, id] : students) {
    h += "<tr><td class=\"n\">" + std::to_string(++n) + "</td><td>" + e(name) +
         "</td><td class=\"e\"></td><td class=\"m\"></td><td></td></tr>\n";
  }
  h += "</tbody>\n</table>\n";
  std::string legend;
  for (const auto& [code, name] : in.attendance) legend += (legend.empty() ? "" : "; ") + e(code) + " — " + e(name);
  h += "<p class=\"note\">" + (legend.empty() ? std::string() : "Посещаемость: " + legend + ". ") +
       "Отметки и посещаемость вносятся в электронный журнал, когда он снова доступен.</p>\n";
  h += "<p class=\"note\">Подпись учителя: ____________________</p>\n";
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace ej::web
