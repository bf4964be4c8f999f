// HTTP/1.1 request parsing for an Asio server. A connection's handlers run
// one at a time (a single read is outstanding), and each connection owns its
// parser; the parser creates its body decoder when the first body byte
// arrives.

#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>

namespace http {

class ChunkedDecoder {
 public:
  size_t feed(const char* data, size_t n, std::string* body);
  bool done() const { return done_; }

 private:
  size_t remaining_in_chunk_ = 0;
  bool done_ = false;
};

// Not thread-safe; one per connection.
class RequestParser {
 public:
  enum class State { kHeaders, kBody, kDone, kError };

  State feed(const char* data, size_t n) {
    size_t used = 0;
    if (state_ == State::kHeaders) used = parse_headers(data, n);
    if (state_ == State::kBody && used < n) {
      if (!decoder_) decoder_ = std::make_unique<ChunkedDecoder>();
      decoder_->feed(data + used, n - used, &body_);
      if (decoder_->done()) state_ = State::kDone;
    }
    return state_;
  }

  const std::string& body() const { return body_; }

 private:
  size_t parse_headers(const char* data, size_t n);

  State state_ = State::kHeaders;
  std::string headers_;
  std::string body_;
  std::unique_ptr<ChunkedDecoder> decoder_;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  explicit Connection(boost::asio::ip::tcp::socket socket) : socket_(std::move(socket)) {}

  void start() { read_more(); }

 private:
  void read_more() {
    socket_.async_read_some(boost::asio::buffer(buf_),
                            [self = shared_from_this()](const boost::system::error_code& ec, size_t n) {
                              if (ec) return;
                              const auto state = self->parser_.feed(self->buf_.data(), n);
                              if (state == RequestParser::State::kHeaders ||
                                  state == RequestParser::State::kBody) {
                                self->read_more();
                              }
                            });
  }

  boost::asio::ip::tcp::socket socket_;
  std::vector<char> buf_ = std::vector<char>(4096);
  RequestParser parser_;
};

// The server runs its io_context on a few threads.
inline void run_io(boost::asio::io_context& io, size_t threads) {
  std::vector<std::thread> pool;
  for (size_t i = 0; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  for (auto& t : pool) t.join();
}

}  // namespace http
