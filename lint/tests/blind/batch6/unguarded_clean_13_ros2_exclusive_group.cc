// ROS 2-style velocity controller on a MultiThreadedExecutor. The command
// subscription and the control timer share one MutuallyExclusive callback
// group, so the executor never runs them at the same time: the controller
// state is confined to that group. Counters read by the diagnostics thread
// are atomics.
#include <atomic>
#include <chrono>

#include "mock/rclcpp_lite.h"

using geometry_msgs::msg::PoseStamped;
using geometry_msgs::msg::Twist;
using namespace std::chrono_literals;

class VelocityController : public rclcpp::Node {
 public:
  VelocityController() : Node("velocity_controller") {
    control_group_ = create_callback_group(rclcpp::CallbackGroupType::MutuallyExclusive);
    rclcpp::SubscriptionOptions options;
    options.callback_group = control_group_;
    goal_sub_ = create_subscription<PoseStamped>(
        "goal", rclcpp::QoS(1), [this](PoseStamped::ConstSharedPtr msg) { OnGoal(*msg); },
        options);
    cmd_pub_ = create_publisher<Twist>("cmd_vel", rclcpp::QoS(10));
    timer_ = create_wall_timer(10ms, [this] { ControlStep(); }, control_group_);
  }

  // Diagnostics thread.
  uint64_t steps() const { return steps_.load(std::memory_order_relaxed); }
  uint64_t goals() const { return goals_.load(std::memory_order_relaxed); }

 private:
  void OnGoal(const PoseStamped& goal) {
    goal_x_ = goal.pose.x;
    goal_y_ = goal.pose.y;
    integral_ = 0.0;
    have_goal_ = true;
    goals_.fetch_add(1, std::memory_order_relaxed);
  }

  void ControlStep() {
    steps_.fetch_add(1, std::memory_order_relaxed);
    if (!have_goal_) return;
    double error = goal_x_ - position_x_;
    integral_ += error * 0.01;
    Twist cmd;
    cmd.linear_x = 0.8 * error + 0.1 * integral_;
    cmd.angular_z = 0.5 * (goal_y_ - position_y_);
    position_x_ += cmd.linear_x * 0.01;
    position_y_ += cmd.angular_z * 0.01;
    cmd_pub_->publish(cmd);
  }

  rclcpp::CallbackGroup::SharedPtr control_group_;
  rclcpp::Subscription<PoseStamped>::SharedPtr goal_sub_;
  rclcpp::Publisher<Twist>::SharedPtr cmd_pub_;
  rclcpp::TimerBase::SharedPtr timer_;

  // Confined to control_group_ (mutually exclusive): no lock needed.
  double goal_x_ = 0.0;
  double goal_y_ = 0.0;      // Confined to control_group_.
  double integral_ = 0.0;    // Confined to control_group_.
  double position_x_ = 0.0;  // Confined to control_group_.
  double position_y_ = 0.0;  // Confined to control_group_.
  bool have_goal_ = false;   // Confined to control_group_.

  std::atomic<uint64_t> steps_{0};
  std::atomic<uint64_t> goals_{0};
};

int main(int argc, char** argv) {
  rclcpp::init(argc, argv);
  rclcpp::executors::MultiThreadedExecutor executor(4);
  executor.add_node(std::make_shared<VelocityController>());
  executor.spin();
  rclcpp::shutdown();
  return 0;
}
