// WAL syncer that owns its thread: Stop() flips the atomic flag, wakes and
// joins the syncer, and only then closes fd_. The destructor calls Stop().
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace wal {

class WalSyncer {
 public:
  explicit WalSyncer(const std::string& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT, 0644)) {}
  ~WalSyncer() { Stop(); }

  void Start() {
    running_.store(true);
    syncer_ = std::thread(&WalSyncer::SyncLoop, this);
  }

  void Stop() {
    running_.store(false);
    wake_.notify_all();
    if (syncer_.joinable()) syncer_.join();
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }

  void RequestSync() { wake_.notify_one(); }

 private:
  void SyncLoop() {
    while (running_.load()) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        wake_.wait_for(lock, std::chrono::milliseconds(50));
      }
      ::fdatasync(fd_);
    }
  }

  int fd_;
  std::atomic<bool> running_{false};
  std::mutex mu_;
  std::condition_variable wake_;
  std::thread syncer_;
};

}  // namespace wal
