// Session expiry for a WebSocket gateway. Each session arms an idle timer;
// the timer handler runs on an io_context thread. Everything the handler
// touches is either fixed at construction, written before the handler is
// created, or touched only by the handlers themselves.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio.hpp>

namespace gateway {

class SessionRegistry {
 public:
  void expire(const std::string& id) {
    std::lock_guard<std::mutex> lock(mu_);
    expired_.push_back(id);
  }

  std::vector<std::string> take_expired() {
    std::lock_guard<std::mutex> lock(mu_);
    return std::exchange(expired_, {});
  }

 private:
  std::mutex mu_;
  std::vector<std::string> expired_;
};

class IdleTimer {
 public:
  IdleTimer(boost::asio::io_context& io, SessionRegistry& registry, std::string session_id,
            std::chrono::seconds idle_limit)
      : timer_(io), registry_(registry), session_id_(std::move(session_id)), idle_limit_(idle_limit) {}

  void start() {
    deadline_ = std::chrono::steady_clock::now() + idle_limit_;
    timer_.expires_after(idle_limit_);
    timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      ++expirations_;
      if (std::chrono::steady_clock::now() >= deadline_) registry_.expire(session_id_);
    });
  }

 private:
  boost::asio::steady_timer timer_;
  SessionRegistry& registry_;
  const std::string session_id_;
  const std::chrono::seconds idle_limit_;
  std::chrono::steady_clock::time_point deadline_;
  uint64_t expirations_ = 0;
};

// The gateway's io_context runs on a small pool.
class IoPool {
 public:
  explicit IoPool(size_t n) {
    for (size_t i = 0; i < n; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  ~IoPool() {
    io_.stop();
    for (auto& t : threads_) t.join();
  }
  boost::asio::io_context& io() { return io_; }

 private:
  boost::asio::io_context io_;
  std::vector<std::thread> threads_;
};

}  // namespace gateway
