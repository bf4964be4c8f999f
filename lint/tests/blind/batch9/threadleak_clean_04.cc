// A lease keeper for a distributed lock service: a renewal thread renews
// the lease before it expires, and an expiry monitor waits with a timeout.
// The destructor sets the stop flag the renewal thread's wait reads and
// notifies it before joining.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace lease {

using Clock = std::chrono::steady_clock;

class LockService {
 public:
  virtual ~LockService() = default;
  virtual bool Renew(const std::string& lease_id, std::chrono::seconds ttl) = 0;
  virtual void Release(const std::string& lease_id) = 0;
};

class LeaseKeeper {
 public:
  LeaseKeeper(LockService* service, std::string lease_id, std::chrono::seconds ttl,
              std::function<void()> on_lost)
      : service_(service), lease_id_(std::move(lease_id)), ttl_(ttl), on_lost_(std::move(on_lost)) {
    expires_at_ = Clock::now() + ttl_;
    renewer_ = std::thread(&LeaseKeeper::RenewLoop, this);
    monitor_ = std::thread(&LeaseKeeper::MonitorLoop, this);
  }

  ~LeaseKeeper() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    renew_cv_.notify_all();
    renewer_.join();
    monitor_.join();
    service_->Release(lease_id_);
  }

  // Asks for an early renewal, e.g. after a long GC pause.
  void RenewNow() {
    std::lock_guard<std::mutex> lock(mu_);
    renew_requested_ = true;
    renew_cv_.notify_one();
  }

  bool held() {
    std::lock_guard<std::mutex> lock(mu_);
    return !lost_;
  }

 private:
  void RenewLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      renew_cv_.wait(lock, [this] { return stop_ || renew_requested_; });
      if (stop_) return;
      renew_requested_ = false;
      lock.unlock();
      const bool ok = service_->Renew(lease_id_, ttl_);
      lock.lock();
      if (ok) expires_at_ = Clock::now() + ttl_;
    }
  }

  void MonitorLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_ && !lost_) {
      const auto renew_at = expires_at_ - ttl_ / 3;
      if (monitor_cv_.wait_until(lock, renew_at) == std::cv_status::timeout) {
        renew_requested_ = true;
        renew_cv_.notify_one();
      }
      if (Clock::now() >= expires_at_) {
        lost_ = true;
        lock.unlock();
        on_lost_();
        lock.lock();
      }
    }
  }

  LockService* const service_;
  const std::string lease_id_;
  const std::chrono::seconds ttl_;
  const std::function<void()> on_lost_;

  std::mutex mu_;
  std::condition_variable renew_cv_;
  std::condition_variable monitor_cv_;
  Clock::time_point expires_at_;
  bool renew_requested_ = false;
  bool stop_ = false;
  bool lost_ = false;
  std::thread renewer_;
  std::thread monitor_;
};

void HoldLeaderLease(LockService* service) {
  LeaseKeeper keeper(service, "leader", std::chrono::seconds(10),
                     [] { std::fprintf(stderr, "leadership lost\n"); });
  std::this_thread::sleep_for(std::chrono::seconds(1));
  if (!keeper.held()) std::fprintf(stderr, "lost the lease within a second\n");
}

}  // namespace lease
