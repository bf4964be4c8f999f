// Retry policy with per-policy budgets. Policies are copied out of the
// config snapshot and moved into routes, so copy and move lock the source.

#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace routing {

class RetryBudget {
 public:
  RetryBudget() = default;

  RetryBudget(const RetryBudget& other) {
    std::lock_guard<std::mutex> lock(other.mu_);
    retry_on_ = other.retry_on_;
    max_retries_ = other.max_retries_;
    used_ = other.used_;
  }

  RetryBudget& operator=(RetryBudget&& other) {
    if (this == &other) return *this;
    std::scoped_lock lock(mu_, other.mu_);
    retry_on_ = std::move(other.retry_on_);
    max_retries_ = other.max_retries_;
    used_ = other.used_;
    other.used_ = 0;
    return *this;
  }

  RetryBudget& operator=(const RetryBudget&) = delete;

  void Configure(std::vector<std::string> retry_on, uint32_t max_retries) {
    std::lock_guard<std::mutex> lock(mu_);
    retry_on_ = std::move(retry_on);
    max_retries_ = max_retries;
  }

  bool TryConsume(const std::string& reason) {
    std::lock_guard<std::mutex> lock(mu_);
    if (used_ >= max_retries_) return false;
    for (const std::string& r : retry_on_) {
      if (r == reason) {
        ++used_;
        return true;
      }
    }
    return false;
  }

  void Reset() {
    std::lock_guard<std::mutex> lock(mu_);
    used_ = 0;
  }

  uint32_t used() const {
    std::lock_guard<std::mutex> lock(mu_);
    return used_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> retry_on_;
  uint32_t max_retries_ = 0;
  uint32_t used_ = 0;
};

}  // namespace routing
