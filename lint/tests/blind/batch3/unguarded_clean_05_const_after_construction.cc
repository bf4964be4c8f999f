// Shard router: the shard map and the endpoints are built in the
// constructor and never written again, so lookups read them without the
// lock. mu_ guards only the per-shard failure counts.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace storage {

class ShardRouter {
 public:
  ShardRouter(std::vector<std::string> endpoints, uint32_t virtual_nodes)
      : endpoints_(std::move(endpoints)), virtual_nodes_(virtual_nodes) {
    ring_.reserve(endpoints_.size() * virtual_nodes_);
    for (size_t i = 0; i < endpoints_.size(); ++i) {
      for (uint32_t v = 0; v < virtual_nodes_; ++v) ring_.push_back(i);
    }
    failures_.assign(endpoints_.size(), 0);
  }

  const std::string& EndpointFor(const std::string& key) const {
    const size_t h = std::hash<std::string>{}(key);
    return endpoints_[ring_[h % ring_.size()]];
  }

  size_t num_shards() const { return endpoints_.size(); }

  void ReportFailure(size_t shard) {
    std::lock_guard<std::mutex> lock(mu_);
    ++failures_[shard];
  }

  int failures(size_t shard) const {
    std::lock_guard<std::mutex> lock(mu_);
    return failures_[shard];
  }

  void ResetFailures() {
    std::lock_guard<std::mutex> lock(mu_);
    for (int& f : failures_) f = 0;
  }

 private:
  std::vector<std::string> endpoints_;
  uint32_t virtual_nodes_;
  std::vector<size_t> ring_;
  mutable std::mutex mu_;
  std::vector<int> failures_;
};

}  // namespace storage
