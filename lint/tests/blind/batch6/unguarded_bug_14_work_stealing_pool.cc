// A work-stealing thread pool: each worker owns a deque it pushes to and
// pops from at the back; idle workers steal from the front of the others.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using Task = std::function<void()>;

class WorkStealingQueue {
 public:
  void Push(Task task) {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_.push_back(std::move(task));
  }

  bool TryPop(Task* out) {
    std::lock_guard<std::mutex> lock(mu_);
    if (tasks_.empty()) return false;
    *out = std::move(tasks_.back());
    tasks_.pop_back();
    return true;
  }

  bool TrySteal(Task* out) {
    std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
    if (!lock.owns_lock()) return false;
    if (tasks_.empty()) return false;
    *out = std::move(tasks_.front());
    tasks_.pop_front();
    return true;
  }

  // Cheap pre-check so that idle workers skip obviously empty victims.
  bool LooksEmpty() const {
    return tasks_.empty();  // EXPECT: concurrency-unguarded-field
  }

 private:
  mutable std::mutex mu_;
  std::deque<Task> tasks_;
};

class StealingPool {
 public:
  explicit StealingPool(size_t n) : queues_(n) {
    for (size_t i = 0; i < n; ++i) workers_.emplace_back([this, i] { WorkerLoop(i); });
  }

  ~StealingPool() {
    {
      std::lock_guard<std::mutex> lock(sleep_mu_);
      stop_ = true;
    }
    sleep_cv_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  void Submit(Task task) {
    size_t target = next_.fetch_add(1, std::memory_order_relaxed) % queues_.size();
    queues_[target].Push(std::move(task));
    {
      std::lock_guard<std::mutex> lock(sleep_mu_);
      ++pending_;
    }
    sleep_cv_.notify_one();
  }

 private:
  void WorkerLoop(size_t self) {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(sleep_mu_);
        sleep_cv_.wait(lock, [this] { return stop_ || pending_ > 0; });
        if (stop_ && pending_ == 0) return;
        --pending_;
      }
      Task task;
      if (!queues_[self].TryPop(&task)) {
        for (size_t k = 1; k <= queues_.size() && !task; ++k) {
          WorkStealingQueue& victim = queues_[(self + k) % queues_.size()];
          if (victim.LooksEmpty()) continue;
          victim.TrySteal(&task);
        }
      }
      if (task) task();
    }
  }

  std::vector<WorkStealingQueue> queues_;
  std::vector<std::thread> workers_;
  std::atomic<size_t> next_{0};
  std::mutex sleep_mu_;
  std::condition_variable sleep_cv_;
  size_t pending_ = 0;
  bool stop_ = false;
};
