// Route cache for the message broker's topic router.

#include "mock/boost_thread.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace broker {

struct Route {
  std::string topic;
  std::vector<uint32_t> partitions;
  uint64_t version = 0;
};

class RouteCache {
 public:
  explicit RouteCache(size_t capacity) : capacity_(capacity) {}

  // Inserts the route unless the cache already has a newer version. The
  // version check runs under the upgrade lock so readers are not blocked.
  bool Update(const Route& route) {
    boost::upgrade_lock<boost::shared_mutex> upgrade(mtx_);
    auto it = routes_.find(route.topic);
    if (it != routes_.end() && it->second.version >= route.version) {
      return false;
    }
    boost::upgrade_to_unique_lock<boost::shared_mutex> exclusive(upgrade);
    routes_[route.topic] = route;
    ++updates_;
    if (routes_.size() > capacity_) EvictOldestLocked();
    return true;
  }

  bool Lookup(const std::string& topic, Route* out) const {
    boost::shared_lock<boost::shared_mutex> shared(mtx_);
    auto it = routes_.find(topic);
    if (it == routes_.end()) return false;
    *out = it->second;
    return true;
  }

  void ApplySnapshot(const std::vector<Route>& batch) {
    std::map<std::string, Route> fresh;
    for (const Route& r : batch) fresh[r.topic] = r;
    boost::unique_lock<boost::shared_mutex> lock(mtx_);
    routes_.swap(fresh);
    updates_ += batch.size();
  }

  uint64_t updates() const {
    boost::shared_lock<boost::shared_mutex> shared(mtx_);
    return updates_;
  }

  size_t size() const {
    boost::shared_lock<boost::shared_mutex> shared(mtx_);
    return routes_.size();
  }

 private:
  // Requires the exclusive lock.
  void EvictOldestLocked() {
    auto victim = routes_.begin();
    for (auto it = routes_.begin(); it != routes_.end(); ++it) {
      if (it->second.version < victim->second.version) victim = it;
    }
    routes_.erase(victim);
  }

  const size_t capacity_;
  mutable boost::shared_mutex mtx_;
  std::map<std::string, Route> routes_;
  uint64_t updates_ = 0;
};

}  // namespace broker
