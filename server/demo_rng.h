// Internal to the server: the demo data's random numbers. splitmix64 with its own uniform
// draws and shuffle, so the same seed gives the same school on every platform (never <random>
// distributions or std::shuffle, whose results differ between standard libraries).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace ej::server {

// splitmix64: tiny, fast, and the same sequence everywhere (native and wasm alike).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); rejection keeps it exactly uniform.
  int Below(int n) {
    const uint64_t bound = static_cast<uint64_t>(n);
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t x = Next();
    while (x >= limit) x = Next();
    return static_cast<int>(x % bound);
  }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  bool Percent(int p) { return Below(100) < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Below(static_cast<int>(v.size())))];
  }
  // Fisher–Yates; std::shuffle's results differ between standard libraries.
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) {
      size_t j = static_cast<size_t>(Below(static_cast<int>(i)));
      std::swap(v[i - 1], v[j]);
    }
  }

 private:
  uint64_t state_;
};

}  // namespace ej::server
