// Stand-in for boost/thread/thread.hpp (BOOST_THREAD_VERSION 4 semantics:
// destroying a joinable thread calls std::terminate).
#ifndef BOOST_THREAD_THREAD_HPP
#define BOOST_THREAD_THREAD_HPP

#include <chrono>
#include <thread>
#include <utility>
#include <boost/thread/mutex.hpp>
#include <boost/thread/lock_types.hpp>
#include <boost/thread/condition_variable.hpp>

namespace boost {

class thread {
  std::thread impl;

public:
  thread() noexcept = default;
  template <class F, class... Args>
  explicit thread(F &&f, Args &&... args)
      : impl(std::forward<F>(f), std::forward<Args>(args)...) {}
  thread(thread &&other) noexcept = default;
  thread &operator=(thread &&other) noexcept = default;
  ~thread() = default;

  bool joinable() const noexcept { return impl.joinable(); }
  void join() { impl.join(); }
  void detach() { impl.detach(); }
  void interrupt() {}
};

namespace this_thread {
inline void sleep_for(std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }
} // namespace this_thread

} // namespace boost

#endif
