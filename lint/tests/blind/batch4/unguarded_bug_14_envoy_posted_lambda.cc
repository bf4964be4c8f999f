// Receives cluster membership updates on the xDS thread and applies them on
// the worker's dispatcher.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "mock/envoy_thread.h"

namespace Envoy {
namespace Upstream {

class HostSet {
 public:
  void updateHosts(const std::vector<std::string>& hosts, uint64_t version) {
    hosts_ = hosts;
    version_ = version;
  }

 private:
  std::vector<std::string> hosts_;
  uint64_t version_{0};
};

class ClusterMembershipUpdater {
 public:
  ClusterMembershipUpdater(Event::Dispatcher& dispatcher, HostSet& host_set)
      : dispatcher_(dispatcher), host_set_(host_set) {}

  // Called on the xDS thread.
  void onMembershipUpdate(std::vector<std::string> hosts) {
    Thread::LockGuard lock(mutex_);
    pending_hosts_ = std::move(hosts);
    ++pending_version_;
    if (update_scheduled_) {
      return;
    }
    update_scheduled_ = true;
    dispatcher_.post([this]() {
      host_set_.updateHosts(pending_hosts_, pending_version_);  // EXPECT: concurrency-unguarded-field
      update_scheduled_ = false;  // EXPECT: concurrency-unguarded-field
    });
  }

  uint64_t pendingVersion() {
    Thread::LockGuard lock(mutex_);
    return pending_version_;
  }

 private:
  Event::Dispatcher& dispatcher_;
  HostSet& host_set_;
  Thread::MutexBasicLockable mutex_;
  std::vector<std::string> pending_hosts_ ABSL_GUARDED_BY(mutex_);
  uint64_t pending_version_ ABSL_GUARDED_BY(mutex_){0};
  bool update_scheduled_ ABSL_GUARDED_BY(mutex_){false};
};

}  // namespace Upstream
}  // namespace Envoy
