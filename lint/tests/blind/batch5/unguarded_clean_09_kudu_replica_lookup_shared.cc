// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include "mock/kudu_locks.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace kudu {
namespace tserver {

enum class TabletState { kBootstrapping, kRunning, kStopped, kFailed };

struct TabletReplicaInfo {
  std::string tablet_id;
  std::string table_name;
  std::atomic<int> state{static_cast<int>(TabletState::kBootstrapping)};
};

// Registry of the tablet replicas hosted by this tablet server. Entries are
// handed out as shared_ptrs so that callers never hold references into the
// map after the lock is released.
class TabletReplicaRegistry {
 public:
  Status Register(std::shared_ptr<TabletReplicaInfo> info) {
    std::lock_guard<simple_spinlock> l(lock_);
    auto result = replicas_.emplace(info->tablet_id, std::move(info));
    if (!result.second) {
      return Status::IllegalState("tablet already registered");
    }
    return Status::OK();
  }

  Status Unregister(const std::string& tablet_id) {
    std::lock_guard<simple_spinlock> l(lock_);
    if (replicas_.erase(tablet_id) == 0) {
      return Status::NotFound("tablet not found");
    }
    return Status::OK();
  }

  std::shared_ptr<TabletReplicaInfo> Lookup(const std::string& tablet_id) const {
    std::lock_guard<simple_spinlock> l(lock_);
    return LookupUnlocked(tablet_id);
  }

  std::vector<std::string> RunningTablets() const {
    std::vector<std::shared_ptr<TabletReplicaInfo>> all;
    {
      std::lock_guard<simple_spinlock> l(lock_);
      all.reserve(replicas_.size());
      for (const auto& entry : replicas_) all.push_back(entry.second);
    }
    std::vector<std::string> ids;
    for (const auto& info : all) {
      if (info->state.load() == static_cast<int>(TabletState::kRunning)) {
        ids.push_back(info->tablet_id);
      }
    }
    return ids;
  }

 private:
  // Callers must hold lock_.
  std::shared_ptr<TabletReplicaInfo> LookupUnlocked(const std::string& tablet_id) const {
    DCHECK(lock_.is_locked());
    auto it = replicas_.find(tablet_id);
    return it == replicas_.end() ? nullptr : it->second;
  }

  mutable simple_spinlock lock_;
  std::unordered_map<std::string, std::shared_ptr<TabletReplicaInfo>> replicas_;
};

std::string DescribeTablet(const TabletReplicaRegistry& registry,
                           const std::string& tablet_id) {
  std::shared_ptr<TabletReplicaInfo> info = registry.Lookup(tablet_id);
  if (!info) return "unknown tablet " + tablet_id;
  return info->table_name + "/" + info->tablet_id;
}

}  // namespace tserver
}  // namespace kudu
