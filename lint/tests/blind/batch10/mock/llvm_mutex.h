// Mock of the shape of llvm/Support/Mutex.h (SmartMutex, SmartScopedLock)
// plus a few ADT stand-ins. Unannotated, as LLVM is.
#pragma once
#include <mutex>
#include <string>
#include <string_view>

namespace llvm {

using StringRef = std::string_view;

namespace sys {

template <bool mt_only>
class SmartMutex {
 public:
  bool lock() {
    impl_.lock();
    return true;
  }
  bool unlock() {
    impl_.unlock();
    return true;
  }
  bool try_lock() { return impl_.try_lock(); }

 private:
  std::recursive_mutex impl_;
};

using Mutex = SmartMutex<false>;

template <bool mt_only>
using SmartScopedLock = std::lock_guard<SmartMutex<mt_only>>;
using ScopedLock = SmartScopedLock<false>;

}  // namespace sys

class raw_ostream {
 public:
  raw_ostream& operator<<(std::string_view s);
  raw_ostream& operator<<(unsigned long long n);
  raw_ostream& operator<<(long long n);
  raw_ostream& operator<<(int n) { return *this << static_cast<long long>(n); }
  raw_ostream& operator<<(unsigned n) {
    return *this << static_cast<unsigned long long>(n);
  }
  raw_ostream& operator<<(unsigned long n) {
    return *this << static_cast<unsigned long long>(n);
  }
};
raw_ostream& errs();
raw_ostream& dbgs();

class Error {
 public:
  static Error success() { return Error(); }
  explicit operator bool() const { return failed_; }
  static Error make(std::string msg) {
    Error e;
    e.failed_ = true;
    e.msg_ = std::move(msg);
    return e;
  }
  const std::string& message() const { return msg_; }

 private:
  bool failed_ = false;
  std::string msg_;
};

}  // namespace llvm
