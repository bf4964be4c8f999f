// Compaction worker for the time-series store. The owner calls Stop() before
// destroying it; the destructor calls Stop() as well, which sets the flag the
// worker's wait predicate reads, wakes it and joins it.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace tsdb {

enum class CompactionLevel { kL0, kL1, kL2 };

struct CompactionJob {
  std::string series;
  CompactionLevel level = CompactionLevel::kL0;
  int64_t min_ts = 0;
  int64_t max_ts = 0;
};

class CompactionWorker {
 public:
  CompactionWorker() : thread_([this] { Run(); }) {}
  ~CompactionWorker() { Stop(); }

  void Submit(CompactionJob job) {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    jobs_.push_back(std::move(job));
    cv_.notify_one();
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  uint64_t compacted() {
    std::lock_guard<std::mutex> lock(mu_);
    return compacted_;
  }

 private:
  void Run() {
    for (;;) {
      CompactionJob job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Compact(job);
      std::lock_guard<std::mutex> lock(mu_);
      ++compacted_;
    }
  }

  static void Compact(const CompactionJob& job) {
    volatile int64_t span = job.max_ts - job.min_ts;
    (void)span;
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<CompactionJob> jobs_;
  bool stopping_ = false;
  uint64_t compacted_ = 0;
  std::thread thread_;  // declared last so the state above exists before it runs
};

class CompactionPlanner {
 public:
  explicit CompactionPlanner(CompactionWorker& worker) : worker_(worker) {}

  void PlanFor(const std::string& series, int64_t now) {
    worker_.Submit({series, CompactionLevel::kL0, now - 3600, now});
    if (++planned_ % 10 == 0) worker_.Submit({series, CompactionLevel::kL1, now - 86400, now});
  }

 private:
  CompactionWorker& worker_;
  uint64_t planned_ = 0;
};

}  // namespace tsdb
