// Memtable write batches of the Strata storage engine. Writers call
// BeginWrite() / EndWrite() around a batch; the pair is annotated so that
// clang checks every caller. Both functions break their own contract on the
// read-only path.

#include <cstdint>
#include <string>
#include <vector>

#include "mock/strata_sync.h"

namespace strata {

class MemTableWriter {
 public:
  explicit MemTableWriter(bool read_only) : read_only_(read_only) {}

  // Acquires the memtable mutex for the duration of a batch.
  void BeginWrite() ACQUIRE(mu_) {
    if (read_only_) {
      return;
    }
    mu_.Lock();
  }  // EXPECT: concurrency-lock-balance

  // Releases the mutex taken by BeginWrite().
  void EndWrite() RELEASE(mu_) {
    if (!read_only_) {
      mu_.Unlock();
    }
  }  // EXPECT: concurrency-lock-balance

  void Put(const std::string& key, const std::string& value) REQUIRES(mu_) {
    entries_.emplace_back(key, value);
    bytes_ += key.size() + value.size();
  }

  void WriteBatch(const std::vector<std::pair<std::string, std::string>>& batch) {
    BeginWrite();
    for (const auto& kv : batch) {
      Put(kv.first, kv.second);
    }
    EndWrite();
  }

  uint64_t bytes() {
    MutexLock l(&mu_);
    return bytes_;
  }

 private:
  const bool read_only_;
  Mutex mu_;
  std::vector<std::pair<std::string, std::string>> entries_ GUARDED_BY(mu_);
  uint64_t bytes_ GUARDED_BY(mu_) = 0;
};

}  // namespace strata
