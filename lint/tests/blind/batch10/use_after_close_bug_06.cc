// Telemetry uplink for the IoT gateway: a poller thread reads commands from
// the broker connection; Disconnect() drops the connection on config change.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gateway {

enum class CommandType { kReboot, kSetInterval, kFirmwareUpdate, kUnknown };

struct Command {
  CommandType type = CommandType::kUnknown;
  std::string argument;
};

class BrokerConnection {
 public:
  explicit BrokerConnection(std::string url) : url_(std::move(url)) {}
  bool Poll(std::string* message) {
    if (closed_) return false;
    *message = "interval=30";
    return true;
  }
  void Publish(const std::string& topic, const std::string& payload) { last_ = topic + payload; }
  void close() { closed_ = true; }
  const std::string& url() const { return url_; }

 private:
  std::string url_;
  std::string last_;
  bool closed_ = false;
};

class Uplink {
 public:
  explicit Uplink(std::string url) : conn_(std::make_shared<BrokerConnection>(std::move(url))) {}

  ~Uplink() {
    stop_ = true;
    if (poller_.joinable()) poller_.join();
  }

  void Start() { poller_ = std::thread(&Uplink::PollLoop, this); }

  void Publish(const std::string& topic, const std::string& payload) {
    std::lock_guard<std::mutex> lock(mu_);
    if (conn_) conn_->Publish(topic, payload);
  }

  void Disconnect() {
    std::lock_guard<std::mutex> lock(mu_);
    if (!conn_) return;
    conn_->close();
    conn_ = nullptr;
  }

  std::vector<Command> TakeCommands() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Command> out;
    out.swap(commands_);
    return out;
  }

 private:
  void PollLoop() {
    while (!stop_) {
      std::string message;
      if (!conn_->Poll(&message)) {  // EXPECT: concurrency-use-after-close
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        continue;
      }
      Command cmd = Parse(message);
      std::lock_guard<std::mutex> lock(mu_);
      commands_.push_back(std::move(cmd));
    }
  }

  static Command Parse(const std::string& message) {
    Command c;
    auto eq = message.find('=');
    std::string key = message.substr(0, eq);
    if (key == "reboot") c.type = CommandType::kReboot;
    else if (key == "interval") c.type = CommandType::kSetInterval;
    else if (key == "firmware") c.type = CommandType::kFirmwareUpdate;
    if (eq != std::string::npos) c.argument = message.substr(eq + 1);
    return c;
  }

  std::mutex mu_;
  std::shared_ptr<BrokerConnection> conn_;
  std::vector<Command> commands_;
  std::atomic<bool> stop_{false};
  std::thread poller_;
};

}  // namespace gateway
