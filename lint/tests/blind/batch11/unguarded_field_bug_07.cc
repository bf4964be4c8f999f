// Connection-pool counters with a static helper used by the admin handler
// to zero a pool's counters. Pools are shared by all request threads.
#include <cstdint>
#include <mutex>
#include <string>

namespace db {

class PoolCounters {
 public:
  void OnCheckout() {
    std::lock_guard<std::mutex> guard(mu_);
    ++checkouts_;
    ++in_use_;
  }

  void OnReturn(bool broken) {
    std::lock_guard<std::mutex> guard(mu_);
    --in_use_;
    if (broken) ++broken_;
  }

  std::string Describe() const {
    std::lock_guard<std::mutex> guard(mu_);
    return "checkouts=" + std::to_string(checkouts_) + " in_use=" + std::to_string(in_use_) +
           " broken=" + std::to_string(broken_);
  }

  // Zeroes the monotonically increasing counters; in_use_ is live state.
  static void ResetCounters(PoolCounters& pool) {
    pool.checkouts_ = 0;  // EXPECT: concurrency-unguarded-field
    pool.broken_ = 0;  // EXPECT: concurrency-unguarded-field
  }

  static void ResetCountersLocked(PoolCounters* pool) {
    std::lock_guard<std::mutex> guard(pool->mu_);
    pool->checkouts_ = 0;
    pool->broken_ = 0;
  }

 private:
  mutable std::mutex mu_;
  uint64_t checkouts_ = 0;
  int64_t in_use_ = 0;
  uint64_t broken_ = 0;
};

}  // namespace db
