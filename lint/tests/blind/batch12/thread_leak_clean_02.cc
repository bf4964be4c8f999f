// Metrics push client: owns an io_context and the thread that runs it.
// The application calls Stop() during shutdown, before the client is
// destroyed; Stop() stops the context and joins the thread.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>

namespace metrics_push {

class Sender {
 public:
  virtual ~Sender() = default;
  virtual void send(const std::string& payload) = 0;
};

class PushClient {
 public:
  PushClient(Sender& sender, std::chrono::seconds interval)
      : sender_(sender), interval_(interval), timer_(io_) {}

  void Start() {
    arm();
    io_thread_ = std::thread([this] { io_.run(); });
  }

  void Stop() {
    io_.stop();
    if (io_thread_.joinable()) io_thread_.join();
  }

  void Record(const std::string& line) {
    std::lock_guard<std::mutex> lock(mu_);
    lines_.push_back(line);
  }

 private:
  void arm() {
    timer_.expires_after(interval_);
    timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      std::vector<std::string> batch;
      {
        std::lock_guard<std::mutex> lock(mu_);
        batch.swap(lines_);
      }
      std::string payload;
      for (const auto& l : batch) payload += l + "\n";
      if (!payload.empty()) sender_.send(payload);
      arm();
    });
  }

  Sender& sender_;
  const std::chrono::seconds interval_;
  boost::asio::io_context io_;
  boost::asio::steady_timer timer_;
  std::thread io_thread_;

  std::mutex mu_;
  std::vector<std::string> lines_;
};

}  // namespace metrics_push
