// Internal to the server: randomness, hashing and password hashing.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "status.h"

namespace ej::server {

// n bytes from the kernel's CSPRNG.
std::string RandomBytes(size_t n);
// A new session token: 256 random bits, base64url without padding (43 characters).
std::string NewSessionToken();
// A password to hand to a person: 10 characters from letters and digits that cannot be
// confused when read aloud or from paper (no 0/O, 1/l/I), in groups: "k7mp-x4rt-9w".
std::string NewReadablePassword();
// SHA-256 as raw 32 bytes, and as lowercase hex.
std::string Sha256(std::string_view data);
std::string ToHex(std::string_view bytes);

// Argon2id password hashing with a cap on how many hashes run at once: a login storm
// queues here instead of eating every core and all memory. Waiting longer than
// `max_wait_ms` for a slot gives kTooManyRequests.
class PasswordHasher {
 public:
  struct Params {
    uint32_t time_cost = 2;         // iterations
    uint32_t memory_kib = 19 * 1024; // OWASP's minimum for Argon2id
    uint32_t parallelism = 1;
    int max_concurrent = 1;
    int max_wait_ms = 3000;
  };
  PasswordHasher() : PasswordHasher(Params{}) {}
  // Computes, once, the hash that stands in for accounts without a password.
  explicit PasswordHasher(Params params);

  // The PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash).
  Result<std::string> Hash(std::string_view password);
  // The hash without waiting for a slot (construction, the command line).
  Result<std::string> HashNow(std::string_view password);
  // True if `password` matches `encoded`. A missing hash still spends the same work, so
  // timing does not tell whether a login exists.
  Result<bool> Verify(std::string_view password, const std::optional<std::string>& encoded);

 private:
  bool Acquire();
  void Release();
  Params params_;
  std::mutex mutex_;
  std::condition_variable cv_;
  int running_ = 0;
  std::string dummy_hash_;  // a hash of nothing anyone uses, for missing accounts
};

}  // namespace ej::server
