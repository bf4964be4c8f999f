// Minimal stand-ins for LibreOffice's osl/mutex.hxx and
// cppuhelper/basemutex.hxx.
#pragma once

#include <pthread.h>

namespace osl {

class Mutex {
 public:
  Mutex() {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&mutex, &attr);
    pthread_mutexattr_destroy(&attr);
  }
  ~Mutex() { pthread_mutex_destroy(&mutex); }
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  bool acquire() { return pthread_mutex_lock(&mutex) == 0; }
  bool tryToAcquire() { return pthread_mutex_trylock(&mutex) == 0; }
  bool release() { return pthread_mutex_unlock(&mutex) == 0; }

  static Mutex* getGlobalMutex() {
    static Mutex aGlobal;
    return &aGlobal;
  }

 private:
  pthread_mutex_t mutex;
};

template <class T>
class Guard {
 public:
  explicit Guard(T* pT_) : pT(pT_) { pT->acquire(); }
  explicit Guard(T& t) : pT(&t) { pT->acquire(); }
  ~Guard() { pT->release(); }
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;

 protected:
  T* pT;
};

template <class T>
class ClearableGuard {
 public:
  explicit ClearableGuard(T* pT_) : pT(pT_) { pT->acquire(); }
  explicit ClearableGuard(T& t) : pT(&t) { pT->acquire(); }
  ~ClearableGuard() {
    if (pT) pT->release();
  }
  ClearableGuard(const ClearableGuard&) = delete;
  ClearableGuard& operator=(const ClearableGuard&) = delete;

  void clear() {
    if (pT) {
      pT->release();
      pT = nullptr;
    }
  }

 protected:
  T* pT;
};

template <class T>
class ResettableGuard : public ClearableGuard<T> {
 public:
  explicit ResettableGuard(T& rT) : ClearableGuard<T>(rT), pResetT(&rT) {}
  void reset() {
    if (pResetT) {
      this->pT = pResetT;
      this->pT->acquire();
    }
  }

 protected:
  T* pResetT;
};

typedef Guard<Mutex> MutexGuard;
typedef ClearableGuard<Mutex> ClearableMutexGuard;
typedef ResettableGuard<Mutex> ResettableMutexGuard;

}  // namespace osl

namespace cppu {
class BaseMutex {
 protected:
  mutable ::osl::Mutex m_aMutex;
};
}  // namespace cppu

#define SAL_WARN(area, stream) ((void)0)
#define SAL_INFO(area, stream) ((void)0)
