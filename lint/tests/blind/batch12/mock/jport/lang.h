// jport: the runtime support of a Java-to-C++ port. Every ported class that
// used `synchronized` derives from jport::Object, whose monitor stands in for
// the Java object's intrinsic lock.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#define JPORT_CAPABILITY(x) __attribute__((capability(x)))
#define JPORT_SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define JPORT_ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define JPORT_RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define JPORT_REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define JPORT_EXCLUDES(...) __attribute__((locks_excluded(__VA_ARGS__)))
#define JPORT_GUARDED_BY(x) __attribute__((guarded_by(x)))
#define JPORT_ACQUIRED_BEFORE(...) __attribute__((acquired_before(__VA_ARGS__)))

namespace jport {

// A Java monitor. Unlike Java's it is not re-entrant: a synchronized method
// must not call another synchronized method of the same object.
class JPORT_CAPABILITY("monitor") Monitor {
 public:
  Monitor() = default;
  Monitor(const Monitor&) = delete;
  Monitor& operator=(const Monitor&) = delete;

  void enter() JPORT_ACQUIRE() { mu_.lock(); }
  void exit() JPORT_RELEASE() { mu_.unlock(); }

  // Object.wait() / notifyAll(); wait() must be called inside the monitor.
  void wait() JPORT_REQUIRES(this) {
    std::unique_lock<std::mutex> lk(mu_, std::adopt_lock);
    cv_.wait(lk);
    lk.release();
  }
  bool waitFor(int64_t millis) JPORT_REQUIRES(this) {
    std::unique_lock<std::mutex> lk(mu_, std::adopt_lock);
    const bool woken =
        cv_.wait_for(lk, std::chrono::milliseconds(millis)) == std::cv_status::no_timeout;
    lk.release();
    return woken;
  }
  void notifyAll() { cv_.notify_all(); }
  void notify() { cv_.notify_one(); }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
};

class JPORT_SCOPED_CAPABILITY MonitorGuard {
 public:
  explicit MonitorGuard(Monitor& m) JPORT_ACQUIRE(m) : m_(m) { m_.enter(); }
  ~MonitorGuard() JPORT_RELEASE() { m_.exit(); }
  MonitorGuard(const MonitorGuard&) = delete;
  MonitorGuard& operator=(const MonitorGuard&) = delete;

 private:
  Monitor& m_;
};

// `synchronized (lock) { ... }` from the Java source becomes
// `synchronized_(lock) { ... }`: the guard lives for the block that follows.
#define synchronized_(monitor) \
  if (::jport::MonitorGuard jport_sync_guard_{monitor}; false) { \
  } else

// `synchronized` on a method: the first statement of the body.
#define JPORT_SYNCHRONIZED_METHOD() ::jport::MonitorGuard jport_method_guard_(this->monitor_)

class Object {
 public:
  virtual ~Object() = default;
  virtual std::string toString() const { return "jport.Object"; }

 protected:
  // The intrinsic lock of `this`.
  mutable Monitor monitor_;
};

// java.util.concurrent.atomic.AtomicLong / AtomicBoolean.
class AtomicLong : public std::atomic<int64_t> {
 public:
  explicit AtomicLong(int64_t v = 0) : std::atomic<int64_t>(v) {}
  int64_t get() const { return load(); }
  void set(int64_t v) { store(v); }
  int64_t incrementAndGet() { return fetch_add(1) + 1; }
  int64_t getAndIncrement() { return fetch_add(1); }
  int64_t addAndGet(int64_t d) { return fetch_add(d) + d; }
};

class AtomicBoolean : public std::atomic<bool> {
 public:
  explicit AtomicBoolean(bool v = false) : std::atomic<bool>(v) {}
  bool get() const { return load(); }
  void set(bool v) { store(v); }
  bool compareAndSet(bool expect, bool update) { return compare_exchange_strong(expect, update); }
};

class IllegalStateException : public std::runtime_error {
 public:
  explicit IllegalStateException(const std::string& m) : std::runtime_error(m) {}
};

class InterruptedException : public std::runtime_error {
 public:
  InterruptedException() : std::runtime_error("interrupted") {}
};

struct System {
  static int64_t currentTimeMillis();
  static int64_t nanoTime();
};

}  // namespace jport
