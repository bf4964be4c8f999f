// Abseil-style metrics flusher: the flush thread blocks in mu_.Await until
// there is something to flush or it is asked to stop; the destructor sets
// stop_ under the mutex (which the Await condition reads) before joining.
// A second, polling thread uses a timed wait and only needs its flag.
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "mock/absl_mutex.h"

void ExportMetrics(const std::vector<std::string>& lines);

class MetricsFlusher {
 public:
  MetricsFlusher() {
    flush_thread_ = std::thread([this] { FlushLoop(); });
    poll_thread_ = std::thread([this] { PollLoop(); });
  }

  ~MetricsFlusher() {
    {
      absl::MutexLock l(&mu_);
      stop_ = true;
    }
    flush_thread_.join();
    {
      absl::MutexLock l(&poll_mu_);
      poll_stop_ = true;
    }
    poll_thread_.join();
  }

  void Record(std::string line) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    pending_.push_back(std::move(line));
  }

 private:
  bool HasWorkOrStop() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return stop_ || !pending_.empty();
  }

  void FlushLoop() ABSL_LOCKS_EXCLUDED(mu_) {
    for (;;) {
      std::vector<std::string> batch;
      {
        absl::MutexLock l(&mu_);
        mu_.Await(absl::Condition(this, &MetricsFlusher::HasWorkOrStop));
        if (stop_ && pending_.empty()) return;
        batch.swap(pending_);
      }
      ExportMetrics(batch);
    }
  }

  void PollLoop() ABSL_LOCKS_EXCLUDED(poll_mu_) {
    absl::MutexLock l(&poll_mu_);
    while (!poll_stop_) {
      poll_cv_.WaitWithTimeout(&poll_mu_, std::chrono::milliseconds(500));
      ++polls_;
    }
  }

  absl::Mutex mu_;
  std::vector<std::string> pending_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;

  absl::Mutex poll_mu_;
  absl::CondVar poll_cv_;
  bool poll_stop_ ABSL_GUARDED_BY(poll_mu_) = false;
  int64_t polls_ ABSL_GUARDED_BY(poll_mu_) = 0;

  std::thread flush_thread_;
  std::thread poll_thread_;
};
