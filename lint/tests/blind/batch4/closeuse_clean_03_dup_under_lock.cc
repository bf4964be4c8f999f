// Write-ahead journal. A background syncer fsyncs the journal every few
// milliseconds; Close() may run at any time. The syncer works on its own
// duplicate of the descriptor, taken while the journal is known open.

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

namespace wal {

class Journal {
 public:
  explicit Journal(const std::string& path)
      : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644)) {}

  ~Journal() {
    Close();
    if (syncer_.joinable()) syncer_.join();
  }

  void StartSyncer() { syncer_ = std::thread([this] { SyncLoop(); }); }

  bool Append(const std::string& record) {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return false;
    return ::write(fd_, record.data(), record.size()) ==
           static_cast<ssize_t>(record.size());
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    ::close(fd_);
    fd_ = -1;
  }

 private:
  void SyncLoop() {
    while (true) {
      int fd;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (closed_) return;
        fd = ::dup(fd_);
      }
      if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
      }
      syncs_.fetch_add(1, std::memory_order_relaxed);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  std::mutex mu_;
  int fd_;
  bool closed_ = false;
  std::atomic<long> syncs_{0};
  std::thread syncer_;
};

void CloseJournalOnShutdown(Journal& journal) { journal.Close(); }

}  // namespace wal
