// Minimal stand-in for mozilla/Mutex.h and mozilla/CondVar.h, with the
// MOZ_* thread-safety macros from mozilla/ThreadSafety.h.
#ifndef BATCH4_MOCK_MOZ_MUTEX_H_
#define BATCH4_MOCK_MOZ_MUTEX_H_

#include <cassert>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#if defined(__clang__)
#define MOZ_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define MOZ_THREAD_ANNOTATION(x)
#endif

#define MOZ_CAPABILITY(x) MOZ_THREAD_ANNOTATION(capability(x))
#define MOZ_SCOPED_CAPABILITY MOZ_THREAD_ANNOTATION(scoped_lockable)
#define MOZ_GUARDED_BY(x) MOZ_THREAD_ANNOTATION(guarded_by(x))
#define MOZ_PT_GUARDED_BY(x) MOZ_THREAD_ANNOTATION(pt_guarded_by(x))
#define MOZ_REQUIRES(...) \
  MOZ_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define MOZ_CAPABILITY_ACQUIRE(...) \
  MOZ_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define MOZ_CAPABILITY_RELEASE(...) \
  MOZ_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define MOZ_ASSERT_CAPABILITY(x) MOZ_THREAD_ANNOTATION(assert_capability(x))
#define MOZ_SCOPED_UNLOCK_RELEASE(...) \
  MOZ_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define MOZ_SCOPED_UNLOCK_REACQUIRE(...) \
  MOZ_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define MOZ_NO_THREAD_SAFETY_ANALYSIS \
  MOZ_THREAD_ANNOTATION(no_thread_safety_analysis)

#define MOZ_ASSERT(x) assert(x)

typedef uint32_t nsresult;
#define NS_OK 0u
#define NS_ERROR_FAILURE 0x80004005u
#define NS_ERROR_NOT_AVAILABLE 0x80040111u
#define NS_FAILED(x) ((x) != NS_OK)

namespace mozilla {

class CondVar;

class MOZ_CAPABILITY("mutex") Mutex {
 public:
  explicit Mutex(const char* aName) : mName(aName) {}
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() MOZ_CAPABILITY_ACQUIRE() { mImpl.lock(); }
  void Unlock() MOZ_CAPABILITY_RELEASE() { mImpl.unlock(); }
  bool TryLock() { return mImpl.try_lock(); }
  void AssertCurrentThreadOwns() const MOZ_ASSERT_CAPABILITY(this) {}
  const char* Name() const { return mName; }

 private:
  friend class CondVar;
  const char* mName;
  std::mutex mImpl;
};

namespace detail {

template <typename T>
class MOZ_SCOPED_CAPABILITY BaseAutoLock {
 public:
  explicit BaseAutoLock(T aLock) MOZ_CAPABILITY_ACQUIRE(aLock) : mLock(aLock) {
    mLock.Lock();
  }
  ~BaseAutoLock() MOZ_CAPABILITY_RELEASE() { mLock.Unlock(); }

  void AssertOwns(const T& aLock) const MOZ_ASSERT_CAPABILITY(aLock) {}

  BaseAutoLock(const BaseAutoLock&) = delete;
  BaseAutoLock& operator=(const BaseAutoLock&) = delete;

 private:
  T mLock;
};

template <typename T>
class MOZ_SCOPED_CAPABILITY BaseAutoUnlock {
 public:
  explicit BaseAutoUnlock(T aLock) MOZ_SCOPED_UNLOCK_RELEASE(aLock)
      : mLock(aLock) {
    mLock.Unlock();
  }
  ~BaseAutoUnlock() MOZ_SCOPED_UNLOCK_REACQUIRE() { mLock.Lock(); }

  BaseAutoUnlock(const BaseAutoUnlock&) = delete;
  BaseAutoUnlock& operator=(const BaseAutoUnlock&) = delete;

 private:
  T mLock;
};

}  // namespace detail

typedef detail::BaseAutoLock<Mutex&> MutexAutoLock;
typedef detail::BaseAutoUnlock<Mutex&> MutexAutoUnlock;

class CondVar {
 public:
  CondVar(Mutex& aLock, const char* aName) : mLock(&aLock), mName(aName) {}

  void Wait() {
    std::unique_lock<std::mutex> lock(mLock->mImpl, std::adopt_lock);
    mImpl.wait(lock);
    lock.release();
  }
  // Returns false when it timed out.
  bool Wait(std::chrono::milliseconds aDuration) {
    std::unique_lock<std::mutex> lock(mLock->mImpl, std::adopt_lock);
    bool woken = mImpl.wait_for(lock, aDuration) == std::cv_status::no_timeout;
    lock.release();
    return woken;
  }
  void Notify() { mImpl.notify_one(); }
  void NotifyAll() { mImpl.notify_all(); }

 private:
  Mutex* mLock;
  const char* mName;
  std::condition_variable mImpl;
};

}  // namespace mozilla

#endif  // BATCH4_MOCK_MOZ_MUTEX_H_
