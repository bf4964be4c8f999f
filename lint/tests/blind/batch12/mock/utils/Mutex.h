// Minimal stand-in for AOSP's <utils/Mutex.h> and <utils/Condition.h>.
#pragma once

#include <pthread.h>

#include <android-base/thread_annotations.h>
#include <utils/Errors.h>
#include <utils/Timers.h>

namespace android {

class Condition;

class CAPABILITY("mutex") Mutex {
 public:
  Mutex() { pthread_mutex_init(&mMutex, nullptr); }
  explicit Mutex(const char* /*name*/) { pthread_mutex_init(&mMutex, nullptr); }
  ~Mutex() { pthread_mutex_destroy(&mMutex); }
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  status_t lock() ACQUIRE() { return -pthread_mutex_lock(&mMutex); }
  void unlock() RELEASE() { pthread_mutex_unlock(&mMutex); }
  // Returns NO_ERROR when the lock was taken.
  status_t tryLock() TRY_ACQUIRE(0) { return -pthread_mutex_trylock(&mMutex); }

  class SCOPED_CAPABILITY Autolock {
   public:
    inline explicit Autolock(Mutex& mutex) ACQUIRE(mutex) : mLock(mutex) { mLock.lock(); }
    inline explicit Autolock(Mutex* mutex) ACQUIRE(mutex) : mLock(*mutex) { mLock.lock(); }
    inline ~Autolock() RELEASE() { mLock.unlock(); }

   private:
    Mutex& mLock;
    Autolock(const Autolock&) = delete;
    Autolock& operator=(const Autolock&) = delete;
  };

 private:
  friend class Condition;
  pthread_mutex_t mMutex;
};

typedef Mutex::Autolock AutoMutex;

class Condition {
 public:
  Condition() { pthread_cond_init(&mCond, nullptr); }
  ~Condition() { pthread_cond_destroy(&mCond); }
  Condition(const Condition&) = delete;
  Condition& operator=(const Condition&) = delete;

  // Both wait forms must be called with |mutex| held; it is held again on return.
  status_t wait(Mutex& mutex) REQUIRES(mutex) {
    return -pthread_cond_wait(&mCond, &mutex.mMutex);
  }
  status_t waitRelative(Mutex& mutex, nsecs_t reltime) REQUIRES(mutex);

  void signal() { pthread_cond_signal(&mCond); }
  void broadcast() { pthread_cond_broadcast(&mCond); }

 private:
  pthread_cond_t mCond;
};

}  // namespace android
