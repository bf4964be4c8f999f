// lockstep's drop-in synchronization layer. On an ordinary thread each type
// is the real thing (an absl::Mutex, an absl::CondVar, a std::atomic, a
// std::thread); on a thread run by the controlled scheduler (scheduler.h)
// every operation is a synchronization point where the scheduler may switch
// threads, and blocking is the scheduler's (a thread waiting for a mutex is
// not runnable; no thread runnable is a deadlock).
//
//   lockstep::sync::Mutex mu;
//   int balance ABSL_GUARDED_BY(mu) = 0;
//   lockstep::sync::Atomic<int> hits{0};
//   void Deposit(int n) {
//     lockstep::sync::MutexLock lock(&mu);
//     balance += n;
//     hits.fetch_add(1);
//   }
//
// Code written against std::mutex/std::atomic or absl::Mutex uses it
// through a header of aliases switched by a build flag
// (client/docs/concurrent_stateful.md, "Using the sync layer").
//
// Under the scheduler: a condition variable wakes its waiters first in,
// first out, and never spuriously; a wait with a timeout is not offered.
#ifndef LOCKSTEP_CLIENT_SYNC_SYNC_H_
#define LOCKSTEP_CLIENT_SYNC_SYNC_H_

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "client/sync/scheduler.h"

namespace lockstep::sync {

// An exclusive mutex with shared (reader) locking, like absl::Mutex; the
// std-style names make std::lock_guard, std::unique_lock and
// std::shared_lock work too.
class ABSL_LOCKABLE Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (Scheduler* s = Scheduler::Current()) {
      s->Perform(Op{OpKind::kLock, this, nullptr, -1, "Lock"});
    } else {
      mu_.Lock();
    }
  }
  void Unlock() ABSL_UNLOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (Scheduler* s = Scheduler::Current()) {
      s->Release(this, /*shared=*/false);
    } else {
      mu_.Unlock();
    }
  }
  bool TryLock()
      ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (Scheduler* s = Scheduler::Current()) {
      return s->PerformTryLock(
          Op{OpKind::kTryLock, this, nullptr, -1, "TryLock"});
    }
    return mu_.TryLock();
  }
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (Scheduler* s = Scheduler::Current()) {
      s->Perform(Op{OpKind::kLockShared, this, nullptr, -1, "ReaderLock"});
    } else {
      mu_.ReaderLock();
    }
  }
  void ReaderUnlock() ABSL_UNLOCK_FUNCTION() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (Scheduler* s = Scheduler::Current()) {
      s->Release(this, /*shared=*/true);
    } else {
      mu_.ReaderUnlock();
    }
  }
  void AssertHeld() const ABSL_ASSERT_EXCLUSIVE_LOCK() {}

  // std names (Lockable, SharedLockable).
  void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { Lock(); }
  void unlock() ABSL_UNLOCK_FUNCTION() { Unlock(); }
  bool try_lock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) { return TryLock(); }
  void lock_shared() ABSL_SHARED_LOCK_FUNCTION() { ReaderLock(); }
  void unlock_shared() ABSL_UNLOCK_FUNCTION() { ReaderUnlock(); }

 private:
  friend class CondVar;
  absl::Mutex mu_;
};

// A reader-writer mutex is the same type.
using SharedMutex = Mutex;

class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->Lock();
  }
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* const mu_;
};

class ABSL_SCOPED_LOCKABLE ReaderMutexLock {
 public:
  explicit ReaderMutexLock(Mutex* mu) ABSL_SHARED_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->ReaderLock();
  }
  ~ReaderMutexLock() ABSL_UNLOCK_FUNCTION() { mu_->ReaderUnlock(); }
  ReaderMutexLock(const ReaderMutexLock&) = delete;
  ReaderMutexLock& operator=(const ReaderMutexLock&) = delete;

 private:
  Mutex* const mu_;
};

class CondVar {
 public:
  CondVar() = default;
  CondVar(const CondVar&) = delete;
  CondVar& operator=(const CondVar&) = delete;

  // `mu` is held; released while waiting and held again on return.
  void Wait(Mutex* mu) {
    if (Scheduler* s = Scheduler::Current()) {
      s->WaitOn(this, mu);
    } else {
      cv_.Wait(&mu->mu_);
    }
  }
  void Signal() {
    if (Scheduler* s = Scheduler::Current()) {
      s->Signal(this, /*all=*/false);
    } else {
      cv_.Signal();
    }
  }
  void SignalAll() {
    if (Scheduler* s = Scheduler::Current()) {
      s->Signal(this, /*all=*/true);
    } else {
      cv_.SignalAll();
    }
  }

