// upload_queue.cpp - uploads crash reports in the background. The destructor
// tells the worker to stop, wakes it and joins it.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace crashreport {

bool UploadReport(const std::string& path);

class UploadQueue {
 public:
  UploadQueue() { worker_ = std::thread([this] { Run(); }); }

  ~UploadQueue() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  void Enqueue(std::string path) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      pending_.push_back(std::move(path));
    }
    cv_.notify_one();
  }

  int failures() {
    std::lock_guard<std::mutex> lock(mu_);
    return failures_;
  }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (stopping_ && pending_.empty()) return;
      std::string path = std::move(pending_.front());
      pending_.pop_front();
      lock.unlock();
      const bool ok = UploadReport(path);
      lock.lock();
      if (!ok) ++failures_;
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> pending_;
  bool stopping_ = false;
  int failures_ = 0;
  std::thread worker_;
};

}  // namespace crashreport
