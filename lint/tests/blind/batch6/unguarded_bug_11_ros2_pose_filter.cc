// ROS 2-style pose filter node. Pose, IMU and timer callbacks share one
// Reentrant callback group, so the MultiThreadedExecutor runs them in
// parallel; the filter state is protected by mutex_.
#include <chrono>
#include <mutex>

#include "mock/rclcpp_lite.h"

using geometry_msgs::msg::Pose;
using geometry_msgs::msg::PoseStamped;
using sensor_msgs::msg::Imu;
using namespace std::chrono_literals;

class PoseFilterNode : public rclcpp::Node {
 public:
  PoseFilterNode() : Node("pose_filter") {
    group_ = create_callback_group(rclcpp::CallbackGroupType::Reentrant);
    rclcpp::SubscriptionOptions options;
    options.callback_group = group_;
    pose_sub_ = create_subscription<PoseStamped>(
        "pose", rclcpp::QoS(10), [this](PoseStamped::ConstSharedPtr msg) { OnPose(*msg); },
        options);
    imu_sub_ = create_subscription<Imu>(
        "imu", rclcpp::QoS(50), [this](Imu::ConstSharedPtr msg) { OnImu(*msg); }, options);
    pub_ = create_publisher<PoseStamped>("pose_filtered", rclcpp::QoS(10));
    timer_ = create_wall_timer(20ms, [this] { PublishFiltered(); }, group_);
  }

  // Read by the diagnostics updater's thread.
  size_t dropped_messages() const {
    return dropped_;  // EXPECT: concurrency-unguarded-field
  }

  void ResetFilter() {
    std::lock_guard<std::mutex> lock(mutex_);
    estimate_ = Pose();
    yaw_rate_ = 0.0;
    last_stamp_ns_ = 0;
  }

 private:
  void OnPose(const PoseStamped& msg) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (msg.stamp_ns < last_stamp_ns_) {
      ++dropped_;
      return;
    }
    last_stamp_ns_ = msg.stamp_ns;
    estimate_.x = 0.8 * estimate_.x + 0.2 * msg.pose.x;
    estimate_.y = 0.8 * estimate_.y + 0.2 * msg.pose.y;
  }

  void OnImu(const Imu& msg) {
    // 200 Hz; kept off the pose lock to avoid contention.
    yaw_rate_ = msg.angular_velocity_z;  // EXPECT: concurrency-unguarded-field
  }

  void PublishFiltered() {
    PoseStamped out;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      out.stamp_ns = last_stamp_ns_;
      out.pose = estimate_;
      out.pose.qz += yaw_rate_ * 0.02;
      if (dropped_ > 100) RCLCPP_WARN(get_logger(), "pose_filter: dropping stale poses\n");
    }
    pub_->publish(out);
  }

  rclcpp::CallbackGroup::SharedPtr group_;
  rclcpp::Subscription<PoseStamped>::SharedPtr pose_sub_;
  rclcpp::Subscription<Imu>::SharedPtr imu_sub_;
  rclcpp::Publisher<PoseStamped>::SharedPtr pub_;
  rclcpp::TimerBase::SharedPtr timer_;

  mutable std::mutex mutex_;
  Pose estimate_;
  double yaw_rate_ = 0.0;
  int64_t last_stamp_ns_ = 0;
  size_t dropped_ = 0;
};

int main(int argc, char** argv) {
  rclcpp::init(argc, argv);
  auto node = std::make_shared<PoseFilterNode>();
  rclcpp::executors::MultiThreadedExecutor executor(4);
  executor.add_node(node);
  executor.spin();
  rclcpp::shutdown();
  return 0;
}
