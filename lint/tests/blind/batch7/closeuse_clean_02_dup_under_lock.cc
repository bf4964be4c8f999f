// Segment file of a message broker's commit log. Appends hold the lock
// around the write; the flusher takes a dup() of the descriptor under the
// lock and syncs the duplicate outside it, so a concurrent Close() cannot
// pull the descriptor away (the fix the use-after-close page describes).

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <mutex>
#include <string>

#include "mock/thrift_concurrency.h"

namespace broker {

class LogSegment {
 public:
  bool Open(const std::string& path) {
    apache::thrift::concurrency::Guard g(mutex_);
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    closed_ = fd_ < 0;
    return !closed_;
  }

  int Append(const std::string& record) {
    apache::thrift::concurrency::Guard g(mutex_);
    if (closed_) return EBADF;
    const ssize_t n = ::write(fd_, record.data(), record.size());
    if (n < 0) return errno;
    size_ += static_cast<uint64_t>(n);
    return 0;
  }

  int Flush() {
    int fd;
    {
      apache::thrift::concurrency::Guard g(mutex_);
      if (closed_) return EBADF;
      fd = ::dup(fd_);
    }
    if (fd < 0) return errno;
    const int rc = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return rc;
  }

  void Close() {
    apache::thrift::concurrency::Guard g(mutex_);
    if (closed_) return;
    closed_ = true;
    ::close(fd_);
    fd_ = -1;
  }

  uint64_t size() const {
    apache::thrift::concurrency::Guard g(mutex_);
    return size_;
  }

 private:
  apache::thrift::concurrency::Mutex mutex_;
  int fd_ = -1;
  bool closed_ = true;
  uint64_t size_ = 0;
};

}  // namespace broker
