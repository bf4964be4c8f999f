// A Ray-style object-spilling manager: the spill loop takes the lock once
// per iteration and releases it before the I/O; the restore path releases
// its ReleasableMutexLock early on one path and lets the destructor release
// it on the other.
#include <cstdint>
#include <deque>
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

using ObjectID = std::string;

class ExternalStorage {
 public:
  virtual ~ExternalStorage() = default;
  virtual Status Spill(const ObjectID& id, std::string* url) = 0;
  virtual Status Restore(const std::string& url) = 0;
};

class SpillManager {
 public:
  explicit SpillManager(ExternalStorage* storage) : storage_(storage) {}

  void QueueForSpill(ObjectID id, int64_t size) {
    absl::MutexLock lock(&mu_);
    to_spill_.emplace_back(std::move(id), size);
  }

  int64_t SpillUntil(int64_t bytes_to_free) {
    int64_t freed = 0;
    while (freed < bytes_to_free) {
      std::pair<ObjectID, int64_t> next;
      {
        absl::MutexLock lock(&mu_);
        if (to_spill_.empty()) break;
        next = std::move(to_spill_.front());
        to_spill_.pop_front();
      }
      std::string url;
      Status s = storage_->Spill(next.first, &url);
      absl::MutexLock lock(&mu_);
      if (!s.ok()) {
        RAY_LOG(WARNING) << "spill of " << next.first << " failed: " << s.ToString();
        continue;
      }
      spilled_[next.first] = std::move(url);
      freed += next.second;
    }
    return freed;
  }

  Status RestoreIfSpilled(const ObjectID& id) {
    absl::ReleasableMutexLock lock(&mu_);
    auto it = spilled_.find(id);
    if (it == spilled_.end()) {
      return Status::NotFound("object " + id + " was not spilled");
    }
    const std::string url = it->second;
    spilled_.erase(it);
    lock.Release();
    return storage_->Restore(url);
  }

  // Copies the spilled set, then reports it without the lock.
  std::vector<ObjectID> ListSpilled() {
    std::vector<ObjectID> ids;
    {
      absl::MutexLock lock(&mu_);
      ids.reserve(spilled_.size());
      for (const auto& [id, url] : spilled_) ids.push_back(id);
    }
    RAY_LOG(DEBUG) << ids.size() << " objects spilled";
    return ids;
  }

  size_t NumSpilled() {
    absl::MutexLock lock(&mu_);
    return spilled_.size();
  }

 private:
  ExternalStorage* const storage_;
  absl::Mutex mu_;
  std::deque<std::pair<ObjectID, int64_t>> to_spill_ ABSL_GUARDED_BY(mu_);
  std::map<ObjectID, std::string> spilled_ ABSL_GUARDED_BY(mu_);
};

// Frees memory when the object store crosses its high-water mark.
int64_t OnMemoryPressure(SpillManager* manager, int64_t used, int64_t capacity) {
  const int64_t high_water = capacity * 8 / 10;
  if (used <= high_water) return 0;
  const int64_t freed = manager->SpillUntil(used - high_water);
  RAY_LOG(INFO) << "spilled " << freed << " bytes under memory pressure";
  return freed;
}

}  // namespace raylet
}  // namespace ray
