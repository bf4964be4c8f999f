// One running test's channel: the worker sends directives and waits for the
// client's run results; the connection's reader thread delivers them.
//
// Inbox policy: the engine keeps at most kMaxInFlight directives in flight
// per test (two generation batches, so that the client runs one while the
// engine reads the other's results), and the channel holds at most one
// result per directive in flight. A packet that does not answer a directive
// in flight is refused (the reader replies with a protocol error) and never
// queued, so the reader never blocks and nothing is dropped silently.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_CHANNEL_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_CHANNEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "server_bridge/engine/test_function.h"
#include "server_bridge/server/packet_writer.h"

namespace lockstep::server {

class TestChannel {
 public:
  static constexpr size_t kMaxInFlight = engine::BatchRunner::kMaxInFlight;

  TestChannel(uint32_t id, PacketWriter* writer) : id_(id), writer_(writer) {}

  uint32_t id() const { return id_; }

  // Reader thread: a packet for this channel. Never blocks. An error is the
  // ProtocolError to send back: its message says what was wrong.
  absl::Status Deliver(const Packet& packet) ABSL_LOCKS_EXCLUDED(mu_);

  // Worker thread: sends `directive`; its id, for Await. At most
  // kMaxInFlight directives may await their results. Fails once the channel
  // is closed (by the client, or the connection ending).
  absl::StatusOr<uint64_t> Send(const engine::v1::Directive& directive)
      ABSL_LOCKS_EXCLUDED(mu_);
  // Worker thread: waits for the result of the directive sent as `id`.
  absl::StatusOr<engine::v1::RunResult> Await(uint64_t id)
      ABSL_LOCKS_EXCLUDED(mu_);
  // Send, then Await.
  absl::StatusOr<engine::v1::RunResult> Run(
      const engine::v1::Directive& directive) ABSL_LOCKS_EXCLUDED(mu_);

  // Closes the channel and wakes a waiting worker.
  void Close(const std::string& reason) ABSL_LOCKS_EXCLUDED(mu_);

 private:
  // A directive in flight and, once it came, its result.
  struct Awaited {
    uint64_t id = 0;
    std::optional<engine::v1::RunResult> result;
  };

  Awaited* FindAwaited(uint64_t id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  std::string AwaitedIds() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const uint32_t id_;
  PacketWriter* const writer_;
  mutable absl::Mutex mu_;
  std::vector<Awaited> awaited_ ABSL_GUARDED_BY(mu_);  // in sending order
  std::string closed_reason_ ABSL_GUARDED_BY(mu_);     // non-empty once closed
};

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_TEST_CHANNEL_H_
