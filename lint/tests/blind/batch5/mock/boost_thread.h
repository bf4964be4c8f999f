// Minimal stand-in for the parts of Boost.Thread the services use
// (boost/thread/mutex.hpp, shared_mutex.hpp, locks.hpp, thread.hpp).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <utility>
#include <vector>

namespace boost {

class mutex {
 public:
  mutex() = default;
  mutex(const mutex&) = delete;
  mutex& operator=(const mutex&) = delete;
  void lock() { m_.lock(); }
  bool try_lock() { return m_.try_lock(); }
  void unlock() { m_.unlock(); }

 private:
  std::mutex m_;
};

class shared_mutex {
 public:
  shared_mutex() = default;
  shared_mutex(const shared_mutex&) = delete;
  shared_mutex& operator=(const shared_mutex&) = delete;

  void lock() {
    upgrade_.lock();
    rw_.lock();
  }
  void unlock() {
    rw_.unlock();
    upgrade_.unlock();
  }
  void lock_shared() { rw_.lock_shared(); }
  void unlock_shared() { rw_.unlock_shared(); }
  void lock_upgrade() {
    upgrade_.lock();
    rw_.lock_shared();
  }
  void unlock_upgrade() {
    rw_.unlock_shared();
    upgrade_.unlock();
  }
  void unlock_upgrade_and_lock() {
    rw_.unlock_shared();
    rw_.lock();
  }
  void unlock_and_lock_upgrade() {
    rw_.unlock();
    rw_.lock_shared();
  }

 private:
  std::mutex upgrade_;
  std::shared_mutex rw_;
};

struct defer_lock_t {};
constexpr defer_lock_t defer_lock{};

template <typename Mutex>
class lock_guard {
 public:
  explicit lock_guard(Mutex& m) : m_(m) { m_.lock(); }
  ~lock_guard() { m_.unlock(); }
  lock_guard(const lock_guard&) = delete;
  lock_guard& operator=(const lock_guard&) = delete;

 private:
  Mutex& m_;
};

template <typename Mutex>
class unique_lock {
 public:
  explicit unique_lock(Mutex& m) : m_(&m), owns_(false) { lock(); }
  unique_lock(Mutex& m, defer_lock_t) : m_(&m), owns_(false) {}
  ~unique_lock() {
    if (owns_) m_->unlock();
  }
  void lock() {
    m_->lock();
    owns_ = true;
  }
  void unlock() {
    m_->unlock();
    owns_ = false;
  }
  bool owns_lock() const { return owns_; }
  Mutex* mutex() const { return m_; }

 private:
  Mutex* m_;
  bool owns_;
};

template <typename Mutex>
class shared_lock {
 public:
  explicit shared_lock(Mutex& m) : m_(&m) { m_->lock_shared(); }
  ~shared_lock() { m_->unlock_shared(); }

 private:
  Mutex* m_;
};

template <typename Mutex>
class upgrade_lock {
 public:
  explicit upgrade_lock(Mutex& m) : m_(&m), owns_(true) { m_->lock_upgrade(); }
  ~upgrade_lock() {
    if (owns_) m_->unlock_upgrade();
  }
  Mutex* mutex() const { return m_; }

 private:
  template <typename>
  friend class upgrade_to_unique_lock;
  Mutex* m_;
  bool owns_;
};

template <typename Mutex>
class upgrade_to_unique_lock {
 public:
  explicit upgrade_to_unique_lock(upgrade_lock<Mutex>& m) : source_(&m) {
    source_->m_->unlock_upgrade_and_lock();
  }
  ~upgrade_to_unique_lock() { source_->m_->unlock_and_lock_upgrade(); }

 private:
  upgrade_lock<Mutex>* source_;
};

class condition_variable {
 public:
  void wait(unique_lock<mutex>& lock) { cv_.wait(lock); }
  template <typename Predicate>
  void wait(unique_lock<mutex>& lock, Predicate pred) {
    while (!pred()) cv_.wait(lock);
  }
  void notify_one() { cv_.notify_one(); }
  void notify_all() { cv_.notify_all(); }

 private:
  std::condition_variable_any cv_;
};

class thread {
 public:
  thread() = default;
  template <typename F, typename... Args>
  explicit thread(F&& f, Args&&... args)
      : t_(std::forward<F>(f), std::forward<Args>(args)...) {}
  thread(thread&& other) noexcept : t_(std::move(other.t_)) {}
  thread& operator=(thread&& other) noexcept {
    if (t_.joinable()) t_.detach();
    t_ = std::move(other.t_);
    return *this;
  }
  ~thread() {
    if (t_.joinable()) t_.detach();
  }
  bool joinable() const { return t_.joinable(); }
  void join() { t_.join(); }
  void detach() { t_.detach(); }
  void interrupt() {}

 private:
  std::thread t_;
};

class thread_group {
 public:
  thread_group() = default;
  thread_group(const thread_group&) = delete;
  ~thread_group() = default;

  template <typename F>
  thread* create_thread(F f) {
    threads_.push_back(std::make_unique<thread>(std::move(f)));
    return threads_.back().get();
  }
  void join_all() {
    for (auto& t : threads_) {
      if (t->joinable()) t->join();
    }
  }
  void interrupt_all() {}
  size_t size() const { return threads_.size(); }

 private:
  std::vector<std::unique_ptr<thread>> threads_;
};

namespace this_thread {
inline void yield() { std::this_thread::yield(); }
}  // namespace this_thread

}  // namespace boost
