// Internal to wasm/: the Transport over emscripten_fetch. Requests go to the page's own origin,
// so the browser sends the HttpOnly session cookie with them.
#pragma once

#include <functional>

#include "transport.h"

namespace ej::wasm {

class FetchTransport : public web::Transport {
 public:
  // `on_answer` runs after each answer has been handled (the main loop draws again).
  explicit FetchTransport(std::function<void()> on_answer) : on_answer_(std::move(on_answer)) {}
  void Send(web::HttpRequest request, std::function<void(web::HttpResponse)> done) override;

 private:
  std::function<void()> on_answer_;
};

}  // namespace ej::wasm
