// Export worker of a reporting service. Exported files must not be
// world-readable, so the worker thread tightens the file-creation mask before
// it writes them -- for every thread of the service, not only itself.

#include <sys/stat.h>
#include <sys/types.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "mock/export_job.h"

namespace exports {

class ExportWorker {
 public:
  ExportWorker() : thread_(&ExportWorker::Run, this) {}

  ~ExportWorker() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  void Submit(ExportRequest request) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(std::move(request));
    }
    cv_.notify_one();
  }

  int completed() const { return completed_.load(std::memory_order_relaxed); }

 private:
  void Run() {
    umask(S_IRWXG | S_IRWXO);  // EXPECT: concurrency-process-global-in-test
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {
        return;
      }
      ExportRequest request = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      if (RunExport(request)) {
        completed_.fetch_add(1, std::memory_order_relaxed);
      }
      lock.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<ExportRequest> queue_;
  bool stopping_ = false;
  std::atomic<int> completed_{0};
  std::thread thread_;
};

}  // namespace exports
