// Replication client: the heartbeat timer thread sends a PING over conn_
// while Shutdown(), called from the control thread, closes and resets the
// connection. Only an atomic stop flag is shared, no lock.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace repl {

class Connection {
 public:
  explicit Connection(std::string peer) : peer_(std::move(peer)) {}
  bool Send(const std::string& frame) { return open_ && !frame.empty(); }
  void Close() { open_ = false; }
  const std::string& peer() const { return peer_; }

 private:
  std::string peer_;
  bool open_ = true;
};

class ReplicationClient {
 public:
  explicit ReplicationClient(std::string primary) : conn_(std::make_unique<Connection>(std::move(primary))) {}

  // Called by the heartbeat timer thread every second.
  bool SendHeartbeat() {
    if (stopping_.load(std::memory_order_acquire)) return false;
    const std::string ping = "PING " + std::to_string(seq_.fetch_add(1));
    return conn_->Send(ping);  // EXPECT: concurrency-use-after-close
  }

  // Called by the control thread.
  void Shutdown() {
    stopping_.store(true, std::memory_order_release);
    conn_->Close();
    conn_.reset();
  }

 private:
  std::unique_ptr<Connection> conn_;
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> seq_{0};
};

}  // namespace repl
