// Periodic snapshot writer. Its configuration is set before the thread is
// started and never changes afterwards; progress is only touched by the
// snapshot thread itself.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace snapshot {

bool WriteSnapshot(const std::string& dir, uint64_t generation);

class SnapshotScheduler {
 public:
  SnapshotScheduler(std::string dir, std::chrono::seconds period)
      : dir_(std::move(dir)), period_(period) {}

  ~SnapshotScheduler() { Stop(); }

  void Start(uint64_t first_generation) {
    generation_ = first_generation;
    label_ = "snapshots of " + dir_;
    thread_ = std::thread([this] {
      while (!stopping_.load(std::memory_order_acquire)) {
        if (WriteSnapshot(dir_, generation_)) {
          ++generation_;
          ++consecutive_ok_;
        } else {
          consecutive_ok_ = 0;
        }
        completed_.store(generation_, std::memory_order_release);
        std::unique_lock<std::mutex> lock(sleep_mu_);
        sleep_cv_.wait_for(lock, period_);
      }
    });
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(sleep_mu_);
      stopping_.store(true, std::memory_order_release);
    }
    sleep_cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  uint64_t completed_generation() const {
    return completed_.load(std::memory_order_acquire);
  }

 private:
  const std::string dir_;
  const std::chrono::seconds period_;
  std::string label_;
  uint64_t generation_ = 0;
  uint64_t consecutive_ok_ = 0;
  std::atomic<uint64_t> completed_{0};
  std::atomic<bool> stopping_{false};
  std::mutex sleep_mu_;
  std::condition_variable sleep_cv_;
  std::thread thread_;
};

}  // namespace snapshot
