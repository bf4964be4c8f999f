// tcp_session.cpp - one client connection of the line-protocol server. Reads
// complete on the io_context threads; the admin thread can reset counters.

#include "asio/asio.hpp"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace lineproto {

class Session {
 public:
  explicit Session(asio::io_context& io) : socket_(io), buffer_(4096) {}

  void Start() { DoRead(); }

  // Admin thread: "stats reset".
  void ResetStats() {
    bytes_received_ = 0;
    lines_received_ = 0;
  }

  std::string Stats() {
    std::lock_guard<std::mutex> lock(mu_);
    return std::to_string(completed_reads_) + " reads";
  }

 private:
  void DoRead() {
    socket_.async_read_some(
        asio::buffer(buffer_.data(), buffer_.size()),
        [this](const asio::error_code& ec, std::size_t n) {
          if (ec) return;
          bytes_received_ += n;  // EXPECT: concurrency-closure-captures-mutable
          for (std::size_t i = 0; i < n; ++i) {
            if (buffer_[i] == '\n') ++lines_received_;  // EXPECT: concurrency-closure-captures-mutable
          }
          {
            std::lock_guard<std::mutex> lock(mu_);
            ++completed_reads_;
          }
          DoRead();
        });
  }

  asio::ip::tcp::socket socket_;
  std::vector<char> buffer_;
  uint64_t bytes_received_ = 0;
  uint64_t lines_received_ = 0;
  std::mutex mu_;
  uint64_t completed_reads_ = 0;
};

}  // namespace lineproto
