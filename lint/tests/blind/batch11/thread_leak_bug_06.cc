// Asset import worker pool in the style of an Unreal Engine editor
// subsystem: Start() spins up one worker per core, workers pull import
// jobs until the queue reports shutdown. The pool is torn down with the
// subsystem, which never joins the workers.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "unreal_core.h"

class FAssetImportPool {
 public:
  void Start(int32 NumWorkers) {
    for (int32 Index = 0; Index < NumWorkers; ++Index) {
      Workers.emplace_back([this] { WorkerMain(); });
    }
  }

  void Enqueue(std::function<void()> Job) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Jobs.push_back(std::move(Job));
    }
    JobsAvailable.notify_one();
  }

  void RequestShutdown() {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      bShuttingDown = true;
    }
    JobsAvailable.notify_all();
  }

  ~FAssetImportPool() { RequestShutdown(); }

 private:
  void WorkerMain() {
    for (;;) {
      std::function<void()> Job;
      {
        std::unique_lock<std::mutex> Lock(Mutex);
        JobsAvailable.wait(Lock, [this] { return bShuttingDown || !Jobs.empty(); });
        if (Jobs.empty()) return;
        Job = std::move(Jobs.front());
        Jobs.pop_front();
      }
      Job();
    }
  }

  std::mutex Mutex;
  std::condition_variable JobsAvailable;
  std::deque<std::function<void()>> Jobs;
  bool bShuttingDown = false;
  TArray<std::thread> Workers;  // EXPECT: concurrency-thread-leak
};
