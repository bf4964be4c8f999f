// Endpoint table for a client-side load balancer. Updated by the discovery
// stream, read on every request.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace lb {

struct Endpoint {
  std::string address;
  uint32_t weight = 1;
};

class EndpointTable {
 public:
  void Upsert(const std::string& cluster, std::vector<Endpoint> endpoints);
  void Remove(const std::string& cluster);
  bool Pick(const std::string& cluster, uint64_t hash, Endpoint* out) const;
  size_t EndpointCount(const std::string& cluster);
  uint64_t version() const;

 private:
  mutable std::shared_mutex mu_;
  // Guarded by mu_.
  std::unordered_map<std::string, std::vector<Endpoint>> clusters_;
  // Guarded by mu_.
  uint64_t version_ = 0;
};

void EndpointTable::Upsert(const std::string& cluster,
                           std::vector<Endpoint> endpoints) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  clusters_[cluster] = std::move(endpoints);
  ++version_;
}

void EndpointTable::Remove(const std::string& cluster) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  if (clusters_.erase(cluster) > 0) ++version_;
}

bool EndpointTable::Pick(const std::string& cluster, uint64_t hash,
                         Endpoint* out) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = clusters_.find(cluster);
  if (it == clusters_.end() || it->second.empty()) return false;
  *out = it->second[hash % it->second.size()];
  return true;
}

size_t EndpointTable::EndpointCount(const std::string& cluster) {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return clusters_[cluster].size();  // EXPECT: concurrency-unguarded-field
}

uint64_t EndpointTable::version() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return version_;
}

}  // namespace lb
