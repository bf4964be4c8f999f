#include "client/packet_stream.h"

#include <utility>

namespace lockstep::client {

PacketStream::PacketStream(std::shared_ptr<grpc::Channel> channel,
                           PacketHandler on_packet, EndHandler on_end)
    : channel_(std::move(channel)),
      stub_(engine::v1::Engine::NewStub(channel_)),
      on_packet_(std::move(on_packet)),
      on_end_(std::move(on_end)) {
  stream_ = stub_->Connect(&context_);
  reader_ = std::thread([this] { ReadLoop(); });
}

PacketStream::~PacketStream() {
  WritesDone();
  context_.TryCancel();
  reader_.join();
}

void PacketStream::ReadLoop() {
  Packet packet;
  while (stream_->Read(&packet)) on_packet_(std::move(packet));
  on_end_();
}

uint64_t PacketStream::Write(Packet packet) {
  absl::MutexLock lock(&writer_mu_);
  if (writes_done_) return 0;
  if (packet.message_id() == 0) packet.set_message_id(next_message_id_++);
  return stream_->Write(packet) ? packet.message_id() : 0;
}

void PacketStream::WritesDone() {
  absl::MutexLock lock(&writer_mu_);
  if (writes_done_) return;
  writes_done_ = true;
  stream_->WritesDone();
}

}  // namespace lockstep::client
