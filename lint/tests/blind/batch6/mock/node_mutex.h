// Stand-in for libuv's uv.h (threads, mutexes, async handles) and Node's
// src/node_mutex.h: MutexBase<Traits> with nested ScopedLock/ScopedUnlock
// and ConditionVariableBase. Unannotated, as Node and libuv are.
#pragma once

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include <functional>
#include <memory>
#include <utility>

#define CHECK(expr) \
  do {              \
    if (!(expr)) abort(); \
  } while (0)
#define CHECK_EQ(a, b) CHECK((a) == (b))
#define CHECK_NOT_NULL(p) CHECK((p) != nullptr)

extern "C" {
typedef pthread_mutex_t uv_mutex_t;
typedef pthread_cond_t uv_cond_t;
typedef pthread_rwlock_t uv_rwlock_t;
typedef pthread_t uv_thread_t;
typedef struct uv_loop_s uv_loop_t;
typedef struct uv_async_s uv_async_t;
typedef void (*uv_async_cb)(uv_async_t* handle);
typedef void (*uv_thread_cb)(void* arg);
struct uv_async_s {
  void* data;
  uv_loop_t* loop;
  uv_async_cb async_cb;
};

static inline int uv_mutex_init(uv_mutex_t* handle) { return pthread_mutex_init(handle, nullptr); }
static inline void uv_mutex_destroy(uv_mutex_t* handle) { pthread_mutex_destroy(handle); }
static inline void uv_mutex_lock(uv_mutex_t* handle) { pthread_mutex_lock(handle); }
static inline int uv_mutex_trylock(uv_mutex_t* handle) { return pthread_mutex_trylock(handle); }
static inline void uv_mutex_unlock(uv_mutex_t* handle) { pthread_mutex_unlock(handle); }
static inline int uv_cond_init(uv_cond_t* cond) { return pthread_cond_init(cond, nullptr); }
static inline void uv_cond_destroy(uv_cond_t* cond) { pthread_cond_destroy(cond); }
static inline void uv_cond_signal(uv_cond_t* cond) { pthread_cond_signal(cond); }
static inline void uv_cond_broadcast(uv_cond_t* cond) { pthread_cond_broadcast(cond); }
static inline void uv_cond_wait(uv_cond_t* cond, uv_mutex_t* mutex) { pthread_cond_wait(cond, mutex); }
int uv_async_init(uv_loop_t* loop, uv_async_t* async, uv_async_cb async_cb);
int uv_async_send(uv_async_t* async);
int uv_thread_create(uv_thread_t* tid, uv_thread_cb entry, void* arg);
int uv_thread_join(uv_thread_t* tid);
}

namespace node {

struct LibuvMutexTraits {
  using MutexT = uv_mutex_t;
  using CondT = uv_cond_t;
  static inline int mutex_init(MutexT* mutex) { return uv_mutex_init(mutex); }
  static inline void mutex_destroy(MutexT* mutex) { uv_mutex_destroy(mutex); }
  static inline void mutex_lock(MutexT* mutex) { uv_mutex_lock(mutex); }
  static inline void mutex_unlock(MutexT* mutex) { uv_mutex_unlock(mutex); }
  static inline int cond_init(CondT* cond) { return uv_cond_init(cond); }
  static inline void cond_destroy(CondT* cond) { uv_cond_destroy(cond); }
  static inline void cond_signal(CondT* cond) { uv_cond_signal(cond); }
  static inline void cond_broadcast(CondT* cond) { uv_cond_broadcast(cond); }
  static inline void cond_wait(CondT* cond, MutexT* mutex) { uv_cond_wait(cond, mutex); }
};

template <typename Traits>
class ConditionVariableBase;

template <typename Traits>
class MutexBase {
 public:
  inline MutexBase() { CHECK_EQ(0, Traits::mutex_init(&mutex_)); }
  inline ~MutexBase() { Traits::mutex_destroy(&mutex_); }
  inline void Lock() { Traits::mutex_lock(&mutex_); }
  inline void Unlock() { Traits::mutex_unlock(&mutex_); }
  MutexBase(const MutexBase&) = delete;
  MutexBase& operator=(const MutexBase&) = delete;

  class ScopedLock;
  class ScopedUnlock;

  class ScopedLock {
   public:
    inline explicit ScopedLock(const MutexBase& mutex) : mutex_(mutex) {
      Traits::mutex_lock(&mutex_.mutex_);
    }
    inline explicit ScopedLock(const ScopedUnlock& scoped_unlock) : ScopedLock(scoped_unlock.mutex_) {}
    inline ~ScopedLock() { Traits::mutex_unlock(&mutex_.mutex_); }
    ScopedLock(const ScopedLock&) = delete;
    ScopedLock& operator=(const ScopedLock&) = delete;

   private:
    template <typename>
    friend class ConditionVariableBase;
    friend class ScopedUnlock;
    const MutexBase& mutex_;
  };

  class ScopedUnlock {
   public:
    inline explicit ScopedUnlock(const ScopedLock& scoped_lock) : mutex_(scoped_lock.mutex_) {
      Traits::mutex_unlock(&mutex_.mutex_);
    }
    inline ~ScopedUnlock() { Traits::mutex_lock(&mutex_.mutex_); }

   private:
    friend class ScopedLock;
    const MutexBase& mutex_;
  };

 private:
  template <typename>
  friend class ConditionVariableBase;
  mutable typename Traits::MutexT mutex_;
};

template <typename Traits>
class ConditionVariableBase {
 public:
  using ScopedLock = typename MutexBase<Traits>::ScopedLock;
  inline ConditionVariableBase() { CHECK_EQ(0, Traits::cond_init(&cond_)); }
  inline ~ConditionVariableBase() { Traits::cond_destroy(&cond_); }
  inline void Broadcast(const ScopedLock&) { Traits::cond_broadcast(&cond_); }
  inline void Signal(const ScopedLock&) { Traits::cond_signal(&cond_); }
  inline void Wait(const ScopedLock& scoped_lock) {
    Traits::cond_wait(&cond_, &scoped_lock.mutex_.mutex_);
  }

 private:
  typename Traits::CondT cond_;
};

using Mutex = MutexBase<LibuvMutexTraits>;
using ConditionVariable = ConditionVariableBase<LibuvMutexTraits>;

}  // namespace node
