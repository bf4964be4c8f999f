// An RPC channel with a background reconnect loop. The channel keeps a
// failure-message callback that the reconnect thread invokes when it gives
// up on an endpoint; the control plane can retarget the channel at runtime.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace rpc {

struct Status {
  int code = 0;
  std::string message;
  bool ok() const { return code == 0; }
};

struct Endpoint {
  std::string host;
  uint16_t port = 0;
};

class Dialer {
 public:
  virtual ~Dialer() = default;
  virtual Status Dial(const Endpoint& ep) = 0;
};

class RpcChannel {
 public:
  RpcChannel(Dialer* dialer, std::string target, Endpoint endpoint)
      : dialer_(dialer), target_(std::move(target)), endpoint_(std::move(endpoint)) {}
  ~RpcChannel() { Stop(); }

  void Start() {
    on_give_up_ = [this](const Status& s) {
      return "channel to " + target_ + " gave up: " + s.message;  // EXPECT: concurrency-closure-captures-mutable
    };
    reconnect_thread_ = std::thread(&RpcChannel::ReconnectLoop, this);
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (reconnect_thread_.joinable()) reconnect_thread_.join();
  }

  // Control plane: point the channel at a new backend.
  void Retarget(std::string target, Endpoint endpoint) {
    std::lock_guard<std::mutex> lock(mu_);
    target_ = std::move(target);
    endpoint_ = std::move(endpoint);
    connected_ = false;
    cv_.notify_all();
  }

  void MarkBroken() {
    std::lock_guard<std::mutex> lock(mu_);
    connected_ = false;
    cv_.notify_all();
  }

  bool connected() {
    std::lock_guard<std::mutex> lock(mu_);
    return connected_;
  }

 private:
  void ReconnectLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    int attempts = 0;
    while (!stopping_) {
      if (connected_) {
        cv_.wait(lock);
        continue;
      }
      const Endpoint ep = endpoint_;
      lock.unlock();
      Status s = dialer_->Dial(ep);
      lock.lock();
      if (s.ok()) {
        connected_ = true;
        attempts = 0;
        continue;
      }
      if (++attempts >= kMaxAttempts) {
        lock.unlock();
        std::cerr << on_give_up_(s) << "\n";
        lock.lock();
        attempts = 0;
      }
      cv_.wait_for(lock, Backoff(attempts));
    }
  }

  static std::chrono::milliseconds Backoff(int attempts) {
    return std::chrono::milliseconds(100) * (1 << std::min(attempts, 6));
  }

  static constexpr int kMaxAttempts = 5;

  Dialer* const dialer_;
  std::function<std::string(const Status&)> on_give_up_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::string target_;
  Endpoint endpoint_;
  bool connected_ = false;
  bool stopping_ = false;
  std::thread reconnect_thread_;
};

}  // namespace rpc
