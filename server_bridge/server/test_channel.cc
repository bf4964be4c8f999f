#include "server_bridge/server/test_channel.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace lockstep::server {

TestChannel::Awaited* TestChannel::FindAwaited(uint64_t id) {
  for (Awaited& awaited : awaited_) {
    if (awaited.id == id) return &awaited;
  }
  return nullptr;
}

std::string TestChannel::AwaitedIds() const {
  if (awaited_.empty()) return "none";
  return absl::StrJoin(awaited_, " and ",
                       [](std::string* out, const Awaited& awaited) {
                         absl::StrAppend(out, awaited.id);
                       });
}

absl::Status TestChannel::Deliver(const Packet& packet) {
  absl::MutexLock lock(&mu_);
  if (!closed_reason_.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("channel ", id_, " is closed"));
  }
  switch (packet.body_case()) {
    case Packet::kRunResult: {
      Awaited* awaited =
          packet.reply_to() == 0 ? nullptr : FindAwaited(packet.reply_to());
      if (awaited == nullptr || awaited->result.has_value()) {
        return absl::InvalidArgumentError(
            absl::StrCat("run result replies to message ", packet.reply_to(),
                         ", but the directives in flight on channel ", id_,
                         " are ", AwaitedIds()));
      }
      awaited->result = packet.run_result();
      return absl::OkStatus();
    }
    case Packet::kCloseChannel:
      closed_reason_ = "the client closed the channel";
      return absl::OkStatus();
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          "a test channel accepts run_result and close_channel, not body ",
          static_cast<int>(packet.body_case())));
  }
}

absl::StatusOr<uint64_t> TestChannel::Send(
    const engine::v1::Directive& directive) {
  Packet packet;
  packet.set_channel(id_);
  packet.set_message_id(writer_->ReserveId());
  *packet.mutable_directive() = directive;
  {
    absl::MutexLock lock(&mu_);
    if (!closed_reason_.empty()) return absl::CancelledError(closed_reason_);
    if (awaited_.size() >= kMaxInFlight) {
      return absl::InternalError(
          absl::StrCat("the engine sent more than ", kMaxInFlight,
                       " directives at once on channel ", id_));
    }
    awaited_.push_back(Awaited{packet.message_id(), std::nullopt});
  }
  if (!writer_->Write(packet)) {
    Close("the connection is gone");
  }
  return packet.message_id();
}

absl::StatusOr<engine::v1::RunResult> TestChannel::Await(uint64_t id) {
  absl::MutexLock lock(&mu_);
  auto arrived_or_closed = [this, id]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    Awaited* awaited = FindAwaited(id);
    return awaited == nullptr || awaited->result.has_value() ||
           !closed_reason_.empty();
  };
  mu_.Await(absl::Condition(&arrived_or_closed));
  Awaited* awaited = FindAwaited(id);
  if (awaited == nullptr) {
    return absl::InternalError(
        absl::StrCat("no directive ", id, " is in flight on channel ", id_));
  }
  if (!awaited->result.has_value()) {
    return absl::CancelledError(closed_reason_);
  }
  engine::v1::RunResult result = std::move(*awaited->result);
  awaited_.erase(awaited_.begin() + (awaited - awaited_.data()));
  return result;
}

absl::StatusOr<engine::v1::RunResult> TestChannel::Run(
    const engine::v1::Directive& directive) {
  absl::StatusOr<uint64_t> id = Send(directive);
  if (!id.ok()) return id.status();
  return Await(*id);
}

void TestChannel::Close(const std::string& reason) {
  absl::MutexLock lock(&mu_);
  if (closed_reason_.empty()) closed_reason_ = reason;
}

}  // namespace lockstep::server
