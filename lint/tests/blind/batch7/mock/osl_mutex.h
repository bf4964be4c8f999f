// Stand-in for LibreOffice's include/osl/mutex.hxx, include/cppuhelper/basemutex.hxx
// and the SolarMutexGuard of include/vcl/svapp.hxx. LibreOffice is not built
// with clang's thread-safety analysis: nothing here is annotated.
#ifndef BATCH7_MOCK_OSL_MUTEX_H_
#define BATCH7_MOCK_OSL_MUTEX_H_

#include <pthread.h>

namespace osl {

class Mutex {
 public:
  Mutex() {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&mutex_, &attr);
    pthread_mutexattr_destroy(&attr);
  }
  ~Mutex() { pthread_mutex_destroy(&mutex_); }
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  bool acquire() { return pthread_mutex_lock(&mutex_) == 0; }
  bool tryToAcquire() { return pthread_mutex_trylock(&mutex_) == 0; }
  bool release() { return pthread_mutex_unlock(&mutex_) == 0; }

  static Mutex* getGlobalMutex() {
    static Mutex global;
    return &global;
  }

 private:
  pthread_mutex_t mutex_;
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

// A guard that can release its mutex before the end of the scope.
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

// A clearable guard that can take its mutex back with reset().
template <class T>
class ResettableGuard : public ClearableGuard<T> {
 public:
  explicit ResettableGuard(T* pT_) : ClearableGuard<T>(pT_), pResetT(pT_) {}
  explicit ResettableGuard(T& rT) : ClearableGuard<T>(rT), pResetT(&rT) {}

  void reset() {
    if (pResetT) {
      this->pT = pResetT;
      this->pT->acquire();
    }
  }

 private:
  T* pResetT;
};

typedef Guard<Mutex> MutexGuard;
typedef ClearableGuard<Mutex> ClearableMutexGuard;
typedef ResettableGuard<Mutex> ResettableMutexGuard;

}  // namespace osl

namespace cppu {

// Base class providing the mutex that WeakComponentImplHelper and friends use.
class BaseMutex {
 protected:
  mutable ::osl::Mutex m_aMutex;
};

}  // namespace cppu

namespace comphelper {

class SolarMutex {
 public:
  virtual ~SolarMutex() = default;
  void acquire() { m_aMutex.acquire(); }
  void release() { m_aMutex.release(); }
  static SolarMutex* get() {
    static SolarMutex solar;
    return &solar;
  }

 private:
  ::osl::Mutex m_aMutex;
};

}  // namespace comphelper

// Takes the process-wide solar mutex that guards the VCL object model.
class SolarMutexGuard : public osl::Guard<comphelper::SolarMutex> {
 public:
  SolarMutexGuard() : osl::Guard<comphelper::SolarMutex>(comphelper::SolarMutex::get()) {}
};

#endif  // BATCH7_MOCK_OSL_MUTEX_H_
