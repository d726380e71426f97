// Rng: the generator's one source of randomness. A fixed 64-bit generator
// (splitmix64) rather than std::uniform_int_distribution, whose output differs
// between standard libraries: the same --seed must give the same files anywhere.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_RNG_H_
#define FACTEUR_TOOLS_SAMPLEGEN_RNG_H_

#include <cstdint>
#include <vector>

namespace facteur::samplegen {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  bool Chance(double p) { return Unit() < p; }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(static_cast<int>(items.size()))];
  }

 private:
  uint64_t state_;
};

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_RNG_H_
