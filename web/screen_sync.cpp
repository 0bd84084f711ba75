// The badge, «Лист урока» and the sync dialogs over the journal: see screen_sync.h.
#include "screen_sync.h"

#include <algorithm>

#include "names.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

constexpr ImGuiWindowFlags kOverlayFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_NoBackground;

ImU32 BadgeColor(BadgeKind k) {
  switch (k) {
    case BadgeKind::kOnline: return theme::kSuccessText;
    case BadgeKind::kOffline: return theme::kMutedText;
    case BadgeKind::kSending: return theme::kAccent;
    case BadgeKind::kAttention: return theme::kErrorText;
  }
  return theme::kMutedText;
}

// The chip in the lower right corner: a coloured dot and the badge's text; a click opens the
// entries that need attention.
void DrawBadge(const SyncView& view, SyncAction& action) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const bool narrow = display.x < theme::kNarrowWidth;
  const float margin = narrow ? 12 : 24;
  const float text_w = ui::TextWidth(view.badge.text, true);
  const float dot = 10;
  const float pad_x = 16;
  const float chip_h = narrow ? 32 : theme::kButtonHeight;  // on a phone it covers less of the grid
  const float chip_w = pad_x + dot + 10 + text_w + pad_x;
  const float print_w = view.can_print ? ui::TextWidth("Лист урока") + 2 * (narrow ? 12 : 16) + 8 : 0;
  const float total_w = chip_w + (view.can_print ? print_w + 8 : 0);
  ImGui::SetNextWindowPos(ImVec2(display.x - margin - total_w - 8, display.y - margin - chip_h - 8));
  ImGui::SetNextWindowSize(ImVec2(total_w + 16, chip_h + 16));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 8));
  ImGui::Begin("##sync_badge", nullptr, kOverlayFlags | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PopStyleVar();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 color = BadgeColor(view.badge.kind);
  dl->AddRectFilled(p, ImVec2(p.x + chip_w, p.y + chip_h), theme::kPanel, chip_h / 2);
  dl->AddRect(p, ImVec2(p.x + chip_w, p.y + chip_h), theme::kBorder, chip_h / 2);
  dl->AddCircleFilled(ImVec2(p.x + pad_x + dot / 2, p.y + chip_h / 2), dot / 2, color);
  ImGui::SetCursorScreenPos(ImVec2(p.x + pad_x + dot + 10, p.y + (chip_h - ImGui::GetTextLineHeight()) / 2));
  ui::ColoredText(view.badge.text, color, true);
  // The chip itself is the badge in the widget record; clickable when something needs a decision.
  ui::Widget& w = ui::RecordCell(view.badge.text, "badge", p, ImVec2(p.x + chip_w, p.y + chip_h));
  w.value = view.badge.text;
  ImGui::SetCursorScreenPos(p);
  if (ImGui::InvisibleButton("##badge", ImVec2(chip_w, chip_h)) && view.badge.kind == BadgeKind::kAttention) {
    action.open_attention = true;
  }
  if (view.can_print) {
    ImGui::SetCursorScreenPos(ImVec2(p.x + chip_w + 8, p.y));
    ui::ButtonOptions o;
    o.kind = ui::ButtonKind::kSecondary;
    o.compact = narrow;
    if (ui::Button("Лист урока", o)) action.print_sheet = true;
  }
  ImGui::End();
}

// A dimmed cover over the whole screen with a white panel in the middle; content between.
void BeginDialog(const char* id, float width) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin(id, nullptr, kOverlayFlags);
  ImGui::PopStyleVar();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), display, IM_COL32(0x1F, 0x29, 0x33, 0x59));
  const float w = std::min(width, display.x - 24);
  ui::PanelStyle style;
  style.padding = display.x < theme::kNarrowWidth ? 16 : 28;
  ui::BeginPanel(ImVec2((display.x - w) / 2, std::max(24.0f, display.y * 0.12f)), w, style);
}

void EndDialog() {
  ui::EndPanel();
  ImGui::End();
}

