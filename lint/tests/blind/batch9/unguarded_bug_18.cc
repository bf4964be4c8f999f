// A cron-like job scheduler: jobs are registered with a period, a dispatcher
// thread starts them when due, and the admin API can cancel or inspect them.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace sched {

using Clock = std::chrono::steady_clock;
using JobId = uint64_t;

enum class JobState { kIdle, kRunning, kCancelled };

struct Job {
  std::string name;
  std::chrono::milliseconds period;
  Clock::time_point next_run;
  JobState state = JobState::kIdle;
  std::function<void()> body;
  uint64_t runs = 0;
  bool cancelled = false;
};

class JobScheduler {
 public:
  JobScheduler() = default;
  ~JobScheduler() { Stop(); }

  void Start() {
    std::lock_guard<std::mutex> lock(mu_);
    if (dispatcher_.joinable()) return;
    dispatcher_ = std::thread(&JobScheduler::DispatchLoop, this);
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (dispatcher_.joinable()) dispatcher_.join();
  }

  JobId Add(std::string name, std::chrono::milliseconds period, std::function<void()> body) {
    std::lock_guard<std::mutex> lock(mu_);
    const JobId id = next_id_++;
    Job& job = jobs_[id];
    job.name = std::move(name);
    job.period = period;
    job.next_run = Clock::now() + period;
    job.body = std::move(body);
    cv_.notify_all();
    return id;
  }

  // Admin API: look a job up by id.
  Job* FindJob(JobId id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = jobs_.find(id);
    if (it == jobs_.end()) return nullptr;
    return &it->second;  // EXPECT: concurrency-unguarded-field
  }

  bool Cancel(JobId id) {
    Job* job = FindJob(id);
    if (job == nullptr) return false;
    job->cancelled = true;
    std::cerr << "cancelled job " << job->name << "\n";
    return true;
  }

  std::vector<std::string> JobNames() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> names;
    for (const auto& [id, job] : jobs_) names.push_back(job.name);
    return names;
  }

 private:
  void DispatchLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stopping_) {
      Clock::time_point next = Clock::time_point::max();
      std::vector<std::function<void()>> due;
      const Clock::time_point now = Clock::now();
      for (auto& [id, job] : jobs_) {
        if (job.cancelled) continue;
        if (job.next_run <= now) {
          due.push_back(job.body);
          job.next_run = now + job.period;
          ++job.runs;
        }
        if (job.next_run < next) next = job.next_run;
      }
      if (!due.empty()) {
        lock.unlock();
        for (auto& body : due) body();
        lock.lock();
        continue;
      }
      if (next == Clock::time_point::max()) {
        cv_.wait(lock);
      } else {
        cv_.wait_until(lock, next);
      }
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::map<JobId, Job> jobs_;
  JobId next_id_ = 1;
  bool stopping_ = false;
  std::thread dispatcher_;
};

void RegisterDefaultJobs(JobScheduler& scheduler) {
  scheduler.Add("compact-logs", std::chrono::minutes(10), [] { std::cerr << "compacting\n"; });
  scheduler.Add("refresh-dns", std::chrono::seconds(30), [] { std::cerr << "refreshing\n"; });
}

}  // namespace sched
