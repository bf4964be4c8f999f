// Segment file: the background syncer takes a dup() of the descriptor while
// holding mu_ and fsyncs its own copy; Close() closes the original under the
// same lock. Every touch of fd_ holds mu_.
#include <fcntl.h>
#include <unistd.h>

#include <mutex>
#include <string>

namespace segment {

class SegmentFile {
 public:
  explicit SegmentFile(const std::string& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT, 0644)) {}

  // Runs on the background syncer thread.
  bool Sync() {
    int fd;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closed_) return false;
      fd = ::dup(fd_);
    }
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
  }

  ssize_t Append(const std::string& data) {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return -1;
    return ::write(fd_, data.data(), data.size());
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    ::close(fd_);
    fd_ = -1;
  }

 private:
  std::mutex mu_;
  int fd_;
  bool closed_ = false;
};

}  // namespace segment
