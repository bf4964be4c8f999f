#include "server_bridge/server/engine_connection.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "server_bridge/protocol/defaults.h"
#include "server_bridge/server/log.h"
#include "server_bridge/server/test_worker.h"
#include "server_bridge/server/wire_conversion.h"

namespace lockstep::server {

EngineConnection::EngineConnection(PacketStream* stream,
                                   ConnectionLimits limits)
    : stream_(stream), limits_(limits), writer_(stream) {}

EngineConnection::~EngineConnection() { CloseChannelsAndJoinWorkers(); }

void EngineConnection::CloseChannelsAndJoinWorkers() {
  {
    absl::MutexLock lock(&mu_);
    for (auto& [id, channel] : channels_)
      channel->Close("the connection ended");
  }
  for (Worker& worker : workers_) {
    if (worker.thread.joinable()) worker.thread.join();
  }
  workers_.clear();
}

grpc::Status EngineConnection::Serve() {
  Packet packet;
  while (stream_->Read(&packet)) HandlePacket(packet);
  Log("client ended the stream; closing its tests");
  CloseChannelsAndJoinWorkers();
  return grpc::Status::OK;
}

void EngineConnection::SendError(uint32_t channel, uint64_t reply_to,
                                 const std::string& code,
                                 const std::string& message) {
  Packet packet;
  packet.set_channel(channel);
  packet.set_reply_to(reply_to);
  packet.mutable_error()->set_code(code);
  packet.mutable_error()->set_message(message);
  Log(absl::StrCat("protocol error on channel ", channel, ": ", code, ": ",
                   message));
  writer_.Write(std::move(packet));
}

std::shared_ptr<TestChannel> EngineConnection::FindChannel(uint32_t id) {
  absl::MutexLock lock(&mu_);
  auto it = channels_.find(id);
  return it == channels_.end() ? nullptr : it->second;
}

void EngineConnection::HandlePacket(const Packet& packet) {
  if (packet.channel() == 0) {
    HandleControl(packet);
    return;
  }
  if (!handshake_done_) {
    SendError(packet.channel(), packet.message_id(), "handshake_required",
              "send hello on channel 0 first");
    return;
  }
  std::shared_ptr<TestChannel> channel = FindChannel(packet.channel());
  if (channel == nullptr) {
    SendError(packet.channel(), packet.message_id(), "unknown_channel",
              absl::StrCat("no test is running on channel ", packet.channel()));
    return;
  }
  absl::Status delivered = channel->Deliver(packet);
  if (!delivered.ok()) {
    SendError(packet.channel(), packet.message_id(),
              absl::IsFailedPrecondition(delivered) ? "closed_channel"
                                                    : "unexpected_packet",
              std::string(delivered.message()));
    return;
  }
  if (packet.body_case() == Packet::kCloseChannel) {
    absl::MutexLock lock(&mu_);
    channels_.erase(packet.channel());
  }
}

void EngineConnection::HandleControl(const Packet& packet) {
  switch (packet.body_case()) {
    case Packet::kHello: {
      const engine::v1::Hello& hello = packet.hello();
      uint32_t version =
          std::min(hello.max_version(), protocol::kMaxProtocolVersion);
      if (hello.min_version() > hello.max_version() ||
          version < protocol::kMinProtocolVersion ||
          version < hello.min_version()) {
        // A client older than version 4 could not mark the case it runs,
        // and a crash would lose it: say so.
        bool older = hello.max_version() < protocol::kMinProtocolVersion;
        SendError(
            0, packet.message_id(), "version_mismatch",
            absl::StrCat("the client speaks protocol versions ",
                         hello.min_version(), " to ", hello.max_version(),
                         "; this engine speaks ", protocol::kMinProtocolVersion,
                         " to ", protocol::kMaxProtocolVersion,
                         older ? " (version 4 added crash records and "
                                 "isolation: update the client)"
                               : ""));
        return;
      }
      handshake_done_ = true;
      protocol_version_ = version;
      Log(absl::StrCat("client '", hello.client(), "' connected, protocol ",
                       version));
      Packet welcome;
      welcome.set_reply_to(packet.message_id());
      welcome.mutable_welcome()->set_version(version);
      welcome.mutable_welcome()->set_engine("lockstep-engine");
      writer_.Write(std::move(welcome));
      return;
    }
    case Packet::kStartTest:
      if (!handshake_done_) {
        SendError(0, packet.message_id(), "handshake_required",
                  "send hello on channel 0 first");
        return;
      }
      StartTest(packet);
      return;
    default:
      SendError(
          0, packet.message_id(), "unexpected_packet",
          absl::StrCat("channel 0 accepts hello and start_test, not body ",
                       static_cast<int>(packet.body_case())));
  }
}

void EngineConnection::ReapFinishedWorkers() {
  for (auto it = workers_.begin(); it != workers_.end();) {
    if (it->done->load(std::memory_order_acquire)) {
      it->thread.join();
      it = workers_.erase(it);
    } else {
      ++it;
    }
  }
}

void EngineConnection::StartTest(const Packet& packet) {
  ReapFinishedWorkers();
  if (static_cast<int>(workers_.size()) >= limits_.max_running_tests) {
    SendError(0, packet.message_id(), "too_many_tests",
              absl::StrCat("this connection already runs ", workers_.size(),
                           " tests; the limit is ", limits_.max_running_tests));
    return;
  }
  uint32_t id = next_channel_++;
  auto channel = std::make_shared<TestChannel>(id, &writer_);
  {
    absl::MutexLock lock(&mu_);
    channels_[id] = channel;
  }
  Packet started;
  started.set_reply_to(packet.message_id());
  started.mutable_test_started()->set_channel(id);
  writer_.Write(std::move(started));

  std::string name = packet.start_test().name();
  engine::Settings settings = FromWire(packet.start_test().settings());
  auto done = std::make_shared<std::atomic<bool>>(false);
  PacketWriter* writer = &writer_;
  bool batches = protocol_version_ >= 2;
  CaseWatch watch{limits_.progress, packet.start_test().progress_slot()};
  workers_.push_back(Worker{
      std::thread([name, settings, channel, writer, done, batches, watch] {
        RunTestWorker(name, settings, channel, writer, batches, watch);
        done->store(true, std::memory_order_release);
      }),
      done});
}

}  // namespace lockstep::server
