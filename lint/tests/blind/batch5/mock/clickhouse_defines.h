// Minimal stand-in for ClickHouse's base/defines.h thread-safety macros.
#pragma once

#define TSA_GUARDED_BY(...) __attribute__((guarded_by(__VA_ARGS__)))
#define TSA_PT_GUARDED_BY(...) __attribute__((pt_guarded_by(__VA_ARGS__)))
#define TSA_REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define TSA_REQUIRES_SHARED(...) __attribute__((requires_shared_capability(__VA_ARGS__)))
#define TSA_NO_THREAD_SAFETY_ANALYSIS __attribute__((no_thread_safety_analysis))
#define TSA_CAPABILITY(...) __attribute__((capability(__VA_ARGS__)))
#define TSA_ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define TSA_RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TSA_ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define TSA_RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define TSA_SCOPED_LOCKABLE __attribute__((scoped_lockable))

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace DB {

using UInt64 = uint64_t;
using Int64 = int64_t;
using String = std::string;

/// Shared mutex with thread-safety annotations (see base/SharedMutex.h).
class TSA_CAPABILITY("SharedMutex") SharedMutex {
 public:
  void lock() TSA_ACQUIRE() { impl.lock(); }
  void unlock() TSA_RELEASE() { impl.unlock(); }
  void lock_shared() TSA_ACQUIRE_SHARED() { impl.lock_shared(); }
  void unlock_shared() TSA_RELEASE_SHARED() { impl.unlock_shared(); }

 private:
  std::shared_mutex impl;
};

/// Annotated std::mutex wrapper, as used in code built against libstdc++.
class TSA_CAPABILITY("mutex") Mutex {
 public:
  void lock() TSA_ACQUIRE() { impl.lock(); }
  bool try_lock() __attribute__((try_acquire_capability(true))) { return impl.try_lock(); }
  void unlock() TSA_RELEASE() { impl.unlock(); }

 private:
  std::mutex impl;
};

template <typename M>
class TSA_SCOPED_LOCKABLE LockGuard {
 public:
  explicit LockGuard(M & mutex_) TSA_ACQUIRE(mutex_) : mutex(mutex_) { mutex.lock(); }
  ~LockGuard() TSA_RELEASE() { mutex.unlock(); }

 private:
  M & mutex;
};

template <typename M>
class TSA_SCOPED_LOCKABLE SharedLockGuard {
 public:
  explicit SharedLockGuard(M & mutex_) TSA_ACQUIRE_SHARED(mutex_) : mutex(mutex_) { mutex.lock_shared(); }
  ~SharedLockGuard() TSA_RELEASE() { mutex.unlock_shared(); }

 private:
  M & mutex;
};

}  // namespace DB
