// Client session to the market data gateway. The io thread flushes the
// outbound queue when the socket is writable; the heartbeat monitor thread
// disconnects a silent peer.

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "mock/asio_like.h"

namespace gateway {

class GatewaySession {
 public:
  explicit GatewaySession(asio::io_context& io)
      : io_(io), socket_(std::make_unique<asio::ip::tcp::socket>(io)) {}

  void Send(std::string message) {
    std::lock_guard<std::mutex> lock(mu_);
    outbound_.push_back(std::move(message));
  }

  // Called by the reactor on the io thread when the socket is writable.
  void OnWritable() { FlushOutbound(); }

  // Called by the heartbeat monitor thread when the peer went silent.
  void Disconnect() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      outbound_.clear();
      ++disconnects_;
    }
    if (socket_) {
      socket_->close();
      socket_.reset();
    }
  }

  uint64_t disconnects() {
    std::lock_guard<std::mutex> lock(mu_);
    return disconnects_;
  }

 private:
  void FlushOutbound() {
    std::deque<std::string> batch;
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch.swap(outbound_);
    }
    for (const std::string& message : batch) {
      asio::error_code ec;
      socket_->write_some(asio::buffer(message), ec);  // EXPECT: concurrency-use-after-close
      if (ec) break;
    }
  }

  asio::io_context& io_;
  std::unique_ptr<asio::ip::tcp::socket> socket_;
  std::mutex mu_;
  std::deque<std::string> outbound_;
  uint64_t disconnects_ = 0;
};

class HeartbeatMonitor {
 public:
  explicit HeartbeatMonitor(GatewaySession& session) : session_(session) {}
  void OnTimeout() { session_.Disconnect(); }

 private:
  GatewaySession& session_;
};

}  // namespace gateway
