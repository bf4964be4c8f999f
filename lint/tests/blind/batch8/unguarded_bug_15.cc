//
// Copyright 2023 gRPC authors.
//
// Subchannel connectivity watcher list. Watchers are notified outside the
// lock so that they may call back into the subchannel.
//

#include "grpc_core/sync.h"
#include "grpc_core/closure.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace grpc_core {

enum class ConnectivityState { kIdle, kConnecting, kReady, kTransientFailure, kShutdown };

class ConnectivityWatcher {
 public:
  virtual ~ConnectivityWatcher() = default;
  virtual void OnConnectivityStateChange(ConnectivityState state,
                                         const Status& status) = 0;
};

class SubchannelStateTracker {
 public:
  explicit SubchannelStateTracker(std::string target)
      : target_(std::move(target)) {}

  void AddWatcher(std::shared_ptr<ConnectivityWatcher> watcher) {
    MutexLock lock(&mu_);
    watcher->OnConnectivityStateChange(state_, status_);
    watchers_.push_back(std::move(watcher));
  }

  void SetState(ConnectivityState state, const Status& status) {
    ReleasableMutexLock lock(&mu_);
    if (state == state_) return;
    state_ = state;
    status_ = status;
    ++state_changes_;
    std::vector<std::shared_ptr<ConnectivityWatcher>> watchers = watchers_;
    lock.Release();
    for (auto& w : watchers) {
      w->OnConnectivityStateChange(state, status);
    }
    if (state == ConnectivityState::kShutdown) {
      watchers_.clear();  // EXPECT: concurrency-unguarded-field
    }
  }

  ConnectivityState state() {
    MutexLock lock(&mu_);
    return state_;
  }

  size_t state_changes() {
    MutexLock lock(&mu_);
    return state_changes_;
  }

 private:
  const std::string target_;
  Mutex mu_;
  ConnectivityState state_ ABSL_GUARDED_BY(&mu_) = ConnectivityState::kIdle;
  Status status_ ABSL_GUARDED_BY(&mu_);
  size_t state_changes_ ABSL_GUARDED_BY(&mu_) = 0;
  std::vector<std::shared_ptr<ConnectivityWatcher>> watchers_
      ABSL_GUARDED_BY(&mu_);
};

}  // namespace grpc_core
