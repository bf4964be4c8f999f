// Write-ahead journal for the metadata store: appends go through the mutex;
// a background syncer thread fsyncs the journal every few milliseconds.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <string>

#include "boost_thread.h"
#include "task_runner.h"

namespace meta {

enum class SyncPolicy { kEveryWrite, kPeriodic, kNever };

struct JournalOptions {
  std::string path;
  SyncPolicy policy = SyncPolicy::kPeriodic;
  int period_ms = 5;
};

class Journal {
 public:
  explicit Journal(JournalOptions options) : options_(std::move(options)) {}

  ~Journal() {
    Close();
    if (syncer_.joinable()) syncer_.join();
  }

  runtime::Status Open() {
    boost::lock_guard<boost::mutex> lock(mu_);
    fd_ = ::open(options_.path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd_ < 0) return runtime::Status::kUnavailable;
    if (options_.policy == SyncPolicy::kPeriodic) {
      syncer_ = boost::thread([this] { SyncLoop(); });
    }
    return runtime::Status::kOk;
  }

  runtime::Status Append(const std::string& record) {
    boost::lock_guard<boost::mutex> lock(mu_);
    if (fd_ < 0) return runtime::Status::kUnavailable;
    ssize_t n = ::write(fd_, record.data(), record.size());
    if (n != static_cast<ssize_t>(record.size())) return runtime::Status::kInternal;
    bytes_written_ += static_cast<uint64_t>(n);
    if (options_.policy == SyncPolicy::kEveryWrite) ::fsync(fd_);
    return runtime::Status::kOk;
  }

  void Close() {
    boost::lock_guard<boost::mutex> lock(mu_);
    if (fd_ < 0) return;
    ::close(fd_);
    fd_ = -1;
    closing_.store(true);
  }

  uint64_t BytesWritten() {
    boost::lock_guard<boost::mutex> lock(mu_);
    return bytes_written_;
  }

 private:
  // Syncer thread: flushes to disk off the append path.
  void SyncLoop() {
    while (!closing_.load()) {
      boost::this_thread::sleep_for_ms(options_.period_ms);
      if (fd_ >= 0) ::fsync(fd_);  // EXPECT: concurrency-use-after-close
      ++syncs_;
    }
  }

  const JournalOptions options_;
  boost::mutex mu_;
  int fd_ = -1;
  uint64_t bytes_written_ = 0;
  std::atomic<bool> closing_{false};
  std::atomic<uint64_t> syncs_{0};
  boost::thread syncer_;
};

}  // namespace meta
