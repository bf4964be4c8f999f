// Memtable write batches of the Strata storage engine with the BeginWrite()
// / EndWrite() contract kept on every path: the read-only check happens
// before the batch is started, under the mutex it would have to take anyway.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "mock/strata_sync.h"

namespace strata {

class MemTableBatchWriter {
 public:
  void SetReadOnly(bool read_only) {
    MutexLock l(&mu_);
    read_only_ = read_only;
  }

  // Acquires the memtable mutex for the duration of a batch.
  void BeginWrite() ACQUIRE(mu_) { mu_.Lock(); }

  // Releases the mutex taken by BeginWrite().
  void EndWrite() RELEASE(mu_) { mu_.Unlock(); }

  bool WriteBatch(const std::vector<std::pair<std::string, std::string>>& batch) {
    BeginWrite();
    if (read_only_) {
      EndWrite();
      return false;
    }
    for (const auto& kv : batch) {
      PutLocked(kv.first, kv.second);
    }
    EndWrite();
    return true;
  }

  uint64_t bytes() {
    MutexLock l(&mu_);
    return bytes_;
  }

 private:
  void PutLocked(const std::string& key, const std::string& value) REQUIRES(mu_) {
    mu_.AssertHeld();
    entries_.emplace_back(key, value);
    bytes_ += key.size() + value.size();
  }

  Mutex mu_;
  bool read_only_ GUARDED_BY(mu_) = false;
  std::vector<std::pair<std::string, std::string>> entries_ GUARDED_BY(mu_);
  uint64_t bytes_ GUARDED_BY(mu_) = 0;
};

}  // namespace strata
