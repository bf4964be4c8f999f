// Deliberately wrong: reads a guarded field without its mutex and calls a
// REQUIRES helper without holding the lock. thread_safety_test must reject it.
#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace fixture {

class UnguardedCounter {
 public:
  int Get() const { return count_; }  // missing absl::MutexLock
  void Reset() { ResetLocked(); }     // missing absl::MutexLock

 private:
  void ResetLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { count_ = 0; }

  mutable absl::Mutex mu_;
  int count_ ABSL_GUARDED_BY(mu_) = 0;
};

int UseUnguardedCounter() {
  UnguardedCounter counter;
  counter.Reset();
  return counter.Get();
}

}  // namespace fixture
