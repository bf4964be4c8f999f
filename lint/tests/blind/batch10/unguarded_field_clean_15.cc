// Priority task queue for the render farm's job dispatcher. Workers block on
// a condition variable; the wait predicate and the sort comparator run in
// place, under the lock the caller holds.
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace farm {

enum class TaskClass { kPreview, kFinal, kCleanup };

struct Task {
  std::string shot;
  TaskClass cls = TaskClass::kPreview;
  int priority = 0;
};

class Dispatcher {
 public:
  explicit Dispatcher(int workers) {
    for (int i = 0; i < workers; ++i) {
      workers_.emplace_back([this, i] { WorkerMain(i); });
    }
  }

  ~Dispatcher() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  void Submit(Task task) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(task));
    std::stable_sort(queue_.begin(), queue_.end(), [this](const Task& a, const Task& b) {
      return Weight(a) > Weight(b);
    });
    cv_.notify_one();
  }

  void Boost(TaskClass cls, int delta) {
    std::lock_guard<std::mutex> lock(mu_);
    class_boost_[static_cast<int>(cls)] += delta;
  }

  size_t Completed() {
    std::lock_guard<std::mutex> lock(mu_);
    return completed_;
  }

 private:
  int Weight(const Task& t) const { return t.priority + class_boost_[static_cast<int>(t.cls)]; }

  void WorkerMain(int index) {
    // Each worker thread has its own RNG state; nobody else reads it.
    uint32_t jitter = 2166136261u ^ static_cast<uint32_t>(index);
    for (;;) {
      Task task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_ && queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      jitter = jitter * 16777619u + 1;
      Render(task, jitter);
      std::lock_guard<std::mutex> lock(mu_);
      ++completed_;
    }
  }

  static void Render(const Task& task, uint32_t seed) {
    volatile uint32_t work = seed;
    for (char c : task.shot) work = work * 31 + static_cast<uint32_t>(c);
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task> queue_;
  int class_boost_[3] = {0, 0, 0};
  size_t completed_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace farm
