// Two-level cache: a hot map and a cold map, each with its own mutex.
// Promotion moves entries between them and holds both; lookups in one map
// hold only that map's mutex.

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace cache {

class TieredCache {
 public:
  void PutCold(const std::string& key, std::string value) {
    std::scoped_lock lock(hot_mu_, cold_mu_);
    hot_.erase(key);
    cold_[key] = std::move(value);
    ++generation_;
  }

  void Promote(const std::string& key) {
    std::scoped_lock lock(hot_mu_, cold_mu_);
    auto it = cold_.find(key);
    if (it == cold_.end()) return;
    hot_[key] = std::move(it->second);
    cold_.erase(it);
    ++generation_;
  }

  void Demote(const std::string& key) {
    std::scoped_lock lock(hot_mu_, cold_mu_);
    auto it = hot_.find(key);
    if (it == hot_.end()) return;
    cold_[key] = std::move(it->second);
    hot_.erase(it);
    ++generation_;
  }

  // Writers always hold both mutexes, so either one is enough to read.
  bool GetHot(const std::string& key, std::string* out) {
    std::lock_guard<std::mutex> lock(hot_mu_);
    auto it = hot_.find(key);
    if (it == hot_.end()) return false;
    *out = it->second;
    return true;
  }

  bool GetCold(const std::string& key, std::string* out) {
    std::lock_guard<std::mutex> lock(cold_mu_);
    auto it = cold_.find(key);
    if (it == cold_.end()) return false;
    *out = it->second;
    return true;
  }

  size_t generation() {
    std::lock_guard<std::mutex> lock(cold_mu_);
    return generation_;
  }

 private:
  std::mutex hot_mu_;
  std::mutex cold_mu_;
  std::unordered_map<std::string, std::string> hot_;
  std::unordered_map<std::string, std::string> cold_;
  size_t generation_ = 0;
};

}  // namespace cache
