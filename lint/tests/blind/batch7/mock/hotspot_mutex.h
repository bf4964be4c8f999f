// Stand-in for OpenJDK HotSpot's runtime/mutex.hpp and runtime/mutexLocker.hpp.
// HotSpot is not built with clang's thread-safety analysis: nothing here is
// annotated.
#ifndef BATCH7_MOCK_HOTSPOT_MUTEX_H_
#define BATCH7_MOCK_HOTSPOT_MUTEX_H_

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include <atomic>
#include <cassert>

#define guarantee(cond, msg) assert((cond) && msg)

class Mutex {
 public:
  enum Rank { event, service, nosafepoint, safepoint, leaf };

  Mutex(Rank rank, const char* name) : _owner(0), _owned(false), _rank(rank), _name(name) {
    pthread_mutex_init(&_lock, nullptr);
  }
  ~Mutex() { pthread_mutex_destroy(&_lock); }

  void lock() {
    pthread_mutex_lock(&_lock);
    _owner.store(pthread_self(), std::memory_order_relaxed);
    _owned.store(true, std::memory_order_relaxed);
  }
  bool try_lock() {
    if (pthread_mutex_trylock(&_lock) != 0) return false;
    _owner.store(pthread_self(), std::memory_order_relaxed);
    _owned.store(true, std::memory_order_relaxed);
    return true;
  }
  void unlock() {
    _owned.store(false, std::memory_order_relaxed);
    pthread_mutex_unlock(&_lock);
  }

  bool owned_by_self() const {
    return _owned.load(std::memory_order_relaxed) &&
           pthread_equal(_owner.load(std::memory_order_relaxed), pthread_self());
  }
  const char* name() const { return _name; }
  Rank rank() const { return _rank; }

 protected:
  pthread_mutex_t _lock;
  std::atomic<pthread_t> _owner;
  std::atomic<bool> _owned;

 private:
  const Rank _rank;
  const char* const _name;
};

class Monitor : public Mutex {
 public:
  Monitor(Rank rank, const char* name) : Mutex(rank, name) { pthread_cond_init(&_cond, nullptr); }
  ~Monitor() { pthread_cond_destroy(&_cond); }

  // Returns true if the wait timed out. Must be called with the monitor owned.
  bool wait(int64_t timeout_ms = 0) {
    _owned.store(false, std::memory_order_relaxed);
    bool timed_out = false;
    if (timeout_ms == 0) {
      pthread_cond_wait(&_cond, &_lock);
    } else {
      struct timespec deadline;
      clock_gettime(CLOCK_REALTIME, &deadline);
      deadline.tv_sec += timeout_ms / 1000;
      deadline.tv_nsec += (timeout_ms % 1000) * 1000000;
      if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000;
      }
      timed_out = pthread_cond_timedwait(&_cond, &_lock, &deadline) != 0;
    }
    _owned.store(true, std::memory_order_relaxed);
    return timed_out;
  }
  void notify() { pthread_cond_signal(&_cond); }
  void notify_all() { pthread_cond_broadcast(&_cond); }

 private:
  pthread_cond_t _cond;
};

// Lock for the duration of a scope. A null mutex is allowed (early in VM
// startup, before the lock exists) and makes the locker a no-op.
class MutexLocker {
 public:
  explicit MutexLocker(Mutex* mutex) : _mutex(mutex) {
    if (_mutex != nullptr) {
      _mutex->lock();
    }
  }
  ~MutexLocker() {
    if (_mutex != nullptr) {
      _mutex->unlock();
    }
  }
  MutexLocker(const MutexLocker&) = delete;
  MutexLocker& operator=(const MutexLocker&) = delete;

 protected:
  Mutex* _mutex;
};

class MonitorLocker : public MutexLocker {
 public:
  explicit MonitorLocker(Monitor* monitor) : MutexLocker(monitor) {}

  bool wait(int64_t timeout_ms = 0) { return as_monitor()->wait(timeout_ms); }
  void notify() { as_monitor()->notify(); }
  void notify_all() { as_monitor()->notify_all(); }

 private:
  Monitor* as_monitor() const { return static_cast<Monitor*>(_mutex); }
};

// Releases the mutex for the duration of a scope and re-acquires it after.
class MutexUnlocker {
 public:
  explicit MutexUnlocker(Mutex* mutex) : _mutex(mutex) { _mutex->unlock(); }
  ~MutexUnlocker() { _mutex->lock(); }
  MutexUnlocker(const MutexUnlocker&) = delete;
  MutexUnlocker& operator=(const MutexUnlocker&) = delete;

 private:
  Mutex* const _mutex;
};

inline void assert_lock_strong(const Mutex* lock) {
  assert(lock != nullptr && lock->owned_by_self() && "must own lock");
}

#endif  // BATCH7_MOCK_HOTSPOT_MUTEX_H_
