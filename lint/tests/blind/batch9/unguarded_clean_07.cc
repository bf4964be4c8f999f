// A task event buffer in the style of Ray's core worker: task status events
// are buffered and periodically flushed to the GCS. The fields carry no
// annotations; every access holds mutex_, including those in the private
// helpers, whose every caller holds it.
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "ray/common/status.h"
#include "ray/util/logging.h"

namespace ray {
namespace worker {

enum class TaskStatus { kPendingArgs, kSubmitted, kRunning, kFinished, kFailed };

struct TaskEvent {
  std::string task_id;
  int attempt = 0;
  TaskStatus status = TaskStatus::kPendingArgs;
  int64_t timestamp_ns = 0;
};

class GcsTaskClient {
 public:
  virtual ~GcsTaskClient() = default;
  virtual Status AddTaskEvents(std::vector<TaskEvent> events) = 0;
};

class TaskEventBuffer {
 public:
  TaskEventBuffer(GcsTaskClient* gcs, size_t max_buffered) : gcs_(gcs), max_buffered_(max_buffered) {}

  void AddTaskEvent(TaskEvent event) {
    absl::MutexLock lock(&mutex_);
    buffer_.push_back(std::move(event));
    latest_status_[buffer_.back().task_id] = buffer_.back().status;
    if (buffer_.size() > max_buffered_) DropOldest(buffer_.size() - max_buffered_);
  }

  // Called from the io_service timer.
  void FlushEvents(bool forced) {
    std::vector<TaskEvent> to_send;
    {
      absl::MutexLock lock(&mutex_);
      if (!forced && buffer_.size() < 100) return;
      to_send = TakeBatch(1000);
    }
    if (to_send.empty()) return;
    const size_t n = to_send.size();
    Status s = gcs_->AddTaskEvents(std::move(to_send));
    absl::MutexLock lock(&mutex_);
    if (s.ok()) {
      num_sent_ += n;
    } else {
      RAY_LOG(WARNING) << "Failed to send " << n << " task events: " << s.ToString();
      num_dropped_ += n;
    }
  }

  std::string DebugString() {
    absl::MutexLock lock(&mutex_);
    return "buffered=" + std::to_string(buffer_.size()) + " sent=" + std::to_string(num_sent_) +
           " dropped=" + std::to_string(num_dropped_);
  }

  bool LatestStatus(const std::string& task_id, TaskStatus* out) {
    absl::MutexLock lock(&mutex_);
    auto it = latest_status_.find(task_id);
    if (it == latest_status_.end()) return false;
    *out = it->second;
    return true;
  }

  void OnJobFinished() {
    absl::MutexLock lock(&mutex_);
    DropOldest(buffer_.size());
    latest_status_.clear();
  }

 private:
  // Called with mutex_ held by every caller above.
  void DropOldest(size_t n) {
    for (size_t i = 0; i < n && !buffer_.empty(); ++i) buffer_.pop_front();
    num_dropped_ += n;
  }

  std::vector<TaskEvent> TakeBatch(size_t max) {
    std::vector<TaskEvent> out;
    while (!buffer_.empty() && out.size() < max) {
      out.push_back(std::move(buffer_.front()));
      buffer_.pop_front();
    }
    return out;
  }

  GcsTaskClient* const gcs_;
  const size_t max_buffered_;
  absl::Mutex mutex_;
  std::deque<TaskEvent> buffer_;
  absl::flat_hash_map<std::string, TaskStatus> latest_status_;
  uint64_t num_sent_ = 0;
  uint64_t num_dropped_ = 0;
};

}  // namespace worker
}  // namespace ray
