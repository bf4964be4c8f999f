// Ceph-style admin socket client connection: the reply writer and the
// shutdown path both hold conn_lock, so the descriptor is never written
// after it has been closed; the writer checks for a closed connection
// under the same lock.
#include <unistd.h>

#include <string>

#include "mock/ceph_mutex.h"

class AdminSocketConnection {
 public:
  explicit AdminSocketConnection(int fd) : fd_(fd) {}
  ~AdminSocketConnection() {
    if (fd_ >= 0) ::close(fd_);
  }

  // Command worker thread.
  int send_reply(const bufferlist& out) {
    std::lock_guard l{conn_lock};
    if (closed) return -32;  // -EPIPE
    ssize_t r = ::write(fd_, out.c_str(), out.length());
    if (r < 0) return -5;  // -EIO
    bytes_sent += static_cast<uint64_t>(r);
    return 0;
  }

  // Admin socket's accept thread, when the daemon shuts down.
  void shutdown() {
    std::lock_guard l{conn_lock};
    if (closed) return;
    closed = true;
    ::close(fd_);
    fd_ = -1;
  }

  uint64_t get_bytes_sent() {
    std::lock_guard l{conn_lock};
    return bytes_sent;
  }

  bool is_closed() {
    std::lock_guard l{conn_lock};
    return closed;
  }

 private:
  ceph::mutex conn_lock = ceph::make_mutex("AdminSocketConnection::conn_lock");
  int fd_;
  bool closed = false;
  uint64_t bytes_sent = 0;
};

int reply_twice(AdminSocketConnection* conn, const std::string& text) {
  bufferlist bl;
  bl.append(text);
  int r = conn->send_reply(bl);
  if (r < 0) return r;
  return conn->send_reply(bl);
}
