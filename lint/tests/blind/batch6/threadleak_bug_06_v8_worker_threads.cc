// V8-style default worker-thread task runner (d8's): Start() spawns the
// worker threads into a vector; Terminate() marks the queue terminated and
// wakes the workers, but nobody ever joins them, and the destructor only
// calls Terminate().
#include <deque>
#include <memory>
#include <thread>
#include <vector>

#include "mock/v8_platform.h"

namespace v8 {
namespace platform {

class DefaultWorkerThreadsTaskRunner : public TaskRunner {
 public:
  explicit DefaultWorkerThreadsTaskRunner(int thread_pool_size) : size_(thread_pool_size) {}

  ~DefaultWorkerThreadsTaskRunner() override { Terminate(); }

  void Start() {
    for (int i = 0; i < size_; ++i) thread_pool_.emplace_back([this] { WorkerLoop(); });
  }

  void Terminate() {
    base::MutexGuard guard(&lock_);
    terminated_ = true;
    queue_available_.NotifyAll();
  }

  void PostTask(std::unique_ptr<Task> task) override {
    base::MutexGuard guard(&lock_);
    if (terminated_) return;
    queue_.push_back(std::move(task));
    queue_available_.NotifyOne();
  }

  void PostDelayedTask(std::unique_ptr<Task> task, double) override { PostTask(std::move(task)); }

 private:
  std::unique_ptr<Task> GetNext() {
    base::MutexGuard guard(&lock_);
    while (queue_.empty() && !terminated_) queue_available_.Wait(&lock_);
    if (terminated_) return nullptr;
    std::unique_ptr<Task> task = std::move(queue_.front());
    queue_.pop_front();
    return task;
  }

  void WorkerLoop() {
    while (std::unique_ptr<Task> task = GetNext()) task->Run();
  }

  const int size_;
  base::Mutex lock_;
  base::ConditionVariable queue_available_;
  std::deque<std::unique_ptr<Task>> queue_;
  bool terminated_ = false;
  std::vector<std::thread> thread_pool_;  // EXPECT: concurrency-thread-leak
};

}  // namespace platform
}  // namespace v8
