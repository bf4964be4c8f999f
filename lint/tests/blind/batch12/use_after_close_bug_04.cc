// Upstream connection of a TCP proxy. The io_context threads run the read
// loop; the control thread shuts a connection down when its backend is
// drained or the proxy reloads.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include <boost/asio.hpp>

namespace proxy {

class Downstream {
 public:
  virtual ~Downstream() = default;
  virtual void forward(const char* data, size_t n) = 0;
  virtual void upstream_closed() = 0;
};

class UpstreamConnection : public std::enable_shared_from_this<UpstreamConnection> {
 public:
  UpstreamConnection(boost::asio::io_context& io, Downstream& down)
      : socket_(std::make_unique<boost::asio::ip::tcp::socket>(io)), down_(down) {}

  void start() { do_read(); }

  // Control thread.
  void shutdown() {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    boost::system::error_code ignored;
    socket_->shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    socket_->close();
  }

  uint64_t bytes_in() {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_in_;
  }

 private:
  void do_read() {
    socket_->async_read_some(boost::asio::buffer(buf_),  // EXPECT: concurrency-use-after-close
                             [self = shared_from_this()](const boost::system::error_code& ec, std::size_t n) {
                               self->on_read(ec, n);
                             });
  }

  void on_read(const boost::system::error_code& ec, std::size_t n) {
    if (ec) {
      down_.upstream_closed();
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      bytes_in_ += n;
    }
    down_.forward(buf_.data(), n);
    do_read();
  }

  std::unique_ptr<boost::asio::ip::tcp::socket> socket_;
  Downstream& down_;
  std::array<char, 16 * 1024> buf_{};
  std::mutex mu_;
  bool closed_ = false;
  uint64_t bytes_in_ = 0;
};

}  // namespace proxy
