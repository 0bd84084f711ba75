// Internal to the server: throttling of failed logins, per login and per client address.
//
// Policy (seconds; times come from the caller, so tests control the clock):
// - per login: the first kFreeFailures failures are free; each further failure blocks the
//   login for a delay that doubles from kLoginBaseDelay up to kLoginMaxDelay. An attacker can
//   therefore hold a real user off for at most kLoginMaxDelay at a time, and the user's own
//   successful login clears the counter.
// - per address: kAddressFailures failures within kAddressWindow block that address for
//   kAddressBlock, whatever login it tries; this is what stops guessing across many logins.
// Counters are forgotten after kForgetAfter seconds without failures.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ej::server {

class LoginThrottle {
 public:
  static constexpr int kFreeFailures = 5;
  static constexpr int64_t kLoginBaseDelay = 5;
  static constexpr int64_t kLoginMaxDelay = 300;
  static constexpr int kAddressFailures = 30;
  static constexpr int64_t kAddressWindow = 600;
  static constexpr int64_t kAddressBlock = 900;
  static constexpr int64_t kForgetAfter = 3600;

  // Seconds the caller must wait before a login attempt for (login, address) is heard;
  // 0 means go ahead.
  int64_t RetryAfter(std::string_view login, std::string_view address, int64_t now);
  // One atomic step for a login attempt: the wait if blocked, else 0 and the attempt is
  // counted as a failure at once, before the password is checked, so parallel guesses cannot
  // all slip past the check. A correct password then calls RecordSuccess.
  int64_t BeginAttempt(std::string_view login, std::string_view address, int64_t now);
  void RecordFailure(std::string_view login, std::string_view address, int64_t now);
  // Clears the login's counter and takes back the attempt counted for the address.
  void RecordSuccess(std::string_view login, std::string_view address, int64_t now);

 private:
  struct Entry {
    int failures = 0;
    int64_t window_start = 0;
    int64_t last_failure = 0;
    int64_t blocked_until = 0;
  };
  void Forget(int64_t now);
  int64_t WaitLocked(std::string_view login, std::string_view address, int64_t now);
  void FailLocked(std::string_view login, std::string_view address, int64_t now);
  static std::string Key(std::string_view login);

  std::mutex mutex_;
  std::unordered_map<std::string, Entry> logins_;
  std::unordered_map<std::string, Entry> addresses_;
  int64_t last_sweep_ = 0;
};

}  // namespace ej::server
