// Serializes every write to a connection's stream: gRPC allows one writer
// at a time, and the engine's test workers write concurrently.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_PACKET_WRITER_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_PACKET_WRITER_H_

#include <atomic>
#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/support/sync_stream.h"
#include "server_bridge/proto/engine.pb.h"

namespace lockstep::server {

using Packet = engine::v1::Packet;
using PacketStream = grpc::ServerReaderWriterInterface<Packet, Packet>;

class PacketWriter {
 public:
  explicit PacketWriter(PacketStream* stream) : stream_(stream) {}

  // A fresh message id, for a packet whose reply must be expected before it
  // is written.
  uint64_t ReserveId() {
    return next_id_.fetch_add(1, std::memory_order_relaxed);
  }

  // Writes `packet`, giving it a message id if it has none. False once the
  // stream has failed (the client is gone); later writes are dropped.
  bool Write(Packet packet) ABSL_LOCKS_EXCLUDED(mu_);

 private:
  absl::Mutex mu_;
  PacketStream* const stream_ ABSL_PT_GUARDED_BY(mu_);
  bool broken_ ABSL_GUARDED_BY(mu_) = false;
  std::atomic<uint64_t> next_id_{1};  // relaxed: only uniqueness matters
};

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_PACKET_WRITER_H_
