// Asynchronous file logger: callers enqueue lines, a writer thread appends
// them to the log file in batches.

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace logging {

class AsyncFileLogger {
 public:
  explicit AsyncFileLogger(const char* path) : file_(std::fopen(path, "a")) {
    if (file_ != nullptr) writer_ = std::thread(&AsyncFileLogger::WriterLoop, this);
  }

  ~AsyncFileLogger() {
    Close();
    if (writer_.joinable()) writer_.join();
  }

  void Log(std::string line) {
    std::lock_guard<std::mutex> lock(mu_);
    if (closing_) return;
    line.push_back('\n');
    queue_.push_back(std::move(line));
    cv_.notify_one();
  }

  // Stops accepting lines and releases the file.
  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closing_) return;
      closing_ = true;
    }
    cv_.notify_all();
    if (file_ != nullptr) std::fclose(file_);
  }

 private:
  void WriterLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;
      std::deque<std::string> batch;
      batch.swap(queue_);
      lock.unlock();
      for (const std::string& line : batch) {
        std::fwrite(line.data(), 1, line.size(), file_);  // EXPECT: concurrency-use-after-close
      }
      std::fflush(file_);
      lock.lock();
    }
  }

  std::FILE* file_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  bool closing_ = false;
  std::thread writer_;
};

// Installed as the process's pre-exit hook so buffered lines reach disk.
void CloseLoggerAtExit(AsyncFileLogger* logger) {
  if (logger != nullptr) logger->Close();
}

}  // namespace logging
