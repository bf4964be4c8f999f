// Upstream health-check scheduler in the style of Envoy's health checker:
// the lock is released early before callbacks run, re-taken with a new
// guard afterwards, and a busy lock skips the round.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "envoy_thread.h"

namespace Envoy {
namespace Upstream {

struct HostCheck {
  std::string address;
  bool healthy{true};
  uint32_t failures{0};
};

class HealthCheckScheduler {
public:
  using ResultCb = std::function<void(const std::string&, bool)>;

  void addHost(std::string address) {
    Thread::LockGuard lock(mutex_);
    hosts_.push_back(HostCheck{std::move(address)});
  }

  void runRound(const std::function<bool(const std::string&)>& probe, const ResultCb& cb) {
    Thread::ReleasableLockGuard lock(mutex_);
    std::vector<std::string> targets;
    for (const HostCheck& h : hosts_) targets.push_back(h.address);
    ++rounds_;
    lock.release();

    std::vector<std::pair<std::string, bool>> results;
    for (const std::string& t : targets) results.emplace_back(t, probe(t));

    {
      Thread::LockGuard relock(mutex_);
      for (HostCheck& h : hosts_) {
        for (const auto& r : results) {
          if (r.first != h.address) continue;
          h.failures = r.second ? 0 : h.failures + 1;
          h.healthy = h.failures < 3;
        }
      }
    }
    for (const auto& r : results) cb(r.first, r.second);
  }

  // Called from the admin thread; never waits for a running round.
  bool tryDumpHealthy(std::vector<std::string>* out) {
    if (!mutex_.tryLock()) {
      return false;
    }
    for (const HostCheck& h : hosts_) {
      if (h.healthy) out->push_back(h.address);
    }
    mutex_.unlock();
    return true;
  }

  uint64_t rounds() {
    Thread::LockGuard lock(mutex_);
    return rounds_;
  }

private:
  Thread::MutexBasicLockable mutex_;
  std::vector<HostCheck> hosts_ ABSL_GUARDED_BY(mutex_);
  uint64_t rounds_ ABSL_GUARDED_BY(mutex_){0};
};

} // namespace Upstream
} // namespace Envoy
