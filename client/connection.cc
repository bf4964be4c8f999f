#include "client/connection.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel_posix.h"

namespace lockstep::client {

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(
    int fd, std::shared_ptr<const ProcessExit> exit, absl::Duration timeout) {
  auto connection =
      std::unique_ptr<Connection>(new Connection(std::move(exit)));
  Connection* self = connection.get();
  connection->stream_ = std::make_unique<PacketStream>(
      grpc::CreateInsecureChannelFromFd("lockstep-engine", fd),
      [self](Packet packet) { self->Dispatch(std::move(packet)); },
      [self] { self->EndOfStream(); });

  Packet hello;
  hello.mutable_hello()->set_min_version(protocol::kMinProtocolVersion);
  hello.mutable_hello()->set_max_version(protocol::kMaxProtocolVersion);
  hello.mutable_hello()->set_client("lockstep C++ client");
  uint64_t id = connection->stream_->Write(std::move(hello));
  if (id == 0) return connection->LostError();
  absl::StatusOr<Packet> reply = connection->AwaitReply(id, timeout);
  if (!reply.ok()) return reply.status();
  if (reply->has_error()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the lockstep engine refused the handshake: ", reply->error().code(),
        ": ", reply->error().message()));
  }
  if (!reply->has_welcome() ||
      reply->welcome().version() < protocol::kMinProtocolVersion ||
      reply->welcome().version() > protocol::kMaxProtocolVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("the lockstep engine answered the handshake with an "
                     "unexpected packet: ",
                     reply->ShortDebugString()));
  }
  return connection;
}

Connection::Connection(std::shared_ptr<const ProcessExit> exit)
    : exit_(std::move(exit)) {}

// The stream (declared last) is destroyed first: it ends the writing side,
// cancels and joins the reader before the boxes it fills go away.
Connection::~Connection() = default;

void Connection::Dispatch(Packet packet) {
  absl::MutexLock lock(&mu_);
  if (packet.channel() == 0) {
    // Open the test's inbox here, on the reader thread: the engine's first
    // directive follows test_started on the stream and must not find the
    // channel unknown while StartTest() is still waking up.
    if (packet.has_test_started()) inboxes_[packet.test_started().channel()];
    control_replies_[packet.reply_to()] = std::move(packet);
  } else if (failed_channels_.count(packet.channel()) > 0) {
    // Already failed by the inbox policy: dropped, and the test knows why.
  } else if (auto box = inboxes_.find(packet.channel());
             box != inboxes_.end()) {
    if (box->second.size() >= kMaxInbox) {
      failed_channels_[packet.channel()] =
          absl::StrCat("the lockstep engine flooded channel ", packet.channel(),
                       " with ", kMaxInbox, " unanswered packets");
      box->second.clear();
    } else {
      box->second.push_back(std::move(packet));
    }
  } else {
    // A channel this client never opened: dropped, but counted, so that
    // a test that then times out can say the engine did send something.
    ++stray_packets_;
    last_stray_channel_ = packet.channel();
  }
  arrived_.SignalAll();
}

void Connection::EndOfStream() {
  absl::MutexLock lock(&mu_);
  stream_ended_ = true;
  ended_.store(true, std::memory_order_release);
  arrived_.SignalAll();
}

absl::Status Connection::LostError() const {
  // The stream usually ends a moment before the monitor reaps the process.
  std::string message =
      exit_ != nullptr ? exit_->MessageWithin(absl::Seconds(1)) : "";
  if (message.empty()) {
    return absl::UnavailableError(
        "the connection to the lockstep engine was lost");
  }
  return absl::UnavailableError(message);
}

bool Connection::broken() const {
  absl::MutexLock lock(&mu_);
  return stream_ended_;
}

absl::StatusOr<Packet> Connection::AwaitReply(uint64_t message_id,
                                              absl::Duration timeout) {
  absl::Time deadline = absl::Now() + timeout;
  {
    absl::MutexLock lock(&mu_);
    while (!stream_ended_) {
      auto reply = control_replies_.find(message_id);
      if (reply != control_replies_.end()) {
        Packet packet = std::move(reply->second);
        control_replies_.erase(reply);
        return packet;
      }
      if (arrived_.WaitWithDeadline(&mu_, deadline)) {
        return absl::DeadlineExceededError(
            absl::StrCat("the lockstep engine did not answer within ",
                         absl::FormatDuration(timeout)));
      }
    }
  }
  return LostError();  // outside mu_: it may wait for the process monitor
}

absl::StatusOr<uint32_t> Connection::StartTest(
    const engine::v1::StartTest& start, absl::Duration timeout) {
  Packet packet;
  *packet.mutable_start_test() = start;
  uint64_t id = stream_->Write(std::move(packet));
  if (id == 0) return LostError();
  absl::StatusOr<Packet> reply = AwaitReply(id, timeout);
  if (!reply.ok()) return reply.status();
  if (reply->has_error()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the lockstep engine refused the test: ", reply->error().code(), ": ",
        reply->error().message()));
  }
  if (!reply->has_test_started() || reply->test_started().channel() == 0) {
    return absl::InternalError(absl::StrCat(
        "the lockstep engine answered start_test with an unexpected packet: ",
        reply->ShortDebugString()));
  }
  return reply->test_started().channel();  // the reader opened its inbox
}

absl::StatusOr<Packet> Connection::Receive(uint32_t channel,
                                           absl::Duration timeout) {
  absl::Time deadline = absl::Now() + timeout;
  {
    absl::MutexLock lock(&mu_);
    for (;;) {
      if (auto failed = failed_channels_.find(channel);
          failed != failed_channels_.end()) {
        return absl::InternalError(failed->second);
      }
      auto box = inboxes_.find(channel);
      if (box == inboxes_.end()) {
        return absl::FailedPreconditionError(
            absl::StrCat("channel ", channel, " is not open"));
      }
      if (!box->second.empty()) {
        Packet packet = std::move(box->second.front());
        box->second.pop_front();
        return packet;
      }
      if (stream_ended_) break;
      if (arrived_.WaitWithDeadline(&mu_, deadline)) {
        std::string stray =
            stray_packets_ == 0
                ? ""
                : absl::StrCat("; it sent ", stray_packets_,
                               " packet(s) on channels never opened (the "
                               "last on channel ",
                               last_stray_channel_, ")");
        return absl::DeadlineExceededError(absl::StrCat(
            "the lockstep engine sent nothing on channel ", channel, " for ",
            absl::FormatDuration(timeout), stray));
      }
    }
  }
  return LostError();  // outside mu_: it may wait for the process monitor
}

bool Connection::Send(uint32_t channel, uint64_t reply_to, Packet packet) {
  packet.set_channel(channel);
  packet.set_reply_to(reply_to);
  return stream_->Write(std::move(packet)) != 0;
}

void Connection::CloseChannel(uint32_t channel) {
  Packet close;
  close.mutable_close_channel();
  Send(channel, 0, std::move(close));
  absl::MutexLock lock(&mu_);
  inboxes_.erase(channel);
  failed_channels_.erase(channel);
}

}  // namespace lockstep::client
