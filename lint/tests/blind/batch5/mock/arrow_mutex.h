// Minimal stand-in for arrow/util/mutex.h and arrow/status.h.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace arrow {

class Status {
 public:
  Status() = default;
  static Status OK() { return Status(); }
  static Status Invalid(std::string msg) { return Status(1, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(2, std::move(msg)); }
  static Status Cancelled(std::string msg) { return Status(3, std::move(msg)); }
  bool ok() const { return code_ == 0; }
  const std::string& message() const { return msg_; }

 private:
  Status(int code, std::string msg) : code_(code), msg_(std::move(msg)) {}
  int code_ = 0;
  std::string msg_;
};

#define ARROW_RETURN_NOT_OK(expr)          \
  do {                                     \
    ::arrow::Status _st = (expr);          \
    if (!_st.ok()) return _st;             \
  } while (false)

namespace util {

/// A wrapper around std::mutex since we can't use it directly in
/// public headers due to C++/CLI.
class Mutex {
 public:
  Mutex() : impl_(new Impl) {}
  ~Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  /// A Guard is falsy if a lock could not be acquired.
  class Guard {
   public:
    Guard() : locked_(nullptr) {}
    Guard(Guard&& other) noexcept : locked_(other.locked_) { other.locked_ = nullptr; }
    Guard& operator=(Guard&& other) noexcept {
      Unlock();
      locked_ = other.locked_;
      other.locked_ = nullptr;
      return *this;
    }
    ~Guard() { Unlock(); }

    explicit operator bool() const { return locked_ != nullptr; }

    void Unlock() {
      if (locked_ != nullptr) {
        locked_->impl_->mutex_.unlock();
        locked_ = nullptr;
      }
    }

   private:
    explicit Guard(Mutex* locked) : locked_(locked) {}
    Mutex* locked_;
    friend Mutex;
  };

  Guard TryLock() {
    if (!impl_->mutex_.try_lock()) return Guard{};
    return Guard{this};
  }

  Guard Lock() {
    impl_->mutex_.lock();
    return Guard{this};
  }

 private:
  struct Impl {
    std::mutex mutex_;
  };
  std::unique_ptr<Impl> impl_;
};

}  // namespace util
}  // namespace arrow
