// Per-worker cluster membership cache, in the style of Envoy's
// ThreadLocalClusterManager: updated from the main thread under the lock,
// published to the worker by posting to its dispatcher.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "envoy_thread.h"

namespace Envoy {
namespace Upstream {

struct HostDescription {
  std::string address;
  uint32_t weight{1};
};

class ClusterMembershipCache {
public:
  explicit ClusterMembershipCache(Event::Dispatcher& worker) : worker_(worker) {}

  void onMembershipUpdate(std::vector<HostDescription> hosts) {
    Thread::LockGuard lock(mutex_);
    hosts_ = std::move(hosts);
    ++version_;
    worker_.post([this]() {
      // Rebuild the worker's load-balancer view of the new host set.
      rebuildLoadBalancer(hosts_.size());  // EXPECT: concurrency-unguarded-field
    });
  }

  uint64_t version() {
    Thread::LockGuard lock(mutex_);
    return version_;
  }

  std::vector<HostDescription> snapshot() {
    Thread::LockGuard lock(mutex_);
    return hosts_;
  }

private:
  void rebuildLoadBalancer(size_t host_count) { lb_slots_.store(host_count); }

  Event::Dispatcher& worker_;
  Thread::MutexBasicLockable mutex_;
  std::vector<HostDescription> hosts_ ABSL_GUARDED_BY(mutex_);
  uint64_t version_ ABSL_GUARDED_BY(mutex_){0};
  std::atomic<size_t> lb_slots_{0};
};

} // namespace Upstream
} // namespace Envoy
