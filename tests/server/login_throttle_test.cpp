#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "login_throttle.h"

namespace ej::server {

TEST_CASE("the first failures for a login are free, then each failure doubles the wait") {
  LoginThrottle t;
  int64_t now = 1000;
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) {
    CHECK(t.RetryAfter("ivanov", "10.0.0.1", now) == 0);
    t.RecordFailure("ivanov", "10.0.0.1", now);
  }
  CHECK(t.RetryAfter("ivanov", "10.0.0.1", now) == 0);
  t.RecordFailure("ivanov", "10.0.0.1", now);
  CHECK(t.RetryAfter("ivanov", "10.0.0.1", now) == LoginThrottle::kLoginBaseDelay);
  // Case does not give a fresh counter.
  CHECK(t.RetryAfter("IVANOV", "10.0.0.2", now) == LoginThrottle::kLoginBaseDelay);
  now += LoginThrottle::kLoginBaseDelay;
  CHECK(t.RetryAfter("ivanov", "10.0.0.1", now) == 0);
  t.RecordFailure("ivanov", "10.0.0.1", now);
  CHECK(t.RetryAfter("ivanov", "10.0.0.1", now) == 2 * LoginThrottle::kLoginBaseDelay);
}

TEST_CASE("an attacker cannot keep a real user out for longer than the cap") {
  LoginThrottle t;
  int64_t now = 1000;
  for (int i = 0; i < 200; ++i) {
    // The attacker uses a new address each time, so the address block never triggers.
    t.RecordFailure("ivanov", "10.0.1." + std::to_string(i), now);
    now += 1;
  }
  CHECK(t.RetryAfter("ivanov", "192.168.5.5", now) > 0);
  CHECK(t.RetryAfter("ivanov", "192.168.5.5", now) <= LoginThrottle::kLoginMaxDelay);
  CHECK(t.RetryAfter("ivanov", "192.168.5.5", now + LoginThrottle::kLoginMaxDelay) == 0);
}

TEST_CASE("one address guessing across many logins is blocked for all logins") {
  LoginThrottle t;
  int64_t now = 1000;
  for (int i = 0; i < LoginThrottle::kAddressFailures; ++i) {
    t.RecordFailure("user" + std::to_string(i), "10.0.0.9", now);
  }
  CHECK(t.RetryAfter("someone-else", "10.0.0.9", now) == LoginThrottle::kAddressBlock);
  CHECK(t.RetryAfter("someone-else", "10.0.0.10", now) == 0);
}

TEST_CASE("a successful login clears the login's counter") {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kFreeFailures; ++i) t.RecordFailure("ivanov", "10.0.0.1", 1000);
  t.RecordSuccess("ivanov", "10.0.0.1", 1000);
  t.RecordFailure("ivanov", "10.0.0.1", 1000);
  CHECK(t.RetryAfter("ivanov", "10.0.0.1", 1000) == 0);
}

}  // namespace ej::server

namespace ej::server {

TEST_CASE("parallel guesses cannot slip past the check: each attempt counts before the password is checked") {
  LoginThrottle t;
  std::atomic<int> heard{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      if (t.BeginAttempt("ivanov", "10.0.2." + std::to_string(i), 1000) == 0) heard++;
    });
  }
  for (auto& th : threads) th.join();
  // The free failures and the one that starts the block; every other attempt waits.
  CHECK(heard == LoginThrottle::kFreeFailures + 1);
  CHECK(t.RetryAfter("ivanov", "10.0.9.9", 1000) == LoginThrottle::kLoginBaseDelay);
}

TEST_CASE("a successful login takes back its counted attempt") {
  LoginThrottle t;
  for (int i = 0; i < LoginThrottle::kAddressFailures - 1; ++i) {
    REQUIRE(t.BeginAttempt("user" + std::to_string(i), "10.0.0.7", 1000) == 0);
    t.RecordSuccess("user" + std::to_string(i), "10.0.0.7", 1000);
  }
  // Successful logins from a school's shared address do not add up to a block.
  CHECK(t.BeginAttempt("other", "10.0.0.7", 1000) == 0);
  CHECK(t.RetryAfter("someone", "10.0.0.7", 1000) == 0);
}

}  // namespace ej::server
