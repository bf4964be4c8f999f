// Apache Arrow style internal::Executor / ThreadPool interface (stand-in; defined elsewhere).
#ifndef ARROW_UTIL_THREAD_POOL_H
#define ARROW_UTIL_THREAD_POOL_H

#include <functional>
#include <memory>

#include "arrow/status.h"

namespace arrow {
namespace internal {

class Executor {
 public:
  virtual ~Executor() = default;
  // Spawn a fire-and-forget task.
  virtual Status Spawn(std::function<void()> func) = 0;
  virtual int GetCapacity() = 0;
};

class ThreadPool : public Executor {
 public:
  static Result<std::shared_ptr<ThreadPool>> Make(int threads);
  ~ThreadPool() override;
  Status Spawn(std::function<void()> func) override;
  int GetCapacity() override;
  Status Shutdown(bool wait = true);

 protected:
  ThreadPool();
};

Executor* GetCpuThreadPool();

}  // namespace internal
}  // namespace arrow

#endif  // ARROW_UTIL_THREAD_POOL_H
