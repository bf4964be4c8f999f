// Fixed-size task pool used by the indexing service. Submit() may be called
// from any thread, including from tasks; Shutdown() stops accepting work,
// drains the queue and joins the workers.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <mutex>
#include <thread>
#include <vector>

namespace indexing {

class TaskPool {
 public:
  explicit TaskPool(size_t num_threads) {
    workers_.reserve(num_threads);
    for (size_t i = 0; i < num_threads; ++i) {
      workers_.emplace_back([this] { WorkerLoop(); });
    }
  }

  ~TaskPool() { Shutdown(); }

  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Returns false once Shutdown() has begun.
  bool Submit(std::function<void()> task) {
    if (shutting_down_) return false;  // EXPECT: concurrency-unguarded-field
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push_back(std::move(task));
    }
    cv_.notify_one();
    return true;
  }

  void Shutdown() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (shutting_down_) return;
      shutting_down_ = true;
    }
    cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  uint64_t completed() const { return completed_.load(std::memory_order_relaxed); }

  size_t pending() const {
    std::lock_guard<std::mutex> lock(mu_);
    return tasks_.size();
  }

 private:
  void WorkerLoop() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return shutting_down_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
      completed_.fetch_add(1, std::memory_order_relaxed);
    }
  }

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool shutting_down_ = false;
  std::atomic<uint64_t> completed_{0};
  std::vector<std::thread> workers_;
};

// Splits a document batch into per-shard tasks.
class ShardIndexer {
 public:
  ShardIndexer(TaskPool& pool, size_t num_shards) : pool_(pool), num_shards_(num_shards) {}

  // The tasks share ownership of the batch; it is freed after the last one.
  size_t IndexBatch(std::shared_ptr<const std::vector<std::string>> docs) {
    size_t submitted = 0;
    for (size_t shard = 0; shard < num_shards_; ++shard) {
      if (pool_.Submit([docs, shard, this] { IndexShard(*docs, shard); })) ++submitted;
    }
    return submitted;
  }

 private:
  void IndexShard(const std::vector<std::string>& docs, size_t shard) const;

  TaskPool& pool_;
  const size_t num_shards_;
};

}  // namespace indexing
