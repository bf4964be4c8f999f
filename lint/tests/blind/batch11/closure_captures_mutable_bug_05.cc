// Lease keep-alive: Tick() is scheduled on the client's executor with
// std::bind and sends a renewal whose TTL is derived from the keep-alive
// interval, which the configuration watcher can change at runtime.
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "executor.h"

namespace coord {

class LeaseKeeper {
 public:
  LeaseKeeper(runtime::Executor* executor, std::string lease_id)
      : executor_(executor), lease_id_(std::move(lease_id)) {}

  void Start() {
    executor_->Schedule(std::bind(&LeaseKeeper::Tick, this), std::chrono::milliseconds(500));
  }

  // Configuration watcher thread.
  void SetIntervalMs(int64_t interval_ms) { interval_ms_ = interval_ms; }

  uint64_t renewals() {
    std::lock_guard<std::mutex> lock(mu_);
    return renewals_;
  }

 private:
  void Tick() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++renewals_;
    }
    const int64_t ttl_ms = 3 * interval_ms_;  // EXPECT: concurrency-closure-captures-mutable
    SendRenewal(lease_id_, ttl_ms);
  }

  void SendRenewal(const std::string& /*lease_id*/, int64_t /*ttl_ms*/) {}

  runtime::Executor* const executor_;
  const std::string lease_id_;
  std::mutex mu_;
  uint64_t renewals_ = 0;
  int64_t interval_ms_ = 1000;
};

}  // namespace coord
