#include "env.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <map>
#include <utility>

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

// A hidden <input type="file">, clicked (within the click's user activation); the chosen file
// read and decoded: UTF-8 if it is valid UTF-8, else Windows-1251; a BOM dropped. The answer
// goes to ej_file_picked with the request's id; error codes: "too_big", "read".
EM_JS(void, ej_pick_text_file, (int id, const char* accept), {
  var input = document.createElement("input");
  input.type = "file";
  input.accept = UTF8ToString(accept);
  input.style.display = "none";
  document.body.appendChild(input);
  var done = function(name, text, error) {
    input.remove();
    Module.ccall("ej_file_picked", null, ["number", "string", "string", "string"], [id, name, text, error]);
  };
  input.addEventListener("cancel", function() { input.remove(); });
  input.addEventListener("change", function() {
    var file = input.files && input.files[0];
    if (!file) { input.remove(); return; }
    if (file.size > 1048576) { done(file.name, "", "too_big"); return; }
    file.arrayBuffer().then(function(buffer) {
      var bytes = new Uint8Array(buffer);
      var text;
      try {
        text = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
      } catch (e) {
        text = new TextDecoder("windows-1251").decode(bytes);
      }
      if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
      done(file.name, text, "");
    }, function() { done(file.name, "", "read"); });
  });
  input.click();
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

  void PickTextFile(const std::string& accept, FilePicked done) override {
#ifdef __EMSCRIPTEN__
    const int id = ++next_pick_;
    picks_[id] = std::move(done);
    ej_pick_text_file(id, accept.c_str());
#else
    Env::PickTextFile(accept, std::move(done));
#endif
  }

  // The browser's answer to PickTextFile.
  void Picked(int id, const char* name, const char* text, const char* error) {
    auto it = picks_.find(id);
    if (it == picks_.end()) return;
    FilePicked done = std::move(it->second);
    picks_.erase(it);
    const std::string file = name ? name : "";
    const std::string code = error ? error : "";
    std::string message;
    if (code == "too_big") message = "Файл «" + file + "» больше 1 МБ — это не похоже на таблицу тем.";
    else if (!code.empty()) message = "Не удалось прочитать файл «" + file + "».";
    done(file, message.empty() && text ? std::string(text) : std::string(), message);
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
  std::map<int, FilePicked> picks_;
  int next_pick_ = 0;
};

SystemEnvImpl& System() {
  static SystemEnvImpl env;
  return env;
}

}  // namespace

Env& SystemEnv() { return System(); }

}  // namespace ej::web

#ifdef __EMSCRIPTEN__
// The frame after the answer draws it: the main loop wakes on ej_wake (wasm/main.cpp).
extern "C" void ej_wake();
extern "C" EMSCRIPTEN_KEEPALIVE void ej_file_picked(int id, const char* name, const char* text, const char* error) {
  ej::web::System().Picked(id, name, text, error);
  ej_wake();
}
#endif
