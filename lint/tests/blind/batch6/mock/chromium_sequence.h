// Stand-in for base/sequence_checker.h, base/thread_annotations.h,
// base/task/sequenced_task_runner.h and base/task/thread_pool.h.
// Annotated the way Chromium is: a SequenceChecker is a capability and
// DCHECK_CALLED_ON_VALID_SEQUENCE acquires it for the rest of the scope, so
// GUARDED_BY_CONTEXT(seq_) fields are checked by clang -Wthread-safety.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

#define CHROMIUM_TS_ATTR(x) __attribute__((x))
#define LOCKABLE CHROMIUM_TS_ATTR(lockable)
#define SCOPED_LOCKABLE CHROMIUM_TS_ATTR(scoped_lockable)
#define GUARDED_BY(x) CHROMIUM_TS_ATTR(guarded_by(x))
#define EXCLUSIVE_LOCK_FUNCTION(...) CHROMIUM_TS_ATTR(exclusive_lock_function(__VA_ARGS__))
#define UNLOCK_FUNCTION(...) CHROMIUM_TS_ATTR(unlock_function(__VA_ARGS__))
#define EXCLUSIVE_LOCKS_REQUIRED(...) CHROMIUM_TS_ATTR(exclusive_locks_required(__VA_ARGS__))
#define NO_THREAD_SAFETY_ANALYSIS CHROMIUM_TS_ATTR(no_thread_safety_analysis)

#define GUARDED_BY_CONTEXT(name) GUARDED_BY(name)
#define VALID_CONTEXT_REQUIRED(name) EXCLUSIVE_LOCKS_REQUIRED(name)

#define SEQUENCE_CHECKER_INTERNAL_CONCAT2(a, b) a##b
#define SEQUENCE_CHECKER_INTERNAL_CONCAT(a, b) SEQUENCE_CHECKER_INTERNAL_CONCAT2(a, b)

#define SEQUENCE_CHECKER(name) ::base::SequenceChecker name
#define DCHECK_CALLED_ON_VALID_SEQUENCE(name)                                  \
  ::base::ScopedValidateSequenceChecker SEQUENCE_CHECKER_INTERNAL_CONCAT(      \
      valid_sequence_checker_scope_info_, __LINE__)(name)
#define DETACH_FROM_SEQUENCE(name) (name).DetachFromSequence()

#define DCHECK(cond) ((void)(cond))

namespace base {

class LOCKABLE SequenceChecker {
 public:
  bool CalledOnValidSequence() const {
    std::lock_guard<std::mutex> l(mu_);
    if (!bound_) {
      bound_ = true;
      owner_ = std::this_thread::get_id();
    }
    return owner_ == std::this_thread::get_id();
  }
  void DetachFromSequence() {
    std::lock_guard<std::mutex> l(mu_);
    bound_ = false;
  }

 private:
  mutable std::mutex mu_;
  mutable bool bound_ = false;
  mutable std::thread::id owner_;
};

class SCOPED_LOCKABLE ScopedValidateSequenceChecker {
 public:
  explicit ScopedValidateSequenceChecker(const SequenceChecker& checker)
      EXCLUSIVE_LOCK_FUNCTION(checker) {
    DCHECK(checker.CalledOnValidSequence());
  }
  ~ScopedValidateSequenceChecker() UNLOCK_FUNCTION() {}
};

using OnceClosure = std::function<void()>;

struct Location {
  static Location Current() { return Location(); }
};
#define FROM_HERE ::base::Location::Current()

// A sequence: tasks posted to it run one at a time, in order, on some
// worker thread.
class SequencedTaskRunner {
 public:
  virtual ~SequencedTaskRunner() = default;
  virtual bool PostTask(const Location& from_here, OnceClosure task) = 0;
  bool PostTaskAndReply(const Location& from_here, OnceClosure task, OnceClosure reply);
  static SequencedTaskRunner* GetCurrentDefault();
};

namespace ThreadPool {
// Runs `task` on a thread of the pool, in parallel with anything else.
bool PostTask(const Location& from_here, OnceClosure task);
SequencedTaskRunner* CreateSequencedTaskRunner();
}  // namespace ThreadPool

template <typename T>
class WeakPtr {
 public:
  WeakPtr() = default;
  explicit WeakPtr(T* p) : ptr_(p) {}
  T* get() const { return ptr_; }
  T* operator->() const { return ptr_; }
  explicit operator bool() const { return ptr_ != nullptr; }

 private:
  T* ptr_ = nullptr;
};

template <typename T>
class WeakPtrFactory {
 public:
  explicit WeakPtrFactory(T* owner) : owner_(owner) {}
  WeakPtr<T> GetWeakPtr() { return WeakPtr<T>(owner_); }
  void InvalidateWeakPtrs() {}

 private:
  T* owner_;
};

}  // namespace base
