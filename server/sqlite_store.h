// Internal to the server: the Store over an SQLite Database.
#pragma once

#include "db.h"
#include "store.h"

namespace ej::server {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Database& db) : db_(db) {}

  Result<std::optional<AccountRecord>> FindAccountByLogin(std::string_view login) override;
  Result<protocol::MeResponse> LoadUser(int64_t account_id) override;
  Status CreateSession(const NewSession& session) override;
  Result<std::optional<SessionRecord>> FindLiveSession(std::string_view token_hash, int64_t now) override;
  Status RevokeSession(std::string_view token_hash, int64_t now) override;
  Result<int64_t> AddUser(const NewUser& user) override;
  Status SetPassword(std::string_view login, const std::string& password_hash, int64_t now) override;
  Result<bool> HasSchool() override;

 private:
  Database& db_;
};

}  // namespace ej::server
