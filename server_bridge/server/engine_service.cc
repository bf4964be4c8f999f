#include "server_bridge/server/engine_service.h"

namespace lockstep::server {

grpc::Status EngineService::Connect(
    grpc::ServerContext* /*context*/,
    grpc::ServerReaderWriter<Packet, Packet>* stream) {
  grpc::Status status;
  {
    EngineConnection connection(stream, limits_);
    status = connection.Serve();
  }
  if (on_stream_end_) on_stream_end_();
  return status;
}

}  // namespace lockstep::server
