// Keys of choice values in the engine's trees of runs (DataTree, KnownRuns)
// and of whole sequences in the shrinker's set of candidates tried: equal
// values, equal keys.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_CHOICE_KEY_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_CHOICE_KEY_H_

#include <string>

#include "server_bridge/protocol/choice.h"

namespace lockstep::engine {

// One choice's key: its kind and value (not its constraints).
std::string ChoiceKey(const protocol::Choice& choice);
// A sequence's key: its choices' keys, in order.
std::string Fingerprint(const protocol::ChoiceSequence& choices);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_CHOICE_KEY_H_
