// Route table on absl::Mutex: routes() takes the lock and returns a
// reference to the guarded map, which the caller iterates after the
// MutexLock has been released while Update() rehashes it.
#include <cstddef>
#include <string>
#include <unordered_map>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace net {

struct Route {
  std::string next_hop;
  int metric = 0;
};

class RouteTable {
 public:
  void Update(const std::string& prefix, Route route) {
    absl::MutexLock lock(&mu_);
    routes_[prefix] = std::move(route);
    ++version_;
  }

  void Withdraw(const std::string& prefix) {
    absl::MutexLock lock(&mu_);
    routes_.erase(prefix);
    ++version_;
  }

  const std::unordered_map<std::string, Route>& routes() {
    absl::MutexLock lock(&mu_);
    return routes_;  // EXPECT: concurrency-unguarded-field
  }

  int version() {
    absl::MutexLock lock(&mu_);
    return version_;
  }

 private:
  absl::Mutex mu_;
  std::unordered_map<std::string, Route> routes_ ABSL_GUARDED_BY(mu_);
  int version_ ABSL_GUARDED_BY(mu_) = 0;
};

// Called from the admin RPC thread.
inline size_t CountRoutesVia(RouteTable& table, const std::string& hop) {
  size_t n = 0;
  for (const auto& entry : table.routes()) {
    if (entry.second.next_hop == hop) ++n;
  }
  return n;
}

}  // namespace net
