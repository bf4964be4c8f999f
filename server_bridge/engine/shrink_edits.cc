#include "server_bridge/engine/shrink_edits.h"

#include <utility>

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::DistanceFromTarget;
using protocol::ShrinkTarget;

std::optional<int64_t> AtDistance(const Choice& like, uint64_t distance,
                                  bool above) {
  // Unsigned arithmetic: the distance across the full int64 range does not
  // fit in an int64.
  int64_t target = ShrinkTarget(like);
  if (above) {
    uint64_t room =
        static_cast<uint64_t>(like.max_integer) - static_cast<uint64_t>(target);
    if (distance > room) return std::nullopt;
    return static_cast<int64_t>(static_cast<uint64_t>(target) + distance);
  }
  uint64_t room =
      static_cast<uint64_t>(target) - static_cast<uint64_t>(like.min_integer);
  if (distance > room) return std::nullopt;
  return static_cast<int64_t>(static_cast<uint64_t>(target) - distance);
}

std::optional<int64_t> TowardTarget(const Choice& integer, uint64_t steps) {
  uint64_t distance = DistanceFromTarget(integer, integer.integer);
  if (distance < steps) return std::nullopt;
  return AtDistance(integer, distance - steps,
                    integer.integer >= ShrinkTarget(integer));
}

ChoiceSequence Without(const ChoiceSequence& choices, size_t start,
                       size_t end) {
  ChoiceSequence result(choices.begin(), choices.begin() + start);
  result.insert(result.end(), choices.begin() + end, choices.end());
  return result;
}

ChoiceSequence WithChoiceAt(ChoiceSequence choices, size_t i, Choice choice) {
  if (i < choices.size()) choices[i] = std::move(choice);
  return choices;
}

ChoiceSequence DecrementedAfter(ChoiceSequence choices, size_t from) {
  for (size_t i = from; i < choices.size(); ++i) {
    Choice& choice = choices[i];
    if (choice.kind != ChoiceKind::kInteger) continue;
    int64_t target = ShrinkTarget(choice);
    if (choice.integer > target) --choice.integer;
    if (choice.integer < target) ++choice.integer;
  }
  return choices;
}

}  // namespace lockstep::engine
