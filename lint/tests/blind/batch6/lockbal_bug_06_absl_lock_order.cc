// Abseil-style connection pool with a declared lock order: the pool mutex
// is acquired after the registry mutex (ABSL_ACQUIRED_AFTER). The idle
// reaper takes them in the opposite order, and Resize() calls a method that
// excludes pool_mu_ while holding it.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "mock/absl_mutex.h"

struct Conn {
  std::string host;
  int64_t idle_since_ms;
};

class ConnectionPool {
 public:
  void Register(const std::string& host) ABSL_LOCKS_EXCLUDED(registry_mu_, pool_mu_) {
    absl::MutexLock r(&registry_mu_);
    absl::MutexLock p(&pool_mu_);
    hosts_[host] = 0;
    idle_[host];
  }

  // Reaper thread, every few seconds.
  void ReapIdle(int64_t now_ms, int64_t max_idle_ms) ABSL_LOCKS_EXCLUDED(registry_mu_, pool_mu_) {
    absl::MutexLock p(&pool_mu_);
    for (auto& [host, conns] : idle_) {
      size_t before = conns.size();
      std::vector<Conn> keep;
      for (const Conn& c : conns) {
        if (now_ms - c.idle_since_ms < max_idle_ms) keep.push_back(c);
      }
      conns.swap(keep);
      absl::MutexLock r(&registry_mu_);  // EXPECT: concurrency-lock-balance
      hosts_[host] += static_cast<int>(before - conns.size());
    }
  }

  void Resize(size_t max_per_host) ABSL_LOCKS_EXCLUDED(pool_mu_) {
    absl::MutexLock p(&pool_mu_);
    max_per_host_ = max_per_host;
    TrimAll();  // EXPECT: concurrency-lock-balance
  }

 private:
  void TrimAll() ABSL_LOCKS_EXCLUDED(pool_mu_) {
    absl::MutexLock p(&pool_mu_);
    for (auto& [host, conns] : idle_) {
      if (conns.size() > max_per_host_) conns.resize(max_per_host_);
    }
  }

  absl::Mutex registry_mu_;
  std::map<std::string, int> hosts_ ABSL_GUARDED_BY(registry_mu_);
  absl::Mutex pool_mu_ ABSL_ACQUIRED_AFTER(registry_mu_);
  std::map<std::string, std::vector<Conn>> idle_ ABSL_GUARDED_BY(pool_mu_);
  size_t max_per_host_ ABSL_GUARDED_BY(pool_mu_) = 8;
};
