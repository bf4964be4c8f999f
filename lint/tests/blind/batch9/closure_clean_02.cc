// A cache warmer: a background thread periodically re-fetches the hottest
// keys. The thread body and the public methods share the cache's mutex for
// every field they both touch; counters are atomics; the fetcher and the
// period never change after construction.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace cache {

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  virtual bool Fetch(const std::string& key, std::string* value) = 0;
};

class WarmCache {
 public:
  WarmCache(Fetcher* fetcher, std::chrono::milliseconds period, size_t hot_keys)
      : fetcher_(fetcher), period_(period), hot_keys_(hot_keys) {}

  ~WarmCache() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (warmer_.joinable()) warmer_.join();
  }

  void Start() { warmer_ = std::thread([this] { WarmLoop(); }); }

  bool Get(const std::string& key, std::string* value) {
    std::lock_guard<std::mutex> lock(mu_);
    ++hits_by_key_[key];
    auto it = values_.find(key);
    if (it == values_.end()) {
      misses_.fetch_add(1, std::memory_order_relaxed);
      return false;
    }
    *value = it->second;
    return true;
  }

  void Put(const std::string& key, std::string value) {
    std::lock_guard<std::mutex> lock(mu_);
    values_[key] = std::move(value);
  }

  uint64_t refreshes() const { return refreshes_.load(std::memory_order_relaxed); }
  uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  void WarmLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stopping_) {
      std::vector<std::pair<uint64_t, std::string>> by_hits;
      for (const auto& [key, hits] : hits_by_key_) by_hits.emplace_back(hits, key);
      std::sort(by_hits.rbegin(), by_hits.rend());
      if (by_hits.size() > hot_keys_) by_hits.resize(hot_keys_);
      hits_by_key_.clear();
      lock.unlock();

      std::vector<std::pair<std::string, std::string>> fresh;
      for (const auto& [hits, key] : by_hits) {
        std::string value;
        if (fetcher_->Fetch(key, &value)) fresh.emplace_back(key, std::move(value));
      }
      refreshes_.fetch_add(fresh.size(), std::memory_order_relaxed);

      lock.lock();
      for (auto& [key, value] : fresh) values_[key] = std::move(value);
      cv_.wait_for(lock, period_, [this] { return stopping_; });
    }
  }

  Fetcher* const fetcher_;
  const std::chrono::milliseconds period_;
  const size_t hot_keys_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, std::string> values_;
  std::map<std::string, uint64_t> hits_by_key_;
  bool stopping_ = false;

  std::atomic<uint64_t> refreshes_{0};
  std::atomic<uint64_t> misses_{0};
  std::thread warmer_;
};

class StaticFetcher : public Fetcher {
 public:
  explicit StaticFetcher(std::map<std::string, std::string> data) : data_(std::move(data)) {}
  bool Fetch(const std::string& key, std::string* value) override {
    auto it = data_.find(key);
    if (it == data_.end()) return false;
    *value = it->second;
    return true;
  }

 private:
  const std::map<std::string, std::string> data_;
};

}  // namespace cache
