// PyTorch c10 style once_flag / call_once (stand-in for c10/util/CallOnce.h).
#ifndef C10_UTIL_CALLONCE_H_
#define C10_UTIL_CALLONCE_H_

#include <atomic>
#include <functional>
#include <mutex>
#include <utility>

namespace c10 {

// custom c10 call_once implementation to avoid the deadlock in std::call_once
class once_flag {
 public:
  constexpr once_flag() noexcept = default;
  once_flag(const once_flag&) = delete;
  once_flag& operator=(const once_flag&) = delete;

 private:
  template <typename Flag, typename F, typename... Args>
  friend void call_once(Flag& flag, F&& f, Args&&... args);

  template <typename F, typename... Args>
  void call_once_slow(F&& f, Args&&... args) {
    std::lock_guard<std::mutex> guard(mutex_);
    if (init_.load(std::memory_order_relaxed)) {
      return;
    }
    std::invoke(std::forward<F>(f), std::forward<Args>(args)...);
    init_.store(true, std::memory_order_release);
  }

  bool test_once() { return init_.load(std::memory_order_acquire); }

  std::mutex mutex_;
  std::atomic<bool> init_{false};
};

template <typename Flag, typename F, typename... Args>
inline void call_once(Flag& flag, F&& f, Args&&... args) {
  if (__builtin_expect(flag.test_once(), 1)) {
    return;
  }
  flag.call_once_slow(std::forward<F>(f), std::forward<Args>(args)...);
}

}  // namespace c10

#endif  // C10_UTIL_CALLONCE_H_
