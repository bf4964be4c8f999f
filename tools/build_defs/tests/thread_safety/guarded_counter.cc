#include "tools/build_defs/tests/thread_safety/guarded_counter.h"

namespace fixture {

bool GuardedCounter::Increment() {
  absl::MutexLock lock(&mu_);
  return IncrementLocked();
}

bool GuardedCounter::IncrementLocked() {
  if (count_ >= kCapacity) return false;
  ++count_;
  return true;
}

}  // namespace fixture
