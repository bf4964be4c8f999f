// Admin-visible drain state of a listener, in the style of Envoy's
// listener manager. The lock is released early before invoking the
// completion callbacks so that they may call back into the manager.
#include <cstdint>
#include <functional>
#include <list>
#include <string>

#include "envoy_thread.h"

namespace Envoy {
namespace Server {

class ListenerDrainTracker {
public:
  using DrainCompleteCb = std::function<void(const std::string&)>;

  void startDrain(const std::string& listener_name, DrainCompleteCb cb) {
    Thread::LockGuard lock(mutex_);
    draining_.push_back(listener_name);
    callbacks_.push_back(std::move(cb));
    ++drains_started_;
  }

  void onDrainComplete(const std::string& listener_name) {
    Thread::ReleasableLockGuard lock(mutex_);
    draining_.remove(listener_name);
    std::list<DrainCompleteCb> to_run;
    if (draining_.empty()) {
      to_run.swap(callbacks_);
    }
    ++drains_completed_;
    lock.release();

    for (const auto& cb : to_run) {
      cb(listener_name);
    }
    ENVOY_LOG_MISC(debug, "drain complete for {}", listener_name);
    if (draining_.empty()) {  // EXPECT: concurrency-unguarded-field
      all_drained_.store(true);
    }
  }

  uint64_t drainsInProgress() {
    Thread::LockGuard lock(mutex_);
    return drains_started_ - drains_completed_;
  }

  bool allDrained() const { return all_drained_.load(); }

private:
  Thread::MutexBasicLockable mutex_;
  std::list<std::string> draining_ ABSL_GUARDED_BY(mutex_);
  std::list<DrainCompleteCb> callbacks_ ABSL_GUARDED_BY(mutex_);
  uint64_t drains_started_ ABSL_GUARDED_BY(mutex_){0};
  uint64_t drains_completed_ ABSL_GUARDED_BY(mutex_){0};
  std::atomic<bool> all_drained_{false};
};

} // namespace Server
} // namespace Envoy
