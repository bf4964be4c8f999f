// Health checker for a gRPC client: a timer thread sends a heartbeat on the
// channel; Shutdown() closes the channel when the owner goes away.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "grpc_sync.h"
#include "task_runner.h"

namespace grpc_core {

enum class HealthState { kUnknown, kServing, kNotServing };

class HealthChannel {
 public:
  explicit HealthChannel(std::string target) : target_(std::move(target)) {}
  Status Send(const std::string& service) {
    if (closed_) return Status("channel to " + target_ + " closed");
    return service.empty() ? Status("empty service") : Status();
  }
  void Close() { closed_ = true; }

 private:
  std::string target_;
  bool closed_ = false;
};

class HealthChecker {
 public:
  HealthChecker(runtime::Executor* timers, std::string target, std::string service)
      : timers_(timers), service_(std::move(service)),
        channel_(std::make_unique<HealthChannel>(std::move(target))) {}

  void Start() {
    timers_->Schedule(std::chrono::milliseconds(500), [this] { OnTimer(); });
  }

  void Shutdown() {
    MutexLock lock(&mu_);
    shutdown_ = true;
    if (channel_ != nullptr) {
      channel_->Close();
      channel_.reset();
    }
  }

  HealthState state() {
    MutexLock lock(&mu_);
    return state_;
  }

 private:
  // Timer thread.
  void OnTimer() {
    Status s = channel_->Send(service_);  // EXPECT: concurrency-use-after-close
    {
      MutexLock lock(&mu_);
      if (shutdown_) return;
      state_ = s.ok() ? HealthState::kServing : HealthState::kNotServing;
      ++checks_;
    }
    timers_->Schedule(std::chrono::milliseconds(500), [this] { OnTimer(); });
  }

  runtime::Executor* const timers_;
  const std::string service_;
  Mutex mu_;
  std::unique_ptr<HealthChannel> channel_;
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
  HealthState state_ ABSL_GUARDED_BY(mu_) = HealthState::kUnknown;
  uint64_t checks_ ABSL_GUARDED_BY(mu_) = 0;
};


const char* HealthStateName(HealthState s) {
  switch (s) {
    case HealthState::kUnknown: return "UNKNOWN";
    case HealthState::kServing: return "SERVING";
    case HealthState::kNotServing: return "NOT_SERVING";
  }
  return "?";
}

}  // namespace grpc_core
