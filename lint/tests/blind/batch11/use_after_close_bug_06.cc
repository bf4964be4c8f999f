// Admin listener in the style of Envoy's admin server: the accept loop
// runs on the admin thread, the listen socket is closed when the server is
// asked to stop listening.
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "envoy_thread.h"

namespace Envoy {
namespace Server {

class AdminListener {
public:
  explicit AdminListener(int listen_socket) : listen_socket_(listen_socket) {}

  // Admin thread loop body.
  int acceptOne() {
    int fd = ::accept(listen_socket_, nullptr, nullptr);  // EXPECT: concurrency-use-after-close
    if (fd < 0) return -1;
    Thread::LockGuard lock(mutex_);
    ++accepted_;
    return fd;
  }

  void stopListening() {
    Thread::LockGuard lock(mutex_);
    if (listen_socket_ >= 0) {
      ::close(listen_socket_);
      listen_socket_ = -1;
    }
    stopped_ = true;
  }

  bool stopped() {
    Thread::LockGuard lock(mutex_);
    return stopped_;
  }

  uint64_t accepted() {
    Thread::LockGuard lock(mutex_);
    return accepted_;
  }

private:
  Thread::MutexBasicLockable mutex_;
  int listen_socket_;
  bool stopped_ ABSL_GUARDED_BY(mutex_){false};
  uint64_t accepted_ ABSL_GUARDED_BY(mutex_){0};
};

} // namespace Server
} // namespace Envoy
