// Health watcher for a subchannel: remembers the latest health status and
// reports it to a watcher outside the lock. Modeled on grpc_core's
// HealthProducer.

#include <functional>
#include <string>
#include <utility>

#include "mock/grpc_sync.h"

namespace grpc_core {

enum class HealthState { kUnknown, kServing, kNotServing };

class HealthWatcher {
 public:
  using Callback = std::function<void(HealthState, const std::string&)>;

  explicit HealthWatcher(Callback on_change) : on_change_(std::move(on_change)) {}

  void OnHealthCheckResponse(HealthState state, std::string detail);
  void Orphan();
  HealthState state();
  int notifications();

 private:
  const Callback on_change_;
  Mutex mu_;
  bool orphaned_ ABSL_GUARDED_BY(mu_) = false;
  HealthState state_ ABSL_GUARDED_BY(mu_) = HealthState::kUnknown;
  std::string detail_ ABSL_GUARDED_BY(mu_);
  int notifications_ ABSL_GUARDED_BY(mu_) = 0;
};

void HealthWatcher::OnHealthCheckResponse(HealthState state,
                                          std::string detail) {
  ReleasableMutexLock lock(&mu_);
  if (orphaned_) return;
  if (state == state_ && detail == detail_) return;
  state_ = state;
  detail_ = std::move(detail);
  ++notifications_;
  // Copy what the callback needs while we still hold mu_.
  const HealthState reported_state = state_;
  const std::string reported_detail = detail_;
  lock.Release();
  on_change_(reported_state, reported_detail);
}

void HealthWatcher::Orphan() {
  MutexLock lock(&mu_);
  orphaned_ = true;
  detail_.clear();
}

HealthState HealthWatcher::state() {
  MutexLock lock(&mu_);
  return state_;
}

int HealthWatcher::notifications() {
  MutexLock lock(&mu_);
  return notifications_;
}

}  // namespace grpc_core
