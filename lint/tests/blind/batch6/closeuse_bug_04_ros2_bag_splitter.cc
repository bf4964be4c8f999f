// ROS 2-style bag recorder writing CSV: the subscription callback appends
// each message to the current file; a split timer in another callback group
// closes the file and opens the next one under split_mutex_, which the
// message callback does not take.
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <string>

#include "mock/rclcpp_lite.h"

using sensor_msgs::msg::Imu;
using namespace std::chrono_literals;

class CsvRecorder : public rclcpp::Node {
 public:
  explicit CsvRecorder(std::string prefix) : Node("csv_recorder"), prefix_(std::move(prefix)) {
    out_.open(prefix_ + "_0.csv");
    auto io_group = create_callback_group(rclcpp::CallbackGroupType::MutuallyExclusive);
    auto split_group = create_callback_group(rclcpp::CallbackGroupType::MutuallyExclusive);
    rclcpp::SubscriptionOptions options;
    options.callback_group = io_group;
    imu_sub_ = create_subscription<Imu>(
        "imu", rclcpp::QoS(100), [this](Imu::ConstSharedPtr msg) { OnImu(*msg); }, options);
    split_timer_ = create_wall_timer(60s, [this] { SplitFile(); }, split_group);
  }

 private:
  void OnImu(const Imu& msg) {
    out_ << msg.stamp_ns << "," << msg.angular_velocity_z << "," << msg.linear_acceleration_x  // EXPECT: concurrency-use-after-close
         << "\n";
    rows_.fetch_add(1, std::memory_order_relaxed);
  }

  void SplitFile() {
    std::lock_guard<std::mutex> lock(split_mutex_);
    out_.close();
    ++file_index_;
    out_.open(prefix_ + "_" + std::to_string(file_index_) + ".csv");
    RCLCPP_INFO(get_logger(), "split after %llu rows\n",
                static_cast<unsigned long long>(rows_.load()));
  }

  const std::string prefix_;
  rclcpp::Subscription<Imu>::SharedPtr imu_sub_;
  rclcpp::TimerBase::SharedPtr split_timer_;
  std::mutex split_mutex_;
  std::ofstream out_;
  int file_index_ = 0;
  std::atomic<uint64_t> rows_{0};
};
