// Apache Arrow style arrow::util::Mutex whose Lock() returns a Guard (stand-in; defined in mutex.cc).
#ifndef ARROW_UTIL_MUTEX_H
#define ARROW_UTIL_MUTEX_H

#include <memory>

namespace arrow {
namespace util {

// A wrapper around std::mutex, since we can't use it directly in public headers.
class Mutex {
 public:
  Mutex();
  Mutex(Mutex&&) = default;
  Mutex& operator=(Mutex&&) = default;

  // A Guard is falsy if a lock could not be acquired.
  class Guard {
   public:
    Guard() : locked_(nullptr, [](Mutex* mutex) {}) {}
    Guard(Guard&&) = default;
    Guard& operator=(Guard&&) = default;

    explicit operator bool() const { return bool(locked_); }

    void Unlock() { locked_.reset(); }

   private:
    explicit Guard(Mutex* locked);

    std::unique_ptr<Mutex, void (*)(Mutex*)> locked_;
    friend Mutex;
  };

  Guard TryLock();
  Guard Lock();

 private:
  struct Impl;
  std::unique_ptr<Impl, void (*)(Impl*)> impl_;
};

}  // namespace util
}  // namespace arrow

#endif  // ARROW_UTIL_MUTEX_H
