// Work serializer: callbacks scheduled from any thread run one at a time on
// a dedicated drainer thread. Shape borrowed from grpc_core::WorkSerializer.

#include <deque>
#include <functional>
#include <thread>
#include <utility>

#include "mock/grpc_sync.h"

namespace grpc_core {

class WorkSerializer {
 public:
  WorkSerializer() : drainer_([this] { DrainLoop(); }) {}

  ~WorkSerializer() {
    {
      MutexLock lock(&mu_);
      shutting_down_ = true;
      cv_.SignalAll();
    }
    drainer_.join();
  }

  void Run(std::function<void()> callback) {
    MutexLock lock(&mu_);
    EnqueueLocked(std::move(callback));
  }

  size_t queued() {
    MutexLock lock(&mu_);
    return QueueLengthLocked();
  }

 private:
  void EnqueueLocked(std::function<void()> callback)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    queue_.push_back(std::move(callback));
    cv_.Signal();
  }

  size_t QueueLengthLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    mu_.AssertHeld();
    return queue_.size();
  }

  void DrainLoop() {
    for (;;) {
      std::function<void()> next;
      {
        MutexLock lock(&mu_);
        while (queue_.empty() && !shutting_down_) cv_.Wait(&mu_);
        if (queue_.empty()) return;
        next = std::move(queue_.front());
        queue_.pop_front();
      }
      next();
    }
  }

  Mutex mu_;
  CondVar cv_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
  std::thread drainer_;
};

}  // namespace grpc_core
