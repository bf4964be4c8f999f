// A TCP acceptor thread in the style of a small event-driven server: the
// accept loop blocks in accept(2) on the listening socket; Shutdown() closes
// the socket to kick the loop out, then joins it. Between the close and the
// join the loop may call accept() on a descriptor number that a new
// socket() elsewhere has already reused.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

class Acceptor {
 public:
  explicit Acceptor(std::function<void(int)> on_connection)
      : on_connection_(std::move(on_connection)) {}

  ~Acceptor() { Shutdown(); }

  bool Listen(int backlog) {
    std::lock_guard<std::mutex> lock(mu_);
    listen_socket_ = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_socket_ < 0) return false;
    sockaddr_in6 addr = {};
    addr.sin6_family = AF_INET6;
    addr.sin6_addr = in6addr_any;
    addr.sin6_port = 0;
    if (::bind(listen_socket_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) return false;
    if (::listen(listen_socket_, backlog) != 0) return false;
    running_.store(true);
    accept_thread_ = std::thread([this] { AcceptLoop(); });
    return true;
  }

  void Shutdown() {
    running_.store(false);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (listen_socket_ >= 0) {
        ::close(listen_socket_);
        listen_socket_ = -1;
      }
    }
    if (accept_thread_.joinable()) accept_thread_.join();
  }

 private:
  void AcceptLoop() {
    while (running_.load()) {
      int fd = ::accept4(listen_socket_, nullptr, nullptr, SOCK_CLOEXEC);  // EXPECT: concurrency-use-after-close
      if (fd < 0) continue;
      on_connection_(fd);
    }
  }

  const std::function<void(int)> on_connection_;
  std::mutex mu_;
  int listen_socket_ = -1;
  std::atomic<bool> running_{false};
  std::thread accept_thread_;
};
