// TensorFlow style mutex, mutex_lock, tf_shared_lock and condition_variable (stand-in).
#ifndef TENSORFLOW_CORE_PLATFORM_MUTEX_H_
#define TENSORFLOW_CORE_PLATFORM_MUTEX_H_

#include <chrono>
#include <condition_variable>
#include <shared_mutex>

#include "tensorflow/core/platform/thread_annotations.h"

namespace tensorflow {

enum LinkerInitialized { LINKER_INITIALIZED };

class condition_variable;

// Mimic std::mutex + C++17's shared_mutex, adding a LinkerInitialized constructor.
class TF_LOCKABLE mutex {
 public:
  mutex() = default;
  explicit constexpr mutex(LinkerInitialized) {}

  void lock() TF_EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  bool try_lock() TF_EXCLUSIVE_TRYLOCK_FUNCTION(true) { return mu_.try_lock(); }
  void unlock() TF_UNLOCK_FUNCTION() { mu_.unlock(); }

  void lock_shared() TF_SHARED_LOCK_FUNCTION() { mu_.lock_shared(); }
  bool try_lock_shared() TF_SHARED_TRYLOCK_FUNCTION(true) { return mu_.try_lock_shared(); }
  void unlock_shared() TF_UNLOCK_FUNCTION() { mu_.unlock_shared(); }

  mutex(const mutex&) = delete;
  void operator=(const mutex&) = delete;

 private:
  friend class condition_variable;
  std::shared_mutex mu_;
};

// Mimic a C++ lock_guard / unique_lock over tensorflow::mutex.
class TF_SCOPED_LOCKABLE mutex_lock {
 public:
  typedef ::tensorflow::mutex mutex_type;

  explicit mutex_lock(mutex_type& mu) TF_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(&mu) { mu_->lock(); }

  mutex_lock(mutex_type& mu, std::try_to_lock_t) TF_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(&mu) {
    if (!mu.try_lock()) {
      mu_ = nullptr;
    }
  }

  ~mutex_lock() TF_UNLOCK_FUNCTION() {
    if (mu_ != nullptr) {
      mu_->unlock();
    }
  }

  mutex_type* mutex() { return mu_; }

  explicit operator bool() const { return mu_ != nullptr; }

 private:
  mutex_type* mu_;
};

// Catch bug where variable name is omitted, e.g. mutex_lock (mu);
#define mutex_lock(x) static_assert(0, "mutex_lock_decl_missing_var_name");

// Shared (reader) lock over tensorflow::mutex.
class TF_SCOPED_LOCKABLE tf_shared_lock {
 public:
  typedef ::tensorflow::mutex mutex_type;

  explicit tf_shared_lock(mutex_type& mu) TF_SHARED_LOCK_FUNCTION(mu) : mu_(&mu) {
    mu_->lock_shared();
  }

  ~tf_shared_lock() TF_UNLOCK_FUNCTION() {
    if (mu_ != nullptr) {
      mu_->unlock_shared();
    }
  }

  mutex_type* mutex() { return mu_; }

 private:
  mutex_type* mu_;
};

#define tf_shared_lock(x) static_assert(0, "tf_shared_lock_decl_missing_var_name");

// Mimic std::condition_variable, waiting on a mutex_lock.
class condition_variable {
 public:
  condition_variable() = default;

  void wait(mutex_lock& lock) { cv_.wait(*lock.mutex()); }

  template <class Predicate>
  void wait(mutex_lock& lock, Predicate stop_waiting) {
    while (!stop_waiting()) {
      wait(lock);
    }
  }

  template <class Rep, class Period>
  std::cv_status wait_for(mutex_lock& lock, std::chrono::duration<Rep, Period> dur) {
    return cv_.wait_for(*lock.mutex(), dur);
  }

  void notify_one() { cv_.notify_one(); }
  void notify_all() { cv_.notify_all(); }

 private:
  std::condition_variable_any cv_;
};

}  // namespace tensorflow

#endif  // TENSORFLOW_CORE_PLATFORM_MUTEX_H_
