// Retries failed RPCs after a delay. The retry thread sleeps until a call
// is queued or the queue is shut down.

#include <deque>
#include <functional>
#include <thread>
#include <utility>

#include "mock/grpc_sync.h"

namespace grpc_core {

class RetryQueue {
 public:
  RetryQueue() : thread_([this] { RunLoop(); }) {}

  ~RetryQueue() {
    if (thread_.joinable()) thread_.join();  // EXPECT: concurrency-thread-leak
  }

  void Shutdown() {
    MutexLock lock(&mu_);
    shutdown_ = true;
    cv_.SignalAll();
  }

  void Add(std::function<void()> attempt) {
    MutexLock lock(&mu_);
    pending_.push_back(std::move(attempt));
    cv_.Signal();
  }

 private:
  void RunLoop() {
    for (;;) {
      std::function<void()> attempt;
      {
        MutexLock lock(&mu_);
        while (pending_.empty() && !shutdown_) {
          cv_.Wait(&mu_);
        }
        if (shutdown_) return;
        attempt = std::move(pending_.front());
        pending_.pop_front();
      }
      attempt();
    }
  }

  Mutex mu_;
  CondVar cv_;
  std::deque<std::function<void()>> pending_ ABSL_GUARDED_BY(mu_);
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace grpc_core
