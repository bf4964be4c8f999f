#include "server_bridge/tests/engine_test_client.h"

#include <utility>

#include "grpcpp/create_channel_posix.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/protocol/wire.h"

namespace lockstep::server::testing {

std::shared_ptr<grpc::Channel> ChannelToEngine(int client_fd) {
  return grpc::CreateInsecureChannelFromFd("lockstep-engine", client_fd);
}

EngineTestClient::EngineTestClient(
    std::shared_ptr<grpc::Channel> grpc_channel) {
  stream_ = std::make_unique<client::PacketStream>(
      std::move(grpc_channel),
      [this](Packet packet) {
        absl::MutexLock lock(&mu_);
        uint32_t channel = packet.channel();
        inbox_[channel].push_back(std::move(packet));
        arrived_.SignalAll();
      },
      [this] {
        absl::MutexLock lock(&mu_);
        stream_ended_ = true;
        arrived_.SignalAll();
      });
}

void EngineTestClient::Send(Packet packet) {
  stream_->Write(std::move(packet));
}

std::optional<Packet> EngineTestClient::Receive(uint32_t channel,
                                                absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  absl::Time deadline = absl::Now() + timeout;
  while (!stream_ended_ && inbox_[channel].empty() && absl::Now() < deadline) {
    arrived_.WaitWithDeadline(&mu_, deadline);
  }
  if (inbox_[channel].empty()) return std::nullopt;
  Packet packet = std::move(inbox_[channel].front());
  inbox_[channel].pop_front();
  return packet;
}

std::optional<Packet> EngineTestClient::AwaitControlReply(
    uint64_t message_id, absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  absl::Time deadline = absl::Now() + timeout;
  for (;;) {
    std::deque<Packet>& control = inbox_[0];
    for (auto it = control.begin(); it != control.end(); ++it) {
      if (it->reply_to() == message_id) {
        Packet reply = std::move(*it);
        control.erase(it);
        return reply;
      }
    }
    if (stream_ended_ || arrived_.WaitWithDeadline(&mu_, deadline)) {
      return std::nullopt;
    }
  }
}

std::optional<Packet> EngineTestClient::Hello(uint32_t min_version,
                                              uint32_t max_version) {
  Packet hello;
  hello.mutable_hello()->set_min_version(min_version);
  hello.mutable_hello()->set_max_version(max_version);
  hello.mutable_hello()->set_client("engine_test_client");
  uint64_t id = stream_->Write(std::move(hello));
  if (id == 0) return std::nullopt;
  return AwaitControlReply(id, absl::Seconds(30));
}

std::optional<engine::v1::TestReport> EngineTestClient::RunTest(
    const std::string& name, const engine::v1::Settings& settings,
    const protocol::CaseBody& body, int* directives) {
  Packet start;
  start.mutable_start_test()->set_name(name);
  *start.mutable_start_test()->mutable_settings() = settings;
  // Control replies for concurrent tests can arrive in any order: match ours
  // by the message id it replies to.
  uint64_t start_id = stream_->Write(std::move(start));
  if (start_id == 0) return std::nullopt;
  std::optional<Packet> started =
      AwaitControlReply(start_id, absl::Seconds(30));
  if (!started || !started->has_test_started()) return std::nullopt;
  uint32_t channel = started->test_started().channel();

  engine::TestFunction run = engine::PropertyFunction(body);
  engine::BatchFunction run_batch = engine::PropertyBatchFunction(body);
  for (;;) {
    std::optional<Packet> packet = Receive(channel);
    if (!packet) return std::nullopt;
    if (packet->has_test_report()) {
      Packet close;
      close.set_channel(channel);
      close.mutable_close_channel();
      Send(std::move(close));
      return packet->test_report();
    }
    if (!packet->has_directive()) continue;  // errors are checked by callers
    absl::StatusOr<protocol::Directive> directive =
        protocol::DirectiveFromWire(packet->directive());
    if (!directive.ok()) return std::nullopt;
    if (directives != nullptr) ++*directives;
    Packet reply;
    reply.set_channel(channel);
    reply.set_reply_to(packet->message_id());
    if (directive->batch_size > 0) {
      for (const protocol::Outcome& outcome : run_batch(*directive)) {
        *reply.mutable_run_result()->add_runs() = protocol::ToWire(outcome);
      }
    } else {
      *reply.mutable_run_result() = protocol::ToWire(run(*directive));
    }
    Send(std::move(reply));
  }
}

}  // namespace lockstep::server::testing
