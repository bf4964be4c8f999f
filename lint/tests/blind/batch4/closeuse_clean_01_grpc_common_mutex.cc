// Local transport endpoint over a Unix domain socket. Writes and shutdown
// both hold the endpoint mutex, so a write never sees a closed descriptor.

#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "mock/grpc_sync.h"

namespace grpc_core {

class UdsEndpoint {
 public:
  explicit UdsEndpoint(int fd) : fd_(fd) {}

  ~UdsEndpoint() {
    if (fd_ >= 0) ::close(fd_);
  }

  bool Write(const std::string& frame) {
    MutexLock lock(&mu_);
    if (fd_ < 0) return false;
    const ssize_t n = ::send(fd_, frame.data(), frame.size(), MSG_NOSIGNAL);
    if (n < 0) return false;
    bytes_written_ += static_cast<uint64_t>(n);
    return static_cast<size_t>(n) == frame.size();
  }

  void Shutdown() {
    MutexLock lock(&mu_);
    if (fd_ < 0) return;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    fd_ = -1;
  }

  bool IsOpen() {
    MutexLock lock(&mu_);
    return fd_ >= 0;
  }

  uint64_t bytes_written() {
    MutexLock lock(&mu_);
    return bytes_written_;
  }

 private:
  Mutex mu_;
  int fd_;
  uint64_t bytes_written_ = 0;
};

void ShutdownEndpoint(UdsEndpoint* endpoint) { endpoint->Shutdown(); }

}  // namespace grpc_core
