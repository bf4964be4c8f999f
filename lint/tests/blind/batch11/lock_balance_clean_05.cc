// Bounded job queue on absl::Mutex: producers wait with a Condition for
// room, the consumer releases the lock early before running the job, and
// an annotated helper is only called with the lock held.
#include <cstddef>
#include <deque>
#include <functional>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace jobs {

class JobQueue {
 public:
  explicit JobQueue(size_t capacity) : capacity_(capacity) {}

  void Push(std::function<void()> job) {
    absl::MutexLock lock(&mu_, absl::Condition(this, &JobQueue::HasRoom));
    jobs_.push_back(std::move(job));
  }

  // Runs one job if there is one; returns false when the queue is empty.
  bool RunOne() {
    absl::ReleasableMutexLock lock(&mu_);
    if (jobs_.empty()) {
      lock.Release();
      return false;
    }
    std::function<void()> job = PopLocked();
    lock.Release();
    job();
    return true;
  }

  size_t Drain(size_t max) {
    size_t ran = 0;
    while (ran < max) {
      mu_.Lock();
      if (jobs_.empty()) {
        mu_.Unlock();
        break;
      }
      std::function<void()> job = PopLocked();
      mu_.Unlock();
      job();
      ++ran;
    }
    return ran;
  }

  size_t size() {
    absl::MutexLock lock(&mu_);
    return jobs_.size();
  }

 private:
  bool HasRoom() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return jobs_.size() < capacity_; }

  std::function<void()> PopLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    ++popped_;
    return job;
  }

  const size_t capacity_;
  absl::Mutex mu_;
  std::deque<std::function<void()>> jobs_ ABSL_GUARDED_BY(mu_);
  size_t popped_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace jobs
