// Periodic fsync of a journal file. The syncer thread uses the descriptor
// without the lock, which is safe because Stop() joins the syncer before it
// closes the descriptor.

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "mock/journal_metrics.h"

namespace journal {

class JournalSyncer {
 public:
  bool Start(const std::string& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) return false;
    syncer_ = std::thread(&JournalSyncer::SyncLoop, this);
    return true;
  }

  void MarkDirty() { dirty_.store(true, std::memory_order_release); }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (syncer_.joinable()) syncer_.join();
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }

  ~JournalSyncer() { Stop(); }

 private:
  void SyncLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stopping_) {
      cv_.wait_for(lock, std::chrono::milliseconds(50));
      if (dirty_.exchange(false, std::memory_order_acq_rel)) {
        lock.unlock();
        const auto start = std::chrono::steady_clock::now();
        ::fdatasync(fd_);
        RecordSyncLatencyUs(std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count());
        lock.lock();
      }
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::atomic<bool> dirty_{false};
  int fd_ = -1;
  std::thread syncer_;
};

}  // namespace journal
