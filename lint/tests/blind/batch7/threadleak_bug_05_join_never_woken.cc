// Crash report uploader of a desktop client: reports are queued by the crash
// handler of the next start and uploaded by a background thread. The
// destructor clears running_ and joins, but the uploader sleeps on the
// condition variable until the queue is non-empty and nobody wakes it.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "mock/crash_upload.h"

namespace crashpad_lite {

class ReportUploader {
 public:
  ReportUploader() : uploader_([this] { Run(); }) {}

  ~ReportUploader() {
    running_.store(false);
    uploader_.join();  // EXPECT: concurrency-thread-leak
  }

  void Enqueue(std::string report_path) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      pending_.push_back(std::move(report_path));
    }
    cv_.notify_one();
  }

 private:
  void Run() {
    while (running_.load()) {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return !pending_.empty(); });
      std::string report = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      UploadReport(report);
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> pending_;
  std::atomic<bool> running_{true};
  std::thread uploader_;
};

}  // namespace crashpad_lite
