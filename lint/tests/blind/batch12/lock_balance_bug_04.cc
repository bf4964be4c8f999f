// Message pipe of an embedded messaging library. A pipe can be switched to
// thread-safe mode after creation, when a second thread starts using it;
// until then the lock is skipped to keep the single-threaded path cheap.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <utility>

#define CAPABILITY(x) __attribute__((capability(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))

namespace msgpipe {

class CAPABILITY("mutex") Mutex {
 public:
  void Lock() ACQUIRE() { mu_.lock(); }
  void Unlock() RELEASE() { mu_.unlock(); }
  bool TryLock() TRY_ACQUIRE(true) { return mu_.try_lock(); }

 private:
  std::mutex mu_;
};

class Pipe {
 public:
  explicit Pipe(size_t hwm) : hwm_(hwm) {}

  // Called by the socket when a second thread attaches.
  void set_thread_safe(bool on) { thread_safe_ = on; }

  bool write(std::string msg) {
    if (thread_safe_) sync_.Lock();
    const size_t len = msg.size();  // EXPECT: concurrency-lock-balance
    const bool ok = queue_.size() < hwm_;  // EXPECT: concurrency-unguarded-field
    if (ok) {
      bytes_ += len;  // EXPECT: concurrency-unguarded-field
      queue_.push_back(std::move(msg));  // EXPECT: concurrency-unguarded-field
    }
    if (thread_safe_) sync_.Unlock();  // EXPECT: concurrency-lock-balance
    return ok;
  }

  bool read(std::string* out) {
    if (!sync_.TryLock()) return false;
    if (queue_.empty()) {
      sync_.Unlock();
      return false;
    }
    *out = std::move(queue_.front());
    queue_.pop_front();
    bytes_ -= out->size();
    sync_.Unlock();
    return true;
  }

  size_t bytes() {
    sync_.Lock();
    const size_t b = bytes_;
    sync_.Unlock();
    return b;
  }

 private:
  const size_t hwm_;
  bool thread_safe_ = false;
  Mutex sync_;
  std::deque<std::string> queue_;
  size_t bytes_ = 0;
};

}  // namespace msgpipe
