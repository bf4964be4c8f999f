// Keep-alive for a client connection: a timer sends a ping every interval and
// counts the pings that got no pong; the connection's reader resets the count
// when a pong frame arrives on another io_context thread.

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include <boost/asio.hpp>

namespace net {

class Transport {
 public:
  virtual ~Transport() = default;
  virtual void send_ping(uint64_t seq) = 0;
  virtual void fail(const std::string& reason) = 0;
};

class KeepAlive : public std::enable_shared_from_this<KeepAlive> {
 public:
  KeepAlive(boost::asio::io_context& io, Transport& transport,
            std::chrono::milliseconds interval, int max_missed)
      : timer_(io), transport_(transport), interval_(interval), max_missed_(max_missed) {}

  void start() { arm(); }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopped_ = true;
    }
    timer_.cancel();
  }

  // Called by the connection's reader when a PONG frame arrives.
  void on_pong(uint64_t seq, std::chrono::steady_clock::time_point sent_at) {
    std::lock_guard<std::mutex> lock(mu_);
    if (seq != last_seq_) return;
    missed_ = 0;
    rtt_.push_back(std::chrono::steady_clock::now() - sent_at);
    if (rtt_.size() > 16) rtt_.pop_front();
  }

  int missed() const {
    std::lock_guard<std::mutex> lock(mu_);
    return missed_;
  }

  std::chrono::steady_clock::duration average_rtt() const {
    std::lock_guard<std::mutex> lock(mu_);
    if (rtt_.empty()) return {};
    std::chrono::steady_clock::duration sum{};
    for (const auto& d : rtt_) sum += d;
    return sum / static_cast<int>(rtt_.size());
  }

 private:
  void arm() {
    timer_.expires_after(interval_);
    timer_.async_wait([this, self = shared_from_this()](const boost::system::error_code& ec) {
      if (ec == boost::asio::error::operation_aborted) return;
      if (++missed_ > max_missed_) {  // EXPECT: concurrency-unguarded-field
        transport_.fail("keep-alive: no pong for " + std::to_string(max_missed_) + " pings");
        return;
      }
      uint64_t seq;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stopped_) return;
        seq = last_seq_ = next_seq_++;
      }
      transport_.send_ping(seq);
      arm();
    });
  }

  boost::asio::steady_timer timer_;
  Transport& transport_;
  const std::chrono::milliseconds interval_;
  const int max_missed_;

  mutable std::mutex mu_;
  bool stopped_ = false;  // guarded by mu_
  int missed_ = 0;  // guarded by mu_
  uint64_t next_seq_ = 1;  // guarded by mu_
  uint64_t last_seq_ = 0;  // guarded by mu_
  std::deque<std::chrono::steady_clock::duration> rtt_;  // guarded by mu_
};

}  // namespace net
