// A concurrent-compilation dispatcher in the style of V8's
// OptimizingCompileDispatcher: the main thread queues jobs, background
// tasks compile them, and finished jobs wait in an output queue until the
// main thread installs them.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>

#include "src/base/logging.h"
#include "src/base/platform/condition-variable.h"
#include "src/base/platform/mutex.h"

namespace v8 {
namespace internal {

enum class CompilationStatus { kPending, kSucceeded, kFailed, kAborted };

class CompilationJob {
 public:
  explicit CompilationJob(std::string function_name) : function_name_(std::move(function_name)) {}
  virtual ~CompilationJob() = default;

  CompilationStatus ExecuteJob() {
    status_ = function_name_.empty() ? CompilationStatus::kFailed : CompilationStatus::kSucceeded;
    return status_;
  }
  void Install() { DCHECK(status_ == CompilationStatus::kSucceeded); }
  void RestoreCode() { status_ = CompilationStatus::kAborted; }
  const std::string& function_name() const { return function_name_; }

 private:
  const std::string function_name_;
  CompilationStatus status_ = CompilationStatus::kPending;
};

class CompileDispatcher {
 public:
  explicit CompileDispatcher(size_t max_queue_length) : max_queue_length_(max_queue_length) {}

  bool IsQueueAvailable() {
    base::MutexGuard guard(&input_mutex_);
    return input_queue_.size() < max_queue_length_;
  }

  void QueueForOptimization(std::unique_ptr<CompilationJob> job) {
    base::MutexGuard guard(&input_mutex_);
    DCHECK(input_queue_.size() < max_queue_length_);
    input_queue_.push_back(std::move(job));
    input_available_.NotifyOne();
  }

  // Background task body: compile one job, or return false when stopping.
  bool CompileNext() {
    std::unique_ptr<CompilationJob> job;
    {
      base::MutexGuard guard(&input_mutex_);
      while (input_queue_.empty() && !stopping_) input_available_.Wait(&input_mutex_);
      if (stopping_) return false;
      job = std::move(input_queue_.front());
      input_queue_.pop_front();
    }
    job->ExecuteJob();
    base::MutexGuard guard(&output_mutex_);
    output_queue_.push_back(std::move(job));
    ++jobs_compiled_;
    return true;
  }

  // Main thread, at a stack guard interrupt.
  void InstallOptimizedFunctions() {
    for (;;) {
      std::unique_ptr<CompilationJob> job;
      {
        base::MutexGuard guard(&output_mutex_);
        if (output_queue_.empty()) return;
        job = std::move(output_queue_.front());
        output_queue_.pop_front();
      }
      job->Install();
    }
  }

  // Main thread, when the isolate deoptimizes everything: drop finished jobs.
  void FlushOutputQueue() {
    output_queue_.clear();  // EXPECT: concurrency-unguarded-field
  }

  void Stop() {
    base::MutexGuard guard(&input_mutex_);
    stopping_ = true;
    input_queue_.clear();
    input_available_.NotifyAll();
  }

  uint64_t jobs_compiled() {
    base::MutexGuard guard(&output_mutex_);
    return jobs_compiled_;
  }

 private:
  const size_t max_queue_length_;

  base::Mutex input_mutex_;
  base::ConditionVariable input_available_;
  std::deque<std::unique_ptr<CompilationJob>> input_queue_;
  bool stopping_ = false;

  base::Mutex output_mutex_;
  std::deque<std::unique_ptr<CompilationJob>> output_queue_;
  uint64_t jobs_compiled_ = 0;
};

// The platform task that drives one background compile thread.
class CompileTask {
 public:
  explicit CompileTask(CompileDispatcher* dispatcher) : dispatcher_(dispatcher) {}

  void Run() {
    int compiled = 0;
    while (dispatcher_->CompileNext()) ++compiled;
    DCHECK(compiled >= 0);
  }

 private:
  CompileDispatcher* const dispatcher_;
};

}  // namespace internal
}  // namespace v8
