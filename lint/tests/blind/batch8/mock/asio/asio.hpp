// Stand-in for standalone Asio: io_context, strands, post/dispatch, a
// steady_timer and a TCP socket whose async_* operations take completion
// handlers (std::function here, for brevity).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace asio {

using error_code = std::error_code;

class io_context {
 public:
  class executor_type {
   public:
    void post(std::function<void()> f) const;
  };
  executor_type get_executor() { return executor_type(); }
  std::size_t run();
  void stop();
  bool stopped() const;
};

template <typename Executor>
class strand {
 public:
  explicit strand(const Executor& ex) : ex_(ex) {}
  const Executor& inner() const { return ex_; }

 private:
  Executor ex_;
};

template <typename Executor>
strand<Executor> make_strand(const Executor& ex) { return strand<Executor>(ex); }

// Submits a completion token or function object for execution.
void post(io_context& ctx, std::function<void()> handler);
void post(const strand<io_context::executor_type>& s, std::function<void()> handler);
void dispatch(const strand<io_context::executor_type>& s, std::function<void()> handler);

class mutable_buffer {
 public:
  mutable_buffer(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  void* data_;
  std::size_t size_;
};
inline mutable_buffer buffer(void* data, std::size_t size) { return mutable_buffer(data, size); }
inline mutable_buffer buffer(std::vector<char>& v) { return mutable_buffer(v.data(), v.size()); }
inline mutable_buffer buffer(std::string& s) { return mutable_buffer(&s[0], s.size()); }

class steady_timer {
 public:
  explicit steady_timer(io_context& ctx) : ctx_(&ctx) {}
  void expires_after(std::chrono::milliseconds d);
  void async_wait(std::function<void(const error_code&)> handler);
  std::size_t cancel();

 private:
  io_context* ctx_;
};

namespace ip {
class tcp {
 public:
  class endpoint {
   public:
    endpoint() = default;
    unsigned short port() const { return port_; }

   private:
    unsigned short port_ = 0;
  };
  class socket {
   public:
    explicit socket(io_context& ctx) : ctx_(&ctx) {}
    bool is_open() const;
    void close();
    void close(error_code& ec);
    void async_read_some(mutable_buffer buf,
                         std::function<void(const error_code&, std::size_t)> handler);
    void async_write_some(mutable_buffer buf,
                          std::function<void(const error_code&, std::size_t)> handler);
    endpoint remote_endpoint() const;

   private:
    io_context* ctx_;
  };
};
}  // namespace ip

void async_write(ip::tcp::socket& s, mutable_buffer buf,
                 std::function<void(const error_code&, std::size_t)> handler);

}  // namespace asio
