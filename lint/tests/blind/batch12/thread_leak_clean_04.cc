// Ported from org.example.io.LogFlusher (Java): a daemon-like thread that
// flushes buffered log lines every second or as soon as the buffer fills.
// close() replaces Java's interrupt(): it sets the flag the thread waits on,
// wakes it and joins it. The destructor calls close().

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace org::example::io {

class LineSink {
 public:
  virtual ~LineSink() = default;
  virtual void writeLines(const std::vector<std::string>& lines) = 0;
};

class LogFlusher {
 public:
  LogFlusher(LineSink& sink, size_t maxBuffered) : sink_(sink), maxBuffered_(maxBuffered) {
    thread_ = std::thread([this] { run(); });
  }

  ~LogFlusher() { close(); }

  void append(std::string line) {
    std::lock_guard<std::mutex> lock(mu_);
    buffer_.push_back(std::move(line));
    if (buffer_.size() >= maxBuffered_) cv_.notify_one();
  }

  void close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closed_) return;
      closed_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!closed_) {
      cv_.wait_for(lock, std::chrono::seconds(1),
                   [this] { return closed_ || buffer_.size() >= maxBuffered_; });
      flushLocked(lock);
    }
    flushLocked(lock);
  }

  void flushLocked(std::unique_lock<std::mutex>& lock) {
    if (buffer_.empty()) return;
    std::vector<std::string> batch;
    batch.swap(buffer_);
    lock.unlock();
    sink_.writeLines(batch);
    lock.lock();
  }

  LineSink& sink_;
  const size_t maxBuffered_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> buffer_;
  bool closed_ = false;
  std::thread thread_;
};

}  // namespace org::example::io
