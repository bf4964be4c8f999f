// Two-level lock manager of a small storage engine: the table lock is taken
// before any page lock. Scans lock the table and keep it across calls, which
// is why BeginScan()/EndScan() declare what they acquire and release.

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <vector>

#define CAPABILITY(x) __attribute__((capability(x)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define ACQUIRED_BEFORE(...) __attribute__((acquired_before(__VA_ARGS__)))

namespace storage {

class CAPABILITY("mutex") Mutex {
 public:
  void Lock() ACQUIRE() { mu_.lock(); }
  void Unlock() RELEASE() { mu_.unlock(); }
  bool TryLock() TRY_ACQUIRE(true) { return mu_.try_lock(); }

 private:
  std::mutex mu_;
};

struct Page {
  uint32_t id = 0;
  std::vector<uint8_t> bytes;
  bool dirty = false;
};

class Table {
 public:
  // Acquires the table lock for the duration of a scan.
  void BeginScan() ACQUIRE(table_mu_) {
    table_mu_.Lock();
    ++active_scans_;
  }

  void EndScan() RELEASE(table_mu_) {
    --active_scans_;
    table_mu_.Unlock();
  }

  // Scans call this between BeginScan() and EndScan().
  size_t PageCount() REQUIRES(table_mu_) { return pages_.size(); }

  bool MarkDirty(uint32_t page_id) {
    table_mu_.Lock();
    auto it = pages_.find(page_id);
    if (it == pages_.end()) {
      table_mu_.Unlock();
      return false;
    }
    page_mu_.Lock();
    it->second.dirty = true;
    ++dirty_pages_;
    page_mu_.Unlock();
    table_mu_.Unlock();
    return true;
  }

  // Background flusher: skips the round when a writer holds the table.
  size_t TryFlush() {
    if (!table_mu_.TryLock()) return 0;
    size_t flushed = 0;
    page_mu_.Lock();
    for (auto& [id, page] : pages_) {
      if (!page.dirty) continue;
      page.dirty = false;
      ++flushed;
    }
    dirty_pages_ = 0;
    page_mu_.Unlock();
    table_mu_.Unlock();
    return flushed;
  }

 private:
  Mutex table_mu_ ACQUIRED_BEFORE(page_mu_);
  Mutex page_mu_;
  std::map<uint32_t, Page> pages_ GUARDED_BY(table_mu_);
  size_t active_scans_ GUARDED_BY(table_mu_) = 0;
  size_t dirty_pages_ GUARDED_BY(page_mu_) = 0;
};

inline size_t CountPages(Table& t) {
  t.BeginScan();
  const size_t n = t.PageCount();
  t.EndScan();
  return n;
}

}  // namespace storage
