// Stand-in for Apache Thrift's lib/cpp/src/thrift/concurrency/Mutex.h and
// Monitor.h, and the async channel of thrift/async/TAsyncChannel.h. Thrift
// is not built with clang's thread-safety analysis: nothing here is annotated.
#ifndef BATCH7_MOCK_THRIFT_CONCURRENCY_H_
#define BATCH7_MOCK_THRIFT_CONCURRENCY_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

namespace apache {
namespace thrift {

class TException : public std::exception {
public:
  TException() = default;
  explicit TException(const std::string& message) : message_(message) {}
  const char* what() const noexcept override { return message_.c_str(); }

protected:
  std::string message_;
};

namespace concurrency {

class Mutex {
public:
  Mutex() : impl_(std::make_shared<impl>()) {}
  virtual ~Mutex() = default;

  virtual void lock() const { impl_->mutex.lock(); }
  virtual bool trylock() const { return impl_->mutex.try_lock(); }
  virtual bool timedlock(int64_t milliseconds) const {
    return impl_->mutex.try_lock_for(std::chrono::milliseconds(milliseconds));
  }
  virtual void unlock() const { impl_->mutex.unlock(); }

  void* getUnderlyingImpl() const { return &impl_->mutex; }

private:
  struct impl {
    std::timed_mutex mutex;
  };
  std::shared_ptr<impl> impl_;
};

// Locks `value` for the guard's lifetime. A negative timeout only tries the
// lock, a positive one waits at most that many milliseconds; when the lock
// was not obtained the guard converts to false and unlocks nothing.
class Guard {
public:
  Guard(const Mutex& value, int64_t timeout = 0) : mutex_(&value) {
    if (timeout == 0) {
      value.lock();
    } else if (timeout < 0) {
      if (!value.trylock()) {
        mutex_ = nullptr;
      }
    } else {
      if (!value.timedlock(timeout)) {
        mutex_ = nullptr;
      }
    }
  }
  ~Guard() {
    if (mutex_) {
      mutex_->unlock();
    }
  }
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;

  operator bool() const { return (mutex_ != nullptr); }

private:
  const Mutex* mutex_;
};

class Monitor {
public:
  Monitor() : ownedMutex_(new Mutex()), mutex_(ownedMutex_.get()) {}
  explicit Monitor(Mutex* mutex) : mutex_(mutex) {}
  Monitor(const Monitor&) = delete;
  Monitor& operator=(const Monitor&) = delete;
  virtual ~Monitor() = default;

  Mutex& mutex() const { return *mutex_; }
  virtual void lock() const { mutex_->lock(); }
  virtual void unlock() const { mutex_->unlock(); }

  // Waits until notified or until the timeout expires; the monitor's mutex
  // must be held. Returns 0 when notified, ETIMEDOUT (110) on timeout.
  int waitForTimeRelative(const std::chrono::milliseconds& timeout) const {
    return cond_.wait_for(*mutex_, timeout) == std::cv_status::timeout ? 110 : 0;
  }
  int waitForever() const {
    cond_.wait(*mutex_);
    return 0;
  }
  void wait(const std::chrono::milliseconds& timeout = std::chrono::milliseconds(0)) const {
    if (timeout.count() == 0) {
      waitForever();
    } else if (waitForTimeRelative(timeout) != 0) {
      throw TException("Monitor::wait() timed out");
    }
  }
  virtual void notify() const { cond_.notify_one(); }
  virtual void notifyAll() const { cond_.notify_all(); }

private:
  std::unique_ptr<Mutex> ownedMutex_;
  Mutex* mutex_;
  mutable std::condition_variable_any cond_;
};

class Synchronized {
public:
  Synchronized(const Monitor* monitor) : g(monitor->mutex()) {}
  Synchronized(const Monitor& monitor) : g(monitor.mutex()) {}

private:
  Guard g;
};

} // namespace concurrency

namespace transport {

class TTransport {
public:
  virtual ~TTransport() = default;
  virtual bool isOpen() const = 0;
  virtual void open() = 0;
  virtual void close() = 0;
  virtual uint32_t read(uint8_t* buf, uint32_t len) = 0;
  virtual void write(const uint8_t* buf, uint32_t len) = 0;
  virtual void flush() = 0;
};

class TMemoryBuffer {
public:
  void resetBuffer() { buffer_.clear(); }
  void write(const uint8_t* buf, uint32_t len) { buffer_.append(reinterpret_cast<const char*>(buf), len); }
  uint32_t available_read() const { return static_cast<uint32_t>(buffer_.size()); }

private:
  std::string buffer_;
};

} // namespace transport

namespace async {

class TAsyncChannel {
public:
  typedef std::function<void()> VoidCallback;

  virtual ~TAsyncChannel() = default;
  virtual bool good() const = 0;
  virtual bool error() const = 0;
  virtual bool timedOut() const = 0;

  // Both complete on the channel's event-base thread by calling `cob`.
  virtual void sendMessage(const VoidCallback& cob, transport::TMemoryBuffer* message) = 0;
  virtual void recvMessage(const VoidCallback& cob, transport::TMemoryBuffer* message) = 0;
};

} // namespace async
} // namespace thrift
} // namespace apache

#endif // BATCH7_MOCK_THRIFT_CONCURRENCY_H_
