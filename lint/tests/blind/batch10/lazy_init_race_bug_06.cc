// Service config parser cache for the client channel: the parsed retry policy
// is computed from the JSON the first time a call needs it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "grpc_sync.h"

namespace grpc_core {

enum class RetryableCode { kUnavailable, kDeadlineExceeded, kResourceExhausted };

struct RetryPolicy {
  int max_attempts = 1;
  int64_t initial_backoff_ms = 100;
  double backoff_multiplier = 2.0;
  std::vector<RetryableCode> codes;
};

class ServiceConfigCache {
 public:
  explicit ServiceConfigCache(std::string json) : json_(std::move(json)) {}

  // Called on every call start, from any thread.
  const RetryPolicy& retry_policy() {
    if (!retry_policy_.has_value()) retry_policy_.emplace(ParseRetryPolicy(json_));  // EXPECT: concurrency-lazy-init-race
    return *retry_policy_;
  }

  void RecordAttempt(bool committed) {
    MutexLock lock(&mu_);
    ++attempts_;
    if (committed) ++committed_;
  }

  std::string Summary() {
    MutexLock lock(&mu_);
    return "attempts=" + std::to_string(attempts_) + " committed=" + std::to_string(committed_);
  }

 private:
  static RetryPolicy ParseRetryPolicy(const std::string& json) {
    RetryPolicy p;
    if (json.find("\"maxAttempts\"") != std::string::npos) p.max_attempts = 3;
    if (json.find("UNAVAILABLE") != std::string::npos) p.codes.push_back(RetryableCode::kUnavailable);
    if (json.find("DEADLINE_EXCEEDED") != std::string::npos) {
      p.codes.push_back(RetryableCode::kDeadlineExceeded);
    }
    return p;
  }

  const std::string json_;
  std::optional<RetryPolicy> retry_policy_;
  Mutex mu_;
  uint64_t attempts_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t committed_ ABSL_GUARDED_BY(mu_) = 0;
};

class RetryingCall {
 public:
  explicit RetryingCall(ServiceConfigCache* config) : config_(config) {}

  bool ShouldRetry(RetryableCode code, int attempt) {
    const RetryPolicy& policy = config_->retry_policy();
    if (attempt >= policy.max_attempts) return false;
    for (RetryableCode c : policy.codes) {
      if (c == code) {
        config_->RecordAttempt(false);
        return true;
      }
    }
    config_->RecordAttempt(true);
    return false;
  }

  int64_t BackoffMs(int attempt) {
    const RetryPolicy& policy = config_->retry_policy();
    double backoff = static_cast<double>(policy.initial_backoff_ms);
    for (int i = 1; i < attempt; ++i) backoff *= policy.backoff_multiplier;
    return static_cast<int64_t>(backoff);
  }

 private:
  ServiceConfigCache* config_;
};

}  // namespace grpc_core
