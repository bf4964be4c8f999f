//
// Copyright 2023 gRPC authors.
//
// Resource quota: a reclaimer locks the quota, inspects it and releases it in
// a separate step, so the lock/unlock pair is split over two annotated
// member functions.
//

#include "grpc_core/sync.h"

#include <cstdint>
#include <string>

namespace grpc_core {

class MemoryQuota {
 public:
  explicit MemoryQuota(std::string name) : name_(std::move(name)) {}

  // Locks the quota; the caller must call EndReclaim().
  void BeginReclaim() ABSL_EXCLUSIVE_LOCK_FUNCTION(mu_) {
    mu_.Lock();
    ++reclaims_;
  }

  void EndReclaim() ABSL_UNLOCK_FUNCTION(mu_) { mu_.Unlock(); }

  int64_t FreeLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return free_bytes_; }

  void ReturnLocked(int64_t bytes) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    free_bytes_ += bytes;
  }

  bool Reserve(int64_t bytes) {
    MutexLock lock(&mu_);
    if (free_bytes_ < bytes) return false;
    free_bytes_ -= bytes;
    return true;
  }

  const std::string& name() const { return name_; }

 private:
  const std::string name_;
  Mutex mu_;
  int64_t free_bytes_ ABSL_GUARDED_BY(mu_) = 1 << 20;
  uint64_t reclaims_ ABSL_GUARDED_BY(mu_) = 0;
};

// Returns the bytes reclaimed from idle channels.
int64_t ReclaimIdle(MemoryQuota* quota, int64_t idle_bytes) {
  quota->BeginReclaim();
  if (quota->FreeLocked() > idle_bytes) {
    quota->EndReclaim();
    return 0;
  }
  quota->ReturnLocked(idle_bytes);
  quota->EndReclaim();
  return idle_bytes;
}

}  // namespace grpc_core
