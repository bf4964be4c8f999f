// A shared batching queue in the style of TensorFlow Serving's batch
// scheduler: tasks from many request threads are grouped into batches that a
// thread pool processes.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tensorflow/core/lib/core/status.h"
#include "tensorflow/core/platform/logging.h"
#include "tensorflow/core/platform/mutex.h"
#include "tensorflow/core/platform/threadpool.h"

namespace tensorflow {
namespace serving {

struct BatchTask {
  std::string request_id;
  int64_t size = 1;
  std::function<void(const Status&)> done;
};

class Batch {
 public:
  void AddTask(std::unique_ptr<BatchTask> task) {
    size_ += task->size;
    tasks_.push_back(std::move(task));
  }
  int64_t size() const { return size_; }
  bool empty() const { return tasks_.empty(); }
  std::vector<std::unique_ptr<BatchTask>>& tasks() { return tasks_; }

 private:
  int64_t size_ = 0;
  std::vector<std::unique_ptr<BatchTask>> tasks_;
};

struct QueueOptions {
  int64_t max_batch_size = 32;
  int64_t max_enqueued_batches = 16;
  std::string name = "default";
};

class SharedBatchQueue {
 public:
  using ProcessBatchFn = std::function<void(std::unique_ptr<Batch>)>;

  SharedBatchQueue(const QueueOptions& options, thread::ThreadPool* pool, ProcessBatchFn process)
      : options_(options), pool_(pool), process_(std::move(process)) {
    open_batch_ = std::make_unique<Batch>();
  }

  Status Schedule(std::unique_ptr<BatchTask> task) {
    if (task->size > options_.max_batch_size) {
      return errors::InvalidArgument("Task size " + std::to_string(task->size) +
                                     " exceeds max batch size");
    }
    bool dispatch = false;
    {
      mutex_lock l(mu_);
      if (closed_) return errors::Unavailable("Queue " + options_.name + " is closed");
      if (open_batch_->size() + task->size > options_.max_batch_size) {
        if (static_cast<int64_t>(closed_batches_.size()) >= options_.max_enqueued_batches) {
          return errors::ResourceExhausted("Queue " + options_.name + " is full");
        }
        StartNewBatchLocked();
        dispatch = true;
      }
      open_batch_->AddTask(std::move(task));
      ++num_enqueued_tasks_;
    }
    if (dispatch) DispatchOne();
    return OkStatus();
  }

  // Called by the deadline timer: closes the open batch even if it is not full.
  void Flush() {
    {
      mutex_lock l(mu_);
      if (open_batch_->empty()) return;
    }
    VLOG(1) << "Flushing partial batch of queue " << options_.name;
    StartNewBatchLocked();  // EXPECT: concurrency-unguarded-field
    DispatchOne();
  }

  void Close() {
    mutex_lock l(mu_);
    closed_ = true;
  }

  int64_t NumEnqueuedTasks() const {
    tf_shared_lock l(mu_);
    return num_enqueued_tasks_;
  }

 private:
  // Moves the open batch to the closed list and opens a fresh one.
  void StartNewBatchLocked() TF_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    closed_batches_.push_back(std::move(open_batch_));
    open_batch_ = std::make_unique<Batch>();
  }

  std::unique_ptr<Batch> TakeClosedBatch() {
    mutex_lock l(mu_);
    if (closed_batches_.empty()) return nullptr;
    std::unique_ptr<Batch> batch = std::move(closed_batches_.front());
    closed_batches_.pop_front();
    num_enqueued_tasks_ -= static_cast<int64_t>(batch->tasks().size());
    return batch;
  }

  void DispatchOne() {
    pool_->Schedule([this] {
      std::unique_ptr<Batch> batch = TakeClosedBatch();
      if (batch != nullptr) process_(std::move(batch));
    });
  }

  const QueueOptions options_;
  thread::ThreadPool* const pool_;
  const ProcessBatchFn process_;

  mutable mutex mu_;
  bool closed_ TF_GUARDED_BY(mu_) = false;
  std::unique_ptr<Batch> open_batch_ TF_GUARDED_BY(mu_);
  std::deque<std::unique_ptr<Batch>> closed_batches_ TF_GUARDED_BY(mu_);
  int64_t num_enqueued_tasks_ TF_GUARDED_BY(mu_) = 0;
};

// Runs every task of a batch and reports the same status to each.
void RunBatch(std::unique_ptr<Batch> batch) {
  int64_t total = 0;
  for (auto& task : batch->tasks()) total += task->size;
  Status status = total > 0 ? OkStatus() : errors::InvalidArgument("empty batch");
  for (auto& task : batch->tasks()) {
    if (task->done) task->done(status);
  }
  VLOG(2) << "Processed batch of " << batch->tasks().size() << " tasks";
}

}  // namespace serving
}  // namespace tensorflow
