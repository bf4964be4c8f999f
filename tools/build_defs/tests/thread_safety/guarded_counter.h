// Correctly annotated: every access to count_ holds mu_.
#ifndef LOCKSTEP_TOOLS_BUILD_DEFS_TESTS_THREAD_SAFETY_GUARDED_COUNTER_H_
#define LOCKSTEP_TOOLS_BUILD_DEFS_TESTS_THREAD_SAFETY_GUARDED_COUNTER_H_

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "fixture/config.h"

namespace fixture {

class GuardedCounter {
 public:
  // Returns false once the counter is at capacity.
  bool Increment();
  int Get() const {
    absl::MutexLock lock(&mu_);
    return count_;
  }

 private:
  bool IncrementLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  int count_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace fixture

#endif  // LOCKSTEP_TOOLS_BUILD_DEFS_TESTS_THREAD_SAFETY_GUARDED_COUNTER_H_
