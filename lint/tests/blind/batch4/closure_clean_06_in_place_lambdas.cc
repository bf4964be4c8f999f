// Priority scheduler for background jobs. Lambdas here are sort keys and
// wait predicates; they run on the calling thread under the caller's lock.

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace jobs {

struct Job {
  std::string name;
  int priority = 0;
  std::function<void()> run;
};

class JobScheduler {
 public:
  ~JobScheduler() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  void Start() { worker_ = std::thread(&JobScheduler::WorkLoop, this); }

  void Submit(Job job) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(job));
    std::stable_sort(queue_.begin(), queue_.end(), [this](const Job& a, const Job& b) {
      return Boost(a) > Boost(b);
    });
    cv_.notify_one();
  }

  void SetBoost(const std::string& name, int boost) {
    std::lock_guard<std::mutex> lock(mu_);
    boosts_[name] = boost;
  }

 private:
  int Boost(const Job& job) const {
    auto it = boosts_.find(job.name);
    return job.priority + (it == boosts_.end() ? 0 : it->second);
  }

  void WorkLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      Job job = std::move(queue_.front());
      queue_.erase(queue_.begin());
      lock.unlock();
      job.run();
      lock.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Job> queue_;
  std::map<std::string, int> boosts_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace jobs
