// Market data feed client with automatic reconnect.

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace feed {

class FeedConnection {
 public:
  explicit FeedConnection(std::string endpoint) : endpoint_(std::move(endpoint)) {}
  bool Write(const std::string& frame) { return open_.load() && !frame.empty(); }
  bool Healthy() const { return open_.load(); }
  void Close() { open_.store(false); }

 private:
  std::string endpoint_;
  std::atomic<bool> open_{true};
};

class FeedClient {
 public:
  explicit FeedClient(std::string endpoint) : endpoint_(std::move(endpoint)) {}

  ~FeedClient() {
    stopping_.store(true);
    if (supervisor_.joinable()) supervisor_.join();
  }

  void Start() {
    {
      std::lock_guard<std::mutex> lock(conn_mu_);
      conn_ = std::make_shared<FeedConnection>(endpoint_);
    }
    supervisor_ = std::thread(&FeedClient::Supervise, this);
  }

  // Called by strategy threads. The connection is pinned with a shared_ptr
  // so a concurrent reconnect cannot free it under the write.
  bool Send(const std::string& frame) {
    std::shared_ptr<FeedConnection> conn = Current();
    frames_sent_.fetch_add(1);
    return conn != nullptr && conn->Write(frame);
  }

  uint64_t frames_sent() const { return frames_sent_.load(); }

 private:
  std::shared_ptr<FeedConnection> Current() {
    std::lock_guard<std::mutex> lock(conn_mu_);
    return conn_;
  }

  void Supervise() {
    while (!stopping_.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      std::shared_ptr<FeedConnection> conn = Current();
      if (conn != nullptr && conn->Healthy()) continue;

      auto fresh = std::make_shared<FeedConnection>(endpoint_);
      std::lock_guard<std::mutex> lock(conn_mu_);
      if (conn_ != nullptr) conn_->Close();
      conn_ = std::move(fresh);
      reconnects_.fetch_add(1);
    }
  }

  const std::string endpoint_;
  std::mutex conn_mu_;
  std::shared_ptr<FeedConnection> conn_;
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> frames_sent_{0};
  std::atomic<uint64_t> reconnects_{0};
  std::thread supervisor_;
};

}  // namespace feed
