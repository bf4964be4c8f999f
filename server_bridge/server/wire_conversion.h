// Conversion of settings and reports between the wire protocol (engine.proto)
// and the engine's types. Test cases: //server_bridge/wire.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_WIRE_CONVERSION_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_WIRE_CONVERSION_H_

#include "absl/status/statusor.h"
#include "server_bridge/engine/engine.h"
#include "server_bridge/engine/test_case.h"
#include "server_bridge/proto/engine.pb.h"

namespace lockstep::server {

// Protocol versions this engine speaks.
inline constexpr uint32_t kMinProtocolVersion = 1;
inline constexpr uint32_t kMaxProtocolVersion = 2;

// The example database when a test names none.
inline constexpr char kDefaultDatabase[] = ".lockstep/examples";

engine::Settings FromWire(const engine::v1::Settings& wire);
engine::v1::TestReport ToWire(const engine::Report& report);

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_WIRE_CONVERSION_H_
