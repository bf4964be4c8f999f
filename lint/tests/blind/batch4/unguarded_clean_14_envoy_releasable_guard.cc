// Aggregates per-worker request counts. Workers flush into the aggregator
// under its mutex; the admin handler copies the totals and formats them
// after releasing it.

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "mock/envoy_thread.h"

namespace Envoy {
namespace Stats {

class RequestCountAggregator {
 public:
  explicit RequestCountAggregator(Event::Dispatcher& main_dispatcher)
      : main_dispatcher_(main_dispatcher) {}

  // Called from any worker thread.
  void flush(const std::map<std::string, uint64_t>& worker_counts) {
    Thread::LockGuard lock(mutex_);
    for (const auto& entry : worker_counts) {
      totals_[entry.first] += entry.second;
    }
    ++flushes_;
  }

  // Called on the main thread by the admin handler.
  std::string render() {
    Thread::ReleasableLockGuard lock(mutex_);
    std::map<std::string, uint64_t> totals = totals_;
    const uint64_t flushes = flushes_;
    lock.release();

    std::string out = "flushes: " + std::to_string(flushes) + "\n";
    for (const auto& entry : totals) {
      out += entry.first + ": " + std::to_string(entry.second) + "\n";
    }
    last_render_size_ = out.size();
    return out;
  }

  // Schedules a log line on the main thread with the current totals.
  void logTotals() {
    uint64_t flushes;
    {
      Thread::LockGuard lock(mutex_);
      flushes = flushes_;
    }
    main_dispatcher_.post([flushes]() {
      ENVOY_LOG_MISC(info, "request totals after {} flushes", flushes);
    });
  }

 private:
  Event::Dispatcher& main_dispatcher_;
  Thread::MutexBasicLockable mutex_;
  std::map<std::string, uint64_t> totals_ ABSL_GUARDED_BY(mutex_);
  uint64_t flushes_ ABSL_GUARDED_BY(mutex_){0};
  // Only accessed on the main thread.
  size_t last_render_size_{0};
};

}  // namespace Stats
}  // namespace Envoy
