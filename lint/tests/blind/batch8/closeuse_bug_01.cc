/*
 * wal_writer.cc - append-only write-ahead log. The storage engine's flusher
 * thread calls SyncIfDirty() every few milliseconds; Close() can come from
 * the shutdown path at any time.
 */

#include <fcntl.h>
#include <unistd.h>

#include <mutex>
#include <string>

namespace kv {

class WalWriter {
 public:
  explicit WalWriter(const std::string& path)
      : fd_(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644)) {}

  ~WalWriter() { Close(); }

  bool Append(const std::string& record) {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return false;
    ssize_t n = ::write(fd_, record.data(), record.size());
    dirty_ = true;
    return n == static_cast<ssize_t>(record.size());
  }

  // Flusher thread.
  bool SyncIfDirty() {
    bool dirty;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closed_) return false;
      dirty = dirty_;
      dirty_ = false;
    }
    // fdatasync can take milliseconds; keep appends flowing meanwhile.
    return !dirty || ::fdatasync(fd_) == 0;  // EXPECT: concurrency-use-after-close
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    ::close(fd_);
    fd_ = -1;
  }

  bool closed() {
    std::lock_guard<std::mutex> lock(mu_);
    return closed_;
  }

 private:
  std::mutex mu_;
  int fd_;
  bool closed_ = false;
  bool dirty_ = false;
};

}  // namespace kv
