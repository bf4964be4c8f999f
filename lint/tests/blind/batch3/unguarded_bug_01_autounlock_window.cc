// Download scheduler in Chromium style: base::Lock / base::AutoLock /
// base::AutoUnlock with clang capability annotations. StartNext() drops the
// lock around a slow disk probe and bumps a guarded counter inside the
// AutoUnlock window.
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <utility>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))

namespace base {

class CAPABILITY("mutex") Lock {
 public:
  void Acquire() ACQUIRE() { impl_.lock(); }
  void Release() RELEASE() { impl_.unlock(); }

 private:
  std::mutex impl_;
};

class SCOPED_LOCKABLE AutoLock {
 public:
  explicit AutoLock(Lock& lock) ACQUIRE(lock) : lock_(lock) { lock_.Acquire(); }
  ~AutoLock() RELEASE() { lock_.Release(); }

 private:
  Lock& lock_;
};

class SCOPED_LOCKABLE AutoUnlock {
 public:
  explicit AutoUnlock(Lock& lock) RELEASE(lock) : lock_(lock) {
    lock_.Release();
  }
  ~AutoUnlock() ACQUIRE() { lock_.Acquire(); }

 private:
  Lock& lock_;
};

}  // namespace base

namespace downloads {

struct Job {
  std::string url;
  int64_t bytes = 0;
};

// Stand-in for a statvfs() probe; can block for a long time on network mounts.
inline bool HasFreeDiskSpace(int64_t bytes) {
  return bytes < (int64_t{1} << 40);
}

class DownloadScheduler {
 public:
  void Enqueue(Job job) {
    base::AutoLock hold(lock_);
    queued_bytes_ += job.bytes;
    pending_.push_back(std::move(job));
  }

  // Starts the next job if the disk has room for it.
  bool StartNext() {
    base::AutoLock hold(lock_);
    if (pending_.empty()) return false;
    Job next = pending_.front();
    {
      base::AutoUnlock unlock(lock_);  // don't hold the lock across the probe
      if (!HasFreeDiskSpace(next.bytes)) {
        ++deferred_count_;  // EXPECT: concurrency-unguarded-field
        return false;
      }
    }
    pending_.pop_front();
    queued_bytes_ -= next.bytes;
    ++active_;
    return true;
  }

  int deferred_count() {
    base::AutoLock hold(lock_);
    return deferred_count_;
  }

 private:
  base::Lock lock_;
  std::deque<Job> pending_ GUARDED_BY(lock_);
  int64_t queued_bytes_ GUARDED_BY(lock_) = 0;
  int active_ GUARDED_BY(lock_) = 0;
  int deferred_count_ GUARDED_BY(lock_) = 0;
};

}  // namespace downloads
