// Abseil-style bounded job queue: producers block in Push until there is
// room, consumers in Pop until there is a job or the queue is closed.
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "mock/absl_mutex.h"

struct Job {
  std::string name;
  int priority = 0;
};

struct QueueStats {
  size_t pushed = 0;
  size_t drained = 0;
};

class JobQueue {
 public:
  explicit JobQueue(size_t capacity) : capacity_(capacity) {}

  void Push(std::unique_ptr<Job> job) ABSL_LOCKS_EXCLUDED(mu_) {
    mu_.LockWhen(absl::Condition(this, &JobQueue::HasSpace));
    items_.push_back(std::move(job));
    ++stats_.pushed;
    mu_.Unlock();
  }

  std::unique_ptr<Job> Pop() ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_, absl::Condition(this, &JobQueue::HasJobOrClosed));
    if (items_.empty()) return nullptr;  // Closed.
    std::unique_ptr<Job> job = std::move(items_.front());
    items_.pop_front();
    return job;
  }

  void Close() ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    closed_ = true;
  }

  // For /statusz; a slightly stale value is good enough there.
  size_t ApproximateSize() const {
    return items_.size();  // EXPECT: concurrency-unguarded-field
  }

  // Empties the queue at shutdown and reports what was dropped.
  std::vector<std::string> DrainAndReport() ABSL_LOCKS_EXCLUDED(mu_) {
    absl::ReleasableMutexLock l(&mu_);
    std::deque<std::unique_ptr<Job>> drained;
    drained.swap(items_);
    l.Release();

    std::vector<std::string> names;
    for (const auto& job : drained) names.push_back(job->name);
    stats_.drained += drained.size();  // EXPECT: concurrency-unguarded-field
    return names;
  }

  QueueStats stats() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    return stats_;
  }

 private:
  bool HasSpace() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return items_.size() < capacity_; }
  bool HasJobOrClosed() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return closed_ || !items_.empty();
  }

  const size_t capacity_;
  mutable absl::Mutex mu_;
  std::deque<std::unique_ptr<Job>> items_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  QueueStats stats_ ABSL_GUARDED_BY(mu_);
};
