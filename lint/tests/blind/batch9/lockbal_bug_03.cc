// Ray-style placement-group resource accounting: bundles reserve resources
// on a node; a rebalance pass moves bundles between nodes. Locks are
// absl::Mutex with annotations.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "ray/common/status.h"
#include "ray/util/logging.h"

namespace ray {
namespace raylet {

using NodeID = std::string;
using BundleID = std::string;

struct ResourceSet {
  double cpu = 0;
  double gpu = 0;
  double memory_gb = 0;
  bool FitsIn(const ResourceSet& avail) const {
    return cpu <= avail.cpu && gpu <= avail.gpu && memory_gb <= avail.memory_gb;
  }
};

class BundleScheduler {
 public:
  void AddNode(const NodeID& node, ResourceSet total) {
    absl::MutexLock lock(&mu_);
    available_[node] = total;
  }

  Status Reserve(const BundleID& bundle, const ResourceSet& req) {
    absl::MutexLock lock(&mu_);
    for (auto& [node, avail] : available_) {
      if (!req.FitsIn(avail)) continue;
      Subtract(&avail, req);
      placements_[bundle] = {node, req};
      PublishUsage();  // EXPECT: concurrency-lock-balance
      return Status::OK();
    }
    return Status::Invalid("no node fits bundle " + bundle);
  }

  // Moves bundles off overloaded nodes.
  int Rebalance(double max_cpu_fraction) {
    absl::MutexLock lock(&mu_);
    int moved = 0;
    for (auto& [bundle, placement] : placements_) {
      ResourceSet& from = available_[placement.first];
      if (from.cpu >= max_cpu_fraction) continue;
      for (auto& [node, avail] : available_) {
        if (node == placement.first || !placement.second.FitsIn(avail)) continue;
        Subtract(&avail, placement.second);
        Add(&from, placement.second);
        placement.first = node;
        ++moved;
        break;
      }
    }
    if (moved > 0) {
      absl::MutexLock stats_lock(&mu_);  // EXPECT: concurrency-lock-balance
      rebalances_ += moved;
    }
    return moved;
  }

  // Sends the per-node usage to the GCS. Takes mu_ itself.
  void PublishUsage() ABSL_LOCKS_EXCLUDED(mu_) {
    std::vector<std::pair<NodeID, ResourceSet>> snapshot;
    {
      absl::MutexLock lock(&mu_);
      snapshot.assign(available_.begin(), available_.end());
    }
    for (const auto& [node, avail] : snapshot) {
      RAY_LOG(DEBUG) << node << " cpu=" << avail.cpu << " gpu=" << avail.gpu;
    }
  }

  int64_t rebalances() {
    absl::MutexLock lock(&mu_);
    return rebalances_;
  }

 private:
  static void Subtract(ResourceSet* a, const ResourceSet& b) {
    a->cpu -= b.cpu;
    a->gpu -= b.gpu;
    a->memory_gb -= b.memory_gb;
  }
  static void Add(ResourceSet* a, const ResourceSet& b) {
    a->cpu += b.cpu;
    a->gpu += b.gpu;
    a->memory_gb += b.memory_gb;
  }

  absl::Mutex mu_;
  std::map<NodeID, ResourceSet> available_ ABSL_GUARDED_BY(mu_);
  std::map<BundleID, std::pair<NodeID, ResourceSet>> placements_ ABSL_GUARDED_BY(mu_);
  int64_t rebalances_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace raylet
}  // namespace ray
