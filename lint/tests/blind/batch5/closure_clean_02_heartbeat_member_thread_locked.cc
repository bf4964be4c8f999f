// Cluster membership heartbeat sender.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
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

  void SetPeers(std::vector<Peer> peers) {
    std::lock_guard<std::mutex> lock(mu_);
    peers_ = std::move(peers);
  }

  void SetInterval(std::chrono::milliseconds interval) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      interval_ = interval;
    }
    cv_.notify_all();
  }

  void Start() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = false;
    }
    thread_ = std::thread(&HeartbeatSender::Run, this);
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  uint64_t sent() const { return sent_.load(); }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stopping_) {
      std::vector<Peer> peers = peers_;
      std::chrono::milliseconds interval = interval_;
      lock.unlock();
      for (const Peer& peer : peers) {
        std::string payload = self_ + "#" + std::to_string(peer.incarnation);
        if (send_(peer.address, payload)) sent_.fetch_add(1);
      }
      lock.lock();
      cv_.wait_for(lock, interval, [this] { return stopping_; });
    }
  }

  const std::string self_;
  const SendFn send_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Peer> peers_;
  std::chrono::milliseconds interval_{500};
  bool stopping_ = false;

  std::atomic<uint64_t> sent_{0};
  std::thread thread_;
};

}  // namespace membership
