// A foreground task queue in the style of Node.js's per-isolate platform
// data: worker threads post tasks, the event-loop thread flushes them, and
// shutdown blocks until everything posted has run.
#include <cstdint>
#include <memory>
#include <queue>
#include <string>
#include <utility>

#include "node_mutex.h"
#include "uv.h"

namespace node {

class Task {
 public:
  virtual ~Task() = default;
  virtual void Run() = 0;
};

class LambdaTask : public Task {
 public:
  explicit LambdaTask(void (*fn)(void*), void* data) : fn_(fn), data_(data) {}
  void Run() override { fn_(data_); }

 private:
  void (*fn_)(void*);
  void* data_;
};

class ForegroundTaskQueue {
 public:
  explicit ForegroundTaskQueue(uv_async_t* flush_signal) : flush_signal_(flush_signal) {}

  // Any thread.
  void Post(std::unique_ptr<Task> task) {
    {
      Mutex::ScopedLock scoped_lock(lock_);
      if (stopped_) return;
      queue_.push(std::move(task));
      ++outstanding_tasks_;
    }
    uv_async_send(flush_signal_);
  }

  // Event-loop thread, from the async handle's callback.
  int FlushForegroundTasks() {
    int ran = 0;
    Mutex::ScopedLock scoped_lock(lock_);
    while (!queue_.empty()) {
      std::unique_ptr<Task> task = std::move(queue_.front());
      queue_.pop();
      {
        // Run the task without the lock: it may post more tasks.
        Mutex::ScopedUnlock scoped_unlock(scoped_lock);
        task->Run();
        --outstanding_tasks_;  // EXPECT: concurrency-unguarded-field
        ++ran;
      }
      if (outstanding_tasks_ == 0) tasks_drained_.Broadcast(scoped_lock);
    }
    return ran;
  }

  // Called when a task is dropped without running.
  void NotifyOfDroppedTask() {
    Mutex::ScopedLock scoped_lock(lock_);
    --outstanding_tasks_;
    if (outstanding_tasks_ == 0) tasks_drained_.Broadcast(scoped_lock);
  }

  // Main thread, at environment teardown.
  void BlockingDrain() {
    Mutex::ScopedLock scoped_lock(lock_);
    while (outstanding_tasks_ > 0) tasks_drained_.Wait(scoped_lock);
  }

  void Stop() {
    Mutex::ScopedLock scoped_lock(lock_);
    stopped_ = true;
    while (!queue_.empty()) {
      queue_.pop();
      --outstanding_tasks_;
    }
    tasks_drained_.Broadcast(scoped_lock);
  }

 private:
  uv_async_t* const flush_signal_;
  Mutex lock_;
  ConditionVariable tasks_drained_;
  std::queue<std::unique_ptr<Task>> queue_;
  int outstanding_tasks_ = 0;
  bool stopped_ = false;
};

struct IsolateData {
  std::string name;
  ForegroundTaskQueue* queue;
};

// The async handle's callback; handle->data points at the IsolateData.
void OnFlushSignal(uv_async_t* handle) {
  IsolateData* data = static_cast<IsolateData*>(handle->data);
  int ran = data->queue->FlushForegroundTasks();
  if (ran > 100) {
    std::fprintf(stderr, "[%s] flushed %d foreground tasks\n", data->name.c_str(), ran);
  }
}

void PostGreeting(ForegroundTaskQueue* queue) {
  queue->Post(std::make_unique<LambdaTask>(
      [](void* p) { std::fprintf(stderr, "%s\n", static_cast<const char*>(p)); },
      const_cast<char*>("hello from a worker")));
}

}  // namespace node
