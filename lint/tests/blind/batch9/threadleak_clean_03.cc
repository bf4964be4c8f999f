// A worker pool for an image-processing service: worker threads are moved
// into the pool's vector and joined in its destructor; a watchdog thread is
// detached but stops when its atomic flag is cleared; a one-off warmup
// thread is handed back to the caller, who joins it.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

namespace imaging {

class WorkerPool {
 public:
  explicit WorkerPool(int n) {
    for (int i = 0; i < n; ++i) {
      std::thread t([this] { WorkLoop(); });
      workers_.push_back(std::move(t));
    }
  }

  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  void Submit(std::function<void()> job) {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push(std::move(job));
    cv_.notify_one();
  }

 private:
  void WorkLoop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_ && jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop();
      }
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::queue<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Logs a warning when no job has completed for a while.
class Watchdog {
 public:
  void Start() {
    running_.store(true);
    std::thread([this] {
      while (running_.load()) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        if (idle_seconds_.fetch_add(1) > 30) std::fprintf(stderr, "watchdog: no progress for 30s\n");
      }
      stopped_.store(true);
    }).detach();
  }

  void Stop() {
    running_.store(false);
    while (!stopped_.load()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  void Kick() { idle_seconds_.store(0); }

 private:
  std::atomic<bool> running_{false};
  std::atomic<bool> stopped_{false};
  std::atomic<int> idle_seconds_{0};
};

// Starts loading filter kernels in the background; the caller joins it.
std::thread StartWarmup(std::vector<int>* kernels) {
  return std::thread([kernels] {
    for (int i = 0; i < 16; ++i) kernels->push_back(i * i);
  });
}

void RunService(int workers) {
  std::vector<int> kernels;
  std::thread warmup = StartWarmup(&kernels);
  Watchdog dog;
  dog.Start();
  {
    WorkerPool pool(workers);
    for (int i = 0; i < 100; ++i) pool.Submit([&dog] { dog.Kick(); });
  }
  warmup.join();
  dog.Stop();
}

}  // namespace imaging
