// A descriptor that Close() closes under the lock while SyncLoop() syncs it
// without: one race, which concurrency-use-after-close and
// concurrency-unguarded-field (the lock is inferred) both see on line 25.
#include <unistd.h>

#include <mutex>

class Journal {
 public:
  void Append(const char* data, size_t size) {
    std::lock_guard<std::mutex> lock(mu_);
    if (fd_ >= 0) write(fd_, data, size);
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }
  void SyncLoop() {
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (fd_ < 0) return;
      }
      fsync(fd_);
    }
  }

 private:
  std::mutex mu_;
  int fd_ = -1;
};
