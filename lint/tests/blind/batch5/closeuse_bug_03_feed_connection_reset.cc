// Market data feed client with automatic reconnect.

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace feed {

class FeedConnection {
 public:
  explicit FeedConnection(std::string endpoint) : endpoint_(std::move(endpoint)) {}
  bool Write(const std::string& frame) { return open_ && !frame.empty(); }
  bool Healthy() const { return open_; }
  void Close() { open_ = false; }
  const std::string& endpoint() const { return endpoint_; }

 private:
  std::string endpoint_;
  bool open_ = true;
};

class FeedClient {
 public:
  explicit FeedClient(std::string endpoint) : endpoint_(std::move(endpoint)) {}

  ~FeedClient() {
    stopping_.store(true);
    if (supervisor_.joinable()) supervisor_.join();
  }

  void Start() {
    conn_ = std::make_unique<FeedConnection>(endpoint_);
    supervisor_ = std::thread(&FeedClient::Supervise, this);
  }

  // Called by strategy threads to send orders and subscriptions.
  bool Send(const std::string& frame) {
    frames_sent_.fetch_add(1);
    return conn_->Write(frame);  // EXPECT: concurrency-use-after-close
  }

  uint64_t frames_sent() const { return frames_sent_.load(); }
  uint64_t reconnects() const { return reconnects_.load(); }

 private:
  void Supervise() {
    while (!stopping_.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (conn_->Healthy()) continue;  // EXPECT: concurrency-closure-captures-mutable
      conn_->Close();
      conn_.reset();
      conn_ = std::make_unique<FeedConnection>(endpoint_);
      reconnects_.fetch_add(1);
    }
  }

  const std::string endpoint_;
  std::unique_ptr<FeedConnection> conn_;
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> frames_sent_{0};
  std::atomic<uint64_t> reconnects_{0};
  std::thread supervisor_;
};

}  // namespace feed
