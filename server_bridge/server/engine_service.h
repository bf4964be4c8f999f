// The gRPC service: each Connect stream is served by an EngineConnection.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_ENGINE_SERVICE_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_ENGINE_SERVICE_H_

#include <functional>

#include "grpcpp/grpcpp.h"
#include "server_bridge/proto/engine.grpc.pb.h"
#include "server_bridge/server/engine_connection.h"

namespace lockstep::server {

class EngineService final : public engine::v1::Engine::Service {
 public:
  // `on_stream_end` runs after each Connect stream ends (the fd mode exits
  // there: one client, one stream).
  EngineService(ConnectionLimits limits, std::function<void()> on_stream_end)
      : limits_(limits), on_stream_end_(std::move(on_stream_end)) {}

  grpc::Status Connect(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<Packet, Packet>* stream) override;

 private:
  const ConnectionLimits limits_;
  const std::function<void()> on_stream_end_;
};

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_ENGINE_SERVICE_H_
