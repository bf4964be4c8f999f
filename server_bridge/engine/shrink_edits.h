// The edits the shrink passes make to a choice sequence to build their
// candidates: cut a range out, put one choice in another's place, move
// integers toward their shrink targets.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_SHRINK_EDITS_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_SHRINK_EDITS_H_

#include <cstddef>
#include <cstdint>
#include <optional>

#include "server_bridge/protocol/choice.h"

namespace lockstep::engine {

// The integer at `distance` from `like`'s shrink target, above it or below
// it; nullopt when that is out of `like`'s bounds.
std::optional<int64_t> AtDistance(const protocol::Choice& like,
                                  uint64_t distance, bool above);

// The integer `steps` nearer `integer`'s shrink target than its value, on
// the same side; nullopt when it is nearer than that.
std::optional<int64_t> TowardTarget(const protocol::Choice& integer,
                                    uint64_t steps);

// `choices` without [start, end).
protocol::ChoiceSequence Without(const protocol::ChoiceSequence& choices,
                                 size_t start, size_t end);

// `choices` with `choice` at `i`; unchanged when `i` is past the end (a
// pass's index may outlive an improvement that made the run shorter, and an
// unchanged candidate is never smaller, so it costs no call).
protocol::ChoiceSequence WithChoiceAt(protocol::ChoiceSequence choices,
                                      size_t i, protocol::Choice choice);

// `choices` with every integer at or after `from` moved one step toward its
// shrink target.
protocol::ChoiceSequence DecrementedAfter(protocol::ChoiceSequence choices,
                                          size_t from);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_SHRINK_EDITS_H_
