// Cluster membership heartbeat sender.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace membership {

struct Peer {
  std::string address;
  uint32_t incarnation = 0;
};

using SendFn = std::function<bool(const std::string& address, const std::string& payload)>;

class HeartbeatSender {
 public:
  HeartbeatSender(std::string self, SendFn send)
      : self_(std::move(self)), send_(std::move(send)) {}

  ~HeartbeatSender() { Stop(); }

  void SetPeers(std::vector<Peer> peers) { peers_ = std::move(peers); }

  // Adjusts the period while the sender runs (the failure detector speeds it
  // up when it suspects a peer).
  void SetInterval(std::chrono::milliseconds interval) { interval_ = interval; }

  void Start() {
    running_.store(true);
    thread_ = std::thread(&HeartbeatSender::Run, this);
  }

  void Stop() {
    running_.store(false);
    if (thread_.joinable()) thread_.join();
  }

  uint64_t sent() const { return sent_.load(); }

 private:
  void Run() {
    while (running_.load()) {
      for (const Peer& peer : peers_) {  // EXPECT: concurrency-closure-captures-mutable
        std::string payload = self_ + "#" + std::to_string(peer.incarnation);
        if (send_(peer.address, payload)) sent_.fetch_add(1);
      }
      std::this_thread::sleep_for(interval_);  // EXPECT: concurrency-closure-captures-mutable
    }
  }

  const std::string self_;
  const SendFn send_;
  std::vector<Peer> peers_;
  std::chrono::milliseconds interval_{500};
  std::atomic<bool> running_{false};
  std::atomic<uint64_t> sent_{0};
  std::thread thread_;
};

}  // namespace membership
