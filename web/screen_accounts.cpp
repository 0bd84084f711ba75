// «Учётные записи» (R22–R24): every account of the school without personal data, searched by
// login or surname and filtered by role, drawn through a list clipper (a school has ~1850
// accounts); per row «Выдать пароль» (the new password shown once, then overwritten) and
// «Заблокировать» / «Разблокировать». What may be done to whose account is the server's
// answer (ej::AuthorizeAccountWork); a refusal is shown on its row.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "console_pages.h"
#include "roles.h"
#include "screens.h"
#include "text.h"
#include "theme.h"
#include "ui.h"

namespace ej::web {
namespace {

namespace route = protocol::route;

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::string AsciiLower(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

// The login starts with the query, or the surname (the name's first word) does, case folded.
bool Matches(const protocol::AccountInfo& a, const std::string& query) {
  if (query.empty()) return true;
  if (AsciiLower(a.login).rfind(AsciiLower(query), 0) == 0) return true;
  const std::string surname = a.name.substr(0, a.name.find(' '));
  std::vector<int> s = CollationKey(surname);
  std::vector<int> q = CollationKey(query);
  return !q.empty() && q.size() <= s.size() && std::equal(q.begin(), q.end(), s.begin());
}

// Overwrites a secret before letting it go.
void Wipe(std::string& secret) {
  std::fill(secret.begin(), secret.end(), '\0');
  secret.clear();
  secret.shrink_to_fit();
}

}  // namespace

void AccountsPage::Open() {
  Close();
  Load();
}

void AccountsPage::Close() {
  requests_.Reset();
  CloseIssued();
  loaded_ = false;
  load_error_.clear();
  accounts_.clear();
  form_ = AccountsForm();
}

void AccountsPage::CloseIssued() {
  Wipe(form_.issued_password);
  form_.issued_login.clear();
  form_.issued_account = 0;
  form_.copied = false;
}

void AccountsPage::Load() {
  requests_.Call("GET", route::kAccounts, {}, [this](const HttpResponse& r) {
    if (r.status != 200) {
      load_error_ = ErrorOf(r).message();
      return;
    }
    auto json = protocol::ParseJson(r.body);
    auto list = json.ok() ? protocol::AccountListFromJson(*json) : Result<protocol::AccountList>(json.status());
    if (!list.ok()) {
      load_error_ = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
      return;
    }
    load_error_.clear();
    accounts_ = std::move(list->accounts);
    loaded_ = true;
  });
}

void AccountsPage::IssuePassword(int64_t account_id) {
  if (form_.row_busy[account_id]) return;
  CloseIssued();
  form_.row_errors.erase(account_id);
  form_.row_busy[account_id] = true;
  requests_.Call("POST", route::kAccountPassword, protocol::ToJson(protocol::AccountRef{account_id}).dump(),
                 [this, account_id](const HttpResponse& r) {
                   form_.row_busy[account_id] = false;
                   if (r.status != 200) {
                     form_.row_errors[account_id] = ErrorOf(r).message();
                     return;
                   }
                   auto json = protocol::ParseJson(r.body);
                   auto issued = json.ok() ? protocol::IssuedPasswordFromJson(*json)
                                           : Result<protocol::IssuedPassword>(json.status());
                   if (!issued.ok()) {
                     form_.row_errors[account_id] = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
                     return;
                   }
                   form_.issued_account = account_id;
                   form_.issued_login = issued->login;
                   form_.issued_password = std::move(issued->password);
                   Wipe(issued->password);
                   for (protocol::AccountInfo& a : accounts_) {
                     if (a.account_id == account_id) a.has_password = true;
                   }
                 });
}

void AccountsPage::SetDisabled(int64_t account_id, bool disabled) {
  if (form_.row_busy[account_id]) return;
  form_.row_errors.erase(account_id);
  form_.row_busy[account_id] = true;
  requests_.Call("POST", route::kAccountDisable,
                 protocol::ToJson(protocol::AccountDisable{account_id, disabled}).dump(),
                 [this, account_id](const HttpResponse& r) {
                   form_.row_busy[account_id] = false;
                   if (r.status != 200) {
                     form_.row_errors[account_id] = ErrorOf(r).message();
                     return;
                   }
                   auto json = protocol::ParseJson(r.body);
                   auto after = json.ok() ? protocol::AccountInfoFromJson(*json)
                                          : Result<protocol::AccountInfo>(json.status());
                   if (!after.ok()) {
                     form_.row_errors[account_id] = std::string(protocol::DefaultMessage(ErrorCode::kInternal));
                     return;
                   }
                   for (protocol::AccountInfo& a : accounts_) {
                     if (a.account_id == account_id) a = *after;
                   }
                 });
}

void AccountsPage::Draw() {
  const float x = ImGui::GetCursorPosX();
  const float width = PageWidth();
  const bool narrow = ImGui::GetIO().DisplaySize.x < theme::kNarrowWidth;
  const std::string count = loaded_ ? std::to_string(accounts_.size()) + " " +
                                          std::string(Plural(static_cast<int64_t>(accounts_.size()), "учётная запись",
                                                             "учётные записи", "учётных записей"))
                                    : std::string();
  PageHeader("Учётные записи", count);
  if (!loaded_) {
    if (load_error_.empty()) {
      ui::MutedText("Загрузка…");
    } else {
      ui::ErrorText(load_error_, width);
      ImGui::SetCursorPosX(x);
      ui::ButtonOptions retry;
      retry.kind = ui::ButtonKind::kSecondary;
      if (ui::Button("Повторить###accounts-reload", retry)) Load();
    }
    return;
  }
  AccountsForm& f = form_;
  ui::PanelStyle style;
  style.padding = narrow ? 16 : 24;

  // The password just issued: shown once, in its own box above the list.
  if (f.issued_account != 0) {
    ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
    ui::Heading("Новый пароль выдан");
    ui::Text("Логин: " + f.issued_login);
    ui::StrongText(f.issued_password);
    ui::MutedText("Передайте пароль лично; он больше не будет показан.");
    ui::Space(4);
    ui::ButtonOptions copy;
    copy.kind = ui::ButtonKind::kSecondary;
    if (ui::Button(f.copied ? "Скопировано###copy-password" : "Скопировать###copy-password", copy)) {
      ImGui::SetClipboardText(("Логин: " + f.issued_login + "\nПароль: " + f.issued_password).c_str());
      f.copied = true;
    }
    ImGui::SameLine(0, 12);
    if (ui::Button("Закрыть###close-password")) CloseIssued();
    ui::EndPanel();
    ImGui::SetCursorPosX(x);
    ui::Space(16);
    ImGui::SetCursorPosX(x);
  }

  ui::BeginPanel(ImGui::GetCursorScreenPos(), width, style);
  const float inner = ui::AvailableWidth();
  const float left = ImGui::GetCursorPosX();
  {
    // The search box and the role filter on one line (two on a phone), without captions.
    const float y = ImGui::GetCursorPosY();
    const float filter_w = narrow ? inner : std::min(260.0f, inner * 0.35f);
    ui::InputOptions o;
    o.caption = false;
    o.width = narrow ? inner : std::min(420.0f, inner - filter_w - 12);
    o.hint = "Поиск: логин или фамилия";
    ui::InputText("Поиск", &f.search, o);
    std::vector<ui::ComboItem> roles{{"Все роли", ""}};
    for (Role r : kAllRoles) roles.push_back({std::string(RoleTitle(r)), ""});
    ui::ComboOptions c;
    c.caption = false;
    c.width = filter_w;
    if (!narrow) ImGui::SetCursorPos(ImVec2(left + o.width + 12, y));
    ImGui::SetCursorPosX(narrow ? left : left + o.width + 12);
    ui::Combo("Фильтр по роли", roles, &f.role_filter, c);
  }
  ImGui::SetCursorPosX(left);
  ui::Space(4);
  ImGui::SetCursorPosX(left);

  const std::string query = Trimmed(f.search);
  std::vector<const protocol::AccountInfo*> shown;
  for (const protocol::AccountInfo& a : accounts_) {
    if (f.role_filter > 0) {
      const Role role = kAllRoles[static_cast<size_t>(f.role_filter - 1)];
      if (std::find(a.roles.begin(), a.roles.end(), role) == a.roles.end()) continue;
    }
    if (Matches(a, query)) shown.push_back(&a);
  }
  // One state a row: blocked, or whether a password was issued.
  auto state_of = [](const protocol::AccountInfo& a) {
    return a.disabled ? std::string("заблокирована") : a.has_password ? "пароль выдан" : "нет пароля";
  };

  // Columns wide enough for a login, a full name of up to ~33 letters and one role on one line
  // at 1366 px (measured in DejaVu Sans); longer texts end with «…». Whether a password was issued is the first button's
  // word («Выдать пароль» / «Новый пароль»); a blocked account's is «Разблокировать».
  const float actions_w = narrow ? 156 : 288;
  std::vector<ui::TableColumn> columns;
  // Every row one height (texts too long end with «…»), as the list clipper needs.
  if (narrow) {
    columns = {{"Учётная запись", 0, false, true, true}, {"", actions_w, false}};
  } else {
    const float login_w = 180;  // logins up to ~20 letters: «vishnevskaya.eo2»
    const float name_w = std::floor((inner - login_w - actions_w) * 0.56f);  // names are longer than most roles
    columns = {{"Логин", login_w, false, true, true}, {"ФИО", name_w, false, true, true}, {"Роли", 0, false, true, true},
               {"", actions_w, false}};
  }
  SortRows(shown, f.sort, [&](const protocol::AccountInfo* a, const protocol::AccountInfo* b, int column) {
    if (narrow || column == 0) return a->login < b->login;
    if (column == 1) return RussianLess(a->name, b->name);
    return RussianLess(RoleTitles(a->roles), RoleTitles(b->roles));
  });
  ui::BeginTable("accounts", columns, &f.sort, /*dense=*/true);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const protocol::AccountInfo& a = *shown[static_cast<size_t>(i)];
      const std::string roles = RoleTitles(a.roles);
      std::vector<ui::TableCell> cells;
      if (narrow) {
        cells = {{a.login, ui::Tone::kStrong, a.name + " · " + roles + " · " + state_of(a)},
                 {"", ui::Tone::kNormal, ""}};
      } else {
        // A blocked account: the login in amber and «Разблокировать» as its button.
        cells = {{a.login, a.disabled ? ui::Tone::kWarning : ui::Tone::kStrong, ""},
                 {a.name, ui::Tone::kNormal, ""},
                 {roles, ui::Tone::kMuted, ""},
                 {"", ui::Tone::kNormal, ""}};
      }
      const std::string id = std::to_string(a.account_id);
      const ImVec2 top = ImGui::GetCursorScreenPos();
      ui::TableRow(a.login + "###account" + id, cells);
      const ImVec2 bottom = ImGui::GetCursorScreenPos();
      const float row_h = bottom.y - top.y - ImGui::GetStyle().ItemSpacing.y;
      // The row's buttons over its last column.
      const bool busy = f.row_busy.count(a.account_id) && f.row_busy.at(a.account_id);
      ui::ButtonOptions b;
      b.kind = ui::ButtonKind::kSecondary;
      b.enabled = !busy;
      b.compact = true;
      const float button_h = theme::kButtonHeight - 12;
      ImGui::SetCursorScreenPos(ImVec2(top.x + inner - actions_w + 8, top.y + std::max(0.0f, (row_h - button_h) / 2)));
      if (ui::Button((a.has_password ? "Новый пароль###pw" : "Выдать пароль###pw") + id, b)) IssuePassword(a.account_id);
      if (!narrow) {
        ImGui::SameLine(0, 8);
      } else {
        ImGui::SetCursorScreenPos(ImVec2(top.x + inner - actions_w + 8, ImGui::GetCursorScreenPos().y));
      }
      if (ui::Button((a.disabled ? "Разблокировать###dis" : "Заблокировать###dis") + id, b)) {
        SetDisabled(a.account_id, !a.disabled);
      }
      ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(bottom.y, ImGui::GetCursorScreenPos().y)));
      auto error = f.row_errors.find(a.account_id);
      if (error != f.row_errors.end()) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + 8, ImGui::GetCursorScreenPos().y));
        ui::ErrorText(error->second, inner - 16);
        ImGui::SetCursorScreenPos(ImVec2(top.x, ImGui::GetCursorScreenPos().y));
      }
    }
  }
  clipper.End();
  if (shown.empty()) ui::TableMessage("Ничего не найдено. Проверьте логин или фамилию.");
  ui::EndTable();
  ui::EndPanel();
  ImGui::SetCursorPosX(x);
}

}  // namespace ej::web
