// A thread-safe counter: every access to count_ holds mu_ (clean).
#ifndef LINT_WORKSPACE_BASE_COUNTER_H_
#define LINT_WORKSPACE_BASE_COUNTER_H_

#include <mutex>

namespace base {

class Counter {
 public:
  void Add(long n) {
    std::lock_guard<std::mutex> lock(mu_);
    count_ += n;
  }

  long Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    return count_;
  }

 private:
  mutable std::mutex mu_;
  long count_ = 0;
};

}  // namespace base

#endif  // LINT_WORKSPACE_BASE_COUNTER_H_
