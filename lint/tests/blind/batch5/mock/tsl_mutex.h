// Minimal stand-in for tsl/platform/mutex.h and thread_annotations.h.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>

#define TF_LOCKABLE __attribute__((lockable))
#define TF_SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define TF_GUARDED_BY(x) __attribute__((guarded_by(x)))
#define TF_PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#define TF_EXCLUSIVE_LOCKS_REQUIRED(...) \
  __attribute__((exclusive_locks_required(__VA_ARGS__)))
#define TF_SHARED_LOCKS_REQUIRED(...) \
  __attribute__((shared_locks_required(__VA_ARGS__)))
#define TF_LOCKS_EXCLUDED(...) __attribute__((locks_excluded(__VA_ARGS__)))
#define TF_EXCLUSIVE_LOCK_FUNCTION(...) \
  __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define TF_SHARED_LOCK_FUNCTION(...) \
  __attribute__((shared_lock_function(__VA_ARGS__)))
#define TF_UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))
#define TF_EXCLUSIVE_TRYLOCK_FUNCTION(...) \
  __attribute__((exclusive_trylock_function(__VA_ARGS__)))
#define TF_LOCK_RETURNED(x) __attribute__((lock_returned(x)))
#define TF_NO_THREAD_SAFETY_ANALYSIS __attribute__((no_thread_safety_analysis))

namespace tsl {

class condition_variable;

class TF_LOCKABLE mutex {
 public:
  mutex() = default;
  void lock() TF_EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  bool try_lock() TF_EXCLUSIVE_TRYLOCK_FUNCTION(true) { return mu_.try_lock(); }
  void unlock() TF_UNLOCK_FUNCTION() { mu_.unlock(); }
  void lock_shared() TF_SHARED_LOCK_FUNCTION() { mu_.lock_shared(); }
  void unlock_shared() TF_UNLOCK_FUNCTION() { mu_.unlock_shared(); }

 private:
  friend class condition_variable;
  std::shared_mutex mu_;
};

class TF_SCOPED_LOCKABLE mutex_lock {
 public:
  typedef ::tsl::mutex mutex_type;
  explicit mutex_lock(mutex_type& mu) TF_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(&mu) {
    mu_->lock();
  }
  mutex_lock(mutex_lock&& ml) noexcept TF_EXCLUSIVE_LOCK_FUNCTION(ml.mu_)
      : mu_(ml.mu_) {
    ml.mu_ = nullptr;
  }
  ~mutex_lock() TF_UNLOCK_FUNCTION() {
    if (mu_ != nullptr) mu_->unlock();
  }
  mutex_type* mutex() { return mu_; }
  operator bool() const { return mu_ != nullptr; }

 private:
  mutex_type* mu_;
};

class TF_SCOPED_LOCKABLE tf_shared_lock {
 public:
  typedef ::tsl::mutex mutex_type;
  explicit tf_shared_lock(mutex_type& mu) TF_SHARED_LOCK_FUNCTION(mu) : mu_(&mu) {
    mu_->lock_shared();
  }
  ~tf_shared_lock() TF_UNLOCK_FUNCTION() {
    if (mu_ != nullptr) mu_->unlock_shared();
  }

 private:
  mutex_type* mu_;
};

// Catch a declaration whose variable name is omitted, e.g. mutex_lock (mu);
#define mutex_lock(x) static_assert(0, "mutex_lock_decl_missing_var_name");
#define tf_shared_lock(x) static_assert(0, "tf_shared_lock_decl_missing_var_name");

enum ConditionResult { kCond_Timeout, kCond_MaybeNotified };

class condition_variable {
 public:
  void wait(::tsl::mutex_lock& lock) {
    std::unique_lock<std::shared_mutex> l(lock.mutex()->mu_, std::adopt_lock);
    cv_.wait(l);
    l.release();
  }
  template <class Predicate>
  void wait(::tsl::mutex_lock& lock, Predicate stop_waiting) {
    while (!stop_waiting()) wait(lock);
  }
  template <class Rep, class Period>
  std::cv_status wait_for(::tsl::mutex_lock& lock,
                          std::chrono::duration<Rep, Period> dur) {
    std::unique_lock<std::shared_mutex> l(lock.mutex()->mu_, std::adopt_lock);
    std::cv_status s = cv_.wait_for(l, dur);
    l.release();
    return s;
  }
  void notify_one() { cv_.notify_one(); }
  void notify_all() { cv_.notify_all(); }

 private:
  std::condition_variable_any cv_;
};

inline ConditionResult WaitForMilliseconds(mutex_lock* mu,
                                           condition_variable* cv, int64_t ms) {
  std::cv_status s = cv->wait_for(*mu, std::chrono::milliseconds(ms));
  return (s == std::cv_status::timeout) ? kCond_Timeout : kCond_MaybeNotified;
}

}  // namespace tsl

namespace tensorflow {
using tsl::condition_variable;
using tsl::mutex;
using tsl::mutex_lock;
using tsl::tf_shared_lock;
}  // namespace tensorflow
