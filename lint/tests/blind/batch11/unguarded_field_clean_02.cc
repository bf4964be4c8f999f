// Stats sink flushed on a dedicated flush thread, in the style of Envoy's
// stats flushing. Counters from workers are merged under the lock; the
// tick count and the last snapshot belong to the flush thread alone.
#include <cstdint>
#include <map>
#include <string>

#include "envoy_thread.h"

namespace Envoy {
namespace Stats {

class PeriodicFlusher {
public:
  // Called from any worker thread.
  void addCounter(const std::string& name, uint64_t delta) {
    Thread::LockGuard lock(mutex_);
    pending_[name] += delta;
  }

  // Timer callback; runs on the flush thread.
  void onFlushTimer() {
    ++flush_ticks_;
    std::map<std::string, uint64_t> drained;
    {
      Thread::LockGuard lock(mutex_);
      drained.swap(pending_);
      if (flush_ticks_ % 60 == 0) {
        flush_ticks_ = 0;
        ++minutes_flushed_;
      }
    }
    for (const auto& [name, value] : drained) last_snapshot_[name] += value;
    publish();
  }

  uint64_t minutesFlushed() {
    Thread::LockGuard lock(mutex_);
    return minutes_flushed_;
  }

private:
  // Runs on the flush thread, called only from onFlushTimer().
  void publish() {
    for (const auto& [name, value] : last_snapshot_) {
      ENVOY_LOG_MISC(trace, "{}={}", name, value);
      (void)name;
      (void)value;
    }
  }

  Thread::MutexBasicLockable mutex_;
  std::map<std::string, uint64_t> pending_ ABSL_GUARDED_BY(mutex_);
  uint64_t minutes_flushed_ ABSL_GUARDED_BY(mutex_){0};
  // Only accessed on the flush thread.
  uint64_t flush_ticks_{0};
  // Only accessed on the flush thread.
  std::map<std::string, uint64_t> last_snapshot_;
};

} // namespace Stats
} // namespace Envoy
