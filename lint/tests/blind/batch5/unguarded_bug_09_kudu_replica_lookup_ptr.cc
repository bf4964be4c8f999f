// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include "mock/kudu_locks.h"

#include <cstdint>
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
  TabletState state = TabletState::kBootstrapping;
  int64_t last_logged_index = 0;
};

// Registry of the tablet replicas hosted by this tablet server. Tablet
// bootstrap threads register replicas while RPC handlers look them up.
class TabletReplicaRegistry {
 public:
  Status Register(const TabletReplicaInfo& info) {
    std::lock_guard<simple_spinlock> l(lock_);
    auto result = replicas_.emplace(info.tablet_id, info);
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

  void UpdateState(const std::string& tablet_id, TabletState state) {
    std::lock_guard<simple_spinlock> l(lock_);
    auto it = replicas_.find(tablet_id);
    if (it != replicas_.end()) it->second.state = state;
  }

  // Returns the replica or nullptr if this server does not host it.
  const TabletReplicaInfo* Lookup(const std::string& tablet_id) const {
    std::lock_guard<simple_spinlock> l(lock_);
    auto it = replicas_.find(tablet_id);
    if (it == replicas_.end()) return nullptr;
    return &it->second;  // EXPECT: concurrency-unguarded-field
  }

  std::vector<std::string> RunningTablets() const {
    std::vector<std::string> ids;
    std::lock_guard<simple_spinlock> l(lock_);
    for (const auto& entry : replicas_) {
      if (entry.second.state == TabletState::kRunning) ids.push_back(entry.first);
    }
    return ids;
  }

 private:
  mutable simple_spinlock lock_;
  std::unordered_map<std::string, TabletReplicaInfo> replicas_;
};

// RPC handler helper: describes the tablet for ListTablets.
std::string DescribeTablet(const TabletReplicaRegistry& registry,
                           const std::string& tablet_id) {
  const TabletReplicaInfo* info = registry.Lookup(tablet_id);
  if (info == nullptr) return "unknown tablet " + tablet_id;
  return info->table_name + "/" + info->tablet_id;
}

}  // namespace tserver
}  // namespace kudu
