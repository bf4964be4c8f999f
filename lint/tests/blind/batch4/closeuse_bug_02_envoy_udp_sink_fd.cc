// UDP statsd sink. Worker threads flush their stats through send(); the
// main thread calls shutdown() when the listener is drained.

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>

#include "mock/envoy_thread.h"

namespace Envoy {
namespace Stats {

class UdpStatsdSink {
 public:
  UdpStatsdSink(int fd, const sockaddr_in& destination)
      : fd_(fd), destination_(destination) {}

  ~UdpStatsdSink() { shutdown(); }

  // Any worker thread.
  bool send(const std::string& datagram) {
    Thread::LockGuard lock(write_lock_);
    if (fd_ < 0) {  // EXPECT: concurrency-use-after-close
      return false;
    }
    const ssize_t rc = ::sendto(fd_, datagram.data(), datagram.size(), 0,
                                reinterpret_cast<const sockaddr*>(&destination_),
                                sizeof(destination_));
    if (rc < 0) {
      ++send_errors_;
      return false;
    }
    bytes_sent_ += static_cast<uint64_t>(rc);
    return true;
  }

  // Main thread.
  void shutdown() {
    {
      Thread::LockGuard lock(state_lock_);
      if (shut_down_) {
        return;
      }
      shut_down_ = true;
    }
    ::close(fd_);
    fd_ = -1;
  }

  uint64_t bytesSent() {
    Thread::LockGuard lock(write_lock_);
    return bytes_sent_;
  }

 private:
  int fd_;
  const sockaddr_in destination_;
  // Serializes datagrams on the socket.
  Thread::MutexBasicLockable write_lock_;
  Thread::MutexBasicLockable state_lock_;
  bool shut_down_ ABSL_GUARDED_BY(state_lock_){false};
  uint64_t bytes_sent_ ABSL_GUARDED_BY(write_lock_){0};
  uint64_t send_errors_ ABSL_GUARDED_BY(write_lock_){0};
};

// Drain sequence of the admin listener.
void onListenerDrained(UdpStatsdSink& sink) {
  ENVOY_LOG_MISC(info, "listener drained, closing statsd sink");
  sink.shutdown();
}

}  // namespace Stats
}  // namespace Envoy
