// The engine's order of simplicity over choices and choice sequences: what
// shrinking moves toward. The client never needs it.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_SIMPLICITY_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_SIMPLICITY_H_

#include "server_bridge/protocol/choice.h"

namespace lockstep::engine {

// Orders two choices of the same kind and constraints by simplicity:
// negative when a is simpler than b. Integers: distance from the shrink
// target, then positive before negative. Floats: finite before infinite
// before NaN, integral before fractional, then magnitude, then sign.
// Booleans: false first. Bytes: shorter first, then lexicographic.
int CompareSimplicity(const protocol::Choice& a, const protocol::Choice& b);

// Shortlex order over sequences: shorter is simpler; equal lengths compare
// choice by choice. The engine only ever replaces a failing case with one
// that is strictly smaller in this order, so shrinking terminates.
bool ShortlexLess(const protocol::ChoiceSequence& a,
                  const protocol::ChoiceSequence& b);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_SIMPLICITY_H_
