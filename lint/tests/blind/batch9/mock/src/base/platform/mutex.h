// V8 style base::Mutex, base::RecursiveMutex, base::SharedMutex and guards (stand-in).
// The lock and unlock members are defined in platform-posix's mutex.cc.
#ifndef V8_BASE_PLATFORM_MUTEX_H_
#define V8_BASE_PLATFORM_MUTEX_H_

#include <pthread.h>

namespace v8 {
namespace base {

class ConditionVariable;

// Mutex - a replacement for std::mutex: Lock() blocks, TryLock() does not.
class Mutex final {
 public:
  Mutex();
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;
  ~Mutex();

  void Lock();
  void Unlock();
  bool TryLock();

  // Debug-mode check that the calling thread owns the mutex.
  void AssertHeld() const;

  using NativeHandle = pthread_mutex_t;
  NativeHandle& native_handle() { return native_handle_; }

 private:
  friend class ConditionVariable;
  NativeHandle native_handle_;
};

// RecursiveMutex - can be locked again by the thread that owns it.
class RecursiveMutex final {
 public:
  RecursiveMutex();
  RecursiveMutex(const RecursiveMutex&) = delete;
  RecursiveMutex& operator=(const RecursiveMutex&) = delete;
  ~RecursiveMutex();

  void Lock();
  void Unlock();
  bool TryLock();

 private:
  pthread_mutex_t native_handle_;
};

// SharedMutex - a reader/writer lock.
class SharedMutex final {
 public:
  SharedMutex();
  SharedMutex(const SharedMutex&) = delete;
  SharedMutex& operator=(const SharedMutex&) = delete;
  ~SharedMutex();

  void LockShared();
  void LockExclusive();
  void UnlockShared();
  void UnlockExclusive();
  bool TryLockShared();
  bool TryLockExclusive();

 private:
  pthread_rwlock_t native_handle_;
};

enum NullBehavior { kRequireNotNull, kIgnoreIfNull };

// LockGuard - scoped lock over a Mutex* (or RecursiveMutex*).
template <typename Mutex, NullBehavior Behavior = NullBehavior::kRequireNotNull>
class LockGuard final {
 public:
  explicit LockGuard(Mutex* mutex) : mutex_(mutex) {
    if (has_mutex()) mutex_->Lock();
  }
  LockGuard(const LockGuard&) = delete;
  LockGuard& operator=(const LockGuard&) = delete;
  ~LockGuard() {
    if (has_mutex()) mutex_->Unlock();
  }

 private:
  Mutex* const mutex_;

  bool has_mutex() const { return Behavior == NullBehavior::kRequireNotNull || mutex_ != nullptr; }
};

using MutexGuard = LockGuard<Mutex>;
using RecursiveMutexGuard = LockGuard<RecursiveMutex>;

enum MutexSharedType : bool { kShared = true, kExclusive = false };

template <MutexSharedType kIsShared, NullBehavior Behavior = NullBehavior::kRequireNotNull>
class SharedMutexGuard final {
 public:
  explicit SharedMutexGuard(SharedMutex* mutex) : mutex_(mutex) {
    if (!has_mutex()) return;
    if (kIsShared) {
      mutex_->LockShared();
    } else {
      mutex_->LockExclusive();
    }
  }
  SharedMutexGuard(const SharedMutexGuard&) = delete;
  SharedMutexGuard& operator=(const SharedMutexGuard&) = delete;
  ~SharedMutexGuard() {
    if (!has_mutex()) return;
    if (kIsShared) {
      mutex_->UnlockShared();
    } else {
      mutex_->UnlockExclusive();
    }
  }

 private:
  SharedMutex* const mutex_;

  bool has_mutex() const { return Behavior == NullBehavior::kRequireNotNull || mutex_ != nullptr; }
};

}  // namespace base
}  // namespace v8

#endif  // V8_BASE_PLATFORM_MUTEX_H_
