// A write-ahead journal whose syncer thread fsyncs a dup() of the
// descriptor taken under the lock, so Close() can close the original at
// any time: the syncer's copy stays valid until it closes it itself.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

class Journal {
 public:
  explicit Journal(const std::string& path)
      : fd_(::open(path.c_str(), O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0644)) {
    syncer_ = std::thread([this] { SyncLoop(); });
  }

  ~Journal() {
    Close();
    syncer_.join();
  }

  bool Append(const std::string& record) {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return false;
    dirty_ = true;
    cv_.notify_one();
    return ::write(fd_, record.data(), record.size()) == static_cast<ssize_t>(record.size());
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    ::close(fd_);
    fd_ = -1;
    cv_.notify_all();
  }

 private:
  void SyncLoop() {
    for (;;) {
      int fd;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return closed_ || dirty_; });
        if (closed_) return;
        dirty_ = false;
        fd = ::dup(fd_);
      }
      if (fd < 0) continue;
      ::fsync(fd);
      ::close(fd);
      syncs_.fetch_add(1, std::memory_order_relaxed);
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  int fd_;
  bool closed_ = false;
  bool dirty_ = false;
  std::atomic<uint64_t> syncs_{0};
  std::thread syncer_;
};
