// Subchannel pool for the client channel: subchannels are shared between
// channels that target the same address and reaped when unused.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "grpc_sync.h"

namespace grpc_core {

enum class ConnectivityState { kIdle, kConnecting, kReady, kTransientFailure, kShutdown };

const char* ConnectivityStateName(ConnectivityState s) {
  switch (s) {
    case ConnectivityState::kIdle: return "IDLE";
    case ConnectivityState::kConnecting: return "CONNECTING";
    case ConnectivityState::kReady: return "READY";
    case ConnectivityState::kTransientFailure: return "TRANSIENT_FAILURE";
    case ConnectivityState::kShutdown: return "SHUTDOWN";
  }
  return "UNKNOWN";
}

struct SubchannelKey {
  std::string address;
  std::string authority;
  bool operator<(const SubchannelKey& o) const {
    return address < o.address || (address == o.address && authority < o.authority);
  }
};

struct SubchannelEntry {
  ConnectivityState state = ConnectivityState::kIdle;
  int refs = 0;
  int64_t last_used_ms = 0;
};

class SubchannelPool {
 public:
  void Register(const SubchannelKey& key, int64_t now_ms) {
    MutexLock lock(&mu_);
    SubchannelEntry& e = subchannels_[key];
    ++e.refs;
    e.last_used_ms = now_ms;
  }

  void Unregister(const SubchannelKey& key) {
    MutexLock lock(&mu_);
    auto it = subchannels_.find(key);
    if (it == subchannels_.end()) return;
    if (--it->second.refs == 0) it->second.state = ConnectivityState::kShutdown;
  }

  void UpdateState(const SubchannelKey& key, ConnectivityState state) {
    MutexLock lock(&mu_);
    auto it = subchannels_.find(key);
    if (it != subchannels_.end()) it->second.state = state;
  }

  // Removes entries nobody references; returns how many remain ready.
  size_t Reap(int64_t now_ms, int64_t idle_ms) {
    MutexLock lock(&mu_);
    for (auto it = subchannels_.begin(); it != subchannels_.end();) {
      if (it->second.refs == 0 && now_ms - it->second.last_used_ms > idle_ms) {
        it = subchannels_.erase(it);
      } else {
        ++it;
      }
    }
    return CountReadyLocked();
  }

  // Health summary for channelz; called from the channelz polling thread.
  std::string ReportHealth() {
    size_t ready = CountReadyLocked();  // EXPECT: concurrency-unguarded-field
    GRPC_TRACE_LOG(subchannel_pool) << "ready subchannels: " << ready;
    return "ready=" + std::to_string(ready);
  }

 private:
  size_t CountReadyLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    size_t n = 0;
    for (const auto& [key, entry] : subchannels_) {
      if (entry.state == ConnectivityState::kReady) ++n;
    }
    return n;
  }

  Mutex mu_;
  std::map<SubchannelKey, SubchannelEntry> subchannels_ ABSL_GUARDED_BY(mu_);
};

class ChannelzReporter {
 public:
  explicit ChannelzReporter(SubchannelPool* pool) : pool_(pool) {}

  Status Poll() {
    std::string health = pool_->ReportHealth();
    if (health.empty()) return Status("empty health report");
    last_report_ = health;
    return Status();
  }

 private:
  SubchannelPool* pool_;
  std::string last_report_;  // only used by the channelz polling thread
};

}  // namespace grpc_core
