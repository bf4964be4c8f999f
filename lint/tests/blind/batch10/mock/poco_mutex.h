// Mock of the shape of POCO's Foundation mutexes. Unannotated.
#pragma once
#include <pthread.h>
#include <string>

namespace Poco {

template <class M>
class ScopedLock {
 public:
  explicit ScopedLock(M& mutex) : _mutex(mutex) { _mutex.lock(); }
  ~ScopedLock() { _mutex.unlock(); }
  ScopedLock(const ScopedLock&) = delete;

 private:
  M& _mutex;
};

template <class M>
class ScopedLockWithUnlock {
 public:
  explicit ScopedLockWithUnlock(M& mutex) : _pMutex(&mutex) { _pMutex->lock(); }
  ~ScopedLockWithUnlock() { unlock(); }
  void unlock() {
    if (_pMutex) {
      _pMutex->unlock();
      _pMutex = nullptr;
    }
  }

 private:
  M* _pMutex;
};

class Mutex {
 public:
  using ScopedLock = Poco::ScopedLock<Mutex>;
  Mutex() {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&_mutex, &attr);
    pthread_mutexattr_destroy(&attr);
  }
  ~Mutex() { pthread_mutex_destroy(&_mutex); }
  void lock() { pthread_mutex_lock(&_mutex); }
  bool tryLock() { return pthread_mutex_trylock(&_mutex) == 0; }
  void unlock() { pthread_mutex_unlock(&_mutex); }

 private:
  pthread_mutex_t _mutex;
};

class FastMutex {
 public:
  using ScopedLock = Poco::ScopedLock<FastMutex>;
  FastMutex() { pthread_mutex_init(&_mutex, nullptr); }
  ~FastMutex() { pthread_mutex_destroy(&_mutex); }
  void lock() { pthread_mutex_lock(&_mutex); }
  bool tryLock() { return pthread_mutex_trylock(&_mutex) == 0; }
  void unlock() { pthread_mutex_unlock(&_mutex); }

 private:
  pthread_mutex_t _mutex;
};

class Logger {
 public:
  static Logger& get(const std::string& name);
  void information(const std::string& msg);
  void warning(const std::string& msg);
  void error(const std::string& msg);
};

class Runnable {
 public:
  virtual ~Runnable() = default;
  virtual void run() = 0;
};

class Thread {
 public:
  void start(Runnable& target);
  void join();
};

}  // namespace Poco
