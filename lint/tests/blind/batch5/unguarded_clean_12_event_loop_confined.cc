// Single-threaded IO event loop with a cross-thread task queue.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace netio {

class EventLoop {
 public:
  using Task = std::function<void()>;

  explicit EventLoop(std::string name) : name_(std::move(name)) {}

  // May be called from any thread.
  void RunInLoop(Task task) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      pending_.push_back(std::move(task));
    }
    wakeup_.notify_one();
  }

  // May be called from any thread.
  void Quit() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      quit_ = true;
    }
    wakeup_.notify_one();
  }

  // Runs the loop on the calling thread until Quit().
  void Loop() {
    for (;;) {
      std::deque<Task> ready;
      {
        std::unique_lock<std::mutex> lock(mu_);
        wakeup_.wait_for(lock, std::chrono::milliseconds(50),
                         [this] { return quit_ || !pending_.empty(); });
        if (quit_ && pending_.empty()) break;
        ready.swap(pending_);
      }
      for (Task& task : ready) task();
      ++iterations_;
      FireTimers();
    }
  }

  // Only called from tasks running in the loop.
  void AddTimer(int64_t due_iteration, Task task) {
    timers_.emplace(due_iteration, std::move(task));
  }

  // Only called from tasks running in the loop.
  uint64_t iterations() const { return iterations_; }

  const std::string& name() const { return name_; }

 private:
  void FireTimers() {
    while (!timers_.empty() &&
           timers_.begin()->first <= static_cast<int64_t>(iterations_)) {
      Task task = std::move(timers_.begin()->second);
      timers_.erase(timers_.begin());
      task();
    }
  }

  const std::string name_;

  std::mutex mu_;
  std::condition_variable wakeup_;
  std::deque<Task> pending_;  // guarded by mu_
  bool quit_ = false;         // guarded by mu_

  // Owned by the loop thread: only accessed on the thread running Loop().
  std::multimap<int64_t, Task> timers_;
  // Owned by the loop thread: only accessed on the thread running Loop().
  uint64_t iterations_ = 0;
};

}  // namespace netio
