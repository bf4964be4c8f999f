// Mock of the shape of Boost.Thread's locks and threads. Unannotated, as
// Boost is.
#pragma once
#include <pthread.h>
#include <functional>
#include <utility>

namespace boost {

class mutex {
 public:
  mutex() { pthread_mutex_init(&m_, nullptr); }
  ~mutex() { pthread_mutex_destroy(&m_); }
  mutex(const mutex&) = delete;
  void lock() { pthread_mutex_lock(&m_); }
  void unlock() { pthread_mutex_unlock(&m_); }
  bool try_lock() { return pthread_mutex_trylock(&m_) == 0; }
  pthread_mutex_t* native_handle() { return &m_; }

 private:
  pthread_mutex_t m_;
};

class shared_mutex {
 public:
  shared_mutex() { pthread_rwlock_init(&rw_, nullptr); }
  ~shared_mutex() { pthread_rwlock_destroy(&rw_); }
  void lock() { pthread_rwlock_wrlock(&rw_); }
  void unlock() { pthread_rwlock_unlock(&rw_); }
  void lock_shared() { pthread_rwlock_rdlock(&rw_); }
  void unlock_shared() { pthread_rwlock_unlock(&rw_); }
  void lock_upgrade() { pthread_rwlock_rdlock(&rw_); }
  void unlock_upgrade() { pthread_rwlock_unlock(&rw_); }
  void unlock_upgrade_and_lock() {
    pthread_rwlock_unlock(&rw_);
    pthread_rwlock_wrlock(&rw_);
  }
  void unlock_and_lock_upgrade() {
    pthread_rwlock_unlock(&rw_);
    pthread_rwlock_rdlock(&rw_);
  }

 private:
  pthread_rwlock_t rw_;
};

struct defer_lock_t {};
constexpr defer_lock_t defer_lock{};

template <typename M>
class lock_guard {
 public:
  explicit lock_guard(M& m) : m_(m) { m_.lock(); }
  ~lock_guard() { m_.unlock(); }
  lock_guard(const lock_guard&) = delete;

 private:
  M& m_;
};

template <typename M>
class unique_lock {
 public:
  explicit unique_lock(M& m) : m_(&m), owns_(true) { m_->lock(); }
  unique_lock(M& m, defer_lock_t) : m_(&m), owns_(false) {}
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
  M* mutex() const { return m_; }

 private:
  M* m_;
  bool owns_;
};

template <typename M>
class shared_lock {
 public:
  explicit shared_lock(M& m) : m_(m) { m_.lock_shared(); }
  ~shared_lock() { m_.unlock_shared(); }

 private:
  M& m_;
};

template <typename M>
class upgrade_lock {
 public:
  explicit upgrade_lock(M& m) : m_(m) { m_.lock_upgrade(); }
  ~upgrade_lock() { m_.unlock_upgrade(); }
  M& mutex() { return m_; }

 private:
  M& m_;
};

template <typename M>
class upgrade_to_unique_lock {
 public:
  explicit upgrade_to_unique_lock(upgrade_lock<M>& u) : u_(u) {
    u_.mutex().unlock_upgrade_and_lock();
  }
  ~upgrade_to_unique_lock() { u_.mutex().unlock_and_lock_upgrade(); }

 private:
  upgrade_lock<M>& u_;
};

class condition_variable {
 public:
  void wait(unique_lock<mutex>& lk);
  template <typename Pred>
  void wait(unique_lock<mutex>& lk, Pred pred) {
    while (!pred()) wait(lk);
  }
  void notify_one();
  void notify_all();
};

class thread {
 public:
  thread() = default;
  template <typename F, typename... Args>
  explicit thread(F&& f, Args&&... args) {
    (void)f;
    ((void)args, ...);
  }
  thread(thread&&) = default;
  thread& operator=(thread&&) = default;
  ~thread();
  void join();
  void detach();
  bool joinable() const;
};

namespace this_thread {
void sleep_for_ms(int ms);
}

}  // namespace boost
