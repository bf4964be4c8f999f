// LevelDB-style block cache: port::Mutex and MutexLock with the old
// lockable / exclusive_lock_function spellings. EraseLocked() expects the
// caller to hold mu_, but EraseFile() (run by the compaction thread) calls it
// without taking the lock.
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#define LOCKABLE __attribute__((lockable))
#define SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define EXCLUSIVE_LOCK_FUNCTION(...) \
  __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))

namespace leveldb {
namespace port {

class LOCKABLE Mutex {
 public:
  void Lock() EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  void Unlock() UNLOCK_FUNCTION() { mu_.unlock(); }

 private:
  std::mutex mu_;
};

}  // namespace port

class SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(port::Mutex* mu) EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->Lock();
  }
  ~MutexLock() UNLOCK_FUNCTION() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  port::Mutex* const mu_;
};

class BlockCache {
 public:
  void Insert(const std::string& key, std::string block) {
    MutexLock l(&mu_);
    usage_ += block.size();
    blocks_[key] = std::move(block);
  }

  void Erase(const std::string& key) {
    MutexLock l(&mu_);
    EraseLocked(key);
  }

  // Called by the compaction thread after it deletes a table file.
  void EraseFile(const std::vector<std::string>& keys) {
    for (const std::string& key : keys) EraseLocked(key);
  }

  size_t usage() {
    MutexLock l(&mu_);
    return usage_;
  }

 private:
  void EraseLocked(const std::string& key) {
    auto it = blocks_.find(key);      // EXPECT: concurrency-unguarded-field
    if (it == blocks_.end()) return;  // EXPECT: concurrency-unguarded-field
    usage_ -= it->second.size();      // EXPECT: concurrency-unguarded-field
    blocks_.erase(it);                // EXPECT: concurrency-unguarded-field
  }

  port::Mutex mu_;
  std::map<std::string, std::string> blocks_ GUARDED_BY(mu_);
  size_t usage_ GUARDED_BY(mu_) = 0;
};

}  // namespace leveldb
