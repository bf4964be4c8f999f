// A replication sender: one sender thread per follower plus a heartbeat
// thread. The class contract is that the owner calls Shutdown() before
// destroying it; the destructor calls it too, and Shutdown() wakes and joins
// every thread.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace repl {

struct Frame {
  uint64_t index;
  std::string payload;
};

class FollowerLink {
 public:
  virtual ~FollowerLink() = default;
  virtual bool Send(const Frame& f) = 0;
  virtual bool Ping() = 0;
};

class ReplicationSender {
 public:
  explicit ReplicationSender(std::vector<FollowerLink*> links) : links_(std::move(links)) {}

  ~ReplicationSender() { Shutdown(); }

  void Start() {
    std::lock_guard<std::mutex> lock(mu_);
    for (size_t i = 0; i < links_.size(); ++i) {
      senders_.emplace_back(&ReplicationSender::SendLoop, this, i);
    }
    heartbeat_ = std::thread(&ReplicationSender::HeartbeatLoop, this);
  }

  void Append(Frame f) {
    std::lock_guard<std::mutex> lock(mu_);
    log_.push_back(std::move(f));
    cv_.notify_all();
  }

  void Shutdown() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (shutdown_) return;
      shutdown_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : senders_) t.join();
    if (heartbeat_.joinable()) heartbeat_.join();
  }

 private:
  void SendLoop(size_t follower) {
    size_t next = 0;
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return shutdown_ || next < log_.size(); });
      if (shutdown_) return;
      Frame f = log_[next];
      lock.unlock();
      const bool ok = links_[follower]->Send(f);
      lock.lock();
      if (ok) ++next;
    }
  }

  void HeartbeatLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!shutdown_) {
      lock.unlock();
      for (FollowerLink* l : links_) l->Ping();
      lock.lock();
      cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return shutdown_; });
    }
  }

  const std::vector<FollowerLink*> links_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Frame> log_;
  bool shutdown_ = false;
  std::vector<std::thread> senders_;
  std::thread heartbeat_;
};

// In-process follower used by the single-node test cluster.
class LoopbackLink : public FollowerLink {
 public:
  bool Send(const Frame& f) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (f.index != received_ + 1 && received_ != 0) return false;
    received_ = f.index;
    return true;
  }
  bool Ping() override { return true; }
  uint64_t received() {
    std::lock_guard<std::mutex> lock(mu_);
    return received_;
  }

 private:
  std::mutex mu_;
  uint64_t received_ = 0;
};

}  // namespace repl
