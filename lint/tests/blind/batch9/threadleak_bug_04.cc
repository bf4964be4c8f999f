// A tile cache for a map server: loader threads fetch missing tiles from the
// tile store, and an evictor thread trims the cache to its byte budget.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tiles {

struct TileKey {
  int z, x, y;
  std::string ToString() const {
    return std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y);
  }
};

class TileStore {
 public:
  virtual ~TileStore() = default;
  virtual bool Fetch(const TileKey& key, std::string* png) = 0;
};

class TileCache {
 public:
  TileCache(TileStore* store, size_t budget_bytes, int loaders)
      : store_(store), budget_bytes_(budget_bytes) {
    for (int i = 0; i < loaders; ++i) loaders_.emplace_back(&TileCache::LoaderLoop, this);
    evictor_ = std::thread(&TileCache::EvictorLoop, this);
  }

  ~TileCache() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    evict_cv_.notify_all();
  }

  bool Get(const TileKey& key, std::string* png) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tiles_.find(key.ToString());
    if (it == tiles_.end()) {
      misses_.push_back(key);
      work_cv_.notify_one();
      return false;
    }
    *png = it->second;
    return true;
  }

  size_t bytes() {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_;
  }

 private:
  void LoaderLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      if (misses_.empty()) {
        work_cv_.wait(lock);
        continue;
      }
      TileKey key = misses_.front();
      misses_.pop_front();
      lock.unlock();
      std::string png;
      const bool ok = store_->Fetch(key, &png);
      lock.lock();
      if (!ok) continue;
      bytes_ += png.size();
      order_.push_back(key.ToString());
      tiles_[key.ToString()] = std::move(png);
      if (bytes_ > budget_bytes_) evict_cv_.notify_one();
    }
  }

  void EvictorLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      evict_cv_.wait_for(lock, std::chrono::seconds(1));
      while (bytes_ > budget_bytes_ && !order_.empty()) {
        auto it = tiles_.find(order_.front());
        order_.pop_front();
        if (it == tiles_.end()) continue;
        bytes_ -= it->second.size();
        tiles_.erase(it);
      }
    }
  }

  TileStore* const store_;
  const size_t budget_bytes_;

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable evict_cv_;
  std::unordered_map<std::string, std::string> tiles_;
  std::list<std::string> order_;
  std::deque<TileKey> misses_;
  size_t bytes_ = 0;
  bool stop_ = false;

  std::vector<std::thread> loaders_;  // EXPECT: concurrency-thread-leak
  std::thread evictor_;  // EXPECT: concurrency-thread-leak
};

// Request handler for GET /tiles/z/x/y.png.
int ServeTile(TileCache& cache, int z, int x, int y, std::string* body) {
  if (z < 0 || z > 22) return 400;
  if (cache.Get(TileKey{z, x, y}, body)) return 200;
  return 503;  // the loader will have it shortly; the client retries
}

}  // namespace tiles
