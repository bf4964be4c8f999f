// Abseil-style configuration registry: many readers under ReaderMutexLock,
// rare writers under MutexLock; a watcher blocks in Await until a newer
// generation is published. Hit counting uses a SpinLock of its own.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "mock/absl_mutex.h"

class ConfigRegistry {
 public:
  std::optional<std::string> Get(const std::string& key) const ABSL_LOCKS_EXCLUDED(mu_) {
    CountHit();
    absl::ReaderMutexLock l(&mu_);
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }

  void Publish(std::map<std::string, std::string> values) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    values_.swap(values);
    BumpGenerationLocked();
  }

  void Set(const std::string& key, std::string value) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    values_[key] = std::move(value);
    BumpGenerationLocked();
  }

  // Blocks until a generation newer than `seen` is published; returns it.
  uint64_t WaitForUpdate(uint64_t seen) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    auto newer = [this, seen]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return generation_ > seen; };
    mu_.Await(absl::Condition(&newer));
    return generation_;
  }

  uint64_t hits() const ABSL_LOCKS_EXCLUDED(hits_lock_) {
    absl::base_internal::SpinLockHolder h(&hits_lock_);
    return hits_;
  }

  void MarkLoaded() { loaded_.Notify(); }
  void WaitLoaded() const { loaded_.WaitForNotification(); }

 private:
  void BumpGenerationLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { ++generation_; }

  void CountHit() const ABSL_LOCKS_EXCLUDED(hits_lock_) {
    absl::base_internal::SpinLockHolder h(&hits_lock_);
    ++hits_;
  }

  mutable absl::Mutex mu_;
  std::map<std::string, std::string> values_ ABSL_GUARDED_BY(mu_);
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;

  mutable absl::base_internal::SpinLock hits_lock_;
  mutable uint64_t hits_ ABSL_GUARDED_BY(hits_lock_) = 0;

  absl::Notification loaded_;
};
