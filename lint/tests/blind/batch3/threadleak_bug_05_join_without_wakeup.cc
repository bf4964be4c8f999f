// Task queue whose worker sleeps on a condition variable whose predicate
// only looks at the task list. The destructor sets shutting_down_ (which the
// predicate never reads) and joins without notifying: if the queue is empty
// the join never returns.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace tasks {

class TaskQueue {
 public:
  TaskQueue() : worker_(&TaskQueue::WorkerLoop, this) {}

  ~TaskQueue() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      shutting_down_ = true;
    }
    worker_.join();  // EXPECT: concurrency-thread-leak
  }

  void Push(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push_back(std::move(task));
    }
    cv_.notify_one();
  }

 private:
  void WorkerLoop() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return !tasks_.empty(); });
        task = std::move(tasks_.front());
        tasks_.pop_front();
        if (shutting_down_ && tasks_.empty()) return;
      }
      task();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool shutting_down_ = false;
  std::thread worker_;
};

}  // namespace tasks
