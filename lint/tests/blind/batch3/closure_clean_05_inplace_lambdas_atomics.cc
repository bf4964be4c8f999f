// Job scheduler: the sort comparator and find_if predicate run in place,
// the condition-variable predicate runs with the lock held, the pool task
// touches only atomics, a const field and a field declared ABSL_GUARDED_BY
// (which it reads under the lock).
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace jobs {

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void Execute(std::function<void()> task) = 0;
};

struct Job {
  std::string name;
  int priority = 0;
};

class JobScheduler {
 public:
  JobScheduler(Executor* executor, std::string cluster) : executor_(executor), cluster_(std::move(cluster)) {}

  void Add(Job job) {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(job));
    std::sort(jobs_.begin(), jobs_.end(), [](const Job& a, const Job& b) { return a.priority > b.priority; });
    ready_.notify_one();
  }

  bool Has(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    return std::find_if(jobs_.begin(), jobs_.end(), [&](const Job& j) { return j.name == name; }) != jobs_.end();
  }

  Job WaitForJob() {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [this] { return !jobs_.empty(); });
    Job j = jobs_.front();
    jobs_.erase(jobs_.begin());
    return j;
  }

  void ReportAsync() {
    executor_->Execute([this] {
      reports_.fetch_add(1, std::memory_order_relaxed);
      absl::MutexLock lock(&report_mu_);
      last_report_ = cluster_ + ": " + std::to_string(reports_.load());
    });
  }

  void ClearReport() {
    absl::MutexLock lock(&report_mu_);
    last_report_.clear();
  }

 private:
  Executor* const executor_;
  const std::string cluster_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::vector<Job> jobs_;
  std::atomic<int64_t> reports_{0};
  absl::Mutex report_mu_;
  std::string last_report_ ABSL_GUARDED_BY(report_mu_);
};

}  // namespace jobs
