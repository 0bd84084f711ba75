// Public API of the client: opening the device's copy with no network on a shared computer
// (issue 6). The desk of the teacher who signed in last is opened offline only with that
// teacher's password, checked on the device against a verifier kept at the last online login:
// a random salt, an iteration count and PBKDF2-HMAC-SHA-256 of the password (never the password
// itself). Five wrong passwords in a row lock the offline start for five minutes; nothing is
// wiped (the outbox waits for the right password or the network).
//
// The decision logic is here, platform-free; the derivation is the platform's (KeyDerivation:
// WebCrypto in the browser, wasm/unlock_webcrypto.cpp; the tests give a fake).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "env.h"
#include "local_store.h"

namespace ej::web {

class KeyDerivation {
 public:
  virtual ~KeyDerivation() = default;
  // PBKDF2-HMAC-SHA-256 of the password (UTF-8) with the salt (hex) and `iterations`: 32 bytes
  // as lower-case hex to `done` (maybe later, asynchronously); "" when it failed.
  virtual void Derive(const std::string& password, const std::string& salt_hex, int iterations,
                      std::function<void(std::string hex)> done) = 0;
};

// The platform's derivation (set once at start; tests set theirs). Null: no verifier is kept
// and the offline start is not offered.
KeyDerivation* Derivation();
void SetKeyDerivation(KeyDerivation* derivation);

inline constexpr int kUnlockIterations = 210000;  // OWASP's figure for PBKDF2-HMAC-SHA-256
inline constexpr int kUnlockMaxTries = 5;
inline constexpr int64_t kUnlockLockMs = 5 * 60 * 1000;

class OfflineUnlock {
 public:
  OfflineUnlock(DeviceStorage& storage, Env& env) : storage_(storage), env_(env) {}

  // An online login succeeded with this password: keep a new verifier (a fresh salt) and
  // forget earlier wrong tries.
  void Remember(int64_t account, const std::string& password);
  bool HasVerifier(int64_t account);

  // The Russian message while the offline start is locked after five wrong passwords; none
  // when it is open.
  std::optional<std::string> Locked(int64_t account);

  // Checks the password against the verifier: done(true, "") or done(false, «Неверный
  // пароль.» / the lock's message). A wrong password counts; the fifth in a row locks.
  void Check(int64_t account, const std::string& password, std::function<void(bool ok, std::string error)> done);

 private:
  struct Tries {
    int failures = 0;
    int64_t locked_until_ms = 0;
  };
  Tries LoadTries(int64_t account);
  void SaveTries(int64_t account, const Tries& t);
  std::string LockMessage(int64_t until_ms);

  DeviceStorage& storage_;
  Env& env_;
};

}  // namespace ej::web
