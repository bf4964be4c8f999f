// Ready queue of a batch scheduler. Dispatcher threads block until a job is
// ready; the admission path re-sorts the queue by priority. The helpers
// named *Locked and the one documented "REQUIRES: mu_ held" are only called
// with mu_ held, and the lambdas are a sort comparator and a wait predicate,
// both run in place under the lock.

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

#include "mock/job_types.h"

namespace sched {

class ReadyQueue {
 public:
  void Admit(JobSpec job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(std::move(job));
      SortLocked();
      ++admitted_;
    }
    ready_cv_.notify_one();
  }

  std::optional<JobSpec> WaitForJob() {
    std::unique_lock<std::mutex> lock(mu_);
    ready_cv_.wait(lock, [this] { return closed_ || !jobs_.empty(); });
    if (jobs_.empty()) return std::nullopt;
    JobSpec job = std::move(jobs_.front());
    jobs_.pop_front();
    return job;
  }

  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
    }
    ready_cv_.notify_all();
  }

  // Jobs whose deadline falls before `until_ms` get `delta` extra priority.
  void BoostUrgent(int64_t until_ms, int delta) {
    std::lock_guard<std::mutex> lock(mu_);
    urgent_until_ms_ = until_ms;
    urgent_boost_ = delta;
    SortLocked();
  }

  int64_t EarliestDeadline() {
    std::lock_guard<std::mutex> lock(mu_);
    return EarliestDeadlineOf(jobs_);
  }

  uint64_t admitted() {
    std::lock_guard<std::mutex> lock(mu_);
    return admitted_;
  }

 private:
  void SortLocked() {
    std::stable_sort(jobs_.begin(), jobs_.end(), [this](const JobSpec& a, const JobSpec& b) {
      return a.priority + (a.deadline_ms < urgent_until_ms_ ? urgent_boost_ : 0) >
             b.priority + (b.deadline_ms < urgent_until_ms_ ? urgent_boost_ : 0);
    });
  }

  // REQUIRES: mu_ held.
  int64_t EarliestDeadlineOf(const std::deque<JobSpec>& jobs) {
    int64_t earliest = INT64_MAX;
    for (const JobSpec& job : jobs) earliest = std::min(earliest, job.deadline_ms);
    last_deadline_query_ = earliest;
    return earliest;
  }

  std::mutex mu_;
  std::condition_variable ready_cv_;
  std::deque<JobSpec> jobs_;
  bool closed_ = false;
  int64_t urgent_until_ms_ = 0;
  int urgent_boost_ = 0;
  int64_t last_deadline_query_ = 0;
  uint64_t admitted_ = 0;
};

}  // namespace sched
