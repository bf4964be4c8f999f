// Per-tenant quota counters of a multi-tenant API gateway. Counters are
// merged and swapped between tenants during re-sharding; every access to
// another object's fields holds that object's mutex as well as this one's.

#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>

#include "mock/tenant_quota.h"

namespace gateway {

class QuotaCounter {
 public:
  QuotaCounter(std::string tenant, const QuotaPolicy& policy)
      : tenant_(std::move(tenant)), limit_(policy.default_limit + policy.burst) {}

  QuotaCounter(const QuotaCounter& other) : tenant_(other.tenant_) {
    std::shared_lock<std::shared_mutex> lock(other.mu_);
    used_ = other.used_;
    limit_ = other.limit_;
  }

  QuotaCounter& operator=(const QuotaCounter&) = delete;

  void Swap(QuotaCounter& other) {
    if (this == &other) return;
    std::scoped_lock lock(mu_, other.mu_);
    std::swap(used_, other.used_);
    std::swap(limit_, other.limit_);
  }

  void MergeFrom(QuotaCounter& other) {
    if (this == &other) return;
    std::unique_lock<std::shared_mutex> mine(mu_, std::defer_lock);
    std::unique_lock<std::shared_mutex> theirs(other.mu_, std::defer_lock);
    std::lock(mine, theirs);
    used_ += other.used_;
    other.used_ = 0;
  }

  bool TryConsume(uint64_t n) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    if (used_ + n > limit_) return false;
    used_ += n;
    return true;
  }

  void SetLimit(uint64_t limit) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    limit_ = limit;
  }

  uint64_t Remaining() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return used_ >= limit_ ? 0 : limit_ - used_;
  }

  const std::string& tenant() const { return tenant_; }

 private:
  const std::string tenant_;
  mutable std::shared_mutex mu_;
  uint64_t used_ = 0;
  uint64_t limit_ = 1000;
};

}  // namespace gateway
