// Connectivity state tracker for a subchannel: watchers are notified of each
// transition outside the lock, because a watcher may start a new watch.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "grpc_sync.h"

namespace grpc_core {

enum class ConnState { kIdle, kConnecting, kReady, kTransientFailure, kShutdown };

class ConnectivityWatcher {
 public:
  virtual ~ConnectivityWatcher() = default;
  virtual void Notify(ConnState state, const Status& status) = 0;
};

class ConnectivityTracker {
 public:
  explicit ConnectivityTracker(std::string name) : name_(std::move(name)) {}

  void AddWatcher(std::shared_ptr<ConnectivityWatcher> w) {
    ConnState current;
    {
      MutexLock lock(&mu_);
      watchers_.push_back(w);
      current = state_;
    }
    w->Notify(current, Status());
  }

  void SetState(ConnState state, const Status& status) {
    ReleasableMutexLock lock(&mu_);
    if (state_ == ConnState::kShutdown || state_ == state) return;
    state_ = state;
    std::vector<std::shared_ptr<ConnectivityWatcher>> watchers = watchers_;
    lock.Release();
    GRPC_TRACE_LOG(connectivity) << name_ << ": state change";
    for (auto& w : watchers) w->Notify(state, status);
    ++transitions_;  // EXPECT: concurrency-unguarded-field
  }

  ConnState state() {
    MutexLock lock(&mu_);
    return state_;
  }

  uint64_t transitions() {
    MutexLock lock(&mu_);
    return transitions_;
  }

  void Shutdown() {
    std::vector<std::shared_ptr<ConnectivityWatcher>> watchers;
    {
      MutexLock lock(&mu_);
      state_ = ConnState::kShutdown;
      watchers.swap(watchers_);
    }
    for (auto& w : watchers) w->Notify(ConnState::kShutdown, Status("shutdown"));
  }

 private:
  const std::string name_;
  Mutex mu_;
  ConnState state_ ABSL_GUARDED_BY(mu_) = ConnState::kIdle;
  std::vector<std::shared_ptr<ConnectivityWatcher>> watchers_ ABSL_GUARDED_BY(mu_);
  uint64_t transitions_ ABSL_GUARDED_BY(mu_) = 0;
};

class LoggingWatcher : public ConnectivityWatcher {
 public:
  void Notify(ConnState state, const Status& status) override {
    last_ = state;
    if (!status.ok()) GRPC_TRACE_LOG(connectivity) << status.message();
  }

 private:
  ConnState last_ = ConnState::kIdle;
};

}  // namespace grpc_core
