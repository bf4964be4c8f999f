// A per-isolate code-range cache in the style of V8: the shared code range is
// created on first use with double-checked locking on a std::atomic pointer
// (acquire load, release store); the slow path holds the mutex across the
// second check and the store.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/base/logging.h"
#include "src/base/platform/mutex.h"

namespace v8 {
namespace internal {

// The shared range is never freed while isolates exist; the cache owns it
// until process teardown.

class CodeRange {
 public:
  explicit CodeRange(size_t size) : size_(size), pages_(size / kPageSize) {}

  uintptr_t AllocatePage() {
    base::MutexGuard guard(&mutex_);
    for (size_t i = 0; i < pages_.size(); ++i) {
      if (!pages_[i]) {
        pages_[i] = true;
        return base_ + i * kPageSize;
      }
    }
    return 0;
  }

  void FreePage(uintptr_t page) {
    base::MutexGuard guard(&mutex_);
    const size_t index = (page - base_) / kPageSize;
    DCHECK(index < pages_.size());
    pages_[index] = false;
  }

  size_t size() const { return size_; }

  static constexpr size_t kPageSize = 256 * 1024;

 private:
  const size_t size_;
  const uintptr_t base_ = 0x10000000;
  base::Mutex mutex_;
  std::vector<bool> pages_;
};

class CodeRangeCache {
 public:
  explicit CodeRangeCache(size_t requested_size) : requested_size_(requested_size) {}
  ~CodeRangeCache() { delete range_.load(std::memory_order_relaxed); }

  CodeRange* GetOrCreate() {
    CodeRange* range = range_.load(std::memory_order_acquire);
    if (range != nullptr) return range;
    base::MutexGuard guard(&init_mutex_);
    range = range_.load(std::memory_order_relaxed);
    if (range == nullptr) {
      range = new CodeRange(requested_size_);
      range_.store(range, std::memory_order_release);
      ++creations_;
    }
    return range;
  }

  CodeRange* GetIfExists() const { return range_.load(std::memory_order_acquire); }

  int creations() {
    base::MutexGuard guard(&init_mutex_);
    return creations_;
  }

 private:
  const size_t requested_size_;
  std::atomic<CodeRange*> range_{nullptr};
  base::Mutex init_mutex_;
  int creations_ = 0;
};

// Every isolate created in the process shares one code range.
uintptr_t AllocateCodePage(CodeRangeCache* cache) {
  CodeRange* range = cache->GetOrCreate();
  uintptr_t page = range->AllocatePage();
  if (page == 0) {
    // Out of code space; the caller falls back to a fresh isolate-local range.
    return 0;
  }
  return page;
}

void ReleaseCodePage(CodeRangeCache* cache, uintptr_t page) {
  CodeRange* range = cache->GetIfExists();
  DCHECK_NOT_NULL(range);
  range->FreePage(page);
}

}  // namespace internal
}  // namespace v8
