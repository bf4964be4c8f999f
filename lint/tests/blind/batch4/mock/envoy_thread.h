// Minimal stand-in for envoy/thread/thread.h, source/common/common/lock_guard.h
// and envoy/event/dispatcher.h. Annotated with Abseil's macros like Envoy.
#ifndef BATCH4_MOCK_ENVOY_THREAD_H_
#define BATCH4_MOCK_ENVOY_THREAD_H_

#include <absl/base/thread_annotations.h>
#include <absl/synchronization/mutex.h>
#include <absl/time/time.h>

#include <deque>
#include <functional>
#include <mutex>

namespace Envoy {
namespace Thread {

class ABSL_LOCKABLE BasicLockable {
 public:
  virtual ~BasicLockable() = default;
  virtual void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() = 0;
  virtual bool tryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) = 0;
  virtual void unlock() ABSL_UNLOCK_FUNCTION() = 0;
};

class CondVar;

class ABSL_LOCKABLE MutexBasicLockable : public BasicLockable {
 public:
  void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() override { mutex_.Lock(); }
  bool tryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) override {
    return mutex_.TryLock();
  }
  void unlock() ABSL_UNLOCK_FUNCTION() override { mutex_.Unlock(); }

 private:
  friend class CondVar;
  absl::Mutex mutex_;
};

class ABSL_SCOPED_LOCKABLE LockGuard {
 public:
  explicit LockGuard(BasicLockable& lock) ABSL_EXCLUSIVE_LOCK_FUNCTION(lock)
      : lock_(lock) {
    lock_.lock();
  }
  ~LockGuard() ABSL_UNLOCK_FUNCTION() { lock_.unlock(); }

 private:
  BasicLockable& lock_;
};

class ABSL_SCOPED_LOCKABLE ReleasableLockGuard {
 public:
  explicit ReleasableLockGuard(BasicLockable& lock)
      ABSL_EXCLUSIVE_LOCK_FUNCTION(lock)
      : lock_(&lock) {
    lock_->lock();
  }
  ~ReleasableLockGuard() ABSL_UNLOCK_FUNCTION() {
    if (lock_ != nullptr) lock_->unlock();
  }
  void release() ABSL_UNLOCK_FUNCTION() {
    if (lock_ != nullptr) {
      lock_->unlock();
      lock_ = nullptr;
    }
  }

 private:
  BasicLockable* lock_;
};

class CondVar {
 public:
  void notifyOne() { condvar_.Signal(); }
  void notifyAll() { condvar_.SignalAll(); }
  void wait(MutexBasicLockable& mutex) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    condvar_.Wait(&mutex.mutex_);
  }
  // Returns true when it timed out.
  bool waitFor(MutexBasicLockable& mutex, absl::Duration duration)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    return condvar_.WaitWithTimeout(&mutex.mutex_, duration);
  }

 private:
  absl::CondVar condvar_;
};

}  // namespace Thread

namespace Event {

using PostCb = std::function<void()>;

// A single-threaded event loop; post() may be called from any thread.
class Dispatcher {
 public:
  void post(PostCb callback) {
    std::lock_guard<std::mutex> lock(post_lock_);
    post_callbacks_.push_back(std::move(callback));
  }
  void runPostCallbacks() {
    std::deque<PostCb> callbacks;
    {
      std::lock_guard<std::mutex> lock(post_lock_);
      callbacks.swap(post_callbacks_);
    }
    for (auto& cb : callbacks) cb();
  }
  bool isThreadSafe() const { return true; }

 private:
  std::mutex post_lock_;
  std::deque<PostCb> post_callbacks_;
};

}  // namespace Event
}  // namespace Envoy

#define ENVOY_LOG_MISC(level, ...) ((void)0)

#endif  // BATCH4_MOCK_ENVOY_THREAD_H_
