// SplitMix64: the engine's and every client's source of randomness. It is
// specified here (and in PROTOCOL.md) so that a client in any language draws
// the same values from the same seed.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_RANDOM_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_RANDOM_H_

#include <cstdint>

namespace lockstep::protocol {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // A double uniform in [0, 1): the top 53 bits of Next().
  double NextUnit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // Uniform in [0, bound) for bound > 0, by rejection so that every value is
  // equally likely.
  uint64_t Below(uint64_t bound) {
    uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
    for (;;) {
      uint64_t r = Next();
      if (r >= threshold) return r % bound;
    }
  }

 private:
  uint64_t state_;
};

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_RANDOM_H_
