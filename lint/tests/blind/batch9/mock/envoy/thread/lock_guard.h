// Envoy style LockGuard, ReleasableLockGuard and TryLockGuard (stand-in).
#ifndef ENVOY_THREAD_LOCK_GUARD_H_
#define ENVOY_THREAD_LOCK_GUARD_H_

#include "envoy/thread/thread.h"

namespace Envoy {
namespace Thread {

// A lock guard that deals with an optional lock (nullptr means do nothing).
class ABSL_SCOPED_LOCKABLE LockGuard {
 public:
  explicit LockGuard(BasicLockable& lock) ABSL_EXCLUSIVE_LOCK_FUNCTION(lock) : lock_(lock) {
    lock_.lock();
  }
  ~LockGuard() ABSL_UNLOCK_FUNCTION() { lock_.unlock(); }

 private:
  BasicLockable& lock_;
};

// A lock guard that can be released before the end of its scope.
class ABSL_SCOPED_LOCKABLE ReleasableLockGuard {
 public:
  explicit ReleasableLockGuard(BasicLockable& lock) ABSL_EXCLUSIVE_LOCK_FUNCTION(lock)
      : lock_(&lock) {
    lock_->lock();
  }

  ~ReleasableLockGuard() ABSL_UNLOCK_FUNCTION() {
    if (lock_ != nullptr) {
      lock_->unlock();
    }
  }

  // Releases the lock before the guard goes out of scope.
  void release() ABSL_UNLOCK_FUNCTION() {
    lock_->unlock();
    lock_ = nullptr;
  }

 private:
  BasicLockable* lock_;
};

}  // namespace Thread
}  // namespace Envoy

#endif  // ENVOY_THREAD_LOCK_GUARD_H_
