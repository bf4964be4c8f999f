// Access-log buffer in the style of Envoy's access log file writer: log
// lines are appended under the lock and flushed to the file by the flush
// thread.
#include <cstdint>
#include <string>
#include <vector>

#include "envoy_thread.h"

namespace Envoy {
namespace AccessLog {

class LogSink {
public:
  virtual ~LogSink() = default;
  virtual void write(const std::vector<std::string>& lines) = 0;
};

class BufferedAccessLog {
public:
  BufferedAccessLog(LogSink& sink, size_t max_buffered) : sink_(sink), max_buffered_(max_buffered) {}

  void append(std::string line) {
    Thread::LockGuard lock(mutex_);
    buffer_.push_back(std::move(line));
    if (buffer_.size() > max_buffered_) {
      Thread::LockGuard overflow_lock(mutex_);  // EXPECT: concurrency-lock-balance
      buffer_.erase(buffer_.begin());
      ++dropped_;
    }
  }

  void flush() {
    mutex_.lock();
    std::vector<std::string> lines;
    lines.swap(buffer_);
    ++flushes_;
    mutex_.unlock();

    sink_.write(lines);
    mutex_.unlock();  // EXPECT: concurrency-lock-balance
  }

  uint64_t dropped() {
    Thread::LockGuard lock(mutex_);
    return dropped_;
  }

private:
  LogSink& sink_;
  const size_t max_buffered_;
  Thread::MutexBasicLockable mutex_;
  std::vector<std::string> buffer_;
  uint64_t dropped_{0};
  uint64_t flushes_{0};
};

} // namespace AccessLog
} // namespace Envoy
