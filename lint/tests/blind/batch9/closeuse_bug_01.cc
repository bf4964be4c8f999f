// A WAL segment: committers append records under the segment's mutex and
// then call Sync() to make their commit durable; the segment roller closes
// the segment when it is full and a new one takes over.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>

namespace wal {

enum class SegmentState { kOpen, kSealed, kClosed };

struct Status {
  int err = 0;
  std::string what;
  bool ok() const { return err == 0; }
};

inline Status ErrnoStatus(const char* op) { return Status{errno, std::string(op) + ": " + std::strerror(errno)}; }

class Segment {
 public:
  Segment(std::string path, uint64_t max_bytes) : path_(std::move(path)), max_bytes_(max_bytes) {}
  ~Segment() {
    if (fd_ >= 0) ::close(fd_);
  }

  Status Open() {
    std::lock_guard<std::mutex> lock(mu_);
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) return ErrnoStatus("open");
    state_ = SegmentState::kOpen;
    return Status{};
  }

  // Returns false when the segment is full and the caller must roll.
  bool Append(const std::string& record, uint64_t* offset) {
    std::lock_guard<std::mutex> lock(mu_);
    if (state_ != SegmentState::kOpen || bytes_ + record.size() > max_bytes_) return false;
    ssize_t n = ::write(fd_, record.data(), record.size());
    if (n != static_cast<ssize_t>(record.size())) return false;
    *offset = bytes_;
    bytes_ += record.size();
    return true;
  }

  // Committers call this after Append() to make their record durable.
  Status Sync() {
    if (::fdatasync(fd_) != 0) return ErrnoStatus("fdatasync");  // EXPECT: concurrency-use-after-close
    syncs_.fetch_add(1, std::memory_order_relaxed);
    return Status{};
  }

  // Recovery: cut a torn tail record off the end of the segment.
  Status TruncateTo(uint64_t len) {
    if (::ftruncate(fd_, static_cast<off_t>(len)) != 0) return ErrnoStatus("ftruncate");  // EXPECT: concurrency-use-after-close
    std::lock_guard<std::mutex> lock(mu_);
    if (len < bytes_) bytes_ = len;
    return Status{};
  }

  // Segment roller: seal and close a full segment.
  Status Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (state_ == SegmentState::kClosed) return Status{};
    state_ = SegmentState::kClosed;
    if (::close(fd_) != 0) {
      fd_ = -1;
      return ErrnoStatus("close");
    }
    fd_ = -1;
    return Status{};
  }

  uint64_t bytes() {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_;
  }

  const std::string& path() const { return path_; }
  uint64_t syncs() const { return syncs_.load(std::memory_order_relaxed); }

 private:
  const std::string path_;
  const uint64_t max_bytes_;
  std::mutex mu_;
  int fd_ = -1;
  SegmentState state_ = SegmentState::kSealed;
  uint64_t bytes_ = 0;
  std::atomic<uint64_t> syncs_{0};
};

// Commit path used by transactions.
Status CommitRecord(Segment* segment, const std::string& record) {
  uint64_t offset = 0;
  if (!segment->Append(record, &offset)) {
    return Status{ENOSPC, "segment " + segment->path() + " is full"};
  }
  return segment->Sync();
}

}  // namespace wal
