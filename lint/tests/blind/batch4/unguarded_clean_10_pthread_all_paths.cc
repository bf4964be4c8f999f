/*
 * Token bucket rate limiter for the ingest agent. Shared by all connection
 * handler threads. Plain pthreads for the C build.
 */

#include <pthread.h>
#include <stdint.h>
#include <time.h>

namespace agent {

static uint64_t MonotonicMicros() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000u +
         static_cast<uint64_t>(ts.tv_nsec) / 1000u;
}

class TokenBucket {
 public:
  TokenBucket(double rate_per_sec, double burst)
      : rate_per_us_(rate_per_sec / 1e6), burst_(burst), tokens_(burst) {
    pthread_mutex_init(&mu_, nullptr);
    last_refill_us_ = MonotonicMicros();
  }
  ~TokenBucket() { pthread_mutex_destroy(&mu_); }

  bool TryTake(double n) {
    pthread_mutex_lock(&mu_);
    RefillLocked(MonotonicMicros());
    if (tokens_ < n) {
      ++rejected_;
      pthread_mutex_unlock(&mu_);
      return false;
    }
    tokens_ -= n;
    pthread_mutex_unlock(&mu_);
    return true;
  }

  double Available() {
    pthread_mutex_lock(&mu_);
    RefillLocked(MonotonicMicros());
    const double tokens = tokens_;
    pthread_mutex_unlock(&mu_);
    return tokens;
  }

  uint64_t Rejected() {
    pthread_mutex_lock(&mu_);
    const uint64_t rejected = rejected_;
    pthread_mutex_unlock(&mu_);
    return rejected;
  }

 private:
  void RefillLocked(uint64_t now_us) {
    if (now_us <= last_refill_us_) return;
    tokens_ += static_cast<double>(now_us - last_refill_us_) * rate_per_us_;
    if (tokens_ > burst_) tokens_ = burst_;
    last_refill_us_ = now_us;
  }

  const double rate_per_us_;
  const double burst_;
  pthread_mutex_t mu_;
  double tokens_;           /* guarded by mu_ */
  uint64_t last_refill_us_; /* guarded by mu_ */
  uint64_t rejected_ = 0;   /* guarded by mu_ */
};

}  // namespace agent
