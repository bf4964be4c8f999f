// obstacle_monitor: watches the laser scan for obstacles inside the stop
// distance and publishes a status line at 10 Hz. The node is spun by a
// MultiThreadedExecutor, so the scan and timer callbacks can overlap.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "rclcpp/rclcpp.hpp"
#include "sensor_msgs/msg/laser_scan.hpp"
#include "std_msgs/msg/string.hpp"

using namespace std::chrono_literals;

namespace safety {

class ObstacleMonitor : public rclcpp::Node {
 public:
  ObstacleMonitor() : rclcpp::Node("obstacle_monitor") {
    stop_distance_ = declare_parameter("stop_distance", 0.5);
    keep_closest_ = declare_parameter("keep_closest", int64_t{8});
    frame_id_ = declare_parameter("frame_id", std::string("base_laser"));
    status_pub_ = create_publisher<std_msgs::msg::String>("obstacle_status", rclcpp::QoS(10));
    scan_sub_ = create_subscription<sensor_msgs::msg::LaserScan>(
        "scan", rclcpp::SensorDataQoS(),
        [this](sensor_msgs::msg::LaserScan::ConstSharedPtr msg) { on_scan(*msg); });
    timer_ = create_wall_timer(100ms, [this] { publish_status(); });
  }

  // Called by the teleop node's service handler, on another executor thread.
  void set_bias(float bias) {
    std::lock_guard<std::mutex> lock(mutex_);
    bias_ = bias;
  }

 private:
  void on_scan(const sensor_msgs::msg::LaserScan& scan) {
    std::vector<float> ranges;
    ranges.reserve(scan.ranges.size());
    for (float r : scan.ranges) {
      if (std::isfinite(r) && r >= scan.range_min && r <= scan.range_max) ranges.push_back(r);
    }
    scans_seen_.fetch_add(1, std::memory_order_relaxed);

    std::lock_guard<std::mutex> lock(mutex_);
    std::sort(ranges.begin(), ranges.end(),
              [this](float a, float b) { return std::abs(a - bias_) < std::abs(b - bias_); });
    if (ranges.size() > static_cast<size_t>(keep_closest_)) ranges.resize(static_cast<size_t>(keep_closest_));
    closest_ = std::move(ranges);
    const bool blocked = !closest_.empty() && closest_.front() < stop_distance_;
    emergency_stop_.store(blocked, std::memory_order_release);
  }

  void publish_status() {
    std_msgs::msg::String out;
    if (emergency_stop_.load(std::memory_order_acquire)) {
      out.data = "STOP (" + frame_id_ + ")";
    } else {
      std::lock_guard<std::mutex> lock(mutex_);
      out.data = closest_.empty() ? "clear" : "nearest " + std::to_string(closest_.front()) + " m";
    }
    out.data += ", scans=" + std::to_string(scans_seen_.load(std::memory_order_relaxed));
    status_pub_->publish(out);
  }

  double stop_distance_ = 0.5;
  int64_t keep_closest_ = 8;
  std::string frame_id_;
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr status_pub_;
  rclcpp::Subscription<sensor_msgs::msg::LaserScan>::SharedPtr scan_sub_;
  rclcpp::TimerBase::SharedPtr timer_;

  std::mutex mutex_;
  std::vector<float> closest_;
  float bias_ = 0.0f;
  std::atomic<bool> emergency_stop_{false};
  std::atomic<uint64_t> scans_seen_{0};
};

}  // namespace safety
