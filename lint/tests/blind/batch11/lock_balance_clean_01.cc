// Opportunistic metrics scraper: the scrape path must never block request
// threads, so it only try-locks and gives up when the registry is busy.
#include <atomic>
#include <cstdint>
#include <map>
#include <string>

#include "common_mutex.h"

namespace metrics {

class CounterRegistry {
 public:
  void Increment(const std::string& name, uint64_t by) {
    util::MutexLock lock(&mu_);
    counters_[name] += by;
  }

  // Returns false when the registry was busy; |out| is then untouched.
  bool TryScrape(std::map<std::string, uint64_t>* out) {
    if (!mu_.TryLock()) {
      ++busy_scrapes_;
      return false;
    }
    *out = counters_;
    ++scrapes_;
    mu_.Unlock();
    return true;
  }

  // Drops counters that have not moved since the previous call, if the
  // lock is free right now.
  int TryCompact() {
    int removed = 0;
    if (mu_.TryLock()) {
      for (auto it = counters_.begin(); it != counters_.end();) {
        if (it->second == 0) {
          it = counters_.erase(it);
          ++removed;
        } else {
          it->second = 0;
          ++it;
        }
      }
      mu_.Unlock();
    }
    return removed;
  }

  uint64_t scrapes() {
    util::MutexLock lock(&mu_);
    return scrapes_;
  }

 private:
  util::Mutex mu_;
  std::map<std::string, uint64_t> counters_ GUARDED_BY(mu_);
  uint64_t scrapes_ GUARDED_BY(mu_) = 0;
  std::atomic<uint64_t> busy_scrapes_{0};
};

}  // namespace metrics