void DrawAttention(const SyncView& view, SyncAction& action) {
  BeginDialog("##sync_attention", 640);
  ui::Heading("Требуют внимания");
  ui::MutedText("Сервер не принял эти записи. Они сохранены на устройстве, пока вы не решите, что с ними делать.");
  ui::Space(8);
  for (size_t i = 0; i < view.attention.size(); ++i) {
    const AttentionRow& row = view.attention[i];
    ImGui::PushID(static_cast<int>(i));
    ui::StrongText(row.what);
    if (row.conflict) {
      ui::Text("Ваше значение: " + row.mine + ".");
      ui::ErrorText(row.reason);
    } else {
      ui::ErrorText(row.reason);
    }
    ui::ButtonOptions secondary;
    secondary.kind = ui::ButtonKind::kSecondary;
    if (row.conflict) {
      if (ui::Button("Оставить моё###mine" + std::to_string(i))) action.keep_mine = static_cast<int>(i);
      ImGui::SameLine(0, 12);
      if (ui::Button("Оставить как на сервере###server" + std::to_string(i), secondary)) {
        action.keep_server = static_cast<int>(i);
      }
    } else {
      if (ui::Button("Убрать запись###discard" + std::to_string(i), secondary)) action.discard = static_cast<int>(i);
    }
    ui::Space(12);
    ImGui::PopID();
  }
  ui::ButtonOptions later;
  later.kind = ui::ButtonKind::kLink;
  if (ui::Button("Решить позже", later)) action.close_dialog = true;
  EndDialog();
}

void DrawPassword(const SyncView& view, SyncForm& form, SyncAction& action) {
  BeginDialog("##sync_password", 440);
  ui::Heading("Сеанс истёк");
  ui::Text("Пока не было сети, сеанс входа закончился. Введите пароль: записи, сделанные без сети, "
           "будут отправлены.");
  ui::Space(8);
  ui::InputOptions login;
  login.enabled = form.login.empty();
  bool enter = ui::InputText("Логин", &form.login, login);
  ui::InputOptions password;
  password.password = true;
  password.focus = form.focus_password;
  password.error = view.password_error;
  enter = ui::InputText("Пароль", &form.password, password) || enter;
  form.focus_password = false;
  ui::Space(8);
  ui::ButtonOptions submit;
  submit.enabled = !view.password_busy;
  if ((ui::Button(view.password_busy ? "Вход…###submit_password" : "Войти и отправить###submit_password", submit) || enter) &&
      !view.password_busy) {
    action.submit_password = true;
  }
  EndDialog();
}

void DrawLogout(const SyncView& view, SyncAction& action) {
  BeginDialog("##sync_logout", 520);
  ui::Heading("Есть неотправленные записи");
  ui::Text("На этом устройстве " + std::to_string(view.unsent) + " " +
           std::string(Plural(static_cast<int64_t>(view.unsent), "запись ещё не принята", "записи ещё не приняты",
                              "записей ещё не приняты")) +
           " сервером. Если выйти сейчас, они будут потеряны. Дождитесь сети: записи отправятся сами.");
  ui::Space(8);
  if (ui::Button("Остаться")) action.close_dialog = true;
  ImGui::SameLine(0, 12);
  ui::ButtonOptions danger;
  danger.kind = ui::ButtonKind::kSecondary;
  if (ui::Button("Выйти и потерять записи", danger)) action.logout_anyway = true;
  EndDialog();
}

}  // namespace

SyncAction DrawSyncOverlay(const SyncView& view, SyncForm& form) {
  SyncAction action;
  DrawBadge(view, action);
  switch (view.dialog) {
    case SyncDialog::kAttention: DrawAttention(view, action); break;
    case SyncDialog::kPassword: DrawPassword(view, form, action); break;
    case SyncDialog::kLogout: DrawLogout(view, action); break;
    case SyncDialog::kNone: break;
  }
  return action;
}

}  // namespace ej::web
