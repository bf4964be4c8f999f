// Stand-in for AOSP's <utils/Mutex.h>, <utils/Condition.h> and
// <android-base/thread_annotations.h>: android::Mutex is a capability,
// Mutex::Autolock a scoped capability. Built on pthreads.
#pragma once

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#define THREAD_ANNOTATION_ATTRIBUTE__(x) __attribute__((x))
#define CAPABILITY(x) THREAD_ANNOTATION_ATTRIBUTE__(capability(x))
#define SCOPED_CAPABILITY THREAD_ANNOTATION_ATTRIBUTE__(scoped_lockable)
#define GUARDED_BY(x) THREAD_ANNOTATION_ATTRIBUTE__(guarded_by(x))
#define PT_GUARDED_BY(x) THREAD_ANNOTATION_ATTRIBUTE__(pt_guarded_by(x))
#define REQUIRES(...) THREAD_ANNOTATION_ATTRIBUTE__(requires_capability(__VA_ARGS__))
#define ACQUIRE(...) THREAD_ANNOTATION_ATTRIBUTE__(acquire_capability(__VA_ARGS__))
#define RELEASE(...) THREAD_ANNOTATION_ATTRIBUTE__(release_capability(__VA_ARGS__))
#define TRY_ACQUIRE(...) THREAD_ANNOTATION_ATTRIBUTE__(try_acquire_capability(__VA_ARGS__))
#define EXCLUDES(...) THREAD_ANNOTATION_ATTRIBUTE__(locks_excluded(__VA_ARGS__))
#define ASSERT_CAPABILITY(x) THREAD_ANNOTATION_ATTRIBUTE__(assert_capability(x))
#define NO_THREAD_SAFETY_ANALYSIS THREAD_ANNOTATION_ATTRIBUTE__(no_thread_safety_analysis)

namespace android {

typedef int32_t status_t;
enum { OK = 0, NO_ERROR = 0, NO_INIT = -19, BAD_VALUE = -22, INVALID_OPERATION = -38,
       TIMED_OUT = -110, WOULD_BLOCK = -11 };

class Condition;

class CAPABILITY("mutex") Mutex {
 public:
  Mutex() { pthread_mutex_init(&mMutex, nullptr); }
  explicit Mutex(const char* /*name*/) { pthread_mutex_init(&mMutex, nullptr); }
  ~Mutex() { pthread_mutex_destroy(&mMutex); }
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  status_t lock() ACQUIRE() NO_THREAD_SAFETY_ANALYSIS { return -pthread_mutex_lock(&mMutex); }
  void unlock() RELEASE() NO_THREAD_SAFETY_ANALYSIS { pthread_mutex_unlock(&mMutex); }
  status_t tryLock() TRY_ACQUIRE(0) NO_THREAD_SAFETY_ANALYSIS {
    return -pthread_mutex_trylock(&mMutex);
  }

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
  status_t wait(Mutex& mutex) REQUIRES(mutex) {
    return -pthread_cond_wait(&mCond, &mutex.mMutex);
  }
  status_t waitRelative(Mutex& mutex, int64_t reltime_ns) REQUIRES(mutex) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += static_cast<time_t>(reltime_ns / 1000000000);
    ts.tv_nsec += static_cast<long>(reltime_ns % 1000000000);
    if (ts.tv_nsec >= 1000000000) {
      ts.tv_nsec -= 1000000000;
      ts.tv_sec += 1;
    }
    return -pthread_cond_timedwait(&mCond, &mutex.mMutex, &ts);
  }
  void signal() { pthread_cond_signal(&mCond); }
  void broadcast() { pthread_cond_broadcast(&mCond); }

 private:
  pthread_cond_t mCond;
};

}  // namespace android
