// Internal to the core: reads fields out of untrusted JSON without throwing. The first
// problem is kept as a Status (kBadRequest) naming the field in Russian.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "status.h"

namespace ej {

class JsonReader {
 public:
  explicit JsonReader(const nlohmann::json& j);

  // Each reads `key` into `out`; a missing key is an error when required, else leaves `out`.
  JsonReader& String(std::string_view key, std::string* out, bool required = true);
  JsonReader& Int(std::string_view key, int64_t* out, bool required = true);
  JsonReader& Number(std::string_view key, double* out, bool required = true);
  JsonReader& Bool(std::string_view key, bool* out, bool required = true);
  // An array of integers (ids).
  JsonReader& IntArray(std::string_view key, std::vector<int64_t>* out, bool required = true);
  JsonReader& Object(std::string_view key, const nlohmann::json** out, bool required = true);
  JsonReader& Array(std::string_view key, const nlohmann::json** out, bool required = true);
  // An ISO date "YYYY-MM-DD"; an empty string counts as missing.
  JsonReader& IsoDate(std::string_view key, std::optional<ej::Date>* out, bool required = true);

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

 private:
  const nlohmann::json* Find(std::string_view key, bool required);
  void Fail(std::string_view key, std::string_view what);

  const nlohmann::json& j_;
  Status status_;
};

// Number of Unicode code points in valid UTF-8 (what a person calls the length of a text).
size_t Utf8Length(std::string_view s);
bool IsValidUtf8(std::string_view s);

}  // namespace ej
