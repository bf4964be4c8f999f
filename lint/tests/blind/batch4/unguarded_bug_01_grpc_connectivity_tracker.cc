// Tracks the connectivity state of a subchannel and fans state changes out
// to registered watchers. Modeled on grpc_core::ConnectivityStateTracker.

#include <algorithm>
#include <string>
#include <vector>

#include "mock/grpc_sync.h"

namespace grpc_core {

enum class ConnectivityState {
  kIdle,
  kConnecting,
  kReady,
  kTransientFailure,
  kShutdown,
};

const char* ConnectivityStateName(ConnectivityState state) {
  switch (state) {
    case ConnectivityState::kIdle:
      return "IDLE";
    case ConnectivityState::kConnecting:
      return "CONNECTING";
    case ConnectivityState::kReady:
      return "READY";
    case ConnectivityState::kTransientFailure:
      return "TRANSIENT_FAILURE";
    case ConnectivityState::kShutdown:
      return "SHUTDOWN";
  }
  return "UNKNOWN";
}

class ConnectivityStateWatcherInterface {
 public:
  virtual ~ConnectivityStateWatcherInterface() = default;
  virtual void Notify(ConnectivityState state, const std::string& status) = 0;
};

class ConnectivityStateTracker {
 public:
  explicit ConnectivityStateTracker(const char* name) : name_(name) {}

  void AddWatcher(ConnectivityStateWatcherInterface* watcher);
  void RemoveWatcher(ConnectivityStateWatcherInterface* watcher);
  void SetState(ConnectivityState state, const std::string& status);
  ConnectivityState state();
  std::string ToString();

 private:
  const char* const name_;
  Mutex mu_;
  ConnectivityState state_ = ConnectivityState::kIdle;
  std::string status_;
  std::vector<ConnectivityStateWatcherInterface*> watchers_;
};

void ConnectivityStateTracker::AddWatcher(
    ConnectivityStateWatcherInterface* watcher) {
  MutexLock lock(&mu_);
  watchers_.push_back(watcher);
  // New watchers are told the current state right away.
  watcher->Notify(state_, status_);
}

void ConnectivityStateTracker::RemoveWatcher(
    ConnectivityStateWatcherInterface* watcher) {
  MutexLock lock(&mu_);
  watchers_.erase(std::remove(watchers_.begin(), watchers_.end(), watcher),
                  watchers_.end());
}

void ConnectivityStateTracker::SetState(ConnectivityState state,
                                        const std::string& status) {
  MutexLock lock(&mu_);
  if (state_ == state) return;
  state_ = state;
  status_ = status;
  for (ConnectivityStateWatcherInterface* watcher : watchers_) {
    watcher->Notify(state_, status_);
  }
}

ConnectivityState ConnectivityStateTracker::state() {
  MutexLock lock(&mu_);
  return state_;
}

std::string ConnectivityStateTracker::ToString() {
  std::string out = name_;
  out += ": ";
  out += ConnectivityStateName(state_);  // EXPECT: concurrency-unguarded-field
  out += " (" + status_ + ")";  // EXPECT: concurrency-unguarded-field
  return out;
}

}  // namespace grpc_core
