// Rate-limiter settings that can be replaced at runtime by assigning a new
// configuration object; request threads consult it on every call.
#include <chrono>
#include <mutex>
#include <string>

namespace ratelimit {

class TokenBucket {
 public:
  TokenBucket(double rate, double burst) : rate_(rate), burst_(burst), tokens_(burst) {}

  TokenBucket& operator=(const TokenBucket& other) {
    if (this == &other) return *this;
    std::lock_guard<std::mutex> lock(mu_);
    rate_ = other.rate_;  // EXPECT: concurrency-unguarded-field
    burst_ = other.burst_;  // EXPECT: concurrency-unguarded-field
    tokens_ = burst_;
    return *this;
  }

  bool TryAcquire(double cost) {
    std::lock_guard<std::mutex> lock(mu_);
    Refill();
    if (tokens_ < cost) return false;
    tokens_ -= cost;
    return true;
  }

  void SetRate(double rate) {
    std::lock_guard<std::mutex> lock(mu_);
    rate_ = rate;
  }

  void SetBurst(double burst) {
    std::lock_guard<std::mutex> lock(mu_);
    burst_ = burst;
    if (tokens_ > burst_) tokens_ = burst_;
  }

  double rate() const {
    std::lock_guard<std::mutex> lock(mu_);
    return rate_;
  }

 private:
  // Only called with mu_ held.
  void Refill() {
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - last_refill_).count();
    last_refill_ = now;
    tokens_ += elapsed * rate_;
    if (tokens_ > burst_) tokens_ = burst_;
  }

  mutable std::mutex mu_;
  double rate_;
  double burst_;
  double tokens_;
  std::chrono::steady_clock::time_point last_refill_ = std::chrono::steady_clock::now();
};

}  // namespace ratelimit
