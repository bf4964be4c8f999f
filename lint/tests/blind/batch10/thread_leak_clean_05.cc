// Lease renewer for the distributed lock client: the renewer thread sleeps on
// a timed wait between renewals, so the destructor's join returns within one
// renewal period even without a notification.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace dlock {

enum class LeaseState { kHeld, kExpired, kReleased };

class LeaseBackend {
 public:
  virtual ~LeaseBackend() = default;
  virtual bool Renew(const std::string& key, std::chrono::seconds ttl) = 0;
};

class LeaseRenewer {
 public:
  LeaseRenewer(LeaseBackend* backend, std::string key, std::chrono::seconds ttl)
      : backend_(backend), key_(std::move(key)), ttl_(ttl), thread_([this] { Loop(); }) {}

  ~LeaseRenewer() {
    done_.store(true);
    thread_.join();
  }

  LeaseState state() {
    std::lock_guard<std::mutex> lock(mu_);
    return state_;
  }

  uint64_t renewals() {
    std::lock_guard<std::mutex> lock(mu_);
    return renewals_;
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!done_.load()) {
      cv_.wait_for(lock, ttl_ / 3, [this] { return done_.load(); });
      if (done_.load()) break;
      lock.unlock();
      const bool ok = backend_->Renew(key_, ttl_);
      lock.lock();
      state_ = ok ? LeaseState::kHeld : LeaseState::kExpired;
      if (ok) ++renewals_;
    }
    state_ = LeaseState::kReleased;
  }

  LeaseBackend* const backend_;
  const std::string key_;
  const std::chrono::seconds ttl_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> done_{false};
  LeaseState state_ = LeaseState::kHeld;
  uint64_t renewals_ = 0;
  std::thread thread_;
};

// Renews several leases for a short batch job; threads are joined in the same
// function that starts them.
int RenewAllOnce(LeaseBackend* backend, const std::vector<std::string>& keys) {
  std::vector<std::thread> threads;
  std::vector<int> ok(keys.size(), 0);
  for (size_t i = 0; i < keys.size(); ++i) {
    threads.emplace_back([backend, &keys, &ok, i] {
      ok[i] = backend->Renew(keys[i], std::chrono::seconds(30)) ? 1 : 0;
    });
  }
  for (std::thread& t : threads) t.join();
  int total = 0;
  for (int v : ok) total += v;
  return total;
}

}  // namespace dlock
