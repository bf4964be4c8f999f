// Event loop: pending_ is shared with posting threads and guarded by mu_.
// loop_time_ is documented as confined to the io thread; RunOnce() happens to
// touch it inside its locked region, but the unlocked reads in RunTimers()
// are on the same thread.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace io {

class EventLoop {
 public:
  using Task = std::function<void()>;

  // Any thread.
  void PostTask(Task task) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back(std::move(task));
  }

  // IO thread only.
  void PostDelayed(int64_t delay_ms, Task task) {
    timers_.emplace(loop_time_ + delay_ms, std::move(task));
  }

  // IO thread only: one iteration of the loop.
  void RunOnce(int64_t now_ms) {
    std::vector<Task> tasks;
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks.swap(pending_);
      if (now_ms > loop_time_) loop_time_ = now_ms;
    }
    for (Task& t : tasks) t();
    RunTimers();
  }

 private:
  void RunTimers() {
    while (!timers_.empty() && timers_.begin()->first <= loop_time_) {
      Task t = std::move(timers_.begin()->second);
      timers_.erase(timers_.begin());
      t();
    }
  }

  std::mutex mu_;
  std::vector<Task> pending_;
  // Only accessed on the io thread.
  std::multimap<int64_t, Task> timers_;
  int64_t loop_time_ = 0;  // only accessed on the io thread
};

}  // namespace io
