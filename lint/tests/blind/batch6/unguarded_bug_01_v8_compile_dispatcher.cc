// V8-style concurrent optimizing compiler dispatcher: the main thread queues
// jobs, background tasks on the platform's worker threads dequeue them.
// The input queue is a ring buffer protected by input_queue_mutex_.
#include <memory>
#include <queue>

#include "mock/v8_platform.h"

namespace v8 {
namespace internal {

class TurbofanCompilationJob {
 public:
  virtual ~TurbofanCompilationJob() = default;
  virtual void ExecuteJob() = 0;
  virtual void FinalizeJob() = 0;
};

class OptimizingCompileDispatcher {
 public:
  OptimizingCompileDispatcher(Platform* platform, int capacity)
      : platform_(platform),
        input_queue_capacity_(capacity),
        input_queue_(new TurbofanCompilationJob*[capacity]) {}
  ~OptimizingCompileDispatcher() { delete[] input_queue_; }

  // Asked by the main thread before it queues another function; a worker
  // may be dequeuing concurrently.
  bool IsQueueAvailable() {
    return input_queue_length_ < input_queue_capacity_;  // EXPECT: concurrency-unguarded-field
  }

  void QueueForOptimization(TurbofanCompilationJob* job) {
    DCHECK(IsQueueAvailable());
    {
      base::MutexGuard access_input_queue(&input_queue_mutex_);
      input_queue_[InputQueueIndex(input_queue_length_)] = job;
      input_queue_length_++;
    }
    platform_->CallOnWorkerThread(std::make_unique<CompileTask>(this));
  }

  void InstallOptimizedFunctions() {
    for (;;) {
      TurbofanCompilationJob* job = nullptr;
      {
        base::MutexGuard access_output_queue(&output_queue_mutex_);
        if (output_queue_.empty()) return;
        job = output_queue_.front();
        output_queue_.pop();
      }
      job->FinalizeJob();
      delete job;
    }
  }

 private:
  class CompileTask : public Task {
   public:
    explicit CompileTask(OptimizingCompileDispatcher* dispatcher) : dispatcher_(dispatcher) {}
    void Run() override { dispatcher_->CompileNext(dispatcher_->NextInput()); }

   private:
    OptimizingCompileDispatcher* dispatcher_;
  };

  TurbofanCompilationJob* NextInput() {
    base::MutexGuard access_input_queue(&input_queue_mutex_);
    if (input_queue_length_ == 0) return nullptr;
    TurbofanCompilationJob* job = input_queue_[InputQueueIndex(0)];
    input_queue_shift_ = InputQueueIndex(1);
    input_queue_length_--;
    return job;
  }

  void CompileNext(TurbofanCompilationJob* job) {
    if (job == nullptr) return;
    job->ExecuteJob();
    base::MutexGuard access_output_queue(&output_queue_mutex_);
    output_queue_.push(job);
  }

  // Only called with input_queue_mutex_ held.
  int InputQueueIndex(int i) {
    int result = (i + input_queue_shift_) % input_queue_capacity_;
    DCHECK(0 <= result);
    return result;
  }

  Platform* const platform_;
  const int input_queue_capacity_;
  TurbofanCompilationJob** const input_queue_;
  int input_queue_length_ = 0;
  int input_queue_shift_ = 0;
  base::Mutex input_queue_mutex_;

  std::queue<TurbofanCompilationJob*> output_queue_;
  base::Mutex output_queue_mutex_;
};

}  // namespace internal
}  // namespace v8
