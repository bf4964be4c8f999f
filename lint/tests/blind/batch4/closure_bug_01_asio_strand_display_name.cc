// Chat session over a TCP connection. Outgoing messages are formatted on
// the connection's strand; the display name can be changed from the
// account service at any time.

#include <deque>
#include <mutex>
#include <string>
#include <utility>

#include "mock/asio_like.h"

namespace chat {

class Session {
 public:
  Session(asio::io_context& io, std::string display_name)
      : strand_(io), socket_(io), display_name_(std::move(display_name)) {}

  // Called by the room when another member posts a message.
  void Deliver(const std::string& from, const std::string& text) {
    strand_.post([this, from, text] {
      std::string line = "[" + display_name_ + "] " + from + ": " + text + "\n";  // EXPECT: concurrency-closure-captures-mutable
      outbox_.push_back(std::move(line));
      WriteNext();
    });
  }

  // Called by the account service thread.
  void SetDisplayName(std::string name) {
    std::lock_guard<std::mutex> lock(profile_mu_);
    display_name_ = std::move(name);
  }

  int profile_revision() {
    std::lock_guard<std::mutex> lock(profile_mu_);
    return profile_revision_;
  }

  void BumpRevision() {
    std::lock_guard<std::mutex> lock(profile_mu_);
    ++profile_revision_;
  }

 private:
  // Runs on the strand only.
  void WriteNext() {
    if (outbox_.empty() || writing_) return;
    writing_ = true;
    asio::error_code ec;
    socket_.write_some(asio::buffer(outbox_.front()), ec);
    outbox_.pop_front();
    writing_ = false;
  }

  asio::io_context::strand strand_;
  asio::ip::tcp::socket socket_;
  std::mutex profile_mu_;
  std::string display_name_;
  int profile_revision_ = 0;
  // Owned by the strand.
  std::deque<std::string> outbox_;
  bool writing_ = false;
};

}  // namespace chat
