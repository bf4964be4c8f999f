// A parallel marking job in the style of V8's concurrent marker: the main
// thread configures the job (Init) before any worker task is posted, each
// task writes only its own result slot, and the main thread reads the
// results after every task has finished.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "src/base/logging.h"
#include "src/base/platform/condition-variable.h"
#include "src/base/platform/mutex.h"

namespace v8 {
namespace internal {

class HeapObjectWorklist {
 public:
  bool Pop(int task_id, uintptr_t* object) {
    base::MutexGuard guard(&mutex_);
    (void)task_id;
    if (objects_.empty()) return false;
    *object = objects_.back();
    objects_.pop_back();
    return true;
  }
  void Push(uintptr_t object) {
    base::MutexGuard guard(&mutex_);
    objects_.push_back(object);
  }

 private:
  base::Mutex mutex_;
  std::vector<uintptr_t> objects_;
};

struct TaskResult {
  size_t marked_bytes = 0;
  size_t objects_visited = 0;
};

class ParallelMarkingJob {
 public:
  ParallelMarkingJob() = default;

  // Main thread, before PostTasks(). Nothing runs concurrently yet.
  void Init(HeapObjectWorklist* worklist, int num_tasks, size_t bytes_per_object) {
    DCHECK(num_tasks > 0);
    worklist_ = worklist;
    num_tasks_ = num_tasks;
    bytes_per_object_ = bytes_per_object;
    results_.assign(static_cast<size_t>(num_tasks), TaskResult{});
  }

  // Main thread: counts the tasks as outstanding; the platform then calls
  // RunTask(i) on worker threads.
  void PostTasks() {
    base::MutexGuard guard(&mutex_);
    pending_tasks_ = num_tasks_;
  }

  // Worker thread, task `task_id`.
  void RunTask(int task_id) {
    TaskResult& mine = results_[static_cast<size_t>(task_id)];
    uintptr_t object;
    while (worklist_->Pop(task_id, &object)) {
      mine.objects_visited++;
      mine.marked_bytes += bytes_per_object_;
    }
    base::MutexGuard guard(&mutex_);
    DCHECK(pending_tasks_ > 0);
    if (--pending_tasks_ == 0) all_done_.NotifyAll();
  }

  // Main thread: waits for every task, then sums the slots.
  size_t Join() {
    {
      base::MutexGuard guard(&mutex_);
      while (pending_tasks_ > 0) all_done_.Wait(&mutex_);
    }
    size_t total = 0;
    for (const TaskResult& r : results_) total += r.marked_bytes;
    return total;
  }

  int num_tasks() const { return num_tasks_; }

 private:
  // Written by Init() before tasks exist, read-only afterwards.
  HeapObjectWorklist* worklist_ = nullptr;
  int num_tasks_ = 0;
  size_t bytes_per_object_ = 0;
  // One slot per task; slot i is written only by task i, read after Join().
  std::vector<TaskResult> results_;

  base::Mutex mutex_;
  base::ConditionVariable all_done_;
  int pending_tasks_ = 0;
};

size_t MarkAll(HeapObjectWorklist* worklist, int tasks) {
  ParallelMarkingJob job;
  job.Init(worklist, tasks, 32);
  job.PostTasks();
  for (int i = 0; i < job.num_tasks(); ++i) job.RunTask(i);  // inline fallback for --single-threaded
  return job.Join();
}

}  // namespace internal
}  // namespace v8
