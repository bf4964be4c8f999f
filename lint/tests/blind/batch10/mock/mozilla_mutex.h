// Mock of the shape of Mozilla's xpcom/threads Mutex.h, annotated the way
// mfbt's ThreadSafety.h does (MOZ_CAPABILITY, MOZ_GUARDED_BY, ...).
#pragma once
#include <pthread.h>
#include <cstdio>

#define MOZ_CAPABILITY(x) __attribute__((capability(x)))
#define MOZ_SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define MOZ_GUARDED_BY(x) __attribute__((guarded_by(x)))
#define MOZ_PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#define MOZ_REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define MOZ_EXCLUDES(...) __attribute__((locks_excluded(__VA_ARGS__)))
#define MOZ_CAPABILITY_ACQUIRE(...) \
  __attribute__((acquire_capability(__VA_ARGS__)))
#define MOZ_CAPABILITY_RELEASE(...) \
  __attribute__((release_capability(__VA_ARGS__)))
#define MOZ_TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#define MOZ_ASSERT_CAPABILITY(x) __attribute__((assert_capability(x)))
#define MOZ_NO_THREAD_SAFETY_ANALYSIS __attribute__((no_thread_safety_analysis))

#define NS_WARNING(msg) ((void)(msg))
#define MOZ_ASSERT(cond) ((void)(cond))

typedef unsigned int nsresult;
constexpr nsresult NS_OK = 0;
constexpr nsresult NS_ERROR_FAILURE = 0x80004005u;
constexpr nsresult NS_ERROR_NOT_INITIALIZED = 0xC1F30001u;
inline bool NS_FAILED(nsresult rv) { return rv != NS_OK; }

namespace mozilla {

class MOZ_CAPABILITY("mutex") OffTheBooksMutex {
 public:
  explicit OffTheBooksMutex(const char* name) : mName(name) {
    pthread_mutex_init(&mMutex, nullptr);
  }
  ~OffTheBooksMutex() { pthread_mutex_destroy(&mMutex); }
  OffTheBooksMutex(const OffTheBooksMutex&) = delete;

  void Lock() MOZ_CAPABILITY_ACQUIRE() { pthread_mutex_lock(&mMutex); }
  void Unlock() MOZ_CAPABILITY_RELEASE() { pthread_mutex_unlock(&mMutex); }
  bool TryLock() MOZ_TRY_ACQUIRE(true) {
    return pthread_mutex_trylock(&mMutex) == 0;
  }
  void AssertCurrentThreadOwns() const MOZ_ASSERT_CAPABILITY(this) {}

 private:
  const char* mName;
  pthread_mutex_t mMutex;
};

// Mutex: the leak-checked flavour; same API.
class MOZ_CAPABILITY("mutex") Mutex : public OffTheBooksMutex {
 public:
  explicit Mutex(const char* name) : OffTheBooksMutex(name) {}
};

template <typename T>
class MOZ_SCOPED_CAPABILITY BaseAutoLock {
 public:
  explicit BaseAutoLock(T& aLock) MOZ_CAPABILITY_ACQUIRE(aLock) : mLock(aLock) {
    mLock.Lock();
  }
  ~BaseAutoLock() MOZ_CAPABILITY_RELEASE() { mLock.Unlock(); }
  BaseAutoLock(const BaseAutoLock&) = delete;

 private:
  T& mLock;
};

template <typename T>
class MOZ_SCOPED_CAPABILITY BaseAutoUnlock {
 public:
  explicit BaseAutoUnlock(T& aLock) MOZ_CAPABILITY_RELEASE(aLock)
      : mLock(aLock) {
    mLock.Unlock();
  }
  ~BaseAutoUnlock() MOZ_CAPABILITY_RELEASE() { mLock.Lock(); }
  BaseAutoUnlock(const BaseAutoUnlock&) = delete;

 private:
  T& mLock;
};

using MutexAutoLock = BaseAutoLock<Mutex>;
using MutexAutoUnlock = BaseAutoUnlock<Mutex>;
using OffTheBooksMutexAutoLock = BaseAutoLock<OffTheBooksMutex>;
using OffTheBooksMutexAutoUnlock = BaseAutoUnlock<OffTheBooksMutex>;

class CondVar {
 public:
  CondVar(Mutex& aLock, const char* aName) : mLock(aLock) { (void)aName; }
  void Wait();
  void Notify();
  void NotifyAll();

 private:
  Mutex& mLock;
};

}  // namespace mozilla

#define MOZ_LOG(module, level, args) ((void)0)
