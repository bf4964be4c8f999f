// Conversion between choices and their protobuf form (choices.proto): the
// wire's and the example database's.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_PROTO_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_PROTO_H_

#include "absl/status/statusor.h"
#include "server_bridge/proto/choices.pb.h"
#include "server_bridge/protocol/choice.h"

namespace lockstep::protocol {

engine::v1::Choice ToProto(const Choice& choice);
// Fails, naming the problem, for a choice with no kind or whose value
// violates its constraints.
absl::StatusOr<Choice> FromProto(const engine::v1::Choice& proto);

engine::v1::ChoiceSequence ToProto(const ChoiceSequence& choices);
absl::StatusOr<ChoiceSequence> FromProto(
    const engine::v1::ChoiceSequence& proto);

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_PROTO_H_
