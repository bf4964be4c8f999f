// Minimal stand-ins for MongoDB's stdx wrappers and latch Mutex
// (mongo/stdx/mutex.h, mongo/platform/mutex.h).
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace mongo {
namespace stdx {
using mutex = ::std::mutex;
template <typename M>
using lock_guard = ::std::lock_guard<M>;
template <typename M>
using unique_lock = ::std::unique_lock<M>;
using condition_variable = ::std::condition_variable_any;
using thread = ::std::thread;
}  // namespace stdx

namespace latch_detail {
class Mutex {
 public:
  Mutex() : _name("AnonymousMutex") {}
  explicit Mutex(const char* name) : _name(name) {}
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void lock() { _mutex.lock(); }
  void unlock() { _mutex.unlock(); }
  bool try_lock() { return _mutex.try_lock(); }
  const char* getName() const { return _name; }

 private:
  const char* const _name;
  ::std::mutex _mutex;
};
}  // namespace latch_detail

using Latch = latch_detail::Mutex;
using Mutex = latch_detail::Mutex;

#define MONGO_MAKE_LATCH(NAME) ::mongo::latch_detail::Mutex(NAME)

class Status {
 public:
  Status() : _ok(true) {}
  Status(int code, std::string reason) : _ok(code == 0), _reason(std::move(reason)) {}
  static Status OK() { return Status(); }
  bool isOK() const { return _ok; }
  const std::string& reason() const { return _reason; }

 private:
  bool _ok;
  std::string _reason;
};

#define LOGV2(ID, MSG, ...) ((void)0)
#define invariant(X) ((void)(X))
}  // namespace mongo
