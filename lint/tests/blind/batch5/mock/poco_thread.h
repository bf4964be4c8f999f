// Minimal stand-in for Poco/Mutex.h, Poco/ScopedLock.h, Poco/Runnable.h,
// Poco/Thread.h and Poco/Event.h.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace Poco {

template <class M>
class ScopedLock {
 public:
  explicit ScopedLock(M& mutex) : _mutex(mutex) { _mutex.lock(); }
  ~ScopedLock() { _mutex.unlock(); }

 private:
  M& _mutex;
  ScopedLock();
  ScopedLock(const ScopedLock&);
  ScopedLock& operator=(const ScopedLock&);
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

class FastMutex {
 public:
  typedef Poco::ScopedLock<FastMutex> ScopedLock;

  FastMutex() = default;
  void lock() { _impl.lock(); }
  bool tryLock() { return _impl.try_lock(); }
  void unlock() { _impl.unlock(); }

 private:
  FastMutex(const FastMutex&);
  FastMutex& operator=(const FastMutex&);
  std::mutex _impl;
};

class Mutex {
 public:
  typedef Poco::ScopedLock<Mutex> ScopedLock;

  Mutex() = default;
  void lock() { _impl.lock(); }
  bool tryLock() { return _impl.try_lock(); }
  void unlock() { _impl.unlock(); }

 private:
  Mutex(const Mutex&);
  Mutex& operator=(const Mutex&);
  std::recursive_mutex _impl;
};

class Runnable {
 public:
  Runnable() = default;
  virtual ~Runnable() {}
  virtual void run() = 0;
};

class Thread {
 public:
  Thread() = default;
  explicit Thread(const std::string& name) : _name(name) {}
  ~Thread() {
    if (_thread.joinable()) _thread.detach();
  }

  void start(Runnable& target) {
    Runnable* pTarget = &target;
    _thread = std::thread([pTarget] { pTarget->run(); });
  }
  void join() {
    if (_thread.joinable()) _thread.join();
  }
  bool isRunning() const { return _thread.joinable(); }
  void setName(const std::string& name) { _name = name; }
  const std::string& name() const { return _name; }
  static void sleep(long milliseconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
  }

 private:
  Thread(const Thread&);
  Thread& operator=(const Thread&);
  std::string _name;
  std::thread _thread;
};

class Event {
 public:
  explicit Event(bool autoReset = true) : _auto(autoReset) {}
  void set() {
    std::lock_guard<std::mutex> lock(_mutex);
    _state = true;
    _cond.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(_mutex);
    _cond.wait(lock, [this] { return _state; });
    if (_auto) _state = false;
  }
  bool tryWait(long milliseconds) {
    std::unique_lock<std::mutex> lock(_mutex);
    bool ok = _cond.wait_for(lock, std::chrono::milliseconds(milliseconds),
                             [this] { return _state; });
    if (ok && _auto) _state = false;
    return ok;
  }
  void reset() {
    std::lock_guard<std::mutex> lock(_mutex);
    _state = false;
  }

 private:
  const bool _auto;
  bool _state = false;
  std::mutex _mutex;
  std::condition_variable _cond;
};

}  // namespace Poco
