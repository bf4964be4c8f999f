// Conversion of the engine's own types, its settings and its report, to and
// from the wire (engine.proto). Test cases: server_bridge/protocol/wire.h.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_WIRE_CONVERSION_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_WIRE_CONVERSION_H_

#include "absl/status/statusor.h"
#include "server_bridge/engine/engine.h"
#include "server_bridge/proto/engine.pb.h"

namespace lockstep::server {

engine::Settings FromWire(const engine::v1::Settings& wire);
engine::v1::TestReport ToWire(const engine::Report& report);

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_WIRE_CONVERSION_H_
