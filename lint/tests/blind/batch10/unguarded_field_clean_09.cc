// Feature-flag cache for the Windows updater. Lookups take the SRW lock
// shared and return copies; the refresh thread swaps in a new table exclusively.
#include <map>
#include <string>
#include <vector>

#include "win_sync.h"

namespace updater {

enum class FlagSource { Default, Policy, Server };

struct FlagValue {
  bool enabled = false;
  FlagSource source = FlagSource::Default;
  std::string variant;
};

class FlagCache {
 public:
  explicit FlagCache(std::string channel) : channel_(std::move(channel)) {
    InitializeSRWLock(&lock_);
  }

  FlagValue Get(const std::string& name) {
    AcquireSRWLockShared(&lock_);
    FlagValue value;
    auto it = flags_.find(name);
    if (it != flags_.end()) value = it->second;
    ReleaseSRWLockShared(&lock_);
    return value;
  }

  bool IsEnabled(const std::string& name) { return Get(name).enabled; }

  void Refresh(std::map<std::string, FlagValue> fresh) {
    AcquireSRWLockExclusive(&lock_);
    for (auto& [name, value] : flags_) {
      if (value.source == FlagSource::Policy) fresh[name] = value;
    }
    flags_.swap(fresh);
    ++refreshes_;
    ReleaseSRWLockExclusive(&lock_);
  }

  void SetPolicy(const std::string& name, bool enabled) {
    AcquireSRWLockExclusive(&lock_);
    flags_[name] = FlagValue{enabled, FlagSource::Policy, ""};
    ReleaseSRWLockExclusive(&lock_);
  }

  std::vector<std::string> EnabledFlags() {
    std::vector<std::string> names;
    AcquireSRWLockShared(&lock_);
    for (const auto& [name, value] : flags_) {
      if (value.enabled) names.push_back(name);
    }
    ReleaseSRWLockShared(&lock_);
    return names;
  }

  unsigned Refreshes() {
    AcquireSRWLockShared(&lock_);
    unsigned r = refreshes_;
    ReleaseSRWLockShared(&lock_);
    return r;
  }

  // channel_ is set in the constructor and never changes.
  const std::string& Channel() const { return channel_; }

 private:
  const std::string channel_;
  SRWLOCK lock_;
  std::map<std::string, FlagValue> flags_;
  unsigned refreshes_ = 0;
};

std::string DescribeFlags(FlagCache& cache) {
  std::string out = "[" + cache.Channel() + "]";
  for (const std::string& name : cache.EnabledFlags()) {
    FlagValue v = cache.Get(name);
    out += " " + name + (v.variant.empty() ? "" : "=" + v.variant);
  }
  return out;
}

}  // namespace updater
