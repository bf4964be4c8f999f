/*
 * udp_receiver.cc - receives metrics datagrams on a background thread. Stop()
 * wakes the thread through a self-pipe, joins it, and only then closes the
 * sockets.
 */

#include <sys/socket.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace statsd {

class UdpReceiver {
 public:
  UdpReceiver(int bound_socket_fd) : socket_fd_(bound_socket_fd) {
    int fds[2];
    if (::pipe(fds) == 0) {
      wake_read_fd_ = fds[0];
      wake_write_fd_ = fds[1];
    }
  }

  ~UdpReceiver() { Stop(); }

  void Start() {
    thread_ = std::thread([this] { Loop(); });
  }

  void Stop() {
    if (!thread_.joinable()) return;
    stopping_ = true;
    char b = 1;
    (void)::write(wake_write_fd_, &b, 1);
    thread_.join();
    ::close(socket_fd_);
    socket_fd_ = -1;
    ::close(wake_read_fd_);
    ::close(wake_write_fd_);
    wake_read_fd_ = wake_write_fd_ = -1;
  }

  std::vector<std::string> TakePackets() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> out;
    out.swap(packets_);
    return out;
  }

 private:
  void Loop() {
    char buf[1500];
    while (!stopping_) {
      pollfd fds[2] = {{socket_fd_, POLLIN, 0}, {wake_read_fd_, POLLIN, 0}};
      if (::poll(fds, 2, -1) <= 0 || (fds[1].revents & POLLIN)) continue;
      ssize_t n = ::recv(socket_fd_, buf, sizeof(buf), 0);
      if (n <= 0) continue;
      std::lock_guard<std::mutex> lock(mu_);
      packets_.emplace_back(buf, static_cast<size_t>(n));
    }
  }

  int socket_fd_;
  int wake_read_fd_ = -1;
  int wake_write_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  std::mutex mu_;
  std::vector<std::string> packets_;
};

}  // namespace statsd
