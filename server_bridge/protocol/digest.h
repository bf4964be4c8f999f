// The run digest: how a summarized batched run identifies its choice
// sequence (PROTOCOL.md "Generation batches").
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_DIGEST_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_DIGEST_H_

#include <cstdint>

#include "server_bridge/protocol/choice.h"

namespace lockstep::protocol {

// A 64-bit digest of the sequence's kinds and values (not its constraints):
// equal sequences have equal digests, and distinct ones collide with
// probability about 2^-64. Summarized batched runs carry it; PROTOCOL.md
// specifies it so that a client in any language computes the same.
uint64_t Digest(const ChoiceSequence& choices);

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_DIGEST_H_
