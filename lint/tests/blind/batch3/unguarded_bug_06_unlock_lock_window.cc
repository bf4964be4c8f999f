// LevelDB-style DBImpl::CompactMemTable: mutex_ is released with an explicit
// Unlock() while the table is built, and the per-level stats (guarded by
// mutex_) are updated before Lock() re-acquires it.
#include <cstdint>
#include <mutex>
#include <string>

#define LOCKABLE __attribute__((lockable))
#define EXCLUSIVE_LOCK_FUNCTION(...) \
  __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))
#define ASSERT_EXCLUSIVE_LOCK(...) \
  __attribute__((assert_exclusive_lock(__VA_ARGS__)))
#define EXCLUSIVE_LOCKS_REQUIRED(...) \
  __attribute__((exclusive_locks_required(__VA_ARGS__)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))

namespace leveldb {
namespace port {
class LOCKABLE Mutex {
 public:
  void Lock() EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  void Unlock() UNLOCK_FUNCTION() { mu_.unlock(); }
  void AssertHeld() ASSERT_EXCLUSIVE_LOCK() {}

 private:
  std::mutex mu_;
};
}  // namespace port

struct FileMetaData {
  uint64_t number = 0;
  uint64_t file_size = 0;
};

struct CompactionStats {
  int64_t micros = 0;
  int64_t bytes_written = 0;
};

class DBImpl {
 public:
  void MaybeFlush() {
    mutex_.Lock();
    if (imm_bytes_ > 0) CompactMemTable();
    mutex_.Unlock();
  }

  int64_t Level0BytesWritten() {
    mutex_.Lock();
    int64_t n = stats_[0].bytes_written;
    mutex_.Unlock();
    return n;
  }

 private:
  void CompactMemTable() EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    mutex_.AssertHeld();
    FileMetaData meta;
    meta.number = next_file_number_++;
    const uint64_t input_bytes = imm_bytes_;
    mutex_.Unlock();
    meta.file_size = BuildTable(meta.number, input_bytes);
    stats_[0].bytes_written += static_cast<int64_t>(
        meta.file_size);  // EXPECT: concurrency-unguarded-field
    mutex_.Lock();
    imm_bytes_ = 0;
    last_flushed_file_ = meta.number;
  }

  static uint64_t BuildTable(uint64_t number, uint64_t bytes) {
    return bytes + (number & 0xff);
  }

  port::Mutex mutex_;
  uint64_t next_file_number_ GUARDED_BY(mutex_) = 1;
  uint64_t imm_bytes_ GUARDED_BY(mutex_) = 0;
  uint64_t last_flushed_file_ GUARDED_BY(mutex_) = 0;
  CompactionStats stats_[7] GUARDED_BY(mutex_);
};

}  // namespace leveldb
