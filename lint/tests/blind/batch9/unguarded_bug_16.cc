// A caching allocator for pinned host memory in the style of PyTorch's
// CachingHostAllocator: freed blocks are kept for reuse, and stats are
// reported to the profiler.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <algorithm>
#include <mutex>
#include <set>
#include <unordered_map>
#include <vector>

#include "c10/util/Exception.h"

namespace at {
namespace cuda {

struct HostBlock {
  size_t size;
  void* ptr;
  bool allocated;
  int event_count;  // outstanding stream uses
};

struct BlockComparator {
  bool operator()(const HostBlock* a, const HostBlock* b) const {
    if (a->size != b->size) return a->size < b->size;
    return a->ptr < b->ptr;
  }
};

struct HostStats {
  size_t allocated_bytes = 0;
  size_t cached_bytes = 0;
  size_t num_allocations = 0;
  size_t num_blocks = 0;
};

class CachingHostAllocator {
 public:
  ~CachingHostAllocator() { emptyCache(); }

  void* allocate(size_t size) {
    TORCH_CHECK(size > 0, "allocation of zero bytes");
    std::lock_guard<std::mutex> lock(mutex_);
    HostBlock key{size, nullptr, false, 0};
    auto it = available_.lower_bound(&key);
    HostBlock* block;
    if (it != available_.end()) {
      block = *it;
      available_.erase(it);
      cached_bytes_ -= block->size;
    } else {
      void* ptr = std::malloc(roundSize(size));
      TORCH_CHECK(ptr != nullptr, "host allocation failed");
      block = new HostBlock{roundSize(size), ptr, false, 0};
      blocks_.emplace(ptr, block);
    }
    block->allocated = true;
    allocated_bytes_ += block->size;
    ++num_allocations_;
    HostStats snapshot;
    updateStats(snapshot);
    peak_allocated_ = std::max(peak_allocated_, snapshot.allocated_bytes);
    return block->ptr;
  }

  void free(void* ptr) {
    if (ptr == nullptr) return;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = blocks_.find(ptr);
    TORCH_INTERNAL_ASSERT(it != blocks_.end());
    HostBlock* block = it->second;
    block->allocated = false;
    allocated_bytes_ -= block->size;
    if (block->event_count == 0) {
      available_.insert(block);
      cached_bytes_ += block->size;
    }
  }

  void emptyCache() {
    std::vector<HostBlock*> to_free;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (HostBlock* block : available_) {
        to_free.push_back(block);
        blocks_.erase(block->ptr);
      }
      available_.clear();
      cached_bytes_ = 0;
    }
    for (HostBlock* block : to_free) {
      std::free(block->ptr);
      delete block;
    }
  }

  // Profiler hook, called from the Python thread.
  HostStats getStats() {
    HostStats stats;
    updateStats(stats);
    stats.num_blocks = numBlocks();
    stats.num_allocations = numAllocations();
    return stats;
  }

  void resetAccumulatedStats() {
    std::lock_guard<std::mutex> lock(mutex_);
    num_allocations_ = 0;
    peak_allocated_ = 0;
  }

  size_t peakAllocated() {
    std::lock_guard<std::mutex> lock(mutex_);
    return peak_allocated_;
  }

 private:
  static size_t roundSize(size_t size) {
    if (size < 512) return 512;
    size_t rounded = 1;
    while (rounded < size) rounded <<= 1;
    return rounded;
  }

  // REQUIRES: mutex_ held.
  void updateStats(HostStats& stats) const {
    stats.allocated_bytes = allocated_bytes_;  // EXPECT: concurrency-unguarded-field
    stats.cached_bytes = cached_bytes_;  // EXPECT: concurrency-unguarded-field
  }

  size_t numAllocations() {
    std::lock_guard<std::mutex> lock(mutex_);
    return num_allocations_;
  }

  size_t numBlocks() {
    std::lock_guard<std::mutex> lock(mutex_);
    return blocks_.size();
  }

  std::mutex mutex_;
  std::unordered_map<void*, HostBlock*> blocks_;
  std::set<HostBlock*, BlockComparator> available_;
  size_t allocated_bytes_ = 0;
  size_t cached_bytes_ = 0;
  size_t num_allocations_ = 0;
  size_t peak_allocated_ = 0;
};

CachingHostAllocator& getCachingHostAllocator() {
  static CachingHostAllocator* allocator = new CachingHostAllocator();
  return *allocator;
}

void* HostAlloc(size_t size) { return getCachingHostAllocator().allocate(size); }
void HostFree(void* ptr) { getCachingHostAllocator().free(ptr); }

}  // namespace cuda
}  // namespace at
