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

  void Update(const Route& route) {
    boost::lock_guard<boost::mutex> guard(mtx_);
    routes_[route.topic] = route;
    ++updates_;
    if (routes_.size() > capacity_) EvictOldest();
  }

  bool Lookup(const std::string& topic, Route* out) {
    boost::lock_guard<boost::mutex> guard(mtx_);
    auto it = routes_.find(topic);
    if (it == routes_.end()) {
      ++misses_;
      return false;
    }
    *out = it->second;
    return true;
  }

  // Applies a batch of routes received from the controller. A full
  // snapshot is only pushed while the router is bootstrapping, before the
  // listeners are opened.
  void ApplyBatch(const std::vector<Route>& batch, bool full_snapshot) {
    boost::unique_lock<boost::mutex> lock(mtx_, boost::defer_lock);
    if (!full_snapshot) {
      lock.lock();
    }
    if (full_snapshot) routes_.clear();  // EXPECT: concurrency-unguarded-field
    for (const Route& r : batch) {
      routes_[r.topic] = r;  // EXPECT: concurrency-unguarded-field
    }
    updates_ += batch.size();  // EXPECT: concurrency-unguarded-field
  }

  uint64_t updates() {
    boost::lock_guard<boost::mutex> guard(mtx_);
    return updates_;
  }

  uint64_t misses() {
    boost::lock_guard<boost::mutex> guard(mtx_);
    return misses_;
  }

 private:
  void EvictOldest() {
    auto victim = routes_.begin();
    for (auto it = routes_.begin(); it != routes_.end(); ++it) {
      if (it->second.version < victim->second.version) victim = it;
    }
    routes_.erase(victim);
  }

  const size_t capacity_;
  boost::mutex mtx_;
  std::map<std::string, Route> routes_;
  uint64_t updates_ = 0;
  uint64_t misses_ = 0;
};

}  // namespace broker
