// Thumbnail cache of a photo browser. Thumbnails are decoded on a concurrent
// dispatch queue and inserted from there; the browser looks them up from the
// main queue. Memory warnings purge the cache on a serial utility queue.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include <dispatch/dispatch.h>
#include <os/lock.h>

namespace photos {

struct Thumbnail {
  uint32_t width = 0;
  uint32_t height = 0;
  size_t bytes = 0;
  std::unique_ptr<uint8_t[]> pixels;
};

class UnfairLocker {
 public:
  explicit UnfairLocker(os_unfair_lock_t lock) : lock_(lock) { os_unfair_lock_lock(lock_); }
  ~UnfairLocker() { os_unfair_lock_unlock(lock_); }
  UnfairLocker(const UnfairLocker&) = delete;
  UnfairLocker& operator=(const UnfairLocker&) = delete;

 private:
  os_unfair_lock_t lock_;
};

class ThumbnailCache {
 public:
  explicit ThumbnailCache(size_t budget_bytes)
      : budget_bytes_(budget_bytes),
        purge_queue_(dispatch_queue_create("com.example.photos.thumbnail-purge",
                                           DISPATCH_QUEUE_SERIAL)) {}

  ~ThumbnailCache() {
    // Wait for a purge that may still be queued.
    dispatch_sync_f(purge_queue_, nullptr, [](void*) {});
    dispatch_release(purge_queue_);
  }

  std::shared_ptr<const Thumbnail> Find(const std::string& key) {
    UnfairLocker guard(&lock_);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      ++misses_;
      return nullptr;
    }
    ++hits_;
    return it->second;
  }

  void Insert(const std::string& key, std::shared_ptr<const Thumbnail> thumb) {
    UnfairLocker guard(&lock_);
    bytes_ += thumb->bytes;
    entries_[key] = std::move(thumb);
    if (bytes_.load() > budget_bytes_) PurgeLocked();
  }

  // Called from the application's memory-pressure source.
  void OnMemoryWarning() {
    dispatch_async_f(purge_queue_, this, &ThumbnailCache::PurgeTrampoline);
  }

  double HitRate() {
    UnfairLocker guard(&lock_);
    const uint64_t total = hits_ + misses_;
    return total == 0 ? 0.0 : static_cast<double>(hits_) / static_cast<double>(total);
  }

  size_t Bytes() const { return bytes_.load(); }

 private:
  static void PurgeTrampoline(void* context) {
    static_cast<ThumbnailCache*>(context)->PurgeLocked();
  }

  void PurgeLocked() {
    entries_.clear();  // EXPECT: concurrency-unguarded-field
    bytes_.store(0);
  }

  const size_t budget_bytes_;
  dispatch_queue_t const purge_queue_;
  os_unfair_lock lock_ = OS_UNFAIR_LOCK_INIT;
  std::unordered_map<std::string, std::shared_ptr<const Thumbnail>> entries_;
  std::atomic<size_t> bytes_{0};
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

}  // namespace photos
