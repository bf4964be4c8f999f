// Stand-in for V8's src/base/platform/mutex.h, condition-variable.h,
// src/base/once.h, src/base/lazy-instance.h and include/v8-platform.h.
// Unannotated, as V8 is: base::Mutex wraps a pthread mutex, LockGuard locks
// it in its constructor and unlocks it in its destructor.
#pragma once

#include <pthread.h>
#include <stdint.h>

#include <atomic>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <utility>

#define DCHECK(cond) ((void)(cond))
#define CHECK(cond) ((void)(cond))
#define DCHECK_NOT_NULL(p) ((void)(p))
#define V8_NOEXCEPT noexcept

namespace v8 {

class Isolate;

class Task {
 public:
  virtual ~Task() = default;
  virtual void Run() = 0;
};

class TaskRunner {
 public:
  virtual ~TaskRunner() = default;
  virtual void PostTask(std::unique_ptr<Task> task) = 0;
  virtual void PostDelayedTask(std::unique_ptr<Task> task, double delay_in_seconds) = 0;
  virtual bool IdleTasksEnabled() { return false; }
};

class Platform {
 public:
  virtual ~Platform() = default;
  virtual std::shared_ptr<TaskRunner> GetForegroundTaskRunner(Isolate* isolate) = 0;
  virtual void CallOnWorkerThread(std::unique_ptr<Task> task) = 0;
  virtual int NumberOfWorkerThreads() = 0;
};

namespace base {

class Mutex final {
 public:
  Mutex() { pthread_mutex_init(&native_handle_, nullptr); }
  ~Mutex() { pthread_mutex_destroy(&native_handle_); }
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() { pthread_mutex_lock(&native_handle_); }
  void Unlock() { pthread_mutex_unlock(&native_handle_); }
  bool TryLock() V8_NOEXCEPT { return pthread_mutex_trylock(&native_handle_) == 0; }
  void AssertHeld() const {}

 private:
  friend class ConditionVariable;
  pthread_mutex_t native_handle_;
};

class RecursiveMutex final {
 public:
  RecursiveMutex() {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&native_handle_, &attr);
    pthread_mutexattr_destroy(&attr);
  }
  ~RecursiveMutex() { pthread_mutex_destroy(&native_handle_); }
  void Lock() { pthread_mutex_lock(&native_handle_); }
  void Unlock() { pthread_mutex_unlock(&native_handle_); }
  bool TryLock() V8_NOEXCEPT { return pthread_mutex_trylock(&native_handle_) == 0; }

 private:
  pthread_mutex_t native_handle_;
};

class SharedMutex final {
 public:
  void LockShared() { native_handle_.lock_shared(); }
  void LockExclusive() { native_handle_.lock(); }
  void UnlockShared() { native_handle_.unlock_shared(); }
  void UnlockExclusive() { native_handle_.unlock(); }
  bool TryLockShared() { return native_handle_.try_lock_shared(); }
  bool TryLockExclusive() { return native_handle_.try_lock(); }

 private:
  std::shared_mutex native_handle_;
};

template <typename Mutex>
class LockGuard final {
 public:
  explicit LockGuard(Mutex* mutex) : mutex_(mutex) { mutex_->Lock(); }
  LockGuard(const LockGuard&) = delete;
  LockGuard& operator=(const LockGuard&) = delete;
  ~LockGuard() { mutex_->Unlock(); }

 private:
  Mutex* const mutex_;
};

using MutexGuard = LockGuard<Mutex>;
using RecursiveMutexGuard = LockGuard<RecursiveMutex>;

enum SharedMutexGuardMode { kShared, kExclusive };

template <SharedMutexGuardMode kIsShared>
class SharedMutexGuard final {
 public:
  explicit SharedMutexGuard(SharedMutex* mutex) : mutex_(mutex) {
    if (kIsShared == kShared) {
      mutex_->LockShared();
    } else {
      mutex_->LockExclusive();
    }
  }
  ~SharedMutexGuard() {
    if (kIsShared == kShared) {
      mutex_->UnlockShared();
    } else {
      mutex_->UnlockExclusive();
    }
  }
  SharedMutexGuard(const SharedMutexGuard&) = delete;
  SharedMutexGuard& operator=(const SharedMutexGuard&) = delete;

 private:
  SharedMutex* const mutex_;
};

class ConditionVariable final {
 public:
  ConditionVariable() { pthread_cond_init(&native_handle_, nullptr); }
  ~ConditionVariable() { pthread_cond_destroy(&native_handle_); }
  void NotifyOne() { pthread_cond_signal(&native_handle_); }
  void NotifyAll() { pthread_cond_broadcast(&native_handle_); }
  void Wait(Mutex* mutex) { pthread_cond_wait(&native_handle_, &mutex->native_handle_); }

 private:
  pthread_cond_t native_handle_;
};

// src/base/once.h
using OnceType = std::atomic<uint8_t>;
#define V8_ONCE_INIT \
  { 0 }
enum : uint8_t { ONCE_STATE_UNINITIALIZED = 0, ONCE_STATE_EXECUTING_FUNCTION = 1, ONCE_STATE_DONE = 2 };

void CallOnceImpl(OnceType* once, std::function<void()> init_func);

inline void CallOnce(OnceType* once, std::function<void()> init_func) {
  if (once->load(std::memory_order_acquire) != ONCE_STATE_DONE) {
    CallOnceImpl(once, std::move(init_func));
  }
}

// src/base/lazy-instance.h: a function-local static that is never destroyed.
template <typename T>
class LeakyObject {
 public:
  template <typename... Args>
  explicit LeakyObject(Args&&... args) : object_(new T(std::forward<Args>(args)...)) {}
  T* get() { return object_; }

 private:
  T* object_;
};

#define DEFINE_LAZY_LEAKY_OBJECT_GETTER(T, FunctionName, ...) \
  T* FunctionName() {                                           \
    static ::v8::base::LeakyObject<T> object{__VA_ARGS__};      \
    return object.get();                                        \
  }

}  // namespace base

// src/tasks/cancelable-task.h: wraps a lambda in a task that the isolate can
// cancel at teardown.
class CancelableTaskManager;
std::unique_ptr<Task> MakeCancelableTask(Isolate* isolate, std::function<void()> func);
std::unique_ptr<Task> MakeCancelableTask(CancelableTaskManager* manager,
                                         std::function<void()> func);

}  // namespace v8
