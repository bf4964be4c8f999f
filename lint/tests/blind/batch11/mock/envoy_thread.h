// Minimal stand-ins for Envoy's envoy/thread/thread.h and
// source/common/common/lock_guard.h, annotated as in Envoy.
#pragma once

#include <functional>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace Envoy {
namespace Thread {

class ABSL_LOCKABLE BasicLockable {
 public:
  virtual ~BasicLockable() = default;
  virtual void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() = 0;
  virtual bool tryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) = 0;
  virtual void unlock() ABSL_UNLOCK_FUNCTION() = 0;
};

class ABSL_LOCKABLE MutexBasicLockable : public BasicLockable {
 public:
  void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() override { mutex_.Lock(); }
  bool tryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) override { return mutex_.TryLock(); }
  void unlock() ABSL_UNLOCK_FUNCTION() override { mutex_.Unlock(); }

 private:
  friend class CondVar;
  absl::Mutex mutex_;
};

class ABSL_SCOPED_LOCKABLE LockGuard {
 public:
  explicit LockGuard(BasicLockable& lock) ABSL_EXCLUSIVE_LOCK_FUNCTION(lock) : lock_(lock) {
    lock_.lock();
  }
  ~LockGuard() ABSL_UNLOCK_FUNCTION() { lock_.unlock(); }

 private:
  BasicLockable& lock_;
};

class ABSL_SCOPED_LOCKABLE ReleasableLockGuard {
 public:
  explicit ReleasableLockGuard(BasicLockable& lock) ABSL_EXCLUSIVE_LOCK_FUNCTION(lock)
      : lock_(&lock) {
    lock_->lock();
  }
  ~ReleasableLockGuard() ABSL_UNLOCK_FUNCTION() {
    if (lock_ != nullptr) lock_->unlock();
  }
  void release() ABSL_UNLOCK_FUNCTION() {
    lock_->unlock();
    lock_ = nullptr;
  }

 private:
  BasicLockable* lock_;
};

}  // namespace Thread

namespace Event {
// The worker's event loop: post() runs the callback later on the
// dispatcher's own thread.
class Dispatcher {
 public:
  virtual ~Dispatcher() = default;
  virtual void post(std::function<void()> callback) = 0;
  virtual bool isThreadSafe() const = 0;
};
}  // namespace Event
}  // namespace Envoy

#define ENVOY_LOG_MISC(LEVEL, ...) ((void)0)
