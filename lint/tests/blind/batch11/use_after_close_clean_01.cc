// Block device handle in the style of Ceph's KernelDevice: reads, writes,
// flushes and close all hold the device lock, so a close can never slip
// between a descriptor check and its use.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>

#include "ceph_common.h"

class BlockDevice {
 public:
  int open(const std::string& path) {
    std::lock_guard l{lock};
    if (fd_direct >= 0) return -EBUSY;
    fd_direct = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_direct < 0) return -errno;
    this->path = path;
    return 0;
  }

  int write(uint64_t off, const std::string& data) {
    std::lock_guard l{lock};
    if (fd_direct < 0) return -EBADF;
    ssize_t r = ::pwrite(fd_direct, data.data(), data.size(), static_cast<off_t>(off));
    if (r < 0) return -errno;
    bytes_written += static_cast<uint64_t>(r);
    return 0;
  }

  int read(uint64_t off, size_t len, std::string* out) {
    std::lock_guard l{lock};
    if (fd_direct < 0) return -EBADF;
    out->resize(len);
    ssize_t r = ::pread(fd_direct, &(*out)[0], len, static_cast<off_t>(off));
    if (r < 0) return -errno;
    out->resize(static_cast<size_t>(r));
    return 0;
  }

  int flush() {
    std::lock_guard l{lock};
    return fd_direct < 0 ? -EBADF : ::fdatasync(fd_direct);
  }

  void close() {
    std::lock_guard l{lock};
    if (fd_direct >= 0) {
      ::close(fd_direct);
      fd_direct = -1;
    }
  }

  ~BlockDevice() {
    if (fd_direct >= 0) ::close(fd_direct);
  }

 private:
  ceph::mutex lock = ceph::make_mutex("BlockDevice::lock");
  int fd_direct = -1;
  std::string path;
  uint64_t bytes_written = 0;
};
