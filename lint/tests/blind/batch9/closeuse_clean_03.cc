// A checkpoint store: the background syncer makes checkpoints durable while
// the owner may close the store at any time. The data descriptor is an
// atomic closed with exchange(-1) (writers hold a shared lock that Close()
// takes exclusively, and is_open() peeks without any lock); the syncer works
// on a dup() taken under the lock, so a concurrent close cannot pull the
// descriptor from under it.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace checkpoint {

struct Status {
  int err = 0;
  bool ok() const { return err == 0; }
};

class CheckpointStore {
 public:
  ~CheckpointStore() { Close(); }

  Status Open(const std::string& dir) {
    const std::string data = dir + "/checkpoint.data";
    const std::string index = dir + "/checkpoint.index";
    int dfd = ::open(data.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (dfd < 0) return Status{errno};
    int ifd = ::open(index.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (ifd < 0) {
      ::close(dfd);
      return Status{errno};
    }
    data_fd_.store(dfd, std::memory_order_release);
    std::lock_guard<std::mutex> lock(mu_);
    index_fd_ = ifd;
    return Status{};
  }

  // Writer thread.
  Status Write(const void* buf, size_t len, uint64_t offset) {
    std::shared_lock<std::shared_mutex> writing(data_rw_);
    const int fd = data_fd_.load(std::memory_order_acquire);
    if (fd < 0) return Status{EBADF};
    if (::pwrite(fd, buf, len, static_cast<off_t>(offset)) != static_cast<ssize_t>(len)) {
      return Status{errno};
    }
    return Status{};
  }

  // Background syncer: fsync the index through a private duplicate.
  Status SyncIndex() {
    int fd;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (closed_) return Status{};
      fd = ::dup(index_fd_);
    }
    if (fd < 0) return Status{errno};
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    ++syncs_;
    return rc == 0 ? Status{} : Status{saved};
  }

  // Cheap status check for the admin page; never used for I/O.
  bool is_open() const { return data_fd_.load(std::memory_order_acquire) >= 0; }

  void Close() {
    {
      std::unique_lock<std::shared_mutex> no_writers(data_rw_);
      const int dfd = data_fd_.exchange(-1, std::memory_order_acq_rel);
      if (dfd >= 0) ::close(dfd);
    }
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    if (index_fd_ >= 0) ::close(index_fd_);
    index_fd_ = -1;
  }

  uint64_t syncs() const { return syncs_.load(); }

 private:
  std::shared_mutex data_rw_;
  std::atomic<int> data_fd_{-1};
  std::mutex mu_;
  int index_fd_ = -1;
  bool closed_ = false;
  std::atomic<uint64_t> syncs_{0};
};

// Writes a checkpoint as a header followed by the payload.
Status WriteCheckpoint(CheckpointStore* store, uint64_t epoch, const std::string& payload) {
  char header[16];
  std::memcpy(header, &epoch, sizeof(epoch));
  const uint64_t len = payload.size();
  std::memcpy(header + 8, &len, sizeof(len));
  Status s = store->Write(header, sizeof(header), 0);
  if (!s.ok()) return s;
  s = store->Write(payload.data(), payload.size(), sizeof(header));
  if (!s.ok()) return s;
  return store->SyncIndex();
}

}  // namespace checkpoint
