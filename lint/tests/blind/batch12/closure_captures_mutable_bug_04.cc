// waypoint_follower: steers toward the current goal at 20 Hz. Goals are set
// by the mission planner through set_goal(), from the planner's thread.

#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "geometry_msgs/msg/twist.hpp"
#include "rclcpp/rclcpp.hpp"

using namespace std::chrono_literals;

namespace follower {

class WaypointFollower : public rclcpp::Node {
 public:
  WaypointFollower() : rclcpp::Node("waypoint_follower") {
    gain_ = declare_parameter("gain", 0.8);
    cmd_pub_ = create_publisher<geometry_msgs::msg::Twist>("cmd_vel", rclcpp::QoS(10));
    pose_sub_ = create_subscription<geometry_msgs::msg::PoseStamped>(
        "pose", rclcpp::QoS(10), [this](geometry_msgs::msg::PoseStamped::ConstSharedPtr msg) {
          std::lock_guard<std::mutex> lock(pose_mutex_);
          pose_ = msg->pose;
        });
    timer_ = create_wall_timer(50ms, [this] {
      geometry_msgs::msg::Pose pose;
      {
        std::lock_guard<std::mutex> lock(pose_mutex_);
        pose = pose_;
      }
      const double dx = goal_.position.x - pose.position.x;  // EXPECT: concurrency-closure-captures-mutable
      geometry_msgs::msg::Twist cmd;
      cmd.linear.x = gain_ * dx;
      cmd_pub_->publish(cmd);
    });
  }

  // Mission planner thread.
  void set_goal(const geometry_msgs::msg::Pose& goal) {
    goal_ = goal;
  }

 private:
  double gain_ = 0.8;
  rclcpp::Publisher<geometry_msgs::msg::Twist>::SharedPtr cmd_pub_;
  rclcpp::Subscription<geometry_msgs::msg::PoseStamped>::SharedPtr pose_sub_;
  rclcpp::TimerBase::SharedPtr timer_;
  std::mutex pose_mutex_;
  geometry_msgs::msg::Pose pose_;
  geometry_msgs::msg::Pose goal_;
};

// Feeds the follower one waypoint after another from its own thread, as
// the previous waypoint is reached.
class MissionPlanner {
 public:
  MissionPlanner(WaypointFollower& follower, std::vector<geometry_msgs::msg::Pose> waypoints)
      : follower_(follower), waypoints_(std::move(waypoints)) {}

  ~MissionPlanner() { stop(); }

  void start() {
    thread_ = std::thread([this] {
      for (const auto& wp : waypoints_) {
        if (stop_.load()) return;
        follower_.set_goal(wp);
        std::this_thread::sleep_for(std::chrono::seconds(5));
      }
    });
  }

  void stop() {
    stop_.store(true);
    if (thread_.joinable()) thread_.join();
  }

 private:
  WaypointFollower& follower_;
  const std::vector<geometry_msgs::msg::Pose> waypoints_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace follower
