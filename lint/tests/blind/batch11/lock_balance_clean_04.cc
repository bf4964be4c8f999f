// Write-ahead log appender that drops its lock around the fsync with a
// scoped unlock guard. The guard's destructor is annotated ACQUIRE(), an
// older spelling of the convention (RELEASE() on the destructor is the one
// clang reads as "re-acquire what the constructor released").
#include <cstdint>
#include <string>
#include <vector>

#include "common_mutex.h"

namespace wal {

// Releases |mu| for the lifetime of the object and re-takes it after.
class SCOPED_CAPABILITY ScopedUnlock {
 public:
  explicit ScopedUnlock(util::Mutex* mu) RELEASE(mu) : mu_(mu) { mu_->Unlock(); }
  ~ScopedUnlock() ACQUIRE() { mu_->Lock(); }
  ScopedUnlock(const ScopedUnlock&) = delete;
  ScopedUnlock& operator=(const ScopedUnlock&) = delete;

 private:
  util::Mutex* const mu_;
};

class File {
 public:
  virtual ~File() = default;
  virtual bool Append(const std::string& data) = 0;
  virtual bool Sync() = 0;
};

class LogAppender {
 public:
  explicit LogAppender(File* file) : file_(file) {}

  // Appends the record and makes it durable. Group commit: records added
  // by other threads while this one syncs are covered by its sync.
  bool AppendDurable(const std::string& record) {
    util::MutexLock lock(&mu_);
    const uint64_t my_seq = ++appended_seq_;
    if (!file_->Append(record)) return false;
    if (synced_seq_ >= my_seq) return true;
    const uint64_t target = appended_seq_;
    bool ok;
    {
      ScopedUnlock unlock(&mu_);
      ok = file_->Sync();
    }
    if (ok && target > synced_seq_) synced_seq_ = target;
    return ok;
  }

  uint64_t synced() {
    util::MutexLock lock(&mu_);
    return synced_seq_;
  }

 private:
  File* const file_;
  util::Mutex mu_;
  uint64_t appended_seq_ = 0;
  uint64_t synced_seq_ = 0;
};

}  // namespace wal
