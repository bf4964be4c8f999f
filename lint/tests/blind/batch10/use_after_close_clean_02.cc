// Metrics exporter that streams samples to a Unix socket. The exporter
// thread owns the writes; Stop() joins it before closing the descriptor.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace exporter {

enum class ExportState { kIdle, kRunning, kStopped };

class SocketExporter {
 public:
  explicit SocketExporter(std::string socket_path) : socket_path_(std::move(socket_path)) {}
  ~SocketExporter() { Stop(); }

  bool Start() {
    sock_fd_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (sock_fd_ < 0) return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, socket_path_.c_str(), sizeof(addr.sun_path) - 1);
    if (::connect(sock_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      ::close(sock_fd_);
      sock_fd_ = -1;
      return false;
    }
    state_ = ExportState::kRunning;
    thread_ = std::thread([this] { Run(); });
    return true;
  }

  void Push(std::string sample) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(sample));
    cv_.notify_one();
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (state_ != ExportState::kRunning) return;
      state_ = ExportState::kStopped;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    // The exporter thread has exited; nobody else uses the socket now.
    ::close(sock_fd_);
    sock_fd_ = -1;
  }

  uint64_t sent() const { return sent_.load(); }

 private:
  void Run() {
    for (;;) {
      std::string sample;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return state_ != ExportState::kRunning || !queue_.empty(); });
        if (queue_.empty()) return;
        sample = std::move(queue_.front());
        queue_.pop_front();
      }
      sample += '\n';
      if (::send(sock_fd_, sample.data(), sample.size(), MSG_NOSIGNAL) > 0) ++sent_;
    }
  }

  const std::string socket_path_;
  int sock_fd_ = -1;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  ExportState state_ = ExportState::kIdle;
  std::atomic<uint64_t> sent_{0};
  std::thread thread_;
};

}  // namespace exporter
