// Prefix route table of an L7 proxy's data plane. Lookups run on every worker
// thread under a shared lock; the control-plane thread applies updates under
// an exclusive one. BulkApply() was given a "caller already serialized" mode
// for the initial sync, but the control plane also calls it on every resync
// while workers are serving traffic.

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "mock/proxy_route.h"

namespace proxy {

class RouteTable {
 public:
  std::optional<Route> Lookup(const std::string& prefix) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = routes_.find(prefix);
    if (it == routes_.end()) return std::nullopt;
    return it->second;
  }

  void Upsert(const std::string& prefix, Route route) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    routes_[prefix] = std::move(route);
    ++version_;
  }

  void BulkApply(const std::vector<std::pair<std::string, Route>>& updates, bool serialized) {
    std::unique_lock<std::shared_mutex> lock(mu_, std::defer_lock);
    if (!serialized) lock.lock();
    for (const auto& [prefix, route] : updates) {
      routes_[prefix] = route;  // EXPECT: concurrency-unguarded-field
    }
    ++version_;  // EXPECT: concurrency-unguarded-field
  }

  uint64_t version() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return version_;
  }

 private:
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Route> routes_;
  uint64_t version_ = 0;
};

}  // namespace proxy
