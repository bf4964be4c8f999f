// Heartbeat publisher: the detached thread's loop reads an atomic stop flag
// shared through a shared_ptr, so Stop() ends it; a second detached thread
// does one bounded piece of work and returns.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace heartbeat {

inline void Publish(const std::string& node) { (void)node; }

class HeartbeatPublisher {
 public:
  explicit HeartbeatPublisher(std::string node) : node_(std::move(node)) {}

  void Start() {
    auto stop = stop_;
    const std::string node = node_;
    std::thread beat([stop, node] {
      while (!stop->load(std::memory_order_acquire)) {
        Publish(node);
        std::this_thread::sleep_for(std::chrono::seconds(1));
      }
    });
    beat.detach();

    std::thread announce([node] {
      for (int attempt = 0; attempt < 3; ++attempt) Publish(node + ":hello");
    });
    announce.detach();
  }

  void Stop() { stop_->store(true, std::memory_order_release); }

 private:
  const std::string node_;
  std::shared_ptr<std::atomic<bool>> stop_ = std::make_shared<std::atomic<bool>>(false);
  std::mutex mu_;
};

}  // namespace heartbeat
