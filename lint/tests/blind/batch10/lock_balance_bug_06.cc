// Resource quota for gRPC core: memory allocators reserve from a shared pool;
// LockForReclaim() takes the pool mutex for the reclaimer sweep.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "grpc_sync.h"

namespace grpc_core {

enum class ReclaimerPass { kBenign, kIdle, kDestructive };

struct AllocatorStats {
  std::string name;
  size_t reserved = 0;
  size_t free_bytes = 0;
};

class MemoryQuota {
 public:
  explicit MemoryQuota(size_t capacity) : capacity_(capacity) {}

  bool Reserve(const std::string& name, size_t bytes) {
    MutexLock lock(&mu_);
    if (reclaiming_disabled_) return false;
    if (used_ + bytes > capacity_) return false;
    used_ += bytes;
    FindOrAddLocked(name).reserved += bytes;
    return true;
  }

  // Takes the mutex for a reclaimer sweep. Returns with the mutex held; the
  // caller calls UnlockAfterReclaim().
  void LockForReclaim() ABSL_EXCLUSIVE_LOCK_FUNCTION(mu_) {
    if (shutdown_requested_) {
      GRPC_TRACE_LOG(resource_quota) << "shutdown requested; skipping reclaim";
      return;
    }
    mu_.Lock();
    ++sweeps_;
  }  // EXPECT: concurrency-lock-balance

  void UnlockAfterReclaim() ABSL_UNLOCK_FUNCTION(mu_) { mu_.Unlock(); }

  size_t ReclaimLocked(ReclaimerPass pass) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    size_t freed = 0;
    for (AllocatorStats& a : allocators_) {
      size_t take = pass == ReclaimerPass::kDestructive ? a.reserved : a.free_bytes;
      a.reserved -= take;
      a.free_bytes = 0;
      freed += take;
    }
    used_ -= freed < used_ ? freed : used_;
    return freed;
  }

  void RequestShutdown() { shutdown_requested_ = true; }

 private:
  AllocatorStats& FindOrAddLocked(const std::string& name) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    for (AllocatorStats& a : allocators_) {
      if (a.name == name) return a;
    }
    allocators_.push_back(AllocatorStats{name, 0, 0});
    return allocators_.back();
  }

  const size_t capacity_;
  Mutex mu_;
  size_t used_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t sweeps_ ABSL_GUARDED_BY(mu_) = 0;
  bool reclaiming_disabled_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<AllocatorStats> allocators_ ABSL_GUARDED_BY(mu_);
  std::atomic<bool> shutdown_requested_{false};
};

size_t RunReclaimerSweep(MemoryQuota& quota, ReclaimerPass pass) {
  quota.LockForReclaim();
  size_t freed = quota.ReclaimLocked(pass);
  quota.UnlockAfterReclaim();
  return freed;
}

}  // namespace grpc_core
