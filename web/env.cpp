#include "env.h"

#include <unistd.h>

#include <chrono>
#include <ctime>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// A link with `download`, clicked: the browser saves the file (the session cookie goes with
// the same-origin request) and the app stays open.
EM_JS(void, ej_open_url, (const char* url), {
  const a = document.createElement("a");
  a.href = UTF8ToString(url);
  a.download = "";
  document.body.appendChild(a);
  a.click();
  a.remove();
});
#endif

namespace ej::web {
namespace {

class SystemEnvImpl : public Env {
 public:
  int64_t NowMs() override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }

  Date Today() override {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local) != nullptr) {
      if (auto d = Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday)) return *d;
    }
    return Date::FromDays(static_cast<int64_t>(now / 86400));
  }

  void OpenUrl(const std::string& url) override {
#ifdef __EMSCRIPTEN__
    ej_open_url(url.c_str());
#else
    (void)url;
#endif
  }

  void RandomBytes(unsigned char* out, size_t n) override {
    // getentropy gives at most 256 bytes a call.
    while (n > 0) {
      size_t chunk = n < 256 ? n : 256;
      if (getentropy(out, chunk) != 0) {
        // No entropy source: fall back to the clock so ids still differ (never in practice).
        uint64_t x = static_cast<uint64_t>(NowMs()) * 0x9E3779B97F4A7C15ull + counter_++;
        for (size_t i = 0; i < chunk; ++i) {
          x ^= x >> 33;
          x *= 0xFF51AFD7ED558CCDull;
          out[i] = static_cast<unsigned char>(x >> 56);
        }
      }
      out += chunk;
      n -= chunk;
    }
  }

 private:
  uint64_t counter_ = 0;
};

}  // namespace

Env& SystemEnv() {
  static SystemEnvImpl env;
  return env;
}

}  // namespace ej::web
