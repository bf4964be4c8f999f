// Upstream client: the endpoint is copied under config_mu_ and the copy is
// used after the lock is released; a stats sample is recorded only on the
// try_lock() success branch; Reconfigure() takes both mutexes with
// std::scoped_lock. Every access to a guarded field holds its mutex.
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>

namespace upstream {

bool SendTo(const std::string& endpoint, const std::string& payload);

class UpstreamClient {
 public:
  bool Send(const std::string& payload) {
    std::string endpoint;
    {
      std::lock_guard<std::mutex> lock(config_mu_);
      endpoint = endpoint_;
    }
    const bool ok = SendTo(endpoint, payload);
    if (stats_mu_.try_lock()) {
      ++samples_;
      if (!ok) ++failures_;
      stats_mu_.unlock();
    }
    return ok;
  }

  void Reconfigure(std::string endpoint) {
    std::scoped_lock lock(config_mu_, stats_mu_);
    endpoint_ = std::move(endpoint);
    samples_ = 0;
    failures_ = 0;
  }

  std::string endpoint() const {
    std::lock_guard<std::mutex> lock(config_mu_);
    return endpoint_;
  }

  double FailureRate() const {
    std::lock_guard<std::mutex> lock(stats_mu_);
    return samples_ == 0 ? 0.0 : static_cast<double>(failures_) / samples_;
  }

 private:
  mutable std::mutex config_mu_;
  mutable std::mutex stats_mu_;
  std::string endpoint_;
  int64_t samples_ = 0;
  int64_t failures_ = 0;
};

inline bool SendTo(const std::string& endpoint, const std::string& payload) {
  return !endpoint.empty() && !payload.empty();
}

}  // namespace upstream
