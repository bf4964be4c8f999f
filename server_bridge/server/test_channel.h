// One running test's channel: the worker sends a directive and waits for the
// client's run result; the connection's reader thread delivers that result.
//
// Inbox policy: the engine keeps one directive in flight per test, so the
// channel holds at most one result. A packet that does not answer the
// directive in flight is refused (the reader replies with a protocol error)
// and never queued, so the reader never blocks and nothing is dropped
// silently.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_CHANNEL_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_CHANNEL_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "server_bridge/server/packet_writer.h"

namespace lockstep::server {

class TestChannel {
 public:
  TestChannel(uint32_t id, PacketWriter* writer) : id_(id), writer_(writer) {}

  uint32_t id() const { return id_; }

  // Reader thread: a packet for this channel. Never blocks. An error is the
  // ProtocolError to send back: its message says what was wrong.
  absl::Status Deliver(const Packet& packet) ABSL_LOCKS_EXCLUDED(mu_);

  // Worker thread: sends `directive` and waits for the client's result.
  // Fails once the channel is closed (by the client, or the connection
  // ending).
  absl::StatusOr<engine::v1::RunResult> Run(
      const engine::v1::Directive& directive) ABSL_LOCKS_EXCLUDED(mu_);

  // Closes the channel and wakes a waiting worker.
  void Close(const std::string& reason) ABSL_LOCKS_EXCLUDED(mu_);
  bool closed() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  bool ResultReadyOrClosed() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return result_.has_value() || !closed_reason_.empty();
  }

  const uint32_t id_;
  PacketWriter* const writer_;
  mutable absl::Mutex mu_;
  uint64_t awaiting_ ABSL_GUARDED_BY(mu_) = 0;  // id of the directive in flight
  std::optional<engine::v1::RunResult> result_ ABSL_GUARDED_BY(mu_);
  std::string closed_reason_ ABSL_GUARDED_BY(mu_);  // non-empty once closed
};

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_CHANNEL_H_
