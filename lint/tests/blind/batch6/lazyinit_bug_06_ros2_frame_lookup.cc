// ROS 2-style perception node: a process-wide frame-name table is built on
// first use inside a helper. The laser and IMU callbacks sit in a Reentrant
// group of a MultiThreadedExecutor, so the first two calls can overlap.
#include <map>
#include <mutex>
#include <string>

#include "mock/rclcpp_lite.h"

using sensor_msgs::msg::Imu;
using sensor_msgs::msg::LaserScan;

namespace {

struct FrameTable {
  FrameTable() {
    ids["base_link"] = 0;
    ids["laser"] = 1;
    ids["imu_link"] = 2;
  }
  std::map<std::string, int> ids;
};

int FrameId(const std::string& name) {
  static FrameTable* table = nullptr;
  if (table == nullptr) {  // EXPECT: concurrency-lazy-init-race
    table = new FrameTable();
  }
  auto it = table->ids.find(name);
  return it == table->ids.end() ? -1 : it->second;
}

}  // namespace

class PerceptionNode : public rclcpp::Node {
 public:
  PerceptionNode() : Node("perception") {
    auto group = create_callback_group(rclcpp::CallbackGroupType::Reentrant);
    rclcpp::SubscriptionOptions options;
    options.callback_group = group;
    scan_sub_ = create_subscription<LaserScan>(
        "scan", rclcpp::QoS(5),
        [this](LaserScan::ConstSharedPtr msg) { OnScan(*msg, FrameId("laser")); }, options);
    imu_sub_ = create_subscription<Imu>(
        "imu", rclcpp::QoS(50),
        [this](Imu::ConstSharedPtr msg) { OnImu(*msg, FrameId("imu_link")); }, options);
  }

  size_t scans() {
    std::lock_guard<std::mutex> lock(mutex_);
    return scans_;
  }

 private:
  void OnScan(const LaserScan& scan, int frame) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++scans_;
    last_scan_frame_ = frame;
    last_range_ = scan.ranges.empty() ? 0.0f : scan.ranges.front();
  }

  void OnImu(const Imu& imu, int frame) {
    std::lock_guard<std::mutex> lock(mutex_);
    last_imu_frame_ = frame;
    last_yaw_rate_ = imu.angular_velocity_z;
  }

  rclcpp::Subscription<LaserScan>::SharedPtr scan_sub_;
  rclcpp::Subscription<Imu>::SharedPtr imu_sub_;
  std::mutex mutex_;
  size_t scans_ = 0;
  int last_scan_frame_ = -1;
  int last_imu_frame_ = -1;
  float last_range_ = 0.0f;
  double last_yaw_rate_ = 0.0;
};
