/* Stand-in for xpcom/threads/Mutex.h. */
#ifndef mozilla_Mutex_h
#define mozilla_Mutex_h

#include <pthread.h>
#include "mozilla/ThreadSafety.h"

namespace mozilla {

namespace detail {
class MutexImpl {
public:
  MutexImpl() { pthread_mutex_init(&platformData_, nullptr); }
  ~MutexImpl() { pthread_mutex_destroy(&platformData_); }

protected:
  void lock() { pthread_mutex_lock(&platformData_); }
  bool tryLock() { return pthread_mutex_trylock(&platformData_) == 0; }
  void unlock() { pthread_mutex_unlock(&platformData_); }

private:
  pthread_mutex_t platformData_;
};
} // namespace detail

class MOZ_CAPABILITY("mutex") OffTheBooksMutex : public detail::MutexImpl {
public:
  explicit OffTheBooksMutex(const char *aName) : mName(aName) {}
  ~OffTheBooksMutex() = default;

  void Lock() MOZ_CAPABILITY_ACQUIRE() { this->lock(); }
  [[nodiscard]] bool TryLock() MOZ_TRY_ACQUIRE(true) { return this->tryLock(); }
  void Unlock() MOZ_CAPABILITY_RELEASE() { this->unlock(); }

  void AssertCurrentThreadOwns() const MOZ_ASSERT_CAPABILITY(this) {}
  void AssertNotCurrentThreadOwns() const {}

  const char *Name() const { return mName; }

private:
  const char *const mName;
};

class MOZ_CAPABILITY("mutex") Mutex : public OffTheBooksMutex {
public:
  explicit Mutex(const char *aName) : OffTheBooksMutex(aName) {}
  ~Mutex() = default;

private:
  Mutex(const Mutex &) = delete;
  void operator=(const Mutex &) = delete;
};

namespace detail {
template <typename T> class MOZ_SCOPED_CAPABILITY BaseAutoLock {
public:
  explicit BaseAutoLock(T aLock) MOZ_CAPABILITY_ACQUIRE(aLock) : mLock(aLock) {
    mLock.Lock();
  }
  ~BaseAutoLock() MOZ_CAPABILITY_RELEASE() { mLock.Unlock(); }

  // Assert that aLock is the mutex passed to the constructor and that the
  // current thread owns the mutex.
  void AssertOwns(const T &aLock) const MOZ_ASSERT_CAPABILITY(aLock) {}

private:
  BaseAutoLock() = delete;
  BaseAutoLock(BaseAutoLock &) = delete;
  BaseAutoLock &operator=(BaseAutoLock &) = delete;

  T mLock;
};

template <typename T> class MOZ_SCOPED_CAPABILITY BaseAutoUnlock {
public:
  explicit BaseAutoUnlock(T aLock) MOZ_SCOPED_UNLOCK_RELEASE(aLock) : mLock(aLock) {
    mLock.Unlock();
  }
  ~BaseAutoUnlock() MOZ_SCOPED_UNLOCK_REACQUIRE() { mLock.Lock(); }

private:
  BaseAutoUnlock() = delete;
  BaseAutoUnlock(BaseAutoUnlock &) = delete;
  BaseAutoUnlock &operator=(BaseAutoUnlock &) = delete;

  T mLock;
};
} // namespace detail

typedef detail::BaseAutoLock<Mutex &> MutexAutoLock;
typedef detail::BaseAutoLock<OffTheBooksMutex &> OffTheBooksMutexAutoLock;
typedef detail::BaseAutoUnlock<Mutex &> MutexAutoUnlock;
typedef detail::BaseAutoUnlock<OffTheBooksMutex &> OffTheBooksMutexAutoUnlock;

} // namespace mozilla

#endif // mozilla_Mutex_h
