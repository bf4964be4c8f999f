// C++20 thread utilities (std::jthread, std::stop_token, std::latch,
// std::counting_semaphore) for the toolchains that still build in C++17.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>

namespace compat {

class stop_token {
 public:
  stop_token() = default;
  bool stop_requested() const { return state_ && state_->load(); }
  bool stop_possible() const { return static_cast<bool>(state_); }

 private:
  friend class stop_source;
  explicit stop_token(std::shared_ptr<std::atomic<bool>> s) : state_(std::move(s)) {}
  std::shared_ptr<std::atomic<bool>> state_;
};

class stop_source {
 public:
  stop_source() : state_(std::make_shared<std::atomic<bool>>(false)) {}
  bool request_stop() { return !state_->exchange(true); }
  bool stop_requested() const { return state_->load(); }
  stop_token get_token() const { return stop_token(state_); }

 private:
  std::shared_ptr<std::atomic<bool>> state_;
};

// Joins on destruction after requesting a stop, like std::jthread.
class jthread {
 public:
  jthread() noexcept = default;

  template <typename F, typename... Args,
            typename = std::enable_if_t<!std::is_same<std::decay_t<F>, jthread>::value>>
  explicit jthread(F&& f, Args&&... args) {
    if constexpr (std::is_invocable_v<std::decay_t<F>, stop_token, std::decay_t<Args>...>) {
      impl_ = std::thread(std::forward<F>(f), source_.get_token(),
                          std::forward<Args>(args)...);
    } else {
      impl_ = std::thread(std::forward<F>(f), std::forward<Args>(args)...);
    }
  }

  jthread(jthread&& other) noexcept
      : source_(std::move(other.source_)), impl_(std::move(other.impl_)) {}
  jthread& operator=(jthread&& other) noexcept {
    if (impl_.joinable()) {
      source_.request_stop();
      impl_.join();
    }
    source_ = std::move(other.source_);
    impl_ = std::move(other.impl_);
    return *this;
  }

  ~jthread() {
    if (impl_.joinable()) {
      source_.request_stop();
      impl_.join();
    }
  }

  bool joinable() const noexcept { return impl_.joinable(); }
  void join() { impl_.join(); }
  void detach() { impl_.detach(); }
  bool request_stop() noexcept { return source_.request_stop(); }
  stop_source get_stop_source() const noexcept { return source_; }
  stop_token get_stop_token() const noexcept { return source_.get_token(); }

 private:
  stop_source source_;
  std::thread impl_;
};

class latch {
 public:
  explicit latch(std::ptrdiff_t expected) : count_(expected) {}
  latch(const latch&) = delete;
  void count_down(std::ptrdiff_t n = 1) {
    std::lock_guard<std::mutex> lock(mu_);
    count_ -= n;
    if (count_ <= 0) cv_.notify_all();
  }
  bool try_wait() const noexcept {
    std::lock_guard<std::mutex> lock(mu_);
    return count_ <= 0;
  }
  void wait() const {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return count_ <= 0; });
  }
  void arrive_and_wait(std::ptrdiff_t n = 1) {
    count_down(n);
    wait();
  }

 private:
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::ptrdiff_t count_;
};

template <std::ptrdiff_t LeastMaxValue = 1024>
class counting_semaphore {
 public:
  explicit counting_semaphore(std::ptrdiff_t desired) : count_(desired) {}
  void release(std::ptrdiff_t update = 1) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      count_ += update;
    }
    cv_.notify_all();
  }
  void acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return count_ > 0; });
    --count_;
  }
  bool try_acquire() noexcept {
    std::lock_guard<std::mutex> lock(mu_);
    if (count_ <= 0) return false;
    --count_;
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::ptrdiff_t count_;
};

using binary_semaphore = counting_semaphore<1>;

}  // namespace compat
