// Write-ahead journal: the syncer thread calls SyncOnce() every few
// milliseconds and writes/fsyncs fd_; Close(), called from the shutdown
// path, closes fd_ without any lock the syncer also holds.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <string>

namespace wal {

class Journal {
 public:
  explicit Journal(const std::string& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644)) {}

  void Append(const std::string& record) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_ += record;
    pending_ += '\n';
  }

  // Runs on the syncer thread.
  void SyncOnce() {
    if (closed_.load(std::memory_order_acquire)) return;
    std::string batch;
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch.swap(pending_);
    }
    if (batch.empty()) return;
    if (::write(fd_, batch.data(), batch.size()) >= 0) ::fsync(fd_);  // EXPECT: concurrency-use-after-close
  }

  void Close() {
    closed_.store(true, std::memory_order_release);
    ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
  std::mutex mu_;
  std::string pending_;
  std::atomic<bool> closed_{false};
};

}  // namespace wal
