// Per-tenant quota configuration, read from the config service the first
// time a tenant's quota is checked. Checked on every request thread.

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace quota {

struct QuotaConfig {
  int64_t requests_per_minute = 0;
  int64_t burst = 0;
};

QuotaConfig FetchQuotaConfig(const std::string& tenant);

class TenantQuota {
 public:
  explicit TenantQuota(std::string tenant) : tenant_(std::move(tenant)) {}

  bool Admit(int64_t now_minute) {
    const QuotaConfig& config = Config();
    std::unique_lock<std::shared_mutex> lock(mu_);
    if (now_minute != window_minute_) {
      window_minute_ = now_minute;
      used_in_window_ = 0;
    }
    if (used_in_window_ >= config.requests_per_minute + config.burst) return false;
    ++used_in_window_;
    return true;
  }

  int64_t UsedInWindow() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return used_in_window_;
  }

 private:
  const QuotaConfig& Config() {
    if (!config_.has_value()) {  // EXPECT: concurrency-lazy-init-race
      config_.emplace(FetchQuotaConfig(tenant_));
    }
    return *config_;
  }

  const std::string tenant_;
  mutable std::shared_mutex mu_;
  std::optional<QuotaConfig> config_;
  int64_t window_minute_ = -1;
  int64_t used_in_window_ = 0;
};

}  // namespace quota
