// Seastar style future<> (stand-in: a ready value, continuations run inline).
#ifndef SEASTAR_CORE_FUTURE_HH
#define SEASTAR_CORE_FUTURE_HH

#include <exception>
#include <type_traits>
#include <utility>

namespace seastar {

template <typename T = void>
class future;

template <typename T>
class future {
 public:
  explicit future(T value) : value_(std::move(value)) {}
  T get() { return std::move(value_); }

  template <typename Func>
  auto then(Func&& func) -> decltype(func(std::declval<T>())) {
    return func(std::move(value_));
  }

 private:
  T value_;
};

template <>
class future<void> {
 public:
  future() = default;
  void get() {}

  template <typename Func>
  auto then(Func&& func) -> decltype(func()) {
    return func();
  }
};

template <typename T>
future<T> make_ready_future(T value) {
  return future<T>(std::move(value));
}
inline future<> make_ready_future() { return future<>(); }

}  // namespace seastar

#endif  // SEASTAR_CORE_FUTURE_HH
