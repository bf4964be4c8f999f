// One gRPC stream to the engine, shared by every test in the process.
//
// The stream's one reader thread (PacketStream) files each packet into its
// test channel's inbox (or, for control replies, by the message id it
// answers) and never blocks on a slow consumer; writes are serialized by the
// stream. When the stream ends -- the engine died or
// closed it -- every waiter fails at once; if the engine process has exited,
// the error quotes its exit and log tail (read after the process-exit
// notification, never computed by a closure later).
//
// Inbox policy: the engine keeps at most two directives in flight per test,
// so an inbox holds a packet or two. An inbox that reaches kMaxInbox
// unanswered packets marks its channel failed ("the engine flooded channel
// N") and drops further packets for it: the test fails with that error
// instead of the process growing without bound or the reader blocking.
#ifndef LOCKSTEP_CLIENT_CONNECTION_H_
#define LOCKSTEP_CLIENT_CONNECTION_H_

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "client/packet_stream.h"
#include "client/process_exit.h"
#include "server_bridge/proto/engine.grpc.pb.h"
#include "server_bridge/protocol/defaults.h"

namespace lockstep::client {

class Connection {
 public:
  static constexpr size_t kMaxInbox = 1024;

  // Runs gRPC over `fd` (taking ownership), opens the stream and shakes
  // hands. `exit` says how the engine ended, once it has.
  static absl::StatusOr<std::unique_ptr<Connection>> Open(
      int fd, std::shared_ptr<const ProcessExit> exit, absl::Duration timeout);

  // Ends the stream and joins the reader.
  ~Connection();

  // Starts a test; its channel.
  absl::StatusOr<uint32_t> StartTest(const engine::v1::StartTest& start,
                                     absl::Duration timeout)
      ABSL_LOCKS_EXCLUDED(mu_);
  // The next packet on `channel`.
  absl::StatusOr<Packet> Receive(uint32_t channel, absl::Duration timeout)
      ABSL_LOCKS_EXCLUDED(mu_);
  // Sends on `channel`; false once the stream is gone.
  bool Send(uint32_t channel, uint64_t reply_to, Packet packet);
  // Sends close_channel and forgets the channel.
  void CloseChannel(uint32_t channel) ABSL_LOCKS_EXCLUDED(mu_);

  // True once the stream has ended.
  bool broken() const ABSL_LOCKS_EXCLUDED(mu_);
  // The same without the mutex, cheap enough to ask before every case of a
  // batch: a Check stops running cases as soon as the engine is gone.
  bool ended() const { return ended_.load(std::memory_order_acquire); }
  // The error a test fails with once the stream has ended: the engine's exit
  // and log tail when it has exited (waiting up to a second for them).
  absl::Status Lost() const { return LostError(); }

 private:
  explicit Connection(std::shared_ptr<const ProcessExit> exit);
  // The reader thread's handlers.
  void Dispatch(Packet packet) ABSL_LOCKS_EXCLUDED(mu_);
  void EndOfStream() ABSL_LOCKS_EXCLUDED(mu_);
  // Waits for a control reply to `message_id`.
  absl::StatusOr<Packet> AwaitReply(uint64_t message_id, absl::Duration timeout)
      ABSL_LOCKS_EXCLUDED(mu_);
  // The error for a waiter whose stream ended: the engine's exit, if it has
  // exited (waiting briefly for the monitor to publish it).
  absl::Status LostError() const;

  const std::shared_ptr<const ProcessExit> exit_;

  mutable absl::Mutex mu_;
  // Signalled with mu_ held whenever a box below changes.
  absl::CondVar arrived_;
  std::map<uint32_t, std::deque<Packet>> inboxes_ ABSL_GUARDED_BY(mu_);
  std::map<uint32_t, std::string> failed_channels_ ABSL_GUARDED_BY(mu_);
  std::map<uint64_t, Packet> control_replies_ ABSL_GUARDED_BY(mu_);
  // Packets for channels this client never opened, for the error of a
  // Receive that then times out.
  uint64_t stray_packets_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t last_stray_channel_ ABSL_GUARDED_BY(mu_) = 0;
  bool stream_ended_ ABSL_GUARDED_BY(mu_) = false;
  // stream_ended_ for readers without mu_: set (release) by the reader
  // thread in EndOfStream, read (acquire) by ended().
  std::atomic<bool> ended_{false};

  // Set once by Open, before any other thread sees the connection. Declared
  // last so that it is destroyed first: its reader thread calls Dispatch.
  std::unique_ptr<PacketStream> stream_;
};

}  // namespace lockstep::client

#endif  // LOCKSTEP_CLIENT_CONNECTION_H_