 private:
  absl::CondVar cv_;
};

// A std::atomic<T> whose every access is a synchronization point. Under
// the scheduler one thread runs at a time, so every access is sequentially
// consistent whatever order is asked for.
template <typename T>
class Atomic {
 public:
  Atomic() = default;
  constexpr Atomic(T value) : value_(value) {}  // NOLINT: like std::atomic
  Atomic(const Atomic&) = delete;
  Atomic& operator=(const Atomic&) = delete;

  T load(std::memory_order order = std::memory_order_seq_cst) const {
    Point("load");
    return value_.load(order);
  }
  void store(T value, std::memory_order order = std::memory_order_seq_cst) {
    Point("store");
    value_.store(value, order);
  }
  T exchange(T value, std::memory_order order = std::memory_order_seq_cst) {
    Point("exchange");
    return value_.exchange(value, order);
  }
  bool compare_exchange_strong(
      T& expected, T desired,
      std::memory_order order = std::memory_order_seq_cst) {
    Point("compare_exchange");
    return value_.compare_exchange_strong(expected, desired, order);
  }
  // Never fails spuriously here.
  bool compare_exchange_weak(
      T& expected, T desired,
      std::memory_order order = std::memory_order_seq_cst) {
    return compare_exchange_strong(expected, desired, order);
  }
  T fetch_add(T delta, std::memory_order order = std::memory_order_seq_cst) {
    Point("fetch_add");
    return value_.fetch_add(delta, order);
  }
  T fetch_sub(T delta, std::memory_order order = std::memory_order_seq_cst) {
    Point("fetch_sub");
    return value_.fetch_sub(delta, order);
  }
  operator T() const { return load(); }  // NOLINT: like std::atomic
  T operator=(T value) {
    store(value);
    return value;
  }
  T operator++() { return fetch_add(1) + 1; }
  T operator--() { return fetch_sub(1) - 1; }
  T operator++(int) { return fetch_add(1); }
  T operator--(int) { return fetch_sub(1); }

 private:
  void Point(const char* what) const {
    if (Scheduler* s = Scheduler::Current()) {
      s->Perform(Op{OpKind::kAtomic, this, nullptr, -1, what});
    }
  }

  std::atomic<T> value_{};
};

// A thread that is joined before it is destroyed (the destructor joins it
// if it was not). Under the scheduler it is a controlled thread.
class Thread {
 public:
  Thread() = default;
  template <typename F>
  explicit Thread(F body) {
    std::function<void()> f(std::move(body));
    if (Scheduler* s = Scheduler::Current()) {
      scheduler_ = s;
      id_ = s->Spawn("", std::move(f));
    } else {
      thread_ = std::thread(std::move(f));
    }
  }
  Thread(Thread&& other) noexcept
      : scheduler_(std::exchange(other.scheduler_, nullptr)),
        id_(std::exchange(other.id_, -1)),
        thread_(std::move(other.thread_)) {}
  Thread& operator=(Thread&& other) noexcept {
    if (this != &other) {
      if (joinable()) join();
      scheduler_ = std::exchange(other.scheduler_, nullptr);
      id_ = std::exchange(other.id_, -1);
      thread_ = std::move(other.thread_);
    }
    return *this;
  }
  // In an abandoned controlled run the join unwinds (Aborted), which a
  // destructor may not let through: the scheduler joins the thread then.
  ~Thread() {
    if (!joinable()) return;
    try {
      join();
    } catch (const Aborted&) {
    }
  }

  bool joinable() const { return scheduler_ != nullptr || thread_.joinable(); }
  void join() {
    if (scheduler_ != nullptr) {
      Scheduler* s = std::exchange(scheduler_, nullptr);
      s->Join(id_);
    } else {
      thread_.join();
    }
  }

 private:
  Scheduler* scheduler_ = nullptr;  // set when started under a scheduler
  int id_ = -1;
  std::thread thread_;
};

// An explicit point where the scheduler may switch threads (a plain
// std::this_thread::yield otherwise): put one in a spin loop, or where a
// race window should be explored.
inline void Yield(const char* label = "Yield") {
  if (Scheduler* s = Scheduler::Current()) {
    s->Perform(Op{OpKind::kYield, nullptr, nullptr, -1, label});
  } else {
    std::this_thread::yield();
  }
}

}  // namespace lockstep::sync

#endif  // LOCKSTEP_CLIENT_SYNC_SYNC_H_
