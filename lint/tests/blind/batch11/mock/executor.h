// A task-runner interface of the kind most server code bases have: the
// task runs later, on one of the pool's threads.
#pragma once

#include <chrono>
#include <functional>

namespace runtime {

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void Post(std::function<void()> task) = 0;
  virtual void Schedule(std::function<void()> task, std::chrono::milliseconds delay) = 0;
};

}  // namespace runtime
