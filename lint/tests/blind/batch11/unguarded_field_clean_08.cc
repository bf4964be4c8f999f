// Opportunistic cache compaction: a maintenance thread tries the lock and
// skips the round when writers are busy; the write path locks explicitly
// and hands the held mutex to a guard with std::adopt_lock.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cache {

class CompactingCache {
 public:
  void Put(const std::string& key, std::string value) {
    mu_.lock();
    std::lock_guard<std::mutex> guard(mu_, std::adopt_lock);
    bytes_ += value.size();
    auto [it, inserted] = entries_.try_emplace(key, std::move(value));
    if (!inserted) bytes_ -= it->second.size();
    if (!inserted) it->second = std::move(value);
  }

  bool Get(const std::string& key, std::string* value) {
    std::lock_guard<std::mutex> guard(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return false;
    *value = it->second;
    return true;
  }

  // Returns the number of entries dropped, or 0 if the lock was busy.
  size_t TryCompact(size_t max_bytes) {
    std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
    if (!lock.owns_lock()) {
      return 0;
    }
    size_t dropped = 0;
    for (auto it = entries_.begin(); it != entries_.end() && bytes_ > max_bytes;) {
      bytes_ -= it->second.size();
      it = entries_.erase(it);
      ++dropped;
    }
    return dropped;
  }

  size_t bytes() {
    std::lock_guard<std::mutex> guard(mu_);
    return bytes_;
  }

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::string> entries_;
  size_t bytes_ = 0;
};

}  // namespace cache
