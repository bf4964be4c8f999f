// Routing table with many readers and rare writers. Readers take the
// shared lock; the rebalancer moves a range between two tables taking
// both exclusive locks through std::lock over deferred guards.
#include <cstdint>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace routing {

class RangeTable {
 public:
  bool Lookup(uint64_t key, std::string* shard) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = ranges_.upper_bound(key);
    if (it == ranges_.begin()) return false;
    --it;
    *shard = it->second;
    return true;
  }

  void Assign(uint64_t start, std::string shard) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    ranges_[start] = std::move(shard);
    ++version_;
  }

  uint64_t version() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return version_;
  }

  // Moves the range starting at |start| from this table to |dest|.
  static bool MoveRange(RangeTable& src, RangeTable& dest, uint64_t start) {
    if (&src == &dest) return false;
    std::unique_lock<std::shared_mutex> src_lock(src.mu_, std::defer_lock);
    std::unique_lock<std::shared_mutex> dest_lock(dest.mu_, std::defer_lock);
    std::lock(src_lock, dest_lock);
    auto it = src.ranges_.find(start);
    if (it == src.ranges_.end()) return false;
    dest.ranges_[start] = it->second;
    src.ranges_.erase(it);
    ++src.version_;
    ++dest.version_;
    return true;
  }

 private:
  mutable std::shared_mutex mu_;
  std::map<uint64_t, std::string> ranges_;
  uint64_t version_ = 0;
};

}  // namespace routing
