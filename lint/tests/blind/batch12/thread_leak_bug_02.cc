// Embeds a ROS 2 node in a host application (a simulator plug-in): the
// bridge creates its own executor and spins it on a background thread so
// that the host's main loop is never blocked by ROS callbacks.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "geometry_msgs/msg/twist.hpp"
#include "rclcpp/rclcpp.hpp"

namespace sim_bridge {

class CommandBridge {
 public:
  explicit CommandBridge(const std::string& name)
      : node_(std::make_shared<rclcpp::Node>(name)) {
    sub_ = node_->create_subscription<geometry_msgs::msg::Twist>(
        "cmd_vel", rclcpp::QoS(10),
        [this](geometry_msgs::msg::Twist::ConstSharedPtr msg) {
          std::lock_guard<std::mutex> lock(mutex_);
          last_cmd_ = *msg;
          has_cmd_ = true;
        });
    executor_.add_node(node_);
    spin_thread_ = std::thread([this] { executor_.spin(); });
  }

  ~CommandBridge() {
    executor_.cancel();
    executor_.remove_node(node_);
  }

  // Host main loop, once per simulation step.
  bool latest_command(geometry_msgs::msg::Twist* out) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!has_cmd_) return false;
    *out = last_cmd_;
    return true;
  }

 private:
  rclcpp::Node::SharedPtr node_;
  rclcpp::executors::SingleThreadedExecutor executor_;
  rclcpp::Subscription<geometry_msgs::msg::Twist>::SharedPtr sub_;
  std::thread spin_thread_;  // EXPECT: concurrency-thread-leak

  std::mutex mutex_;
  geometry_msgs::msg::Twist last_cmd_;
  bool has_cmd_ = false;
};

// Host plug-in entry points: the simulator creates one bridge per robot and
// destroys it when the robot is removed from the scene.
class RobotPlugin {
 public:
  explicit RobotPlugin(const std::string& robot_name)
      : bridge_(std::make_unique<CommandBridge>(robot_name + "_bridge")) {}

  // Simulation step: applies the latest velocity command to the robot.
  void step(double dt, double* x, double* yaw) {
    geometry_msgs::msg::Twist cmd;
    if (!bridge_->latest_command(&cmd)) return;
    *x += cmd.linear.x * dt;
    *yaw += cmd.angular.z * dt;
    ++steps_with_command_;
  }

  uint64_t steps_with_command() const { return steps_with_command_; }

 private:
  std::unique_ptr<CommandBridge> bridge_;
  // Only used by the simulator's main thread.
  uint64_t steps_with_command_ = 0;
};

}  // namespace sim_bridge
