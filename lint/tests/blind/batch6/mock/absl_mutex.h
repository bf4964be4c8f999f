// Stand-in for absl/synchronization/mutex.h, absl/base/call_once.h,
// absl/synchronization/notification.h and absl/base/internal/spinlock.h.
// Annotated the way Abseil is (ABSL_* thread-safety macros), implemented on
// std primitives. Enough of the API for the batch; not a faithful copy.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

#define ABSL_LOCKABLE __attribute__((lockable))
#define ABSL_SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define ABSL_GUARDED_BY(x) __attribute__((guarded_by(x)))
#define ABSL_PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#define ABSL_ACQUIRED_AFTER(...) __attribute__((acquired_after(__VA_ARGS__)))
#define ABSL_ACQUIRED_BEFORE(...) __attribute__((acquired_before(__VA_ARGS__)))
#define ABSL_EXCLUSIVE_LOCKS_REQUIRED(...) \
  __attribute__((exclusive_locks_required(__VA_ARGS__)))
#define ABSL_SHARED_LOCKS_REQUIRED(...) \
  __attribute__((shared_locks_required(__VA_ARGS__)))
#define ABSL_LOCKS_EXCLUDED(...) __attribute__((locks_excluded(__VA_ARGS__)))
#define ABSL_EXCLUSIVE_LOCK_FUNCTION(...) \
  __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define ABSL_SHARED_LOCK_FUNCTION(...) \
  __attribute__((shared_lock_function(__VA_ARGS__)))
#define ABSL_UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))
#define ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(...) \
  __attribute__((exclusive_trylock_function(__VA_ARGS__)))
#define ABSL_ASSERT_EXCLUSIVE_LOCK(...) \
  __attribute__((assert_exclusive_lock(__VA_ARGS__)))
#define ABSL_ASSERT_SHARED_LOCK(...) __attribute__((assert_shared_lock(__VA_ARGS__)))
#define ABSL_NO_THREAD_SAFETY_ANALYSIS __attribute__((no_thread_safety_analysis))

namespace absl {

class Condition {
 public:
  // The predicate is evaluated by the Mutex with the lock held, which the
  // analysis cannot see through std::function: its wrappers opt out.
  template <typename T>
  Condition(bool (*func)(T*), T* arg)
      : eval_([func, arg]() ABSL_NO_THREAD_SAFETY_ANALYSIS { return func(arg); }) {}
  template <typename T>
  Condition(T* object, bool (T::*method)())
      : eval_([object, method]() ABSL_NO_THREAD_SAFETY_ANALYSIS { return (object->*method)(); }) {}
  template <typename T>
  Condition(const T* object, bool (T::*method)() const)
      : eval_([object, method]() ABSL_NO_THREAD_SAFETY_ANALYSIS { return (object->*method)(); }) {}
  explicit Condition(const bool* cond)
      : eval_([cond]() ABSL_NO_THREAD_SAFETY_ANALYSIS { return *cond; }) {}
  template <typename T>
  explicit Condition(const T* functor)
      : eval_([functor]() ABSL_NO_THREAD_SAFETY_ANALYSIS { return (*functor)(); }) {}

  bool Eval() const { return eval_(); }

 private:
  std::function<bool()> eval_;
};

class ABSL_LOCKABLE Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS { mu_.lock(); }
  void Unlock() ABSL_UNLOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    cv_.notify_all();
    mu_.unlock();
  }
  bool TryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    return mu_.try_lock();
  }
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS { mu_.lock(); }
  void ReaderUnlock() ABSL_UNLOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS { Unlock(); }
  void WriterLock() ABSL_EXCLUSIVE_LOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS { mu_.lock(); }
  void WriterUnlock() ABSL_UNLOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS { Unlock(); }
  void AssertHeld() const ABSL_ASSERT_EXCLUSIVE_LOCK() {}
  void AssertReaderHeld() const ABSL_ASSERT_SHARED_LOCK() {}

  // Blocks until `cond` is true. Requires the mutex held; returns with it held.
  void Await(const Condition& cond) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    while (!cond.Eval()) {
      std::unique_lock<std::mutex> l(mu_, std::adopt_lock);
      cv_.wait(l);
      l.release();
    }
  }
  void LockWhen(const Condition& cond) ABSL_EXCLUSIVE_LOCK_FUNCTION()
      ABSL_NO_THREAD_SAFETY_ANALYSIS {
    mu_.lock();
    Await(cond);
  }
  void ReaderLockWhen(const Condition& cond) ABSL_SHARED_LOCK_FUNCTION()
      ABSL_NO_THREAD_SAFETY_ANALYSIS {
    LockWhen(cond);
  }

 private:
  friend class CondVar;
  std::mutex mu_;
  std::condition_variable cv_;
};

