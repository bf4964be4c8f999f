// Background flush scheduling of the Strata storage engine: the scheduler
// only tries the memtable mutex (it must not stall writers), and the
// per-table loop releases the mutex on every path out of each iteration,
// including the one that skips a table.

#include <cstdint>
#include <vector>

#include "mock/strata_sync.h"

namespace strata {

class FlushScheduler {
 public:
  // Returns false when the memtable is busy; the caller retries later.
  bool TryScheduleFlush() {
    if (!mu_.TryLock()) {
      return false;
    }
    const bool scheduled = !flush_pending_;
    flush_pending_ = true;
    mu_.Unlock();
    return scheduled;
  }

  void FlushDone() {
    MutexLock l(&mu_);
    flush_pending_ = false;
    ++flushes_;
  }

  void AccountTables(const std::vector<uint64_t>& table_sizes) {
    for (uint64_t size : table_sizes) {
      mu_.Lock();
      if (size == 0) {
        mu_.Unlock();
        continue;
      }
      total_bytes_ += size;
      mu_.Unlock();
    }
  }

  uint64_t flushes() {
    MutexLock l(&mu_);
    return flushes_;
  }

 private:
  Mutex mu_;
  bool flush_pending_ GUARDED_BY(mu_) = false;
  uint64_t flushes_ GUARDED_BY(mu_) = 0;
  uint64_t total_bytes_ GUARDED_BY(mu_) = 0;
};

}  // namespace strata
