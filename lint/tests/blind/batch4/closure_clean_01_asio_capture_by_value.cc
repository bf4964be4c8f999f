// Game lobby connection. Messages are formatted on the io thread from a
// snapshot of the player's profile taken when the message is queued.

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <utility>

#include "mock/asio_like.h"

namespace lobby {

class PlayerConnection {
 public:
  PlayerConnection(asio::io_context& io, std::string nickname)
      : io_(io), socket_(io), nickname_(std::move(nickname)) {}

  void SendChat(const std::string& text) {
    std::string nickname;
    {
      std::lock_guard<std::mutex> lock(profile_mu_);
      nickname = nickname_;
    }
    asio::post(io_, [this, nickname, text] {
      Write("<" + nickname + "> " + text + "\n");
    });
  }

  void SendScore(int64_t score) {
    asio::post(io_, [this, sent = uint64_t{0}, score]() mutable {
      ++sent;
      Write("score " + std::to_string(score) + " #" + std::to_string(sent) + "\n");
    });
  }

  void Rename(std::string nickname) {
    std::lock_guard<std::mutex> lock(profile_mu_);
    nickname_ = std::move(nickname);
  }

 private:
  // Only called on the io thread.
  void Write(const std::string& line) {
    asio::error_code ec;
    socket_.write_some(asio::buffer(line), ec);
    if (ec) ++write_errors_;
  }

  asio::io_context& io_;
  asio::ip::tcp::socket socket_;
  std::mutex profile_mu_;
  std::string nickname_;
  // Owned by the io thread.
  uint64_t write_errors_ = 0;
};

}  // namespace lobby
