// Minimal stand-in for kudu/gutil/spinlock.h and kudu/util/locks.h.
#pragma once

#include <atomic>
#include <mutex>
#include <thread>

#define DCHECK(cond) ((void)(cond))
#define CHECK(cond) ((void)(cond))

namespace base {

class SpinLock {
 public:
  SpinLock() = default;
  void Lock() {
    while (lockword_.exchange(1, std::memory_order_acquire) != 0) {
      std::this_thread::yield();
    }
  }
  bool TryLock() { return lockword_.exchange(1, std::memory_order_acquire) == 0; }
  void Unlock() { lockword_.store(0, std::memory_order_release); }
  bool IsHeld() const { return lockword_.load(std::memory_order_relaxed) != 0; }

 private:
  std::atomic<int> lockword_{0};
};

}  // namespace base

namespace kudu {

// Wrapper around the Google SpinLock class to adapt it to the method names
// expected by Boost.
class simple_spinlock {
 public:
  simple_spinlock() = default;
  simple_spinlock(const simple_spinlock&) = delete;
  simple_spinlock& operator=(const simple_spinlock&) = delete;

  void lock() { l_.Lock(); }
  void unlock() { l_.Unlock(); }
  bool try_lock() { return l_.TryLock(); }

  // Return whether the lock is currently held.
  //
  // This state can change at any instant, so this is only really useful
  // for assertions where you expect to hold the lock.
  bool is_locked() const { return l_.IsHeld(); }

 private:
  base::SpinLock l_;
};

class Status {
 public:
  static Status OK() { return Status(); }
  static Status IllegalState(const char* msg) { return Status(1, msg); }
  static Status NotFound(const char* msg) { return Status(2, msg); }
  static Status Aborted(const char* msg) { return Status(3, msg); }
  bool ok() const { return code_ == 0; }
  const char* message() const { return msg_; }

 private:
  Status() = default;
  Status(int code, const char* msg) : code_(code), msg_(msg) {}
  int code_ = 0;
  const char* msg_ = "";
};

#define RETURN_NOT_OK(s)            \
  do {                              \
    ::kudu::Status _s = (s);        \
    if (!_s.ok()) return _s;        \
  } while (0)

}  // namespace kudu
