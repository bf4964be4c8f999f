// Crash report uploader whose destructor sets the flag the uploader's wait
// predicate reads, under the lock, and notifies before joining.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "mock/crash_upload.h"


namespace crashpad_lite {

class ReportUploaderFixed {
 public:
  ReportUploaderFixed() : uploader_([this] { Run(); }) {}

  ~ReportUploaderFixed() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    uploader_.join();
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
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;  // stopping_ and nothing left to upload
      std::string report = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      UploadReport(report);
      lock.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> pending_;
  bool stopping_ = false;
  std::thread uploader_;
};

}  // namespace crashpad_lite
