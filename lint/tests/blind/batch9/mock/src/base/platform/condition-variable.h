// V8 style base::ConditionVariable (stand-in; defined in condition-variable.cc).
#ifndef V8_BASE_PLATFORM_CONDITION_VARIABLE_H_
#define V8_BASE_PLATFORM_CONDITION_VARIABLE_H_

#include <pthread.h>

#include "src/base/platform/mutex.h"

namespace v8 {
namespace base {

class TimeDelta {
 public:
  static TimeDelta FromMilliseconds(long long ms) { return TimeDelta(ms); }
  long long InMilliseconds() const { return ms_; }

 private:
  explicit TimeDelta(long long ms) : ms_(ms) {}
  long long ms_;
};

class ConditionVariable final {
 public:
  ConditionVariable();
  ConditionVariable(const ConditionVariable&) = delete;
  ConditionVariable& operator=(const ConditionVariable&) = delete;
  ~ConditionVariable();

  void NotifyOne();
  void NotifyAll();

  // Atomically releases the mutex and blocks until notified.
  void Wait(Mutex* mutex);
  // Returns false on timeout.
  bool WaitFor(Mutex* mutex, const TimeDelta& rel_time);

 private:
  pthread_cond_t native_handle_;
};

}  // namespace base
}  // namespace v8

#endif  // V8_BASE_PLATFORM_CONDITION_VARIABLE_H_
