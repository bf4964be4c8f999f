// Pub/sub publisher: Publish() and Disconnect() both hold mu_ around every
// touch of channel_ (a pointer to a class with Close()), so a publish can
// never run after the close.
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace pubsub {

class Channel {
 public:
  explicit Channel(std::string topic) : topic_(std::move(topic)) {}
  bool Write(const std::string& msg) { return open_ && !msg.empty(); }
  void Close() { open_ = false; }

 private:
  std::string topic_;
  bool open_ = true;
};

class Publisher {
 public:
  explicit Publisher(std::string topic) : channel_(std::make_unique<Channel>(std::move(topic))) {}

  bool Publish(const std::string& message) {
    std::lock_guard<std::mutex> lock(mu_);
    if (channel_ == nullptr) return false;
    ++published_;
    return channel_->Write(message);
  }

  void Disconnect() {
    std::lock_guard<std::mutex> lock(mu_);
    if (channel_ == nullptr) return;
    channel_->Close();
    channel_.reset();
  }

  long published() {
    std::lock_guard<std::mutex> lock(mu_);
    return published_;
  }

 private:
  std::mutex mu_;
  std::unique_ptr<Channel> channel_;
  long published_ = 0;
};

}  // namespace pubsub
