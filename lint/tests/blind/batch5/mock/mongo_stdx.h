// Minimal stand-in for mongo/stdx/{mutex,thread,condition_variable}.h and
// mongo/util/concurrency/with_lock.h.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace mongo {
namespace stdx {

using mutex = ::std::mutex;  // NOLINT
using ::std::lock_guard;     // NOLINT
using ::std::unique_lock;    // NOLINT
using condition_variable = ::std::condition_variable;  // NOLINT

/**
 * A std::thread that installs the server's per-thread signal stack before
 * running the callable.
 */
class thread : private ::std::thread {  // NOLINT
 public:
  using ::std::thread::id;
  using ::std::thread::native_handle_type;

  thread() noexcept = default;
  template <typename Function, typename... Args>
  explicit thread(Function f, Args&&... args)
      : ::std::thread(std::move(f), std::forward<Args>(args)...) {}
  thread(thread&&) noexcept = default;
  thread& operator=(thread&&) noexcept = default;

  using ::std::thread::detach;
  using ::std::thread::get_id;
  using ::std::thread::join;
  using ::std::thread::joinable;
};

}  // namespace stdx

/**
 * WithLock is an attestation to document that the caller holds the lock
 * on a mutex. It should be used as the first parameter of private member
 * functions that expect their caller to hold a lock.
 */
struct WithLock {
  template <typename M>
  WithLock(stdx::lock_guard<M> const&) noexcept {}  // NOLINT
  template <typename M>
  WithLock(stdx::unique_lock<M> const&) noexcept {}  // NOLINT

  WithLock(WithLock const&) noexcept = default;

  /**
   * Used to document that the mutex protecting the state is not needed
   * because the caller has exclusive access some other way.
   */
  static WithLock withoutLock() { return {}; }

 private:
  WithLock() noexcept = default;
};

struct Status {
  static Status OK() { return Status(); }
  Status() = default;
  Status(int c, std::string r) : code(c), reason(std::move(r)) {}
  bool isOK() const { return code == 0; }
  int code = 0;
  std::string reason;
};

namespace ErrorCodes {
enum Error { OK = 0, ShutdownInProgress = 91, InterruptedAtShutdown = 11600,
             NamespaceNotFound = 26, IllegalOperation = 20 };
}  // namespace ErrorCodes

}  // namespace mongo
