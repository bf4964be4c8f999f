// Envoy style Thread::BasicLockable, MutexBasicLockable and CondVar (stand-in).
#ifndef ENVOY_THREAD_THREAD_H_
#define ENVOY_THREAD_THREAD_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

#define PURE = 0

namespace Envoy {
namespace Thread {

class ABSL_LOCKABLE BasicLockable {
 public:
  virtual ~BasicLockable() = default;

  virtual void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() PURE;
  virtual bool tryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) PURE;
  virtual void unlock() ABSL_UNLOCK_FUNCTION() PURE;
};

class CondVar;

// Mutex that works with Envoy's LockGuard family, backed by absl::Mutex.
class ABSL_LOCKABLE MutexBasicLockable : public BasicLockable {
 public:
  void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() override { mutex_.Lock(); }
  bool tryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) override { return mutex_.TryLock(); }
  void unlock() ABSL_UNLOCK_FUNCTION() override { mutex_.Unlock(); }

 private:
  friend class CondVar;
  absl::Mutex mutex_;
};

class CondVar {
 public:
  enum class WaitStatus { Timeout, NoTimeout };

  void notifyOne() noexcept { condvar_.Signal(); }
  void notifyAll() noexcept { condvar_.SignalAll(); }

  void wait(MutexBasicLockable& mutex) noexcept ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    condvar_.Wait(&mutex.mutex_);
  }

  template <class Rep, class Period>
  WaitStatus waitFor(MutexBasicLockable& mutex, std::chrono::duration<Rep, Period> duration) noexcept
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex) {
    return condvar_.WaitWithTimeout(&mutex.mutex_, absl::FromChrono(duration))
               ? WaitStatus::Timeout
               : WaitStatus::NoTimeout;
  }

 private:
  absl::CondVar condvar_;
};

// A thread created by the ThreadFactory; joined by its owner.
class Thread {
 public:
  virtual ~Thread() = default;
  virtual std::string name() const PURE;
  virtual void join() PURE;
};
using ThreadPtr = std::unique_ptr<Thread>;

class ThreadFactory {
 public:
  virtual ~ThreadFactory() = default;
  virtual ThreadPtr createThread(std::function<void()> thread_routine) PURE;
};

}  // namespace Thread
}  // namespace Envoy

#endif  // ENVOY_THREAD_THREAD_H_
