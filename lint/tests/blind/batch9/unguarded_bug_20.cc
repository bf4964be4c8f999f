// A write-ahead-log writer: callers append records under the writer's lock;
// once enough bytes are buffered the buffer is written out, with the lock
// dropped for the duration of the write so other appenders can keep going.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace wal {

struct Status {
  int code = 0;
  std::string message;
  bool ok() const { return code == 0; }
  static Status OK() { return {}; }
  static Status IOError(const std::string& what) { return {EIO, what + ": " + std::strerror(errno)}; }
};

struct Record {
  uint64_t lsn;
  std::string payload;
};

// One open segment file. Owned by WalWriter, closed when destroyed.
class SegmentFile {
 public:
  explicit SegmentFile(int fd) : fd_(fd) {}
  ~SegmentFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  SegmentFile(const SegmentFile&) = delete;
  SegmentFile& operator=(const SegmentFile&) = delete;

  Status Append(const std::string& data) {
    const char* p = data.data();
    size_t left = data.size();
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        return Status::IOError("write");
      }
      p += n;
      left -= static_cast<size_t>(n);
    }
    return Status::OK();
  }

 private:
  int fd_;
};

struct WriterStats {
  uint64_t appends = 0;
  uint64_t writes = 0;
  uint64_t bytes_written = 0;
};

class WalWriter {
 public:
  WalWriter(std::unique_ptr<SegmentFile> file, size_t write_threshold)
      : file_(std::move(file)), write_threshold_(write_threshold) {}

  Status Append(const Record& rec) {
    std::unique_lock<std::mutex> lock(mu_);
    EncodeRecord(rec, &buffer_);
    ++stats_.appends;
    last_appended_lsn_ = rec.lsn;
    if (buffer_.size() < write_threshold_) return Status::OK();
    const uint64_t lsn = last_appended_lsn_;
    size_t written = 0;
    Status s = WriteBuffered(lock, &written);
    if (!s.ok()) return s;
    durable_lsn_ = lsn;  // EXPECT: concurrency-unguarded-field
    return s;
  }

  uint64_t durable_lsn() {
    std::lock_guard<std::mutex> lock(mu_);
    return durable_lsn_;
  }

  WriterStats stats() {
    std::lock_guard<std::mutex> lock(mu_);
    return stats_;
  }

  Status Flush() {
    std::unique_lock<std::mutex> lock(mu_);
    if (buffer_.empty()) return Status::OK();
    const uint64_t lsn = last_appended_lsn_;
    size_t written = 0;
    Status s = WriteBuffered(lock, &written);
    lock.lock();
    if (s.ok() && lsn > durable_lsn_) durable_lsn_ = lsn;
    return s;
  }

 private:
  static void EncodeRecord(const Record& rec, std::string* out) {
    out->append(reinterpret_cast<const char*>(&rec.lsn), sizeof(rec.lsn));
    const uint32_t len = static_cast<uint32_t>(rec.payload.size());
    out->append(reinterpret_cast<const char*>(&len), sizeof(len));
    out->append(rec.payload);
  }

  // Takes the buffered bytes and writes them out. `lock` holds mu_ on entry;
  // it is dropped during the write and NOT re-acquired, so callers that need
  // the lock afterwards must lock again.
  Status WriteBuffered(std::unique_lock<std::mutex>& lock, size_t* written) {
    std::string data;
    data.swap(buffer_);
    ++stats_.writes;
    stats_.bytes_written += data.size();
    std::lock_guard<std::mutex> io(io_mu_);
    lock.unlock();
    *written = data.size();
    return file_->Append(data);
  }

  const std::unique_ptr<SegmentFile> file_;
  const size_t write_threshold_;

  std::mutex mu_;
  std::string buffer_;
  WriterStats stats_;
  uint64_t last_appended_lsn_ = 0;
  uint64_t durable_lsn_ = 0;

  std::mutex io_mu_;  // serializes writes to file_ once mu_ is dropped
};

std::unique_ptr<WalWriter> OpenWal(const std::string& path, size_t write_threshold) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return nullptr;
  return std::make_unique<WalWriter>(std::make_unique<SegmentFile>(fd), write_threshold);
}

}  // namespace wal
