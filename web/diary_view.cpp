// The family's cabinet: see diary_view.h.
#include "diary_view.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

Date MondayOf(Date d) { return d.AddDays(1 - d.Weekday()); }

}  // namespace

bool HasDiary(const protocol::UserInfo& user) {
  for (Role r : user.roles) {
    if (r == Role::kParent || r == Role::kStudent) return true;
  }
  return false;
}

DiaryCabinet::DiaryCabinet(Transport& transport, Env& env) : requests_(transport), env_(env) {}

void DiaryCabinet::Open(const protocol::UserInfo&) {
  Close();
  open_ = true;
  monday_ = MondayOf(env_.Today());
  LoadChildren();
}

void DiaryCabinet::Close() {
  requests_.Reset();
  open_ = false;
  children_.clear();
  children_loaded_ = false;
  child_ = 0;
  diary_.reset();
  loading_ = false;
  ++serial_;
  seen_marked_.clear();
  section_ = DiarySection::kWeek;
  error_.clear();
}

bool DiaryCabinet::settled() const {
  if (!error_.empty()) return true;
  return children_loaded_ && !loading_ && (children_.empty() || diary_.has_value());
}

void DiaryCabinet::LoadChildren() {
  requests_.Call("GET", route::kChildren, "", [this](const HttpResponse& r) {
    children_loaded_ = true;
    if (r.status != 200) {
      error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto kids = json.ok() ? ChildrenFromJson(*json) : Result<std::vector<ChildInfo>>(json.status());
    if (!kids.ok()) {
      error_ = "Не удалось прочитать список детей: " + kids.status().message();
      return;
    }
    children_ = std::move(kids).value();
    child_ = 0;
    if (!children_.empty()) LoadDiary();
  });
}

void DiaryCabinet::LoadDiary() {
  if (child_ >= children_.size()) return;
  const int64_t student = children_[child_].student_id;
  const int serial = ++serial_;
  loading_ = true;
  error_.clear();
  std::string path = std::string(route::kDiary) + "?" + std::string(route::kParamStudentId) + "=" +
                     std::to_string(student) + "&" + std::string(route::kParamFrom) + "=" + monday_.Iso() + "&" +
                     std::string(route::kParamTo) + "=" + monday_.AddDays(6).Iso();
  requests_.Call("GET", path, "", [this, serial, student](const HttpResponse& r) {
    if (serial != serial_) return;  // another child or week was asked for since
    loading_ = false;
    if (r.status != 200) {
      error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto view = json.ok() ? DiaryViewFromJson(*json) : Result<DiaryView>(json.status());
    if (!view.ok()) {
      error_ = "Не удалось прочитать дневник: " + view.status().message();
      return;
    }
    diary_ = std::move(view).value();
    // The first week of this child shown in this session: seen up to what the answer reflects.
    if (json->contains("seq") && (*json)["seq"].is_number_integer() && !seen_marked_.count(student)) {
      seen_marked_.insert(student);
      MarkSeen(student, (*json)["seq"].get<int64_t>());
    }
  });
}

void DiaryCabinet::MarkSeen(int64_t student_id, int64_t seq) {
  std::string path = std::string(route::kDiarySeen) + "?" + std::string(route::kParamStudentId) + "=" +
                     std::to_string(student_id) + "&" + std::string(route::kParamSeq) + "=" + std::to_string(seq);
  // A failure costs only the «new» flags of the next visit: nothing to show.
  requests_.Call("POST", path, "{}", [](const HttpResponse&) {});
}

void DiaryCabinet::SelectChild(size_t index) {
  if (index >= children_.size() || index == child_) return;
  child_ = index;
  diary_.reset();
  LoadDiary();
}

void DiaryCabinet::ShiftWeek(int weeks) {
  Date target = weeks == 0 ? MondayOf(env_.Today()) : monday_.AddDays(7 * weeks);
  if (target == monday_ && diary_) return;
  monday_ = target;
  LoadDiary();
}

TopBarAction DiaryCabinet::Frame(const TopBarView& bar, const std::string& bar_error) {
  DiaryScreenView view;
  view.bar = bar;
  view.bar_error = bar_error;
  view.children = &children_;
  view.child = child_;
  view.diary = diary_ ? &*diary_ : nullptr;
  view.monday = monday_;
  view.today = env_.Today();
  view.section = section_;
  view.loading = loading_ || !children_loaded_;
  view.error = error_;
  DiaryScreenAction action = DrawDiaryScreen(view);
  if (action.select_child) SelectChild(action.child);
  if (action.shift_week != 0) ShiftWeek(action.shift_week);
  if (action.this_week) ShiftWeek(0);
  if (action.show_section) ShowSection(action.section);
  return action.logout ? TopBarAction::kLogout : TopBarAction::kNone;
}

}  // namespace ej::web
