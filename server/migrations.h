// Internal to the server: the numbered schema migrations. A migration is never edited once
// released; a change to the schema is a new migration at the end of the list.
#pragma once

#include <span>
#include <string_view>

namespace ej::server {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> Migrations();
int LatestSchemaVersion();

}  // namespace ej::server
