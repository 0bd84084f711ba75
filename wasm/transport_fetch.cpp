#include "transport_fetch.h"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>
#include <string>
#include <utility>

namespace ej::wasm {
namespace {

constexpr unsigned kTimeoutMs = 30000;

const char* const kHeaders[] = {"Content-Type", "application/json", "Accept", "application/json",
                                nullptr};

struct Pending {
  std::string body;  // must live until the request is sent
  std::function<void(web::HttpResponse)> done;
  const std::function<void()>* on_answer = nullptr;
};

// Called for a 2xx (onsuccess) and for everything else (onerror: a 4xx/5xx with its status
// and body, or status 0 when the server could not be reached or the request timed out).
void OnFinished(emscripten_fetch_t* fetch) {
  std::unique_ptr<Pending> pending(static_cast<Pending*>(fetch->userData));
  web::HttpResponse response;
  response.status = fetch->readyState == 4 ? fetch->status : 0;
  if (fetch->data != nullptr && fetch->numBytes > 0) {
    response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
  }
  emscripten_fetch_close(fetch);
  pending->done(std::move(response));
  if (pending->on_answer && *pending->on_answer) (*pending->on_answer)();
}

}  // namespace

void FetchTransport::Send(web::HttpRequest request, std::function<void(web::HttpResponse)> done) {
  auto* pending = new Pending{std::move(request.body), std::move(done), &on_answer_};
  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strncpy(attr.requestMethod, request.method.c_str(), sizeof(attr.requestMethod) - 1);
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
  attr.requestHeaders = kHeaders;
  attr.timeoutMSecs = kTimeoutMs;
  if (!pending->body.empty()) {
    attr.requestData = pending->body.data();
    attr.requestDataSize = pending->body.size();
  }
  attr.userData = pending;
  attr.onsuccess = OnFinished;
  attr.onerror = OnFinished;
  emscripten_fetch(&attr, request.path.c_str());
}

}  // namespace ej::wasm
