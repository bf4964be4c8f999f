// Compaction thread launcher: threads are created by a factory, returned
// to the caller or moved into the scheduler, which owns and joins them.
// The scheduler's waits are all timed.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace lsm {

std::thread LaunchCompaction(std::function<void()> job) {
  std::thread t(std::move(job));
  return t;
}

class CompactionScheduler {
 public:
  ~CompactionScheduler() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      shutting_down_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : running_) {
      if (t.joinable()) t.join();
    }
  }

  void Adopt(std::thread t) {
    std::lock_guard<std::mutex> lock(mu_);
    running_.push_back(std::move(t));
  }

  void ScheduleLevel(int level, std::function<void(int)> compact) {
    std::thread t([compact, level] { compact(level); });
    Adopt(std::move(t));
  }

  // Waits up to |timeout| for shutdown to be requested.
  bool WaitForShutdown(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, timeout, [this] { return shutting_down_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool shutting_down_ = false;
  std::vector<std::thread> running_;
};

void RunCompactions(CompactionScheduler& scheduler, std::function<void()> manual) {
  std::thread manual_thread = LaunchCompaction(std::move(manual));
  scheduler.Adopt(std::move(manual_thread));
  scheduler.ScheduleLevel(0, [](int) {});
}

}  // namespace lsm
