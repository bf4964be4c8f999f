// Envoy-style DNS cache: resolutions complete on the dispatcher thread and
// notify subscribers. The lock is released before calling out, and a new
// guard is taken for the bookkeeping afterwards: two critical sections with
// only locals in between.
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "envoy/common/logger.h"
#include "envoy/thread/lock_guard.h"
#include "envoy/thread/thread.h"

namespace Envoy {
namespace Dns {

enum class ResolutionStatus { Success, Failure };

struct HostInfo {
  std::vector<std::string> addresses;
  uint64_t resolved_at_ms = 0;
  uint32_t failures = 0;
};

using UpdateCallback = std::function<void(const std::string& host, const HostInfo& info)>;

class DnsCache {
 public:
  uint64_t addUpdateCallback(UpdateCallback cb) {
    Thread::LockGuard lock(mutex_);
    const uint64_t id = next_callback_id_++;
    callbacks_.emplace(id, std::move(cb));
    return id;
  }

  void removeUpdateCallback(uint64_t id) {
    Thread::LockGuard lock(mutex_);
    callbacks_.erase(id);
  }

  void onResolution(const std::string& host, ResolutionStatus status,
                    std::vector<std::string> addresses, uint64_t now_ms) {
    Thread::ReleasableLockGuard lock(mutex_);
    HostInfo& info = hosts_[host];
    if (status == ResolutionStatus::Success) {
      info.addresses = std::move(addresses);
      info.resolved_at_ms = now_ms;
      info.failures = 0;
    } else {
      ++info.failures;
    }
    const HostInfo copy = info;
    std::vector<UpdateCallback> to_run;
    to_run.reserve(callbacks_.size());
    for (const auto& [id, cb] : callbacks_) to_run.push_back(cb);
    lock.release();

    // Callbacks may call back into the cache, so run them unlocked.
    size_t notified = 0;
    for (const UpdateCallback& cb : to_run) {
      cb(host, copy);
      ++notified;
    }

    Thread::LockGuard relock(mutex_);
    stats_notifications_ += notified;
    if (status == ResolutionStatus::Failure) ++stats_failures_;
  }

  bool lookup(const std::string& host, HostInfo* out) {
    Thread::LockGuard lock(mutex_);
    auto it = hosts_.find(host);
    if (it == hosts_.end()) return false;
    *out = it->second;
    return true;
  }

  std::pair<uint64_t, uint64_t> stats() {
    Thread::LockGuard lock(mutex_);
    return {stats_notifications_, stats_failures_};
  }

 private:
  Thread::MutexBasicLockable mutex_;
  std::map<std::string, HostInfo> hosts_ ABSL_GUARDED_BY(mutex_);
  std::map<uint64_t, UpdateCallback> callbacks_ ABSL_GUARDED_BY(mutex_);
  uint64_t next_callback_id_ ABSL_GUARDED_BY(mutex_) = 1;
  uint64_t stats_notifications_ ABSL_GUARDED_BY(mutex_) = 0;
  uint64_t stats_failures_ ABSL_GUARDED_BY(mutex_) = 0;
};

// A cluster that re-resolves its hosts through the cache.
class LogicalDnsCluster {
 public:
  explicit LogicalDnsCluster(DnsCache& cache) : cache_(cache) {
    handle_ = cache_.addUpdateCallback([](const std::string& host, const HostInfo& info) {
      ENVOY_LOG_MISC(debug, "host {} now has {} addresses", host, info.addresses.size());
    });
  }
  ~LogicalDnsCluster() { cache_.removeUpdateCallback(handle_); }

 private:
  DnsCache& cache_;
  uint64_t handle_ = 0;
};

}  // namespace Dns
}  // namespace Envoy
