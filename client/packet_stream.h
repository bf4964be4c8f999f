// One Connect stream to the engine: the transport under Connection (and the
// engine's own end-to-end tests).
//
// Exactly one reader thread calls the stream's Read(); it hands each packet
// to `on_packet` and, once the stream has ended, calls `on_end` once. Every
// Write() and WritesDone() holds writer_mu_, since gRPC allows one writer at
// a time. The callbacks run on the reader thread and must not block on the
// stream's consumers.
#ifndef LOCKSTEP_CLIENT_PACKET_STREAM_H_
#define LOCKSTEP_CLIENT_PACKET_STREAM_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/grpcpp.h"
#include "server_bridge/proto/engine.grpc.pb.h"

namespace lockstep::client {

using Packet = engine::v1::Packet;

class PacketStream {
 public:
  using PacketHandler = std::function<void(Packet)>;
  using EndHandler = std::function<void()>;

  // Opens the stream over `channel` and starts the reader.
  PacketStream(std::shared_ptr<grpc::Channel> channel, PacketHandler on_packet,
               EndHandler on_end);
  // Ends the writing side, cancels the stream and joins the reader.
  ~PacketStream();
  PacketStream(const PacketStream&) = delete;
  PacketStream& operator=(const PacketStream&) = delete;

  // Sends `packet`, giving it the next message id unless it has one; that
  // id, or 0 once the stream cannot be written.
  uint64_t Write(Packet packet) ABSL_LOCKS_EXCLUDED(writer_mu_);
  // The client is done writing (the engine sees its client go).
  void WritesDone() ABSL_LOCKS_EXCLUDED(writer_mu_);

 private:
  void ReadLoop();

  // Set in the constructor, then only used: Read() by the reader thread,
  // Write()/WritesDone() under writer_mu_, TryCancel() by the destructor.
  const std::shared_ptr<grpc::Channel> channel_;
  const std::unique_ptr<engine::v1::Engine::Stub> stub_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReaderWriter<Packet, Packet>> stream_;
  const PacketHandler on_packet_;  // called by the reader thread only
  const EndHandler on_end_;

  absl::Mutex writer_mu_;
  uint64_t next_message_id_ ABSL_GUARDED_BY(writer_mu_) = 1;
  bool writes_done_ ABSL_GUARDED_BY(writer_mu_) = false;

  // The only caller of stream_->Read(); joined by ~PacketStream.
  std::thread reader_;
};

}  // namespace lockstep::client

#endif  // LOCKSTEP_CLIENT_PACKET_STREAM_H_
