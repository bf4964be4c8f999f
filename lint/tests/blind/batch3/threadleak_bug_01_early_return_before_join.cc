// Cache warm-up: a prefetch thread is started, then validation returns early
// on the first bad key, destroying the still-joinable std::thread
// (std::terminate).
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace cache {

class Cache {
 public:
  void Prefetch(const std::vector<std::string>& keys) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const std::string& k : keys) entries_.emplace(k, "");
  }
  bool Validate(const std::string& key) const { return !key.empty() && key.size() < 256; }

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::string> entries_;
};

inline bool WarmCache(Cache* cache, const std::vector<std::string>& keys) {
  std::thread prefetcher([cache, &keys] { cache->Prefetch(keys); });  // EXPECT: concurrency-thread-leak
  for (const std::string& key : keys) {
    if (!cache->Validate(key)) return false;
  }
  prefetcher.join();
  return true;
}

}  // namespace cache