class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) { mu_->Lock(); }
  MutexLock(Mutex* mu, const Condition& cond) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->LockWhen(cond);
  }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }

 private:
  Mutex* const mu_;
};

class ABSL_SCOPED_LOCKABLE ReaderMutexLock {
 public:
  explicit ReaderMutexLock(Mutex* mu) ABSL_SHARED_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->ReaderLock();
  }
  ~ReaderMutexLock() ABSL_UNLOCK_FUNCTION() { mu_->ReaderUnlock(); }

 private:
  Mutex* const mu_;
};

class ABSL_SCOPED_LOCKABLE WriterMutexLock {
 public:
  explicit WriterMutexLock(Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->WriterLock();
  }
  ~WriterMutexLock() ABSL_UNLOCK_FUNCTION() { mu_->WriterUnlock(); }

 private:
  Mutex* const mu_;
};

class ABSL_SCOPED_LOCKABLE ReleasableMutexLock {
 public:
  explicit ReleasableMutexLock(Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->Lock();
  }
  ~ReleasableMutexLock() ABSL_UNLOCK_FUNCTION() {
    if (mu_ != nullptr) mu_->Unlock();
  }
  void Release() ABSL_UNLOCK_FUNCTION() {
    mu_->Unlock();
    mu_ = nullptr;
  }

 private:
  Mutex* mu_;
};

class CondVar {
 public:
  void Wait(Mutex* mu) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    std::unique_lock<std::mutex> l(mu->mu_, std::adopt_lock);
    cv_.wait(l);
    l.release();
  }
  bool WaitWithTimeout(Mutex* mu, std::chrono::milliseconds timeout)
      ABSL_NO_THREAD_SAFETY_ANALYSIS {
    std::unique_lock<std::mutex> l(mu->mu_, std::adopt_lock);
    bool timed_out = cv_.wait_for(l, timeout) == std::cv_status::timeout;
    l.release();
    return timed_out;
  }
  void Signal() { cv_.notify_one(); }
  void SignalAll() { cv_.notify_all(); }

 private:
  std::condition_variable cv_;
};

class Notification {
 public:
  void Notify() {
    std::lock_guard<std::mutex> l(mu_);
    notified_.store(true, std::memory_order_release);
    cv_.notify_all();
  }
  bool HasBeenNotified() const { return notified_.load(std::memory_order_acquire); }
  void WaitForNotification() const {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait(l, [this] { return notified_.load(std::memory_order_acquire); });
  }

 private:
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::atomic<bool> notified_{false};
};

using once_flag = std::once_flag;

template <typename Callable, typename... Args>
void call_once(once_flag& flag, Callable&& fn, Args&&... args) {
  std::call_once(flag, std::forward<Callable>(fn), std::forward<Args>(args)...);
}

namespace base_internal {

class ABSL_LOCKABLE SpinLock {
 public:
  constexpr SpinLock() = default;
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    while (lockword_.exchange(1, std::memory_order_acquire) != 0) std::this_thread::yield();
  }
  void Unlock() ABSL_UNLOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    lockword_.store(0, std::memory_order_release);
  }
  bool TryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    return lockword_.exchange(1, std::memory_order_acquire) == 0;
  }

 private:
  std::atomic<uint32_t> lockword_{0};
};

class ABSL_SCOPED_LOCKABLE SpinLockHolder {
 public:
  explicit SpinLockHolder(SpinLock* l) ABSL_EXCLUSIVE_LOCK_FUNCTION(l) : lock_(l) { l->Lock(); }
  ~SpinLockHolder() ABSL_UNLOCK_FUNCTION() { lock_->Unlock(); }

 private:
  SpinLock* lock_;
};

}  // namespace base_internal
}  // namespace absl
