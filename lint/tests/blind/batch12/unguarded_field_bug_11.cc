// heading_estimator: turns IMU orientation into a compass heading that is
// published at 20 Hz, plus an on-demand snapshot when someone publishes on
// heading/trigger. Spun by a MultiThreadedExecutor, so the subscription and
// timer callbacks can run at the same time on different threads.

#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "rclcpp/rclcpp.hpp"
#include "sensor_msgs/msg/imu.hpp"
#include "std_msgs/msg/string.hpp"

using namespace std::chrono_literals;

namespace heading_estimator {

class HeadingNode : public rclcpp::Node {
 public:
  HeadingNode() : rclcpp::Node("heading_estimator") {
    declination_ = declare_parameter("magnetic_declination", 0.0);
    max_age_sec_ = declare_parameter("max_imu_age_sec", int64_t{1});
    pub_ = create_publisher<std_msgs::msg::String>("heading", rclcpp::QoS(10));
    imu_sub_ = create_subscription<sensor_msgs::msg::Imu>(
        "imu/data", rclcpp::SensorDataQoS(),
        [this](sensor_msgs::msg::Imu::ConstSharedPtr msg) { on_imu(*msg); });
    trigger_sub_ = create_subscription<std_msgs::msg::String>(
        "heading/trigger", rclcpp::QoS(1),
        [this](std_msgs::msg::String::ConstSharedPtr msg) { on_trigger(msg->data); });
    timer_ = create_wall_timer(50ms, [this] { publish_heading(); });
  }

 private:
  void on_imu(const sensor_msgs::msg::Imu& msg) {
    std::lock_guard<std::mutex> lock(mutex_);
    last_imu_ = msg;
    ++imu_count_;
  }

  void publish_heading() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (imu_count_ == 0) return;
    const int64_t age = now().nanoseconds() / 1000000000 - last_imu_.header.stamp.sec;
    if (age > max_age_sec_) {
      RCLCPP_WARN(get_logger(), "IMU data is %lld s old", static_cast<long long>(age));
      return;
    }
    publish(compute_heading());
  }

  void on_trigger(const std::string& requester) {
    RCLCPP_INFO(get_logger(), "heading snapshot requested by %s", requester.c_str());
    publish(compute_heading());
  }

  double compute_heading() const {
    const auto& q = last_imu_.orientation;  // EXPECT: concurrency-unguarded-field
    const double yaw = std::atan2(2.0 * (q.w * q.z + q.x * q.y), 1.0 - 2.0 * (q.y * q.y + q.z * q.z));
    double deg = yaw * 180.0 / M_PI + declination_;
    if (deg < 0.0) deg += 360.0;
    return deg;
  }

  void publish(double heading_deg) {
    std_msgs::msg::String out;
    out.data = std::to_string(heading_deg);
    pub_->publish(out);
  }

  double declination_ = 0.0;
  int64_t max_age_sec_ = 1;
  rclcpp::Publisher<std_msgs::msg::String>::SharedPtr pub_;
  rclcpp::Subscription<sensor_msgs::msg::Imu>::SharedPtr imu_sub_;
  rclcpp::Subscription<std_msgs::msg::String>::SharedPtr trigger_sub_;
  rclcpp::TimerBase::SharedPtr timer_;

  std::mutex mutex_;
  sensor_msgs::msg::Imu last_imu_;
  uint64_t imu_count_ = 0;
};

}  // namespace heading_estimator

int main(int argc, char** argv) {
  rclcpp::init(argc, argv);
  auto node = std::make_shared<heading_estimator::HeadingNode>();
  rclcpp::executors::MultiThreadedExecutor executor(4);
  executor.add_node(node);
  executor.spin();
  rclcpp::shutdown();
  return 0;
}
