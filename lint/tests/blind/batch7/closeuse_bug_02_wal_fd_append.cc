// Write-ahead log appender of an embedded key-value store. Append() checks
// the closed flag under the lock but does the write(2) outside it so that
// appenders do not serialize on the syscall; Close() can run in between.

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <mutex>
#include <string>

#include "mock/kv_record.h"

namespace kvstore {

class WalAppender {
 public:
  bool Open(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    closed_ = fd_ < 0;
    return !closed_;
  }

  // Returns 0 or an errno value.
  int Append(const WalRecord& entry) {
    const std::string record = EncodeWalRecord(entry);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closed_) return EBADF;
      bytes_appended_ += record.size();
    }
    const ssize_t n = ::write(fd_, record.data(), record.size());  // EXPECT: concurrency-use-after-close
    if (n < 0) return errno;
    return static_cast<size_t>(n) == record.size() ? 0 : EIO;
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    ::close(fd_);
    fd_ = -1;
  }

  uint64_t bytes_appended() {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_appended_;
  }

 private:
  std::mutex mu_;
  int fd_ = -1;
  bool closed_ = true;
  uint64_t bytes_appended_ = 0;
};

}  // namespace kvstore
