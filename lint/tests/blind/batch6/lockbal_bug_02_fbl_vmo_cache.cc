// Fuchsia-style VMO page cache. Commit() retries with the lock taken at the
// top of each attempt but forgets to drop it when an attempt fails, and
// Evict() notifies observers (which take the lock themselves) while still
// holding it.
#include <stddef.h>
#include <stdint.h>

#include <functional>
#include <vector>

#include "mock/fbl_mutex.h"

class VmoCache {
 public:
  bool Commit(uint64_t page) TA_EXCL(lock_) {
    bool committed = false;
    for (int attempt = 0; attempt < 3 && !committed; ++attempt) {  // EXPECT: concurrency-lock-balance
      lock_.Acquire();
      committed = TryCommitLocked(page);
    }
    lock_.Release();  // EXPECT: concurrency-lock-balance
    return committed;
  }

  void Evict(size_t target_bytes) TA_EXCL(lock_) {
    fbl::AutoLock guard(&lock_);
    while (bytes_ > target_bytes && !pages_.empty()) {
      pages_.pop_back();
      bytes_ -= kPageSize;
    }
    NotifyObservers();  // EXPECT: concurrency-lock-balance
  }

  void AddObserver(std::function<void(size_t)> observer) TA_EXCL(lock_) {
    fbl::AutoLock guard(&lock_);
    observers_.push_back(std::move(observer));
  }

 private:
  static constexpr size_t kPageSize = 4096;

  bool TryCommitLocked(uint64_t page) TA_REQ(lock_) {
    if (bytes_ + kPageSize > capacity_) return false;
    pages_.push_back(page);
    bytes_ += kPageSize;
    return true;
  }

  void NotifyObservers() TA_EXCL(lock_) {
    std::vector<std::function<void(size_t)>> observers;
    size_t bytes;
    {
      fbl::AutoLock guard(&lock_);
      observers = observers_;
      bytes = bytes_;
    }
    for (auto& observer : observers) observer(bytes);
  }

  fbl::Mutex lock_;
  size_t capacity_ TA_GUARDED(lock_) = 64 * kPageSize;
  size_t bytes_ TA_GUARDED(lock_) = 0;
  std::vector<uint64_t> pages_ TA_GUARDED(lock_);
  std::vector<std::function<void(size_t)>> observers_ TA_GUARDED(lock_);
};
