// A resolver that polls for new addresses and backs off after failures.
// Loosely follows grpc_core::PollingResolver.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "mock/grpc_sync.h"

namespace grpc_core {

struct ResolverResult {
  bool ok = false;
  std::vector<std::string> addresses;
  std::string error;
};

class PollingResolver {
 public:
  using ResultHandler = std::function<void(const ResolverResult&)>;

  explicit PollingResolver(ResultHandler handler)
      : handler_(std::move(handler)) {}

  void RequestReresolution();
  void OnRequestComplete(ResolverResult result);
  void Shutdown();
  int64_t next_retry_delay_ms();

 private:
  void MaybeStartRequestLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const ResultHandler handler_;
  Mutex mu_;
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
  bool request_in_flight_ ABSL_GUARDED_BY(mu_) = false;
  bool reresolution_requested_ ABSL_GUARDED_BY(mu_) = false;
  int consecutive_failures_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t next_retry_delay_ms_ ABSL_GUARDED_BY(mu_) = 0;
};

void PollingResolver::RequestReresolution() {
  MutexLock lock(&mu_);
  if (request_in_flight_) {
    reresolution_requested_ = true;
    return;
  }
  MaybeStartRequestLocked();
}

void PollingResolver::MaybeStartRequestLocked() {
  if (shutdown_) return;
  request_in_flight_ = true;
  reresolution_requested_ = false;
}

void PollingResolver::OnRequestComplete(ResolverResult result) {
  ReleasableMutexLock lock(&mu_);
  request_in_flight_ = false;
  if (shutdown_) return;
  if (result.ok) {
    consecutive_failures_ = 0;
    next_retry_delay_ms_ = 0;
  }
  const bool again = reresolution_requested_;
  lock.Release();
  // The handler may call back into RequestReresolution(), so it runs
  // without mu_.
  handler_(result);
  if (!result.ok) {
    ++consecutive_failures_;  // EXPECT: concurrency-unguarded-field
    next_retry_delay_ms_ = std::min<int64_t>(120000, int64_t{1000} << std::min(consecutive_failures_, 7));  // EXPECT: concurrency-unguarded-field
  }
  if (again) RequestReresolution();
}

void PollingResolver::Shutdown() {
  MutexLock lock(&mu_);
  shutdown_ = true;
}

int64_t PollingResolver::next_retry_delay_ms() {
  MutexLock lock(&mu_);
  return next_retry_delay_ms_;
}

}  // namespace grpc_core
