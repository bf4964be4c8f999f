#include "server_bridge/protocol/digest.h"

#include <algorithm>
#include <cstring>

namespace lockstep::protocol {
namespace {

// SplitMix64's finalizer over the running state: every input bit affects
// every output bit.
uint64_t MixIn(uint64_t state, uint64_t word) {
  uint64_t z = (state ^ word) + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t Digest(const ChoiceSequence& choices) {
  uint64_t state = MixIn(0, choices.size());
  for (const Choice& choice : choices) {
    state = MixIn(state, static_cast<uint64_t>(choice.kind));
    switch (choice.kind) {
      case ChoiceKind::kInteger:
        state = MixIn(state, static_cast<uint64_t>(choice.integer));
        break;
      case ChoiceKind::kFloat: {
        uint64_t bits;
        std::memcpy(&bits, &choice.floating, sizeof bits);
        state = MixIn(state, bits);
        break;
      }
      case ChoiceKind::kBoolean:
        state = MixIn(state, choice.boolean ? 1 : 0);
        break;
      case ChoiceKind::kBytes: {
        state = MixIn(state, choice.bytes.size());
        for (size_t i = 0; i < choice.bytes.size(); i += 8) {
          uint64_t word = 0;
          std::memcpy(&word, choice.bytes.data() + i,
                      std::min<size_t>(8, choice.bytes.size() - i));
          state = MixIn(state, word);
        }
        break;
      }
    }
  }
  return state;
}

}  // namespace lockstep::protocol
