// TCP acceptor: AcceptLoop() runs on the acceptor thread and blocks in
// accept() on listen_socket_; Stop(), called from the signal-handling
// thread, closes the socket and clears it. The descriptor number can be
// reused by the next socket() before accept() is re-entered.
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <utility>

namespace server {

class Acceptor {
 public:
  Acceptor(int listen_socket, std::function<void(int)> on_client)
      : listen_socket_(listen_socket), on_client_(std::move(on_client)) {}

  // Runs on the acceptor thread.
  void AcceptLoop() {
    while (!stopping_.load(std::memory_order_acquire)) {
      const int client = ::accept(listen_socket_, nullptr, nullptr);  // EXPECT: concurrency-use-after-close
      if (client < 0) continue;
      accepted_.fetch_add(1, std::memory_order_relaxed);
      on_client_(client);
    }
  }

  void Stop() {
    stopping_.store(true, std::memory_order_release);
    ::shutdown(listen_socket_, SHUT_RDWR);
    ::close(listen_socket_);
    listen_socket_ = -1;
  }

 private:
  int listen_socket_;
  std::function<void(int)> on_client_;
  std::atomic<bool> stopping_{false};
  std::atomic<long> accepted_{0};
};

}  // namespace server
