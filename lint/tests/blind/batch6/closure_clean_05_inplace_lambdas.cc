// A priority job scheduler whose lambdas all run in place: the sort
// comparator and find_if predicate read fields under the lock held where
// they are written, the condition-variable predicate runs inside wait(),
// and the worker thread's lambda only touches the mutex-protected queue,
// atomics and const fields.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Job {
  std::string name;
  int priority;
};

class JobScheduler {
 public:
  explicit JobScheduler(int boost) : boost_(boost) {
    worker_ = std::thread([this] { Run(); });
  }

  ~JobScheduler() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    worker_.join();
  }

  void Add(Job job) {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(job));
    std::sort(jobs_.begin(), jobs_.end(), [this](const Job& a, const Job& b) {
      return Effective(a) > Effective(b);
    });
    cv_.notify_one();
  }

  bool Cancel(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = std::find_if(jobs_.begin(), jobs_.end(), [&](const Job& j) { return j.name == name; });
    if (it == jobs_.end()) return false;
    jobs_.erase(it);
    return true;
  }

  uint64_t completed() const { return completed_.load(std::memory_order_relaxed); }

 private:
  int Effective(const Job& j) const { return j.priority + (j.name.size() < 8 ? boost_ : 0); }

  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
      if (stop_) return;
      Job job = std::move(jobs_.front());
      jobs_.erase(jobs_.begin());
      lock.unlock();
      completed_.fetch_add(1, std::memory_order_relaxed);
      lock.lock();
    }
  }

  const int boost_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Job> jobs_;
  bool stop_ = false;
  std::atomic<uint64_t> completed_{0};
  std::thread worker_;
};
