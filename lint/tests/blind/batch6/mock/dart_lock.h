// Stand-in for the Dart VM's runtime/vm/os_thread.h and lockers.h:
// dart::Mutex and dart::Monitor over pthreads, MutexLocker and MonitorLocker
// as RAII lockers (ValueObjects). Unannotated, as the Dart VM is.
#pragma once

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include <atomic>

#define ASSERT(cond) ((void)(cond))
#define DEBUG_ASSERT(cond) ((void)(cond))
#define UNREACHABLE() __builtin_unreachable()
#define DISALLOW_COPY_AND_ASSIGN(TypeName) \
  TypeName(const TypeName&) = delete;      \
  void operator=(const TypeName&) = delete

namespace dart {

typedef intptr_t word;

class ValueObject {
 public:
  ValueObject() {}
  ~ValueObject() {}
};

class Mutex {
 public:
  explicit Mutex(const char* name = "anonymous mutex") : name_(name) {
    pthread_mutex_init(&data_, nullptr);
  }
  ~Mutex() { pthread_mutex_destroy(&data_); }

  void Lock() {
    pthread_mutex_lock(&data_);
    owner_.store(pthread_self(), std::memory_order_relaxed);
  }
  bool TryLock() {
    if (pthread_mutex_trylock(&data_) != 0) return false;
    owner_.store(pthread_self(), std::memory_order_relaxed);
    return true;
  }
  void Unlock() {
    owner_.store(pthread_t(), std::memory_order_relaxed);
    pthread_mutex_unlock(&data_);
  }
  bool IsOwnedByCurrentThread() const {
    return pthread_equal(owner_.load(std::memory_order_relaxed), pthread_self()) != 0;
  }

 private:
  const char* name_;
  pthread_mutex_t data_;
  std::atomic<pthread_t> owner_{pthread_t()};
  DISALLOW_COPY_AND_ASSIGN(Mutex);
};

class Monitor {
 public:
  enum WaitResult { kNotified, kTimedOut };
  static constexpr int64_t kNoTimeout = 0;

  Monitor() {
    pthread_mutex_init(&mutex_, nullptr);
    pthread_cond_init(&cond_, nullptr);
  }
  ~Monitor() {
    pthread_cond_destroy(&cond_);
    pthread_mutex_destroy(&mutex_);
  }

  bool TryEnter() { return pthread_mutex_trylock(&mutex_) == 0; }
  void Enter() { pthread_mutex_lock(&mutex_); }
  void Exit() { pthread_mutex_unlock(&mutex_); }

  WaitResult Wait(int64_t millis) {
    if (millis == kNoTimeout) {
      pthread_cond_wait(&cond_, &mutex_);
      return kNotified;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += static_cast<time_t>(millis / 1000);
    ts.tv_nsec += static_cast<long>((millis % 1000) * 1000000);
    if (ts.tv_nsec >= 1000000000) {
      ts.tv_nsec -= 1000000000;
      ts.tv_sec += 1;
    }
    return pthread_cond_timedwait(&cond_, &mutex_, &ts) == 0 ? kNotified : kTimedOut;
  }
  void Notify() { pthread_cond_signal(&cond_); }
  void NotifyAll() { pthread_cond_broadcast(&cond_); }

 private:
  pthread_mutex_t mutex_;
  pthread_cond_t cond_;
  DISALLOW_COPY_AND_ASSIGN(Monitor);
};

class MutexLocker : public ValueObject {
 public:
  explicit MutexLocker(Mutex* mutex) : mutex_(mutex) {
    ASSERT(mutex != nullptr);
    mutex_->Lock();
  }
  virtual ~MutexLocker() { mutex_->Unlock(); }

 private:
  Mutex* const mutex_;
  DISALLOW_COPY_AND_ASSIGN(MutexLocker);
};

class MonitorLocker : public ValueObject {
 public:
  explicit MonitorLocker(Monitor* monitor) : monitor_(monitor) {
    ASSERT(monitor != nullptr);
    monitor_->Enter();
  }
  virtual ~MonitorLocker() { monitor_->Exit(); }

  Monitor::WaitResult Wait(int64_t millis = Monitor::kNoTimeout) { return monitor_->Wait(millis); }
  void Notify() { monitor_->Notify(); }
  void NotifyAll() { monitor_->NotifyAll(); }

 private:
  Monitor* const monitor_;
  DISALLOW_COPY_AND_ASSIGN(MonitorLocker);
};

// runtime/vm/thread_pool.h, reduced: runs tasks on pool threads.
class ThreadPool {
 public:
  class Task {
   public:
    virtual ~Task() = default;
    virtual void Run() = 0;
  };
  bool Run(Task* task);
};

}  // namespace dart
