// Crash reporting for a worker process supervisor. When a worker dies the
// supervisor's watcher thread builds the report from what the closures
// captured when the worker was started, so that later changes to the
// supervisor's settings do not show up in reports about older workers.

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace supervisor {

class Env {
 public:
  virtual ~Env() = default;
  virtual std::string ReadFileTail(const std::string& path, size_t bytes) = 0;
  virtual int64_t NowMicros() = 0;
};

class Supervisor {
 public:
  explicit Supervisor(Env& env) : env_(env) {}

  ~Supervisor() {
    for (auto& t : watchers_) t.join();
  }

  void SetLogPath(std::string path) {
    std::lock_guard<std::mutex> lock(mu_);
    log_path_ = std::move(path);
  }

  // Starts watching a worker; |wait_for_exit| blocks until it dies.
  void Watch(int pid, std::function<int()> wait_for_exit) {
    std::string log_path;
    {
      std::lock_guard<std::mutex> lock(mu_);
      log_path = log_path_;
      ++generation_;
    }
    std::function<std::string(int)> describe = [log_path, pid, &env = env_](int status) {
      return "worker " + std::to_string(pid) + " exited with " + std::to_string(status) +
             "; last log lines:\n" + env.ReadFileTail(log_path, 4096);
    };
    watchers_.emplace_back([describe = std::move(describe), wait_for_exit = std::move(wait_for_exit),
                            this]() mutable {
      const int status = wait_for_exit();
      Report(describe(status));
    });
  }

  std::vector<std::string> Reports() {
    std::lock_guard<std::mutex> lock(mu_);
    return reports_;
  }

 private:
  void Report(std::string text) {
    std::lock_guard<std::mutex> lock(mu_);
    reports_.push_back(std::move(text));
  }

  Env& env_;
  std::mutex mu_;
  std::string log_path_;
  uint64_t generation_ = 0;
  std::vector<std::string> reports_;
  std::vector<std::thread> watchers_;
};

}  // namespace supervisor
