// Lease manager: the renewal callback handed to the timer and Revoke() both
// hold mu_ around every access to the lease state, so the closure and the
// other writer always share a lock.
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <utility>

namespace coord {

class Timer {
 public:
  virtual ~Timer() = default;
  virtual void Every(std::chrono::milliseconds period, std::function<void()> callback) = 0;
};

inline bool RenewLease(const std::string& holder, int64_t epoch) { return !holder.empty() && epoch >= 0; }

class LeaseManager {
 public:
  LeaseManager(Timer* timer, std::string holder) : timer_(timer), holder_(std::move(holder)) {}

  void Start() {
    timer_->Every(std::chrono::seconds(2), [this] {
      std::lock_guard<std::mutex> lock(mu_);
      if (revoked_) return;
      if (RenewLease(holder_, epoch_)) {
        ++epoch_;
      } else {
        revoked_ = true;
      }
    });
  }

  void Revoke(std::string reason) {
    std::lock_guard<std::mutex> lock(mu_);
    revoked_ = true;
    revoke_reason_ = std::move(reason);
    holder_.clear();
  }

  int64_t epoch() {
    std::lock_guard<std::mutex> lock(mu_);
    return epoch_;
  }

 private:
  Timer* const timer_;
  std::mutex mu_;
  std::string holder_;
  int64_t epoch_ = 0;
  bool revoked_ = false;
  std::string revoke_reason_;
};

}  // namespace coord
