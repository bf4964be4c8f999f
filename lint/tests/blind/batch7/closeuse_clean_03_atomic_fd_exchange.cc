// Wake-up pipe of an event loop: any thread may poke the loop by writing a
// byte. The descriptors are atomics and shutdown swaps them out with
// exchange(), so exactly one caller closes each; Shutdown() runs from the
// loop's owner after the poking threads have been stopped.

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

#include "mock/zmq_mutex.h"

namespace evloop {

class WakeupPipe {
 public:
  bool Init() {
    int fds[2];
    if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) return false;
    read_fd_.store(fds[0], std::memory_order_release);
    write_fd_.store(fds[1], std::memory_order_release);
    return true;
  }

  void Wake() {
    const int fd = write_fd_.load(std::memory_order_acquire);
    if (fd < 0) return;
    const char byte = 1;
    while (::write(fd, &byte, 1) < 0 && errno == EINTR) {
    }
  }

  void Drain() {
    const int fd = read_fd_.load(std::memory_order_acquire);
    if (fd < 0) return;
    char buf[64];
    while (::read(fd, buf, sizeof(buf)) > 0) {
    }
    zmq::scoped_lock_t lock(sync_);
    ++drains_;
  }

  void Shutdown() {
    const int w = write_fd_.exchange(-1, std::memory_order_acq_rel);
    if (w >= 0) ::close(w);
    const int r = read_fd_.exchange(-1, std::memory_order_acq_rel);
    if (r >= 0) ::close(r);
  }

  unsigned long drains() {
    zmq::scoped_lock_t lock(sync_);
    return drains_;
  }

 private:
  std::atomic<int> read_fd_{-1};
  std::atomic<int> write_fd_{-1};
  zmq::mutex_t sync_;
  unsigned long drains_ = 0;
};

}  // namespace evloop
