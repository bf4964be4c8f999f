//
// Copyright 2023 gRPC authors.
//
// Registry of the xDS clusters a channel currently uses. The LB policy reads
// cluster data while the xDS client thread applies updates.
//

#include "grpc_core/sync.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace grpc_core {

struct XdsClusterResource {
  std::string eds_service_name;
  std::vector<std::string> priorities;
  uint32_t max_concurrent_requests = 1024;
};

class XdsClusterMap {
 public:
  void Update(const std::string& name, XdsClusterResource resource) {
    MutexLock lock(&mu_);
    clusters_[name] = std::move(resource);
    ++generation_;
  }

  void Remove(const std::string& name) {
    MutexLock lock(&mu_);
    clusters_.erase(name);
    ++generation_;
  }

  // Returns the cluster's resource, or nullptr if it is not known.
  const XdsClusterResource* Find(const std::string& name) {
    MutexLock lock(&mu_);
    auto it = clusters_.find(name);
    if (it == clusters_.end()) return nullptr;
    return &it->second;  // EXPECT: concurrency-unguarded-field
  }

  uint32_t MaxConcurrentRequests(const std::string& name) {
    MutexLock lock(&mu_);
    auto it = clusters_.find(name);
    return it == clusters_.end() ? 0 : it->second.max_concurrent_requests;
  }

  uint64_t generation() {
    MutexLock lock(&mu_);
    return generation_;
  }

 private:
  Mutex mu_;
  std::map<std::string, XdsClusterResource> clusters_ ABSL_GUARDED_BY(&mu_);
  uint64_t generation_ ABSL_GUARDED_BY(&mu_) = 0;
};

}  // namespace grpc_core

std::string EdsNameOrCluster(grpc_core::XdsClusterMap& map,
                             const std::string& cluster) {
  const grpc_core::XdsClusterResource* r = map.Find(cluster);
  if (r == nullptr || r->eds_service_name.empty()) return cluster;
  return r->eds_service_name;
}
