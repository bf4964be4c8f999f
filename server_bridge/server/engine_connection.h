// Serves one Connect stream: the handshake, starting tests on channels, and
// routing each client packet to its channel. The gRPC handler thread that
// calls Serve() is the connection's only reader; test workers run on their
// own threads, bounded per connection, and are joined before Serve()
// returns.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_ENGINE_CONNECTION_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_ENGINE_CONNECTION_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/grpcpp.h"
#include "server_bridge/protocol/progress_page.h"
#include "server_bridge/server/packet_writer.h"
#include "server_bridge/server/test_channel.h"

namespace lockstep::server {

struct ConnectionLimits {
  int max_running_tests = 64;
  // The client's progress page (--progress_fd), for crash records; null
  // without one. Outlives every connection.
  const protocol::ProgressPage* progress = nullptr;
};

class EngineConnection {
 public:
  EngineConnection(PacketStream* stream, ConnectionLimits limits);
  ~EngineConnection();

  // Reads until the client ends the stream or the connection breaks; closes
  // every channel and joins every worker before returning.
  grpc::Status Serve();

 private:
  struct Worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;  // set by the worker as it ends
  };

  void HandlePacket(const Packet& packet);
  void HandleControl(const Packet& packet);
  void StartTest(const Packet& packet);
  void ReapFinishedWorkers();
  // Wakes every worker by closing its channel, then joins them all.
  void CloseChannelsAndJoinWorkers() ABSL_LOCKS_EXCLUDED(mu_);
  void SendError(uint32_t channel, uint64_t reply_to, const std::string& code,
                 const std::string& message);
  std::shared_ptr<TestChannel> FindChannel(uint32_t id)
      ABSL_LOCKS_EXCLUDED(mu_);

  PacketStream* const stream_;  // Read() only on the reader thread
  const ConnectionLimits limits_;
  PacketWriter writer_;
  // Owned by the reader thread (Serve).
  bool handshake_done_ = false;
  uint32_t protocol_version_ = 0;  // agreed in the handshake
  uint32_t next_channel_ = 1;
  std::vector<Worker> workers_;

  absl::Mutex mu_;
  absl::flat_hash_map<uint32_t, std::shared_ptr<TestChannel>> channels_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_ENGINE_CONNECTION_H_
