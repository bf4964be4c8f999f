// Metrics socket: the descriptor is a std::atomic<int>; Close() takes it
// with exchange(-1) so only one caller closes it, and senders load it
// atomically.
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>

namespace statsd {

class StatsdSocket {
 public:
  explicit StatsdSocket(int fd) : fd_(fd) {}

  bool SendMetric(const std::string& line) {
    const int fd = fd_.load(std::memory_order_acquire);
    if (fd < 0) return false;
    return ::send(fd, line.data(), line.size(), MSG_DONTWAIT) == static_cast<ssize_t>(line.size());
  }

  void Close() {
    const int fd = fd_.exchange(-1, std::memory_order_acq_rel);
    if (fd >= 0) ::close(fd);
  }

  bool closed() const { return fd_.load() < 0; }

 private:
  std::atomic<int> fd_;
};

}  // namespace statsd
