// Routing table for the edge proxy. Lookups run on every request thread under
// a shared lock; the control-plane thread installs new routes exclusively.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "boost_thread.h"
#include "task_runner.h"

namespace edge {

enum class RouteKind { kExact, kPrefix, kRedirect };

struct Route {
  std::string backend;
  RouteKind kind = RouteKind::kExact;
  int weight = 100;
};

class RouteTable {
 public:
  bool Lookup(const std::string& host, Route* out) const {
    boost::shared_lock<boost::shared_mutex> lock(mutex_);
    auto it = routes_.find(host);
    if (it == routes_.end()) return false;
    *out = it->second;
    return true;
  }

  void Install(std::map<std::string, Route> routes) {
    boost::unique_lock<boost::shared_mutex> lock(mutex_);
    routes_.swap(routes);
    ++generation_;
  }

  // Adds a route only if the host has none yet; readers keep going while we
  // look, and we upgrade to exclusive for the insert.
  bool AddIfAbsent(const std::string& host, const Route& route) {
    boost::upgrade_lock<boost::shared_mutex> lock(mutex_);
    if (routes_.count(host) != 0) return false;
    boost::upgrade_to_unique_lock<boost::shared_mutex> unique(lock);
    routes_.emplace(host, route);
    ++generation_;
    return true;
  }

  uint64_t generation() const {
    boost::shared_lock<boost::shared_mutex> lock(mutex_);
    return generation_;
  }

  // Periodic stats dump from the admin thread.
  void DumpStats() const {
    size_t redirects = 0;
    {
      boost::shared_lock<boost::shared_mutex> lock(mutex_);
      for (const auto& [host, route] : routes_) {
        if (route.kind == RouteKind::kRedirect) ++redirects;
      }
    }
    runtime::Log("INFO") << "routes: redirects=" << redirects
                         << " generation=" << generation_;  // EXPECT: concurrency-unguarded-field
  }

 private:
  mutable boost::shared_mutex mutex_;
  std::map<std::string, Route> routes_;
  uint64_t generation_ = 0;
};

class ControlPlaneClient {
 public:
  explicit ControlPlaneClient(RouteTable* table) : table_(table) {}

  runtime::Status ApplySnapshot(const std::vector<std::string>& lines) {
    std::map<std::string, Route> parsed;
    for (const std::string& line : lines) {
      auto eq = line.find('=');
      if (eq == std::string::npos) return runtime::Status::kInternal;
      Route r;
      r.backend = line.substr(eq + 1);
      if (!r.backend.empty() && r.backend[0] == '>') r.kind = RouteKind::kRedirect;
      parsed.emplace(line.substr(0, eq), r);
    }
    table_->Install(std::move(parsed));
    return runtime::Status::kOk;
  }

 private:
  RouteTable* table_;
};

}  // namespace edge
