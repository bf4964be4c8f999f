// An Envoy-style cluster health tracker: health-check results arrive from
// worker threads; the main thread walks the hosts once per interval. Each
// loop iteration takes and releases its own guard, and early exits leave
// through the guard's destructor.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "envoy/common/logger.h"
#include "envoy/thread/lock_guard.h"
#include "envoy/thread/thread.h"

namespace Envoy {
namespace Upstream {

enum class HealthFlag : uint32_t { None = 0, FailedActiveHc = 1, FailedOutlierCheck = 2 };

struct HostHealth {
  uint32_t flags = 0;
  uint32_t consecutive_failures = 0;
  uint64_t last_success_ms = 0;
};

class HealthTracker {
 public:
  void onResult(const std::string& host, bool success, uint64_t now_ms) {
    Thread::LockGuard lock(mutex_);
    HostHealth& h = hosts_[host];
    if (success) {
      h.consecutive_failures = 0;
      h.flags &= ~static_cast<uint32_t>(HealthFlag::FailedActiveHc);
      h.last_success_ms = now_ms;
      return;
    }
    if (++h.consecutive_failures >= unhealthy_threshold_) {
      h.flags |= static_cast<uint32_t>(HealthFlag::FailedActiveHc);
    }
  }

  // Main thread: ejects hosts that have not succeeded recently, one at a time
  // so that workers are not blocked for the whole walk.
  std::vector<std::string> ejectStale(const std::vector<std::string>& candidates, uint64_t now_ms,
                                      uint64_t max_age_ms) {
    std::vector<std::string> ejected;
    for (const std::string& host : candidates) {
      Thread::LockGuard lock(mutex_);
      auto it = hosts_.find(host);
      if (it == hosts_.end()) continue;
      if (now_ms - it->second.last_success_ms <= max_age_ms) continue;
      it->second.flags |= static_cast<uint32_t>(HealthFlag::FailedOutlierCheck);
      ejected.push_back(host);
      if (ejected.size() >= max_ejections_) break;
    }
    return ejected;
  }

  bool healthy(const std::string& host) {
    Thread::ReleasableLockGuard lock(mutex_);
    auto it = hosts_.find(host);
    if (it == hosts_.end()) return true;
    const uint32_t flags = it->second.flags;
    lock.release();
    ENVOY_LOG(trace, "host {} flags {}", host, flags);
    return flags == 0;
  }

  // Clears the outlier flag of every host that has recovered.
  size_t unejectRecovered(uint64_t now_ms, uint64_t recovery_ms) {
    size_t n = 0;
    Thread::LockGuard lock(mutex_);
    for (auto& [host, h] : hosts_) {
      const uint32_t outlier = static_cast<uint32_t>(HealthFlag::FailedOutlierCheck);
      if ((h.flags & outlier) == 0 || now_ms - h.last_success_ms > recovery_ms) continue;
      h.flags &= ~outlier;
      ++n;
    }
    return n;
  }

  void setThresholds(uint32_t unhealthy, size_t max_ejections) {
    Thread::LockGuard lock(mutex_);
    unhealthy_threshold_ = unhealthy;
    max_ejections_ = max_ejections;
  }

 private:
  Thread::MutexBasicLockable mutex_;
  std::map<std::string, HostHealth> hosts_ ABSL_GUARDED_BY(mutex_);
  uint32_t unhealthy_threshold_ ABSL_GUARDED_BY(mutex_) = 3;
  size_t max_ejections_ ABSL_GUARDED_BY(mutex_) = 2;
};

// Main-thread timer body.
size_t runOutlierPass(HealthTracker& tracker, const std::vector<std::string>& hosts, uint64_t now_ms) {
  std::vector<std::string> ejected = tracker.ejectStale(hosts, now_ms, 30000);
  for (const std::string& h : ejected) ENVOY_LOG_MISC(info, "ejected {}", h);
  size_t healthy = 0;
  for (const std::string& h : hosts) healthy += tracker.healthy(h) ? 1 : 0;
  return healthy;
}

}  // namespace Upstream
}  // namespace Envoy
