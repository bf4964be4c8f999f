#include "server_bridge/server/test_channel.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace lockstep::server {

absl::Status TestChannel::Deliver(const Packet& packet) {
  absl::MutexLock lock(&mu_);
  if (!closed_reason_.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("channel ", id_, " is closed"));
  }
  switch (packet.body_case()) {
    case Packet::kRunResult:
      if (awaiting_ == 0 || packet.reply_to() != awaiting_ ||
          result_.has_value()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "run result replies to message ", packet.reply_to(),
            ", but the directive in flight on channel ", id_, " is ",
            awaiting_ == 0 ? std::string("none") : absl::StrCat(awaiting_)));
      }
      result_ = packet.run_result();
      return absl::OkStatus();
    case Packet::kCloseChannel:
      closed_reason_ = "the client closed the channel";
      return absl::OkStatus();
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          "a test channel accepts run_result and close_channel, not body ",
          static_cast<int>(packet.body_case())));
  }
}

absl::StatusOr<engine::v1::RunResult> TestChannel::Run(
    const engine::v1::Directive& directive) {
  Packet packet;
  packet.set_channel(id_);
  packet.set_message_id(writer_->ReserveId());
  *packet.mutable_directive() = directive;
  {
    absl::MutexLock lock(&mu_);
    if (!closed_reason_.empty()) return absl::CancelledError(closed_reason_);
    awaiting_ = packet.message_id();
    result_.reset();
  }
  if (!writer_->Write(packet)) {
    Close("the connection is gone");
  }
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(this, &TestChannel::ResultReadyOrClosed));
  awaiting_ = 0;
  if (!result_.has_value()) return absl::CancelledError(closed_reason_);
  engine::v1::RunResult result = std::move(*result_);
  result_.reset();
  return result;
}

void TestChannel::Close(const std::string& reason) {
  absl::MutexLock lock(&mu_);
  if (closed_reason_.empty()) closed_reason_ = reason;
}

bool TestChannel::closed() const {
  absl::MutexLock lock(&mu_);
  return !closed_reason_.empty();
}

}  // namespace lockstep::server
