// A subprocess supervisor: the crash handler and the restart task are
// closures that run on the supervisor's watcher thread. Everything they need
// is captured by value when they are created, so later changes to the
// supervisor's fields cannot race with them.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace supervisor {

struct ProcessSpec {
  std::string binary;
  std::vector<std::string> args;
  std::string log_path;
};

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void Post(std::function<void()> fn) = 0;
};

class Supervisor {
 public:
  Supervisor(Executor* executor, ProcessSpec spec) : executor_(executor), spec_(std::move(spec)) {}

  // Installs the crash message and schedules the first start.
  void Arm() {
    crash_message_ = [binary = spec_.binary, log = spec_.log_path](int status) {
      return binary + " exited with status " + std::to_string(status) + "; log: " + log;
    };
    ScheduleStart(0);
  }

  // Control thread: a new spec applies from the next restart on.
  void UpdateSpec(ProcessSpec spec) {
    std::lock_guard<std::mutex> lock(mu_);
    spec_ = std::move(spec);
  }

  void OnExit(int status) {
    std::string message = crash_message_ ? crash_message_(status) : "process exited";
    std::cerr << message << "\n";
    int restarts;
    {
      std::lock_guard<std::mutex> lock(mu_);
      restarts = ++restarts_;
    }
    ScheduleStart(restarts);
  }

  int restarts() {
    std::lock_guard<std::mutex> lock(mu_);
    return restarts_;
  }

 private:
  void ScheduleStart(int attempt) {
    ProcessSpec spec;
    {
      std::lock_guard<std::mutex> lock(mu_);
      spec = spec_;
    }
    const auto delay = std::chrono::milliseconds(100 * (attempt + 1));
    executor_->Post([spec = std::move(spec), delay, attempt]() mutable {
      std::this_thread::sleep_for(delay);
      spec.args.push_back("--attempt=" + std::to_string(attempt));
      std::cerr << "starting " << spec.binary << " with " << spec.args.size() << " args\n";
    });
  }

  Executor* const executor_;
  std::function<std::string(int)> crash_message_;  // set by Arm() before any exit is reported

  std::mutex mu_;
  ProcessSpec spec_;
  int restarts_ = 0;
};

// A tiny single-thread executor used by the daemon.
class ThreadExecutor : public Executor {
 public:
  ThreadExecutor() : thread_([this] { Loop(); }) {}
  ~ThreadExecutor() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  void Post(std::function<void()> fn) override {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_.push_back(std::move(fn));
    cv_.notify_one();
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return done_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      std::function<void()> fn = std::move(tasks_.front());
      tasks_.erase(tasks_.begin());
      lock.unlock();
      fn();
      lock.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::function<void()>> tasks_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace supervisor
