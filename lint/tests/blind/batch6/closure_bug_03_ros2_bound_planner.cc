// ROS 2-style local planner: the replanning timer is bound to a member
// function with std::bind(&LocalPlanner::OnReplanTimer, this). The goal
// frame is changed by SetGoalFrame(), which the mission node calls from its
// own executor thread, with no lock shared with the timer callback.
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "mock/rclcpp_lite.h"

using geometry_msgs::msg::PoseStamped;
using namespace std::chrono_literals;

class LocalPlanner : public rclcpp::Node {
 public:
  LocalPlanner() : Node("local_planner") {
    path_pub_ = create_publisher<PoseStamped>("local_path", rclcpp::QoS(1));
    replan_timer_ = create_wall_timer(100ms, std::bind(&LocalPlanner::OnReplanTimer, this));
  }

  // Mission node's executor thread.
  void SetGoalFrame(const std::string& frame) { goal_frame_ = frame; }

  void SetWaypoints(std::vector<PoseStamped> waypoints) {
    std::lock_guard<std::mutex> lock(waypoints_mutex_);
    waypoints_ = std::move(waypoints);
    next_waypoint_ = 0;
  }

 private:
  void OnReplanTimer() {
    PoseStamped target;
    {
      std::lock_guard<std::mutex> lock(waypoints_mutex_);
      if (next_waypoint_ >= waypoints_.size()) return;
      target = waypoints_[next_waypoint_++];
    }
    if (goal_frame_ != "map") {  // EXPECT: concurrency-closure-captures-mutable
      RCLCPP_WARN(get_logger(), "goal is not in the map frame; transforming\n");
      target.pose.x += 0.0;
    }
    path_pub_->publish(target);
  }

  rclcpp::Publisher<PoseStamped>::SharedPtr path_pub_;
  rclcpp::TimerBase::SharedPtr replan_timer_;
  std::string goal_frame_ = "map";
  std::mutex waypoints_mutex_;
  std::vector<PoseStamped> waypoints_;
  size_t next_waypoint_ = 0;
};
