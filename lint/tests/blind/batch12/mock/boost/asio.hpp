// Minimal stand-in for the parts of Boost.Asio used by the batch. Completion
// handlers are invoked by whichever thread runs the io_context.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <boost/system/error_code.hpp>

namespace boost {
namespace asio {

namespace error {
enum basic_errors { operation_aborted = 125, eof = 2, connection_reset = 104 };
}  // namespace error

class io_context {
 public:
  class executor_type {
   public:
    io_context& context() const noexcept;
  };

  io_context();
  explicit io_context(int concurrency_hint);
  ~io_context();

  std::size_t run();
  std::size_t run_one();
  std::size_t poll();
  void stop();
  bool stopped() const;
  void restart();
  executor_type get_executor() noexcept;

 private:
  io_context(const io_context&) = delete;
  io_context& operator=(const io_context&) = delete;
};

template <typename Executor>
class strand {
 public:
  explicit strand(const Executor& e);
  bool running_in_this_thread() const noexcept;
};

strand<io_context::executor_type> make_strand(io_context& ctx);

template <typename Executor>
class executor_work_guard {
 public:
  explicit executor_work_guard(const Executor& e);
  void reset() noexcept;
};

executor_work_guard<io_context::executor_type> make_work_guard(io_context& ctx);

// Submits |handler| for execution by the context (or strand) and returns
// without waiting for it.
template <typename Handler>
void post(io_context& ctx, Handler&& handler);
template <typename Executor, typename Handler>
void post(const strand<Executor>& s, Handler&& handler);
template <typename Handler>
void dispatch(io_context& ctx, Handler&& handler);

template <typename Executor, typename Handler>
Handler bind_executor(const strand<Executor>& s, Handler&& handler);

class mutable_buffer {
 public:
  mutable_buffer() = default;
  mutable_buffer(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

class const_buffer {
 public:
  const_buffer() = default;
  const_buffer(const void* data, std::size_t size) : data_(data), size_(size) {}
  const void* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

 private:
  const void* data_ = nullptr;
  std::size_t size_ = 0;
};

mutable_buffer buffer(void* data, std::size_t size);
const_buffer buffer(const void* data, std::size_t size);
const_buffer buffer(const std::string& s);
template <typename T, std::size_t N>
mutable_buffer buffer(std::array<T, N>& a) {
  return mutable_buffer(a.data(), a.size() * sizeof(T));
}
template <typename T>
mutable_buffer buffer(std::vector<T>& v) {
  return mutable_buffer(v.data(), v.size() * sizeof(T));
}

class steady_timer {
 public:
  explicit steady_timer(io_context& ctx);
  template <typename Executor>
  explicit steady_timer(const strand<Executor>& s);
  ~steady_timer();

  std::size_t expires_after(std::chrono::steady_clock::duration d);
  std::size_t cancel();

  // WaitHandler: void(const boost::system::error_code&)
  template <typename WaitHandler>
  void async_wait(WaitHandler&& handler);
};

namespace ip {

class address {
 public:
  static address from_string(const std::string& s);
  std::string to_string() const;
};

class tcp {
 public:
  class endpoint {
   public:
    endpoint() = default;
    endpoint(const address& addr, unsigned short port);
    unsigned short port() const;
    ip::address address() const;
  };

  class socket {
   public:
    explicit socket(io_context& ctx);
    template <typename Executor>
    explicit socket(const strand<Executor>& s);
    socket(socket&& other) noexcept;
    ~socket();

    bool is_open() const;
    void close();
    void close(boost::system::error_code& ec);
    void shutdown(int what, boost::system::error_code& ec);
    endpoint remote_endpoint() const;

    // ReadHandler/WriteHandler: void(const boost::system::error_code&, std::size_t)
    template <typename MutableBuffer, typename ReadHandler>
    void async_read_some(const MutableBuffer& buffers, ReadHandler&& handler);
    template <typename ConstBuffer, typename WriteHandler>
    void async_write_some(const ConstBuffer& buffers, WriteHandler&& handler);
    template <typename ConnectHandler>
    void async_connect(const endpoint& ep, ConnectHandler&& handler);

    std::size_t write_some(const const_buffer& b, boost::system::error_code& ec);

    static constexpr int shutdown_both = 2;
  };

  class acceptor {
   public:
    acceptor(io_context& ctx, const endpoint& ep);
    void close();
    bool is_open() const;
    endpoint local_endpoint() const;
    // AcceptHandler: void(const boost::system::error_code&, socket)
    template <typename AcceptHandler>
    void async_accept(AcceptHandler&& handler);
  };

  static tcp v4() noexcept;
};

}  // namespace ip

// WriteHandler: void(const boost::system::error_code&, std::size_t)
template <typename ConstBuffer, typename WriteHandler>
void async_write(ip::tcp::socket& s, const ConstBuffer& buffers, WriteHandler&& handler);
template <typename MutableBuffer, typename ReadHandler>
void async_read(ip::tcp::socket& s, const MutableBuffer& buffers, ReadHandler&& handler);

}  // namespace asio
}  // namespace boost
