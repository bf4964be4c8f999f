// Conversion between the engine's choices and their protobuf form.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_PROTO_CONVERSION_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_PROTO_CONVERSION_H_

#include "absl/status/statusor.h"
#include "server_bridge/engine/choice.h"
#include "server_bridge/proto/choices.pb.h"

namespace lockstep::engine {

v1::Choice ToProto(const Choice& choice);
// Fails, naming the problem, for a choice with no kind or whose value
// violates its constraints.
absl::StatusOr<Choice> FromProto(const v1::Choice& proto);

v1::ChoiceSequence ToProto(const ChoiceSequence& choices);
absl::StatusOr<ChoiceSequence> FromProto(const v1::ChoiceSequence& proto);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_PROTO_CONVERSION_H_
