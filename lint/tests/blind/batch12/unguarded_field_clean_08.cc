// Chat server in the style of the Asio examples. Every session runs its
// handlers on its own strand, so a session's write queue needs no lock; the
// room is shared by all sessions and io_context threads and has a mutex.

#include <array>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include <boost/asio.hpp>

namespace chat {

using Message = std::string;

class Participant {
 public:
  virtual ~Participant() = default;
  virtual void deliver(const Message& msg) = 0;
};

class ChatRoom {
 public:
  void join(const std::shared_ptr<Participant>& p) {
    std::lock_guard<std::mutex> lock(mutex_);
    participants_.insert(p);
    for (const auto& msg : recent_) p->deliver(msg);
  }

  void leave(const std::shared_ptr<Participant>& p) {
    std::lock_guard<std::mutex> lock(mutex_);
    participants_.erase(p);
  }

  void deliver(const Message& msg) {
    std::lock_guard<std::mutex> lock(mutex_);
    recent_.push_back(msg);
    while (recent_.size() > kMaxRecent) recent_.pop_front();
    for (const auto& p : participants_) p->deliver(msg);
  }

 private:
  static constexpr size_t kMaxRecent = 100;
  std::mutex mutex_;
  std::set<std::shared_ptr<Participant>> participants_;
  std::deque<Message> recent_;
};

class ChatSession : public Participant, public std::enable_shared_from_this<ChatSession> {
 public:
  ChatSession(boost::asio::io_context& io, boost::asio::ip::tcp::socket socket, ChatRoom& room)
      : strand_(boost::asio::make_strand(io)), socket_(std::move(socket)), room_(room) {}

  void start() {
    room_.join(shared_from_this());
    do_read();
  }

  // Called from other sessions' strands, through the room.
  void deliver(const Message& msg) override {
    boost::asio::post(strand_, [this, self = shared_from_this(), msg] {
      const bool idle = write_msgs_.empty();
      write_msgs_.push_back(msg);
      if (idle) do_write();
    });
  }

 private:
  void do_read() {
    socket_.async_read_some(
        boost::asio::buffer(read_buf_),
        boost::asio::bind_executor(
            strand_, [this, self = shared_from_this()](const boost::system::error_code& ec,
                                                       std::size_t n) {
              if (ec) {
                room_.leave(shared_from_this());
                return;
              }
              room_.deliver(Message(read_buf_.data(), n));
              do_read();
            }));
  }

  void do_write() {
    boost::asio::async_write(
        socket_, boost::asio::buffer(write_msgs_.front()),
        boost::asio::bind_executor(
            strand_, [this, self = shared_from_this()](const boost::system::error_code& ec,
                                                       std::size_t /*n*/) {
              if (ec) {
                room_.leave(shared_from_this());
                return;
              }
              write_msgs_.pop_front();
              if (!write_msgs_.empty()) do_write();
            }));
  }

  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::ip::tcp::socket socket_;
  ChatRoom& room_;

  // Owned by the session's strand: only accessed on strand_.
  std::array<char, 1024> read_buf_{};

  // Owned by the session's strand: only accessed on strand_.
  std::deque<Message> write_msgs_;
};

}  // namespace chat
