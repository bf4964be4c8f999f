// Reconnecting client: after a connection drops it retries with exponential
// backoff on the io_context; the application can reset the backoff when the
// network comes back (it is told so on its own thread).

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include <boost/asio.hpp>

namespace reconnect {

class Dialer {
 public:
  virtual ~Dialer() = default;
  // Returns true when connected.
  virtual bool dial(const std::string& endpoint) = 0;
};

class Reconnector {
 public:
  Reconnector(boost::asio::io_context& io, Dialer& dialer, std::string endpoint)
      : timer_(io), dialer_(dialer), endpoint_(std::move(endpoint)) {}

  void connection_lost() { schedule(kBaseDelay); }

  // Called from the application's network-change listener.
  void reset_backoff() {
    attempts_ = 0;
  }

 private:
  static constexpr std::chrono::milliseconds kBaseDelay{100};

  void schedule(std::chrono::milliseconds delay) {
    timer_.expires_after(delay);
    timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      const int attempt = ++attempts_;  // EXPECT: concurrency-closure-captures-mutable
      if (!dialer_.dial(endpoint_)) schedule(kBaseDelay * (1 << std::min(attempt, 8)));
    });
  }

  boost::asio::steady_timer timer_;
  Dialer& dialer_;
  const std::string endpoint_;
  int attempts_ = 0;
};

// Runs the client's io_context on a background thread.
class ClientRuntime {
 public:
  ClientRuntime() : work_(boost::asio::make_work_guard(io_)) {
    thread_ = std::thread([this] { io_.run(); });
  }

  ~ClientRuntime() {
    work_.reset();
    io_.stop();
    thread_.join();
  }

  boost::asio::io_context& io() { return io_; }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread thread_;
};

}  // namespace reconnect
