// Rate limiter on absl::Mutex: the ...Locked() helper is declared
// ABSL_EXCLUSIVE_LOCKS_REQUIRED and every caller holds mu_. The slow
// logging happens after ReleasableMutexLock::Release() on a copied value.
#include <cstdint>
#include <cstdio>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace ratelimit {

class TokenBucket {
 public:
  TokenBucket(std::string name, int64_t capacity, int64_t refill_per_sec)
      : name_(std::move(name)),
        capacity_(capacity),
        refill_per_sec_(refill_per_sec),
        tokens_(capacity) {}

  bool TryAcquire(int64_t now_micros, int64_t cost) {
    absl::ReleasableMutexLock lock(&mu_);
    RefillLocked(now_micros);
    if (tokens_ < cost) {
      const int64_t rejected = ++rejected_;
      lock.Release();
      if (rejected % 1000 == 0) {
        std::fprintf(stderr, "%s: %lld requests rejected\n", name_.c_str(),
                     static_cast<long long>(rejected));
      }
      return false;
    }
    tokens_ -= cost;
    return true;
  }

  int64_t Available(int64_t now_micros) {
    absl::MutexLock lock(&mu_);
    RefillLocked(now_micros);
    return tokens_;
  }

 private:
  void RefillLocked(int64_t now_micros) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (last_refill_micros_ == 0) last_refill_micros_ = now_micros;
    const int64_t elapsed = now_micros - last_refill_micros_;
    const int64_t add = elapsed * refill_per_sec_ / 1000000;
    if (add > 0) {
      tokens_ = tokens_ + add > capacity_ ? capacity_ : tokens_ + add;
      last_refill_micros_ = now_micros;
    }
  }

  const std::string name_;
  const int64_t capacity_;
  const int64_t refill_per_sec_;
  absl::Mutex mu_;
  int64_t tokens_ ABSL_GUARDED_BY(mu_);
  int64_t last_refill_micros_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t rejected_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace ratelimit
