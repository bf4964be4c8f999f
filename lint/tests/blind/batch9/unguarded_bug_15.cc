// Object location subscriptions in the style of Ray's core worker: the GCS
// pushes location updates, and owners subscribe with callbacks that run on
// the worker's io_service thread.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "ray/common/asio/instrumented_io_context.h"
#include "ray/common/status.h"
#include "ray/util/logging.h"

namespace ray {

using ObjectID = std::string;
using NodeID = std::string;

using LocationCallback =
    std::function<void(const ObjectID&, const absl::flat_hash_set<NodeID>&, int64_t size)>;

struct LocationInfo {
  absl::flat_hash_set<NodeID> nodes;
  int64_t object_size = -1;
  std::vector<LocationCallback> callbacks;
  bool pending_creation = true;
};

class ObjectLocationSubscriber {
 public:
  explicit ObjectLocationSubscriber(instrumented_io_context& io_service)
      : io_service_(io_service) {}

  // GCS client thread.
  void HandleLocationUpdate(const ObjectID& id, const NodeID& node, bool added, int64_t size) {
    absl::ReleasableMutexLock lock(&mu_);
    auto it = locations_.find(id);
    if (it == locations_.end()) return;
    LocationInfo& info = it->second;
    if (added) {
      info.nodes.insert(node);
    } else {
      info.nodes.erase(node);
    }
    if (size >= 0) info.object_size = size;
    info.pending_creation = false;
    std::vector<LocationCallback> callbacks = info.callbacks;
    absl::flat_hash_set<NodeID> nodes = info.nodes;
    const int64_t object_size = info.object_size;
    lock.Release();
    // Run the callbacks without the lock: they may resubscribe.
    for (const auto& cb : callbacks) cb(id, nodes, object_size);
    num_updates_++;  // EXPECT: concurrency-unguarded-field
  }

  Status Subscribe(const ObjectID& id, LocationCallback callback) {
    {
      absl::MutexLock lock(&mu_);
      if (unsubscribed_.contains(id)) {
        return Status::Invalid("object " + id + " is out of scope");
      }
      locations_[id].callbacks.push_back(std::move(callback));
    }
    io_service_.post(
        [this, id]() {
          RAY_LOG(DEBUG) << "Subscribed to " << id << ", " << locations_.size()  // EXPECT: concurrency-unguarded-field
                         << " objects tracked";
        },
        "ObjectLocationSubscriber.Subscribe");
    return Status::OK();
  }

  void Unsubscribe(const ObjectID& id) {
    absl::MutexLock lock(&mu_);
    locations_.erase(id);
    unsubscribed_.insert(id);
  }

  int64_t NumUpdates() {
    absl::MutexLock lock(&mu_);
    return num_updates_;
  }

  bool GetLocations(const ObjectID& id, std::vector<NodeID>* out) {
    absl::MutexLock lock(&mu_);
    auto it = locations_.find(id);
    if (it == locations_.end()) return false;
    out->assign(it->second.nodes.begin(), it->second.nodes.end());
    return true;
  }

 private:
  instrumented_io_context& io_service_;
  absl::Mutex mu_;
  absl::flat_hash_map<ObjectID, LocationInfo> locations_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<ObjectID> unsubscribed_ ABSL_GUARDED_BY(mu_);
  int64_t num_updates_ ABSL_GUARDED_BY(mu_) = 0;
};

void LogLocations(ObjectLocationSubscriber& subscriber, const ObjectID& id) {
  std::vector<NodeID> nodes;
  if (!subscriber.GetLocations(id, &nodes)) {
    RAY_LOG(WARNING) << "No locations known for " << id;
    return;
  }
  RAY_LOG(INFO) << id << " is on " << nodes.size() << " nodes";
}

}  // namespace ray
