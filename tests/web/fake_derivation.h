// A fake of the platform's key derivation (web/offline_unlock.h) for the client's tests: a
// deterministic mix of the salt and the password (not PBKDF2, and not the password either), so
// the offline start's decisions can be tested natively. Synchronous unless `hold` is set: then
// the answers wait in `held` until Release() (as WebCrypto answers later).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "offline_unlock.h"

namespace ej::test {

class FakeDerivation : public web::KeyDerivation {
 public:
  void Derive(const std::string& password, const std::string& salt_hex, int iterations,
              std::function<void(std::string hex)> done) override {
    ++calls;
    last_iterations = iterations;
    uint64_t h = 1469598103934665603ull;  // FNV-1a over salt, ':' and password
    for (char c : salt_hex + ":" + password) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (int i = 0; i < 64; ++i) hex += digits[(h >> ((i % 16) * 4)) & 15];
    if (hold) {
      held.push_back([done, hex] { done(hex); });
    } else {
      done(hex);
    }
  }
  void Release() {
    auto waiting = std::move(held);
    held.clear();
    for (auto& f : waiting) f();
  }
  int calls = 0;
  int last_iterations = 0;
  bool hold = false;
  std::vector<std::function<void()>> held;
};

// Installs a fake derivation for one test.
struct DerivationScope {
  FakeDerivation derivation;
  DerivationScope() { web::SetKeyDerivation(&derivation); }
  ~DerivationScope() { web::SetKeyDerivation(nullptr); }
};

}  // namespace ej::test
