// Abseil-style token-bucket rate limiter: Acquire() releases its
// ReleasableMutexLock early on the slow path before sleeping, the stats
// path uses TryLock and unlocks only on success, and Refill() takes the
// lock in both branches of its conditional so every path holds it.
#include <chrono>
#include <cstdint>
#include <thread>

#include "mock/absl_mutex.h"

class RateLimiter {
 public:
  explicit RateLimiter(int64_t tokens_per_second) : rate_(tokens_per_second) {}

  bool Acquire(int64_t tokens, bool wait) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::ReleasableMutexLock l(&mu_);
    if (available_ >= tokens) {
      available_ -= tokens;
      ++granted_;
      return true;
    }
    ++throttled_;
    l.Release();
    if (!wait) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1000 * tokens / rate_));
    return Acquire(tokens, false);
  }

  void Refill(int64_t elapsed_ms, bool burst) ABSL_LOCKS_EXCLUDED(mu_) {
    if (burst) {
      mu_.Lock();
      available_ = rate_ * 2;
    } else {
      mu_.Lock();
      available_ += rate_ * elapsed_ms / 1000;
      if (available_ > rate_) available_ = rate_;
    }
    mu_.Unlock();
  }

  // Exported by a sampling thread that must never block on the limiter.
  bool TrySnapshot(int64_t* granted, int64_t* throttled) ABSL_LOCKS_EXCLUDED(mu_) {
    if (!mu_.TryLock()) return false;
    *granted = granted_;
    *throttled = throttled_;
    mu_.Unlock();
    return true;
  }

 private:
  const int64_t rate_;
  absl::Mutex mu_;
  int64_t available_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t granted_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t throttled_ ABSL_GUARDED_BY(mu_) = 0;
};
