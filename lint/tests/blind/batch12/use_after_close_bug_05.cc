// bag_recorder: appends serialized messages to a bag file from the
// subscription callbacks; a service call (or shutdown) closes the bag. The
// node runs on a MultiThreadedExecutor.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "rclcpp/rclcpp.hpp"
#include "std_msgs/msg/string.hpp"

namespace bag_recorder {

class BagRecorder : public rclcpp::Node {
 public:
  BagRecorder() : rclcpp::Node("bag_recorder") {
    const std::string path = declare_parameter("bag_path", std::string("recording.bag"));
    bag_file_ = std::fopen(path.c_str(), "ab");
    sub_ = create_subscription<std_msgs::msg::String>(
        "chatter", rclcpp::QoS(100),
        [this](std_msgs::msg::String::ConstSharedPtr msg) { append(*msg); });
    stop_sub_ = create_subscription<std_msgs::msg::String>(
        "bag_recorder/stop", rclcpp::QoS(1),
        [this](std_msgs::msg::String::ConstSharedPtr) { close(); });
  }

  ~BagRecorder() override {
    if (bag_file_ != nullptr) std::fclose(bag_file_);
  }

  uint64_t records() {
    std::lock_guard<std::mutex> lock(mutex_);
    return records_;
  }

 private:
  void append(const std_msgs::msg::String& msg) {
    if (bag_file_ == nullptr) return;  // EXPECT: concurrency-use-after-close
    const uint32_t len = static_cast<uint32_t>(msg.data.size());
    std::lock_guard<std::mutex> lock(mutex_);
    std::fwrite(&len, sizeof(len), 1, bag_file_);
    std::fwrite(msg.data.data(), 1, len, bag_file_);
    ++records_;
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (bag_file_ == nullptr) return;
    std::fflush(bag_file_);
    std::fclose(bag_file_);
    bag_file_ = nullptr;
    RCLCPP_INFO(get_logger(), "bag closed after %llu records", static_cast<unsigned long long>(records_));
  }

  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr sub_;
  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr stop_sub_;
  std::mutex mutex_;
  std::FILE* bag_file_ = nullptr;
  uint64_t records_ = 0;
};

// Keeps the recorder alive until the executor stops; the launch file runs
// one recorder per robot.
class RecorderHost {
 public:
  RecorderHost() : recorder_(std::make_shared<BagRecorder>()), executor_(2) {
    executor_.add_node(recorder_);
  }

  void spin() { executor_.spin(); }

  uint64_t recorded() { return recorder_->records(); }

 private:
  std::shared_ptr<BagRecorder> recorder_;
  rclcpp::executors::MultiThreadedExecutor executor_;
};

}  // namespace bag_recorder
