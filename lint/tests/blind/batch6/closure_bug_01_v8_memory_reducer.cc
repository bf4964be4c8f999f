// V8-style memory reducer: a delayed cancelable task on the foreground
// task runner decides whether to start an incremental GC. The task's
// lambda reads the last GC reason when it runs, seconds later; the heap
// writes the reason under the reducer's mutex when a GC finishes.
#include <memory>
#include <string>

#include "mock/v8_platform.h"

namespace v8 {
namespace internal {

class Heap {
 public:
  void StartIncrementalMarking(const std::string& reason);
  size_t CommittedMemory() const;
};

class MemoryReducer {
 public:
  MemoryReducer(Isolate* isolate, Heap* heap, std::shared_ptr<TaskRunner> runner)
      : isolate_(isolate), heap_(heap), taskrunner_(std::move(runner)) {}

  void NotifyPossibleGarbage() {
    base::MutexGuard guard(&mutex_);
    if (timer_pending_) return;
    timer_pending_ = true;
    ScheduleTimer(8.0);
  }

  // Heap thread, at the end of every mark-compact.
  void NotifyMarkCompact(const std::string& reason, size_t committed_after) {
    {
      base::MutexGuard guard(&mutex_);
      last_gc_reason_ = reason;
    }
    committed_after_last_gc_.store(committed_after, std::memory_order_relaxed);
  }

 private:
  void ScheduleTimer(double delay_seconds) {
    auto task = MakeCancelableTask(isolate_, [this] {
      size_t committed = heap_->CommittedMemory();
      size_t before = committed_after_last_gc_.load(std::memory_order_relaxed);
      if (committed > before + (8u << 20)) {
        heap_->StartIncrementalMarking("memory reducer after " + last_gc_reason_);  // EXPECT: concurrency-closure-captures-mutable
      }
      base::MutexGuard guard(&mutex_);
      timer_pending_ = false;
    });
    taskrunner_->PostDelayedTask(std::move(task), delay_seconds);
  }

  Isolate* const isolate_;
  Heap* const heap_;
  const std::shared_ptr<TaskRunner> taskrunner_;
  base::Mutex mutex_;
  bool timer_pending_ = false;
  std::string last_gc_reason_;
  std::atomic<size_t> committed_after_last_gc_{0};
};

}  // namespace internal
}  // namespace v8
