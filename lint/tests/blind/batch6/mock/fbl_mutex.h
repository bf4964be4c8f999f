// Stand-in for Fuchsia's <lib/zircon-internal/thread_annotations.h>,
// <fbl/mutex.h>, <fbl/auto_lock.h> and <fbl/condition_variable.h>, annotated
// with the TA_* macros the way zircon is. Built on std primitives.
#pragma once

#include <condition_variable>
#include <mutex>

#define THREAD_ANNOTATION(x) __attribute__((x))
#define TA_CAP(x) THREAD_ANNOTATION(capability(x))
#define TA_GUARDED(x) THREAD_ANNOTATION(guarded_by(x))
#define TA_PT_GUARDED(x) THREAD_ANNOTATION(pt_guarded_by(x))
#define TA_ACQ(...) THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define TA_ACQ_BEFORE(...) THREAD_ANNOTATION(acquired_before(__VA_ARGS__))
#define TA_ACQ_AFTER(...) THREAD_ANNOTATION(acquired_after(__VA_ARGS__))
#define TA_TRY_ACQ(...) THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))
#define TA_REL(...) THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define TA_REQ(...) THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define TA_EXCL(...) THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define TA_ASSERT(...) THREAD_ANNOTATION(assert_capability(__VA_ARGS__))
#define TA_RET_CAP(x) THREAD_ANNOTATION(lock_returned(x))
#define TA_SCOPED_CAP THREAD_ANNOTATION(scoped_lockable)
#define TA_NO_THREAD_SAFETY_ANALYSIS THREAD_ANNOTATION(no_thread_safety_analysis)

namespace fbl {

class TA_CAP("mutex") Mutex {
 public:
  constexpr Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Acquire() TA_ACQ() TA_NO_THREAD_SAFETY_ANALYSIS { mu_.lock(); }
  void Release() TA_REL() TA_NO_THREAD_SAFETY_ANALYSIS { mu_.unlock(); }
  bool TryAcquire() TA_TRY_ACQ(true) TA_NO_THREAD_SAFETY_ANALYSIS { return mu_.try_lock(); }
  void AssertHeld() const TA_ASSERT() {}

 private:
  friend class ConditionVariable;
  std::mutex mu_;
};

template <typename T>
class TA_SCOPED_CAP AutoLock {
 public:
  explicit AutoLock(T* mutex) TA_ACQ(mutex) : mutex_(mutex) { mutex_->Acquire(); }
  ~AutoLock() TA_REL() { release(); }
  AutoLock(const AutoLock&) = delete;
  AutoLock& operator=(const AutoLock&) = delete;

  // Releases early; the destructor then does nothing.
  void release() TA_REL() {
    if (mutex_ != nullptr) {
      mutex_->Release();
      mutex_ = nullptr;
    }
  }

 private:
  T* mutex_;
};

template <typename T>
AutoLock(T*) -> AutoLock<T>;

class ConditionVariable {
 public:
  void Wait(Mutex* mutex) TA_REQ(mutex) TA_NO_THREAD_SAFETY_ANALYSIS {
    std::unique_lock<std::mutex> l(mutex->mu_, std::adopt_lock);
    cv_.wait(l);
    l.release();
  }
  void Signal() { cv_.notify_one(); }
  void Broadcast() { cv_.notify_all(); }

 private:
  std::condition_variable cv_;
};

}  // namespace fbl
