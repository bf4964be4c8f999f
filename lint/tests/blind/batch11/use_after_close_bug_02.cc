// Redo journal for a storage engine: appenders write under the lock, a
// background syncer (owned by the engine) calls SyncOnce() periodically,
// and Close() is called on shutdown.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <mutex>
#include <string>

namespace engine {

class RedoJournal {
 public:
  bool Open(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    return fd_ >= 0;
  }

  bool Append(const std::string& record) {
    std::lock_guard<std::mutex> lock(mu_);
    if (fd_ < 0) return false;
    ssize_t n = ::write(fd_, record.data(), record.size());
    if (n != static_cast<ssize_t>(record.size())) return false;
    appended_bytes_ += record.size();
    return true;
  }

  // Called by the engine's syncer thread every 10 ms.
  int SyncOnce() {
    if (::fdatasync(fd_) != 0) return errno;  // EXPECT: concurrency-use-after-close
    synced_.store(true, std::memory_order_release);
    return 0;
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }

  uint64_t appended_bytes() {
    std::lock_guard<std::mutex> lock(mu_);
    return appended_bytes_;
  }

 private:
  std::mutex mu_;
  int fd_ = -1;
  uint64_t appended_bytes_ = 0;
  std::atomic<bool> synced_{false};
};

}  // namespace engine
