#include "transport.h"

#include "protocol.h"

namespace ej::web {

Status ErrorOf(const HttpResponse& response) {
  if (response.status == 0) return Status(ErrorCode::kUnavailable, std::string(kUnreachableMessage));
  auto json = protocol::ParseJson(response.body);
  return protocol::ErrorFromJson(json.ok() ? *json : protocol::Json(), response.status);
}

}  // namespace ej::web
