// WebCrypto PBKDF2 for the offline start: see unlock_webcrypto.h. The password never leaves
// this call: JS derives the bits and hands back their hex.
#include "unlock_webcrypto.h"

#include <emscripten.h>

#include <map>
#include <string>
#include <utility>

#include "offline_unlock.h"

namespace ej::wasm {
namespace {

EM_JS(void, ej_js_pbkdf2, (int id, const char* password, const char* salt_hex, int iterations), {
  var pw = UTF8ToString(password);
  var saltHex = UTF8ToString(salt_hex);
  var done = function(hex) { Module.ccall("ej_derived", null, ["number", "string"], [id, hex]); };
  try {
    if (typeof crypto === "undefined" || !crypto.subtle) {
      setTimeout(function() { done(""); }, 0);
      return;
    }
    var salt = new Uint8Array(saltHex.length / 2);
    for (var i = 0; i < salt.length; i++) salt[i] = parseInt(saltHex.substr(2 * i, 2), 16);
    crypto.subtle.importKey("raw", new TextEncoder().encode(pw), "PBKDF2", false, ["deriveBits"])
      .then(function(key) {
        return crypto.subtle.deriveBits({name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: iterations}, key, 256);
      })
      .then(function(bits) {
        var b = new Uint8Array(bits);
        var s = "";
        for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
        done(s);
      })
      .catch(function() { done(""); });
  } catch (e) {
    setTimeout(function() { done(""); }, 0);
  }
});

class WebCryptoDerivation : public web::KeyDerivation {
 public:
  void Derive(const std::string& password, const std::string& salt_hex, int iterations,
              std::function<void(std::string hex)> done) override {
    const int id = ++next_;
    pending_[id] = std::move(done);
    ej_js_pbkdf2(id, password.c_str(), salt_hex.c_str(), iterations);
  }
  void Done(int id, const char* hex) {
    auto it = pending_.find(id);
    if (it == pending_.end()) return;
    auto done = std::move(it->second);
    pending_.erase(it);
    done(hex ? std::string(hex) : std::string());
    if (wake) wake();
  }
  std::function<void()> wake;

 private:
  std::map<int, std::function<void(std::string)>> pending_;
  int next_ = 0;
};

WebCryptoDerivation g_derivation;

}  // namespace

void InstallKeyDerivation(std::function<void()> wake) {
  g_derivation.wake = std::move(wake);
  web::SetKeyDerivation(&g_derivation);
}

}  // namespace ej::wasm

extern "C" EMSCRIPTEN_KEEPALIVE void ej_derived(int id, const char* hex) { ej::wasm::g_derivation.Done(id, hex); }
