// Lock-free published routing snapshot for the RPC router. The snapshot is
// built on first use with double-checked locking on an atomic pointer:
// acquire on the fast path, release when publishing.
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace router {

enum class Balancer { kRoundRobin, kLeastRequest, kRingHash };

struct ServiceRoute {
  std::vector<std::string> backends;
  Balancer balancer = Balancer::kRoundRobin;
};

class RouteSnapshot {
 public:
  explicit RouteSnapshot(std::map<std::string, ServiceRoute> routes) : routes_(std::move(routes)) {}

  const ServiceRoute* Find(const std::string& service) const {
    auto it = routes_.find(service);
    return it == routes_.end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, ServiceRoute> routes_;
};

class Router {
 public:
  ~Router() { delete snapshot_.load(std::memory_order_acquire); }

  const RouteSnapshot* Snapshot() {
    RouteSnapshot* snap = snapshot_.load(std::memory_order_acquire);
    if (snap == nullptr) {
      std::lock_guard<std::mutex> lock(mu_);
      snap = snapshot_.load(std::memory_order_relaxed);
      if (snap == nullptr) {
        snap = BuildLocked();
        snapshot_.store(snap, std::memory_order_release);
      }
    }
    return snap;
  }

  void AddStaticRoute(const std::string& service, ServiceRoute route) {
    std::lock_guard<std::mutex> lock(mu_);
    static_routes_[service] = std::move(route);
  }

  size_t StaticRouteCount() {
    std::lock_guard<std::mutex> lock(mu_);
    return static_routes_.size();
  }

  std::string Pick(const std::string& service, unsigned request_hash) {
    const ServiceRoute* route = Snapshot()->Find(service);
    if (route == nullptr || route->backends.empty()) return "";
    return route->backends[request_hash % route->backends.size()];
  }

 private:
  // Caller holds mu_.
  RouteSnapshot* BuildLocked() {
    return new RouteSnapshot(static_routes_);
  }

  std::mutex mu_;
  std::map<std::string, ServiceRoute> static_routes_;
  std::atomic<RouteSnapshot*> snapshot_{nullptr};
};

const char* BalancerName(Balancer b) {
  switch (b) {
    case Balancer::kRoundRobin: return "round_robin";
    case Balancer::kLeastRequest: return "least_request";
    case Balancer::kRingHash: return "ring_hash";
  }
  return "unknown";
}

}  // namespace router
