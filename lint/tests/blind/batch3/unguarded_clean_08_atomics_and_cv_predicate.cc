// Batch writer: the queue is guarded by mu_ everywhere, including inside the
// condition-variable predicate (which runs in place with the lock held).
// Counters are atomics and the "started" signal is an absl::Notification,
// so reading them without the lock is fine.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/notification.h"

namespace sink {

class BatchWriter {
 public:
  void Add(std::string record) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(std::move(record));
    }
    queued_.fetch_add(1, std::memory_order_relaxed);
    cv_.notify_one();
  }

  // Runs on the writer thread that the owner starts and joins.
  void WriterLoop() {
    started_.Notify();
    while (!stop_.load(std::memory_order_acquire)) {
      std::vector<std::string> batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return !queue_.empty() || stop_.load(); });
        batch.assign(queue_.begin(), queue_.end());
        queue_.clear();
      }
      written_.fetch_add(static_cast<int64_t>(batch.size()),
                         std::memory_order_relaxed);
    }
  }

  void Stop() {
    stop_.store(true, std::memory_order_release);
    cv_.notify_all();
  }

  void WaitStarted() { started_.WaitForNotification(); }
  int64_t queued() const { return queued_.load(std::memory_order_relaxed); }
  int64_t written() const { return written_.load(std::memory_order_relaxed); }
  bool stopping() const { return stop_.load(); }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> queued_{0};
  std::atomic<int64_t> written_{0};
  absl::Notification started_;
};

}  // namespace sink
