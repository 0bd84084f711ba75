#include "transport.h"

#include "protocol.h"

namespace ej::web {

Status ErrorOf(const HttpResponse& response) {
  if (response.status == 0) return Status(ErrorCode::kUnavailable, std::string(kUnreachableMessage));
  auto json = protocol::ParseJson(response.body);
  return protocol::ErrorFromJson(json.ok() ? *json : protocol::Json(), response.status);
}

std::string UrlEncode(std::string_view value) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Query(std::string_view path, const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out(path);
  char sep = '?';
  for (const auto& [k, v] : params) {
    out += sep + k + "=" + UrlEncode(v);
    sep = '&';
  }
  return out;
}

}  // namespace ej::web
