// Single-slot handoff of an accepted connection from the acceptor thread to
// the session thread. Whoever exchanges the descriptor out of the slot owns
// it: the session thread serves and closes it, Cancel() just closes it.

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace acceptor {

void ServeConnection(int fd);

class ConnectionSlot {
 public:
  ~ConnectionSlot() { Cancel(); }

  // Acceptor thread. Returns false if the previous connection was not yet
  // picked up; the caller then closes |fd| itself.
  bool Offer(int fd) {
    int expected = -1;
    return pending_fd_.compare_exchange_strong(expected, fd, std::memory_order_acq_rel);
  }

  // Session thread.
  bool ServeNext() {
    const int fd = pending_fd_.exchange(-1, std::memory_order_acq_rel);
    if (fd < 0) return false;
    ServeConnection(fd);
    ::close(fd);
    return true;
  }

  // Any thread, e.g. when the listener is being torn down.
  void Cancel() {
    const int fd = pending_fd_.exchange(-1, std::memory_order_acq_rel);
    if (fd >= 0) {
      ::shutdown(fd, SHUT_RDWR);
      ::close(fd);
    }
  }

  bool HasPending() const { return pending_fd_.load(std::memory_order_acquire) >= 0; }

 private:
  std::atomic<int> pending_fd_{-1};
};

void SessionLoop(ConnectionSlot& slot, const std::atomic<bool>& stop) {
  while (!stop.load(std::memory_order_acquire)) {
    if (!slot.ServeNext()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace acceptor
