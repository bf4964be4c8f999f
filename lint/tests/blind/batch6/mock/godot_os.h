// Stand-in for Godot's core/os/mutex.h, core/templates/safe_refcount.h,
// core/os/semaphore.h and core/error/error_macros.h, in the 3.x/4.0 form:
// Mutex is recursive, MutexLock<MutexT> locks in its constructor and unlocks
// in its destructor; SafeNumeric/SafeFlag wrap std::atomic. Unannotated.
#pragma once

#ifndef _FORCE_INLINE_
#define _FORCE_INLINE_ inline
#endif

#include <stdint.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>

#define ERR_FAIL_COND(m_cond) \
  if (m_cond) return
#define ERR_FAIL_COND_V(m_cond, m_retval) \
  if (m_cond) return m_retval
#define ERR_FAIL_NULL_V(m_param, m_retval) \
  if ((m_param) == nullptr) return m_retval
#define ERR_PRINT(m_msg) std::fprintf(stderr, "%s\n", m_msg)
#define memnew(m_class) new m_class
#define memdelete(m_ptr) delete (m_ptr)

typedef std::string String;

enum Error { OK = 0, FAILED = 1, ERR_UNAVAILABLE = 2, ERR_BUSY = 44, ERR_FILE_NOT_FOUND = 7,
             ERR_CANT_OPEN = 19, ERR_INVALID_PARAMETER = 31 };

template <class StdMutexT>
class MutexImpl {
  mutable StdMutexT mutex;

 public:
  _FORCE_INLINE_ void lock() const { mutex.lock(); }
  _FORCE_INLINE_ void unlock() const { mutex.unlock(); }
  _FORCE_INLINE_ bool try_lock() const { return mutex.try_lock(); }
};

using Mutex = MutexImpl<std::recursive_mutex>;  // Recursive, for general use.
using BinaryMutex = MutexImpl<std::mutex>;      // Non-recursive, handle with care.

template <class MutexT>
class MutexLock {
  const MutexT& mutex;

 public:
  _FORCE_INLINE_ explicit MutexLock(const MutexT& p_mutex) : mutex(p_mutex) { mutex.lock(); }
  _FORCE_INLINE_ ~MutexLock() { mutex.unlock(); }
};

template <class T>
class SafeNumeric {
  std::atomic<T> value;

 public:
  _FORCE_INLINE_ void set(T p_value) { value.store(p_value, std::memory_order_release); }
  _FORCE_INLINE_ T get() const { return value.load(std::memory_order_acquire); }
  _FORCE_INLINE_ T increment() { return value.fetch_add(1, std::memory_order_acq_rel) + 1; }
  _FORCE_INLINE_ T decrement() { return value.fetch_sub(1, std::memory_order_acq_rel) - 1; }
  _FORCE_INLINE_ T add(T p_value) { return value.fetch_add(p_value, std::memory_order_acq_rel) + p_value; }
  _FORCE_INLINE_ T exchange_if_greater(T p_value) {
    while (true) {
      T tmp = value.load(std::memory_order_acquire);
      if (tmp >= p_value) return tmp;
      if (value.compare_exchange_weak(tmp, p_value, std::memory_order_acq_rel)) return p_value;
    }
  }
  explicit SafeNumeric(T p_value = static_cast<T>(0)) { set(p_value); }
};

class SafeFlag {
  std::atomic_bool flag;

 public:
  _FORCE_INLINE_ bool is_set() const { return flag.load(std::memory_order_acquire); }
  _FORCE_INLINE_ void set() { flag.store(true, std::memory_order_release); }
  _FORCE_INLINE_ void clear() { flag.store(false, std::memory_order_release); }
  explicit SafeFlag(bool p_value = false) { flag.store(p_value); }
};

class Semaphore {
  mutable std::mutex mutex_;
  mutable std::condition_variable condition_;
  mutable uint32_t count_ = 0;

 public:
  _FORCE_INLINE_ void post() const {
    std::lock_guard<std::mutex> lock(mutex_);
    count_++;
    condition_.notify_one();
  }
  _FORCE_INLINE_ void wait() const {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!count_) condition_.wait(lock);
    count_--;
  }
};

class OS {
 public:
  static OS* get_singleton();
  uint64_t get_ticks_msec() const;
  void delay_usec(uint32_t p_usec) const;
  int get_processor_count() const;
};
