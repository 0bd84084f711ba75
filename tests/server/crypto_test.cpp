#include <doctest/doctest.h>

#include <set>

#include "crypto.h"
#include "test_env.h"

namespace ej::server {

TEST_CASE("session tokens carry 256 random bits and do not repeat") {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string t = NewSessionToken();
    CHECK(t.size() == 43);
    CHECK(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
    seen.insert(t);
  }
  CHECK(seen.size() == 200);
}

TEST_CASE("SHA-256 matches the standard test vector") {
  CHECK(ToHex(Sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("an Argon2id hash verifies its own password only") {
  PasswordHasher hasher(testing::FastHashing());
  auto hash = hasher.Hash("школа2026");
  REQUIRE(hash.ok());
  CHECK(hash->rfind("$argon2id$", 0) == 0);
  CHECK(hasher.Verify("школа2026", *hash).value());
  CHECK_FALSE(hasher.Verify("школа2027", *hash).value());
  // Same password, new salt, different hash.
  CHECK(hasher.Hash("школа2026").value() != *hash);
  // An account with no password never matches.
  CHECK_FALSE(hasher.Verify("", std::nullopt).value());
}

TEST_CASE("the default hashing cost is Argon2id with at least 19 MiB and 2 passes") {
  PasswordHasher::Params p;
  CHECK(p.memory_kib >= 19 * 1024);
  CHECK(p.time_cost >= 2);
  CHECK(p.max_concurrent <= 2);
}

TEST_CASE("hashing waits for a free slot and gives up with 429 when none comes in time") {
  PasswordHasher::Params p = testing::FastHashing();
  p.memory_kib = 64 * 1024;  // slow enough that a second caller must wait
  p.time_cost = 3;
  p.max_concurrent = 1;
  p.max_wait_ms = 1;
  PasswordHasher hasher(p);
  std::atomic<int> busy{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      auto h = hasher.Hash("пароль-пароль");
      if (!h.ok() && h.status().code() == ErrorCode::kTooManyRequests) busy++;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(busy > 0);
}

}  // namespace ej::server
