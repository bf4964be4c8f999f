// Per-tenant quota table. Request threads check and charge quotas under the
// shared lock (the counters are atomics, so charging needs no exclusive
// lock); the control plane replaces limits under the exclusive lock. Tables
// are copied for the admin endpoint and swapped in bulk on reload.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace quota {

struct Bucket {
  explicit Bucket(int64_t l) : limit(l) {}
  const int64_t limit;
  std::atomic<int64_t> used{0};
};

class QuotaTable {
 public:
  QuotaTable() = default;

  QuotaTable(const QuotaTable& other) {
    std::shared_lock<std::shared_mutex> lock(other.mutex_);
    limits_ = other.limits_;
    generation_ = other.generation_;
  }

  QuotaTable& operator=(const QuotaTable&) = delete;

  void swap(QuotaTable& other) {
    if (this == &other) return;
    std::scoped_lock lock(mutex_, other.mutex_);
    limits_.swap(other.limits_);
    std::swap(generation_, other.generation_);
  }

  // Request path: returns false when |tenant| is over its limit.
  bool charge(const std::string& tenant, int64_t amount) {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    auto it = limits_.find(tenant);
    if (it == limits_.end()) return true;
    Bucket& b = *it->second;
    const int64_t after = b.used.fetch_add(amount, std::memory_order_relaxed) + amount;
    if (after > b.limit) {
      b.used.fetch_sub(amount, std::memory_order_relaxed);
      return false;
    }
    return true;
  }

  void setLimit(const std::string& tenant, int64_t limit) {
    std::unique_lock<std::shared_mutex> lock(mutex_);
    limits_[tenant] = std::make_shared<Bucket>(limit);
    ++generation_;
  }

  uint64_t generation() const {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    return generation_;
  }

  size_t size() const {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    return limits_.size();
  }

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Bucket>> limits_;
  uint64_t generation_ = 0;
};

// Control plane: builds a fresh table off to the side and swaps it in.
class QuotaReloader {
 public:
  explicit QuotaReloader(QuotaTable& live) : live_(live) {}

  void reload(const std::unordered_map<std::string, int64_t>& config) {
    QuotaTable fresh;
    for (const auto& [tenant, limit] : config) fresh.setLimit(tenant, limit);
    live_.swap(fresh);
  }

  QuotaTable snapshotForAdmin() const { return QuotaTable(live_); }

 private:
  QuotaTable& live_;
};

}  // namespace quota
