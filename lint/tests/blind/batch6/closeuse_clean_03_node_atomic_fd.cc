// Node.js-style diagnostic report sink: the descriptor is a std::atomic,
// swapped to -1 with exchange() so that it is closed exactly once. Writers
// load it and write under the same mutex the closer holds; the lock-free
// IsOpen() only reads the number.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <string>

#include "mock/node_mutex.h"

namespace node {
namespace report {

class ReportSink {
 public:
  explicit ReportSink(const std::string& path)
      : fd_(::open(path.c_str(), O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0600)) {}

  ~ReportSink() { Close(); }

  // Any thread: the main thread or a worker.
  bool Write(const std::string& section) {
    Mutex::ScopedLock lock(write_mutex_);
    int fd = fd_.load(std::memory_order_acquire);
    if (fd < 0) return false;
    ++sections_;
    return ::write(fd, section.data(), section.size()) == static_cast<ssize_t>(section.size());
  }

  // Lock-free, for the fatal-error path that must not block: it only
  // decides whether to bother formatting a report.
  bool IsOpen() const { return fd_.load(std::memory_order_acquire) >= 0; }

  void Close() {
    Mutex::ScopedLock lock(write_mutex_);  // Waits for an in-progress Write.
    int fd = fd_.exchange(-1, std::memory_order_acq_rel);
    if (fd >= 0) ::close(fd);
  }

  size_t sections() {
    Mutex::ScopedLock lock(write_mutex_);
    return sections_;
  }

 private:
  std::atomic<int> fd_;
  Mutex write_mutex_;
  size_t sections_ = 0;
};

}  // namespace report
}  // namespace node
