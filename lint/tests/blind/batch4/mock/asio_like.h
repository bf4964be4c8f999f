// Minimal stand-in for the parts of (Boost.)Asio used by these files:
// io_context, strands, post(), steady_timer and a TCP socket.
#ifndef BATCH4_MOCK_ASIO_LIKE_H_
#define BATCH4_MOCK_ASIO_LIKE_H_

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <system_error>
#include <utility>

namespace asio {

using error_code = std::error_code;

class io_context {
 public:
  class strand;

  void post(std::function<void()> handler) {
    std::lock_guard<std::mutex> lock(mu_);
    handlers_.push_back(std::move(handler));
  }

  std::size_t run() {
    std::size_t n = 0;
    for (;;) {
      std::function<void()> h;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stopped_ || handlers_.empty()) return n;
        h = std::move(handlers_.front());
        handlers_.pop_front();
      }
      h();
      ++n;
    }
  }

  void stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
  }

 private:
  std::mutex mu_;
  bool stopped_ = false;
  std::deque<std::function<void()>> handlers_;
};

// Handlers posted through one strand never run concurrently with each other.
class io_context::strand {
 public:
  explicit strand(io_context& ctx) : ctx_(ctx) {}
  void post(std::function<void()> handler) {
    ctx_.post([this, h = std::move(handler)] {
      std::lock_guard<std::mutex> lock(serial_);
      h();
    });
  }
  void dispatch(std::function<void()> handler) { post(std::move(handler)); }
  io_context& context() { return ctx_; }

 private:
  io_context& ctx_;
  std::mutex serial_;
};

inline void post(io_context& ctx, std::function<void()> handler) {
  ctx.post(std::move(handler));
}

class steady_timer {
 public:
  explicit steady_timer(io_context& ctx) : ctx_(ctx) {}
  void expires_after(std::chrono::milliseconds d) { delay_ = d; }
  void async_wait(std::function<void(const error_code&)> handler) {
    ctx_.post([h = std::move(handler)] { h(error_code()); });
  }
  void cancel() {}

 private:
  io_context& ctx_;
  std::chrono::milliseconds delay_{0};
};

struct const_buffer {
  const void* data;
  std::size_t size;
};
inline const_buffer buffer(const std::string& s) { return {s.data(), s.size()}; }

namespace ip {
namespace tcp {

class socket {
 public:
  explicit socket(io_context& ctx) : ctx_(ctx) {}
  bool is_open() const { return open_; }
  void close() { open_ = false; }
  std::size_t write_some(const_buffer b, error_code& ec) {
    ec = open_ ? error_code() : std::make_error_code(std::errc::bad_file_descriptor);
    return open_ ? b.size : 0;
  }
  void async_write_some(const_buffer b,
                        std::function<void(const error_code&, std::size_t)> h) {
    std::size_t n = b.size;
    ctx_.post([h = std::move(h), n] { h(error_code(), n); });
  }
  io_context& get_executor() { return ctx_; }

 private:
  io_context& ctx_;
  bool open_ = true;
};

}  // namespace tcp
}  // namespace ip
}  // namespace asio

#endif  // BATCH4_MOCK_ASIO_LIKE_H_
