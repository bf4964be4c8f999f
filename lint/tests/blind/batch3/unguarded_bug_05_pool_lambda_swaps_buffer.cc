// Log uploader that batches lines under an absl::Mutex and hands the upload
// to an executor. The scheduled lambda swaps the guarded buffer on a pool
// thread without taking mu_, racing with Append().
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace logging {

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void Schedule(std::function<void()> task) = 0;
};

void UploadBatch(const std::vector<std::string>& lines);

class LogUploader {
 public:
  explicit LogUploader(Executor* executor) : executor_(executor) {}

  void Append(std::string line) {
    absl::MutexLock lock(&mu_);
    buffer_.push_back(std::move(line));
    if (buffer_.size() >= kBatchSize && !upload_pending_) {
      upload_pending_ = true;
      ScheduleUploadLocked();
    }
  }

  size_t buffered() {
    absl::MutexLock lock(&mu_);
    return buffer_.size();
  }

 private:
  static constexpr size_t kBatchSize = 256;

  void ScheduleUploadLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    executor_->Schedule([this] {
      std::vector<std::string> batch;
      batch.swap(buffer_);  // EXPECT: concurrency-unguarded-field
      UploadBatch(batch);
      absl::MutexLock lock(&mu_);
      upload_pending_ = false;
    });
  }

  Executor* const executor_;
  absl::Mutex mu_;
  std::vector<std::string> buffer_ ABSL_GUARDED_BY(mu_);
  bool upload_pending_ ABSL_GUARDED_BY(mu_) = false;
};

inline void UploadBatch(const std::vector<std::string>& lines) { (void)lines; }

}  // namespace logging
