// Per-tenant token-bucket rate limiting for an ingestion API. Buckets live in
// a registry; when tenants are merged, the surviving bucket absorbs the
// retired one's unused tokens.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace ratelimit {

using Clock = std::chrono::steady_clock;

struct BucketConfig {
  double capacity = 100;       // tokens
  double refill_per_sec = 10;  // tokens per second
};

enum class Decision { kAllow, kThrottle };

class TokenBucket {
 public:
  TokenBucket(const BucketConfig& config, Clock::time_point now)
      : capacity_(config.capacity),
        refill_per_sec_(config.refill_per_sec),
        tokens_(config.capacity),
        last_refill_(now) {}

  Decision TryAcquire(double n, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(mu_);
    Refill(now);
    if (tokens_ < n) {
      ++throttled_;
      return Decision::kThrottle;
    }
    tokens_ -= n;
    return Decision::kAllow;
  }

  double Available(Clock::time_point now) {
    std::lock_guard<std::mutex> lock(mu_);
    Refill(now);
    return tokens_;
  }

  // Moves the unused tokens of a retired tenant's bucket into this one.
  void AbsorbFrom(const TokenBucket& retired, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(mu_);
    Refill(now);
    tokens_ = std::min(capacity_, tokens_ + retired.tokens_);  // EXPECT: concurrency-unguarded-field
  }

  uint64_t throttled() {
    std::lock_guard<std::mutex> lock(mu_);
    return throttled_;
  }

 private:
  void Refill(Clock::time_point now) {
    const double elapsed = std::chrono::duration<double>(now - last_refill_).count();
    if (elapsed <= 0) return;
    tokens_ = std::min(capacity_, tokens_ + elapsed * refill_per_sec_);
    last_refill_ = now;
  }

  const double capacity_;
  const double refill_per_sec_;
  mutable std::mutex mu_;
  double tokens_;
  Clock::time_point last_refill_;
  uint64_t throttled_ = 0;
};

class RateLimiterRegistry {
 public:
  explicit RateLimiterRegistry(BucketConfig defaults) : defaults_(defaults) {}

  Decision Check(const std::string& tenant, double cost) {
    const Clock::time_point now = Clock::now();
    return BucketFor(tenant, now)->TryAcquire(cost, now);
  }

  // Admin API: fold `from` into `into`. The retired bucket stays reachable by
  // in-flight requests that already looked it up.
  bool MergeTenants(const std::string& from, const std::string& into) {
    std::shared_ptr<TokenBucket> src;
    std::shared_ptr<TokenBucket> dst;
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto s = buckets_.find(from);
      auto d = buckets_.find(into);
      if (s == buckets_.end() || d == buckets_.end()) return false;
      src = s->second;
      dst = d->second;
      buckets_.erase(s);
    }
    dst->AbsorbFrom(*src, Clock::now());
    return true;
  }

  size_t NumTenants() {
    std::lock_guard<std::mutex> lock(mu_);
    return buckets_.size();
  }

 private:
  std::shared_ptr<TokenBucket> BucketFor(const std::string& tenant, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = buckets_.find(tenant);
    if (it == buckets_.end()) {
      it = buckets_.emplace(tenant, std::make_shared<TokenBucket>(defaults_, now)).first;
    }
    return it->second;
  }

  const BucketConfig defaults_;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<TokenBucket>> buckets_;
};

}  // namespace ratelimit
