#include "login_throttle.h"

#include <algorithm>
#include <cctype>

namespace ej::server {

std::string LoginThrottle::Key(std::string_view login) {
  std::string key(login);
  // Logins compare case-insensitively (ASCII), so "Ivanov" and "ivanov" share a counter.
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

void LoginThrottle::Forget(int64_t now) {
  if (now - last_sweep_ < 60) return;
  last_sweep_ = now;
  for (auto* map : {&logins_, &addresses_}) {
    std::erase_if(*map, [&](const auto& kv) {
      return kv.second.blocked_until <= now && now - kv.second.last_failure > kForgetAfter;
    });
  }
}

int64_t LoginThrottle::RetryAfter(std::string_view login, std::string_view address, int64_t now) {
  std::lock_guard lock(mutex_);
  return WaitLocked(login, address, now);
}

int64_t LoginThrottle::BeginAttempt(std::string_view login, std::string_view address, int64_t now) {
  std::lock_guard lock(mutex_);
  int64_t wait = WaitLocked(login, address, now);
  if (wait == 0) FailLocked(login, address, now);
  return wait;
}

int64_t LoginThrottle::WaitLocked(std::string_view login, std::string_view address, int64_t now) {
  Forget(now);
  int64_t wait = 0;
  if (auto it = addresses_.find(std::string(address)); it != addresses_.end()) {
    wait = std::max(wait, it->second.blocked_until - now);
  }
  if (auto it = logins_.find(Key(login)); it != logins_.end()) {
    wait = std::max(wait, it->second.blocked_until - now);
  }
  return std::max<int64_t>(wait, 0);
}

void LoginThrottle::RecordFailure(std::string_view login, std::string_view address, int64_t now) {
  std::lock_guard lock(mutex_);
  FailLocked(login, address, now);
}

void LoginThrottle::FailLocked(std::string_view login, std::string_view address, int64_t now) {
  Entry& l = logins_[Key(login)];
  if (now - l.last_failure > kForgetAfter) l = Entry{};
  l.failures++;
  l.last_failure = now;
  if (l.failures > kFreeFailures) {
    int shift = std::min(l.failures - kFreeFailures - 1, 20);
    int64_t delay = std::min<int64_t>(kLoginBaseDelay << shift, kLoginMaxDelay);
    l.blocked_until = now + delay;
  }

  Entry& a = addresses_[std::string(address)];
  if (now - a.window_start > kAddressWindow) {
    a.window_start = now;
    a.failures = 0;
  }
  a.failures++;
  a.last_failure = now;
  if (a.failures >= kAddressFailures) a.blocked_until = now + kAddressBlock;
}

void LoginThrottle::RecordSuccess(std::string_view login, std::string_view address, int64_t /*now*/) {
  std::lock_guard lock(mutex_);
  logins_.erase(Key(login));
  if (auto it = addresses_.find(std::string(address)); it != addresses_.end() && it->second.failures > 0) {
    it->second.failures--;
  }
}

}  // namespace ej::server
