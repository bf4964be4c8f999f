#include "examples/journal/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace examples {

Journal::~Journal() { Close(); }

absl::Status Journal::Open(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    return absl::InternalError(
        absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  std::lock_guard<std::mutex> lock(mu_);
  fd_ = fd;
  return absl::OkStatus();
}

absl::Status Journal::Append(const std::string& record) {
  std::lock_guard<std::mutex> lock(mu_);
  if (closed_ || fd_ < 0) return absl::FailedPreconditionError("closed");
  std::string line = record + "\n";
  if (write(fd_, line.data(), line.size()) < 0) {
    return absl::InternalError(std::strerror(errno));
  }
  return absl::OkStatus();
}

void Journal::StartSyncing(std::chrono::milliseconds interval) {
  syncer_ = std::thread([this, interval] { SyncLoop(interval); });
}

void Journal::SyncLoop(std::chrono::milliseconds interval) {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (closing_.wait_for(lock, interval, [this] { return closed_; })) return;
    }
    // BUG: fsync runs without mu_ so that appends are not blocked behind the
    // disk, but Close() may close fd_ (and the process reuse the number for
    // another file) in between. Copy the descriptor with dup() under the
    // lock, or hold the lock.
    fsync(fd_);
  }
}

void Journal::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }
  closing_.notify_all();
  if (syncer_.joinable()) syncer_.join();
}

}  // namespace examples
