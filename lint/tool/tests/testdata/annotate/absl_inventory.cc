// Fields whose guard concurrency-unguarded-field infers with no contrary
// evidence; --suggest-annotations --fix declares them.
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

class Inventory {
 public:
  explicit Inventory(std::string name) : name_(std::move(name)) {}

  void Add(int item) {
    absl::MutexLock lock(&mu_);
    items_.push_back(item);
    ++version_;
    recent_[version_ % 4] = item;
  }
  int Version() const {
    absl::ReaderMutexLock lock(&mu_);
    return version_;
  }
  size_t Size() const {
    absl::MutexLock lock(&mu_);
    return items_.size();
  }
  int Recent(int i) const {
    absl::MutexLock lock(&mu_);
    return recent_[i % 4];
  }
  void Clear() {
    absl::MutexLock lock(&mu_);
    items_.clear();
    version_ = 0;
    recent_[0] = 0;
    ClearStatsLocked();
  }

 private:
  void ClearStatsLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { cleared_++; }

  mutable absl::Mutex mu_;
  const std::string name_;  // immutable: no guard
  std::vector<int> items_;
  int version_ = 0;
  int recent_[4] = {};
  int cleared_ = 0;
};
